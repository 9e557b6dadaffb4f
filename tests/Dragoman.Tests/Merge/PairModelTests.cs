using Dragoman.Merge;

namespace Dragoman.Tests.Merge;

/// <summary>The merge pair model file (models/merge/README.md) and its training: reading, writing, folds, fitting, threshold.</summary>
public sealed class PairModelTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dragoman-pair-model-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void The_shipped_model_and_prior_load_and_a_saved_model_reads_back_the_same()
    {
        var shipped = PairModel.Shipped;
        Assert.True(PairModel.Load(Path.Combine(AppContext.BaseDirectory, "models", "merge", "prior.tsv")).IsOk);
        var path = Path.Combine(_dir, "m.tsv");
        shipped.Save(path, ["a comment"]);
        var back = PairModel.Load(path);
        Assert.True(back.IsOk, back.Error);
        Assert.Equal(shipped.Weights.Select(w => Math.Round(w, 4)), back.Value!.Weights);
        Assert.Equal((Math.Round(shipped.Bias, 4), Math.Round(shipped.Threshold, 4)), (back.Value.Bias, back.Value.Threshold));
    }

    [Fact]
    public void A_replacement_model_is_refused_once_the_model_was_read()
    {
        // The stores build their SQL bound from the weights they first read: a later swap (eval merge --model) would put
        // one model's bound in front of another's scores, so it must fail loudly instead.
        var shipped = PairModel.Shipped;
        var other = new PairModel([.. shipped.Weights.Select(w => w + 1)], shipped.Bias, shipped.Threshold + 1);
        var ex = Assert.Throws<InvalidOperationException>(() => PairModel.UseInstead(other));
        Assert.Contains("already read", ex.Message, StringComparison.Ordinal);
        Assert.Same(shipped, PairModel.Shipped);
    }

    public static TheoryData<string, string, string> BadFiles() => new()
    {
        { "another file's header", "# dragoman event salience model v1\nbias\t0\n", "not a merge pair model" },
        { "a feature the scorer does not have", PairModel.ModelHeader + "\nbias\t0\nthreshold\t1\nplace.moon\t1\n", "unknown feature 'place.moon'" },
        { "a feature left out", PairModel.ModelHeader + "\nbias\t0\nthreshold\t1\n", "missing date.same_day_texts" },
        { "a weight that is no number", PairModel.ModelHeader + "\nbias\tlow\n", ":2: expected FEATURE<TAB>WEIGHT" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void A_bad_model_file_is_refused_with_its_name_and_the_problem(string reason, string content, string expected)
    {
        var path = Path.Combine(_dir, "bad.tsv");
        File.WriteAllText(path, content);
        var r = PairModel.Load(path);
        Assert.False(r.IsOk, reason);
        Assert.Contains(path, r.Error, StringComparison.Ordinal);
        Assert.Contains(expected, r.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Folds_keep_an_incident_and_its_hard_negatives_together()
    {
        var folds = MergeTraining.Folds(["a", "b", "c", "d", "e"], [("a", "d"), ("d", "e")], 2);
        Assert.Equal(folds["a"], folds["d"]);
        Assert.Equal(folds["d"], folds["e"]);
        Assert.NotEqual(folds["a"], folds["b"]); // components a-d-e, b, c dealt round: 0, 1, 0
    }

    private static LabelledReport Labelled(string file, string incident, int fold, MergeReport r) => new(file, incident, fold, r);

    [Fact]
    public void Fitting_raises_the_weight_that_separates_and_the_threshold_links_no_hard_negative()
    {
        // Four incidents, two articles each, at one place on one day; each incident's articles share a name, the hard
        // negatives (another incident the same day) share none: the names weight must rise above the prior's and the
        // 0.5 decision, out of fold, keep every hard-negative pair apart.
        const int day = 738333;
        var reports = new List<LabelledReport>();
        string[] incidents = ["k1", "k2", "k3", "k4"];
        for (int i = 0; i < incidents.Length; i++)
            for (int a = 0; a < 2; a++)
                reports.Add(Labelled($"{incidents[i]}-{a}", incidents[i], i % 2,
                    MergeFixtures.Report($"{incidents[i]}{a}:ev1", MergeFixtures.Kremenchuk, day, [$"name{i}"])));
        var negatives = new List<(string, string)> { ("k1", "k3"), ("k2", "k4") };
        var pairs = MergeTraining.Pairs(reports, negatives);
        var prior = PairScorer.Model;
        var (w, _) = MergeTraining.Fit(pairs, hardWeight: 5, l2: 0.01, prior);
        Assert.True(w[(int)PairFeature.NamesShared] > prior[PairFeature.NamesShared], $"names weight {w[(int)PairFeature.NamesShared]}");
        var linked = MergeTraining.Linked(MergeTraining.OutOfFold(pairs, 2, 5, 0.01, prior), MergeTraining.ThresholdAt(0, 0.5));
        Assert.Equal((0, 4), (linked.HardLinked, linked.SameLinked));
        // Deterministic: the same data gives the same weights.
        Assert.Equal(w, MergeTraining.Fit(pairs, 5, 0.01, prior).Weights);
    }

    public static TheoryData<string, double, double, bool> FarWeights() => new()
    {
        { "far already low enough: the fit is kept", -12, 1.07, false },
        { "far at zero: names and date alone would link two cities apart", 0, 1.07, true },
        { "a low threshold needs a lower far weight", -3, 0.2, true },
    };

    [Theory]
    [MemberData(nameof(FarWeights))]
    public void A_pair_placed_beyond_the_distance_block_stays_below_the_threshold(string reason, double far, double threshold, bool lowered)
    {
        var fitted = PairScorer.Model.Weights.ToArray();
        fitted[(int)PairFeature.PlaceFar] = far;
        var (w, wasLowered) = MergeTraining.KeepFarApart(fitted, threshold);
        Assert.Equal(lowered, wasLowered);
        Assert.Equal(fitted.Where((_, i) => i != (int)PairFeature.PlaceFar), w.Where((_, i) => i != (int)PairFeature.PlaceFar)); // only far moves
        // The most favourable pair 1,000 km apart: same day in both texts, same action, three shared names, agreeing tolls, the same nouns.
        var a = MergeFixtures.Report("a:ev1", MergeFixtures.Kremenchuk, 738333, ["amstor", "kremenchuk", "poltava"], 18) with { Words = ["mall", "missile"] };
        var b = a with { Ref = "b:ev1", Lat = a.Lat + 1000 / 111.195, GeonameId = null };
        double score = PairScorer.Value(a, b, new PairModel(w, -threshold, threshold));
        Assert.True(score < threshold, $"{reason}: the far pair scores {score:0.000}, threshold {threshold}");
    }

    public static TheoryData<string, double, double, double> Decisions() => new()
    {
        { "P 0.5 is where bias + score is 0", -1.3, 0.5, 1.3 },
        { "a stricter decision asks for a higher score", -1.3, 0.9, Math.Log(9) + 1.3 },
        { "a larger intercept lowers the threshold by as much", 0.5, 0.5, -0.5 },
    };

    [Theory]
    [MemberData(nameof(Decisions))]
    public void The_threshold_is_where_the_fitted_probability_reaches_the_decision(string reason, double bias, double decision, double expected)
    {
        double t = MergeTraining.ThresholdAt(bias, decision);
        Assert.True(Math.Abs(t - expected) < 1e-9, $"{reason}: got {t}");
        Assert.True(Math.Abs(new PairModel(PairScorer.Model.Weights, bias, t).Probability(t) - decision) < 1e-9, $"{reason}: P at the threshold");
    }

    [Fact]
    public void L2_is_chosen_from_the_grid_by_out_of_fold_log_loss()
    {
        const int day = 738333;
        var reports = new List<LabelledReport>();
        for (int i = 0; i < 4; i++)
            for (int a = 0; a < 2; a++)
                reports.Add(Labelled($"k{i}-{a}", $"k{i}", i % 2, MergeFixtures.Report($"k{i}{a}:ev1", MergeFixtures.Kremenchuk, day, [$"name{i}"])));
        var pairs = MergeTraining.Pairs(reports, [("k0", "k2"), ("k1", "k3")]);
        var (l2, table) = MergeTraining.ChooseL2(pairs, 2, 2, PairScorer.Model);
        Assert.Equal(MergeTraining.L2Grid, table.Select(t => t.L2));
        Assert.Equal(table.Min(t => t.LogLoss), table.Single(t => t.L2 == l2).LogLoss);
    }
}
