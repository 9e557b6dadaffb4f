using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using Dragoman.Documents;
using Dragoman.Text;
using Dragoman.Time;
using Spectre.Console.Cli;

namespace Dragoman.Cli.Commands;

public sealed class BenchTimeSettings : CommandSettings
{
    [CommandArgument(0, "<PATH>")]
    [Description("Files or folders of text (.txt, .tml, .html: read as plain text; TimeML tags are stripped).")]
    public string[] Paths { get; init; } = [];

    [CommandOption("--rounds <N>")]
    [Description("Passes over the corpus (the first is a warm-up and not timed).")]
    [DefaultValue(5)]
    public int Rounds { get; init; } = 5;
}

/// <summary>Speed of the time tagger alone (recognition + normalisation) on one core, tokenisation timed separately.</summary>
public sealed class BenchTimeCommand : Command<BenchTimeSettings>
{
    public override int Execute(CommandContext context, BenchTimeSettings settings, CancellationToken cancellationToken)
    {
        var texts = new List<string>();
        foreach (var p in settings.Paths)
        {
            var files = Directory.Exists(p) ? Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal) : File.Exists(p) ? [p] : Enumerable.Empty<string>();
            foreach (var f in files)
            {
                var raw = File.ReadAllText(f);
                texts.Add(f.EndsWith(".tml", StringComparison.OrdinalIgnoreCase) && TimeMlReader.Read(f, raw) is { IsOk: true } t ? t.Value!.Text : raw);
            }
        }
        if (texts.Count == 0) { Console.Error.WriteLine("dragoman: no input text"); return 2; }
        long chars = texts.Sum(t => (long)t.Length);
        long bytes = texts.Sum(t => (long)Encoding.UTF8.GetByteCount(t));
        var reference = new DateOnly(2019, 2, 10);
        var docs = texts.Select(t =>
        {
            var d = new Document(new Article { Uri = "bench", Text = t }, reference);
            d.Tokens = Tokenizer.Tokenize(t);
            d.Sentences = SentenceSplitter.Split(t, d.Tokens);
            return d;
        }).ToList();
        long found = 0;
        double best = double.MaxValue, total = 0;
        int timed = 0;
        for (int round = 0; round < Math.Max(2, settings.Rounds); round++)
        {
            var sw = Stopwatch.StartNew();
            long f = 0;
            foreach (var d in docs) f += TimeTagger.Tag(d).Count;
            sw.Stop();
            if (round == 0) { found = f; continue; }
            best = Math.Min(best, sw.Elapsed.TotalSeconds);
            total += sw.Elapsed.TotalSeconds;
            timed++;
        }
        var tsw = Stopwatch.StartNew();
        foreach (var t in texts) { var tk = Tokenizer.Tokenize(t); SentenceSplitter.Split(t, tk); }
        tsw.Stop();
        double mean = total / timed;
        Console.WriteLine($"documents {docs.Count}, {bytes / 1e6:F2} MB UTF-8 ({chars} chars), {found} time expressions");
        Console.WriteLine($"time tagger (1 thread): mean {mean * 1000:F1} ms/pass, {bytes / 1e6 / mean:F2} MB/s (best {bytes / 1e6 / best:F2} MB/s)");
        Console.WriteLine($"tokenizer + sentence splitter (1 thread, one pass): {bytes / 1e6 / tsw.Elapsed.TotalSeconds:F2} MB/s");
        Console.WriteLine($"{{\"task\":\"bench-time\",\"docs\":{docs.Count},\"mb\":{bytes / 1e6:F3},\"expressions\":{found},\"mb_per_s\":{bytes / 1e6 / mean:F2},\"mb_per_s_best\":{bytes / 1e6 / best:F2}}}");
        return 0;
    }
}
