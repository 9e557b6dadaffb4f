using Dragoman.Documents;
using Dragoman.Events.Counts;
using Dragoman.Events.Evaluation;
using Dragoman.Export;
using Dragoman.Output;
using Dragoman.Storage;
using Dragoman.Tests.Support;

namespace Dragoman.Tests.Events;

/// <summary>
/// The victim class of killed and injured counts (Events/Counts/VictimClassComponent, VictimClassModel): the text
/// decides where it names the victims, the model where it does not, unknown where the model is unsure; the FA-KES
/// civilians figure and the ACLED export read that class. Invented sentences under a neutral headline.
/// </summary>
public class VictimClassTests
{
    private static Document Run(string text) => TestPipeline.ProcessText("Report\n\n" + text, new DateOnly(2024, 3, 5));

    /// <summary>A model that gives every unnamed count the same probability of civilians, at confidence 0.7.</summary>
    private static VictimClassModel Fixed(double p) => new(new Dictionary<string, double> { ["bias"] = Math.Log(p / (1 - p)) }, 0.7);

    private static string Counts(Document d) =>
        string.Join("; ", d.Events.Select(e => $"{e.Modality} " + string.Join(",", e.Counts.Select(c => $"{c.Min}/{c.Kind}/{c.Who}/{c.Victims?.Class}/{c.Victims?.From}"))));

    /// <summary>The document re-classed by a component with the given model (what the pipeline's stage does with the shipped one).</summary>
    private static Document Reclass(Document d, VictimClassModel? model)
    {
        new VictimClassComponent(model).Process(d);
        return d;
    }

    private static EventCount FirstKilled(Document d) => d.Events.SelectMany(e => e.Counts).OrderBy(c => c.Span.Start).First(c => c.Kind == "killed");

    private const string Clash = "Clashes between army troops and rebel fighters near Odoro left 40 dead on Monday.";

    [Theory]
    [InlineData(Clash, 0.9, "civilian", "model", "unnamed victims, the model sure they are civilians")]
    [InlineData(Clash, 0.1, "combatant", "model", "unnamed victims, the model sure they are not civilians")]
    [InlineData(Clash, 0.5, "unknown", "model", "unnamed victims, the model unsure either way: it abstains")]
    [InlineData("Shelling killed 7 civilians near Tamar on Monday.", 0.1, "civilian", "text", "the count's own noun names civilians: the model is not asked")]
    [InlineData("An air strike killed 18 militants near Tamar on Monday.", 0.9, "combatant", "text", "the count's own noun names fighters: the model is not asked")]
    [InlineData("Shelling killed four women near Tamar on Monday.", 0.1, "civilian", "text", "women are civilians, as ACLED codes them")]
    public void The_text_decides_named_victims_and_the_model_unnamed_ones(string text, double p, string cls, string from, string reason)
    {
        var d = Reclass(Run(text), Fixed(p));
        var v = FirstKilled(d).Victims;
        Assert.True(v is not null && v.Class == cls && v.From == from, $"{reason}: {Counts(d)}");
        Assert.True(from == "model" ? v!.Probability is { } q && Math.Abs(q - p) < 1e-3 : v!.Probability is null,
            $"{reason}: the model's probability is given with its reading, none with the text's ({v.Probability})");
        Assert.True(v.Evidence.Start <= FirstKilled(d).Span.Start && v.Evidence.End >= FirstKilled(d).Span.End,
            $"{reason}: the evidence covers the count's words ({v.Evidence} vs {FirstKilled(d).Span})");
    }

    [Theory]
    [InlineData(0.9, 0.7, "civilian", "probability of civilians at or above the confidence")]
    [InlineData(0.7, 0.7, "civilian", "exactly the confidence is enough")]
    [InlineData(0.3, 0.7, "combatant", "probability of not civilians (0.7) reaches the confidence")]
    [InlineData(0.5, 0.7, "unknown", "neither side reaches the confidence")]
    [InlineData(0.69, 0.7, "unknown", "just short on the civilian side")]
    [InlineData(0.5, 0.5, "civilian", "at confidence 0.5 the model never abstains; a tie reads civilians (the common class)")]
    public void The_confidence_threshold_gives_three_classes(double p, double confidence, string cls, string reason) =>
        Assert.True(VictimClassModel.ClassOf(p, confidence) == cls, $"{reason}: {VictimClassModel.ClassOf(p, confidence)}");

    [Theory]
    [InlineData(Clash, 0.1, 0, "unnamed victims classed combatants: no civilians")]
    [InlineData(Clash, 0.5, 40, "unnamed victims of unknown class keep the reading before the model: the figure")]
    [InlineData(Clash, 0.9, 40, "unnamed victims classed civilians: the figure")]
    [InlineData("Shelling killed 7 civilians near Tamar on Monday.", 0.1, 7, "named civilians, whatever the model says")]
    [InlineData("An air strike killed 18 militants near Tamar on Monday.", 0.9, 0, "named fighters, whatever the model says")]
    public void The_fakes_civilians_figure_reads_the_class_on_the_count(string text, double p, int civilians, string reason)
    {
        var d = Reclass(Run(text), Fixed(p));
        Assert.True(EventEvaluation.Civilians(d) == civilians, $"{reason}: got {EventEvaluation.Civilians(d)}; {Counts(d)}");
    }

