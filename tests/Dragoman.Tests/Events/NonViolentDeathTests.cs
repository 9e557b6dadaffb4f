namespace Dragoman.Tests.Events;

/// <summary>
/// Issue 12: a death or injury whose stated cause is an accident, an illness or a natural disaster is no armed clash or
/// attack (data/events/death-causes.tsv), while a death by force stays one. Own sentences; each row says why.
/// </summary>
public class NonViolentDeathTests
{
    private static string Listing(Dragoman.Documents.Document d) => string.Join("; ", d.Events.Select(e => $"{EventTestDocs.TriggerText(d, e)}={e.Codes.Cameo}/{e.Codes.Plover?.Event}"));

    private static bool Force(Dragoman.Documents.Document d, string trigger) =>
        d.Events.Exists(e => EventTestDocs.TriggerText(d, e) == trigger && e.Codes.Plover?.Event is "ASSAULT" or "FIGHT");

    [Theory]
    [InlineData("More than 900 workers died in accidents at the quarries last year.", "died", "a plural cause noun after \"in\" (the dictionary's DIE block names no accident at all)")]
    [InlineData("Four fishermen were killed in a boating accident off the coast on Sunday.", "killed", "a modified cause noun in the passive's phrase")]
    [InlineData("Floods killed at least 40 people in the delta this week.", "killed", "a disaster as the subject of an active verb")]
    [InlineData("Twelve children died of cholera in the camp in March.", "died", "an illness after \"of\"")]
    [InlineData("Three pilgrims were injured in a stampede at the shrine.", "injured", "an injury by a crowd accident")]
    [InlineData("The deaths from the heat wave rose to 31 on Friday.", "deaths", "the event noun with a two-word cause")]
    [InlineData("A man was killed by lightning near the village on Tuesday.", "killed", "a cause as the passive's by-phrase")]
    public void A_non_violent_cause_is_no_force(string text, string trigger, string reason)
    {
        var d = EventTestDocs.Run(text);
        Assert.False(Force(d, trigger), $"{reason}: {Listing(d)}");
    }

    [Theory]
    [InlineData("Gunmen killed four villagers in an ambush near the river on Sunday.", "killed", "an ambush is violence, no cause of the list")]
    [InlineData("Nine soldiers died in clashes with the rebels on Monday.", "died", "clashes are fighting")]
    [InlineData("Two civilians were killed in an explosion at the market.", "killed", "an explosion is left out of the list: it names attacks too")]
    [InlineData("The rebels killed six people after the earthquake, the ministry said.", "killed", "\"after\" a disaster only dates the killing: no cause preposition")]
    public void A_death_by_force_stays(string text, string trigger, string reason)
    {
        var d = EventTestDocs.Run(text);
        Assert.True(Force(d, trigger), $"{reason}: {Listing(d)}");
    }
}
