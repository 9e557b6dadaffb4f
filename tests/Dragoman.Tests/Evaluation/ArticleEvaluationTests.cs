using Dragoman.Evaluation;
using Dragoman.Tests.Support;
using Xunit.Abstractions;

namespace Dragoman.Tests.Evaluation;

/// <summary>eval articles end to end on ../shared/data/articles-gold (skipped with the reason when the set is absent).</summary>
public class ArticleEvaluationTests(ITestOutputHelper output)
{
    private static string Folder => Path.Combine(Paths.SharedData, "articles-gold");

    [Fact]
    public void The_shipped_held_list_is_the_split_rule_applied_to_the_set()
    {
        if (!Directory.Exists(Path.Combine(Folder, "gold"))) { output.WriteLine($"skipped: {Folder} absent"); return; }
        var names = Directory.EnumerateFiles(Path.Combine(Folder, "gold"), "*.json").Select(Path.GetFileNameWithoutExtension).OfType<string>();
        Assert.Equal(ArticleSplit.ChooseHeld(names), ArticleSplit.ReadHeld(ArticleSplit.BundledHeldFile).Value!.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_whole_set_is_scored_in_both_parts()
    {
        if (!File.Exists(Path.Combine(Folder, "input.jsonl"))) { output.WriteLine($"skipped: {Folder} absent"); return; }
        var held = ArticleSplit.ReadHeld(ArticleSplit.BundledHeldFile).Value!;
        var run = ArticleEvaluation.Run(Folder, TestPipeline.Instance, held, ArticleFieldRules.LoadBundled());
        Assert.True(run.IsOk, run.Error);
        var r = run.Value!;
        Assert.Empty(r.Problems);
        Assert.Equal((120, 36), (r.All.Articles, r.HeldBack.Articles));
        Assert.True(r.All.GoldEvidenceMissing <= 3, $"{r.All.GoldEvidenceMissing} gold evidence strings not found in the processed text");
        // a floor well below the measured baseline (docs/benchmarks.md): catches a scorer or pipeline that stops matching
        Assert.InRange(r.Development.ToJson()["event_type_recall"]!.GetValue<double>(), 0.5, 1.0);
    }
}
