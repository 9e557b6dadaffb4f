using Dragoman.Tests.Support;

namespace Dragoman.Tests.Events;

/// <summary>
/// Targets that the clause's structure fixes over the role ranker's choice (EventsComponent.ClauseTarget): the subject
/// of "came under fire" (ClauseRoles.UnderAttackSubject), the party a weapon or an act in the object is aimed at
/// (ClauseRoles.AimedAt); and no actor inside the event verb's direct object (RoleCandidates). Invented wording; each
/// case says why.
/// </summary>
public class ClauseTargetTests
{
    // text, trigger, words the target must hold, words it must not hold, reason
    [Theory]
    [InlineData("Also on Monday, a lorry carrying grain came under fire in the Malu area, in Tesk district.", "fire", "lorry", "Malu",
        "the subject of 'came under fire' is what was fired on; the place after the noun says where")]
    [InlineData("On Tuesday, the settlement of Orvenko in the north was under heavy shelling for two hours, the mayor told a radio station.", "shelling", "Orvenko", "radio",
        "after a form of 'be' too, past the noun's modifier; the outlet the speaker told is no party")]
    [InlineData("Rebel fighters fired a guided missile at an army truck near the bridge.", "fired", "army truck", "bridge",
        "a weapon as the object is the means: the party after 'at' is what it was fired at")]
    [InlineData("The gunmen fired two rockets into the crowded market of Tarsa on Sunday.", "fired", "market", "rockets",
        "'into' aims the weapon as well")]
    [InlineData("The gunmen fired three rockets that hit a fuel depot outside the town.", "fired", "fuel depot", "rockets",
        "a relative clause on the weapon names what it hit")]
    [InlineData("Army units shelled the hills above Sarna on Friday.", "shelled", "hills", "Friday",
        "an object that names no weapon or act stays the target")]
    public void The_clause_fixes_the_target(string text, string trigger, string target, string notTarget, string reason)
    {
        var doc = TestPipeline.ProcessText(text, new DateOnly(2021, 6, 8));
        var ev = doc.Events.Find(e => doc.Slice(e.Trigger).Equals(trigger, StringComparison.OrdinalIgnoreCase));
        Assert.True(ev is not null, $"{reason}: no '{trigger}' event");
        var got = ev!.Target?.Text ?? "";
        Assert.True(got.Contains(target, StringComparison.OrdinalIgnoreCase) && !got.Contains(notTarget, StringComparison.OrdinalIgnoreCase),
            $"{reason}: target {(got.Length == 0 ? "(none)" : got)}");
    }

    // text, trigger, a word the actor must not hold, the target word, reason
    [Theory]
    [InlineData("Rockets hit the Georgian capital on Friday night.", "hit", "Georgian", "capital",
        "a nationality modifying the verb's object says whose capital was hit, not who hit it")]
    [InlineData("Drones struck the Syrian border town of Kessab at dawn.", "struck", "Syrian", "Kessab",
        "the same inside a longer object with an 'of' phrase")]
    public void No_actor_inside_the_direct_object(string text, string trigger, string notActor, string target, string reason)
    {
        var doc = TestPipeline.ProcessText(text, new DateOnly(2021, 6, 8));
        var ev = doc.Events.Find(e => doc.Slice(e.Trigger).Equals(trigger, StringComparison.OrdinalIgnoreCase));
        Assert.True(ev is not null, $"{reason}: no '{trigger}' event");
        var actor = ev!.Actor?.Text ?? "";
        Assert.False(actor.Contains(notActor, StringComparison.OrdinalIgnoreCase), $"{reason}: actor {actor}");
        Assert.Contains(target, ev.Target?.Text ?? "", StringComparison.OrdinalIgnoreCase);
    }
}
