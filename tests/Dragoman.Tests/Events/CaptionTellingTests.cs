using Dragoman.Documents;
using Dragoman.Events.Coreference;
using Dragoman.Events.Salience;
using Xunit;

namespace Dragoman.Tests.Events;

/// <summary>
/// A photo caption is a weak telling (Article.Captions): joined with the body's telling of the same happening, the body's
/// telling gives the trigger and every field it has, the caption only what the body lacks, and its evidence stays; an
/// event told only in captions is never a main event by itself. Invented wording.
/// </summary>
public class CaptionTellingTests
{
    private const string Text =
        "Shelling hits Norbury. Shelling hit the Norbury market on Friday, the governor said. "
        + "Smoke rises over a street in the old quarter of Norbury after shelling on Thursday, March 3. "
        + "Rescuers searched the rubble.";

    private const string Body = "Shelling hit the Norbury market on Friday, the governor said.";
    private const string Caption = "Smoke rises over a street in the old quarter of Norbury after shelling on Thursday, March 3.";

    private static TextSpan At(string s, int from = 0)
    {
        int i = Text.IndexOf(s, from, StringComparison.Ordinal);
        return new TextSpan(i, i + s.Length);
    }

    private static Document Doc() => new(new Article { Uri = "test", Text = Text, TitleSpan = At("Shelling hits Norbury."), Captions = [At(Caption)] }, new DateOnly(2022, 3, 5));

    private static Event Telling(string trigger, string sentence, EventTime? time, EventArgument? place, EventArgument? target = null)
    {
        var e = new Event { Id = trigger + sentence.Length, Action = "attack", Trigger = At(trigger, At(sentence).Start), Time = time, Place = place, Target = target };
        e.Evidence.Add(At(sentence));
        return e;
    }

    private static EventTime Day(string text, int day, bool inherited = false) =>
        new(text, At(text), new DateOnly(2022, 3, day), new DateOnly(2022, 3, day), TimePrecision.Day, inherited);

    public static TheoryData<string, Event, Event, string, string?, string?> Joins => new()
    {
        { "the body's own date and place win over the caption's, though the caption tells more",
          Telling("Shelling", Body, Day("Friday", 4), new EventArgument("Norbury", At("Norbury", At(Body).Start))),
          Telling("shelling", Caption, Day("Thursday, March 3", 3), new EventArgument("Norbury", At("Norbury", At(Caption).Start)), new EventArgument("a street", At("a street"))),
          "Shelling", "Friday", "a street" },
        { "what the body lacks the caption gives",
          Telling("Shelling", Body, null, null),
          Telling("shelling", Caption, Day("Thursday, March 3", 3), null),
          "Shelling", "Thursday, March 3", null },
    };

    [Theory]
    [MemberData(nameof(Joins))]
    public void A_joined_event_takes_the_body_s_telling_first(string reason, Event body, Event caption, string trigger, string? time, string? target)
    {
        var d = Doc();
        var joined = EventMerging.One(d, [caption, body]);
        Assert.True(Text[joined.Trigger.Start..joined.Trigger.End] == trigger && joined.Trigger.Start == body.Trigger.Start, $"{reason}: trigger at {joined.Trigger.Start}");
        Assert.True(joined.Time?.Text == time, $"{reason}: time {joined.Time?.Text}");
        Assert.True(joined.Target?.Text == target, $"{reason}: target {joined.Target?.Text}");
        Assert.True(joined.Evidence.Contains(At(Caption)) && joined.Evidence.Contains(At(Body)), $"{reason}: the caption's evidence is kept");
    }

    [Theory]
    [InlineData("told only in a caption", new[] { "caption" }, true)]
    [InlineData("told in the body", new[] { "body" }, false)]
    [InlineData("told in a caption and joined with the body's telling", new[] { "caption", "body" }, false)]
    public void An_event_told_only_in_captions_is_no_main_event(string reason, string[] where, bool weak)
    {
        var d = Doc();
        var tellings = where.Select(w => w == "caption" ? Telling("shelling", Caption, null, null) : Telling("Shelling", Body, null, null)).ToList();
        var e = tellings.Count == 1 ? tellings[0] : EventMerging.One(d, tellings);
        Assert.True(SalienceComponent.ToldOnlyInCaptions(d, e) == weak, reason);
        d.Events.Add(e);
        var main = SalienceComponent.SelectMain([e], _ => 0.99, x => x.Historical || SalienceComponent.ToldOnlyInCaptions(d, x), _ => (0, "attack"), new MainRule(0.5));
        Assert.True(main[0] == !weak, $"{reason}: main {main[0]}");
    }
}
