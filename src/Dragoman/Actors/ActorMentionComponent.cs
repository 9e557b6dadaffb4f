using Dragoman.Documents;
using Dragoman.Pipeline;

namespace Dragoman.Actors;

/// <summary>
/// Adds actor mentions (Source "actors"): dictionary names (groups, persons, countries, capitals, demonyms) and
/// capitalised name candidates ("Maher Kanhoush", "Abu al-Baraa", "Alsouria Net"). Precedence with mentions already
/// present (the NER model's): same span, the dictionary's type wins; a mention strictly inside a dictionary name is
/// replaced by the longer name; a dictionary name inside or crossing an existing mention yields to it. Capitalised
/// candidates only fill gaps no other mention covers. See docs/actors.md.
/// </summary>
public sealed class ActorMentionComponent(ActorDictionary dictionary) : IDocumentComponent
{
    public const string SourceName = "actors";
    public string Name => SourceName;
    public Layer Requires => Layer.Tokens | Layer.Sentences;
    public Layer Provides => Layer.Mentions;
    public ActorDictionary Dictionary => dictionary;

    private static readonly HashSet<string> Particles = new(StringComparer.OrdinalIgnoreCase)
    { "bin", "ibn", "bint", "al", "el", "abu", "abd", "abdul", "abdel", "umm", "ben", "ould", "de", "van", "von", "da" };

    private static readonly HashSet<string> PlaceCues = new(StringComparer.OrdinalIgnoreCase)
    { "town", "city", "village", "province", "governorate", "district", "countryside", "region", "area", "camp", "neighbourhood", "neighborhood", "suburb" };

