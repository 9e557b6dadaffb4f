using System.Runtime.CompilerServices;

namespace Dragoman.Merge;

/// <summary>
/// Pair scores (<see cref="PairScorer.Value(MergeReport, MergeReport)"/>) remembered by the two report objects, in the
/// order asked. A store that hands back one object per stored report for a whole write transaction (SQLite: one batch of
/// articles) lets every re-clustering of the batch reuse the scores of the stored pairs its component shares with the
/// article before: a component of 40 reports is some 800 pairs, nearly all scored already by the previous article of
/// the same story. Keyed by object, not by ref, so a report read again after its row changed is a new key; the score is
/// the scorer's own for that order, so clustering with or without a memo gives the same groups.
/// </summary>
public sealed class PairScoreMemo
{
    private readonly Dictionary<(MergeReport, MergeReport), double> _scores = new(PairComparer.Instance);

    /// <summary>Pairs scored before (kept for the trace).</summary>
    public long Reused { get; private set; }

    public int Count => _scores.Count;

    public double Value(MergeReport a, MergeReport b)
    {
        if (_scores.TryGetValue((a, b), out double score))
        {
            Reused++;
            return score;
        }
        return _scores[(a, b)] = PairScorer.Value(a, b);
    }

    private sealed class PairComparer : IEqualityComparer<(MergeReport, MergeReport)>
    {
        public static readonly PairComparer Instance = new();

        public bool Equals((MergeReport, MergeReport) x, (MergeReport, MergeReport) y) =>
            ReferenceEquals(x.Item1, y.Item1) && ReferenceEquals(x.Item2, y.Item2);

        public int GetHashCode((MergeReport, MergeReport) p) =>
            HashCode.Combine(RuntimeHelpers.GetHashCode(p.Item1), RuntimeHelpers.GetHashCode(p.Item2));
    }
}
