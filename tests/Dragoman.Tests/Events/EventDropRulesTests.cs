using Dragoman.Documents;
using Dragoman.Tests.Support;

namespace Dragoman.Tests.Events;

/// <summary>
/// Events the dictionary codes that the events stage's rules used to drop (issue 12, "where the misses are lost"):
/// each row is an invented sentence, the trigger that must come out as an event of the PLOVER type, and the mechanism.
/// </summary>
public class EventDropRulesTests
{
    private static Document Run(string text) => TestPipeline.ProcessText(text, new DateOnly(2021, 6, 7));

    private static string Listing(Document d) => string.Join("; ", d.Events.Select(e => $"{d.Slice(e.Trigger)}={e.Codes.Cameo}/{e.Codes.Plover?.Event}"));

    // text, trigger, PLOVER event, reason
    [Theory]
    [InlineData("Troops were met with gunfire by the militants on Friday that led to the killing of five and the arrest of two others.", "killing", "ASSAULT",
        "an event noun in the object of a pattern verb is dropped only in favour of that verb's event; 'led' names no party, so the killing stays")]
    [InlineData("Troops were met with gunfire by the militants on Friday that led to the killing of five and the arrest of two others.", "arrest", "COERCE",
        "the coordinated event noun in the same object stays for the same reason")]
    [InlineData("Four suspects were killed in the operation on Monday.", "killed", "ASSAULT",
        "a counted passive subject is what the event was done to, a party even when its noun ('suspects') names no known kind of person")]
    [InlineData("Twelve convicts have been recaptured.", "recaptured", "COERCE",
        "a counted passive subject makes a material event codeable without an agent")]
    [InlineData("The ministry said that one man - a student who threw stones at the guards - was arrested on Friday.", "arrested", "COERCE",
        "the subject of a passive stands before a parenthetical between dashes")]
    [InlineData("Police said that four suspects\u2014named as Ali, Omar and Hassan\u2014were killed in the raid.", "killed", "ASSAULT",
        "an em-dash parenthetical with commas inside is skipped to find the counted subject")]
    [InlineData("Relations between the president and the army chief worsened, with the latter accusing the government of arming the militias.", "accusing", "ACCUSE",
        "'the latter' refers back to a named party: a verbal event voiced by it is codeable")]
    public void The_rules_keep_the_event(string text, string trigger, string plover, string reason)
    {
        var d = Run(text);
        var e = d.Events.Find(x => d.Slice(x.Trigger).Equals(trigger, StringComparison.OrdinalIgnoreCase));
        Assert.True(e is not null && e.Codes.Plover?.Event == plover, $"{reason}: {Listing(d)}");
    }

    // text, trigger, reason
    [Theory]
    [InlineData("The opposition led the attack on the proposal in parliament.", "attack",
        "a kept pattern verb ('led the attack on the proposal', a verbal attack) still takes the event noun of its object")]
    [InlineData("The council gave the rebels a deadline to halt raids across the border.", "raids",
        "an event noun in the object of an infinitive pattern verb is asked for, not reported: no event of its own")]
    public void The_rules_still_drop(string text, string trigger, string reason)
    {
        var d = Run(text);
        Assert.True(!d.Events.Exists(x => d.Slice(x.Trigger).Equals(trigger, StringComparison.OrdinalIgnoreCase)), $"{reason}: {Listing(d)}");
    }
}
