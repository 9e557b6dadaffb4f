using Dragoman.Documents;

namespace Dragoman.Tests.Events;

public class EventGoldenTests
{
    private static Event Single(Document d, string trigger)
    {
        var matches = d.Events.Where(e => EventTestDocs.TriggerText(d, e).Contains(trigger, StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(matches.Count == 1, $"expected one event triggered by '{trigger}', found: {string.Join("; ", d.Events.Select(e => EventTestDocs.TriggerText(d, e) + "/" + e.Codes.Cameo))}");
        return matches[0];
    }

    [Theory]
    [InlineData("Dozens of protesters were arrested by police in Homs on Monday.", "arrested", "173", "police", "protesters", "passive voice: the 'by' agent is the actor, the subject the target")]
    [InlineData("Government troops shelled the town of Ariha on Monday.", "shelled", "194", "Government troops", "the town of Ariha", "active voice, shelling refined to artillery")]
    [InlineData("More than 30 fighters, including prominent commanders, were released by a branch of the Air Force Intelligence.", "released", "0841", "Air Force Intelligence", "More than 30 fighters", "passive over an apposition; persons released")]
    [InlineData("The Russians, who have imposed their presence there, are conscripting about 3,000 fighters for the Fifth Corps.", "conscripting", "154", "The Russians", "about 3,000 fighters", "subject across a relative clause; supplement verb")]
    [InlineData("The group said the rebels stormed the checkpoint near Jabab.", "stormed", "19", "the rebels", "the checkpoint", "event inside a reported clause")]
    [InlineData("Israeli jets carried out an air strike on the camp.", "air strike", "195", "Israeli jets", "the camp", "nominal trigger: light-verb subject is the actor, 'on' the target")]
    [InlineData("Clashes between the army and ISIS fighters continued near Deir Ezzor.", "Clashes", "193", "the army", "ISIS fighters", "nominal 'clashes between X and Y'")]
    public void Finds_roles(string text, string trigger, string codePrefix, string actor, string target, string reason)
    {
        var d = EventTestDocs.Run(text);
        var e = Single(d, trigger);
        Assert.True(e.Codes.Cameo!.StartsWith(codePrefix, StringComparison.Ordinal), $"{reason}: code {e.Codes.Cameo}");
        Assert.True(e.Actor?.Text.Contains(actor, StringComparison.OrdinalIgnoreCase) == true, $"{reason}: actor '{e.Actor?.Text}'");
        Assert.True(e.Target?.Text.Contains(target, StringComparison.OrdinalIgnoreCase) == true, $"{reason}: target '{e.Target?.Text}'");
    }

    [Theory]
    [InlineData("Government troops shelled the town of Ariha on Monday.", "shelled", Modality.Asserted, "no cue: the text asserts it")]
    [InlineData("Government troops shelled the town of Ariha, activists said.", "shelled", Modality.Reported, "a reporting cue")]
    [InlineData("The ministry denied that its forces shelled the village.", "shelled", Modality.Denied, "a denial governs the event")]
    [InlineData("The Islamic State claimed responsibility for the attack on the checkpoint.", "attack", Modality.Claimed, "an armed group claims its own attack")]
    [InlineData("Jaish al-Islam claimed that its fighters killed 20 soldiers.", "killed", Modality.Claimed, "a claim by the interested party")]
    [InlineData("The rebels could attack the airport if the talks fail.", "attack", Modality.Hypothetical, "could / if")]
    [InlineData("Government forces did not shell the town on Friday.", "shell", Modality.Negated, "did not")]
    [InlineData("The army is expected to launch an offensive on the town next week.", "offensive", Modality.Expected, "is expected to")]
    [InlineData("A bomb planted by rebels who had vowed to disrupt the festival exploded on Sunday in Tembo.", "exploded", Modality.Asserted, "an expectation verb governs its own infinitive, not a later finite verb of the main clause")]
    [InlineData("The rebels plan to attack and seize the airport of Tembo.", "seize", Modality.Expected, "a verb coordinated with the infinitive is still expected")]
    [InlineData("Later, a band of raiders (possibly those seen earlier) attacked a police post near Tembo.", "attacked", Modality.Asserted, "a hedge inside a parenthesis is an aside, not the clause's mood")]
    [InlineData("Later, an armed group possibly attacked a police post near Tembo.", "attacked", Modality.Hypothetical, "the same hedge outside a parenthesis still hedges")]
    [InlineData("Hezbollah is looking to clear the area of militants by next summer, and plans to attack the militants there.", "attack", Modality.Expected, "plans to")]
    [InlineData("The officials said the attacks would be very limited in scope.", "attacks", Modality.Expected, "a nominal trigger with 'would' is an expectation, not an attack")]
    [InlineData("Rebels shelled the village of Alpha on May 12, the governor said.", "shelled", Modality.Reported, "'May' before a day number is the month, not the modal")]
    [InlineData("May 3 saw rebels shell the village of Alpha.", "shell", Modality.Asserted, "'May' opening the sentence before a number is the month")]
    [InlineData("Rebels may shell the village of Alpha, the governor said.", "shell", Modality.Hypothetical, "lower-case 'may' inside the sentence is still the modal")]
    [InlineData("The group said it killed 20 soldiers near the border.", "killed", Modality.Claimed, "a pronoun subject after the speaker's cue is the speaker: a party telling its own act")]
    [InlineData("The villagers said they were attacked by gunmen.", "attacked", Modality.Reported, "a passive pronoun subject is the target, not the speaker's own act")]
    [InlineData("Activists said soldiers killed 20 villagers near the border.", "killed", Modality.Reported, "a named third party as subject: reported, not claimed")]
    [InlineData("A monitoring group said the rebel group claimed responsibility for the bomb attack.", "attack", Modality.Claimed, "a claim of responsibility an outer speaker relays is still the doer's claim")]
    [InlineData("The militia has claimed responsibility for Tuesday's attack on the base, according to a news agency.", "attack", Modality.Claimed, "a claim of responsibility under 'according to' is the doer's claim")]
    [InlineData("The militia denied reports that it had attacked the base.", "attacked", Modality.Denied, "'reports' is a noun here: it opens no nearer speaker's clause, the denial governs")]
    [InlineData("The ministry denied the strike after activists reported that jets attacked the base.", "attacked", Modality.Reported, "a speech verb still opens its own speaker's clause")]
    public void Decides_modality(string text, string trigger, Modality modality, string reason)
    {
        var d = EventTestDocs.Run(text);
        var e = Single(d, trigger);
        Assert.True(modality == e.Modality, $"{reason}: got {e.Modality}");
    }

    [Fact]
    public void Count_in_the_next_sentence_attaches_to_the_event()
    {
        // reason: the event is stated in one sentence and its figure in the next; one event, two evidence sentences
        var d = EventTestDocs.Run("Security forces arrested protesters in Homs on Monday. Activists said 45 people were detained.");
        var arrest = Single(d, "arrested");
        Assert.Single(d.Events); // the restating "were detained" is folded into the arrest
        var count = Assert.Single(arrest.Counts);
        Assert.Equal(45, count.Min);
        Assert.Equal("detained", count.Kind);
        Assert.Equal(2, arrest.Evidence.Count);
    }

    [Fact]
    public void Conflicting_figures_stay_side_by_side_with_their_sources()
    {
        // reason: two sources give two death tolls for one strike; both figures are kept, each with its source
        var d = EventTestDocs.Run("An air strike killed 25 civilians in Idlib, the Syrian Observatory said. State media said 12 people were killed.");
        var kills = d.Events.Where(e => e.Counts.Exists(c => c.Kind == "killed")).ToList();
        var e = Assert.Single(kills);
        Assert.Equal([25, 12], e.Counts.Where(c => c.Kind == "killed").Select(c => c.Min));
        Assert.Equal(["the Syrian Observatory", "State media"], e.Counts.Where(c => c.Kind == "killed").Select(c => c.Source));
        Assert.Equal("civilian", e.Counts[0].Who);
        Assert.Equal("195", e.Codes.Cameo);
    }

    [Fact]
    public void Codes_in_three_vocabularies()
    {
        // reason: one event carries CAMEO, PLOVER and ACLED codes, QuadClass and Goldstein from the codebook
        var d = EventTestDocs.Run("Government forces arrested 12 activists in Daraa.");
        var e = d.Events.Single();
        Assert.Equal("173", e.Codes.Cameo);
        Assert.Equal("COERCE", e.Codes.Plover!.Event);
        Assert.Equal("arrest", e.Codes.Plover.Mode);
        Assert.Equal(new AcledCode("Strategic developments", "Arrests"), e.Codes.Acled);
        Assert.Equal(4, e.Codes.QuadClass);
        Assert.Equal(-5, e.Codes.Goldstein);
        Assert.Equal(12, e.Counts.Single().Min);
    }

    [Fact]
    public void Pronoun_actor_is_carried_from_the_previous_sentence()
    {
        // reason: "they" refers to the actor named in the previous sentence
        var d = EventTestDocs.Run("Jaish al-Islam fighters stormed the village of Tal Sawan. Later they shelled the town of Douma.");
        var e = Single(d, "shelled");
        Assert.Contains("Jaish al-Islam", e.Actor!.Text, StringComparison.Ordinal);
        Assert.Equal("they", d.Slice(e.Actor.Span));
    }
}

public class PloverStanceTests
{
    [Theory]
    [InlineData("Jordan and Britain have agreed to undertake joint military exercises.", "agreed", "AGREE", "a commitment to cooperate is PLOVER AGREE (CAMEO 03 intent)")]
    [InlineData("Israel threatened to ban voting in East Jerusalem.", "ban", "THREATEN", "a threat to coerce is THREATEN, not the coercion")]
    [InlineData("Syria says it will not accept any more refugees.", "accept", "REJECT", "a negated cooperative act is REJECT")]
    [InlineData("Russia said that Sudan must return a helicopter to its owners.", "return", "REQUEST", "'X must V' is a demand on X")]
    [InlineData("President Avril resigned yesterday.", "resigned", "RETREAT", "resigning is RETREAT/resign in the NGEC PLOVER codebook")]
    [InlineData("The envoy demanded parties to the conflict in Iraq to allow aid workers into the city.", "allow", "REQUEST", "the addressee of a demand may carry prepositional phrases")]
    [InlineData("The union reiterated its demand today that Israel ease restrictions on workers.", "ease", "REQUEST", "a clause introduced by 'demand that' is what is demanded")]
    [InlineData("The minister said that Israel will ease restrictions on workers.", "ease", "AGREE", "'said that' introduces no demand: the commitment stays AGREE")]
    [InlineData("A businessman is suing the United States for damages to his plant.", "suing", "ACCUSE", "a lawsuit is ACCUSE/allege in the NGEC PLOVER codebook")]
    [InlineData("The prime minister has been indicted by the war crimes court.", "indicted", "ACCUSE", "an indictment is a formal accusation (ACCUSE), though CAMEO files it under 173")]
    [InlineData("Police arrested the prime minister on Monday.", "arrested", "COERCE", "an arrest stays COERCE")]
    [InlineData("The agency has dispatched inspectors to the Esfahan Conversion Facilities (UCF) in Iran to monitor the plant.", "dispatched", "ACCUSE", "a bracketed abbreviation stays inside the clause")]
    [InlineData("The United Nations has sent a team to Bosnia to investigate the killings.", "sent", "ACCUSE", "a team sent to investigate: the purpose (CAMEO 09, PLOVER investigate) is the event")]
    [InlineData("The minister summoned the ambassador to complain about the raids.", "summoned", "ACCUSE", "an envoy summoned to hear a complaint: the purpose (CAMEO 11) is the event")]
    [InlineData("The United States sent troops to Somalia to distribute food.", "sent", "COOPERATE", "a purpose that is not an investigation, complaint or protest leaves the carrier's code")]
    [InlineData("A statement from the rebel group said the raids would resume after the holiday.", "raids", "THREATEN", "an event noun as the subject of 'would resume' is an announced attack, a threat")]
    [InlineData("The rebel group said the raids on the depot ended on Sunday.", "raids", "ASSAULT", "a reported event noun with no future resumption stays the attack")]
    public void Codes_stances(string text, string trigger, string plover, string reason)
    {
        var d = EventTestDocs.Run(text);
        var e = d.Events.FirstOrDefault(e => EventTestDocs.TriggerText(d, e).Contains(trigger, StringComparison.OrdinalIgnoreCase));
        Assert.True(e is not null, $"{reason}: no event on '{trigger}' ({string.Join("; ", d.Events.Select(x => EventTestDocs.TriggerText(d, x)))})");
        Assert.True(plover == e!.Codes.Plover?.Event, $"{reason}: got {e.Codes.Plover?.Event} ({e.Codes.Cameo})");
    }

    [Theory]
    [InlineData("Rebels blew up three power lines near Kabul last month.", "blew", "1712", "force against property (lines) is CAMEO 1712 destroy property")]
    [InlineData("Settlers attacked the offices of the administration in Hebron.", "attacked", "1712", "the head of the target's first noun phrase is a building")]
    [InlineData("Rebels attacked an army convoy near Kabul.", "attacked", "190", "force against combatants stays 190")]
    public void Refines_force_against_property(string text, string trigger, string cameo, string reason)
    {
        var d = EventTestDocs.Run(text);
        var e = d.Events.FirstOrDefault(e => EventTestDocs.TriggerText(d, e).Contains(trigger, StringComparison.OrdinalIgnoreCase));
        Assert.True(e is not null, $"{reason}: no event on '{trigger}' ({string.Join("; ", d.Events.Select(x => EventTestDocs.TriggerText(d, x)))})");
        Assert.True(cameo == e!.Codes.Cameo, $"{reason}: got {e.Codes.Cameo}");
    }

    [Theory]
    [InlineData("ASSAULT", "190", "FIGHT", "conventional military force is the 2016 FIGHT")]
    [InlineData("ASSAULT", "180", "ASSAULT", "unconventional violence keeps its name")]
    [InlineData("ACCUSE", "173", "DISAPPROVE", "an indictment (ACCUSE outside CAMEO 09) is the 2016 DISAPPROVE")]
    public void Crosswalks_to_the_2016_names(string plover, string cameo, string legacy, string reason)
    {
        Assert.True(legacy == Dragoman.Events.Evaluation.EventEvaluation.LegacyPlover(plover, cameo), reason);
    }

    [Theory]
    [InlineData("Newly appointed Prime Minister Haniyeh has refused to respond to the demand.", "appointed", true, "a participle after a sentence-initial -ly adverb describes the actor")]
    [InlineData("Armed men attacked a checkpoint near Homs.", "Armed", true, "a sentence-initial participle before a noun modifies it")]
    [InlineData("The council appointed Haniyeh prime minister on Monday.", "appointed", false, "a finite verb after its subject is an event")]
    public void Attributive_participles_are_not_events(string text, string trigger, bool attributive, string reason)
    {
        var d = EventTestDocs.Run(text);
        bool found = d.Events.Exists(e => EventTestDocs.TriggerText(d, e).Contains(trigger, StringComparison.OrdinalIgnoreCase));
        Assert.True(found != attributive, $"{reason}: events {string.Join("; ", d.Events.Select(x => EventTestDocs.TriggerText(d, x)))}");
    }
}
