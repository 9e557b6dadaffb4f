using Dragoman.Documents;
using Dragoman.Pipeline;
using Dragoman.Text.Syntax;

namespace Dragoman.Attribution;

/// <summary>
/// Says who says each sentence. A sentence with a reporting cue ("said", "added", "according to", "reports" ...)
/// gets its quoted source (named, or anonymous with where they are: "sources in Daraa") and the outlet a possessive
/// names ("Alsouria Net's sources"); "the same sources" carries the previous cue's chain; then the article's own chain
/// from its credits (original outlet, then translator/publisher) is appended outward. Sentences without a cue get the
/// article chain alone (Cue null). Chain nearest first.
/// </summary>
public sealed class AttributionComponent : IDocumentComponent
{
    public string Name => "attribution";
    public Layer Requires => Layer.Tokens | Layer.Sentences;
    public Layer Provides => Layer.Attributions;

    private static readonly Tagger Tagger = new(null, PosModel.Bundled);

    /// <summary>Reporting verbs; the value says whether the speaker commits (said) or disputes (denied) or is interested (claimed).</summary>
    private static readonly HashSet<string> CueVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "said", "says", "say", "added", "adds", "reported", "reports", "claimed", "claims", "denied", "denies", "deny",
        "told", "tells", "stated", "states", "announced", "announces", "confirmed", "confirms", "noted", "explained",
        "quoted", "alleged", "alleges", "insisted", "warned", "acknowledged",
    };

    private static readonly HashSet<string> AnonymousHeads = new(StringComparer.OrdinalIgnoreCase)
    {
        "source", "sources", "official", "officials", "activist", "activists", "resident", "residents", "witness", "witnesses",
        "observers", "insiders", "informant", "informants", "correspondent", "people", "locals", "medics", "doctors", "monitor", "monitors",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> CueLookup = CueVerbs.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> AnonymousLookup = AnonymousHeads.GetAlternateLookup<ReadOnlySpan<char>>();

    public void Process(Document document)
    {
        var articleChain = ArticleChain(document.Article);
        IReadOnlyList<SourceRef>? previousCueChain = null;
        foreach (var sentence in document.Sentences)
        {
            var tags = Tagger.TagSentence(document, sentence);
            var view = new SentenceView(document.Text, document.Tokens, sentence, tags);
            var found = FindCue(view);
            if (found is null)
            {
                if (articleChain.Count > 0)
                    document.Attributions.Add(new Documents.Attribution { Scope = sentence.Span, Cue = null, Chain = articleChain });
                continue;
            }
            var (cue, source) = found.Value;
            var chain = new List<SourceRef>();
            bool carried = false;
            if (!source.IsEmpty && view.IsAny(source.Start, "the") && view.IsAny(source.Start + 1, "same") && previousCueChain is not null)
            {
                chain.AddRange(previousCueChain);
                carried = true;
            }
            else if (!source.IsEmpty && source.Length == 1 && view.TagAt(source.Start) == Tag.Pron && previousCueChain is not null)
            {
                chain.AddRange(previousCueChain); // "he said", "it added": the previous speaker
                carried = true;
            }
            else if (!source.IsEmpty)
            {
                chain.AddRange(Describe(view, source, document.Article));
            }
            if (!carried)
                foreach (var link in articleChain) AddDistinct(chain, link);
            var attribution = new Documents.Attribution { Scope = sentence.Span, Cue = view.SpanOf(cue), Chain = chain };
            document.Attributions.Add(attribution);
            if (chain.Count > 0) previousCueChain = chain;
        }
    }

    /// <summary>The article-level chain: original outlet, then translator, then publisher (distinct names).</summary>
    public static List<SourceRef> ArticleChain(Article article)
    {
        var chain = new List<SourceRef>();
        foreach (var c in article.Credits.Where(c => c.Role == CreditRole.OriginalOutlet))
            AddDistinct(chain, new SourceRef(SourceKind.Outlet, c.Name, null, c.Evidence));
        foreach (var c in article.Credits.Where(c => c.Role == CreditRole.Translator))
            AddDistinct(chain, new SourceRef(SourceKind.Translator, c.Name, null, c.Evidence));
        foreach (var c in article.Credits.Where(c => c.Role == CreditRole.Publisher))
            AddDistinct(chain, new SourceRef(SourceKind.Outlet, c.Name, null, c.Evidence));
        if (!string.IsNullOrWhiteSpace(article.Publisher))
            AddDistinct(chain, new SourceRef(SourceKind.Outlet, article.Publisher!, null, null));
        return chain;
    }

    private static void AddDistinct(List<SourceRef> chain, SourceRef link)
    {
        foreach (var c in chain)
            if (SameName(c.Name, link.Name)) return;
        chain.Add(link);
    }

    private static bool SameName(string a, string b)
    {
        static string Fold(string s) => s.StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? s[4..] : s;
        return string.Equals(Fold(a.Trim()), Fold(b.Trim()), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Finds the reporting cue and the noun phrase of its source.</summary>
    internal static (Chunk Cue, Chunk Source)? FindCue(SentenceView v)
    {
        for (int k = 0; k < v.Count; k++)
        {
            // "according to X"
            if (v.Is(k, "according") && v.Is(k + 1, "to"))
            {
                var np = v.NounPhraseStartingAt(k + 2);
                return (new Chunk(k, k + 2), ExtendWithLocation(v, np));
            }
            if (!CueLookup.Contains(v.Word(k))) continue;
            var prev = v.TagAt(k - 1);
            if (prev is Tag.Det or Tag.Poss) continue; // "the reports", "its claims": nouns
            if (v.TagAt(k + 1) == Tag.Of) continue;
            // inverted at the end: "..., said the ministry." / "... reports Alsouria Net."
            var after = v.NounPhraseStartingAt(k + 1);
            if (!after.IsEmpty && IsTimeWord(v, after.Start)) after = Chunk.None; // "a monitor said Thursday": a time, not a speaker
            if (!after.IsEmpty && (after.End >= v.Count - 1 || v.TagAt(after.End) is Tag.Punct or Tag.Comma || v.IsAny(after.End, "on", "in")) && HasNameOrSourceHead(v, after)
                && (prev is Tag.Comma or Tag.Punct || (k >= 4 && after.End >= v.Count - 1)))
                return (new Chunk(k, k + 1), after);
            // "... were also killed said observatory head Rami Abdel Rahman who ...": no subject before the cue (text without
            // commas or quotes), so the speaker follows it
            if (!after.IsEmpty && k > 0 && !v.IsNominal(k - 1) && prev is not (Tag.Pron or Tag.Rel) && HasNameOrSourceHead(v, after)
                && (after.End >= v.Count - 1 || v.TagAt(after.End) is Tag.Punct or Tag.Comma or Tag.Rel || v.IsAny(after.End, "on", "in", "who")))
                return (new Chunk(k, k + 1), after);
            var subject = SubjectOfCue(v, k);
            return (new Chunk(k, k + 1), subject);
        }
        return null;
    }

    private static readonly HashSet<string> TimeWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday", "tonight", "tomorrow",
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "last", "earlier", "later", "this",
    };

    private static bool IsTimeWord(SentenceView v, int k) => k < v.Count && TimeWords.Contains(v.Word(k).ToString());

    private static bool HasNameOrSourceHead(SentenceView v, Chunk c)
    {
        for (int i = c.Start; i < c.End; i++)
            if (v.TagAt(i) == Tag.Proper || AnonymousLookup.Contains(v.Word(i)) || v.IsAny(i, "ministry", "agency", "spokesman", "spokeswoman", "statement", "monitor", "observatory"))
                return true;
        return false;
    }

    /// <summary>The speaker before a cue verb: over a relative clause ("Sources who asked not to be named ..., said") and a location ("sources in Daraa").</summary>
    private static Chunk SubjectOfCue(SentenceView v, int k)
    {
        int j = k - 1;
        while (j >= 0 && v.TagAt(j) is Tag.Adv or Tag.Have or Tag.Do or Tag.Modal or Tag.Neg) j--;
        // a relative clause or apposition before the cue: take the noun phrase before the first "who"
        int who = -1;
        for (int i = 0; i < k; i++) if (v.IsAny(i, "who", "which")) { who = i; break; }
        if (who > 0)
        {
            int a = who - 1;
            if (v.TagAt(a) == Tag.Comma) a--;
            var np = v.NounPhraseEndingAt(a);
            if (!np.IsEmpty && (np.Start == 0 || v.TagAt(np.Start - 1) is Tag.Comma or Tag.Punct or Tag.Conj)) return np;
        }
        if (j >= 0 && v.TagAt(j) == Tag.Comma) j--;
        if (j < 0) return Chunk.None;
        if (!v.IsNominal(j)) return Chunk.None;
        var subject = v.NounPhraseEndingAt(j);
        // "the Syrian Observatory for Human Rights monitor said": "for" inside a name joins it
        while (subject.Start >= 2 && v.IsAny(subject.Start - 1, "for") && v.TagAt(subject.Start) == Tag.Proper && v.TagAt(subject.Start - 2) == Tag.Proper)
        {
            var left = v.NounPhraseEndingAt(subject.Start - 2);
            if (left.IsEmpty) break;
            subject = new Chunk(left.Start, subject.End);
        }
        // "sources in Daraa said": the location is part of the source
        if (subject.Start >= 2 && v.IsAny(subject.Start - 1, "in", "from", "inside") && v.TagAt(subject.Start) == Tag.Proper)
        {
            var head = v.NounPhraseEndingAt(subject.Start - 2);
            if (!head.IsEmpty) subject = new Chunk(head.Start, subject.End);
        }
        return subject;
    }

    private static Chunk ExtendWithLocation(SentenceView v, Chunk np)
    {
        if (np.IsEmpty) return np;
        if (v.IsAny(np.End, "in", "inside") && v.TagAt(np.End + 1) == Tag.Proper)
        {
            int e = np.End + 1;
            while (e < v.Count && v.TagAt(e) == Tag.Proper) e++;
            return new Chunk(np.Start, e);
        }
        return np;
    }

    /// <summary>Turns a source noun phrase into chain links: the speaker (anonymous or named, with location), then the outlet a possessive names.</summary>
    internal static List<SourceRef> Describe(SentenceView v, Chunk np, Article article)
    {
        var links = new List<SourceRef>();
        int poss = -1;
        for (int i = np.Start; i < np.End; i++) if (v.TagAt(i) == Tag.Poss) poss = i;
        string? location = null;
        int headEnd = np.End;
        for (int i = np.Start; i < np.End; i++)
        {
            if (v.IsAny(i, "in", "inside", "from") && v.TagAt(i + 1) == Tag.Proper)
            {
                int e = i + 1;
                while (e < np.End && v.TagAt(e) == Tag.Proper) e++;
                location = v.TextOf(new Chunk(i + 1, e));
                headEnd = i;
                break;
            }
        }
        var speaker = new Chunk(poss >= 0 ? poss + 1 : np.Start, headEnd);
        bool anonymous = false;
        for (int i = speaker.Start; i < speaker.End; i++)
            if (AnonymousLookup.Contains(v.Word(i))) anonymous = true;
        for (int i = speaker.Start; i < speaker.End && anonymous; i++)
            if (v.TagAt(i) == Tag.Proper && !(i == speaker.Start && AnonymousLookup.Contains(v.Word(i)))) anonymous = false;
        var span = v.SpanOf(np);
        if (!speaker.IsEmpty)
        {
            var name = StripDeterminer(v, speaker);
            if (anonymous)
                links.Add(new SourceRef(SourceKind.Anonymous, name, location, span));
            else
            {
                bool outlet = article.Credits.Any(c => SameName(c.Name, name)) || SameName(article.Publisher ?? "", name);
                links.Add(new SourceRef(outlet ? SourceKind.Outlet : SourceKind.Named, name, location, span));
            }
        }
        if (poss > np.Start)
        {
            var owner = StripDeterminer(v, new Chunk(np.Start, poss));
            links.Add(new SourceRef(SourceKind.Outlet, owner, null, v.SpanOf(new Chunk(np.Start, poss))));
        }
        return links;
    }

    private static string StripDeterminer(SentenceView v, Chunk c)
    {
        int s = c.Start;
        while (s < c.End - 1 && v.TagAt(s) == Tag.Det && !v.IsAny(s, "the") ) s++;
        return v.TextOf(new Chunk(s, c.End));
    }
}
