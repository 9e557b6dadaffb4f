using Dragoman.Documents;
using Dragoman.Tests.Events;
using Dragoman.Tests.Support;
using static Dragoman.Tests.Attribution.AttributionChains;

namespace Dragoman.Tests.Attribution;

/// <summary>Attribution per reported clause: each stretch of a sentence is said by the speaker of the clause that holds it.</summary>
public class ClauseAttributionTests
{
    private static readonly (string, string)[] Credits = [(CreditRole.OriginalOutlet, "Alsouria Net"), (CreditRole.Translator, "The Syrian Observer")];
    private const string Article = " > outlet:Alsouria Net > translator:The Syrian Observer";

    [Theory]
    [InlineData("The ministry denied that its forces shelled the market, after activists said 12 civilians were killed.", "killed",
        "anonymous:activists" + Article, "a later 'after X said' clause is said by X, not by the denier")]
    [InlineData("The ministry denied that its forces shelled the market, after activists said 12 civilians were killed.", "shelled",
        "named:The ministry" + Article, "the denied clause stays the denier's")]
    [InlineData("The regime shelled Daraa, according to activists, while the ministry said rebels attacked a checkpoint first.", "shelled",
        "anonymous:activists" + Article, "'according to X' in mid-sentence governs the clause before it")]
    [InlineData("The regime shelled Daraa, according to activists, while the ministry said rebels attacked a checkpoint first.", "attacked",
        "named:the ministry" + Article, "two speakers in one sentence: the second speaks for its own complement")]
    [InlineData("According to activists, the army shelled Daraa, but the ministry denied that troops attacked the town.", "shelled",
        "anonymous:activists" + Article, "a leading 'according to X,' governs up to the contrast")]
    [InlineData("According to activists, the army shelled Daraa, but the ministry denied that troops attacked the town.", "attacked",
        "named:the ministry" + Article, "the clause after 'but' has its own speaker")]
    [InlineData("Activists said a witness told them that troops arrested ten protesters.", "arrested",
        "anonymous:witness > anonymous:Activists" + Article, "nested speech: the nearest speaker first, then the one who reports them")]
    [InlineData("The ministry said Colonel Ahmad Hassan told reporters that rebels shelled a hospital.", "shelled",
        "named:Colonel Ahmad Hassan > named:The ministry" + Article, "nested speech with named speakers and an object after 'told'")]
    [InlineData("\"Government forces shelled the market,\" an activist said, while the ministry said rebels attacked a checkpoint.", "shelled",
        "anonymous:activist" + Article, "a quote followed by its speaker")]
    [InlineData("\"Government forces shelled the market,\" an activist said, while the ministry said rebels attacked a checkpoint.", "attacked",
        "named:the ministry" + Article, "the speaker after the quote does not speak for the later clause")]
    [InlineData("The ministry said troops arrested ten protesters and activists said the army shelled Daraa.", "arrested",
        "named:The ministry" + Article, "a sibling 'and Y said' ends the first speaker's content")]
    [InlineData("The ministry said troops arrested ten protesters and activists said the army shelled Daraa.", "shelled",
        "anonymous:activists" + Article, "... and the sibling speaks for its own")]
    [InlineData("The ministry said rebels attacked a checkpoint, according to state media.", "attacked",
        "named:The ministry > named:state media" + Article, "'according to' at the end reports the whole sentence, speaker included")]
    [InlineData("The ministry said in a statement on Monday that troops arrested ten protesters, while activists said the army shelled Daraa.", "arrested",
        "named:The ministry" + Article, "the content starts at 'that' after the cue's adjuncts")]
    [InlineData("A medical source confirmed the toll and said troops shelled the hospital, while the ministry said rebels attacked a checkpoint.", "shelled",
        "anonymous:medical source" + Article, "a cue coordinated with the previous verb shares its speaker")]
    [InlineData("The army said it wants to deny rebels any supply route, while activists said troops shelled Daraa.", "supply",
        "named:The army" + Article, "an infinitive 'to deny' is no speaker of its own")]
    [InlineData("Osama Said, a local activist, told reporters that the army shelled Daraa, while the ministry said rebels attacked a checkpoint.", "shelled",
        "anonymous:local activist" + Article, "a capitalised 'Said' inside a sentence is a name, not a cue")]
    [InlineData("The agency cited a witness who said troops shelled the market.", "shelled",
        "anonymous:witness" + Article, "a relative clause on an object reports what its noun phrase said")]
    [InlineData("WHO said in a statement that 70 people were killed, while the ministry said rebels attacked a checkpoint.", "killed",
        "named:WHO" + Article, "'WHO' in capitals is the World Health Organization, not a relative pronoun")]
    [InlineData("Troops shelled the market on Monday, a source at Aleppo Police Command told SANA, while the ministry said rebels attacked a checkpoint.", "shelled",
        "anonymous:source@Aleppo Police Command" + Article, "a source 'at' a named place or body is anonymous, with where they are")]
    [InlineData("The ministry said troops arrested ten protesters, and it said the army shelled Daraa, while activists said rebels attacked a checkpoint.", "shelled",
        "named:The ministry" + Article, "a pronoun speaker is the speaker before it in the sentence")]
    [InlineData("Activists said troops shelled Daraa. They said a witness told them that troops arrested ten protesters, while the ministry denied it.", "arrested",
        "anonymous:witness > anonymous:Activists" + Article, "a pronoun speaker carried from the previous sentence sits inside the chain, before the article links")]
    public void A_clause_is_said_by_its_own_speaker(string text, string word, string chain, string reason)
    {
        var d = EventTestDocs.Run(text, Credits);
        var a = Governing(d, word);
        Assert.True(a is not null, $"{reason}: no attribution");
        Assert.True(chain == Chain(a!), $"{reason}: {Chain(a!)}");
    }

