using Dragoman.Ingest;
using Dragoman.Merge;
using Dragoman.Pipeline;
using Dragoman.Storage;
using Dragoman.Storage.Sqlite;

namespace Dragoman.Cli.Commands;

/// <summary>What `eval merge` and `train merge` share: ingesting a merge-gold folder and finding each article's labelled report.</summary>
internal static class MergeGoldStore
{
    /// <summary>A merge-gold folder read: its input, gold labels, hard-negative pairs and the held-back incidents.</summary>
    public sealed record Folder(string Input, IReadOnlyList<MergeGoldArticle> Gold, IReadOnlyList<(string A, string B)> Negatives, IReadOnlySet<string> Held);

    /// <summary>Reads DIR's gold.jsonl and negatives.json and the shipped held-back list; null and a message naming the file when one is missing or bad.</summary>
    public static (Folder? Folder, string? Error) Read(string dir)
    {
        string input = Path.Combine(dir, "input.jsonl"), goldPath = Path.Combine(dir, "gold.jsonl");
        foreach (var f in new[] { input, goldPath })
            if (!File.Exists(f)) return (null, $"{f}: not found ({dir} must hold input.jsonl and gold.jsonl)");
        if (!File.Exists(MergeGoldSplit.HeldPath)) return (null, $"{MergeGoldSplit.HeldPath}: the held-back list is missing (a broken install)");
        try
        {
            return (new Folder(input, MergeEvaluation.ReadGold(goldPath), MergeEvaluation.ReadNegatives(Path.Combine(dir, "negatives.json")),
                MergeEvaluation.ReadIds(MergeGoldSplit.HeldPath)), null);
        }
        catch (FormatException ex) { return (null, ex.Message); }
    }

    /// <summary>Runs the pipeline over input.jsonl and stores (and merges) every article; returns the ingest summary line.</summary>
    public static string Ingest(IEventStore store, string input, PipelineSettings settings, bool reverse, CancellationToken cancel)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var items = StoreIngest.Prepare(InputSources.Expand([input])).ToList();
        if (reverse) items.Reverse();
        var summary = new StoreIngest(store, StandardPipeline.Build(settings.Resources()), settings.PublishedDate).Run(items, cancel: cancel);
        return $"ingested {summary.Stored} of {summary.Read} articles ({summary.Failed} failed) in {clock.Elapsed.TotalSeconds:0.0} s";
    }

    /// <summary>
    /// Every stored article (keyed by the file name its URI ends with) and the event it is labelled by: its first main
    /// event of political violence, else of another mergeable family (the events stage's main-event flag will replace
    /// this when it lands); null when it has none.
    /// </summary>
    public static IEnumerable<(string File, long ArticleId, string? EventId)> MainEvents(IEventStore store)
    {
        long articles = store.Counts().Articles;
        for (long id = 1, found = 0; found < articles && id < articles * 4 + 16; id++)
        {
            if (store.GetArticle(id) is not { } a) continue;
            found++;
            var file = a.Article.Uri[(a.Article.Uri.LastIndexOfAny(['/', '\\']) + 1)..];
            var shown = a.Events.Where(e => e.Main && !e.Historical).OrderBy(e => e.Ordinal).ToList();
            var main = shown.FirstOrDefault(e => MergeFamilies.Of(e.AcledType) == MergeFamilies.Violence)
                ?? shown.FirstOrDefault(e => MergeFamilies.Of(e.AcledType) is not null);
            yield return (file, id, main?.EventId);
        }
    }
}
