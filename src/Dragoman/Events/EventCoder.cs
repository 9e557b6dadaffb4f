using Dragoman.Documents;
using Dragoman.Events.Petrarch;
using Dragoman.Text.Syntax;

namespace Dragoman.Events;

/// <summary>
/// One event found in a sentence: trigger tokens, code, and the role chunks (local token indexes).
/// <see cref="Verb"/> is the dictionary block (verbal) or noun (nominal) that matched.
/// </summary>
public sealed record CodedEvent(
    Chunk Trigger, string Code, string Verb, bool Nominal, bool Passive, Chunk Actor, Chunk Target, int PatternLine, bool Reversed);

/// <summary>
/// Codes events in a sentence with a TABARI/PETRARCH verb dictionary and nominal triggers, and finds their roles with
/// the light syntax of <see cref="SentenceView"/>: active subject/object, passive subject + "by" agent, pattern
/// source/target markers, nominal "of"/"by"/"on"/"between" complements, possessive and adjectival actors.
/// Immutable and thread-safe.
/// </summary>
public sealed class EventCoder
{
    private readonly VerbDictionary _verbs;
    private readonly NominalTriggers? _nouns;

    public EventCoder(VerbDictionary verbs, NominalTriggers? nouns)
    {
        _verbs = verbs;
        _nouns = nouns;
        Tagger = new Tagger(w => verbs.Lookup(w) is not null, PosModel.Bundled);
    }

    public Tagger Tagger { get; }
    public VerbDictionary Verbs => _verbs;

    public SentenceView View(string text, Token[] tokens, Sentence sentence) =>
        new(text, tokens, sentence, Tagger.TagSentence(text, tokens, sentence.FirstToken, sentence.EndToken));

    public SentenceView View(Document document, Sentence sentence)
    {
        int from = AfterDateline(document, sentence);
        if (from == sentence.FirstToken && !HasQuoteMark(document.Text, document.Tokens, sentence.FirstToken, sentence.EndToken))
            return new(document.Text, document.Tokens, sentence, Tagger.TagSentence(document, sentence));
        // the clause as syntax sees it: tokens after the wire dateline ("BENGHAZI, Libya - Fighting between ...": the
        // dateline is no role, and the word after it opens the sentence), quotation marks left out (scare quotes,
        // "the army “neutralized” six fighters", and partial quotes are no syntax); spans still point into the text
        var tokens = new List<Token>(sentence.EndToken - from);
        for (int i = from; i < sentence.EndToken; i++)
            if (!IsQuoteMark(document.Text, document.Tokens[i])) tokens.Add(document.Tokens[i]);
        if (tokens.Count == 0) return new(document.Text, document.Tokens, sentence, Tagger.TagSentence(document, sentence));
        var read = tokens.ToArray();
        var local = new Sentence(read[0].Start, sentence.End, 0, read.Length);
        return new(document.Text, read, local, Tagger.TagSentence(document.Text, read, 0, read.Length));
    }

    /// <summary>The first token of <paramref name="sentence"/> after the article's wire dateline and its dash, if the sentence opens with it.</summary>
    private static int AfterDateline(Document document, Sentence sentence)
    {
        if (document.Article.DatelineSpan is not { } dateline || dateline.Start < sentence.Start || dateline.Start >= sentence.End) return sentence.FirstToken;
        int k = sentence.FirstToken;
        while (k < sentence.EndToken && document.Tokens[k].Start < dateline.End) k++;
        while (k < sentence.EndToken && document.Tokens[k].Kind is TokenKind.Punctuation or TokenKind.Symbol) k++;
        return k < sentence.EndToken ? k : sentence.FirstToken;
    }

    private static bool HasQuoteMark(string text, Token[] tokens, int first, int end)
    {
        for (int i = first; i < end; i++) if (IsQuoteMark(text, tokens[i])) return true;
        return false;
    }

    /// <summary>Double quotation marks (straight, curly, low, guillemets): punctuation of speech, never a word of the clause.</summary>
    internal static bool IsQuoteMark(string text, Token t) =>
        t.Kind is TokenKind.Punctuation or TokenKind.Symbol && t.End - t.Start == 1 && text[t.Start] is '"' or '\u201C' or '\u201D' or '\u201E' or '\u00AB' or '\u00BB';

