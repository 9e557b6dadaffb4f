using System.ComponentModel;
using System.Text;
using Dragoman.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dragoman.Cli.Commands;

public sealed class SearchSettings : StoreSettings
{
    [CommandArgument(0, "<QUERY>")]
    [Description("SQLite FTS5 query over article titles and text: words, \"phrases\", AND/OR/NOT, NEAR(a b), prefix*, title:word.")]
    public string Query { get; init; } = "";

    [CommandOption("--limit <N>")]
    [Description("At most N articles (default 20).")]
    [DefaultValue(20)]
    public int Limit { get; init; } = 20;

    public override ValidationResult Validate() =>
        Limit < 1 ? ValidationResult.Error("--limit must be 1 or more") : ValidationResult.Success();
}

/// <summary>Full-text search over stored articles, best first, with a snippet around the matches.</summary>
public sealed class SearchCommand : Command<SearchSettings>
{
    public override int Execute(CommandContext context, SearchSettings settings, CancellationToken cancellationToken)
    {
        Terminal.WidenWhenRedirected();
        var opened = StoreFiles.OpenExisting(settings.Db);
        if (!opened.IsOk) return Terminal.Fail(opened.Error!);
        using var store = opened.Value!;
        var result = store.Search(settings.Query, settings.Limit);
        if (!result.IsOk) return Terminal.Fail(result.Error!);
        var hits = result.Value!;
        if (hits.Count == 0)
        {
            Console.Out.WriteLine($"no article matches \"{settings.Query}\"");
            return 0;
        }
        bool colour = Terminal.IsInteractive;
        var table = new Table().Border(TableBorder.Rounded).AddColumn("id").AddColumn("published").AddColumn("title").AddColumn("events").AddColumn("snippet");
        foreach (var h in hits)
            table.AddRow(
                TerminalText.Markup(h.Article.Key),
                TerminalText.Markup(h.Article.Published ?? ""),
                TerminalText.Markup(h.Article.Title ?? ""),
                h.Article.EventCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Snippet(h.Snippet, colour));
        AnsiConsole.Write(table);
        Console.Out.WriteLine($"{hits.Count} article(s); `dragoman show ID` to read one");
        return 0;
    }

    /// <summary>The snippet as markup: matches in colour on a terminal, in [brackets] when not.</summary>
    public static string Snippet(string snippet, bool colour)
    {
        var parts = snippet.Replace('\n', ' ').Split(SearchHit.MatchStart);
        var sb = new StringBuilder(TerminalText.Markup(parts[0]));
        foreach (var part in parts.Skip(1))
        {
            int close = part.IndexOf(SearchHit.MatchEnd);
            if (close < 0) close = part.Length;
            var match = TerminalText.Markup(part[..close]);
            sb.Append(colour ? $"[bold yellow]{match}[/]" : $"[[{match}]]");
            if (close < part.Length) sb.Append(TerminalText.Markup(part[(close + 1)..]));
        }
        return sb.ToString();
    }
}
