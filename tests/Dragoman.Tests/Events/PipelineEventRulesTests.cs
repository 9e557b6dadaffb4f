using Dragoman.Documents;
using Dragoman.Tests.Support;

namespace Dragoman.Tests.Events;

/// <summary>Event rules that need the other stages' layers (times, places, the dateline), run through the whole pipeline.</summary>
public class PipelineEventRulesTests
{
    private static Document Run(string text) => TestPipeline.ProcessText(text, new DateOnly(2019, 3, 4));

    [Theory]
    [InlineData("Checkpoint attacked\n\nBEIRUT, March 3 (Levant Wire) - Gunmen attacked an army checkpoint in Tafas on Saturday, killing four soldiers.", "attacked", "Beirut",
        "the dateline city is where the report was filed, not where the event was")]
    public void An_event_is_not_placed_at_the_dateline(string text, string trigger, string notPlace, string reason)
    {
        var doc = Run(text);
        var attack = doc.Events.Find(e => doc.Slice(e.Trigger) == trigger);
        Assert.True(attack is not null, $"{reason}: no '{trigger}' event in {string.Join(", ", doc.Events.Select(e => doc.Slice(e.Trigger)))}");
        Assert.True(attack!.Place is null || !attack.Place.Text.Contains(notPlace, StringComparison.OrdinalIgnoreCase), $"{reason}: placed at {attack.Place?.Text}");
    }

    [Theory]
    [InlineData("Raids in Tafas\n\nSecurity forces detained at least 15 young men in Tafas on Sunday.", "detained", 15, "'young men' counts people")]
    [InlineData("Raids in Tafas\n\nSecurity forces detained 40 youths in Tafas on Sunday.", "detained", 40, "'youths' counts people")]
    public void Counts_people_named_by_common_plurals(string text, string trigger, int min, string reason)
    {
        var doc = Run(text);
        var ev = doc.Events.Find(e => doc.Slice(e.Trigger) == trigger);
        Assert.True(ev is not null && ev.Counts.Count > 0 && ev.Counts[0].Min == min, $"{reason}: {(ev is null ? "no event" : string.Join(", ", ev.Counts.Select(c => c.Min)))}");
    }

    [Theory]
    [InlineData("Convoy hit\n\nThe convoy was attacked near Palmyra on Saturday, according to the monitor.", "according", "'according to' frames a report; it is never an event")]
    public void Reporting_frames_are_not_events(string text, string word, string reason)
    {
        var doc = Run(text);
        Assert.True(!doc.Events.Exists(e => doc.Slice(e.Trigger).Contains(word, StringComparison.OrdinalIgnoreCase)), reason);
    }

    // text, trigger, expected target text, reason
    [Theory]
    [InlineData("Prisoners freed\n\nThe regime released members of the Islamic State who had been captured by the regime during military operations against the group in August.",
        "military operations", "Islamic State", "'the group' after 'the regime' is the named non-state group, not the regime")]
    [InlineData("Clashes\n\nThe Syrian government said Hezbollah had withdrawn. The army then attacked the group near Qusayr.",
        "attacked", "Hezbollah", "'the group' skips the government and army named since")]
    public void The_group_is_a_non_state_group_named_before(string text, string trigger, string target, string reason)
    {
        var doc = Run(text);
        var ev = doc.Events.Find(e => doc.Slice(e.Trigger).Equals(trigger, StringComparison.OrdinalIgnoreCase));
        Assert.True(ev is not null, $"{reason}: no '{trigger}' event in {string.Join(", ", doc.Events.Select(e => doc.Slice(e.Trigger)))}");
        Assert.True(ev!.Target?.Text.Contains(target, StringComparison.OrdinalIgnoreCase) == true, $"{reason}: target {ev.Target?.Text}");
    }

