using Dragoman.Documents;
using Dragoman.Tests.Support;

namespace Dragoman.Tests.Events;

/// <summary>Roles and counts read from the clause around the trigger (ClauseRoles, EventsComponent.Roles/Counts), through the whole pipeline.</summary>
public class ClauseRoleTests
{
    private static Document Run(string text) => TestPipeline.ProcessText(text, new DateOnly(2019, 3, 4));

    private static Event Find(Document doc, string trigger, string reason)
    {
        var ev = doc.Events.Find(e => doc.Slice(e.Trigger).Equals(trigger, StringComparison.OrdinalIgnoreCase));
        Assert.True(ev is not null, $"{reason}: no '{trigger}' event in {string.Join(", ", doc.Events.Select(e => doc.Slice(e.Trigger)))}");
        return ev!;
    }

    // text, trigger, words the actor holds, reason
    [Theory]
    [InlineData("Fifteen villagers were beaten and arrested by army troops in the town on Sunday.", "arrested", "troops",
        "a participle coordinated with a passive one is passive too: its actor is the by-agent")]
    [InlineData("Fifteen villagers were beaten and arrested by army troops in the town on Sunday.", "beaten", "troops",
        "the first participle of a passive pair takes the agent stated after the second")]
    [InlineData("The rebel group claimed responsibility for an ambush that killed 28 soldiers near the border.", "killed", "rebel group",
        "the claimant of a responsibility claim is the actor of the claimed attack, not the ambush (a means)")]
    [InlineData("A Turkish drone strike killed two civilians near the city on Friday.", "killed", "Turkish",
        "a weapon subject is the means; the party named with it is the actor")]
    [InlineData("Two men were killed in a Russian missile strike on the town on Friday.", "killed", "Russian",
        "a passive without an agent takes the party named with the means after it")]
    [InlineData("The militia said it killed 70 soldiers in an attack near the border.", "killed", "militia",
        "a pronoun subject of a reported clause stands for the speaker")]
    [InlineData("Police officers shot and killed six people in the capital on Friday.", "killed", "Police officers",
        "coordinated verbs share their subject")]
    [InlineData("Two soldiers were killed in an attack carried out by rebels in the region on Friday.", "killed", "rebels",
        "the agent of the event noun after a passive casualty verb ('carried out by') is the verb's actor")]
    [InlineData("The militants launched an attack on an army post near the town on Friday.", "attack", "militants",
        "an event noun that is the object of a light verb takes the verb's subject")]
    public void The_actor_comes_from_the_clause(string text, string trigger, string actor, string reason)
    {
        var doc = Run(text);
        var ev = Find(doc, trigger, reason);
        Assert.True(ev.Actor?.Text.Contains(actor, StringComparison.OrdinalIgnoreCase) == true, $"{reason}: actor {ev.Actor?.Text ?? "(none)"}");
    }

    // text, trigger, words the actor holds, reason (actor20: control over adjuncts of place and time, the speaker over its medium)
    [Theory]
    [InlineData("The ministers decided on Monday to impose sanctions on the company.", "impose", "ministers",
        "an infinitive after a time adjunct is controlled by the subject of the verb the adjunct belongs to")]
    [InlineData("Farmers met outside the town hall on Friday to demand the release of two leaders.", "demand", "Farmers",
        "a chain of adjuncts of place and time between the verb and 'to' does not make the last noun the actor")]
    [InlineData("The rebels said in a statement they had detained a senior officer.", "detained", "rebels",
        "a pronoun after 'said in a statement' stands for the speaker, as after a bare 'said'")]
    [InlineData("The army said on its website it had arrested four smugglers near the coast.", "arrested", "army",
        "the medium the speaker used ('on its website') stands between the speech verb and the pronoun")]
    public void The_controller_of_the_clause_is_the_actor(string text, string trigger, string actor, string reason)
    {
        var doc = Run(text);
        var ev = Find(doc, trigger, reason);
        Assert.True(ev.Actor?.Text.Contains(actor, StringComparison.OrdinalIgnoreCase) == true, $"{reason}: actor {ev.Actor?.Text ?? "(none)"}");
    }

    // text, trigger, words the actor must not hold, reason (actor20: where subject control stops)
    [Theory]
    [InlineData("The union called on the army to release the prisoners held in the north.", "release", "union",
        "'called on X to': the party called on acts, not the caller; 'on' before a party is no adjunct of time")]
    public void Control_stops_at_a_complement(string text, string trigger, string notActor, string reason)
    {
        var doc = Run(text);
        var ev = doc.Events.Find(e => doc.Slice(e.Trigger).Equals(trigger, StringComparison.OrdinalIgnoreCase));
        Assert.False(ev?.Actor?.Text.Contains(notActor, StringComparison.OrdinalIgnoreCase) == true, $"{reason}: actor {ev?.Actor?.Text ?? "(none)"}");
    }

