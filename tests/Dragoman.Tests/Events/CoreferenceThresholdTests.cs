using Dragoman.Evaluation;

namespace Dragoman.Tests.Events;

/// <summary>How the coreference trainer scores a clustering per telling and picks the threshold it ships.</summary>
public class CoreferenceThresholdTests
{
    public static TheoryData<string, double[], double[], double> Choices => new()
    {
        { "one clear peak is chosen", [0.2, 0.3, 0.4, 0.5, 0.6], [0.30, 0.50, 0.60, 0.50, 0.30], 0.4 },
        { "a lone spike loses to a broad plateau: neighbours weigh in", [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8], [0.40, 0.70, 0.40, 0.60, 0.62, 0.60, 0.50], 0.6 },
        { "a flat objective goes to the highest threshold: the fewest joins", [0.2, 0.3, 0.4], [0.60, 0.60, 0.60], 0.4 },
        { "differences under the tie tolerance are ties, so the higher threshold wins", [0.2, 0.3, 0.4], [0.6003, 0.6003, 0.6000], 0.4 },
        { "a difference above the tolerance is no tie: the lower threshold keeps it", [0.2, 0.3, 0.4], [0.62, 0.62, 0.60], 0.2 },
        { "the sweep's order does not matter", [0.5, 0.3, 0.2, 0.6, 0.4], [0.50, 0.50, 0.30, 0.30, 0.60], 0.4 },
        { "a single point is its own best", [0.5], [0.10], 0.5 },
    };

    [Theory]
    [MemberData(nameof(Choices))]
    public void The_threshold_is_the_best_smoothed_objective_with_ties_to_the_higher(string why, double[] thresholds, double[] objectives, double expected)
    {
        var got = CoreferenceTraining.BestThreshold(thresholds.Zip(objectives).ToList());
        Assert.True(Math.Abs(got - expected) < 1e-9, $"{why}: got {got}");
    }

    [Fact]
    public void An_empty_sweep_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => CoreferenceTraining.BestThreshold(new List<(double, double)>()));
        Assert.Contains("empty sweep", error.Message);
    }

    public static TheoryData<string, double[], double[]> Smoothings => new()
    {
        { "each value is averaged with one neighbour each side", [0.0, 0.3, 0.6, 0.3], [0.15, 0.3, 0.4, 0.45] },
        { "a single value stays as it is", [0.7], [0.7] },
        { "two values are each averaged with the other", [0.2, 0.4], [0.3, 0.3] },
    };

    [Theory]
    [MemberData(nameof(Smoothings))]
    public void Objectives_are_smoothed_over_neighbouring_thresholds(string why, double[] values, double[] expected)
    {
        var got = CoreferenceTraining.Smoothed(values);
        Assert.True(got.Zip(expected).All(p => Math.Abs(p.First - p.Second) < 1e-9) && got.Length == expected.Length, $"{why}: got {string.Join(", ", got)}");
    }

    private static CoreferencePair Same(int a, int b) => new(a, b, true);
    private static CoreferencePair Different(int a, int b) => new(a, b, false);

    public static TheoryData<string, CoreferencePair[], int[], double?, double?> Bcubeds => new()
    {
        { "two tellings of one happening joined: all right", [Same(0, 1)], [0, 0], 1.0, 1.0 },
        { "two tellings of one happening apart: nothing recalled, and no joined mate to be precise about", [Same(0, 1)], [0, 1], null, 0.0 },
        { "two happenings joined: nothing precise, and no partner to recall", [Different(0, 1)], [0, 0], 0.0, null },
        { "two happenings apart: neither precision nor recall has a telling to judge", [Different(0, 1)], [0, 1], null, null },
        // 0 and 1 one happening, 2 another, all joined: 0 and 1 each have one right and one wrong mate, 2 only wrong ones
        { "a wrong join spoils every telling of the joined event", [Same(0, 1), Different(0, 2), Different(1, 2)], [0, 0, 0], (0.5 + 0.5 + 0.0) / 3, 1.0 },
        { "unlabelled pairs say nothing: only labelled partners count", [Same(0, 1)], [0, 0, 0], 1.0, 1.0 },
    };

    [Theory]
    [MemberData(nameof(Bcubeds))]
    public void B_cubed_weighs_every_labelled_telling_once(string why, CoreferencePair[] pairs, int[] cluster, double? precision, double? recall)
    {
        var scores = CoreferenceTraining.Bcubed(pairs, cluster).ToList();
        double? Mean(IEnumerable<double?> xs) => xs.OfType<double>().ToList() is { Count: > 0 } v ? v.Average() : null;
        double? p = Mean(scores.Select(s => s.Precision)), r = Mean(scores.Select(s => s.Recall));
        bool Near(double? x, double? y) => x is null ? y is null : y is not null && Math.Abs(x.Value - y.Value) < 1e-9;
        Assert.True(Near(p, precision) && Near(r, recall), $"{why}: got precision {p}, recall {r}");
    }
}
