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
    [InlineData("Raids in Tafas\n\nGunmen attacked a market in Tafas on Sunday, leaving at least 12 dead.", "attacked", 12, "a result clause whose counted noun is 'dead' counts the killed")]
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
        Assert.True(UnnamedActorTests.NamesNoPartyOfTheText(ev!), $"{reason}: actor {ev.Actor?.Text}");
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

/// <summary>
/// Casualty events on news text (events issue "casualty events and argument errors"): a bare or quantified number as
/// the victims, a weapon as the means, allies after "alongside". Each row is a body sentence under a neutral headline.
/// </summary>
public class CasualtyEventTests
{
    private static Document Run(string sentence) => TestPipeline.ProcessText("Report\n\n" + sentence, new DateOnly(2018, 3, 1));

    private static string Listing(Document d) =>
        string.Join("; ", d.Events.Select(e => $"{d.Slice(e.Trigger)}={e.Codes.Cameo}/A:{e.Actor?.Text}/T:{e.Target?.Text}/M:{e.Means?.Text}/C:{string.Join(",", e.Counts.Select(c => c.Text))}"));

    [Theory]
    [InlineData("12 were killed in the strikes.", "killed", "12", 12, "killed", "a bare number as a passive subject is the victims and their count")]
    [InlineData("At least 12 were killed in the strikes.", "killed", "At least 12", 12, "killed", "a quantified number as a passive subject")]
    [InlineData("The monitor said that 12 were killed.", "killed", "12", 12, "killed", "the same inside a reported clause")]
    [InlineData("The Britain-based monitor said 12 were killed.", "killed", "12", 12, "killed", "the same after a reporting verb without 'that'")]
    [InlineData("Three died in the shelling.", "died", "Three", 3, "killed", "the subject of 'die' is the victims; a number-word before a past form is its subject, not an adjective")]
    [InlineData("Six civilians died on Monday in an attack in Sima.", "died", "Six civilians", 6, "killed", "'die' has no object: a phrase after it is an adjunct, and its subject stays the victims, never the actor")]
    [InlineData("Dozens were wounded.", "wounded", "Dozens", 12, "injured", "a vague plural with no noun counts people where it is the victims (ACLED's conservative 12)")]
    [InlineData("Five others were injured.", "injured", "Five others", 5, "injured", "'others' counts people")]
    [InlineData("Airstrikes killed 12.", "killed", "12", 12, "killed", "a bare object number of a killing verb is the victims")]
    [InlineData("Shelling killed five civilians.", "killed", "five civilians", 5, "killed", "a counted object under a means subject")]
    [InlineData("A car bomb killed 17 people near Azaz.", "killed", "17 people", 17, "killed", "a weapon subject does not stop the victims being counted")]
    [InlineData("12 killed in air strikes on Idlib.", "killed", "12", 12, "killed", "a number before a bare participle is the passive of tallies and headlines")]
    [InlineData("13 civilians killed in regime air raids on northern Syria.", "killed", "13 civilians", 13, "killed", "a counted person noun before a bare participle is the victims, not the killers")]
    public void A_number_standing_for_people_is_the_victims_and_their_count(string sentence, string trigger, string countText, int min, string kind, string reason)
    {
        var ev = VictimsCounted(sentence, trigger, countText, min, kind, reason);
        Assert.True(UnnamedActorTests.NamesNoPartyOfTheText(ev), $"{reason}: actor {ev.Actor?.Text}");
    }

    // sentence, trigger, victims and their count, kind, words the actor holds, reason
    [Theory]
    [InlineData("Seven civilians were martyred on Wednesday as terrorists shelled the neighborhood.", "martyred", "Seven civilians", 7, "killed", "terrorists",
        "'martyred' is how state media report the killed; the party of the clause that killed them is the actor (as articles-gold codes it)")]
    [InlineData("At least 4 people killed and 15 others injured when gunmen stormed the building.", "killed and", "At least 4 people", 4, "killed", "gunmen",
        "the dictionary's 'killed and' idiom before a second tally is no object: the number before it is the victims, the party of the 'when' clause that killed them the actor")]
    public void Victims_are_counted_and_the_killer_of_a_following_clause_is_the_actor(string sentence, string trigger, string countText, int min, string kind, string actor, string reason)
    {
        var ev = VictimsCounted(sentence, trigger, countText, min, kind, reason);
        Assert.True(ev.Actor?.Text.Contains(actor, StringComparison.OrdinalIgnoreCase) == true, $"{reason}: actor {ev.Actor?.Text}");
    }

