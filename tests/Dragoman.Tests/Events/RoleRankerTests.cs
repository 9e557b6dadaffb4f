using Dragoman.Attribution;
using Dragoman.Documents;
using Dragoman.Evaluation;
using Dragoman.Events;
using Dragoman.Events.Roles;
using Dragoman.Pipeline;
using Dragoman.Tests.Support;
using Dragoman.Text;

namespace Dragoman.Tests.Events;

/// <summary>The role ranker (Events/Roles, models/roles): its candidates and features, its model file, its fitting, and that it beats the clause rules.</summary>
public class RoleRankerTests
{
    /// <summary>Text, attribution and events with the clause rules deciding, every role decision recorded.</summary>
    internal static List<(Event Event, RoleDecision Decision)> Decisions(string text)
    {
        var seen = new List<(Event, RoleDecision)>();
        var pipeline = new PipelineBuilder().Add(new TextComponent()).Add(new AttributionComponent())
            .Add(new EventsComponent(EventTestDocs.Res) { RoleTrace = (e, d) => seen.Add((e, d)) }).Build();
        var doc = pipeline.Process(new Document(new Article { Uri = "test", Text = text }, null));
        return seen.ConvertAll(x => (x.Item1, x.Item2)).Where(x => doc.Events.Contains(x.Item1)).ToList();
    }

    // text, trigger, role, candidate text, feature it carries, reason
    [Theory]
    [InlineData("Rebels attacked the town of Alpha on Tuesday.", "attacked", "Actor", "Rebels", "subject|active", "the subject of an active verb is marked as such")]
    [InlineData("Rebels attacked the town of Alpha on Tuesday.", "attacked", "Target", "the town of Alpha", "object|active", "the object of an active verb is marked as such")]
    [InlineData("Rebels attacked the town of Alpha on Tuesday.", "attacked", "Actor", "Rebels", "rule", "the clause rules' actor is a feature of its candidate, not the decision")]
    [InlineData("Five villagers were arrested by soldiers in the town.", "arrested", "Actor", "soldiers", "by_agent|passive", "the 'by' agent of a passive verb is marked as such")]
    [InlineData("Five villagers were arrested by soldiers in the town.", "arrested", "Target", "Five villagers", "count", "a phrase opened by a number is a count")]
    [InlineData("Five villagers were arrested by soldiers in the town.", "arrested", "Target", "the town", "prep=in", "the preposition before a phrase is a feature")]
    [InlineData("Five villagers were arrested by soldiers in the town.", "arrested", "Target", "the town", "side=after", "a phrase after the trigger is on its right")]
    [InlineData("Rebels attacked the town of Alpha on Tuesday.", "attacked", "Target", "Rebels", "other_rule", "the other role's proposal is marked on the candidate (the object is no actor candidate: ClauseTargetTests)")]
    [InlineData("Dozens of young men who had returned to the town under a deal were detained by soldiers.", "detained", "Target", "Dozens of young men", "subject|passive", "a relative clause ending before the verb is skipped: the phrase it hangs on is the subject, not the deal")]
    [InlineData("Dozens of young men who had returned to the town under a deal were detained by soldiers.", "detained", "Target", "Dozens of young men", "relative_antecedent|closed|passive", "the phrase a closed relative clause hangs on is marked")]
    [InlineData("Gunmen attacked the village with rockets on Tuesday.", "attacked", "Target", "rockets", "means", "a weapon after an instrumental preposition is the means, a feature against the target")]
    [InlineData("Gunmen attacked the village with rockets on Tuesday.", "attacked", "Target", "the village", "object|active", "the object stays the object beside the means")]
    public void Candidates_carry_the_clause_facts_as_features(string text, string trigger, string role, string candidate, string feature, string why)
    {
        var decisions = Decisions(text);
        var d = decisions.Find(x => text.Substring(x.Event.Trigger.Start, x.Event.Trigger.End - x.Event.Trigger.Start) == trigger && x.Decision.Role.ToString() == role).Decision;
        Assert.True(d is not null, $"{why}: no {role} decision for '{trigger}'");
        Assert.True(d!.Candidates[0].IsNone, $"{why}: the first candidate is the none answer");
        var c = d.Candidates.FirstOrDefault(x => !x.IsNone && x.Argument!.Text == candidate);
        Assert.True(c is not null, $"{why}: no candidate '{candidate}' among {string.Join(" | ", d.Candidates.Where(x => !x.IsNone).Select(x => x.Argument!.Text))}");
        Assert.True(c!.Features.ContainsKey(feature), $"{why}: '{candidate}' has {string.Join(", ", c.Features.Keys)}");
    }

