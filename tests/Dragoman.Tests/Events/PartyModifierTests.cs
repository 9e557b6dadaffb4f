namespace Dragoman.Tests.Events;

/// <summary>
/// Issue 12: an event noun right before a noun naming a party is that noun's modifier ("riot police", "protest
/// leaders"): English noun compounds are head-final, so the phrase names a kind of party, not an event. Own sentences;
/// each row says why.
/// </summary>
public class PartyModifierTests
{
    private static string Listing(Dragoman.Documents.Document d) => string.Join("; ", d.Events.Select(e => $"{EventTestDocs.TriggerText(d, e)}={e.Codes.Cameo}/{e.Codes.Plover?.Event}"));

    [Theory]
    [InlineData("Riot police used water cannon on students near the campus on Monday.", "Riot", "police named by their task: no riot")]
    [InlineData("The protest leaders were detained by the police on Sunday.", "protest", "leaders of a protest (agent form -ers): the arrest is the event, not a protest")]
    [InlineData("Protest organisers said the march would go ahead.", "Protest", "an agent noun by its form after the event noun")]
    public void A_modifier_of_a_party_is_no_event(string text, string trigger, string reason)
    {
        var d = EventTestDocs.Run(text);
        Assert.False(d.Events.Exists(e => EventTestDocs.TriggerText(d, e) == trigger), $"{reason}: {Listing(d)}");
    }

    [Theory]
    [InlineData("The protest leaders were detained by the police on Sunday.", "detained", "173", "the clause's own verb is still coded")]
    [InlineData("Thousands joined a protest against the new tax in the capital.", "protest", "141", "an event noun before a preposition is the event")]
    [InlineData("The protest was broken up by police in the evening.", "protest", "141", "an event noun before a verb is the event (the head of its phrase)")]
    public void Other_readings_stay(string text, string trigger, string cameo, string reason)
    {
        var d = EventTestDocs.Run(text);
        Assert.True(d.Events.Exists(e => EventTestDocs.TriggerText(d, e) == trigger && e.Codes.Cameo == cameo), $"{reason}: {Listing(d)}");
    }
}