    private static readonly HashSet<string> LocativePrepositions = new(StringComparer.OrdinalIgnoreCase) { "in", "near", "outside", "around", "inside" };
    private static readonly HashSet<string> Directions = new(StringComparer.OrdinalIgnoreCase)
    { "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "outskirts", "countryside" };
    private static readonly HashSet<string> NotPlaces = new(StringComparer.OrdinalIgnoreCase)
    {
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Ramadan", "God", "English", "Arabic", "Islam",
    };

    /// <summary>Office and rank words before a name: data/actors/title-words.txt, its source in its header.</summary>
    private static readonly HashSet<string> TitleWords =
        WordListFile.Installed("actors", "title-words.txt", "title words", StringComparer.OrdinalIgnoreCase);

    /// <summary>Folded first words of Arabic place names (Bab "gate", Jisr "bridge", Kafr "village" ...):
    /// data/actors/place-name-openers.txt, its source in its header.</summary>
    private static readonly HashSet<string> PlacePrefixes = new(
        WordListFile.Installed("actors", "place-name-openers.txt", "Arabic place-name openers", StringComparer.Ordinal).Select(NameFolding.FoldPhrase),
        StringComparer.Ordinal);

    private static readonly HashSet<string> NotNames = new(new[] { "eid", "ramadan", "ashura", "mawlid", "hajj" }.Select(NameFolding.FoldPhrase), StringComparer.Ordinal);

    /// <summary>Last words of outlets' names: data/actors/media-words.txt, its source in its header.</summary>
    private static readonly HashSet<string> MediaWords =
        WordListFile.Installed("actors", "media-words.txt", "media name words", StringComparer.OrdinalIgnoreCase);

    public static bool IsMediaWord(string w) => MediaWords.Contains(w);

    public void Process(Document document)
    {
        var text = document.Text;
        var tokens = document.Tokens;
        var parts = ActorMatcher.Prepare(text, tokens, dictionary);
        var matches = ActorMatcher.Find(text, tokens, parts, dictionary, proper: true);
        var mentions = document.Mentions;
        var candidates = Candidates(document, matches);
        var candidateAt = new int[tokens.Length];
        Array.Fill(candidateAt, -1);
        for (int c = 0; c < candidates.Count; c++)
        {
            var (f, e) = TokenRange(tokens, candidates[c].Span);
            for (int t = f; t < e; t++) candidateAt[t] = c;
        }
        int named = candidates.Count; // capitalised-run candidates; composites follow
        candidates.AddRange(Composites(document, parts, matches));
        HashSet<string>? lowerWords = null;

        // every mention, the model's and ours, indexed by the tokens it covers: overlap checks stay linear in the text
        var all = new List<Mention>(mentions);
        var removed = new List<bool>(new bool[all.Count]);
        var at = new List<int>?[tokens.Length];
        void Index(int i)
        {
            var (f, e) = TokenRange(tokens, all[i].Span);
            for (int t = f; t < e; t++) (at[t] ??= []).Add(i);
        }
        IEnumerable<int> Overlapping(TextSpan span)
        {
            var (f, e) = TokenRange(tokens, span);
            var seen = new HashSet<int>();
            for (int t = f; t < e; t++)
                if (at[t] is { } list)
                    foreach (var i in list)
                        if (!removed[i] && all[i].Span.Overlaps(span) && seen.Add(i)) yield return i;
        }
        int Add(Mention m) { all.Add(m); removed.Add(false); Index(all.Count - 1); return all.Count - 1; }
        for (int i = 0; i < all.Count; i++) Index(i);
        int external = all.Count;

        foreach (var m in matches)
        {
            if (ActorMatcher.BestHit(dictionary, m.Node, true) is not { } hit) continue;
            int ci = candidateAt[m.FirstToken];
            var cand = ci >= 0 ? candidates[ci] : null;
            if (cand is not null && cand.Span.Contains(m.Span) && cand.Span != m.Span && hit.Kind is PhraseKind.Demonym or PhraseKind.Country or PhraseKind.Capital)
                continue; // "The Syrian Observer": the outlet's name contains the demonym
            if (hit.Kind == PhraseKind.Actor && dictionary.Entries[hit.Index].Type == EntityType.PERSON
                && cand is { Type: EntityType.PERSON, Confidence: >= 0.7 } && cand.Span.Contains(m.Span) && cand.Span.Start < m.Span.Start)
                continue; // "Maher al-Assad": a given name before a dictionary surname names someone else
            var type = TypeOf(hit);
            bool externalEntry = hit.Kind == PhraseKind.Actor && dictionary.Entries[hit.Index].Source != ActorSource.Supplement
                && dictionary.Entries[hit.Index].Type is not (EntityType.GPE or EntityType.LOC);
            // "in Duma", "the town of Duma", "the Duma neighbourhood": the context makes an external entry's name a place;
            // geo resolves it and linking keeps the place when it lies in the focus country (LinkingComponent.PlaceBeatsActor)
            if (externalEntry && m.EndToken - m.FirstToken == 1 && (IsPlaceContext(text, tokens, m.FirstToken) || PlaceNounAfter(text, tokens, m.EndToken)))
                type = EntityType.GPE;
            var overlapping = Overlapping(m.Span).ToList();
            int same = overlapping.FindIndex(i => all[i].Span == m.Span);
            if (same >= 0)
            {
                // a place the model found keeps its type over a context-free external entry ("Douma" ~ Duma)
                var existing = all[overlapping[same]];
                if (externalEntry && existing.Type is EntityType.GPE or EntityType.LOC) continue;
                if (hit.Kind != PhraseKind.Demonym) existing.Type = type;
                continue;
            }
            // "Islamic State Prisoners" (headline), "Islamic State leaders": a model mention that is a known
            // organisation plus a common-noun tail is the organisation; the tail is no part of its name
            if (hit.Kind == PhraseKind.Actor && dictionary.Entries[hit.Index].Type == EntityType.ORG
                && overlapping.Count == 1 && overlapping[0] < external && all[overlapping[0]].Span.Start == m.Span.Start
                && all[overlapping[0]].Span.End > m.Span.End
                && CommonTail(document, m.EndToken, TokenRange(tokens, all[overlapping[0]].Span).End, ref lowerWords))
            {
                removed[overlapping[0]] = true;
                overlapping.Clear();
            }
            if (overlapping.Exists(i => !m.Span.Contains(all[i].Span))) continue;
            foreach (var i in overlapping) removed[i] = true; // extension: a shorter model mention inside the name
            Add(new Mention
            {
                Span = m.Span, Type = type, Text = text[m.Span.Start..m.Span.End], Source = SourceName,
                Confidence = hit.Kind == PhraseKind.Actor && dictionary.Entries[hit.Index].Source == ActorSource.Supplement ? 0.95 : 0.85,
            });
        }
        for (int ci = 0; ci < candidates.Count; ci++)
        {
            var c = candidates[ci];
            var overlapping = Overlapping(c.Span).ToList();
            if (overlapping.Exists(i => !c.Span.Contains(all[i].Span))) continue;
            // "Alsouria Net" (model: PERSON), "The Syrian Observer" (model: "Syrian Observer"): a name whose head word is
            // an organisation or media word is an organisation, whatever type the model gave the same words
            // (only the same words, or the same words after "The": a longer run in run-on text is no better evidence)
            if (ci < named && c.Type == EntityType.ORG && overlapping.Count == 1 && overlapping[0] < external
                && all[overlapping[0]].Type is EntityType.PERSON or EntityType.ORG && all[overlapping[0]].Span.End == c.Span.End
                && (all[overlapping[0]].Span.Start == c.Span.Start || LeadingThe(text, tokens, c.Span, all[overlapping[0]].Span.Start)))
            {
                foreach (var i in overlapping) removed[i] = true;
                Add(c);
                continue;
            }
            if (overlapping.Exists(i => i < external || all[i].Type is not (EntityType.NORP or EntityType.GPE))) continue;
            foreach (var i in overlapping) removed[i] = true;
            Add(c);
        }
        // the so-called "Hisbah diwan": one capitalised word opening a quoted term after "so-called" modifies the term
        for (int i = 0; i < external; i++)
            if (!removed[i] && all[i].Type is EntityType.PERSON or EntityType.GPE or EntityType.LOC && IsSoCalledModifier(text, tokens, all[i].Span))
                removed[i] = true;
        mentions.Clear();
        for (int i = 0; i < all.Count; i++) if (!removed[i]) mentions.Add(all[i]);
        mentions.Sort((a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : b.Span.End.CompareTo(a.Span.End));
        AddBracketAcronyms(document);
    }

    /// <summary>
    /// The so-called "X term": a single capitalised word right after an opening quote that follows "so-called", with a
    /// lower-case word after it inside the quote, names a term (a department, a label), not a person or a place.
    /// </summary>
    internal static bool IsSoCalledModifier(string text, Token[] tokens, TextSpan span)
    {
        var (f, e) = TokenRange(tokens, span);
        if (e - f != 1 || f < 2 || e >= tokens.Length) return false;
        if (!IsOpeningQuote(text[tokens[f - 1].Start]) || tokens[f - 1].End - tokens[f - 1].Start != 1) return false;
        var before = text.AsSpan(tokens[f - 2].Start, tokens[f - 2].End - tokens[f - 2].Start);
        bool soCalled = before.Equals("so-called", StringComparison.OrdinalIgnoreCase)
            || before.Equals("called", StringComparison.OrdinalIgnoreCase) && f >= 4 && text.AsSpan(tokens[f - 4].Start, tokens[f - 4].End - tokens[f - 4].Start).Equals("so", StringComparison.OrdinalIgnoreCase);
        return soCalled && tokens[e].Kind == TokenKind.Word && char.IsLower(text[tokens[e].Start]);
    }

    private static bool IsOpeningQuote(char c) => c is '"' or '\u201C' or '\u2018' or '\'' or '\u00AB';

    /// <summary>
    /// Tokens [from, end) after a known organisation are a common-noun tail: lower-case words, or, in a title-case line
    /// (a headline, where capitals say nothing), words the text also writes in lower case or that are agent nouns.
    /// </summary>
    private bool CommonTail(Document document, int from, int end, ref HashSet<string>? lowerWords)
    {
        if (from >= end) return false;
        var text = document.Text;
        var tokens = document.Tokens;
        bool headline = IsTitleCaseSentence(document, document.SentenceAt(tokens[from].Start));
        for (int t = from; t < end; t++)
        {
            if (tokens[t].Kind != TokenKind.Word) return false;
            if (char.IsLower(text[tokens[t].Start])) continue;
            if (!headline) return false;
            bool agent = false;
            foreach (var h in dictionary.Lookup(Slice(text, tokens[t]))) agent |= h.Kind == PhraseKind.Agent;
            if (!agent && !IsCommonWord(text, tokens[t], ref lowerWords, tokens)) return false;
        }
        return true;
    }

    /// <summary>A headline in title case: at least four words, 70% of them capitalised.</summary>
    private static bool IsTitleCaseSentence(Document document, int sentence)
    {
        if (sentence < 0 || sentence >= document.Sentences.Length) return false;
        var text = document.Text;
        var tokens = document.Tokens;
        var s = document.Sentences[sentence];
        int words = 0, caps = 0;
        for (int t = s.FirstToken; t < s.EndToken; t++)
            if (tokens[t].Kind == TokenKind.Word) { words++; if (ActorMatcher.IsCapitalised(text, tokens[t])) caps++; }
        return words >= 4 && caps * 10 >= words * 7;
    }

    /// <summary>Tokens [first, end) that a character span touches (binary search over token offsets).</summary>
    internal static (int First, int End) TokenRange(Token[] tokens, TextSpan span)
    {
        int lo = 0, hi = tokens.Length;
        while (lo < hi) { int mid = (lo + hi) >>> 1; if (tokens[mid].End <= span.Start) lo = mid + 1; else hi = mid; }
        int first = lo;
        hi = tokens.Length;
        while (lo < hi) { int mid = (lo + hi) >>> 1; if (tokens[mid].Start < span.End) lo = mid + 1; else hi = mid; }
        return (first, Math.Max(first, lo));
    }

    /// <summary>"the Central Reconciliation Committee (CRC)": a capitalised word alone in brackets right after a mention names the same thing.</summary>
    private static void AddBracketAcronyms(Document document)
    {
        var text = document.Text;
        var tokens = document.Tokens;
        var mentions = document.Mentions;
        var byEnd = new Dictionary<int, Mention>();
        var used = new HashSet<int>();
        foreach (var m in mentions)
        {
            byEnd[m.Span.End] = m;
            var (f, e) = TokenRange(tokens, m.Span);
            for (int k = f; k < e; k++) used.Add(k);
        }
        int before0 = mentions.Count;
        for (int t = 1; t + 2 < tokens.Length; t++)
        {
            if (text[tokens[t].Start] != '(' || text[tokens[t + 2].Start] != ')' || tokens[t + 1].Kind != TokenKind.Word) continue;
            var inner = tokens[t + 1];
            var word = text.AsSpan(inner.Start, inner.End - inner.Start);
            int upper = 0;
            foreach (var c in word) if (char.IsUpper(c)) upper++;
            if (upper < 2 || upper * 2 < word.Length) continue;
            if (used.Contains(t + 1)) continue;
            if (!byEnd.TryGetValue(tokens[t - 1].End, out var antecedent) || antecedent.Type is EntityType.NORP) continue;
            mentions.Add(new Mention { Span = inner.Span, Type = antecedent.Type, Text = word.ToString(), Source = SourceName, Confidence = antecedent.Confidence });
        }
        if (mentions.Count == before0) return;
        mentions.Sort((a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : b.Span.End.CompareTo(a.Span.End));
    }

    private static readonly HashSet<string> InstitutionalAgents = new(StringComparer.Ordinal)
    { "GOV", "MIL", "REB", "COP", "SPY", "JUD", "LEG", "MED", "PTY", "OPP", "INS", "UAF", "IMG", "NGO", "BUS" };

    private static readonly HashSet<string> PlaceNouns = new(StringComparer.OrdinalIgnoreCase)
    { "capital", "city", "cities", "town", "towns", "village", "villages", "province", "provinces", "region", "regions", "territory", "territories", "border", "borders", "country", "countryside", "airport", "base", "bases", "coast", "desert", "side" };

    private static readonly HashSet<string> PeopleAgents = new(StringComparer.Ordinal)
    { "CVL", "REF", "LAB", "EDU", "REL", "AGR", "HLH", "ELI", "PPL", "CRM", "JRN", "SOC" };

    /// <summary>
    /// "Russian forces", "Syrian rebels", "Turkish troops": a demonym followed by an agent noun is one actor, coded by
    /// composition (country + agent) in linking. Institutions are ORG; groups of people (civilians, refugees) are NORP.
    /// </summary>
    private IEnumerable<Mention> Composites(Document document, ActorMatcher.Parts parts, List<PhraseMatch> matches)
    {
        var text = document.Text;
        var tokens = document.Tokens;
        var agents = ActorMatcher.Find(text, tokens, parts, dictionary, proper: false);
        var agentAt = new Dictionary<int, int>(agents.Count);
        for (int k = 0; k < agents.Count; k++) agentAt[agents[k].FirstToken] = k;
        foreach (var m in matches)
        {
            if (ActorMatcher.BestHit(dictionary, m.Node, true) is not { Kind: PhraseKind.Demonym }) continue;
            if (m.Span.End < text.Length && text[m.Span.End] == '-') continue; // "Syrian-Jordanian"
            if (!agentAt.TryGetValue(m.EndToken, out var a) || ActorMatcher.BestHit(dictionary, agents[a].Node, false) is not { } hit) continue;
            if (!char.IsLower(text[agents[a].Span.Start])) continue;
            // "the Syrian president": a single office holder, resolved by linking from the dated leader lists
            var head = text[tokens[agents[a].EndToken - 1].Start..tokens[agents[a].EndToken - 1].End];
            if (head is "president" or "premier" or "king" or "minister" or "emir" or "queen") continue;
            // "the Syrian capital", "the Turkish border": places, not actors, whatever PETRARCH's metonymy codes say
            if (PlaceNouns.Contains(head)) continue;
            // "the Lebanese militia Hezbollah": the phrase is an apposition to the name that follows
            int next = agents[a].EndToken;
            if (next < tokens.Length && ActorMatcher.IsCapitalised(text, tokens[next])) continue;
            var code = dictionary.Agents[hit.Index].Code;
            var role = code.Length >= 3 ? code[..3] : code;
            if (!InstitutionalAgents.Contains(role) && !PeopleAgents.Contains(role)) continue; // "Turkish border" (NON) is no actor
            var type = InstitutionalAgents.Contains(role) ? EntityType.ORG : EntityType.NORP;
            var span = new TextSpan(m.Span.Start, agents[a].Span.End);
            yield return new Mention { Span = span, Type = type, Text = text[span.Start..span.End], Source = SourceName, Confidence = 0.8 };
        }
    }

    private EntityType TypeOf(PhraseHit hit) => hit.Kind switch
    {
        PhraseKind.Actor => dictionary.Entries[hit.Index].Type,
        PhraseKind.Demonym => EntityType.NORP,
        _ => EntityType.GPE,
    };

    /// <summary>
    /// Capitalised runs typed by their words: an organisation word at the end (or a transliterated Arabic one at the
    /// start) makes an ORG; a kunya or title marker, a known given name, or an inner name particle (bin, al-) makes a
    /// PERSON; a run after "the town of" is a place. Title-case lines (headlines) are skipped. Confidence says how strong
    /// the evidence was (0.7 strong, 0.5 weak), so that linking can let a resolved place win over a weak person guess.
    /// </summary>
    private List<Mention> Candidates(Document document, List<PhraseMatch> matches)
    {
        var result = new List<Mention>();
        var text = document.Text;
        var tokens = document.Tokens;
        var shape = dictionary.Shape;
        HashSet<string>? lowerWords = null;
        var matchSpans = matches.Select(m => m.Span).ToHashSet();
        foreach (var sentence in document.Sentences)
        {
            int words = 0, caps = 0;
            for (int t = sentence.FirstToken; t < sentence.EndToken; t++)
                if (tokens[t].Kind == TokenKind.Word) { words++; if (ActorMatcher.IsCapitalised(text, tokens[t])) caps++; }
            if (words >= 4 && caps * 10 >= words * 7) continue; // a headline in title case
            int i = sentence.FirstToken;
            while (i < sentence.EndToken)
            {
                if (!ActorMatcher.IsCapitalised(text, tokens[i])) { i++; continue; }
                int j = i + 1;
                while (j < sentence.EndToken)
                {
                    if (ActorMatcher.IsCapitalised(text, tokens[j])) { j++; continue; }
                    if (tokens[j].Kind == TokenKind.Word && Particles.Contains(Slice(text, tokens[j])) && j + 1 < sentence.EndToken && ActorMatcher.IsCapitalised(text, tokens[j + 1])) { j += 2; continue; }
                    break;
                }
                int start = i;
                // sentence-initial function word ("The", "Sources"): drop it unless the name is "The X Observer"-like mid-sentence
                if (start == sentence.FirstToken && j - start > 1 && IsCommonWord(text, tokens[start], ref lowerWords, tokens)) start++;
                if (start == sentence.FirstToken && j - start == 1) { i = j; continue; }
                if (j - start == 1 && !IsPlaceContext(text, tokens, start)) { i = j; continue; }
                var m = Classify(document, start, j, shape, matchSpans);
                if (m is not null) result.Add(m);
                i = j;
            }
        }
        return result;
    }

    private Mention? Classify(Document document, int start, int end, NameShape shape, HashSet<TextSpan> matchSpans)
    {
        var text = document.Text;
        var tokens = document.Tokens;
        var span = new TextSpan(tokens[start].Start, tokens[end - 1].End);
        var words = new List<string>();
        for (int t = start; t < end; t++) words.AddRange(NameFolding.FoldWord(Slice(text, tokens[t])));
        if (words.Count == 0) return null;
        // a run that is exactly one dictionary name is the dictionary's business
        if (matchSpans.Contains(span)) return null;
        var last = Slice(text, tokens[end - 1]);
        var firstWord = words[0] == "the" && words.Count > 1 ? words[1] : words[0];
        EntityType? type = null;
        double conf = 0.5;
        if (NameShape.IsOrgWord(NameFolding.FoldPhrase(last)) || IsMediaWord(last) || NameShape.IsOrgWord(firstWord) && firstWord is not ("state" or "army" or "front"))
        {
            if (end - start >= 2) { type = EntityType.ORG; conf = 0.7; }
        }
        else if (NameShape.IsPersonMarker(words[0]) && words.Count >= 2) { type = EntityType.PERSON; conf = 0.7; }
        else if (shape.IsGivenName(words[0]) && end - start >= 2) { type = EntityType.PERSON; conf = 0.7; }
        else if (PlacePrefixes.Contains(words[0]) && end - start >= 2) { type = EntityType.GPE; conf = 0.4; }
        else if (end - start is >= 2 and <= 4 && HasInnerParticle(text, tokens, start, end) && words[0] != "al" && !NotNames.Contains(words[0]))
        { type = EntityType.PERSON; conf = 0.5; }
        if (type != EntityType.ORG && IsPlaceContext(text, tokens, start) && !NotPlaces.Contains(Slice(text, tokens[start])))
        {
            type = EntityType.GPE; conf = 0.4; // "the town of Jabab", "north of Daraa", "in Hama"
        }
        if (type is null) return null;
        if (type == EntityType.PERSON && end - start > 2)
        {
            // "Peter Salama Executive Director": a title after the name is not part of it
            for (int t = start + 2; t < end; t++)
            {
                var w = Slice(text, tokens[t]);
                bool title = TitleWords.Contains(w);
                foreach (var h in dictionary.Lookup(w)) title |= h.Kind == PhraseKind.Agent;
                if (title) { span = new TextSpan(span.Start, tokens[t - 1].End); break; }
            }
        }
        if (words[0] == "the" && start > 0 && tokens[start].Start == document.Sentences[document.SentenceAt(span.Start)].Start)
        {
            span = new TextSpan(tokens[start + 1].Start, span.End);
        }
        return new Mention { Span = span, Type = type.Value, Text = text[span.Start..span.End], Source = SourceName, Confidence = conf };
    }

    /// <summary>The span opens with the word "The" and the rest starts at <paramref name="rest"/>.</summary>
    private static bool LeadingThe(string text, Token[] tokens, TextSpan span, int rest)
    {
        var (f, e) = TokenRange(tokens, span);
        return e - f >= 2 && tokens[f + 1].Start == rest && text.AsSpan(tokens[f].Start, tokens[f].End - tokens[f].Start).Equals("The", StringComparison.Ordinal);
    }

    /// <summary>"the Duma neighbourhood", "the X countryside": a lower-case place noun right after the name.</summary>
    private static bool PlaceNounAfter(string text, Token[] tokens, int next) =>
        next < tokens.Length && tokens[next].Kind == TokenKind.Word && char.IsLower(text[tokens[next].Start]) && PlaceCues.Contains(Slice(text, tokens[next]));

    /// <summary>"the town of X", "north of X", "in X": the words before a capitalised run say it is a place.</summary>
    private static bool IsPlaceContext(string text, Token[] tokens, int start)
    {
        if (start < 1) return false;
        var prev = Slice(text, tokens[start - 1]);
        if (LocativePrepositions.Contains(prev)) return true;
        if (start >= 2 && prev.Equals("of", StringComparison.OrdinalIgnoreCase))
        {
            var p2 = Slice(text, tokens[start - 2]);
            return PlaceCues.Contains(p2) || Directions.Contains(p2);
        }
        return false;
    }

    private static bool HasInnerParticle(string text, Token[] tokens, int start, int end)
    {
        for (int t = start + 1; t < end; t++)
        {
            var s = Slice(text, tokens[t]);
            if (Particles.Contains(s)) return true;
            int h = s.IndexOf('-');
            if (h is > 0 and <= 3 && Particles.Contains(s[..h])) return true;
        }
        return false;
    }

    private static string Slice(string text, Token t) => text[t.Start..t.End];

    /// <summary>A sentence-initial word that also appears in lower case elsewhere in the text is a common word.</summary>
    private static bool IsCommonWord(string text, Token t, ref HashSet<string>? lowerWords, Token[] tokens)
    {
        var w = text.AsSpan(t.Start, t.End - t.Start);
        if (w.Equals("The", StringComparison.Ordinal)) return true;
        if (w.Length > 64) return false;
        if (lowerWords is null)
        {
            // the document's lower-case words, built once (one string per distinct word)
            lowerWords = new HashSet<string>(StringComparer.Ordinal);
            var lookup = lowerWords.GetAlternateLookup<ReadOnlySpan<char>>();
            foreach (var tok in tokens)
                if (tok.Kind == TokenKind.Word && char.IsLower(text[tok.Start]))
                {
                    var s = text.AsSpan(tok.Start, tok.End - tok.Start);
                    if (!lookup.Contains(s)) lookup.Add(s);
                }
        }
        Span<char> lower = stackalloc char[w.Length];
        w.ToLowerInvariant(lower);
        return lowerWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(lower);
    }
}
