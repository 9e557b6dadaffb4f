using Dragoman.Documents;

namespace Dragoman.Text.Syntax;

/// <summary>Answers whether a word form is a verb form of some lexicon (the event dictionary).</summary>
public delegate bool VerbTest(ReadOnlySpan<char> word);

/// <summary>Coarse word classes for the light syntactic analysis (enough for chunking and voice).</summary>
public enum Tag : byte
{
    Noun, Proper, Verb, Det, Prep, To, By, Of, Pron, Rel, Be, Have, Do, Modal, Neg, Conj, Adv, Num, Poss, Punct, Comma,
}

/// <summary>
/// A rule-based tagger: a closed-class lexicon (determiners, prepositions, pronouns, auxiliaries, modals,
/// conjunctions), the verb forms of the event dictionary plus common reporting/light verbs, capitalisation,
/// and context rules that turn a verb form into a noun after a determiner or before "of" ("the release of").
/// Works on spans of the text; allocates only the tag array.
/// </summary>
public sealed class Tagger
{
    private static readonly Dictionary<string, Tag> Closed = Build();
    private static readonly Dictionary<string, Tag>.AlternateLookup<ReadOnlySpan<char>> ClosedLookup = Closed.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Common verbs outside the event dictionary (reporting, light and copular verbs).</summary>
    private static readonly HashSet<string> CommonVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "said", "say", "says", "saying", "told", "tell", "tells", "added", "add", "adds", "reported", "reports", "report",
        "stated", "states", "claimed", "claims", "claim", "denied", "denies", "deny", "announced", "announces", "confirmed",
        "confirms", "noted", "explained", "believed", "believes", "thought", "seems", "seemed", "appears", "appeared",
        "comes", "came", "come", "goes", "went", "go", "gone", "made", "make", "makes", "took", "take", "takes", "taken",
        "gave", "give", "gives", "given", "got", "get", "gets", "continues", "continued", "tries", "tried", "try",
        "faces", "included", "includes", "include", "including", "expected", "expects", "expect", "plans", "planned",
        "aims", "aimed", "looking", "intends", "intended", "wants", "wanted", "became", "become", "becomes", "kept",
        "remain", "remains", "remained", "occurred", "occurring", "held", "led", "left", "carry", "carried",
        "pushing", "push", "falls", "fell", "help", "helps", "helped", "imposed", "impose", "supporting", "occur",
    };

    /// <summary>Common nouns that start sentences capitalised ("Sources said", "Troops attacked"): not names.</summary>
    private static readonly HashSet<string> SentenceInitialNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "sources", "source", "officials", "official", "residents", "activists", "witnesses", "people", "troops", "forces", "soldiers",
        "rebels", "militants", "police", "authorities", "gunmen", "government", "protesters", "security", "fighters", "civilians",
        "clashes", "attacks", "airstrikes", "strikes", "shelling", "reports", "members", "dozens", "hundreds", "thousands", "gunfire",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> InitialNounLookup = SentenceInitialNouns.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> CommonVerbLookup = CommonVerbs.GetAlternateLookup<ReadOnlySpan<char>>();

    private readonly VerbTest? _verbs;
    private readonly PosModel? _model;
    private readonly Tag?[] _modelClasses = [];

    /// <param name="verbs">Verb forms of a lexicon (the event dictionary): without a model they decide what may be a verb.</param>
    /// <param name="model">A trained part-of-speech model: with a verb lexicon it only vetoes verb readings it reads as
    /// nouns; without one it decides verb, noun, name and adverb for the open-class words. The closed-class lexicon
    /// always decides the function words.</param>
    public Tagger(VerbTest? verbs, PosModel? model = null)
    {
        _verbs = verbs;
        _model = model;
        if (model is not null) _modelClasses = model.Tags.Select(OpenClass).ToArray();
        _knownLower = w => Closed.ContainsKey(w) || CommonVerbs.Contains(w) || SentenceInitialNouns.Contains(w)
            || (_verbs is not null && _verbs(w)) || (_model is not null && _model.IsFrequentCommonWord(w));
    }

    /// <summary>Ordinary lower-case words: the closed class, the common and lexicon verbs, the model's frequent common words.</summary>
    private readonly KnownLowerWord _knownLower;

    /// <summary>The coarse class of an open-class Penn Treebank tag; null where the lexicon and rules decide.</summary>
    public static Tag? OpenClass(string ptb) => ptb switch
    {
        "VB" or "VBD" or "VBZ" or "VBP" or "VBN" or "VBG" => Syntax.Tag.Verb,
        "NNP" or "NNPS" => Syntax.Tag.Proper,
        "NN" or "NNS" or "JJ" or "JJR" or "JJS" or "FW" => Syntax.Tag.Noun,
        "RB" or "RBR" or "RBS" => Syntax.Tag.Adv,
        "CD" => Syntax.Tag.Num,
        _ => null,
    };

    private static Dictionary<string, Tag> Build()
    {
        var d = new Dictionary<string, Tag>(StringComparer.OrdinalIgnoreCase);
        void Add(Tag t, string words) { foreach (var w in words.Split(' ', StringSplitOptions.RemoveEmptyEntries)) d[w] = t; }
        Add(Tag.Det, "the a an this that these those its their his her our my your whose any some each every all both no another such several many few much most other");
        Add(Tag.Prep, "in on at for with from into onto against during over under after before since until between among through across about around near toward towards without within behind beyond despite upon amid along alongside outside inside via per than off down up out");
        Add(Tag.To, "to");
        Add(Tag.By, "by");
        Add(Tag.Of, "of");
        Add(Tag.Pron, "he she it they we i you him them us me itself themselves himself herself one");
        Add(Tag.Rel, "who which whom what where when");
        Add(Tag.Be, "is are was were be been being am 's");
        Add(Tag.Have, "has have had having");
        Add(Tag.Do, "do does did");
        Add(Tag.Modal, "will would could may might can should must shall");
        Add(Tag.Neg, "not never n't no");
        Add(Tag.Conj, "and or but nor while whereas although though because if unless as so yet");
        Add(Tag.Adv, "also previously already still again very now then however recently later earlier just only even reportedly allegedly further additionally almost more fewer less least outright finally initially subsequently once together");
        Add(Tag.Num, "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million dozen dozens hundreds thousands scores");
        d["that"] = Tag.Rel;
        return d;
    }

    public static bool IsWord(ReadOnlySpan<char> token, string word) => token.Equals(word, StringComparison.OrdinalIgnoreCase);

    /// <summary>Tags one sentence of a document, reusing the part-of-speech tags the text stage stored when they come from this tagger's model.</summary>
    public Tag[] TagSentence(Document document, Sentence sentence)
    {
        var stored = _model is not null && document.PartOfSpeech.Length == document.Tokens.Length && ReferenceEquals(document.PartOfSpeechTagSet, _model.Tags)
            ? document.PartOfSpeech.AsSpan(sentence.FirstToken, sentence.TokenCount)
            : default;
        return TagSentence(document.Text, document.Tokens, sentence.FirstToken, sentence.EndToken, stored);
    }

    /// <summary>Tags the tokens [first, end) of <paramref name="text"/>; <paramref name="stored"/> are the model's tags of them when already computed.</summary>
    public Tag[] TagSentence(string text, Token[] tokens, int first, int end, ReadOnlySpan<byte> stored = default)
    {
        int n = end - first;
        var tags = new Tag[n];
        // a headline-cased line is read in lower case where its words are ordinary words ("Forces Release" -> "forces release")
        var folded = HeadlineCase.Fold(text, tokens, first, end, _knownLower);
        byte[]? pos = null;
        if (_model is not null)
        {
            pos = stored.Length == n && folded is null ? stored.ToArray() : new byte[n];
            if (folded is not null) _model.Predict(new ArrayWords(folded), pos);
            else if (stored.Length != n) _model.Predict(new TokenWords(text, tokens, first, end), pos);
        }
        for (int k = 0; k < n; k++)
        {
            var t = tokens[first + k];
            var w = folded is null ? text.AsSpan(t.Start, t.End - t.Start) : folded[k];
            if (t.Kind == TokenKind.Number) { tags[k] = Syntax.Tag.Num; continue; }
            if (t.Kind is TokenKind.Punctuation or TokenKind.Symbol)
            {
                tags[k] = w is "," ? Syntax.Tag.Comma : Syntax.Tag.Punct;
                continue;
            }
            if (w.Equals("'s", StringComparison.OrdinalIgnoreCase) || w.Equals("’s", StringComparison.OrdinalIgnoreCase))
            {
                // possessive unless followed by a past participle or a determiner ("it's been")
                tags[k] = Syntax.Tag.Poss;
                continue;
            }
            if (ClosedLookup.TryGetValue(w, out var c))
            {
                // capitalised closed-class words inside a sentence are usually part of a name ("Army of Conquest" keeps "of")
                tags[k] = c;
                continue;
            }
            if (w.EndsWith("n't", StringComparison.OrdinalIgnoreCase)) { tags[k] = Syntax.Tag.Neg; continue; }
            // without a verb lexicon (attribution) the model decides the open-class words outright
            if (pos is not null && _verbs is null && _modelClasses[pos[k]] is { } open) { tags[k] = open; continue; }
            bool upper = char.IsUpper(w[0]);
            // the word after a dateline's dash ("BENGHAZI, Libya - Fighting between ...") opens the sentence as the first word does
            bool initial = k == 0 || OpensAfterDash(text, tokens, first, k);
            if (upper && initial && InitialNounLookup.Contains(w)) { tags[k] = Syntax.Tag.Noun; continue; }
            bool verbForm = (_verbs is not null && _verbs(w)) || CommonVerbLookup.Contains(w);
            if (upper && !(initial && verbForm)) { tags[k] = Syntax.Tag.Proper; continue; }
            if (verbForm) { tags[k] = Syntax.Tag.Verb; continue; }
            if (w.Length > 4 && w.EndsWith("ly", StringComparison.OrdinalIgnoreCase)) { tags[k] = Syntax.Tag.Adv; continue; }
            tags[k] = Syntax.Tag.Noun;
        }
        if (pos is not null && _verbs is null) RepairVerbBeforeFiniteVerb(tags, pos);
        // context: a verb form after a determiner, possessive, number or adjective-like word is a noun;
        // before "of" too ("the release of", "attacks of"); sentence-initial capitalised verb forms are names/nouns
        for (int k = 0; k < n; k++)
        {
            if (tags[k] != Syntax.Tag.Verb) continue;
            var t = tokens[first + k];
            var w = text.AsSpan(t.Start, t.End - t.Start);
            var prev = k > 0 ? tags[k - 1] : Syntax.Tag.Punct;
            var next = k + 1 < n ? tags[k + 1] : Syntax.Tag.Punct;
            bool ing = w.EndsWith("ing", StringComparison.OrdinalIgnoreCase);
            bool ed = w.EndsWith("ed", StringComparison.OrdinalIgnoreCase);
            // "Three died in the shelling", "12 killed, 30 wounded": after a bare number opening its phrase, a past or
            // present form followed by no noun it could modify (and no verb it could be the subject of) is the number's verb
            if (prev == Syntax.Tag.Num && !ing && !w.EndsWith("s", StringComparison.OrdinalIgnoreCase) && BareNumberBefore(tags, k)
                && next is Syntax.Tag.Prep or Syntax.Tag.Punct or Syntax.Tag.Comma or Syntax.Tag.By or Syntax.Tag.Adv or Syntax.Tag.Conj)
                continue;
            if (prev is Syntax.Tag.Det or Syntax.Tag.Poss or Syntax.Tag.Num)
            {
                // "the released prisoners": participle used as adjective; "the release": noun
                tags[k] = Syntax.Tag.Noun;
                continue;
            }
            if (next == Syntax.Tag.Of && !ed && !ing && prev != Syntax.Tag.To) { tags[k] = Syntax.Tag.Noun; continue; } // but "to complain of": infinitive
            // a participle before a noun at the start of a phrase is an adjective: "Ousted President X", ", the wounded soldier"
            if (ed && (k == 0 || prev is Syntax.Tag.Comma or Syntax.Tag.Punct) && next is Syntax.Tag.Noun or Syntax.Tag.Proper) { tags[k] = Syntax.Tag.Noun; continue; }
            if (prev == Syntax.Tag.Verb && !ed && !ing && k >= 1 && tags[k - 1] == Syntax.Tag.Verb) { tags[k] = Syntax.Tag.Noun; continue; }
            if (prev is Syntax.Tag.Prep or Syntax.Tag.Of && !ing) { tags[k] = Syntax.Tag.Noun; continue; }
            if ((k == 0 || OpensAfterDash(text, tokens, first, k)) && char.IsUpper(folded is null ? w[0] : folded[k][0]) && next is Syntax.Tag.Verb or Syntax.Tag.Be or Syntax.Tag.Have or Syntax.Tag.Modal) { tags[k] = Syntax.Tag.Noun; continue; }
            // "forces"/"force" are nouns unless an object follows ("Kurdish forces but", "the air force has", "forces them to")
            if (w.Equals("forces", StringComparison.OrdinalIgnoreCase) || w.Equals("force", StringComparison.OrdinalIgnoreCase))
            {
                if (next is not (Syntax.Tag.Det or Syntax.Tag.Pron or Syntax.Tag.Poss or Syntax.Tag.Proper or Syntax.Tag.Num or Syntax.Tag.Noun)) { tags[k] = Syntax.Tag.Noun; continue; }
            }
            // plural noun reading of an -s form: "government forces attacked", "attacks would be limited"
            if (w.EndsWith("s", StringComparison.OrdinalIgnoreCase) && !w.EndsWith("ss", StringComparison.OrdinalIgnoreCase)
                && next is Syntax.Tag.Verb or Syntax.Tag.Be or Syntax.Tag.Have or Syntax.Tag.Modal or Syntax.Tag.Rel or Syntax.Tag.Do)
            {
                tags[k] = Syntax.Tag.Noun;
                continue;
            }
            // "an air strike killed", "the attack left": a verb form between a noun phrase and a finite verb is its head noun
            if (prev is Syntax.Tag.Noun or Syntax.Tag.Det && next is Syntax.Tag.Verb && !ed && !ing && k + 1 < n
                && text.AsSpan(tokens[first + k + 1].Start, tokens[first + k + 1].End - tokens[first + k + 1].Start).EndsWith("ed", StringComparison.OrdinalIgnoreCase))
            {
                tags[k] = Syntax.Tag.Noun;
                continue;
            }
            if (prev is Syntax.Tag.Noun or Syntax.Tag.Proper && next is Syntax.Tag.Noun && k >= 2 && tags[k - 2] == Syntax.Tag.Det && !ed)
            {
                tags[k] = Syntax.Tag.Noun; // "the arrest campaign", "a security operation"
                continue;
            }
            if (prev == Syntax.Tag.Noun && !ed && !ing && k >= 1 && next is Syntax.Tag.Punct or Syntax.Tag.Comma)
            {
                tags[k] = Syntax.Tag.Noun; // "a major arrest campaign." / "the arrest," compound noun endings
                continue;
            }
            // a base form after a singular noun cannot be that noun's finite verb (agreement needs -s): inside a noun phrase
            // opened by a determiner or possessive and closed by a preposition, clause punctuation or an auxiliary it is the
            // phrase's head noun ("a key U.S. ally in", "a press release by", "the city's power supply is")
            if (!ed && !ing && !w.EndsWith("s", StringComparison.OrdinalIgnoreCase) && prev is Syntax.Tag.Noun or Syntax.Tag.Proper
                && next is Syntax.Tag.Prep or Syntax.Tag.Of or Syntax.Tag.By or Syntax.Tag.Comma or Syntax.Tag.Punct or Syntax.Tag.Be or Syntax.Tag.Have or Syntax.Tag.Modal
                && SingularNounBefore(text, tokens, first, k) && OpenedByDeterminer(tags, k))
                tags[k] = Syntax.Tag.Noun;
        }
        if (pos is not null)
        {
            VetoVerbs(tags, pos);
            // the context rules may have made the finite verb after it a noun: the model's reading decides here
            RepairVerbBeforeFiniteVerb(tags, pos, modelOnly: true);
            RestoreFiniteVerbs(text, tokens, first, tags, pos);
        }
        return tags;
    }

    /// <summary>
    /// The model's reading with the closed-class lexicon, plus one repair: a base or present verb form right before a
    /// finite verb is a noun ("the Observatory for Human Rights monitor said"), since two finite verbs do not follow
    /// each other without an auxiliary.
    /// </summary>
    private void RepairVerbBeforeFiniteVerb(Tag[] tags, byte[] pos, bool modelOnly = false)
    {
        for (int k = 0; k + 1 < tags.Length; k++)
            if (tags[k] == Syntax.Tag.Verb && _model!.Tags[pos[k]] is "VB" or "VBP" && _model.Tags[pos[k + 1]] is "VBD" or "VBZ"
                && (modelOnly || tags[k + 1] == Syntax.Tag.Verb) && k > 0 && tags[k - 1] is Syntax.Tag.Noun or Syntax.Tag.Proper or Syntax.Tag.Det or Syntax.Tag.Poss)
                tags[k] = Syntax.Tag.Noun;
    }

    /// <summary>
    /// A word of the verb lexicon that the context rules turned into a noun, which the model reads as a finite verb
    /// (VBZ/VBD) right after a name or noun, is the clause's verb: "Russia condemns bombing of hospital".
    /// </summary>
    private void RestoreFiniteVerbs(string text, Token[] tokens, int first, Tag[] tags, byte[] pos)
    {
        if (_verbs is null) return;
        for (int k = 1; k < tags.Length; k++)
        {
            if (tags[k] != Syntax.Tag.Noun || _model!.Tags[pos[k]] is not ("VBZ" or "VBD")) continue;
            if (tags[k - 1] is not (Syntax.Tag.Proper or Syntax.Tag.Noun or Syntax.Tag.Pron)) continue;
            var t = tokens[first + k];
            if (_verbs(text.AsSpan(t.Start, t.End - t.Start))) tags[k] = Syntax.Tag.Verb;
        }
    }

    /// <summary>
    /// The model overrules a verb reading the rules gave to a word it reads as a noun ("Observatory head Rami",
    /// "government forces with"); it makes verbs only of words the verb lexicon lists (<see cref="RestoreFiniteVerbs"/>).
    /// </summary>
    private void VetoVerbs(Tag[] tags, byte[] pos)
    {
        for (int k = 0; k < tags.Length; k++)
            if (tags[k] == Syntax.Tag.Verb && _modelClasses[pos[k]] == Syntax.Tag.Noun
                && !(k > 0 && tags[k - 1] is Syntax.Tag.Modal or Syntax.Tag.Neg or Syntax.Tag.Do or Syntax.Tag.To))
                tags[k] = Syntax.Tag.Noun; // after "to", a modal, "do" or a negation a base form is a verb whatever the model says
    }

    /// <summary>The number before <paramref name="k"/> opens its phrase: no determiner or possessive ("the 12 wounded") before it.</summary>
    private static bool BareNumberBefore(Tag[] tags, int k)
    {
        int p = k - 1;
        while (p >= 0 && tags[p] == Syntax.Tag.Num) p--;
        return p < 0 || tags[p] is not (Syntax.Tag.Det or Syntax.Tag.Poss or Syntax.Tag.Noun or Syntax.Tag.Proper);
    }

    private static bool SingularNounBefore(string text, Token[] tokens, int first, int k)
    {
        var t = tokens[first + k - 1];
        var w = text.AsSpan(t.Start, t.End - t.Start);
        return !w.EndsWith("s", StringComparison.OrdinalIgnoreCase) || w.EndsWith("ss", StringComparison.OrdinalIgnoreCase) || w.EndsWith("'s", StringComparison.Ordinal);
    }

    /// <summary>Whether the nouns and names right before token <paramref name="k"/> (at most 4) follow a determiner or possessive.</summary>
    private static bool OpenedByDeterminer(Tag[] tags, int k)
    {
        for (int p = k - 1, n = 0; p >= 0 && n < 5; p--, n++)
        {
            if (tags[p] is Syntax.Tag.Det or Syntax.Tag.Poss) return true;
            if (tags[p] is not (Syntax.Tag.Noun or Syntax.Tag.Proper or Syntax.Tag.Num)) return false;
        }
        return false;
    }

    /// <summary>Whether token <paramref name="k"/> follows a spaced dash, as the first word after a dateline does ("KHARTOUM (Reuters) - Fighting ...").</summary>
    private static bool OpensAfterDash(string text, Token[] tokens, int first, int k)
    {
        if (k < 2) return false;
        var dash = tokens[first + k - 1];
        return dash.End - dash.Start == 1 && text[dash.Start] is '-' or '\u2013' or '\u2014'
            && dash.Start > tokens[first + k - 2].End && tokens[first + k].Start > dash.End;
    }

    public static bool IsNominal(Tag t) => t is Syntax.Tag.Noun or Syntax.Tag.Proper or Syntax.Tag.Det or Syntax.Tag.Num or Syntax.Tag.Poss;
}