    [Theory]
    [InlineData("Ministry denies air strike on school\n\nThe ministry said nothing more.", "air strike", "the denier of an event noun is not its actor")]
    [InlineData("The ministry denied the bombing of the hospital on Friday.", "bombing", "the same in a body sentence")]
    public void Who_reacts_to_an_event_is_not_its_actor(string text, string trigger, string reason)
    {
        var doc = Run(text);
        var ev = doc.Events.Find(e => doc.Slice(e.Trigger).Equals(trigger, StringComparison.OrdinalIgnoreCase));
        Assert.True(ev is not null, $"{reason}: no '{trigger}' event in {string.Join(", ", doc.Events.Select(e => doc.Slice(e.Trigger)))}");
        Assert.True(ev!.Actor is null, $"{reason}: actor {ev.Actor?.Text}");
    }

    [Theory]
    [InlineData("School hit\n\nThe ministry denied on Friday that its jets had struck a school, after activists said an air raid had killed six people.", "killed", Modality.Reported,
        "a nearer speaker's clause is reported by them, not denied by the farther one")]
    [InlineData("School hit\n\nThe ministry denied on Friday that its jets had struck a school, after activists said an air raid had killed six people.", "struck", Modality.Denied,
        "the denied clause stays denied")]
    public void A_nearer_speaker_governs_its_own_clause(string text, string trigger, Modality expected, string reason)
    {
        var doc = Run(text);
        var ev = doc.Events.Find(e => doc.Slice(e.Trigger) == trigger);
        Assert.True(ev is not null, $"{reason}: no '{trigger}' event in {string.Join(", ", doc.Events.Select(e => doc.Slice(e.Trigger)))}");
        Assert.True(ev!.Modality == expected, $"{reason}: {ev.Modality}");
    }

    [Theory]
    [InlineData("Soldiers killed\n\nOn Saturday gunmen killed two soldiers near Palmyra, a military source said.", "killed", "Saturday", "a time is when, never who")]
    public void A_time_is_never_an_actor_or_target(string text, string trigger, string time, string reason)
    {
        var doc = Run(text);
        foreach (var ev in doc.Events.Where(e => doc.Slice(e.Trigger) == trigger))
        {
            Assert.False(ev.Actor?.Text == time, reason);
            Assert.False(ev.Target?.Text == time, reason);
        }
    }
}

public class EventPlaceRulesTests
{
    [Theory]
    [InlineData("Raids on Raqa\n\nAt least 22 people were killed in U.S. air strikes on the city of Raqa on Saturday, a monitor said.", "killed", "U.S.",
        "a country used as an attribute ('U.S. air strikes') is whose, not where")]
    [InlineData("Jets strike Idlib\n\nRussian jets struck a market in Ariha on Monday, killing 12 people.", "struck", "Russia",
        "a demonym-like country use is not the place when a town is named")]
    public void An_attributive_country_is_not_the_place(string text, string trigger, string notPlace, string reason)
    {
        var doc = TestPipeline.ProcessText(text, new DateOnly(2015, 7, 6));
        var ev = doc.Events.Find(e => doc.Slice(e.Trigger) == trigger);
        Assert.True(ev is not null, $"{reason}: no '{trigger}' event");
        Assert.True(ev!.Place is null || !ev.Place.Text.Contains(notPlace, StringComparison.OrdinalIgnoreCase), $"{reason}: placed at {ev.Place?.Text}");
    }
}

public class PassiveCountTests
{
    [Theory]
    [InlineData("Raids in the south\n\nAccording to the sources, at least 45 men were taken to a detention centre in Damascus.", "taken", 45, "the count right before a passive's auxiliary")]
    public void A_passive_subject_gives_the_count(string text, string trigger, int min, string reason)
    {
        var doc = TestPipeline.ProcessText(text, new DateOnly(2019, 3, 4));
        var ev = doc.Events.Find(e => doc.Slice(e.Trigger) == trigger);
        Assert.True(ev is not null && ev.Counts.Count > 0 && ev.Counts[0].Min == min,
            $"{reason}: {(ev is null ? "no event: " + string.Join(",", doc.Events.Select(e => doc.Slice(e.Trigger))) : string.Join(", ", ev.Counts.Select(c => c.Min)))}");
    }
}
