using Dragoman.Documents;
using Dragoman.Tests.Events;
using static Dragoman.Tests.Attribution.AttributionChains;

namespace Dragoman.Tests.Attribution;

public class AttributionTests
{
    private static readonly (string, string)[] Credits = [(CreditRole.OriginalOutlet, "Alsouria Net"), (CreditRole.Translator, "The Syrian Observer")];

    [Theory]
    [InlineData("Alsouria Net's sources in Daraa said that the prisoners were freed.", "anonymous:sources@Daraa > outlet:Alsouria Net > translator:The Syrian Observer", "anonymous sources with their place, the outlet a possessive names, then the article chain without repeating the outlet")]
    [InlineData("Sources who asked not to be named for security reasons, said that 30 fighters were freed.", "anonymous:Sources > outlet:Alsouria Net > translator:The Syrian Observer", "a relative clause between the source and the cue")]
    [InlineData("The army shelled Daraa, according to the Syrian Observatory for Human Rights.", "named:the Syrian Observatory for Human Rights > outlet:Alsouria Net > translator:The Syrian Observer", "'according to' names the source after the cue")]
    [InlineData("The army shelled Daraa on Monday, a senior official said on Saturday.", "anonymous:senior official > outlet:Alsouria Net > translator:The Syrian Observer", "an unnamed official is anonymous")]
    [InlineData("The army shelled Daraa on Monday.", "outlet:Alsouria Net > translator:The Syrian Observer", "no cue: the article's own chain")]
    [InlineData("At least 15 civilians were killed on Saturday the Syrian Observatory for Human Rights monitor said.", "named:the Syrian Observatory for Human Rights monitor > outlet:Alsouria Net > translator:The Syrian Observer", "a noun the model could read as a verb before the cue, and 'for' inside a name")]
    [InlineData("At least 70 fighters have been killed in 24 hours a monitor said Thursday.", "anonymous:monitor > outlet:Alsouria Net > translator:The Syrian Observer", "a weekday after the cue is its time, not its speaker")]
    [InlineData("Extremists were also killed said observatory head Rami Abdel Rahman who did not give a number.", "named:observatory head Rami Abdel Rahman > outlet:Alsouria Net > translator:The Syrian Observer", "without commas the speaker follows a cue that has no subject before it")]
    [InlineData("It thought the leaders will conduct attacks, reports Alsouria Net.", "outlet:Alsouria Net > translator:The Syrian Observer", "an inverted cue naming the article's outlet")]
    [InlineData("Rescue workers rushed dozens of injured to the nearby Azaz hospital one witness said.", "anonymous:one witness > outlet:Alsouria Net > translator:The Syrian Observer", "comma-less text: a count after a common noun opens the speaker's phrase")]
    [InlineData("Tens were killed near the border October 13 2016 The Britain-based Syrian Observatory for Human Rights said.", "named:The Britain-based Syrian Observatory for Human Rights > outlet:Alsouria Net > translator:The Syrian Observer", "comma-less text: a determiner after a date's number opens the speaker's phrase")]
    [InlineData("Clashes killed 12 fighters the Britain-based monitor said.", "anonymous:the Britain-based monitor > outlet:Alsouria Net > translator:The Syrian Observer", "a determiner after a noun opens the speaker's phrase (unchanged)")]
    [InlineData("Soldiers captured seven alleged members of the gang near the port.", "outlet:Alsouria Net > translator:The Syrian Observer", "'alleged' after a number and before its noun is an adjective, no speaker's cue")]
    [InlineData("Police dispersed a crowd protesting against alleged fraud in the capital.", "outlet:Alsouria Net > translator:The Syrian Observer", "'alleged' after a preposition and before its noun is an adjective, no speaker's cue")]
    [InlineData("Jets struck two villages near the border, a senior official wrote.", "anonymous:senior official > outlet:Alsouria Net > translator:The Syrian Observer", "'wrote' reports a speaker's words like 'said'")]
    [InlineData("Gunmen ambushed two officers near the town, according to a statement from the National Guard.", "named:the National Guard > outlet:Alsouria Net > translator:The Syrian Observer", "'according to a statement from X': the body that issued the statement is the source")]
    [InlineData("Two civilians were killed in a drone strike, according to a statement by the Internal Security Forces.", "named:the Internal Security Forces > outlet:Alsouria Net > translator:The Syrian Observer", "'a statement by X' names its issuer")]
    [InlineData("Activists, however, say that up to 30 people were detained.", "anonymous:Activists > outlet:Alsouria Net > translator:The Syrian Observer", "a parenthetical adverb between commas does not hide the speaker before it")]
    [InlineData("Turkish state media have, however, said that three police officers were hurt.", "named:Turkish state media > outlet:Alsouria Net > translator:The Syrian Observer", "the parenthetical after an auxiliary")]
    [InlineData("Karim Oumarou, the governor of the district, told journalists that nine people died.", "named:Karim Oumarou > outlet:Alsouria Net > translator:The Syrian Observer", "a name before its apposition is the speaker, not the office")]
    [InlineData("The prefect of the region told reporters that 14 people died.", "named:The prefect of the region > outlet:Alsouria Net > translator:The Syrian Observer", "an office without a name stays the speaker")]
    [InlineData("Gunmen burned four houses, according to a report in Monday's issue of the weekly \"Savana\".", "named:Savana > outlet:Alsouria Net > translator:The Syrian Observer", "a report in a publication: the publication is the source, not 'report'")]
    [InlineData("Gunmen burned four houses, according to a report by Radio Mozambique.", "named:Radio Mozambique > outlet:Alsouria Net > translator:The Syrian Observer", "a report by a named outlet")]
    [InlineData("An air strike killed 40 people on Monday, a pro-democracy lawyers' group said.", "named:pro-democracy lawyers' group > outlet:Alsouria Net > translator:The Syrian Observer", "a plural possessive's owner stays with the speaker it names")]
    [InlineData("Gunmen burned four houses in Tembo, reports Monday's issue of the weekly \"Savana\".", "named:Savana > outlet:Alsouria Net > translator:The Syrian Observer", "an inverted cue before a dated issue: the weekday opens a publication, not a time, and the title's closing quote ends it")]
    [InlineData("Nine people were killed at Tembo in Nara district, said Upper Volta regional governor Jean de la Croix Sawadogo.", "named:Upper Volta regional governor Jean de la Croix Sawadogo > outlet:Alsouria Net > translator:The Syrian Observer", "an inverted speaker's phrase to the end keeps the lowercase particles inside a name")]
    public void Builds_the_chain_nearest_first(string text, string chain, string reason)
    {
        var d = EventTestDocs.Run(text, Credits);
        var a = Assert.Single(d.Attributions);
        Assert.True(chain == Chain(a), $"{reason}: {Chain(a)}");
    }

    [Fact]
    public void The_same_sources_carry_the_previous_chain()
    {
        // reason: "The same sources said" repeats the chain of the previous cue, location included
        var d = EventTestDocs.Run("Alsouria Net's sources in Daraa said that the prisoners were freed. The same sources said attacks are expected.", Credits);
        Assert.Equal(2, d.Attributions.Count);
        Assert.Equal(Chain(d.Attributions[0]), Chain(d.Attributions[1]));
        Assert.NotNull(d.Attributions[1].Cue);
    }

    [Fact]
    public void Cue_span_points_at_the_reporting_verb()
    {
        var d = EventTestDocs.Run("Activists said the army shelled Daraa.");
        var a = Assert.Single(d.Attributions);
        Assert.Equal("said", d.Slice(a.Cue!.Value));
        Assert.Equal("anonymous", a.Chain[0].Kind);
    }
}