    // text, trigger, words the actor holds, words it must not hold, reason (actors16: a pronoun's antecedent)
    [Theory]
    [InlineData("Rebels of the Northern Front shelled a market on Monday. On Friday a band of gunmen stormed a farm near the river, where they killed four herders.",
        "killed", "gunmen", "Northern Front", "'they' in a later clause stands for the actor an earlier clause of its sentence named, not the last named party of earlier sentences")]
    [InlineData("Rebels of the Northern Front shelled a market on Monday. On Friday they killed four herders near the river.",
        "killed", "Northern Front", "gunmen", "with no earlier actor in its sentence, 'they' still stands for the last party that acted before")]
    public void A_pronoun_stands_for_the_actor_of_its_sentence_first(string text, string trigger, string actor, string notActor, string reason)
    {
        var doc = Run(text);
        var ev = Find(doc, trigger, reason);
        Assert.True(ev.Actor?.Text.Contains(actor, StringComparison.OrdinalIgnoreCase) == true
            && !ev.Actor.Text.Contains(notActor, StringComparison.OrdinalIgnoreCase), $"{reason}: actor {ev.Actor?.Text ?? "(none)"}");
    }

    // text, trigger, words the victims (target) hold, reason
    [Theory]
    [InlineData("Fifteen villagers were beaten and arrested by army troops in the town on Sunday.", "arrested", "villagers",
        "the subject of a passive is what was done to: a target, never the actor")]
    [InlineData("Security forces shot dead three people in the capital on Sunday.", "shot", "three people",
        "a resultative word between the verb and its object is not the object")]
    public void Victims_are_targets(string text, string trigger, string target, string reason)
    {
        var doc = Run(text);
        var ev = Find(doc, trigger, reason);
        // the target's words in the text (its span): counted victims carry ACLED's category as a name from the convention (TargetCategories)
        var words = ev.Target is null ? null : doc.Slice(ev.Target.Span);
        Assert.True(words?.Contains(target, StringComparison.OrdinalIgnoreCase) == true, $"{reason}: target {words ?? "(none)"}");
        Assert.False(ev.Actor?.Text.Contains(target, StringComparison.OrdinalIgnoreCase) == true, $"{reason}: the victims are the actor");
    }

    // text, trigger, expected lowest count (0: none of one), reason
    [Theory]
    [InlineData("He and three others were killed in the town on Friday.", "killed", 4, "a person and a number of others: the conjuncts add up")]
    [InlineData("A journalist and two soldiers were killed in an explosion near the city.", "killed", 3, "one person named by a singular noun counts one")]
    [InlineData("A child was wounded by a sniper in the district on Friday.", "wounded", 1, "a single victim is a count of one")]
    [InlineData("Gunmen stormed a village near the town on Friday, killing at least 20 soldiers.", "stormed", 20,
        "a result clause counts the event it follows")]
    [InlineData("Troops killed a family in the village on Friday.", "killed", 0, "a collective noun is not one person")]
    [InlineData("Dozens of men who had returned to the town under a settlement agreement were detained by police on Friday.", "detained", 12,
        "a singular noun that is not a person ('a settlement agreement') is not a count of one")]
    [InlineData("Police officers shot and killed six people in the capital on Friday.", "killed", 6, "the second of two coordinated verbs keeps its object's count")]
    public void Counts_come_from_the_victims_of_the_clause(string text, string trigger, int min, string reason)
    {
        var doc = Run(text);
        var ev = Find(doc, trigger, reason);
        var counts = string.Join(", ", ev.Counts.Select(c => $"{c.Min} {c.Kind}"));
        if (min == 0) Assert.True(!ev.Counts.Exists(c => c.Min == 1), $"{reason}: counts {counts}");
        else Assert.True(ev.Counts.Exists(c => c.Min == min), $"{reason}: counts {counts}");
    }

    // text, trigger, words the source holds, reason
    [Theory]
    [InlineData("The ministry on Monday said troops had shelled the town.", "shelled", "ministry", "a time adjunct before the cue says when, not who")]
    [InlineData("Troops shelled the town, according to the monitor.", "shelled", "monitor", "'according to' names the source")]
    public void The_source_is_the_speaker_of_the_clause(string text, string trigger, string source, string reason)
    {
        var doc = Run(text);
        var ev = Find(doc, trigger, reason);
        Assert.True(ev.Sources.Exists(s => s.Name.Contains(source, StringComparison.OrdinalIgnoreCase)), $"{reason}: sources {string.Join(" <- ", ev.Sources.Select(s => s.Name))}");
    }

    // a bundled sample (written for this project), reason
    [Theory]
    [InlineData("01_market_shelling.html", "a headline the recogniser reads as one long name is not the actor of the event it states")]
    [InlineData("02_wire_checkpoint.txt", "a wire story's dateline and headline are no parties either")]
    public void A_headline_is_never_a_role(string sample, string reason)
    {
        var doc = TestPipeline.ProcessFile(Path.Combine(Paths.RepoRoot, "samples", sample));
        Assert.True(doc.Events.Count > 0 && doc.Article.TitleSpan is not null, $"{reason}: no events or no headline");
        var title = doc.Article.TitleSpan!.Value;
        // a role that is the headline itself: it covers more than half of the headline's characters
        bool IsHeadline(EventArgument? r) => r is { } x && x.Span.Overlaps(title)
            && Math.Min(x.Span.End, title.End) - Math.Max(x.Span.Start, title.Start) > title.Length / 2;
        foreach (var e in doc.Events)
        {
            Assert.False(IsHeadline(e.Actor), $"{reason}: actor '{e.Actor?.Text}' of '{doc.Slice(e.Trigger)}' is the headline");
            Assert.False(IsHeadline(e.Target), $"{reason}: target '{e.Target?.Text}' of '{doc.Slice(e.Trigger)}' is the headline");
        }
    }
}
