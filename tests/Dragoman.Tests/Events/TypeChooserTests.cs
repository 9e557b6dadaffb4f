using Dragoman.Evaluation;
using Dragoman.Events.Context;
using Dragoman.Events.Types;
using Dragoman.Tests.Support;

namespace Dragoman.Tests.Events;

/// <summary>The event type chooser (Events/Types, `train types`): its features, its fitting and model file, the pipeline component, and the training labels.</summary>
public class TypeChooserTests
{
    private static readonly Lazy<ContextWords> Words = new(() =>
        ContextWords.Parse(File.ReadAllText(Path.Combine(Paths.RepoRoot, "data", "events", ContextWords.FileName))).Value!);

    // text, trigger, feature the event carries, reason
    [Theory]
    [InlineData("Police fired tear gas at protesters in the capital on Monday.", "fired", "w:fired", "the trigger word is a feature")]
    [InlineData("Police fired tear gas at protesters in the capital on Monday.", "fired", "from:ASSAULT", "the rules' type is a feature, so a transition can be learned")]
    [InlineData("Police fired tear gas at protesters in the capital on Monday.", "fired", "sent:protest", "a protest word in the sentence is named by its context list")]
    [InlineData("Police fired tear gas at protesters in the capital on Monday.", "fired", "actor:security", "an actor from the security list is marked")]
    [InlineData("Police fired tear gas at protesters in the capital on Monday.", "fired", "actor-head:police", "the actor's head word is a feature")]
    [InlineData("Rebels attacked the town of Alpha on Tuesday, killing five soldiers.", "attacked", "src:verb", "how the trigger was found is a feature")]
    public void Events_carry_their_context_as_features(string text, string trigger, string feature, string why)
    {
        var doc = EventTestDocs.Run(text);
        var e = doc.Events.Find(x => EventTestDocs.TriggerText(doc, x) == trigger);
        Assert.True(e is not null, $"{why}: no event '{trigger}' among {string.Join(", ", doc.Events.Select(x => EventTestDocs.TriggerText(doc, x)))}");
        var f = TypeFeatures.Compute(doc, e!, Words.Value);
        Assert.True(f.Contains(feature), $"{why}: features are {string.Join(" ", f)}");
    }

    private static TypeExample Example(string article, string rule, string right, params string[] features) =>
        new(article, features, rule, right, right == "COERCE" ? "170" : "190");

    /// <summary>Force on protesters is COERCE to the coders, other force stays ASSAULT; one odd example teaches nothing.</summary>
    private static List<TypeExample> Data()
    {
        var data = new List<TypeExample>();
        for (int i = 0; i < 12; i++) data.Add(Example("a" + i % 4, "ASSAULT", "COERCE", "actor:security", "target:protest"));
        for (int i = 0; i < 24; i++) data.Add(Example("b" + i % 4, "ASSAULT", "ASSAULT", "actor:ORG", "target:GPE"));
        data.Add(Example("c", "ASSAULT", "PROTEST", "target:GPE"));
        return data;
    }

    [Fact]
    public void A_fitted_chooser_learns_a_transition_from_context_and_keeps_the_rules_elsewhere()
    {
        var model = TypeModel.Train(Data(), l2: 0.01);
        Assert.Equal(["ASSAULT", "COERCE"], model.Candidates("ASSAULT"));
        Assert.Equal("COERCE", model.Choose("ASSAULT", ["actor:security", "target:protest"]).Type);
        Assert.Equal("ASSAULT", model.Choose("ASSAULT", ["actor:ORG", "target:GPE"]).Type);
        Assert.Equal("170", model.CameoFor("COERCE"));
        Assert.Equal(["COERCE"], model.Candidates("COERCE")); // no transition from COERCE was seen
        Assert.Equal(model.Weights, TypeModel.Train(Data(), l2: 0.01).Weights); // deterministic
    }

    [Fact]
    public void A_model_round_trips_through_its_file_and_a_bad_line_is_named()
    {
        var model = TypeModel.Train(Data(), l2: 0.01);
        var path = Path.Combine(Path.GetTempPath(), $"types-{Guid.NewGuid():N}.tsv");
        try
        {
            model.Save(path, ["test model"]);
            var back = TypeModel.Load(path);
            Assert.True(back.IsOk, back.Error);
            Assert.Equal(model.Candidates("ASSAULT"), back.Value!.Candidates("ASSAULT"));
            var (type, p) = model.Choose("ASSAULT", ["actor:security", "target:protest"]);
            var (backType, backP) = back.Value.Choose("ASSAULT", ["actor:security", "target:protest"]);
            Assert.Equal(type, backType);
            Assert.Equal(p, backP, 3); // weights are written to four decimals
            File.WriteAllLines(path, [TypeModel.ModelHeader, "alt\tASSAULT\tCOERCE", "COERCE|bias\tnot-a-number"]);
            var bad = TypeModel.Load(path);
            Assert.False(bad.IsOk);
            Assert.Contains(":3:", bad.Error);
            File.WriteAllLines(path, ["# some other model", "bias\t1"]);
            Assert.Contains("not an event type model", TypeModel.Load(path).Error);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void The_component_retypes_by_the_model_and_leaves_the_rules_type_without_one()
    {
        const string text = "Police fired tear gas at protesters in the capital on Monday.";
        var model = new TypeModel(new Dictionary<string, double> { ["COERCE|actor:security"] = 3 },
            new Dictionary<string, string[]> { ["ASSAULT"] = ["COERCE"] }, new Dictionary<string, string> { ["COERCE"] = "170" });

        var kept = EventTestDocs.Run(text);
        new TypeComponent(null, EventTestDocs.Res.Codes, Words.Value).Process(kept);
        var fired = kept.Events.Single(e => EventTestDocs.TriggerText(kept, e) == "fired");
        Assert.Equal("ASSAULT", fired.Codes.Plover?.Event);

        var doc = EventTestDocs.Run(text);
        new TypeComponent(model, EventTestDocs.Res.Codes, Words.Value).Process(doc);
        var retyped = doc.Events.Single(e => EventTestDocs.TriggerText(doc, e) == "fired");
        Assert.Equal("COERCE", retyped.Codes.Plover?.Event);
        Assert.Equal("170", retyped.Codes.Cameo);
        Assert.Equal(fired.Actor?.Text, retyped.Actor?.Text); // roles stay
    }

    // trigger, gold action, shares a word, reason
    [Theory]
    [InlineData("looting", "looted homes", true, "the same verb in another form")]
    [InlineData("seized", "seized the town", true, "the same word")]
    [InlineData("killed", "shelled the village", false, "different verbs")]
    [InlineData("hit", "hit the market", false, "words under four letters say too little to align")]
    [InlineData("attack", null, false, "a gold event without an action aligns with nothing")]
    public void Training_aligns_an_event_with_the_gold_action_that_shares_its_word(string trigger, string? action, bool expected, string why) =>
        Assert.True(TypeTraining.SharesWord(trigger, action) == expected, why);
}