    // text, trigger, candidate text, feature it carries (null: no such candidate), reason
    [Theory]
    [InlineData("Gunmen attacked the hamlet of Beta at dawn. Four people were killed in the raid.", "attacked", "Four people", "next|kind=killed",
        "the people the next sentence counts as killed are a target candidate of the act of force before it")]
    [InlineData("Gunmen attacked the hamlet of Beta at dawn. Four people were killed in the raid.", "attacked", "Four people", "next|category",
        "counted people who say nothing of who they are carry the convention's category (civilians) there too")]
    [InlineData("Soldiers raided the camp near Delta overnight. Nine men were arrested, a local official said.", "raided", "Nine men", "next|kind=detained",
        "people counted as detained in the next sentence are candidates too, with their kind")]
    [InlineData("Gunmen attacked the hamlet of Beta at dawn. Four houses were burned down.", "attacked", "Four houses", null,
        "a count of things is no victim")]
    [InlineData("The minister met the envoy in Gamma on Monday. Four people were killed in a storm.", "met", "Four people", null,
        "only an act of coercion or force looks for its victims in the next sentence")]
    [InlineData("Militants shelled the market in Epsilon. Three traders were killed, the mayor said.", "shelled", "the market", "object|active",
        "the clause's own object stays a candidate beside the next sentence's victims")]
    [InlineData("Two farmers were killed when gunmen attacked the village of Zeta.", "attacked", "Two farmers", "victim_region|force",
        "the subject of the sentence's passive casualty clause is marked as who it happened to")]
    public void Targets_also_come_from_the_victims_the_next_sentence_counts(string text, string trigger, string candidate, string? feature, string why)
    {
        var decisions = Decisions(text);
        var d = decisions.Find(x => text.Substring(x.Event.Trigger.Start, x.Event.Trigger.End - x.Event.Trigger.Start) == trigger && x.Decision.Role == RoleKind.Target).Decision;
        Assert.True(d is not null, $"{why}: no target decision for '{trigger}'");
        var c = d!.Candidates.FirstOrDefault(x => !x.IsNone && x.Argument!.Text == candidate);
        var all = string.Join(" | ", d.Candidates.Where(x => !x.IsNone).Select(x => x.Argument!.Text));
        if (feature is null) { Assert.True(c is null, $"{why}: '{candidate}' is among {all}"); return; }
        Assert.True(c is not null, $"{why}: no candidate '{candidate}' among {all}");
        Assert.True(c!.Features.ContainsKey(feature), $"{why}: '{candidate}' has {string.Join(", ", c.Features.Keys)}");
    }

    [Fact]
    public void A_model_with_one_role_retrained_keeps_the_other_roles_weights_and_calibration()
    {
        var shipped = new RoleModel(new Dictionary<string, double> { ["actor:subject|active"] = 2, ["target:object|active"] = 1 })
            .WithCalibration(RoleKind.Actor, 0.8, -0.1).WithCalibration(RoleKind.Target, 0.1, -0.5).WithNoActorBelow(0.25);
        var retrained = new RoleModel(new Dictionary<string, double> { ["actor:subject|active"] = -3, ["target:next"] = 0.7 })
            .WithCalibration(RoleKind.Target, 0.9, 0.2);
        var combined = RoleModel.Combine(retrained, shipped, new HashSet<RoleKind> { RoleKind.Target });
        var expected = new Dictionary<string, double>
        {
            ["actor:subject|active"] = 2, ["calibration:actor:slope"] = 0.8, ["calibration:actor:intercept"] = -0.1,
            [RoleModel.NoActorName] = 0.25, // the actor role's no-actor threshold stays with the actor role
            ["target:next"] = 0.7, ["calibration:target:slope"] = 0.9, ["calibration:target:intercept"] = 0.2,
        };
        Assert.Equal(expected.OrderBy(p => p.Key), combined.Weights.OrderBy(p => p.Key));
    }

    private static RoleCandidate Candidate(string text, params string[] features) =>
        new(text.Length == 0 ? Dragoman.Text.Syntax.Chunk.None : new Dragoman.Text.Syntax.Chunk(0, 1),
            text.Length == 0 ? null : new EventArgument(text, new TextSpan(0, text.Length)),
            features);

