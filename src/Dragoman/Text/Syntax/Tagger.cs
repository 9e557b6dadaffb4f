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

    public Tagger(VerbTest? verbs) => _verbs = verbs;

    private static Dictionary<string, Tag> Build()
    {
        var d = new Dictionary<string, Tag>(StringComparer.OrdinalIgnoreCase);
        void Add(Tag t, string words) { foreach (var w in words.Split(' ', StringSplitOptions.RemoveEmptyEntries)) d[w] = t; }
        Add(Tag.Det, "the a an this that these those its their his her our my your whose any some each every all both no another such several many few much most other");
        Add(Tag.Prep, "in on at for with from into onto against during over under after before since until between among through across about around near toward towards without within behind beyond despite upon amid along outside inside via per than off down up out");
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
        Add(Tag.Adv, "also previously already still again very now then however recently later earlier just only even reportedly allegedly further additionally almost more fewer less least outright finally initially subsequently once");
        Add(Tag.Num, "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million dozen dozens hundreds thousands scores");
        d["that"] = Tag.Rel;
        return d;
    }

    public static bool IsWord(ReadOnlySpan<char> token, string word) => token.Equals(word, StringComparison.OrdinalIgnoreCase);

    /// <summary>Tags the tokens [first, end) of <paramref name="text"/>.</summary>
    public Tag[] TagSentence(string text, Token[] tokens, int first, int end)
    {
        int n = end - first;
        var tags = new Tag[n];
        for (int k = 0; k < n; k++)
        {
            var t = tokens[first + k];
            var w = text.AsSpan(t.Start, t.End - t.Start);
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
            bool upper = char.IsUpper(w[0]);
            if (upper && k == 0 && InitialNounLookup.Contains(w)) { tags[k] = Syntax.Tag.Noun; continue; }
            bool verbForm = (_verbs is not null && _verbs(w)) || CommonVerbLookup.Contains(w);
            if (upper && !(k == 0 && verbForm)) { tags[k] = Syntax.Tag.Proper; continue; }
            if (verbForm) { tags[k] = Syntax.Tag.Verb; continue; }
            if (w.Length > 4 && w.EndsWith("ly", StringComparison.OrdinalIgnoreCase)) { tags[k] = Syntax.Tag.Adv; continue; }
            tags[k] = Syntax.Tag.Noun;
        }
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
            if (k == 0 && char.IsUpper(w[0]) && next is Syntax.Tag.Verb or Syntax.Tag.Be or Syntax.Tag.Have or Syntax.Tag.Modal) { tags[k] = Syntax.Tag.Noun; continue; }
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
        return tags;
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

    public static bool IsNominal(Tag t) => t is Syntax.Tag.Noun or Syntax.Tag.Proper or Syntax.Tag.Det or Syntax.Tag.Num or Syntax.Tag.Poss;
}