    [Fact]
    public void Without_a_model_unnamed_victims_are_unknown()
    {
        var d = Reclass(Run(Clash), null);
        Assert.True(FirstKilled(d).Victims is { Class: "unknown", Probability: null }, $"no model, no guess: {Counts(d)}");
    }

    [Theory]
    [InlineData("Police arrested 12 people near Tamar on Monday.", "an arrest's count is not of victims: no class")]
    public void Counts_that_are_not_casualties_get_no_class(string text, string reason)
    {
        var d = Run(text);
        Assert.True(d.Events.SelectMany(e => e.Counts).Any() && d.Events.SelectMany(e => e.Counts).All(c => c.Kind is "killed" or "injured" || c.Victims is null),
            $"{reason}: {Counts(d)}");
    }

    [Fact]
    public void The_standard_pipeline_classes_counts_and_the_json_carries_it()
    {
        var d = Run(Clash);
        var v = FirstKilled(d).Victims;
        Assert.True(v is { From: "model" } && v.Probability is > 0 and < 1, $"the shipped model reads the unnamed clash dead: {Counts(d)}");
        var json = DocumentJson.ToJson(d).ToJsonString();
        Assert.Contains("\"victims\":{\"class\":\"" + v!.Class + "\",\"from\":\"model\"", json);
    }

    [Fact]
    public void The_bundled_model_loads_with_a_confidence_of_at_least_one_half()
    {
        var m = VictimClassModel.LoadBundled();
        Assert.True(m.IsOk, m.Error);
        Assert.InRange(m.Value!.Threshold, 0.5, 0.99);
        Assert.True(m.Value.Weights.ContainsKey("bias"), "a trained model has a bias weight");
    }

    [Theory]
    [InlineData(Clash, "An air strike on a crowded market in Odoro killed 40 people on Monday.",
        "dead of a clash between two armed sides are less likely civilians than the people a strike on a market killed")]
    public void The_bundled_model_ranks_clash_dead_below_market_victims(string clash, string market, string reason)
    {
        double P(string text)
        {
            var d = Run(text);
            return FirstKilled(d).Victims?.Probability ?? double.NaN;
        }
        double pClash = P(clash), pMarket = P(market);
        Assert.True(pClash < pMarket, $"{reason}: clash {pClash:0.00}, market {pMarket:0.00}");
    }

    [Theory]
    [InlineData("Shelling killed 7 civilians near Tamar on Monday.", 0.1, "Explosions/Remote violence", "Civilian targeting", "civilian",
        "a shelling whose dead the text names civilians targets civilians")]
    [InlineData(Clash, 0.9, "Explosions/Remote violence", "Civilian targeting", "civilian",
        "a shelling whose unnamed dead the model classes civilians: the same class the figure reads")]
    [InlineData(Clash, 0.5, "Explosions/Remote violence", "", "unknown",
        "unknown victims are not marked: no targeting is claimed the product does not hold")]
    [InlineData(Clash, 0.9, "Battles", "", "civilian",
        "ACLED marks civilian targeting only in violence against civilians and explosions")]
    [InlineData("An air strike killed 18 militants near Tamar on Monday.", 0.9, "Explosions/Remote violence", "", "combatant",
        "a strike on fighters is not civilian targeting")]
    public void The_acled_export_reads_the_class_of_its_fatalities(string text, double p, string acledType, string targeting, string cls, string reason)
    {
        var d = Reclass(Run(text), Fixed(p));
        var counts = new System.Text.Json.Nodes.JsonArray(Count(d));
        var e = new EventRecord
        {
            ArticleId = 4, ArticleHash = "ef", EventId = "ev1", Ordinal = 1, Action = "attack", Modality = "asserted", Occurred = true,
            AcledType = acledType, Country = "SY", Published = "2021-06-01", Cameo = "195", CountsJson = counts.ToJsonString(),
        };
        string Column(string name) => AcledCsvExporter.Row(e)[Array.IndexOf([.. AcledCsvExporter.Columns], name)] ?? "";
        Assert.True(targeting == Column("civilian_targeting"), $"{reason}: civilian_targeting '{Column("civilian_targeting")}'");
        Assert.True(cls == Column("dragoman_fatalities_victims"), $"{reason}: dragoman_fatalities_victims '{Column("dragoman_fatalities_victims")}'");
    }

    /// <summary>The document JSON's first killed count (what the store keeps in its counts column).</summary>
    private static System.Text.Json.Nodes.JsonNode Count(Document d) =>
        DocumentJson.ToJson(d)["events"]!.AsArray().SelectMany(e => e!["counts"]!.AsArray())
            .Where(c => (string?)c!["kind"] == "killed").OrderBy(c => (int)c!["start"]!).First()!.DeepClone();
}
