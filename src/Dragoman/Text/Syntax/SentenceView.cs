using Dragoman.Documents;

namespace Dragoman.Text.Syntax;

/// <summary>A token range [Start, End) local to a sentence view (End exclusive); Empty when not found.</summary>
public readonly record struct Chunk(int Start, int End)
{
    public static readonly Chunk None = new(-1, -1);
    public bool IsEmpty => End <= Start;
    public int Length => End - Start;
}

/// <summary>
/// One sentence seen as tagged tokens, with the light syntax the event and attribution stages need:
/// noun-phrase chunks (with "of" chains and possessives), verb groups, passive voice, subjects across
/// appositions and relative clauses, objects, "by" agents. Indexes are local to the sentence (0..Count).
/// </summary>
public sealed class SentenceView
{
    public SentenceView(string text, Token[] tokens, Sentence sentence, Tag[] tags)
    {
        Text = text;
        Tokens = tokens;
        First = sentence.FirstToken;
        Count = sentence.TokenCount;
        Tags = tags;
    }

    public string Text { get; }
    public Token[] Tokens { get; }
    public int First { get; }
    public int Count { get; }
    public Tag[] Tags { get; }

    public Token this[int k] => Tokens[First + k];
    public ReadOnlySpan<char> Word(int k) { var t = Tokens[First + k]; return Text.AsSpan(t.Start, t.End - t.Start); }
    public bool Is(int k, string word) => k >= 0 && k < Count && Word(k).Equals(word, StringComparison.OrdinalIgnoreCase);
    public bool IsAny(int k, params ReadOnlySpan<string> words)
    {
        if (k < 0 || k >= Count) return false;
        var w = Word(k);
        foreach (var x in words) if (w.Equals(x, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }
    public Tag TagAt(int k) => k >= 0 && k < Count ? Tags[k] : Tag.Punct;
    public TextSpan SpanOf(Chunk c) => new(this[c.Start].Start, this[c.End - 1].End);
    public string TextOf(Chunk c) => c.IsEmpty ? "" : Text[this[c.Start].Start..this[c.End - 1].End];

    private static bool Nominal(Tag t) => t is Tag.Noun or Tag.Proper or Tag.Det or Tag.Num or Tag.Poss;

    public bool IsNominal(int k) => k >= 0 && k < Count && (Nominal(Tags[k]) || Tags[k] == Tag.Pron) || IsHyphenGlue(k);

    /// <summary>Hyphens and brackets inside names ("U.S.-led", "(ISIS)") are kept inside a noun phrase by the caller.</summary>
    private bool IsHyphenGlue(int k) => k > 0 && k + 1 < Count && Word(k) is "-" && this[k - 1].End == this[k].Start && this[k].End == this[k + 1].Start;

    /// <summary>
    /// Whether token <paramref name="k"/> opens a new phrase although nominal words run up to it, as they do in
    /// comma-less text: a determiner after a noun, name or number ("the hospital the doctors", "October 13 2016 The
    /// Observatory"), or a count between a common noun and a noun ("to the hospital one witness said").
    /// </summary>
    private bool StartsPhrase(int k, int last) =>
        k > 0 && (Tags[k] == Tag.Det && Tags[k - 1] is Tag.Noun or Tag.Proper or Tag.Num
            || Tags[k] == Tag.Num && Tags[k - 1] == Tag.Noun && k + 1 <= last && Tags[k + 1] == Tag.Noun);

    /// <summary>The basic noun phrase that ends at <paramref name="end"/> (inclusive), extended left over "of" chains.</summary>
    public Chunk NounPhraseEndingAt(int end)
    {
        if (!IsNominal(end)) return Chunk.None;
        if (Tags[end] == Tag.Pron) return new Chunk(end, end + 1);
        int s = end;
        while (true)
        {
            while (s - 1 >= 0 && IsNominal(s - 1) && Tags[s - 1] != Tag.Pron && !StartsPhrase(s, end)) s--;
            if (s - 2 >= 0 && Tags[s - 1] == Tag.Of && IsNominal(s - 2) && Tags[s - 2] != Tag.Pron) { s -= 2; continue; }
            if (s - 2 >= 0 && IsAny(s - 1, "from") && Tags[s] == Tag.Proper && IsNominal(s - 2) && Tags[s - 2] != Tag.Pron) { s -= 2; continue; }
            // a bracketed acronym inside the phrase: "the Asia-Pacific Economic Cooperation (APEC) forum"
            if (s - 4 >= 0 && Word(s - 1) is ")" && Tags[s - 2] == Tag.Proper && Word(s - 3) is "(" && IsNominal(s - 4)) { s -= 4; continue; }
            break;
        }
        return new Chunk(CountModifierStart(s), end + 1);
    }

    /// <summary>Extends a phrase that starts with a number left over its count modifier ("more than 30", "at least 29", "about 3,000").</summary>
    public int CountModifierStart(int s)
    {
        if (s <= 0 || Tags[s] != Tag.Num) return s;
        if (s >= 2 && IsAny(s - 1, "than") && IsAny(s - 2, "more", "fewer", "less")) return s - 2;
        if (s >= 2 && IsAny(s - 1, "least") && IsAny(s - 2, "at")) return s - 2;
        if (s >= 2 && IsAny(s - 1, "to") && IsAny(s - 2, "up")) return s - 2;
        if (IsAny(s - 1, "about", "around", "approximately", "some", "nearly", "almost", "roughly", "over")) return s - 1;
        return s;
    }

    /// <summary>The noun phrase that starts at <paramref name="start"/>, extended right over "of" chains and "from"+name.</summary>
    public Chunk NounPhraseStartingAt(int start)
    {
        if (!IsNominal(start)) return Chunk.None;
        if (Tags[start] == Tag.Pron) return new Chunk(start, start + 1);
        int e = start;
        while (true)
        {
            while (e + 1 < Count && IsNominal(e + 1) && Tags[e + 1] != Tag.Pron && !StartsPhrase(e + 1, Count - 1)) e++;
            if (e + 2 < Count && Tags[e + 1] == Tag.Of && IsNominal(e + 2) && Tags[e + 2] != Tag.Pron) { e += 2; continue; }
            // names joined by "for": "the Syrian Observatory for Human Rights"
            if (e + 2 < Count && Tags[e] == Tag.Proper && IsAny(e + 1, "for") && Tags[e + 2] == Tag.Proper) { e += 2; continue; }
            if (e + 2 < Count && IsAny(e + 1, "from") && Tags[e + 2] == Tag.Proper) { e += 2; continue; }
            // a bracketed acronym: "the Islamic State (ISIS)"
            if (e + 3 < Count && Word(e + 1) is "(" && Tags[e + 2] == Tag.Proper && Word(e + 3) is ")") { e += 3; continue; }
            break;
        }
        return new Chunk(start, e + 1);
    }

    /// <summary>First token of the verb group whose main verb is at <paramref name="k"/> (auxiliaries, negation, adverbs).</summary>
    public int VerbGroupStart(int k)
    {
        int s = k;
        while (s - 1 >= 0 && Tags[s - 1] is Tag.Be or Tag.Have or Tag.Do or Tag.Modal or Tag.Neg or Tag.Adv) s--;
        return s;
    }

    /// <summary>Passive: a be-auxiliary before a past participle, or a reduced relative followed by "by".</summary>
    public bool IsPassive(int k)
    {
        var w = Word(k);
        if (w.EndsWith("ing", StringComparison.OrdinalIgnoreCase)) return false;
        for (int j = k - 1; j >= 0 && Tags[j] is Tag.Be or Tag.Have or Tag.Do or Tag.Modal or Tag.Neg or Tag.Adv; j--)
            if (Tags[j] == Tag.Be) return true;
        // "fighters released by the regime": participle right after a noun phrase, agent follows
        if (k > 0 && Nominal(Tags[k - 1]) && Is(k + 1, "by")) return true;
        return false;
    }

    /// <summary>
    /// The subject of the verb at <paramref name="k"/>: the noun phrase before its verb group, skipping a comma-delimited
    /// apposition or relative clause, resolving "who/which/that" to the antecedent, and following "by V-ing" and
    /// "to V" to the controlling clause.
    /// </summary>
    public Chunk Subject(int k, int depth = 0)
    {
        if (depth > 3) return Chunk.None;
        int j = VerbGroupStart(k) - 1;
        while (j >= 0 && Tags[j] == Tag.Adv) j--;
        if (j < 0) return Chunk.None;
        // a participle clause after a comma ("gunmen attacked a checkpoint on the road between A and B, killing four
        // soldiers") is controlled by the subject of the finite verb before it, not by the nearest noun phrase
        if (Tags[j] == Tag.Comma && Word(k).EndsWith("ing", StringComparison.OrdinalIgnoreCase) && VerbGroupStart(k) == k)
        {
            for (int v = j - 1; v >= 0; v--)
            {
                if (Tags[v] is Tag.Punct) break;
                if (Tags[v] == Tag.Verb && !Word(v).EndsWith("ing", StringComparison.OrdinalIgnoreCase)) { var subj = Subject(v, depth + 1); if (!subj.IsEmpty) return subj; break; }
            }
        }
        if (Tags[j] == Tag.Comma)
        {
            // ", including ...," / ", who ...,": skip back to the comma before and take the noun phrase there
            int c = j - 1;
            while (c >= 0 && Tags[c] != Tag.Comma && Tags[c] is not Tag.Punct) c--;
            if (c > 0 && Nominal(Tags[c - 1])) return NounPhraseEndingAt(c - 1);
            j--;
            while (j >= 0 && Tags[j] == Tag.Adv) j--;
            if (j < 0) return Chunk.None;
        }
        // "one person - a young woman who climbed a fence - was arrested": a parenthetical between dashes is skipped, and
        // the noun phrase before the opening dash is the subject
        if (IsDash(j))
        {
            int c = j - 1;
            while (c >= 0 && !IsDash(c) && !IsAny(c, ".", ";", ":")) c--;
            return c > 0 && IsDash(c) && IsNominal(c - 1) && Tags[c - 1] != Tag.Pron ? ReducedRelativeHead(CoordinatedLeft(NounPhraseEndingAt(c - 1))) : Chunk.None;
        }
        if (Tags[j] == Tag.Rel && !Is(j, "what"))
        {
            int a = j - 1;
            if (a >= 0 && Tags[a] == Tag.Comma) a--;
            return a >= 0 ? NounPhraseEndingAt(a) : Chunk.None;
        }
        // a time adjunct between the subject and its verb is not part of the subject: "Rebels on Wednesday dismissed",
        // "A top U.S. official today praised", "The government last week announced"
        if (IsNominal(j) && IsTemporal(j))
        {
            int t = j;
            while (t >= 0 && (Tags[t] == Tag.Num || IsTemporal(t))) t--;
            if (t >= 0 && IsAny(t, "last", "this", "next", "early", "late")) t--;
            if (t >= 0 && IsAny(t, "on", "in", "at", "during", "early", "late", "since")) t--;
            while (t >= 0 && Tags[t] == Tag.Adv) t--;
            if (t >= 0 && t < j && IsNominal(t) && Tags[t] != Tag.Det) j = t;
            // "The envoy, on Monday conducted", "X, head of the panel, on Monday held": the subject is before the comma
            // (an apposition between two commas is skipped, as after a comma right before the verb)
            else if (t >= 1 && t < j && Tags[t] == Tag.Comma)
            {
                int c = t - 1;
                while (c >= 0 && Tags[c] != Tag.Comma && Tags[c] is not Tag.Punct) c--;
                if (c > 0 && Tags[c] == Tag.Comma && Nominal(Tags[c - 1])) return NounPhraseEndingAt(c - 1);
                if (IsNominal(t - 1)) return ReducedRelativeHead(CoordinatedLeft(NounPhraseEndingAt(t - 1)));
            }
        }
        if (IsNominal(j)) return ReducedRelativeHead(CoordinatedLeft(NounPhraseEndingAt(j)));
        // verb-phrase coordination: "X attacked the town and killed 12 people" -> the first verb's subject
        if (IsAny(j, "and", "or", "but"))
        {
            for (int v = j - 1; v >= 0; v--)
            {
                if (Tags[v] == Tag.Verb) return Subject(v, depth + 1);
                if (Tags[v] is Tag.Punct) break;
            }
        }
        if (Tags[j] is Tag.By or Tag.Prep && Word(k).EndsWith("ing", StringComparison.OrdinalIgnoreCase))
        {
            // "imposed their presence by conscripting": the subject of the governing verb
            for (int v = j - 1; v >= 0; v--)
                if (Tags[v] == Tag.Verb) return Subject(v, depth + 1);
            return Chunk.None;
        }
        if (Tags[j] == Tag.To)
        {
            // object control after a causative verb ("pushing the regime to release"): the noun phrase before "to";
            // a noun phrase after any other word ("an excuse to carry out") does not say who acts
            if (j - 1 >= 0 && IsNominal(j - 1) && Tags[j - 1] != Tag.Pron)
            {
                var np = NounPhraseEndingAt(j - 1);
                if (np.Start > 0 && IsAny(np.Start - 1, Causatives)) return np;
                // subject control over adjuncts of place and time: "gathered after prayers in the square to protest",
                // "decided on Monday to impose": the phrases before "to" are the governing verb's adjuncts, its subject acts
                return AdjunctGovernor(np) is int governor ? Subject(governor, depth + 1) : Chunk.None;
            }
            for (int v = j - 1; v >= 0; v--)
            {
                if (Tags[v] == Tag.Verb) return Subject(v, depth + 1);
                if (Tags[v] is Tag.Comma or Tag.Punct) break;
            }
        }
        return Chunk.None;
    }

    /// <summary>Prepositions that open an adjunct of place or time, never a verb's complement or an object's controller.</summary>
    private static readonly string[] AdjunctPreps = ["in", "at", "near", "outside", "inside", "across", "around", "after", "before", "during", "since", "throughout", "within"];

    /// <summary>
    /// The verb that a chain of adjuncts of place or time ends at, read leftward from their last noun phrase ("decided |on
    /// Monday| to", "gathered |after prayers| |in the square| to"); null when a phrase is an object or the verb asks another
    /// party to act ("called on the army to"). "on" counts only before a day or a date.
    /// </summary>
    private int? AdjunctGovernor(Chunk np)
    {
        for (int steps = 0; steps < 4 && !np.IsEmpty && np.Start >= 2; steps++)
        {
            int p = np.Start - 1;
            bool temporal = IsTemporal(np.End - 1) || Tags[np.End - 1] == Tag.Num;
            if (Tags[p] != Tag.Prep || !(IsAny(p, AdjunctPreps) || (Is(p, "on") && temporal))) return null;
            int q = p - 1;
            while (q >= 0 && Tags[q] == Tag.Adv) q--;
            if (q < 0) return null;
            if (Tags[q] == Tag.Verb) return IsAny(q, Causatives) || IsPassive(q) ? null : q;
            if (!IsNominal(q) || Tags[q] == Tag.Pron) return null;
            np = NounPhraseEndingAt(q);
        }
        return null;
    }

    /// <summary>A dash standing as punctuation (hyphen, en or em dash, double hyphen), as around a parenthetical.</summary>
    private bool IsDash(int k) => Tags[k] == Tag.Punct && IsAny(k, "-", "\u2013", "\u2014", "--");

    /// <summary>
    /// "Syrian forces fighting alongside Turkish troops attacked", "Rebels backed by Turkey attacked": a noun phrase
    /// governed by a preposition after a bare participle that follows a noun is inside a reduced relative clause; the
    /// subject is the noun the clause modifies.
    /// </summary>
    private Chunk ReducedRelativeHead(Chunk np)
    {
        int p = np.Start - 1;
        if (np.IsEmpty || p < 2 || Tags[p] is not (Tag.Prep or Tag.By) || Tags[p - 1] != Tag.Verb || !IsNominal(p - 2) || Tags[p - 2] == Tag.Pron) return np;
        var w = Word(p - 1);
        if (!w.EndsWith("ing", StringComparison.OrdinalIgnoreCase) && !w.EndsWith("ed", StringComparison.OrdinalIgnoreCase)) return np;
        return CoordinatedLeft(NounPhraseEndingAt(p - 2));
    }

    private static readonly HashSet<string> TemporalWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "today", "yesterday", "tonight", "tomorrow", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december",
        "week", "weekend", "month", "year", "morning", "evening", "night", "afternoon",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> TemporalLookup = TemporalWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>A weekday, month, or day/period word ("today", "last week").</summary>
    public bool IsTemporal(int k) => k >= 0 && k < Count && TemporalLookup.Contains(Word(k));

    /// <summary>Extends a noun phrase left over a coordination: "Mordor, Rohan, Fornost and Bree", "troops and police".</summary>
    public Chunk CoordinatedLeft(Chunk np)
    {
        if (np.IsEmpty || Tags[np.Start] == Tag.Pron) return np;
        int s = np.Start;
        bool crossedAnd = false;
        while (true)
        {
            if (s >= 2 && IsAny(s - 1, "and", "or") && Tags[s - 2] == Tag.Comma && s >= 3 && IsNominal(s - 3) && Tags[s - 3] != Tag.Pron)
            { s = NounPhraseEndingAt(s - 3).Start; crossedAnd = true; continue; }
            if (s >= 2 && IsAny(s - 1, "and", "or") && IsNominal(s - 2) && Tags[s - 2] != Tag.Pron)
            { s = NounPhraseEndingAt(s - 2).Start; crossedAnd = true; continue; }
            // "Washington along with its allies", "the army together with militias"
            if (s >= 3 && IsAny(s - 1, "with") && IsAny(s - 2, "along", "together") && IsNominal(s - 3) && Tags[s - 3] != Tag.Pron)
            { s = NounPhraseEndingAt(s - 3).Start; continue; }
            if (crossedAnd && s >= 2 && Tags[s - 1] == Tag.Comma && IsNominal(s - 2) && Tags[s - 2] != Tag.Pron && !IsFrontedAdjunct(s - 2))
            { s = NounPhraseEndingAt(s - 2).Start; continue; }
            break;
        }
        return new Chunk(s, np.End);
    }

    /// <summary>
    /// Whether the noun phrase ending at <paramref name="end"/>, before a comma, is a fronted adjunct rather than a list
    /// member: a time word ("On Monday, a teacher and four farmers were killed") or the object of a preposition that
    /// opens the sentence ("In the north, a nurse and two guards ...").
    /// </summary>
    private bool IsFrontedAdjunct(int end)
    {
        if (IsTemporal(end)) return true;
        int start = NounPhraseEndingAt(end).Start;
        return start == 1 && Tags[0] == Tag.Prep;
    }

    /// <summary>
    /// Extends a noun phrase right over a coordination: "with Gondor and Arnor", "Mordor, Rohan and Bree". With
    /// <paramref name="clauseAware"/> (a phrase after its verb), a conjunct that a verb follows opens a coordinated clause
    /// ("took them to a prison, and the families of some were not told"): it is that clause's subject, not a conjunct.
    /// </summary>
    public Chunk CoordinatedRight(Chunk np, bool clauseAware = false)
    {
        if (np.IsEmpty) return np;
        int e = np.End, committed = np.End;
        while (e + 1 < Count)
        {
            if (IsAny(e, "and", "or") && IsNominal(e + 1) && Tags[e + 1] != Tag.Pron)
            {
                var next = NounPhraseStartingAt(e + 1);
                if (clauseAware && OpensClause(next)) break;
                e = next.End; committed = e; continue;
            }
            if (Tags[e] == Tag.Comma && IsAny(e + 1, "and", "or") && e + 2 < Count && IsNominal(e + 2))
            {
                var next = NounPhraseStartingAt(e + 2);
                if (clauseAware && OpensClause(next)) break;
                e = next.End; committed = e; continue;
            }
            if (Tags[e] == Tag.Comma && IsNominal(e + 1) && Tags[e + 1] == Tag.Proper) { e = NounPhraseStartingAt(e + 1).End; continue; }
            break;
        }
        return new Chunk(np.Start, committed);
    }

    /// <summary>
    /// Whether a verb group follows the phrase, past an "of" tail of pronouns and determiners ("the families of some of
    /// them have"): the phrase is the subject of a clause of its own.
    /// </summary>
    public bool OpensClause(Chunk np)
    {
        for (int j = np.End; j < Math.Min(Count, np.End + 5); j++)
        {
            // a participle in -ing goes with the phrase or the clause before ("and the camp, killing five"), not a clause of its own
            if (Tags[j] is Tag.Verb && Word(j).EndsWith("ing", StringComparison.OrdinalIgnoreCase)) return false;
            if (Tags[j] is Tag.Verb or Tag.Be or Tag.Have or Tag.Modal or Tag.Do) return true;
            if (Tags[j] is not (Tag.Of or Tag.Pron or Tag.Det or Tag.Num or Tag.Adv or Tag.Neg)) return false;
        }
        return false;
    }

    /// <summary>The object after the verb at <paramref name="k"/>: a noun phrase, directly or after one preposition.</summary>
    public Chunk Object(int k, int skip = 0) => CoordinatedRight(ObjectHead(k, skip), clauseAware: true);

    private Chunk ObjectHead(int k, int skip)
    {
        int j = k + 1 + skip;
        while (j < Count && Tags[j] is Tag.Adv or Tag.Neg) j++;
        if (j >= Count) return Chunk.None;
        if (IsNominal(j)) return NounPhraseStartingAt(j);
        // a clause object: "demanded that the government end curbs" -> the clause's subject
        if (IsAny(j, "that") && IsNominal(j + 1)) return NounPhraseStartingAt(j + 1);
        // a counted object: "conscripting about 3,000 fighters", "released more than 30 prisoners"
        for (int n = j; n < Math.Min(Count, j + 3); n++)
            if (Tags[n] == Tag.Num && CountModifierStart(n) == j)
            {
                var np = NounPhraseStartingAt(n);
                if (IsMeasure(np)) return Chunk.None; // "over six months ago"
                return new Chunk(j, np.End);
            }
        if ((Tags[j] is Tag.Prep or Tag.To) && IsAny(j, "to", "with", "against", "on", "at", "into", "upon", "toward", "towards", "for") && IsNominal(j + 1))
            return NounPhraseStartingAt(j + 1);
        return Chunk.None;
    }

    private static readonly string[] Causatives = ["pushing", "push", "pushed", "pushes", "forced", "force", "forcing", "forces", "urged", "urge", "urging", "urges", "asked", "ask", "asking", "asks", "ordered", "order", "orders", "allowed", "allow", "allows", "helped", "help", "helps", "pressured", "pressure", "pressuring", "encouraged", "encourage", "compelled", "led", "lead", "invited", "persuaded", "convinced", "called", "told", "expected", "expect", "want", "wants", "wanted"];

    /// <summary>A phrase that measures time or distance ("six months", "30 km"), not a participant.</summary>
    public bool IsMeasure(Chunk c)
    {
        if (c.IsEmpty) return false;
        if (IsAny(c.End, "ago")) return true;
        for (int i = c.Start; i < c.End; i++) if (IsAny(i, TimeUnits) || IsAny(i, "ago")) return true;
        return false;
    }

    private static readonly string[] TimeUnits = ["seconds", "minutes", "hours", "days", "weeks", "months", "years", "decades", "km", "kilometres", "kilometers", "miles", "metres", "meters", "percent"];

    /// <summary>The agent of a passive verb: "by" + noun phrase after the verb, before the clause ends.</summary>
    public Chunk ByAgent(int k)
    {
        for (int j = k + 1; j < Count - 1; j++)
        {
            if (Tags[j] is Tag.Punct) break;
            if (Tags[j] == Tag.Verb && j > k + 1) break;
            if (Tags[j] == Tag.By && IsNominal(j + 1)) return NounPhraseStartingAt(j + 1);
        }
        return Chunk.None;
    }
}
