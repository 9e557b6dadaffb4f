using Dragoman.Entities;

namespace Dragoman.Tests.Entities;

public class NerScorerTests
{
    // spans as "start-end-class;..." with class indexes 0 PER, 1 ORG, 2 LOC, 3 MISC
    private static List<TagSpan> Parse(string s) =>
        s.Length == 0 ? [] : [.. s.Split(';').Select(p => p.Split('-').Select(int.Parse).ToArray()).Select(a => new TagSpan(a[0], a[1], a[2]))];

    [Theory]
    [InlineData("0-2-0", "0-2-0", 0, 1, 0, 0, "the same span and class is a true positive")]
    [InlineData("0-2-0", "0-1-0", 0, 0, 1, 1, "a boundary error is a false positive and a false negative")]
    [InlineData("0-2-0", "0-2-1", 0, 0, 0, 1, "type confusion: a false negative for the gold class (PER)")]
    [InlineData("0-2-0", "0-2-1", 1, 0, 1, 0, "type confusion: a false positive for the predicted class (ORG)")]
    [InlineData("", "3-4-2", 2, 0, 1, 0, "a spurious entity is a false positive")]
    [InlineData("3-4-2;5-6-2", "5-6-2", 2, 1, 0, 1, "a missed entity is a false negative")]
    public void Counts_exact_matches(string gold, string predicted, int cls, int tp, int fp, int fn, string reason)
    {
        var s = new NerScorer();
        s.Add(Parse(gold), Parse(predicted));
        var c = s.For(cls);
        Assert.True((c.TruePositives, c.FalsePositives, c.FalseNegatives) == (tp, fp, fn), $"{reason}: got {c}");
    }

    [Theory]
    [InlineData("0-1-0;2-3-2", "0-1-0;2-3-1", 0.5, 0.5, "one right, one type-confused: micro p = r = 1/2")]
    [InlineData("0-1-0;2-3-2;4-5-3", "0-1-0", 1.0, 0.3333, "precise but incomplete")]
    [InlineData("", "", 0.0, 0.0, "nothing predicted or gold: scores are 0, not NaN")]
    public void Micro_averages(string gold, string predicted, double p, double r, string reason)
    {
        var s = new NerScorer();
        s.Add(Parse(gold), Parse(predicted));
        Assert.True(Math.Abs(s.Micro.Precision - p) < 1e-3 && Math.Abs(s.Micro.Recall - r) < 1e-3, $"{reason}: got p {s.Micro.Precision} r {s.Micro.Recall}");
    }
}
