using Dragoman.Documents;
using Dragoman.Events;

namespace Dragoman.Tests.Events;

/// <summary>
/// Rules that choose an event's code, PLOVER mode or main clause from the sentence's structure (issue 6): each row is a
/// sentence, the trigger, and what must (or must not) be coded, with the reason.
/// </summary>
public class EventSenseRulesTests
{
    private static Event? Find(Document d, string trigger) => d.Events.Find(e => EventTestDocs.TriggerText(d, e) == trigger);

    private static string Listing(Document d) => string.Join("; ", d.Events.Select(e => $"{EventTestDocs.TriggerText(d, e)}={e.Codes.Cameo}/{e.Codes.Plover?.Event}/{e.Codes.Plover?.Mode}/{e.Actor?.Text}"));

    [Theory]
    [InlineData("North Korea expelled inspectors of the atomic agency from its nuclear sites.", "expelled", "1662", "CAMEO 1662: expelling inspectors or observers is withdrawing an international presence, not deporting individuals (174)")]
    [InlineData("The government expelled the UN peacekeepers from the border zone.", "expelled", "1661", "CAMEO 1661: expelling peacekeepers")]
    [InlineData("The government expelled 200 migrants to the border.", "expelled", "174", "CAMEO 174: expelling people who are not a foreign presence stays deportation")]
    [InlineData("Workers of the state railway began an open-ended strike over unpaid wages.", "open-ended strike", "143", "a strike with a labour modifier is CAMEO 143, not a military strike")]
    [InlineData("Italy announced a suspension of air links with Serbia on Wednesday.", "suspension", "160", "'a suspension of links' reduces relations (CAMEO 16)")]
    [InlineData("The army prepared to resume shelling rebel-held territory.", "prepared", "150", "preparing to use force is a military move short of force (CAMEO 15, PLOVER MOBILIZE)")]
    [InlineData("The president on Thursday shortened by one hour the nightly curfew imposed in the capital.", "curfew", "0813", "easing a curfew is yielding (CAMEO 0813), not imposing it")]
    [InlineData("The army eased the blockade of the town on Monday.", "blockade", "081", "easing a blockade eases a restriction (CAMEO 081)")]
    [InlineData("Rebels on Wednesday dismissed an appeal from the president to lay down their arms.", "dismissed", "120", "dismissing an appeal or proposal rejects it (CAMEO 12), not a mere disapproval (110)")]
    [InlineData("The minister summoned the ambassador to complain of inaction over the gangs.", "summoned", "114", "the purpose of a summons is the event; 'to complain of' is an infinitive, not a noun before 'of'")]
    [InlineData("The UN sent 21 military and civilian personnel to Bosnia to investigate the feasibility of a force.", "sent", "090", "a coordinated object does not end the clause of the purpose")]
    [InlineData("The Mozambique government on Thursday accepted demands from Shona rebels that it initiate political reforms.", "accepted", "080", "accepting another party's demands is yielding (CAMEO 08, PLOVER CONCEDE)")]
    [InlineData("The released leaders will conduct attacks against the regime.", "attacks", "190", "conducting attacks performs them: the noun is the event, not the dictionary's verbal 'conduct * ATTACK' (113)")]
    [InlineData("The opposition led the attack on the proposal in parliament.", "led", "113", "'leading the attack on a proposal' stays the verbal reading")]
    public void Codes_the_sense_the_roles_select(string text, string trigger, string cameo, string reason)
    {
        var d = EventTestDocs.Run(text);
        var e = Find(d, trigger);
        Assert.True(e is not null && e.Codes.Cameo == cameo, $"{reason}: {Listing(d)}");
    }

    [Theory]
    [InlineData("Ethnic Albanians have sworn to fight until they gain control of the villages.", "fight", "THREATEN", "violence", "a vow to fight is a threat of violence; the vow verb itself is not a second event")]
    [InlineData("Russia has threatened to stop negotiations on nuclear weapons.", "threatened", "THREATEN", "relations", "a threat takes its mode from the threatened act: halting talks is 'relations'")]
    [InlineData("Rebels exploded a series of bombs in the capital.", "exploded", "ASSAULT", "explosives", "PLOVER manual: bombs that are not suicide attacks are 'explosives'")]
    [InlineData("Workers of the state railway began an open-ended strike over unpaid wages.", "open-ended strike", "PROTEST", "strike", "PLOVER manual: leaving the workplace is the 'strike' mode, not 'boycott'")]
    [InlineData("The army prepared to resume shelling rebel-held territory.", "prepared", "MOBILIZE", "weapons", "readiness to fire artillery is MOBILIZE 'weapons'")]
    [InlineData("A camp for refugees was attacked by militiamen armed with machetes, killing at least 156 people.", "attacked", "ASSAULT", "primitive", "PLOVER manual: edged weapons are the 'primitive' mode")]
    [InlineData("Guerrillas killed the deputy chief of the militia in southern Lebanon on Sunday.", "killed", "ASSAULT", "assassinate", "killing a leader named by title is CAMEO 186 assassinate")]
    public void Plover_event_and_mode(string text, string trigger, string plover, string mode, string reason)
    {
        var d = EventTestDocs.Run(text);
        var e = Find(d, trigger);
        Assert.True(e is not null && e.Codes.Plover?.Event == plover && e.Codes.Plover.Mode == mode, $"{reason}: {Listing(d)}");
    }

