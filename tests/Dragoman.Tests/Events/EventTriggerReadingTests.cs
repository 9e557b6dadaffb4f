using Dragoman.Documents;

namespace Dragoman.Tests.Events;

/// <summary>
/// How the event coder reads a trigger's clause (issue 12, type recall): quotation marks are no syntax, a headline-cased line
/// is read in lower case where its words are ordinary words, and the word
/// after a dateline's dash opens the sentence. Each row: a sentence, the trigger, the CAMEO code it must get (or none),
/// and why.
/// </summary>
public class EventTriggerReadingTests
{
    private static string Listing(Document d) => string.Join("; ", d.Events.Select(e => $"{EventTestDocs.TriggerText(d, e)}={e.Codes.Cameo}/{e.Codes.Plover?.Event}/{e.Actor?.Text}"));

    [Theory]
    [InlineData("The army \u201Cneutralized\u201D six militants in the north on Friday.", "neutralized", "190", "a verb in scare quotes is still the clause's verb")]
    [InlineData("Air forces \u201Cneutralized two members of the group in the region,\u201D the ministry said.", "neutralized", "190", "a partial quote opening before the verb leaves the verb its subject")]
    [InlineData("Police \"arrested\" three protesters in the capital on Monday.", "arrested", "173", "straight quotation marks too")]
    [InlineData("BENGHAZI, Libya - Fighting between rival armed groups in the city has left six civilians dead.", "Fighting", "190", "the capitalised word after a dateline's dash opens the sentence: an event noun, not a name")]
    [InlineData("KHARTOUM (Reuters) \u2013 Clashes between the army and rebels killed ten people on Sunday.", "killed", "193", "after an en dash too; the dateline is no party")]
    [InlineData("Regime Forces Release 30 Prisoners Near Daraa\n\nThe weather was mild.", "Release", "0841", "a title-case headline is read in lower case where its words are ordinary words")]
    [InlineData("Unknown Gunmen Kill Two Civilians in Daraa\n\nThe weather was mild.", "Kill", "193", "a capitalised verb after a capitalised plural noun in a headline (gunmen: small arms)")]
    [InlineData("POLICE ARREST DOZENS OF PROTESTERS IN KHARTOUM\n\nThe weather was mild.", "ARREST", "173", "an all-caps headline too")]
    [InlineData("Rebels Attack Army Base In Idlib, Killing 12 Soldiers\n\nThe weather was mild.", "Attack", "190", "a headline that a sentence-case reading would take for one long name")]
    public void Reads_the_trigger(string text, string trigger, string cameo, string reason)
    {
        var d = EventTestDocs.Run(text);
        Assert.True(d.Events.Exists(e => EventTestDocs.TriggerText(d, e) == trigger && e.Codes.Cameo == cameo), $"{reason}: {Listing(d)}");
    }

    [Theory]
    [InlineData("Missiles struck the Ukrainian capital Kyiv for the first time in weeks on Sunday.", "struck", "ASSAULT", "a weapon as the subject makes a verb of force use force, whatever verbal pattern later words match")]
    [InlineData("Amnesty International has asked the government and police to follow the law.", "asked", "REQUEST", "an appeal (CAMEO 02) is a PLOVER request, though the 2021 table has no row for it")]
    [InlineData("The European Union imposed sanctions on the prison service on Monday.", "imposed", "SANCTION", "international sanctions are SANCTION discontinue (PLOVER manual)")]
    [InlineData("The toll of the incursion of rebel fighters into the village rose to 20.", "incursion", "ASSAULT", "an incursion is an armed attack")]
    [InlineData("A convoy carrying food came under fire near the border on Monday.", "fire", "ASSAULT", "fire governed by \"under\" is an attack on the clause's subject, by an unnamed actor")]
    [InlineData("The town was under heavy enemy fire for almost an hour on Tuesday.", "fire", "ASSAULT", "after \"was under\", with modifiers; \"for\" opening a length of time is no reason of criticism")]
    [InlineData("The raiders then made off with the cattle and cash.", "made off with", "COERCE", "taking property and fleeing with it is theft (CAMEO 171)")]
    [InlineData("The envoy conducted his first talks with the rebel leaders on Monday.", "talks", "CONSULT", "talks held are a negotiation (CAMEO 046)")]
    [InlineData("The rebel front will lodge a complaint against the army over the shelling of two villages.", "complaint", "ACCUSE", "a complaint lodged is an official complaint (CAMEO 114), the complainant the light verb's subject")]
    [InlineData("The ministry deployed 300 police officers in the city of Varno on Friday.", "deployed", "MOBILIZE", "deploying police is CAMEO 153, though the dictionary's SEND block codes DEPLOY only with aid or military objects")]
    [InlineData("Rights groups accused the army of deliberately killing at least nine villagers.", "killing", "ASSAULT", "the accused act is an event of its own beside the accusation")]
    [InlineData("The rebels were also accused of the murder of two soldiers last week.", "murder", "ASSAULT", "a derived event noun is still an event (that list's fifth column names its source verb, no governing preposition)")]
    [InlineData("The army's firing of warning shots at the plane angered officials.", "firing", "ASSAULT", "the same for a derived -ing noun")]
    public void Types_the_event(string text, string trigger, string plover, string reason)
    {
        var d = EventTestDocs.Run(text);
        Assert.True(d.Events.Exists(e => EventTestDocs.TriggerText(d, e) == trigger && e.Codes.Plover?.Event == plover), $"{reason}: {Listing(d)}");
    }