    private static Event VictimsCounted(string sentence, string trigger, string countText, int min, string kind, string reason)
    {
        var d = Run(sentence);
        var ev = d.Events.Find(e => d.Slice(e.Trigger) == trigger);
        Assert.True(ev is not null, $"{reason}: no '{trigger}' event: {Listing(d)}");
        // the victims' words are the target's span; its name from the convention ACLED's category where they say nothing of who (TargetCategories)
        var words = ev!.Target is null ? null : d.Slice(ev.Target.Span);
        Assert.True(words == countText, $"{reason}: target {words}");
        Assert.True(ev.Counts.Count > 0 && ev.Counts[0].Min == min && ev.Counts[0].Kind == kind && d.Slice(ev.Counts[0].Span) == countText,
            $"{reason}: counts {string.Join(", ", ev.Counts.Select(c => $"{d.Slice(c.Span)}:{c.Min}:{c.Kind}"))}");
        return ev;
    }

    [Theory]
    [InlineData("The army ambushed a group of terrorists near Flita, killing 15 and injuring dozens of them.", "injuring", 12, "injured", "combatant",
        "the vague number that is the victims is their count, not a number before it; a bare count is the people named before it")]
    [InlineData("The army ambushed a group of terrorists near Flita, killing 15 and injuring dozens of them.", "killing", 15, "killed", "combatant",
        "a bare count takes its kind of people from the nearest person noun before it outside the actor")]
    [InlineData("Government forces shelled the town, killing 12.", "killing", 12, "killed", null, "no person noun before the count: who stays unknown")]
    public void A_bare_count_of_victims_is_counted_as_the_people_it_stands_for(string sentence, string trigger, int min, string kind, string? who, string reason)
    {
        var d = Run(sentence);
        var ev = d.Events.Find(e => d.Slice(e.Trigger) == trigger);
        Assert.True(ev is not null, $"{reason}: no '{trigger}' event: {Listing(d)}");
        Assert.True(ev!.Counts.Count == 1 && ev.Counts[0].Min == min && ev.Counts[0].Kind == kind && ev.Counts[0].Who == who,
            $"{reason}: counts {string.Join(", ", ev.Counts.Select(c => $"{d.Slice(c.Span)}:{c.Min}:{c.Kind}:{c.Who}"))}");
    }

    [Theory]
    [InlineData("Two of them were children.", "", "a count with a copula states who they were; nothing happened")]
    [InlineData("The deal died in parliament.", "died", "'die' with a subject that is no party and no count of people is no casualty")]
    [InlineData("The 12 wounded were taken to hospital.", "wounded", "after 'the' and a number, 'wounded' is the people, not a verb")]
    [InlineData("Prices rose by 12 percent after 12 were reported.", "reported", "a count of a reporting verb is not a casualty")]
    public void Numbers_that_are_not_victims_make_no_casualty_event(string sentence, string trigger, string reason)
    {
        var d = Run(sentence);
        if (trigger.Length == 0) Assert.True(d.Events.Count == 0, $"{reason}: {Listing(d)}");
        else Assert.True(!d.Events.Exists(e => d.Slice(e.Trigger) == trigger), $"{reason}: {Listing(d)}");
    }

