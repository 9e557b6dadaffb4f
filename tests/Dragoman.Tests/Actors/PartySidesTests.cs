using Dragoman.Actors;
using Dragoman.Documents;
using Dragoman.Tests.Support;

namespace Dragoman.Tests.Actors;

/// <summary>Whether a speaker and an event's actor are one side (the speaker then claims the act as its own side's).</summary>
public class PartySidesTests
{
    [Theory]
    [InlineData("TURGOV", "TURMIL", null, true, "a ministry and its own country's army")]
    [InlineData("GOV", "TURCOP", "TUR", true, "a body named without a country ('the ministry') is the focus country's")]
    [InlineData("GOV", "COP", "SDN", true, "'Police said security forces ...': both the focus country's")]
    [InlineData("GOV", "RUSMIL", "UKR", false, "a Ukrainian governor telling Russian troops' act reports it")]
    [InlineData("UKRGOV", "RUSMIL", null, false, "bodies of two countries are two sides")]
    [InlineData("GOV", "MIL", null, false, "no country on either side and no focus: the side is unknown")]
    [InlineData("TURGOV", "TURREB", null, false, "a state body telling an armed group's act")]
    [InlineData("LBNREBMUSSHI", "LBNREBMUSSHI", null, true, "Hezbollah telling Hezbollah's attack")]
    [InlineData("REB", "REB", "SYR", false, "two rebel groups without a country coded alike are not known to be one")]
    [InlineData("TURREB", "IRQREB", null, false, "two armed groups of different codes")]
    [InlineData("TUR", "TURMIL", null, false, "a country alone names no role: no side to compare")]
    [InlineData("SYRGOVMED", "SYRMIL", null, false, "a state outlet's reporter reports the army's act, it does not claim it")]
    [InlineData("JRN", "MIL", "SYR", false, "a reporter is no party")]
    [InlineData("JUD", "MIL", "SDN", false, "lawyers or a court telling the army's act report it: the judiciary commands no forces")]
    [InlineData("GOV", "JUD", "PHL", false, "a court named as the actor of a raid is not the government's own act")]
    [InlineData("SDNLEG", "SDNCOP", null, false, "a legislature telling the police's act reports it")]
    public void Same_side(string speaker, string actor, string? focus, bool same, string reason) =>
        Assert.True(PartySides.SameSide(ActorCodes.ToActorCode(speaker, "test"), ActorCodes.ToActorCode(actor, "test"), focus) == same, reason);
}

/// <summary>The claimed modality of a speaker telling its own side's act, through the whole pipeline.</summary>
public class OwnSideModalityTests
{
    [Theory]
    [InlineData("Turkish troops killed six PKK fighters in northern Iraq, Turkey's National Defense Ministry said on Friday.", "killed", Modality.Claimed,
        "a ministry telling its own country's troops' act claims it")]
    [InlineData("Security forces arrested 40 protesters in Khartoum on Monday, Sudan's Interior Ministry said.", "arrested", Modality.Claimed,
        "a ministry telling the arrests by security forces named without a country (the article's)")]
    [InlineData("Russian troops shelled a village near Izium on Monday, the Ukrainian military said.", "shelled", Modality.Reported,
        "one country's army telling another's act reports it")]
    [InlineData("Gunmen killed three villagers on Sunday, police said.", "killed", Modality.Reported,
        "police telling an armed gang's act report it")]
    [InlineData("According to the interior ministry, 200 more protesters were detained.", "detained", Modality.Claimed,
        "an executive state body telling an arrest with no agent tells its own side's act: only the state arrests")]
    [InlineData("Police said 12 men were arrested after the brawl at the port.", "arrested", Modality.Claimed,
        "the police telling an agentless arrest claim it")]
    [InlineData("Activists said 40 students were arrested at the campus.", "arrested", Modality.Reported,
        "a speaker outside the state telling an agentless arrest reports it")]
    [InlineData("The health ministry said 30 people were killed in the shelling.", "killed", Modality.Reported,
        "a killing is no act only the state does: a ministry telling an agentless one reports it")]
    public void A_speaker_telling_its_own_sides_act_claims_it(string text, string trigger, Modality modality, string reason)
    {
        var doc = TestPipeline.ProcessText(text, new DateOnly(2022, 6, 20));
        var ev = doc.Events.Find(e => doc.Slice(e.Trigger).StartsWith(trigger, StringComparison.Ordinal));
        Assert.True(ev is not null, $"{reason}: no '{trigger}' event in {string.Join(", ", doc.Events.Select(e => doc.Slice(e.Trigger)))}");
        Assert.True(ev!.Modality == modality, $"{reason}: {ev.Modality} (actor {ev.Actor?.Text} {ev.Actor?.Code}, speaker {ev.Sources.FirstOrDefault()?.Name})");
    }
}
