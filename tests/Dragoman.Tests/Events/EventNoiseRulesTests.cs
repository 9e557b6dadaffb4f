using Dragoman.Documents;
using Dragoman.Tests.Support;

namespace Dragoman.Tests.Events;

/// <summary>
/// Rules against false events on real articles (issue 6, "noise"): a headline restating a body event, reporting and
/// light verbs, places and times taken for actors. Each row is an article (headline, blank line, body) with a reason.
/// </summary>
public class EventNoiseRulesTests
{
    private static Document Run(string text) => TestPipeline.ProcessText(text, new DateOnly(2019, 3, 4));

    private static string Listing(Document d) => string.Join("; ", d.Events.Select(e => $"{d.Slice(e.Trigger)}={e.Codes.Cameo}/A:{e.Actor?.Text}/n{e.Evidence.Count}"));

    [Theory]
    [InlineData("Air strikes kill 10 children in Aleppo\n\nTen children have been killed in government air strikes in the north of Aleppo province, a monitor said.", 1,
        "the headline's killing restates the lede's: one use of force carrying both evidence spans")]
    [InlineData("Suicide attack on wedding kills 32\n\nA suicide bomber struck a wedding party in Hassakeh on Monday, killing 32 people, a monitor said.", 1,
        "a headline's 'attack' and 'kills' are the lede's bombing")]
    [InlineData("Raids on Raqa\n\nAt least 22 people were killed in U.S. air strikes on the city of Raqa on Saturday, a monitor said.", 1,
        "a headline noun event restates the body's killing")]
    public void A_headline_event_restating_the_lede_is_merged_into_it(string text, int titleCopies, string reason)
    {
        var d = Run(text);
        var title = d.Article.TitleSpan!.Value;
        Assert.True(!d.Events.Exists(e => title.Contains(e.Trigger)), $"{reason}: a headline copy is left: {Listing(d)}");
        Assert.True(d.Events.Count(e => e.Evidence.Exists(x => x.Start == title.Start)) == titleCopies, $"{reason}: the headline's evidence is not kept on the body event: {Listing(d)}");
    }

    // text, trigger word, events expected with it, reason
    [Theory]
    [InlineData("Mortar attacks in Damascus\n\nEight people were killed Wednesday in mortar attacks on Damascus city. Eight people were killed Wednesday in mortar attacks on Damascus city.", "killed", 1,
        "a page that prints its lede twice reports one killing")]
    [InlineData("Mortar attacks in Damascus\n\nEight people were killed Wednesday in mortar attacks on Damascus city.  EIGHT people were killed Wednesday in mortar attacks on  Damascus city.", "killed", 1,
        "case and spacing do not make a repeated sentence new")]
    [InlineData("Shelling\n\nTwo people were killed. Two people were killed.", "killed", 2,
        "short sentences repeat by chance in different places of a report: both stay")]
    public void A_sentence_printed_twice_reports_its_events_once(string text, string trigger, int expected, string reason)
    {
        var d = Run(text);
        Assert.True(d.Events.Count(e => d.Slice(e.Trigger).Equals(trigger, StringComparison.OrdinalIgnoreCase)) == expected, $"{reason}: {Listing(d)}");
    }

    [Theory]
    [InlineData("Talks in Geneva\n\nThe minister held talks with the envoy in Geneva on Monday.", "the headline 'Talks' and the body's talks are the same, but a headline with no body event of its kind stays")]
    public void A_headline_event_without_a_body_event_of_its_kind_stays(string text, string reason)
    {
        var d = Run(text);
        Assert.True(d.Events.Count > 0, $"{reason}: {Listing(d)}");
    }