    /// <summary>Verbs that only report or frame another event: coded by the dictionary, but never as the main event.</summary>
    public static bool IsSpeechCode(string code) => code.StartsWith("01", StringComparison.Ordinal) && code.Length >= 3;

    /// <summary>Hashes of the sentence's words and their singulars, for rejecting patterns whose words are absent.</summary>
    private static HashSet<int> WordHashes(SentenceView v)
    {
        var set = new HashSet<int>(v.Count * 2);
        for (int i = 0; i < v.Count; i++)
        {
            var w = v.Word(i);
            set.Add(string.GetHashCode(w, StringComparison.OrdinalIgnoreCase));
            if (w.Length > 2 && (w[^1] is 's' or 'S')) set.Add(string.GetHashCode(w[..^1], StringComparison.OrdinalIgnoreCase));
            if (w.Length > 3 && w.EndsWith("es", StringComparison.OrdinalIgnoreCase)) set.Add(string.GetHashCode(w[..^2], StringComparison.OrdinalIgnoreCase));
        }
        return set;
    }

    public List<CodedEvent> Code(SentenceView v)
    {
        var events = new List<CodedEvent>();
        HashSet<int>? hashes = null;
        var covered = new bool[v.Count];
        if (_nouns is not null) CodeNominal(v, covered, events);
        for (int k = 0; k < v.Count; k++)
        {
            if (v.Tags[k] != Tag.Verb || covered[k]) continue;
            var forms = _verbs.Lookup(v.Word(k));
            if (forms is null) continue;
            // all forms of the longest multi-word match: patterns of every block compete; the default code comes from the
            // last form that has one (the project's supplement can give a default to a block that has none)
            int bestLen = -1;
            foreach (var f in forms)
                if (AdjacentWords(v, k, f)) bestLen = Math.Max(bestLen, f.Before.Length + f.After.Length);
            if (bestLen < 0) continue;
            VerbForm? best = null;
            VerbPattern? pattern = null;
            int src = -1, tgt = -1, score = -1;
            string? fallback = null;
            bool passive = v.IsPassive(k);
            foreach (var f in forms)
            {
                if (f.Before.Length + f.After.Length != bestLen || !AdjacentWords(v, k, f)) continue;
                best ??= f;
                if (f.Code is not ("---" or "")) { fallback = f.Code; if (pattern is null) best = f; }
                hashes ??= WordHashes(v);
                var (p, ps, pt, sc) = BestPattern(v, k, k - f.Before.Length, k + f.After.Length, f.Block, passive, hashes);
                if (p is not null && sc > score) { pattern = p; src = ps; tgt = pt; score = sc; best = f; }
            }
            if (best is null) continue;
            int first = k - best.Before.Length, last = k + best.After.Length;
            // a pattern of markers only ("$ * +") says nothing about the verb's sense: a verb's own code wins over it
            string? own = null;
            foreach (var f in forms)
                if (f.Before.Length + f.After.Length == bestLen && f.OwnCode is not (null or "---") && AdjacentWords(v, k, f)) own = f.OwnCode;
            if (pattern is not null && score == 0 && own is not null) { pattern = null; src = -1; tgt = -1; fallback = own; }
            var code = pattern?.Code ?? fallback ?? "---";
            if (code is "---" or "") continue;
            for (int i = first; i <= last; i++) covered[i] = true;
            Chunk actor, target;
            if (passive)
            {
                target = v.Subject(first);
                actor = v.ByAgent(last);
            }
            else
            {
                actor = v.Subject(first);
                target = v.Object(last);
            }
            // "died in accidents", "floods killed ...": a death or injury by a non-violent cause is no use of force
            if (CodeTables.IsForce(code) && DeathCauses.Installed.NonViolent(v, k, last, passive ? Chunk.None : actor)) continue;
            // pattern markers ($ source, + target) fill a role the syntax left empty
            if (actor.IsEmpty && MarkerChunk(v, src) is { IsEmpty: false } s) actor = s;
            if (target.IsEmpty && MarkerChunk(v, tgt) is { IsEmpty: false } t) target = t;
            var trigger = new Chunk(first, last + 1);
            foreach (var (c, reversed) in SplitPaired(code))
            {
                events.Add(reversed
                    ? new CodedEvent(trigger, c, best.Block.Name, false, passive, target, actor, pattern?.Line ?? 0, true)
                    : new CodedEvent(trigger, c, best.Block.Name, false, passive, actor, target, pattern?.Line ?? 0, false));
            }
        }
        events.Sort((a, b) => a.Trigger.Start.CompareTo(b.Trigger.Start));
        return events;
    }