    [Theory]
    [InlineData("The minister came under fire for his remarks on the war.", "fire", "\"came under fire for\" a reason is criticism (CAMEO's COME (UNDER FIRE) 111), not shooting")]
    [InlineData("A fire destroyed the market overnight.", "fire", "a fire not governed by \"under\" is no attack")]
    [InlineData("He came under fire over the new tax.", "fire", "\"over\" a matter: criticism too")]
    public void Reads_no_attack(string text, string trigger, string reason)
    {
        var d = EventTestDocs.Run(text);
        Assert.False(d.Events.Exists(e => EventTestDocs.TriggerText(d, e) == trigger && e.Codes.Plover?.Event == "ASSAULT"), $"{reason}: {Listing(d)}");
    }

    [Theory]
    [InlineData("Rights groups accused the army of killing nine villagers in the north.", "killing", Modality.Reported, "Rights groups", "the accuser tells the accused act")]
    [InlineData("The ministry blamed the rebels for shelling the town on Monday.", "shelling", Modality.Reported, "The ministry", "\"blamed X for V-ing\": the same")]
    [InlineData("The army killed nine villagers in the north on Monday.", "killed", Modality.Asserted, null, "no accusation: the outlet's own voice")]
    public void Accused_acts_are_told_by_the_accuser(string text, string trigger, Modality modality, string? source, string reason)
    {
        var d = EventTestDocs.Run(text);
        var e = d.Events.Find(x => EventTestDocs.TriggerText(d, x) == trigger);
        Assert.True(e is not null, $"{reason}: {Listing(d)}");
        Assert.True(e!.Modality == modality, $"{reason}: modality {e.Modality}");
        Assert.True(source is null ? e.Sources.Count == 0 : e.Sources.Exists(s => s.Name == source), $"{reason}: sources {string.Join(", ", e.Sources.Select(s => s.Name))}");
    }

    [Theory]
    [InlineData("Two rockets were fired on Sunday evening.", "fired", "a weapon as the passive subject of force: an attack by someone unnamed")]
    public void Keeps_agentless_attacks(string text, string trigger, string reason)
    {
        var d = EventTestDocs.Run(text);
        Assert.True(d.Events.Exists(e => EventTestDocs.TriggerText(d, e) == trigger && e.Codes.Plover?.Event == "ASSAULT"), $"{reason}: {Listing(d)}");
    }

    [Theory]
    [InlineData("The march was organised by Fighting Youth, a student group, on Friday.", "Fighting", "a capitalised verb form inside the sentence, after no dash, stays part of a name")]
    [InlineData("Delegates of Human Rights Watch, Doctors Without Borders and Save the Children met on Friday.", "Save", "a sentence-case line full of names is no headline: their capitalised verb forms stay names")]
    public void Leaves_names_alone(string text, string trigger, string reason)
    {
        var d = EventTestDocs.Run(text);
        Assert.False(d.Events.Exists(e => EventTestDocs.TriggerText(d, e) == trigger), $"{reason}: {Listing(d)}");
    }

    /// <summary>
    /// Events dropped because the syntax found no party for them (issue 12, the "not found" type misses, session 21): a
    /// time adjunct after a comma hid the subject, and a crowd or the two sides of a negotiation were no party.
    /// </summary>
    [Theory]
    [InlineData("The delegation, on Monday conducted talks with the rebels in the north.", "talks", "CONSULT", "\"X, on Monday conducted\": the subject is before the comma, not the time adjunct")]
    [InlineData("Omar Haddad, head of the mediation council, on Tuesday held his first talks with the armed movement.", "talks", "CONSULT", "a name, an apposition between commas, then a time adjunct: the name is the subject")]
    [InlineData("A crowd protested outside the ministry on Sunday.", "protested", "PROTEST", "a crowd is a party: gathered people, ACLED's protesters")]
    [InlineData("Police fired tear gas to disperse a crowd protesting against the new tax.", "protesting", "PROTEST", "a crowd protesting after the verb it is the object of: its own protest event")]
    [InlineData("The two sides agreed to meet again next month.", "agreed", "AGREE", "the sides of a negotiation are its parties")]
    public void Finds_the_party_of_the_trigger(string text, string trigger, string plover, string reason)
    {
        var d = EventTestDocs.Run(text);
        Assert.True(d.Events.Exists(e => EventTestDocs.TriggerText(d, e) == trigger && e.Codes.Plover?.Event == plover), $"{reason}: {Listing(d)}");
    }

    [Theory]
    [InlineData("Rebels on Wednesday dismissed the offer from the government.", "dismissed", "Rebels", "a time adjunct with no comma stays skipped as before")]
    [InlineData("The delegation, on Monday conducted talks with the rebels in the north.", "talks", "The delegation", "the light verb's subject over a comma and a time adjunct is the talks' actor")]
    public void Reads_the_subject_over_a_time_adjunct(string text, string trigger, string actor, string reason)
    {
        var d = EventTestDocs.Run(text);
        Assert.True(d.Events.Exists(e => EventTestDocs.TriggerText(d, e) == trigger && e.Actor?.Text == actor), $"{reason}: {Listing(d)}");
    }
}
