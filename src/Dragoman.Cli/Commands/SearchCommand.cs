using System.ComponentModel;
using System.Text;
using System.Text.Json.Nodes;
using Dragoman.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dragoman.Cli.Commands;

public sealed class SearchSettings : StoreSettings
{
    [CommandArgument(0, "<QUERY>")]
    [Description("SQLite FTS5 query over article titles and text: words, \"phrases\", AND/OR/NOT, NEAR(a b), prefix*, title:word. Several arguments are one query; words FTS5 cannot read (al-Nablusi) are searched as phrases.")]
    public string[] Words { get; init; } = [];

    public string Query => string.Join(' ', Words);

    [CommandOption("--format <FORMAT>")]
    [Description("table (default) or json.")]
    [DefaultValue("table")]
    public string Format { get; init; } = "table";

    [CommandOption("--limit <N>")]
    [Description("At most N articles (default 20).")]
    [DefaultValue(20)]
    public int Limit { get; init; } = 20;

    public override ValidationResult Validate() =>
        Limit < 1 ? ValidationResult.Error("--limit must be 1 or more")
        : Format is not ("table" or "json") ? ValidationResult.Error($"--format must be table or json, not '{Format}'")
        : ValidationResult.Success();
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
        if (settings.Format == "json")
        {
            Console.Out.WriteLine(new JsonArray([.. hits.Select(h => (JsonNode)HitJson(h))]).ToJsonString(Dragoman.Output.DocumentJson.Indented));
            return 0;
        }
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

    /// <summary>A hit as JSON: the article, the snippet as plain text and the matches as [start, end) offsets into it.</summary>
    public static JsonObject HitJson(SearchHit h)
    {
        var text = new StringBuilder();
        var matches = new JsonArray();
        int open = -1;
        foreach (var c in h.Snippet)
        {
            if (c == SearchHit.MatchStart) open = text.Length;
            else if (c == SearchHit.MatchEnd && open >= 0) { matches.Add(new JsonArray(open, text.Length)); open = -1; }
            else text.Append(c);
        }
        return new JsonObject
        {
            ["id"] = h.Article.Key,
            ["hash"] = h.Article.Hash,
            ["title"] = h.Article.Title,
            ["published"] = h.Article.Published,
            ["publisher"] = h.Article.Publisher,
            ["events"] = h.Article.EventCount,
            ["snippet"] = text.ToString(),
            ["matches"] = matches,
            ["rank"] = h.Rank,
        };
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
