using Dragoman.Documents;
using Dragoman.Events;
using Dragoman.Events.Petrarch;
using Dragoman.Text;

namespace Dragoman.Tests.Events;

public class VerbDictionaryTests
{
    private const string Snippet = """
        &HOSTAGE
        +HOSTAGE
        +CAPTIVE
        +KIDNAPPED_PERSON

        --- RELEASE   [080]  ---
        +SET_FREE {+SETS_FREE +SETTING_FREE }
        FREE {FREES FREEING FREED }
        RELEASE [084]
        - * STATEMENT                    [010]   # RELEASE
        - * &HOSTAGE                     [0841]  # RELEASE
        - GUNMEN * &HOSTAGE              [0842]
        - * FROM_PRISON                  [0843]
        - * IDENTITIES                   [---]

        --- ARRIVE  [032:033]  ---
        ARRIVE
        """;

    private static VerbDictionary Dict() => VerbDictionary.Parse(Snippet).Value!;

    [Theory]
    [InlineData("freed", "RELEASE", "irregular form in braces")]
    [InlineData("releases", "RELEASE", "generated third person")]
    [InlineData("released", "RELEASE", "generated past")]
    [InlineData("releasing", "RELEASE", "generated gerund drops the final e")]
    [InlineData("sets", "RELEASE", "multi-word verb indexed by its '+' head")]
    [InlineData("arrived", "ARRIVE", "a second block")]
    public void Indexes_verb_forms(string word, string block, string reason)
    {
        var forms = Dict().Lookup(word);
        Assert.True(forms is not null && forms.Exists(f => f.Block.Name == block), reason);
    }

    [Fact]
    public void Reads_synsets_patterns_and_multiword_verbs()
    {
        var d = Dict();
        Assert.True(d.TryGetSynset("HOSTAGE", out var members));
        Assert.Equal(3, members.Count);
        Assert.Equal(["KIDNAPPED", "PERSON"], members[2]);
        var release = d.Blocks.Single(b => b.Name == "RELEASE");
        Assert.Equal(5, release.Patterns.Count);
        var set = d.Lookup("set")!.Single();
        Assert.Equal(["FREE"], set.After);
        var gunmen = release.Patterns[2];
        Assert.Equal("GUNMEN", gunmen.Before.Single().Value);
        Assert.Equal(ElementKind.Synset, gunmen.After.Single().Kind);
        Assert.True(release.Patterns[3].After[1].Connected, "FROM_PRISON: PRISON must follow FROM directly");
    }

    [Theory]
    [InlineData("The rebels freed the hostages on Monday.", "0841", "synset pattern with plural")]
    [InlineData("The army released a statement.", "010", "a more specific pattern wins over the verb's own code")]
    [InlineData("The court released the prisoner from prison.", "0843", "connected words FROM_PRISON")]
    [InlineData("Gunmen released two captives.", "0842", "words before and after the verb")]
    [InlineData("The police released the identities of the victims.", null, "[---]: do not code")]
    [InlineData("The court released him.", "084", "no pattern: the verb's own code")]
    [InlineData("The guards set free the captives.", "0841", "multi-word verb with a pattern")]
    public void Codes_sentences_with_patterns(string text, string? code, string reason)
    {
        var coder = new EventCoder(Dict(), null);
        var tokens = Tokenizer.Tokenize(text);
        var sentence = SentenceSplitter.Split(text, tokens)[0];
        var events = coder.Code(coder.View(text, tokens, sentence));
        Assert.True(code == (events.Count > 0 ? events[0].Code : null), reason);
    }

    [Fact]
    public void Paired_codes_give_a_reversed_second_event()
    {
        var coder = new EventCoder(Dict(), null);
        const string text = "Arnor arrived in Gondor.";
        var tokens = Tokenizer.Tokenize(text);
        var events = coder.Code(coder.View(text, tokens, SentenceSplitter.Split(text, tokens)[0]));
        Assert.Equal(["032", "033"], events.Select(e => e.Code));
        Assert.True(events[1].Reversed);
    }

    [Fact]
    public void Loads_the_bundled_cameo_dictionary()
    {
        var res = EventTestDocs.Res;
        Assert.True(res.Verbs.PatternCount > 4000, "CAMEO 2.0 has about 4,668 patterns");
        Assert.True(res.Verbs.Blocks.Count > 390);
        Assert.Equal("Return, release person(s)", res.Codes.Cameo("0841")!.Name);
        Assert.Equal(7, res.Codes.Cameo("0841")!.Goldstein);
        Assert.Equal("RETREAT", res.Codes.Plover("0841")!.Event);
        Assert.Equal("Arrests", res.Codes.Acled("173")!.SubEventType);
    }
}