    /// <summary>Marker positions: n >= 0 after the verb (phrase starting there), -(n + 2) before it (phrase ending there).</summary>
    private static Chunk MarkerChunk(SentenceView v, int marker)
    {
        if (marker == -1) return Chunk.None;
        var c = marker >= 0 ? v.NounPhraseStartingAt(marker) : v.NounPhraseEndingAt(-marker - 2);
        return v.IsMeasure(c) ? Chunk.None : c;
    }

    private static IEnumerable<(string Code, bool Reversed)> SplitPaired(string code)
    {
        int colon = code.IndexOf(':');
        if (colon < 0) { yield return (code, false); yield break; }
        yield return (code[..colon], false);
        var second = code[(colon + 1)..];
        if (second.Length > 0 && second != "---") yield return (second, true);
    }

    private static bool AdjacentWords(SentenceView v, int k, VerbForm f)
    {
        for (int i = 0; i < f.Before.Length; i++)
            if (!WordMatches(v, k - f.Before.Length + i, f.Before[i])) return false;
        for (int i = 0; i < f.After.Length; i++)
            if (!WordMatches(v, k + 1 + i, f.After[i])) return false;
        return true;
    }

    /// <summary>A dictionary word matches a token exactly (case-insensitive) or as its plural (-S, -ES).</summary>
    internal static bool WordMatches(SentenceView v, int k, string word)
    {
        if (k < 0 || k >= v.Count) return false;
        var w = v.Word(k);
        if (w.Equals(word, StringComparison.OrdinalIgnoreCase)) return true;
        if (w.Length == word.Length + 1 && (w[^1] is 's' or 'S') && w.StartsWith(word, StringComparison.OrdinalIgnoreCase)) return true;
        if (w.Length == word.Length + 2 && w.EndsWith("es", StringComparison.OrdinalIgnoreCase) && w.StartsWith(word, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private (VerbPattern? Pattern, int Source, int Target, int Score) BestPattern(SentenceView v, int k, int first, int last, VerbBlock block, bool passive, HashSet<int> hashes)
    {
        VerbPattern? best = null;
        int bestScore = 0, bestSrc = -1, bestTgt = -1;
        int afterLimit = Math.Min(v.Count, last + 1 + 16);
        // the object region ends at ';' and, for a passive verb, at its "by" agent
        for (int i = last + 1; i < afterLimit; i++) if (v.Word(i) is ";" || (passive && v.Tags[i] == Tag.By)) { afterLimit = i; break; }
        int beforeLimit = Math.Max(0, first - 16);
        foreach (var p in block.Patterns)
        {
            bool possible = true;
            foreach (var h in p.WordHashes) if (!hashes.Contains(h)) { possible = false; break; }
            if (!possible) continue;
            int src = -1, tgt = -1;
            if (!MatchSide(v, p.After, 0, last + 1, afterLimit, +1, first: true, ref src, ref tgt, out int sa)) continue;
            if (!MatchSide(v, p.Before, 0, first - 1, beforeLimit, -1, first: true, ref src, ref tgt, out int sb)) continue;
            int score = sa + sb;
            if (score > bestScore)
            {
                best = p; bestScore = score; bestSrc = src; bestTgt = tgt;
            }
            else if (best is null && score == 0 && p.WordCount == 0)
            {
                best = p; bestSrc = src; bestTgt = tgt; // marker-only pattern ("% *")
            }
        }
        return (best, bestSrc, bestTgt, bestScore);
    }

    /// <summary>
    /// Matches pattern elements from <paramref name="pos"/> in direction <paramref name="dir"/>; connected elements must be
    /// adjacent, others may skip tokens. Backtracks over skip choices. Returns the number of words matched in <paramref name="score"/>.
    /// </summary>
    private bool MatchSide(SentenceView v, PatternElement[] els, int idx, int pos, int limit, int dir, bool first, ref int src, ref int tgt, out int score)
    {
        score = 0;
        if (idx >= els.Length) return true;
        var e = els[idx];
        switch (e.Kind)
        {
            case ElementKind.Source:
                src = dir > 0 ? Math.Clamp(pos, 0, v.Count - 1) : -(Math.Clamp(pos, 0, v.Count - 1) + 2);
                return MatchSide(v, els, idx + 1, pos, limit, dir, first, ref src, ref tgt, out score);
            case ElementKind.Target:
                tgt = dir > 0 ? Math.Clamp(pos, 0, v.Count - 1) : -(Math.Clamp(pos, 0, v.Count - 1) + 2);
                return MatchSide(v, els, idx + 1, pos, limit, dir, first, ref src, ref tgt, out score);
            case ElementKind.Compound:
                {
                    bool hasAnd = false;
                    if (dir < 0) { for (int i = 0; i <= pos && i < v.Count; i++) if (v.Is(i, "and")) hasAnd = true; }
                    else { for (int i = Math.Max(0, pos); i < v.Count; i++) if (v.Is(i, "and")) hasAnd = true; }
                    if (!hasAnd) return false;
                    return MatchSide(v, els, idx + 1, pos, limit, dir, first, ref src, ref tgt, out score);
                }
        }
        bool mustAdjacent = e.Connected;
        // gaps are short and stay inside the verb's own phrase: a later verb or a relative word ends the search
        int maxTry = mustAdjacent ? 1 : first ? 6 : 4;
        for (int t = 0, p = pos; t < maxTry && (dir > 0 ? p < limit : p >= limit) && p >= 0 && p < v.Count; t++, p += dir)
        {
            if (v.Tags[p] is Tag.Punct && v.Word(p) is not ("(" or ")" or "\"" or "“" or "”")) break; // do not cross clause punctuation
            int len = MatchElementAt(v, e, p, dir);
            // a pattern ending in the preposition "to" ("welcomed X to") does not match an infinitive marker ("praised
            // efforts to improve"): the verb after it heads a clause of its own
            if (len > 0 && idx == els.Length - 1 && dir > 0 && e.Kind == ElementKind.Word && e.Value.Equals("TO", StringComparison.OrdinalIgnoreCase)
                && v.TagAt(p + 1) == Tag.Verb) len = 0;
            if (len <= 0)
            {
                if (v.Tags[p] is Tag.Verb or Tag.Rel or Tag.Be or Tag.Modal || (v.Tags[p] == Tag.Conj && !v.IsAny(p, "and", "or"))) break;
                continue;
            }
            int s2 = src, t2 = tgt;
            if (MatchSide(v, els, idx + 1, p + dir * len, limit, dir, false, ref s2, ref t2, out int rest))
            {
                src = s2; tgt = t2;
                score = len + rest;
                return true;
            }
        }
        return false;
    }

    /// <summary>Number of tokens the element covers at <paramref name="p"/> (0 when it does not match).</summary>
    private int MatchElementAt(SentenceView v, PatternElement e, int p, int dir)
    {
        if (e.Kind == ElementKind.Word) return WordMatches(v, p, e.Value) ? 1 : 0;
        if (!_verbs.TryGetSynset(e.Value, out var members)) return 0;
        int best = 0;
        foreach (var m in members)
        {
            bool ok = true;
            for (int i = 0; i < m.Length && ok; i++)
            {
                int at = dir > 0 ? p + i : p - (m.Length - 1) + i;
                var word = m[i];
                if (word.StartsWith('&'))
                {
                    ok = MatchElementAt(v, new PatternElement(ElementKind.Synset, word[1..], false), at, +1) == 1;
                    continue;
                }
                ok = WordMatches(v, at, word);
            }
            if (ok && m.Length > best) best = m.Length;
        }
        return best;
    }

    private void CodeNominal(SentenceView v, bool[] covered, List<CodedEvent> events)
    {
        for (int k = 0; k < v.Count; k++)
        {
            if (covered[k] || v.Tags[k] is not (Tag.Noun or Tag.Verb or Tag.Proper)) continue;
            var list = _nouns!.StartingWith(v.Word(k));
            if (list is null) continue;
            NominalTrigger? hit = null;
            foreach (var n in list)
            {
                bool ok = true;
                for (int i = 1; i < n.Words.Length && ok; i++) ok = v.Is(k + i, n.Words[i]);
                if (!ok) continue;
                if (k > 0 && n.CancelBefore.Any(c => v.Is(k - 1, c))) continue;
                if (n.GovernedBy.Length > 0 && !v.IsAny(PhraseHeadPreposition(v, k), n.GovernedBy)) continue;
                if (n.CancelAfter.Length > 0 && v.IsAny(k + n.Words.Length, n.CancelAfter) && !OpensLength(v, k + n.Words.Length + 1)) continue;
                hit = n;
                break;
            }
            if (hit is null) continue;
            // a verb-tagged trigger word counts as nominal only in noun position (after its governing preposition it is in one)
            if (v.Tags[k] == Tag.Verb && hit.Words.Length == 1 && hit.GovernedBy.Length == 0 && !(v.IsAny(k + hit.Words.Length, "of", "on", "against", "between", "in", "by"))) continue;
            if (v.Tags[k] == Tag.Proper && k > 0 && hit.Words.Length == 1) continue; // part of a name ("Attack Brigade")
            if (k > 0 && v.Tags[k - 1] is Tag.To or Tag.Modal) continue; // "to attack": a verb
            if (ModifiesPartyNoun(v, k + hit.Words.Length)) continue;
            int last = k + hit.Words.Length - 1;
            if (CodeTables.IsForce(hit.Code) && DeathCauses.Installed.NonViolent(v, k, last, Chunk.None)) continue; // "deaths from cholera"
            for (int i = k; i <= last; i++) covered[i] = true;
            var (actor, target) = NominalRoles(v, k, last, hit.OfRole);
            events.Add(new CodedEvent(new Chunk(k, last + 1), hit.Code, string.Join(' ', hit.Words), true, false, actor, target, 0, false));
            k = last;
        }
    }

    /// <summary>
    /// "Riot police", "protest leaders", "strike committee": English noun compounds are head-final, so an event noun right
    /// before a common noun that names a party (the role code's party nouns, armed or organised people, agent forms such as
    /// "organisers") only says what kind of party that is; the phrase names no event. Not for victims ("attack victims"):
    /// those nouns say the event happened; nor "mission", which after an event noun is the undertaking ("a mediation mission").
    /// </summary>
    internal static bool ModifiesPartyNoun(SentenceView v, int next)
    {
        if (v.TagAt(next) != Tag.Noun || v.IsAny(next, "mission", "missions")) return false;
        var w = v.Word(next).ToString();
        return EventsComponent.PartyNouns.Contains(w) || EventsComponent.IsAgentForm(w)
            || Counts.CountParser.PersonNouns.TryGetValue(w, out var kind) && kind == "combatant";
    }

    /// <summary>
    /// Verbs whose object is someone else's event (speech, stance, reaction, inquiry): "the ministry denies an air strike",
    /// "Russia condemned the bombing" do not make their subject the event's actor. Stems, so every inflection counts.
    /// </summary>
    private static readonly string[] ReactionStems = SpeechLexicon.ReactionStems;

    private static bool IsReactionVerb(ReadOnlySpan<char> word)
    {
        foreach (var stem in ReactionStems)
            if (word.StartsWith(stem, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>A length of time opens at <paramref name="i"/> ("for | an hour", "for | two days", "over | several weeks"): a duration, not a reason.</summary>
    private static bool OpensLength(SentenceView v, int i) =>
        v.TagAt(i) == Tag.Num || v.IsAny(i, "a", "an", "about", "almost", "nearly", "several", "more", "hours", "days", "weeks", "months", "minutes");

    /// <summary>
    /// The index of the preposition that governs the noun phrase whose head is at <paramref name="k"/>: the word before
    /// the phrase's determiners and modifiers ("under | heavy Russian | fire"), at most four words back; -1 when none.
    /// </summary>
    internal static int PhraseHeadPreposition(SentenceView v, int k)
    {
        int p = k - 1;
        while (p >= 0 && k - p <= 4 && v.Tags[p] is Tag.Det or Tag.Noun or Tag.Proper or Tag.Adv or Tag.Poss) p--;
        return p >= 0 && v.Tags[p] is Tag.Prep or Tag.By or Tag.Of ? p : -1;
    }

    /// <summary>
    /// "A convoy came under fire", "the town was under heavy shelling", "the base came under attack": an event noun
    /// governed by "under" after the clause's verb happens to that verb's subject, its target; whoever fired is unnamed
    /// (only a modifier may name them, "under Russian fire").
    /// </summary>
    private static Chunk UnderTarget(SentenceView v, int k)
    {
        int p = PhraseHeadPreposition(v, k);
        if (p < 1 || !v.Is(p, "under") || v.Tags[p - 1] is not (Tag.Verb or Tag.Be)) return Chunk.None;
        var subject = v.Subject(p - 1);
        if (!subject.IsEmpty) return subject;
        int g = v.VerbGroupStart(p - 1) - 1;
        return g >= 0 && v.IsNominal(g) ? v.NounPhraseEndingAt(g) : Chunk.None;
    }

    /// <summary>Roles of a nominal trigger: "of" complement, "by" agent, "on/against" target, "between X and Y", possessive or adjectival actor, light-verb subject, the subject of "came under".</summary>
    private static (Chunk Actor, Chunk Target) NominalRoles(SentenceView v, int k, int last, string ofRole)
    {
        Chunk actor = Chunk.None, target = UnderTarget(v, k);
        int j = last + 1;
        if (v.Is(j, "of") && v.IsNominal(j + 1))
        {
            var np = v.NounPhraseStartingAt(j + 1);
            if (ofRole == "actor") actor = np; else target = np;
            j = np.End;
        }
        if (v.Is(j, "between") && v.IsNominal(j + 1))
        {
            var a = v.NounPhraseStartingAt(j + 1);
            actor = a;
            if (v.IsAny(a.End, "and", "with") && v.IsNominal(a.End + 1)) target = v.NounPhraseStartingAt(a.End + 1);
            return (actor, target);
        }
        for (int i = j; i < Math.Min(v.Count - 1, j + 8); i++)
        {
            if (v.Tags[i] is Tag.Punct or Tag.Verb or Tag.Be or Tag.Modal) break;
            if (v.Tags[i] == Tag.By && v.IsNominal(i + 1) && actor.IsEmpty) { actor = v.NounPhraseStartingAt(i + 1); i = actor.End - 1; continue; }
            if (v.IsAny(i, "on", "against", "targeting", "with") && v.IsNominal(i + 1) && target.IsEmpty) { target = v.NounPhraseStartingAt(i + 1); i = target.End - 1; }
        }
        if (actor.IsEmpty)
        {
            // "the regime's attack", "Israeli air strikes", "Russian jets' raids"
            int p = k - 1;
            while (p >= 0 && v.Tags[p] is Tag.Noun && !v.IsAny(p, "major", "new", "limited", "large", "heavy", "fierce", "violent", "deadly", "further", "recent", "first", "latest")) p--;
            while (p >= 0 && v.IsAny(p, "major", "new", "limited", "large", "heavy", "fierce", "violent", "deadly", "further", "recent", "first", "latest")) p--;
            if (p >= 0 && v.Tags[p] == Tag.Poss && p > 0) actor = v.NounPhraseEndingAt(p - 1);
            else if (p >= 0 && v.Tags[p] == Tag.Proper)
            {
                int s = p;
                while (s - 1 >= 0 && v.Tags[s - 1] == Tag.Proper) s--;
                actor = new Chunk(s, p + 1);
            }
        }
        if (actor.IsEmpty)
        {
            // light verb: "X carried out / launched / conducted an attack"
            int p = k - 1;
            while (p >= 0 && v.Tags[p] is Tag.Noun or Tag.Det or Tag.Num or Tag.Adv) p--;
            if (p >= 0 && v.Tags[p] == Tag.Verb && !v.IsAny(p, "said", "says", "added", "reported", "claimed", "denied", "included", "including") && !IsReactionVerb(v.Word(p)))
            {
                var s = v.Subject(p);
                if (!s.IsEmpty && !(s.Start <= k && k < s.End)) actor = s;
            }
            else if (p >= 1 && v.IsAny(p, "out") && v.Tags[p - 1] == Tag.Verb)
            {
                var s = v.Subject(p - 1);
                if (!s.IsEmpty) actor = s;
            }
        }
        return (actor, target);
    }
}
