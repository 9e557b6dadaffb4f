namespace Dragoman.Entities;

/// <summary>Counts for one entity class under exact-match scoring.</summary>
public sealed record ClassScore(int TruePositives, int FalsePositives, int FalseNegatives)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);
    public double Recall => TruePositives + FalseNegatives == 0 ? 0 : (double)TruePositives / (TruePositives + FalseNegatives);
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>
/// Entity-level exact-match scoring as conlleval does it: a predicted entity counts only when its start, end and class
/// all equal a gold entity's. A right span with the wrong class is a false positive for the predicted class and a false
/// negative for the gold class.
/// </summary>
public sealed class NerScorer
{
    private readonly int[] _tp = new int[NerLabels.ClassCount];
    private readonly int[] _fp = new int[NerLabels.ClassCount];
    private readonly int[] _fn = new int[NerLabels.ClassCount];

    public int Sentences { get; private set; }
    public int Tokens { get; private set; }

    /// <summary>Adds one sentence's gold and predicted spans (token ranges of the same sentence).</summary>
    public void Add(IReadOnlyCollection<TagSpan> gold, IReadOnlyCollection<TagSpan> predicted, int tokens = 0)
    {
        Sentences++;
        Tokens += tokens;
        var goldSet = new HashSet<TagSpan>(gold);
        foreach (var p in predicted)
        {
            if (goldSet.Remove(p)) _tp[p.Class]++;
            else _fp[p.Class]++;
        }
        foreach (var g in goldSet) _fn[g.Class]++;
    }

    public ClassScore For(int cls) => new(_tp[cls], _fp[cls], _fn[cls]);

    public ClassScore Micro => new(_tp.Sum(), _fp.Sum(), _fn.Sum());
}
