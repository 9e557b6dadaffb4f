using Dragoman.Documents;
using Dragoman.Tests.Events;
using static Dragoman.Tests.Attribution.AttributionChains;

namespace Dragoman.Tests.Attribution;

/// <summary>A verb outside the cue lexicon reports a clause by its frame: a speaker's phrase, the verb, "that" and a clause.</summary>
public class ReportingFrameTests
{
    private static readonly (string, string)[] Credits = [(CreditRole.OriginalOutlet, "Tembo Herald")];
    private const string Article = " > outlet:Tembo Herald";

    [Theory]
    [InlineData("Figures from the Kivuli Monitor indicate that militiamen burned four granaries near Tembo.", "burned",
        "named:the Kivuli Monitor" + Article, "a report's figures with 'indicate that': the frame, not a word list, makes the cue")]
    [InlineData("The district council revealed that gunmen abducted nine herders on Sunday.", "abducted",
        "named:The district council" + Article, "'revealed that' after a body: a speaker the lexicon does not list")]
    [InlineData("Local activists stressed that soldiers detained the teachers without charge.", "detained",
        "anonymous:Local activists" + Article, "an anonymous source's head before a framed verb")]
    [InlineData("Gunmen burned four granaries near Tembo, the district council said.", "burned",
        "named:the district council" + Article, "a listed cue still works as before")]
    [InlineData("Militiamen attacked that village and burned four granaries near Tembo.", "burned",
        "outlet:Tembo Herald", "a demonstrative 'that' before a noun opens no clause: no verb follows its noun phrase")]
    [InlineData("Witnesses from Tembo recounted that men in uniform killed two herders.", "killed",
        "anonymous:Witnesses@Tembo" + Article, "the clause's subject may carry an in-phrase before its verb")]
    [InlineData("It means that militiamen burned four granaries near Tembo.", "burned",
        "outlet:Tembo Herald", "'it' is no speaker: a framed verb needs someone who can say something")]
    [InlineData("The district council demanded that the militia be disarmed after it burned four granaries.", "burned",
        "outlet:Tembo Herald", "a mandative complement ('be disarmed') says what is wanted, not what happened")]
    [InlineData("The district council hoped that the militiamen would leave before they burned more granaries.", "burned",
        "outlet:Tembo Herald", "a stance verb ('hoped that') is the modality rules' business, not a report")]
    [InlineData("The district council did not reveal that militiamen burned four granaries.", "burned",
        "outlet:Tembo Herald", "a negated verb group reports nothing")]
    [InlineData("The council's decision to reveal that militiamen burned granaries angered Tembo.", "burned",
        "outlet:Tembo Herald", "an infinitive inside a noun phrase is no report")]
    [InlineData("According to the Kivuli Monitor on Sunday, after the fighting ended, officers confirmed that gunmen killed two herders.", "killed",
        "named:officers > named:the Kivuli Monitor" + Article, "a fronted 'according to X on Sunday,' frames the whole sentence, an adjunct clause and the nested speaker included")]
    [InlineData("According to the Kivuli Monitor, gunmen burned four granaries, but officers said militiamen killed two herders.", "killed",
        "named:officers" + Article, "a contrast still ends what the fronted source says")]
    public void A_verb_in_a_reporting_frame_is_a_cue(string text, string word, string chain, string reason)
    {
        var d = EventTestDocs.Run(text, Credits);
        var a = Governing(d, word);
        Assert.True(chain == Chain(a), $"{reason}: {Chain(a)}");
    }
}