    [Fact]
    public void A_fitted_ranker_learns_which_candidate_is_right_and_its_fit_is_deterministic()
    {
        // the subject is right in active clauses, none is right when the clause has no subject; a decoy object is never right
        var data = new List<RoleExample>();
        for (int i = 0; i < 20; i++)
        {
            data.Add(new RoleExample("a" + i % 4, RoleKind.Actor, [Candidate("", "none"), Candidate("x", "phrase", "subject"), Candidate("y", "phrase", "object")], [1], 2));
            data.Add(new RoleExample("b" + i % 4, RoleKind.Actor, [Candidate("", "none", "none|rule_none"), Candidate("y", "phrase", "object")], [0], 1));
        }
        var model = RoleModel.Train(data);
        Assert.Equal(1, model.Choose(RoleKind.Actor, data[0].Candidates).Index);
        Assert.Equal(0, model.Choose(RoleKind.Actor, data[1].Candidates).Index);
        Assert.True(model.Choose(RoleKind.Actor, data[0].Candidates).Probability > 0.5, "a clear choice is probable");
        Assert.Equal(model.Weights, RoleModel.Train(data).Weights);
        Assert.DoesNotContain(model.Weights.Keys, k => k.StartsWith("target:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_model_round_trips_through_its_file()
    {
        var model = new RoleModel(new Dictionary<string, double> { ["actor:none"] = -1.5, ["target:subject|passive"] = 2 });
        var path = Path.Combine(Path.GetTempPath(), $"roles-{Guid.NewGuid():N}.tsv");
        try
        {
            model.Save(path, ["test model"]);
            var back = RoleModel.Load(path);
            Assert.True(back.IsOk, back.Error);
            Assert.Equal(model.Weights, back.Value!.Weights);
        }
        finally { File.Delete(path); }
    }

    [Theory]
    [InlineData("not a model\nactor:none\t1\n", "first line must be")]
    [InlineData(RoleModel.ModelHeader + "\nactor:none 1\n", "expected FEATURE<TAB>WEIGHT")]
    [InlineData("", "empty file")]
    public void A_bad_model_file_is_an_error_naming_the_problem(string content, string message)
    {
        var path = Path.Combine(Path.GetTempPath(), $"roles-{Guid.NewGuid():N}.tsv");
        try
        {
            File.WriteAllText(path, content);
            var r = RoleModel.Load(path);
            Assert.False(r.IsOk);
            Assert.Contains(message, r.Error);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void The_shipped_model_loads_and_weighs_both_roles()
    {
        var model = RoleModel.LoadBundled();
        Assert.True(model.IsOk, model.Error);
        Assert.Contains(model.Value!.Weights.Keys, k => k.StartsWith("actor:", StringComparison.Ordinal));
        Assert.Contains(model.Value!.Weights.Keys, k => k.StartsWith("target:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0.9, 0.6, 0.6, "an over-confident share (0.9 said, 0.6 right) is brought down to what is observed")]
    [InlineData(0.3, 0.6, 0.6, "an under-confident share is brought up")]
    [InlineData(0.7, 0.7, 0.7, "a calibrated share stays where it is")]
    public void Platt_scaling_maps_a_share_to_the_share_observed_right(double said, double observed, double expected, string why)
    {
        // 200 answers at each of two shares, right at the observed rate at the first and at the said rate at 0.5
        var data = new List<(double, bool)>();
        for (int i = 0; i < 200; i++) data.Add((said, i < observed * 200));
        for (int i = 0; i < 200; i++) data.Add((0.5, i < 100));
        var (a, b) = RoleModel.FitPlatt(data);
        Assert.True(Math.Abs(RoleModel.Platt(a, b, said) - expected) < 0.02, $"{why}: {RoleModel.Platt(a, b, said):0.000}");
        Assert.True(Math.Abs(RoleModel.Platt(a, b, 0.5) - 0.5) < 0.02, $"{why}: the 0.5 answers stay at 0.5");
    }

    [Fact]
    public void A_model_without_calibration_reports_the_softmax_share_and_one_with_it_the_mapped_share()
    {
        var plain = new RoleModel(new Dictionary<string, double> { ["actor:phrase"] = 1 });
        Assert.Equal(0.8, plain.Calibrated(RoleKind.Actor, 0.8));
        var calibrated = plain.WithCalibration(RoleKind.Actor, 0.5, 0);
        Assert.Equal(RoleModel.Platt(0.5, 0, 0.8), calibrated.Calibrated(RoleKind.Actor, 0.8), 9);
        Assert.True(calibrated.Calibrated(RoleKind.Actor, 0.8) < 0.8, "a slope under 1 pulls a share toward one half");
        Assert.Equal(0.8, calibrated.Calibrated(RoleKind.Target, 0.8));
    }

    [SharedFact]
    public void On_the_development_part_the_shipped_ranker_chooses_better_than_the_clause_rules()
    {
        var folder = Path.Combine(Paths.SharedData, "articles-gold");
        var held = ArticleSplit.ReadHeld(Path.Combine(Paths.RepoRoot, "data", "eval", ArticleSplit.HeldFileName));
        Assert.True(held.IsOk, held.Error);
        var examples = RoleTraining.Examples(folder, PipelineResources.Load(null), held.Value!, ArticleFieldRules.LoadBundled());
        Assert.True(examples.IsOk, examples.Error);
        // the trainer never sees a held-back page: its gold is not opened, so no example comes from it
        Assert.DoesNotContain(examples.Value!, x => x.Held || held.Value!.Contains(x.Example.Article));
        var dev = examples.Value!.Select(x => x.Example).ToList();
        var model = RoleModel.LoadBundled().Value!;
        var rules = RoleTraining.Score(dev, x => x.RuleChoice);
        var ranker = RoleTraining.Score(dev, x => model.Choose(x.Role, x.Candidates).Index);
        Assert.True(ranker.Actor > rules.Actor && ranker.Target > rules.Target,
            $"ranker actor {ranker.Actor} target {ranker.Target}, rules actor {rules.Actor} target {rules.Target}");
    }
}
