using Dragoman.Documents;
using Dragoman.Geo;
using Dragoman.Tests.Support;

namespace Dragoman.Tests.Geo;

/// <summary>
/// The resolver's confidence model (models/geo/place-confidence.tsv): reading and checking model files, fitting, the
/// reliability table, and what the resolver does with a choice under the threshold (left as text, never a point).
/// </summary>
public class PlaceConfidenceTests
{
    private static string ModelText(double threshold, Func<string, double> weight, string? skip = null, string header = PlaceConfidence.ModelHeader) =>
        header + "\n" + "threshold\t" + threshold.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\n"
        + string.Join("\n", PlaceConfidence.FeatureNames.Where(f => f != skip).Select(f => f + "\t" + weight(f).ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private static Result<PlaceConfidence> LoadText(string text)
    {
        var path = Path.GetTempFileName();
        try { File.WriteAllText(path, text); return PlaceConfidence.Load(path); }
        finally { File.Delete(path); }
    }

    public static TheoryData<string, string, string> BadModels => new()
    {
        { "# some other model\nthreshold\t0.5", "not a place-confidence model", "a file of another kind is refused by its first line" },
        { ModelText(0.5, _ => 0.1, skip: "margin"), "no weight for feature 'margin'", "a model missing a feature would score with a silent zero" },
        { ModelText(0.5, _ => 0.1) + "\nmoon_phase\t1", "unknown feature 'moon_phase'", "a feature the code does not compute is an error, not ignored" },
        { ModelText(1.5, _ => 0.1), "threshold missing or outside [0, 1)", "a threshold of 1.5 would leave every place unresolved" },
        { ModelText(0.5, _ => 0.1) + "\nbias\tlots", "expected FEATURE<TAB>NUMBER", "a weight that is not a number names its line" },
    };

    [Theory]
    [MemberData(nameof(BadModels))]
    public void A_broken_model_file_is_refused_with_the_reason(string text, string expected, string reason)
    {
        var r = LoadText(text);
        Assert.False(r.IsOk, reason);
        Assert.Contains(expected, r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_saved_model_reads_back_the_same()
    {
        var m = new PlaceConfidence(PlaceConfidence.FeatureNames.Select((_, i) => i * 0.25 - 1).ToArray(), 0.4);
        var path = Path.GetTempFileName();
        try
        {
            m.Save(path, ["written by a test"]);
            var back = PlaceConfidence.Load(path);
            Assert.True(back.IsOk, back.Error);
            Assert.Equal(0.4, back.Value!.Threshold);
            Assert.Equal(m.Weights, back.Value!.Weights);
        }
        finally { File.Delete(path); }
    }

    private static ChoiceEvidence Evidence(bool variant, int candidates, double margin) => new(
        Margin: margin, Candidates: candidates, CandidateCountries: candidates > 1 ? 2 : 1, Population: 20_000, FeatureClass: 'P', FeatureCode: "PPL",
        SpellingVariant: variant, AlternateNameOnly: false, Fuzzy: false, NamedShare: 0.5, PickFocus: 0.5, NearestOtherKm: 100, Relation: false,
        Container: false, Context: 1, NameLength: 8, SentenceInitial: false, RuleConfidence: 0.8);

    [Fact]
    public void Fitting_learns_which_evidence_goes_with_wrong_places()
    {
        // exact names right 9 times in 10, spelling variants right 2 times in 10: the fitted probabilities follow
        var examples = new List<(double[], bool, double)>();
        for (int i = 0; i < 200; i++)
        {
            bool variant = i % 2 == 1;
            bool right = variant ? i % 10 < 2 : i % 10 != 4;
            examples.Add((PlaceConfidence.Features(Evidence(variant, 3, 1.0)), right, 1.0));
        }
        var m = PlaceConfidence.Fit(examples, 0.5);
        double exact = m.Probability(PlaceConfidence.Features(Evidence(false, 3, 1.0)));
        double variantP = m.Probability(PlaceConfidence.Features(Evidence(true, 3, 1.0)));
        Assert.InRange(exact, 0.75, 0.97);
        Assert.InRange(variantP, 0.1, 0.35);
    }

    public static TheoryData<double[], bool[], int, double, string> Tables => new()
    {
        { [0.95, 0.96, 0.2], [true, true, false], 3, (0.05 * 0.05 + 0.04 * 0.04 + 0.2 * 0.2) / 3, "three places in two buckets; Brier is the mean squared gap" },
        { [0.6, 0.6], [true, false], 2, (0.4 * 0.4 + 0.6 * 0.6) / 2, "a coin-flip bucket half right" },
    };

    [Theory]
    [MemberData(nameof(Tables))]
    public void The_reliability_table_counts_each_bucket(double[] p, bool[] right, int n, double brier, string reason)
    {
        var t = ReliabilityTable.Of(p.Zip(right).ToList());
        Assert.Equal(n, t.N);
        Assert.Equal(brier, t.Brier, 6);
        Assert.Equal(n, t.Buckets.Sum(b => b.N));
        foreach (var b in t.Buckets.Where(b => b.N > 0))
        {
            var inside = p.Zip(right).Where(x => x.First >= b.Lo && (x.First < b.Hi || b.Hi == 1)).ToList();
            Assert.True(inside.Count == b.N, reason);
            Assert.Equal(inside.Count(x => x.Second) / (double)inside.Count, b.Observed, 6);
        }
    }

    [SharedTheory]
    [InlineData(0.99, false, "every choice scores 0.5 under a zero model: below 0.99 the place is left as text, with its candidates")]
    [InlineData(0.3, true, "above the threshold the place resolves and its confidence is the model's probability")]
    public void A_choice_under_the_threshold_is_left_unresolved(double threshold, bool resolved, string reason)
    {
        var model = new PlaceConfidence(new double[PlaceConfidence.FeatureNames.Length], threshold);
        var resolver = new PlaceResolver(GeoFixture.Resolver.Gazetteer, GeoFixture.Resolver.Demonyms) { Calibration = model };
        const string text = "Shelling hit Homs and Hama in Syria on Monday.";
        var r = resolver.Resolve(text, GeoFixture.GivenQueries(text, "Homs", "Hama", "Syria"));
        foreach (var p in r)
        {
            Assert.NotNull(p);
            Assert.True(p.IsResolved == resolved, $"{reason}: {p.Text}");
            Assert.Equal(0.5, p.Confidence, 3);
            if (!resolved)
            {
                Assert.Equal(PlacePrecision.Unknown, p.Precision);
                Assert.Null(p.Lat);
            }
        }
    }

    [SharedFact]
    public void The_bundled_model_loads_and_the_resolver_uses_it()
    {
        var r = PlaceConfidence.Load(PlaceConfidence.BundledPath);
        Assert.True(r.IsOk, r.Error);
        Assert.InRange(r.Value!.Threshold, 0.01, 0.99);
        Assert.NotNull(new PlaceResolver(GeoFixture.Resolver.Gazetteer, GeoFixture.Resolver.Demonyms).Calibration);
    }
}
