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

    private const string VoiceSnippet = """
        &WEAPON
        +ROCKET
        +MISSILE

        --- LAUNCH   [---]  ---
        LAUNCH
        - * &WEAPON                      [194]
        - * INQUIRY                      [090]
        """;

    // Voice alternation: patterns are written for the active clause; the passive subject is the object, the "by" agent the actor.
    [Theory]
    [InlineData(false, "The militia launched rockets at the airport.", "194", "The militia", "active: the object after the verb")]
    [InlineData(true, "Rockets were launched at the airport.", "194", "", "agentless passive: the object is the subject, no actor")]
    [InlineData(true, "Two missiles were launched by the militia.", "194", "the militia", "passive with agent: the agent is the actor")]
    [InlineData(true, "An inquiry was launched into the shooting.", "090", "", "the object in the subject, the rest after the verb")]
    [InlineData(true, "A new phone was launched on Monday.", null, "", "a passive that is no event: no pattern's object, block default ---")]
    [InlineData(false, "Gunmen released two captives.", "0842", "Gunmen", "active: a pattern with a subject word")]
    [InlineData(true, "Two captives were released by gunmen.", "0842", "gunmen", "passive: the pattern's subject word in the by agent")]
    [InlineData(true, "Two captives were released.", "0841", "", "agentless passive: no actor, so only the object pattern matches")]
    [InlineData(true, "The identities were released on Friday.", null, "", "a [---] pattern suppresses the passive too")]
    [InlineData(false, "The court released the prisoner.", "084", "The court", "active without a matching pattern: the verb's own code")]
    public void Patterns_match_both_voices(bool passive, string text, string? code, string actor, string reason)
    {
        var coder = new EventCoder(VerbDictionary.Parse(Snippet, VoiceSnippet).Value!, null);
        var tokens = Tokenizer.Tokenize(text);
        var v = coder.View(text, tokens, SentenceSplitter.Split(text, tokens)[0]);
        var events = coder.Code(v);
        Assert.True(code == (events.Count > 0 ? events[0].Code : null), reason);
        if (code is null) return;
        Assert.True(passive == events[0].Passive, reason);
        Assert.True(actor == v.TextOf(events[0].Actor), $"{reason}: actor '{v.TextOf(events[0].Actor)}'");
    }

    // The same alternation with the bundled CAMEO 2.0 dictionary, whose "launch" patterns name only an object after the verb.
    [Theory]
    [InlineData("The militia launched five rockets toward the camp.", "194", "active")]
    [InlineData("On Sunday, at least five rockets were launched from the hills toward the camp.", "194", "agentless passive with a weapon subject")]
    [InlineData("A new phone was launched on Monday.", null, "a product launch is no event in either voice")]
    public void Bundled_patterns_match_both_voices(string text, string? code, string reason)
    {
        var coder = new EventCoder(EventTestDocs.Res.Verbs, null);
        var tokens = Tokenizer.Tokenize(text);
        var v = coder.View(text, tokens, SentenceSplitter.Split(text, tokens)[0]);
        var events = coder.Code(v);
        var got = string.Join(",", events.Select(e => $"{e.Code}:{v.TextOf(e.Trigger)}:{e.Passive}"));
        Assert.True(code == events.Find(e => v.TextOf(e.Trigger).StartsWith("launch", StringComparison.Ordinal))?.Code, $"{reason}: {got}");
    }

    // Through the events stage: a weapon as the passive subject of a use of force is an attack by someone unnamed.
    [Theory]
    [InlineData("On Sunday, at least five rockets were launched from the hills toward the camp.", true, "a quantified weapon as the passive subject")]
    [InlineData("Two rockets were launched toward the camp on Sunday.", true, "a counted weapon as the passive subject")]
    [InlineData("A new phone was launched by the company on Monday.", false, "a passive that is no event")]
    public void Passive_weapon_launch_is_an_event(string text, bool found, string reason)
    {
        var d = EventTestDocs.Run(text);
        Assert.True(found == d.Events.Any(e => EventTestDocs.TriggerText(d, e) == "launched"), reason);
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
