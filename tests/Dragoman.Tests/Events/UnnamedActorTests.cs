using Dragoman.Documents;
using Dragoman.Events;
using Xunit;

namespace Dragoman.Tests.Events;

/// <summary>The actor a coder writes where the text names none (ACLED's categories), with the trigger as its evidence. Invented wording.</summary>
public class UnnamedActorTests
{
    /// <summary>The event's actor is no phrase of the text: none, or the unnamed-actor category standing on the trigger.</summary>
    public static bool NamesNoPartyOfTheText(Event e) =>
        e.Actor is null || (e.Actor.Implied && e.Actor.Span == e.Trigger && e.Actor.EntityId is null && e.Actor.Text == UnnamedActorsComponent.CategoryOf(e.Codes.Cameo));

    private const string Text = "Police said 14 people were arrested in Eastvale. A bomb killed three traders. Guards of the Hill Front shot two men. Talks were held.";

    private static TextSpan At(string s) { int i = Text.IndexOf(s, StringComparison.Ordinal); return new TextSpan(i, i + s.Length); }

    public static TheoryData<string, string, string, string?, string?> Cases => new()
    {
        { "an arrest whose text names nobody arresting: the police (ACLED's Police Forces)", "arrested", "173", null, "police" },
        { "a use of force with only its means named: an unidentified armed group", "killed", "190", null, "unidentified armed group" },
        { "a named actor stays as the text names it", "shot", "190", "Guards of the Hill Front", "Guards of the Hill Front" },
        { "an act that is neither an arrest nor force keeps no actor", "held", "040", null, null },
        { "an uncoded event keeps no actor", "held", "", null, null },
    };

    // actor's ranker probability, the learned threshold (null: none learned), whether the category replaces it, reason
    [Theory]
    [InlineData(0.2, 0.3, true, "a chosen actor below the learned threshold: the text is taken to name no actor")]
    [InlineData(0.4, 0.3, false, "a chosen actor at or above the threshold stays")]
    [InlineData(0.2, null, false, "no threshold learned: every chosen actor stays")]
    [InlineData(null, 0.3, false, "an actor the rules chose (no probability) stays")]
    public void A_chosen_actor_below_the_no_actor_threshold_gives_way_to_the_category(double? probability, double? threshold, bool replaced, string why)
    {
        var doc = new Document(new Article { Uri = "test", Text = Text }, new DateOnly(2022, 2, 2));
        var e = new Event
        {
            Id = "ev1", Action = "act", Trigger = At("shot"), Codes = new EventCodes("190", null, null),
            Actor = new EventArgument("Guards of the Hill Front", At("Guards of the Hill Front")) { Probability = probability },
        };
        doc.Events.Add(e);
        new UnnamedActorsComponent(threshold).Process(doc);
        Assert.True(replaced == (e.Actor?.Implied ?? false), $"{why}: actor {e.Actor?.Text}");
        Assert.True(e.Actor?.Text == (replaced ? UnnamedActorsComponent.UnidentifiedArmedGroup : "Guards of the Hill Front"), why);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void An_event_whose_text_names_no_actor_takes_the_coder_s_category(string why, string trigger, string cameo, string? actor, string? expected)
    {
        var doc = new Document(new Article { Uri = "test", Text = Text }, new DateOnly(2022, 2, 2));
        var e = new Event
        {
            Id = "ev1", Action = "act", Trigger = At(trigger), Codes = new EventCodes(cameo.Length == 0 ? null : cameo, null, null),
            Actor = actor is null ? null : new EventArgument(actor, At(actor)),
        };
        doc.Events.Add(e);
        new UnnamedActorsComponent().Process(doc);
        Assert.True(e.Actor?.Text == expected, $"{why}: {e.Actor?.Text ?? "(none)"}");
        Assert.True(e.Actor is null || e.Actor.Span == (actor is null ? e.Trigger : At(actor)), $"{why}: the category's evidence is the trigger, a named actor keeps its own span");
        // the category is marked as a coding convention all the way out: the model, then the public JSON (absent on a named actor)
        bool implied = actor is null && expected is not null;
        Assert.True(implied == (e.Actor?.Implied ?? false), $"{why}: implied {e.Actor?.Implied}");
        var written = Dragoman.Output.DocumentJson.ToJson(doc)["events"]![0]!["actor"] as System.Text.Json.Nodes.JsonObject;
        Assert.True(implied == (written?["implied"]?.GetValue<bool>() ?? false), $"{why}: JSON actor {written?.ToJsonString()}");
    }
}
