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

    private static readonly HashSet<string> TitleWords = new(StringComparer.OrdinalIgnoreCase)
    { "Executive", "Director", "Minister", "Spokesman", "Spokeswoman", "President", "Commander", "General", "Chief", "Secretary", "Envoy", "Ambassador", "Head", "Leader", "Chairman", "Governor" };

    /// <summary>Folded first words of Arabic place names: Bab (gate), Jisr (bridge), Deir, Tal, Ain, Kafr, Jabal, Wadi ...</summary>
    private static readonly HashSet<string> PlacePrefixes = new(new[]
    {
        "bab", "jisr", "deir", "dayr", "tal", "tel", "tell", "ain", "ayn", "kafr", "kfar", "jabal", "jebel", "wadi", "ras",
        "beit", "bayt", "khan", "suq", "souq", "madinat", "hayy", "qasr", "bir", "marj", "bustan", "maarat", "maaret",
        "madhamiyat", "muadamiyat", "arbin", "saqba", "jobar", "qalaat", "qalat", "mazraat", "tall", "jarabulus",
    }.Select(NameFolding.FoldPhrase), StringComparer.Ordinal);

    private static readonly HashSet<string> NotNames = new(new[] { "eid", "ramadan", "ashura", "mawlid", "hajj" }.Select(NameFolding.FoldPhrase), StringComparer.Ordinal);

    private static readonly HashSet<string> MediaWords = new(StringComparer.OrdinalIgnoreCase)
    { "net", "news", "observer", "times", "post", "press", "radio", "tv", "agency", "herald", "journal", "gazette", "tribune", "monitor", "channel", "media", "daily", "online", "network", "telegraph", "guardian", "independent", "review", "voice" };

    public static bool IsMediaWord(string w) => MediaWords.Contains(w);

    public void Process(Document document)
    {
        var text = document.Text;
        var tokens = document.Tokens;
        var parts = ActorMatcher.Prepare(text, tokens, dictionary);
        var matches = ActorMatcher.Find(text, tokens, parts, dictionary, proper: true);
        var mentions = document.Mentions;
        var covered = new bool[tokens.Length];
        foreach (var m in mentions) MarkCovered(tokens, covered, m.Span);
        var candidates = Candidates(document, matches);
        candidates.AddRange(Composites(document, parts, matches));

        foreach (var m in matches)
        {
            if (ActorMatcher.BestHit(dictionary, m.Node, true) is not { } hit) continue;
            if (candidates.Exists(c => c.Span.Contains(m.Span) && c.Span != m.Span && hit.Kind is PhraseKind.Demonym or PhraseKind.Country or PhraseKind.Capital))
                continue; // "The Syrian Observer": the outlet's name contains the demonym
            if (hit.Kind == PhraseKind.Actor && dictionary.Entries[hit.Index].Type == EntityType.PERSON
                && candidates.Exists(c => c.Type == EntityType.PERSON && c.Confidence >= 0.7 && c.Span.Contains(m.Span) && c.Span.Start < m.Span.Start))
                continue; // "Maher al-Assad": a given name before a dictionary surname names someone else
            var type = TypeOf(hit);
            int same = mentions.FindIndex(x => x.Span == m.Span);
            if (same >= 0)
            {
                if (hit.Kind != PhraseKind.Demonym) mentions[same].Type = type;
                continue;
            }
            if (mentions.Exists(x => x.Span.Overlaps(m.Span) && !m.Span.Contains(x.Span))) continue;
            mentions.RemoveAll(x => m.Span.Contains(x.Span) && x.Source != SourceName);
            mentions.Add(new Mention
            {
                Span = m.Span, Type = type, Text = text[m.Span.Start..m.Span.End], Source = SourceName,
                Confidence = hit.Kind == PhraseKind.Actor && dictionary.Entries[hit.Index].Source == ActorSource.Supplement ? 0.95 : 0.85,
            });
            MarkCovered(tokens, covered, m.Span);
        }
        foreach (var c in candidates)
        {
            if (mentions.Exists(x => x.Span.Overlaps(c.Span) && !c.Span.Contains(x.Span))) continue;
            if (mentions.Exists(x => c.Span.Contains(x.Span) && (x.Source != SourceName || x.Type is not (EntityType.NORP or EntityType.GPE)))) continue;
            mentions.RemoveAll(x => c.Span.Contains(x.Span));
            mentions.Add(c);
        }
        mentions.Sort((a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : b.Span.End.CompareTo(a.Span.End));
        AddBracketAcronyms(document);
    }

    /// <summary>"the Central Reconciliation Committee (CRC)": a capitalised word alone in brackets right after a mention names the same thing.</summary>
    private static void AddBracketAcronyms(Document document)
    {
        var text = document.Text;
        var tokens = document.Tokens;
        var mentions = document.Mentions;
        for (int t = 1; t + 2 < tokens.Length; t++)
        {
            if (text[tokens[t].Start] != '(' || text[tokens[t + 2].Start] != ')' || tokens[t + 1].Kind != TokenKind.Word) continue;
            var inner = tokens[t + 1];
            var word = text.AsSpan(inner.Start, inner.End - inner.Start);
            int upper = 0;
            foreach (var c in word) if (char.IsUpper(c)) upper++;
            if (upper < 2 || upper * 2 < word.Length) continue;
            if (mentions.Exists(m => m.Span.Overlaps(inner.Span))) continue;
            int before = tokens[t - 1].End;
            var antecedent = mentions.FindLast(m => m.Span.End == before);
            if (antecedent is null || antecedent.Type is EntityType.NORP) continue;
            mentions.Add(new Mention { Span = inner.Span, Type = antecedent.Type, Text = word.ToString(), Source = SourceName, Confidence = antecedent.Confidence });
        }
        mentions.Sort((a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : b.Span.End.CompareTo(a.Span.End));
    }

    private static readonly HashSet<string> InstitutionalAgents = new(StringComparer.Ordinal)
    { "GOV", "MIL", "REB", "COP", "SPY", "JUD", "LEG", "MED", "PTY", "OPP", "INS", "UAF", "IMG", "NGO", "BUS" };

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
        foreach (var m in matches)
        {
            if (ActorMatcher.BestHit(dictionary, m.Node, true) is not { Kind: PhraseKind.Demonym }) continue;
            if (m.Span.End < text.Length && text[m.Span.End] == '-') continue; // "Syrian-Jordanian"
            int a = agents.FindIndex(x => x.FirstToken == m.EndToken);
            if (a < 0 || ActorMatcher.BestHit(dictionary, agents[a].Node, false) is not { } hit) continue;
            if (!char.IsLower(text[agents[a].Span.Start])) continue;
            // "the Syrian president": a single office holder, resolved by linking from the dated leader lists
            var head = text[tokens[agents[a].EndToken - 1].Start..tokens[agents[a].EndToken - 1].End];
            if (head is "president" or "premier" or "king" or "minister" or "emir" or "queen") continue;
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

    private static void MarkCovered(Token[] tokens, bool[] covered, TextSpan span)
    {
        for (int i = 0; i < tokens.Length; i++)
            if (span.Overlaps(tokens[i].Span)) covered[i] = true;
    }

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
                if (start == sentence.FirstToken && j - start > 1 && IsCommonWord(text, tokens[start])) start++;
                if (start == sentence.FirstToken && j - start == 1) { i = j; continue; }
                if (j - start == 1 && !IsPlaceContext(text, tokens, start)) { i = j; continue; }
                var m = Classify(document, start, j, shape, matches);
                if (m is not null) result.Add(m);
                i = j;
            }
        }
        return result;
    }

    private Mention? Classify(Document document, int start, int end, NameShape shape, List<PhraseMatch> matches)
    {
        var text = document.Text;
        var tokens = document.Tokens;
        var span = new TextSpan(tokens[start].Start, tokens[end - 1].End);
        var words = new List<string>();
        for (int t = start; t < end; t++) words.AddRange(NameFolding.FoldWord(Slice(text, tokens[t])));
        if (words.Count == 0) return null;
        // a run that is exactly one dictionary name is the dictionary's business
        if (matches.Exists(m => m.Span == span)) return null;
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
    private static bool IsCommonWord(string text, Token t)
    {
        var w = text.AsSpan(t.Start, t.End - t.Start);
        if (w.Length <= 3 && w.Equals("The", StringComparison.Ordinal)) return true;
        Span<char> lower = stackalloc char[Math.Min(w.Length, 64)];
        if (w.Length > 64) return false;
        w.ToLowerInvariant(lower);
        int idx = 0;
        while ((idx = text.AsSpan(idx).IndexOf(lower, StringComparison.Ordinal) is var k && k >= 0 ? idx + k : -1) >= 0)
        {
            bool left = idx == 0 || !char.IsLetter(text[idx - 1]);
            bool right = idx + lower.Length >= text.Length || !char.IsLetter(text[idx + lower.Length]);
            if (left && right) return true;
            idx += lower.Length;
        }
        return false;
    }
}
