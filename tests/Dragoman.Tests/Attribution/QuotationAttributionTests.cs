using Dragoman.Documents;
using Dragoman.Tests.Events;
using Dragoman.Tests.Support;
using static Dragoman.Tests.Attribution.AttributionChains;

namespace Dragoman.Tests.Attribution;

/// <summary>Sentences without a cue of their own inside someone's words: a quotation over several sentences, a sentence the
/// next one tells as a whole, a claim of responsibility.</summary>
public class QuotationAttributionTests
{
    private static readonly (string, string)[] Credits = [(CreditRole.OriginalOutlet, "Tembo Herald")];
    private const string Article = " > outlet:Tembo Herald";

    [Theory]
    [InlineData("Mayor Lina Okaro said: “Gunmen burned the market. They also shot two guards near the well.”", "shot",
        "named:Mayor Lina Okaro" + Article, "a quotation the cue opens is its speaker's in every sentence")]
    [InlineData("“Gunmen burned the market. They also shot two guards near the well,” said Mayor Lina Okaro.", "burned",
        "named:Mayor Lina Okaro" + Article, "the cue after the closing mark speaks for the quotation's earlier sentences")]
    [InlineData("In the east of the district, “gunmen burned the market. They also shot two guards,” said Mayor Lina Okaro.", "burned",
        "named:Mayor Lina Okaro" + Article, "a quotation opened inside a sentence without a cue: its quoted part is the speaker's")]
    [InlineData("Two guards died in Tembo, said Mayor Lina Okaro.\nHer words on the radio: \"Gunmen burned the market.\nThey also looted the clinic.\"", "looted",
        "named:Mayor Lina Okaro" + Article, "a quotation over paragraphs with no cue of its own is the last named speaker's")]
    [InlineData("Mayor Lina Okaro said: “Gunmen burned the market.\n“They also looted the clinic.”", "looted",
        "named:Mayor Lina Okaro" + Article, "a mark opening the next paragraph continues the quotation (the press convention)")]
    [InlineData("Two guards died, said Mayor Lina Okaro. Gunmen burned the market. “We are afraid,” a trader said.", "burned",
        "outlet:Tembo Herald", "a quotation inside one sentence lends its speaker to no other sentence")]
    [InlineData("Two guards died, said Mayor Lina Okaro. Gunmen burned the 12\" water main. Police arrested two men.", "arrested",
        "outlet:Tembo Herald", "a mark that never closes (an inch sign) opens no quotation")]
    [InlineData("Gunmen burned the market in Tembo on Sunday. The provincial governor announced it.", "burned",
        "named:The provincial governor" + Article, "'announced it': the speaker tells the sentence before as a whole")]
    [InlineData("Gunmen burned the market in Tembo on Sunday. The provincial governor confirmed this on Monday.", "burned",
        "named:The provincial governor" + Article, "'confirmed this' with a time after it")]
    [InlineData("Gunmen burned the market in Tembo on Sunday. The provincial governor denied it.", "burned",
        "outlet:Tembo Herald", "a denial does not tell the sentence before")]
    [InlineData("Gunmen burned the market in Tembo on Sunday. The provincial governor announced it would rebuild the stalls.", "burned",
        "outlet:Tembo Herald", "'announced it would ...': the pronoun opens a clause of its own, not a whole sentence told")]
    [InlineData("Gunmen burned the market in Tembo on Sunday.\nThe provincial governor announced it.", "burned",
        "outlet:Tembo Herald", "a new paragraph is not the sentence before's telling")]
    public void A_sentence_inside_someones_words_is_theirs(string text, string word, string chain, string reason)
    {
        var d = EventTestDocs.Run(text, Credits);
        var a = Governing(d, word);
        Assert.True(chain == Chain(a), $"{reason}: {Chain(a)}");
    }

    [Fact]
    public void Quotations_pair_their_marks()
    {
        // reason: curly pairs, straight pairs, a paragraph-opening mark that continues, and a stray mark that closes nothing
        var text = "A “b c” d \"e f\" g\n“h\n“i” j 5\" k";
        var got = Dragoman.Attribution.AttributionComponent.Quotations(text).Select(q => text[(q.Open + 1)..q.Close]).ToList();
        Assert.Equal(["b c", "e f", "h\n“i"], got);
    }

    [Theory]
    [InlineData("Accident\n\nThe Western Front has claimed responsibility for Monday's ambush on a convoy near Tembo, according to a news agency.", "ambush", "Western Front",
        "the party claiming the act is its first source, before the agency that relays the claim")]
    [InlineData("Accident\n\nThe Army of the North (AON) claimed responsibility for the bombing of a bridge near Tembo.", "bombing", "Army of the North",
        "a parenthesised short form between the claimant and its verb; a name joined over 'of' stays whole")]
    public void A_claim_of_responsibility_names_its_claimant_first(string text, string trigger, string claimant, string reason)
    {
        var d = TestPipeline.ProcessText(text, new DateOnly(2019, 3, 4));
        var ev = d.Events.Find(e => d.Slice(e.Trigger) == trigger);
        Assert.True(ev is not null, $"{reason}: no '{trigger}' event in {string.Join(", ", d.Events.Select(e => d.Slice(e.Trigger)))}");
        var names = string.Join(" > ", ev!.Sources.Select(s => s.Name));
        Assert.True(ev.Sources.Count > 0 && ev.Sources[0].Name.Contains(claimant, StringComparison.Ordinal), $"{reason}: {names}");
    }
}