    [Theory]
    [InlineData("Airstrikes killed 12.", "killed", "Airstrikes", null, "an event noun in the subject is how, not who: the actor is unknown")]
    [InlineData("Shelling killed five civilians.", "killed", "Shelling", null, "the same for shelling")]
    [InlineData("A car bomb killed 17 people near Azaz.", "killed", "A car bomb", null, "a weapon is the means (ACLED: unidentified actor)")]
    [InlineData("Car bomb in Syria kills at least 17 near Turkish border.", "kills", "Car bomb", null, "the place after the weapon belongs to the place role, not to the means")]
    [InlineData("The shelling of the market killed nine civilians.", "killed", "The shelling", null, "the 'of' complement of the means noun is not part of the means")]
    [InlineData("Syrian government forces and Russian raids killed nine civilians.", "killed", null, "Syrian government forces and Russian raids", "a party coordinated with a weapon keeps the phrase the actor")]
    [InlineData("Sunday's bombardment killed a baby.", "killed", "Sunday's bombardment", null, "a day before the means noun is when, never who")]
    [InlineData("A roadside mine killed two soldiers.", "killed", "A roadside mine", null, "a weapon noun that is no event noun is a means too")]
    [InlineData("Russian airstrikes killed 12 civilians in Idlib.", "killed", "Russian airstrikes", "Russian", "a party named with the weapon is the actor")]
    [InlineData("Bombs dropped by the regime killed at least 49 people.", "killed", "Bombs", "the regime", "the agent of the participle after the weapon is the actor")]
    [InlineData("Government forces shelled the town, killing 12.", "killing", null, "Government forces", "a party subject stays the actor; there is no means")]
    [InlineData("At least 12 were killed in the air strikes.", "killed", "the air strikes", null, "an event noun after the verb ('killed in ...') is the means too")]
    [InlineData("Thirty gunmen killed three soldiers near Palmyra.", "killed", null, "Thirty gunmen", "a counted subject with an object is the killers, not the victims")]
    public void A_weapon_subject_is_the_means_not_the_actor(string sentence, string trigger, string? means, string? actor, string reason)
    {
        var d = Run(sentence);
        var ev = d.Events.Find(e => d.Slice(e.Trigger) == trigger);
        Assert.True(ev is not null, $"{reason}: no '{trigger}' event: {Listing(d)}");
        Assert.True(ev!.Means?.Text == means, $"{reason}: means {ev.Means?.Text}");
        // an actor the text does not name is the coder's category on the trigger (UnnamedActorsComponent), no phrase of the sentence
        Assert.True(actor is null ? UnnamedActorTests.NamesNoPartyOfTheText(ev) : ev.Actor?.Text == actor, $"{reason}: actor {ev.Actor?.Text}");
        if (ev.Means is { } m) Assert.True(d.Slice(m.Span) == m.Text, $"{reason}: the means span does not hold its text");
        // the weapon's own event noun is the means of the verb's event, not a second event
        Assert.True(!d.Events.Exists(e => e != ev && ev.Means is { } mm && mm.Span.Contains(e.Trigger)), $"{reason}: {Listing(d)}");
    }

    [Theory]
    [InlineData("Syrian opposition forces fighting alongside Turkish troops attacked the town.", "attacked", "Syrian opposition forces", "the noun a reduced relative ('fighting alongside ...') modifies is the subject")]
    [InlineData("Rebels backed by Turkey attacked the town.", "attacked", "Rebels", "the same for a passive participle ('backed by ...')")]
    [InlineData("The army together with allied militias attacked the village.", "attacked", "The army together with allied militias", "'together with' joins allies to the actor")]
    public void Allies_are_not_the_actor_or_target(string sentence, string trigger, string actor, string reason)
    {
        var d = Run(sentence);
        var ev = d.Events.Find(e => d.Slice(e.Trigger) == trigger);
        Assert.True(ev is not null, $"{reason}: no '{trigger}' event: {Listing(d)}");
        Assert.True(ev!.Actor?.Text == actor, $"{reason}: actor {ev.Actor?.Text}");
        // an ally is never what a use of force is done to (a cooperation event may name it as its partner: CAMEO 06x's target)
        Assert.True(!d.Events.Exists(e => e.Codes.Cameo is ['1', '8' or '9', ..] or ['2', '0', ..]
                && (e.Target?.Text.StartsWith("alongside", StringComparison.OrdinalIgnoreCase) == true || e.Target?.Text == "Turkish troops")),
            $"{reason}: an ally is a target: {Listing(d)}");
    }
}
