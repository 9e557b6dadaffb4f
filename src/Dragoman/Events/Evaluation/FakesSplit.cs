using Dragoman.Evaluation;

namespace Dragoman.Events.Evaluation;

/// <summary>
/// The fixed development / held-back split of FA-KES dev (docs/evaluation.md), the one FA-KES file we have: the
/// victim-class model is trained and its settings chosen on the development part only, so that the held part measures
/// it. Rule, as articles-gold's (<see cref="ArticleSplit"/>): within each source (the <c>source</c> column: sputnik,
/// ahram ...) the unit ids are ordered by their 64-bit FNV-1a hash and the first 30% (rounded) are held back. The held
/// ids are written once to data/eval/fakes-dev-held.txt, which is what training and the eval read.
/// </summary>
public static class FakesSplit
{
    public const string HeldFileName = "fakes-dev-held.txt";

    /// <summary>The held-back unit ids the rule chooses among the rows' (source, unit id) pairs, sorted.</summary>
    public static SortedSet<string> ChooseHeld(IEnumerable<(string Source, string Id)> rows)
    {
        var held = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var group in rows.Distinct().GroupBy(r => r.Source, StringComparer.Ordinal))
        {
            var ordered = group.Select(r => r.Id).Distinct(StringComparer.Ordinal)
                .OrderBy(ArticleSplit.StableHash).ThenBy(id => id, StringComparer.Ordinal).ToList();
            int take = (int)Math.Round(ordered.Count * ArticleSplit.HeldShare, MidpointRounding.AwayFromZero);
            foreach (var id in ordered.Take(take)) held.Add(id);
        }
        return held;
    }

    /// <summary>The shipped held-back ids (data/eval beside the binary).</summary>
    public static string BundledHeldFile => Path.Combine(Pipeline.PipelineResources.BundledDataDir, "eval", HeldFileName);

    /// <summary>The shipped held-back ids; empty when the file is absent (then every row is development).</summary>
    public static IReadOnlySet<string> BundledHeld() =>
        ArticleSplit.ReadHeld(BundledHeldFile) is { IsOk: true } held ? held.Value! : new HashSet<string>(StringComparer.Ordinal);
}