    [Theory]
    [InlineData("Bombing in Damascus\n\nThe Observatory, a British-based monitoring group, gave a slightly lower toll of 31 people killed.", "gave", "giving a toll reports a figure; it is not material cooperation (CAMEO 06)")]
    [InlineData("Gas attack\n\nIt said its experts in Turkey were giving guidance to health workers in Idlib.", "giving", "giving guidance is information, not an event between parties")]
    [InlineData("At least 70 killed in north of Aleppo - monitor\n\nAt least 70 fighters have been killed in fighting north of Aleppo, a monitor said.", "monitor", "a headline's final verb form with nothing after it names the source")]
    [InlineData("Clashes in Hassakeh\n\nHassakeh city is almost entirely held by Kurdish forces but the regime still holds some districts.", "forces", "'Kurdish forces but' is a noun phrase, not the verb 'to force'")]
    [InlineData("Convoy hit\n\nThe convoy was attacked near Palmyra on Saturday, according to the monitor.", "according", "'according to' frames a report")]
    public void Reporting_and_light_verbs_are_not_events(string text, string trigger, string reason)
    {
        var d = Run(text);
        Assert.True(!d.Events.Exists(e => d.Slice(e.Trigger) == trigger), $"{reason}: {Listing(d)}");
    }

    [Theory]
    [InlineData("Strikes on Aleppo\n\nHezbollah intensified its attacks against positions in the northern province killing at least 23 militants.", "killing", "the northern province",
        "a phrase after 'in' says where, not who")]
    [InlineData("Fighting in Khan Touman\n\nThe group said fighting in Khan Touman killed 23 militants and injured 18 others.", "killed", "Khan Touman", "a town after 'in' is the place of the fighting, not the killer")]
    [InlineData("Soldiers killed\n\nOn Saturday gunmen killed two soldiers near Palmyra, a military source said.", "killed", "Saturday", "a time is when, never who")]
    [InlineData("Gunmen attack checkpoint\n\nGunmen attacked a checkpoint on the road between Daraa and the town of Tafas, killing four soldiers.", "killing", "Daraa and the town of Tafas",
        "a participle clause's actor is the main clause's subject, not the place before the comma")]
    public void A_place_or_time_is_not_an_actor(string text, string trigger, string notActor, string reason)
    {
        var d = Run(text);
        var evs = d.Events.Where(e => d.Slice(e.Trigger) == trigger).ToList();
        Assert.True(evs.Count > 0, $"{reason}: no '{trigger}' event: {Listing(d)}");
        Assert.True(evs.TrueForAll(e => e.Actor?.Text != notActor), $"{reason}: {Listing(d)}");
    }

    [Theory]
    [InlineData("Damascus\n\nAt least 17 people were killed in a triple bombing in central Damascus, the Syrian Observatory said.", "killed", "bombing", "183",
        "the bombing is how the 17 were killed: one event, coded by its means")]
    [InlineData("Baghdad\n\nThree civilians have been killed in a suicide car bombing in central Baghdad, police said.", "killed", "bombing", "1831",
        "the means noun is refined by the sentence's weapon words (suicide)")]
    [InlineData("Ghouta\n\nHundreds of civilians died in a sarin gas attack in Ghouta.", "died", "gas attack", "2041", "death in a chemical attack")]
    public void An_event_noun_after_a_violent_verb_is_its_means(string text, string verb, string noun, string cameo, string reason)
    {
        var d = Run(text);
        Assert.True(!d.Events.Exists(e => d.Slice(e.Trigger) == noun), $"{reason}: the means is a second event: {Listing(d)}");
        Assert.True(d.Events.Exists(e => d.Slice(e.Trigger) == verb && e.Codes.Cameo == cameo), $"{reason}: {Listing(d)}");
    }

    [Theory]
    [InlineData("Clashes in Afrin\n\nClashes broke out on Tuesday between two rival armed factions in the city of Afrin, leaving three fighters dead, residents said.", 3,
        "a result clause 'leaving three fighters dead' counts the clashes' dead; the noun is kept when the verb 'broke out' has no party")]
    public void A_result_clause_gives_the_count(string text, int killed, string reason)
    {
        var d = Run(text);
        Assert.True(d.Events.Exists(e => e.Counts.Exists(c => c.Kind == "killed" && c.Min == killed)), $"{reason}: {Listing(d)}");
    }
}
