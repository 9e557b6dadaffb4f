using Dragoman.Documents;
using Dragoman.Events.Counts;
using Dragoman.Events.Evaluation;
using Dragoman.Tests.Support;

namespace Dragoman.Tests.Events;

/// <summary>
/// The victim-class model (Events/Counts/VictimClassModel): where the main killed count leaves its victims unnamed, it
/// decides whether the FA-KES civilians figure takes the count; victims the text names are never its to decide.
/// Invented sentences under a neutral headline.
/// </summary>
public class VictimClassTests
{
    private static Document Run(string text) => TestPipeline.ProcessText("Report\n\n" + text, new DateOnly(2024, 3, 5));

    /// <summary>A model that answers the same for every count: a bias far to one side, at threshold 0.5.</summary>
    private static VictimClassModel Always(bool civilian) => new(new Dictionary<string, double> { ["bias"] = civilian ? 8 : -8 }, 0.5);

    private static string Counts(Document d) =>
        string.Join("; ", d.Events.Select(e => $"{e.Modality} " + string.Join(",", e.Counts.Select(c => $"{c.Min}/{c.Kind}/{c.Who}"))));

    [Theory]
    [InlineData("Clashes between army troops and rebel fighters near Odoro left 40 dead on Monday.", false, 0,
        "unnamed victims the model reads as not civilians: no civilians")]
    [InlineData("Clashes between army troops and rebel fighters near Odoro left 40 dead on Monday.", true, 40,
        "unnamed victims the model reads as civilians: the figure")]
    [InlineData("Shelling killed 7 civilians near Tamar on Monday.", false, 7,
        "named civilians: the model is not asked, whatever it would say")]
    [InlineData("An air strike killed 18 militants near Tamar on Monday.", true, 0,
        "named fighters: the model is not asked, whatever it would say")]
    public void The_model_decides_only_unnamed_victims(string text, bool modelSaysCivilian, int civilians, string reason)
    {
        var d = Run(text);
        int got = EventEvaluation.Civilians(d, Always(modelSaysCivilian));
        Assert.True(got == civilians, $"{reason}: got {got}; {Counts(d)}");
    }

    [Theory]
    [InlineData("Clashes between army troops and rebel fighters near Odoro left 40 dead on Monday.", 40,
        "without a model, unnamed victims are taken as civilians (the reading before the model)")]
    public void Without_a_model_unnamed_victims_count_as_civilians(string text, int civilians, string reason)
    {
        var d = Run(text);
        Assert.True(EventEvaluation.Civilians(d) == civilians, $"{reason}: got {EventEvaluation.Civilians(d)}; {Counts(d)}");
    }

    [Theory]
    [InlineData("Clashes between army troops and rebel fighters near Odoro left 40 dead on Monday.", "size:10-99", "a figure of 40 falls in the tens")]
    [InlineData("Clashes between army troops and rebel fighters near Odoro left 40 dead on Monday.", "in:dead", "the figure's own words: \"dead\" says the outcome, not who died")]
    [InlineData("Clashes between army troops and rebel fighters near Odoro left 40 dead on Monday.", "near:rebel", "a word of the clause within six of the figure")]
    [InlineData("Clashes between army troops and rebel fighters near Odoro left 40 dead on Monday.", "next:monday", "the words after the figure (where a missed counted noun would stand)")]
    [InlineData("Clashes between army troops and rebel fighters near Odoro left 40 dead on Monday.", "trigger:clashes", "the event's trigger word")]
    [InlineData("Clashes between army troops and rebel fighters near Odoro left 40 dead on Monday.", "bias", "every count has the bias")]
    public void Features_describe_the_count_its_event_and_clause(string text, string feature, string reason)
    {
        var d = Run(text);
        var main = EventEvaluation.MainKilled(d);
        Assert.True(main.Unnamed is not null, $"the sentence has an unnamed killed count: {Counts(d)}");
        var f = VictimClassModel.Features(d, main.Event!, main.Unnamed!);
        Assert.True(f.ContainsKey(feature), $"{reason}: {string.Join(" ", f.Keys)}");
    }

    [Fact]
    public void The_bundled_model_loads_with_a_threshold_inside_zero_and_one()
    {
        var m = VictimClassModel.LoadBundled();
        Assert.True(m.IsOk, m.Error);
        Assert.InRange(m.Value!.Threshold, 0.01, 0.99);
        Assert.True(m.Value.Weights.ContainsKey("bias"), "a trained model has a bias weight");
    }

    [Theory]
    [InlineData("Clashes between army troops and rebel fighters near Odoro left 40 dead on Monday.",
        "An air strike on a crowded market in Odoro killed 40 people on Monday.",
        "dead of a clash between two armed sides are less likely civilians than the people a strike on a market killed")]
    public void The_bundled_model_ranks_clash_dead_below_market_victims(string clash, string market, string reason)
    {
        var model = VictimClassModel.LoadBundled().Value!;
        double P(string text)
        {
            var d = Run(text);
            var main = EventEvaluation.MainKilled(d);
            Assert.True(main.Unnamed is not null, $"unnamed killed count expected: {Counts(d)}");
            return model.Civilian(d, main.Event!, main.Unnamed!);
        }
        double pClash = P(clash), pMarket = P(market);
        Assert.True(pClash < pMarket, $"{reason}: clash {pClash:0.00}, market {pMarket:0.00}");
    }
}