    [Theory]
    [InlineData("The army shelled Daraa on Monday, a senior official said on Saturday.", "anonymous:senior official" + Article, "one trailing speaker for the whole sentence")]
    [InlineData("Activists said the army shelled Daraa and killed five civilians.", "anonymous:Activists" + Article, "one speaker before the whole content")]
    [InlineData("Reports of shelling in Daraa reached the capital.", "outlet:Alsouria Net > translator:The Syrian Observer", "'reports of' is a noun, not a cue")]
    [InlineData("The said agreement was signed by both sides.", "outlet:Alsouria Net > translator:The Syrian Observer", "'said' inside a noun phrase is no cue")]
    [InlineData("The man who said he saw the strike was arrested by police.", "outlet:Alsouria Net > translator:The Syrian Observer",
        "a cue in a relative clause attributes nothing of the sentence to 'the man'")]
    [InlineData("Troops shelled the market on Monday, a witness told Reuters.", "anonymous:witness" + Article, "who is told is the hearer, not the speaker")]
    public void A_sentence_with_one_speaker_or_none_is_not_split(string text, string chain, string reason)
    {
        var d = EventTestDocs.Run(text, Credits);
        var a = Assert.Single(d.Attributions);
        Assert.True(a.Scope == d.Sentences[0].Span, $"{reason}: scope {d.Slice(a.Scope)}");
        Assert.True(chain == Chain(a), $"{reason}: {Chain(a)}");
    }

    [Theory]
    [InlineData("Market shelled\n\nThe ministry denied that its forces shelled the market, after activists said 12 civilians were killed.", "killed", "activists", "ministry",
        "the activists' event names the activists, never the ministry that denied another clause")]
    [InlineData("Market shelled\n\nThe ministry denied that its forces shelled the market, after activists said 12 civilians were killed.", "shelled", "ministry", "activists",
        "the denied event names the ministry")]
    [InlineData("Checkpoint hit\n\nThe regime shelled Daraa, according to activists, while the ministry said rebels attacked a checkpoint in Tafas.", "attacked", "ministry", "activists",
        "the second speaker's event names them")]
    public void Events_take_the_chain_of_the_clause_holding_their_trigger(string text, string trigger, string nearest, string absent, string reason)
    {
        var d = TestPipeline.ProcessText(text, new DateOnly(2019, 3, 4));
        var ev = d.Events.Find(e => d.Slice(e.Trigger) == trigger);
        Assert.True(ev is not null, $"{reason}: no '{trigger}' event in {string.Join(", ", d.Events.Select(e => d.Slice(e.Trigger)))}");
        var names = string.Join(" > ", ev!.Sources.Select(s => s.Name));
        Assert.True(ev.Sources.Count > 0 && ev.Sources[0].Name.Contains(nearest, StringComparison.OrdinalIgnoreCase), $"{reason}: {names}");
        Assert.True(!ev.Sources.Exists(s => s.Name.Contains(absent, StringComparison.OrdinalIgnoreCase)), $"{reason}: {names}");
    }

    [Theory]
    [InlineData("Toll\n\nFour civilians were killed in Hama on Monday, residents said, while rights groups said 80 people were killed in Homs.", 4, 80,
        "two figures of one sentence from two speakers are two events, not one event with conflicting figures")]
    public void Figures_of_one_sentence_with_two_speakers_stay_apart(string text, int first, int second, string reason)
    {
        var d = TestPipeline.ProcessText(text, new DateOnly(2019, 3, 4));
        var killed = d.Events.Where(e => d.Slice(e.Trigger) == "killed").ToList();
        var got = string.Join(" | ", killed.Select(e => string.Join(",", e.Counts.Select(c => $"{c.Min}:{c.Source}"))));
        Assert.True(killed.Count == 2, $"{reason}: {got}");
        Assert.True(killed[0].Counts.Exists(c => c.Min == first) && killed[1].Counts.Exists(c => c.Min == second), $"{reason}: {got}");
        Assert.True(killed[0].Counts.All(c => c.Min != second), $"{reason}: {got}");
    }
}
