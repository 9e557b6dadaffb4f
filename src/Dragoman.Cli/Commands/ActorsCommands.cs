using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Dragoman.Actors;
using Dragoman.Documents;
using Dragoman.Pipeline;
using Dragoman.Text;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dragoman.Cli.Commands;

public sealed class ActorsBuildSettings : CommandSettings
{
    [CommandOption("--from <DIR>")]
    [Description("Folder holding petrarch2/, ngec-plover/ and countryinfo/ (the field's dictionaries in their own syntax).")]
    [DefaultValue("../shared/data")]
    public string From { get; init; } = "../shared/data";

    [CommandOption("--out <FILE>")]
    [Description("Compiled dictionary to write (gzip TSV).")]
    [DefaultValue("data/actors/actors.tsv.gz")]
    public string Out { get; init; } = "data/actors/actors.tsv.gz";
}

/// <summary>Compiles the Phoenix/PLOVER/CountryInfo dictionaries into the compact file the product loads.</summary>
public sealed class ActorsBuildCommand : Command<ActorsBuildSettings>
{
    public override int Execute(CommandContext context, ActorsBuildSettings settings, CancellationToken cancellationToken)
    {
        var curated = Path.GetDirectoryName(Path.GetFullPath(settings.Out))!;
        var sw = Stopwatch.StartNew();
        var built = ActorDictionary.BuildFromSources(settings.From, curated);
        if (!built.IsOk) { Console.Error.WriteLine($"dragoman: {built.Error}"); return 1; }
        var d = built.Value!;
        d.WriteCompiled(settings.Out, "petrarch2@676801c Phoenix.{Countries,International,MilNonState}.actors.txt, Phoenix.agents.txt; ngec-plover@a3909e2 PLOVER_agents.txt; countryinfo@07c9c54 CountryInfo.120116.txt");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"actors: {d.Entries.Count} entries, {d.Agents.Count} agents, {d.Countries.Count} countries, {d.Leaders.Count} leader terms, {d.WordCount} words, {d.NodeCount} trie nodes -> {settings.Out} ({new FileInfo(settings.Out).Length / 1024} KiB) in {sw.ElapsedMilliseconds} ms"));
        return 0;
    }
}

public sealed class ActorsBenchSettings : CommandSettings
{
    [CommandArgument(0, "<CSV>")]
    [Description("FA-KES style CSV (article_content column) to run the actor stage over.")]
    public string Csv { get; init; } = "";

    [CommandOption("--repeat <N>")]
    [DefaultValue(5)]
    public int Repeat { get; init; } = 5;
}

/// <summary>Measures dictionary matching and linking alone (text stage excluded from the timing), single thread.</summary>
public sealed class ActorsBenchCommand : Command<ActorsBenchSettings>
{
    public override int Execute(CommandContext context, ActorsBenchSettings settings, CancellationToken cancellationToken)
    {
        if (!File.Exists(settings.Csv)) { Console.Error.WriteLine($"dragoman: {settings.Csv}: no such file"); return 1; }
        var texts = ReadContents(settings.Csv);
        if (texts.Count == 0) { Console.Error.WriteLine($"dragoman: {settings.Csv}: no article_content rows"); return 1; }
        var sw = Stopwatch.StartNew();
        var dict = ActorResources.Load();
        var loadMs = sw.ElapsedMilliseconds;
        var docs = texts.Select(t => new Article { Uri = "bench", Text = t }).ToList();
        var text = new TextComponent();
        var mentionsC = new ActorMentionComponent(dict);
        var link = new LinkingComponent(dict);
        long tokens = 0, chars = 0, mentionTicks = 0, linkTicks = 0;
        int entities = 0;
        for (int r = 0; r < settings.Repeat; r++)
        {
            foreach (var a in docs)
            {
                var doc = new Document(a, new DateOnly(2017, 1, 1));
                text.Process(doc);
                long t0 = Stopwatch.GetTimestamp();
                mentionsC.Process(doc);
                long t1 = Stopwatch.GetTimestamp();
                link.Process(doc);
                long t2 = Stopwatch.GetTimestamp();
                mentionTicks += t1 - t0; linkTicks += t2 - t1;
                if (r == 0) { tokens += doc.Tokens.Length; chars += doc.Text.Length; entities += doc.Entities.Count; }
            }
        }
        double f = Stopwatch.Frequency;
        double mS = mentionTicks / f / settings.Repeat, lS = linkTicks / f / settings.Repeat;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"actors bench: {docs.Count} articles, {tokens} tokens, {chars} chars, {entities} entities; dictionary load {loadMs} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"mentions (dictionary + candidates): {tokens / mS:F0} tokens/s; linking: {tokens / lS:F0} tokens/s; both: {tokens / (mS + lS):F0} tokens/s, {docs.Count / (mS + lS):F0} articles/s (1 thread)"));
        return 0;
    }

    /// <summary>The article_content column of a FA-KES style CSV.</summary>
    private static List<string> ReadContents(string path)
    {
        var rows = CsvTable.ReadWithHeader(File.ReadAllText(path));
        if (!rows.IsOk) throw new InvalidDataException($"{path}: {rows.Error}");
        return rows.Value!.Where(r => r.ContainsKey("article_content")).Select(r => r["article_content"]).ToList();
    }
}