    [Theory]
    [InlineData("Ethnic Albanians have sworn to fight until they gain control of the villages.", "sworn", "a vow verb with a coded complement frames it")]
    [InlineData("A top U.S. official today praised Haiti's efforts to improve its record on human rights.", "praised", "must be coded (051 praise), not matched to the '(TO)' of 'welcomed X to'; checked below")]
    public void Framing_verbs_of_a_coded_complement_are_not_events(string text, string trigger, string reason)
    {
        var d = EventTestDocs.Run(text);
        var e = Find(d, trigger);
        if (trigger == "praised") Assert.True(e is not null && e.Codes.Cameo == "051", $"{reason}: {Listing(d)}");
        else Assert.True(e is null, $"{reason}: {Listing(d)}");
    }

    [Theory]
    [InlineData("Rebels on Wednesday dismissed an appeal from the president.", "dismissed", "Rebels", "a time adjunct between subject and verb is skipped")]
    [InlineData("A top U.S. official today praised Haiti's efforts.", "praised", "A top U.S. official", "'today' is not part of the subject")]
    [InlineData("Bangladesh has once again outright rejected an Indian proposal for a trade agreement.", "rejected", "Bangladesh", "adverbs in the verb group ('once again outright') do not hide the subject")]
    [InlineData("Gunmen attacked a checkpoint on the road between Daraa and the town of Tafas, killing four soldiers.", "killing", "Gunmen", "a participle clause after a comma is controlled by the main clause's subject, not by the place before it")]
    public void Subject_is_the_actor(string text, string trigger, string actor, string reason)
    {
        var d = EventTestDocs.Run(text);
        var e = Find(d, trigger);
        Assert.True(e is not null && e.Actor?.Text == actor, $"{reason}: {Listing(d)}");
    }

    [Theory]
    [InlineData("Pakistan, a key U.S. ally in the war against terrorism, has refused to send troops.", "ally", "a base form after a singular noun inside a determiner's phrase is the head noun")]
    [InlineData("The rebels said a press release by the government was false.", "release", "'a press release by' is a noun phrase")]
    [InlineData("Nearly one third of the city's power supply is still down.", "supply", "a noun before 'is' is the subject, not a verb")]
    public void Nouns_are_not_verb_events(string text, string word, string reason)
    {
        var d = EventTestDocs.Run(text);
        Assert.True(Find(d, word) is null, $"{reason}: {Listing(d)}");
    }

    [Theory]
    [InlineData("Russia said that Sudan must return a helicopter that was captured by the authorities.", "captured", true, "a relative clause on the object")]
    [InlineData("Italy suspended air links one day after a Serbian jet shot down a helicopter.", "shot", true, "an adverbial clause opened by 'after'")]
    [InlineData("The jet shot down a helicopter attacking the town.", "attacking", true, "a participle right after a noun is a reduced relative")]
    [InlineData("Following the deal, the government released 40 prisoners.", "released", false, "a fronted phrase closed by a comma leaves the main clause main")]
    [InlineData("A first group of Bangladeshi troops arrived in Sierra Leone on Tuesday.", "arrived", false, "the finite verb after a subject with an 'of' phrase is main, not a reduced relative")]
    public void Secondary_clauses_are_background(string text, string word, bool secondary, string reason)
    {
        var d = EventTestDocs.Run(text);
        var s = d.Sentences[0];
        var v = new EventCoder(EventTestDocs.Res.Verbs, EventTestDocs.Res.Nouns).View(d.Text, d.Tokens, s);
        int k = Enumerable.Range(0, v.Count).First(i => v.Is(i, word));
        Assert.True(EventsComponent.IsSecondary(v, k) == secondary, reason);
    }
}
