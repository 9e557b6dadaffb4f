using System.Collections.Frozen;
using Dragoman.Documents;
using Dragoman.Pipeline;
using Dragoman.Text.Syntax;

namespace Dragoman.Attribution;

/// <summary>
/// Says who says each sentence and each reported clause. A sentence with a reporting cue ("said", "added", "according to",
/// "reports" ...) gets its quoted source (named, or anonymous with where they are: "sources in Daraa") and the outlet a
/// possessive names ("Alsouria Net's sources"); "the same sources" carries the previous cue's chain; then the article's own
/// chain from its credits (original outlet, then translator/publisher) is appended outward. Sentences without a cue get the
/// article chain alone (Cue null). A sentence with several speakers also gets one attribution per reported clause (Scope =
/// the clause's content; chain = its speaker, the speakers it is nested in, then the article chain), so an event takes the
/// attribution with the smallest scope holding its trigger. Chain nearest first.
/// </summary>
public sealed partial class AttributionComponent : IDocumentComponent
{
    public string Name => "attribution";
    public Layer Requires => Layer.Tokens | Layer.Sentences;
    public Layer Provides => Layer.Attributions;

    private static readonly Tagger Tagger = new(null, PosModel.Bundled);

    /// <summary>Reporting verbs (the cue subset of the shared speech lexicon).</summary>
    private static readonly FrozenSet<string> CueVerbs = SpeechLexicon.Cues;

    private static readonly HashSet<string> AnonymousHeads = new(StringComparer.OrdinalIgnoreCase)
    {
        "source", "sources", "official", "officials", "activist", "activists", "resident", "residents", "witness", "witnesses",
        "observers", "insiders", "informant", "informants", "correspondent", "people", "locals", "medics", "doctors", "monitor", "monitors",
    };

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> CueLookup = CueVerbs.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> AnonymousLookup = AnonymousHeads.GetAlternateLookup<ReadOnlySpan<char>>();

    public void Process(Document document)
    {
        var articleChain = ArticleChain(document.Article);
        IReadOnlyList<SourceRef>? previousCueChain = null;
        var notes = new List<SentenceNote>(document.Sentences.Length);
        foreach (var sentence in document.Sentences)
        {
            var tags = Tagger.TagSentence(document, sentence);
            var view = new SentenceView(document.Text, document.Tokens, sentence, tags);
            var found = FindCue(view);
            int first = document.Attributions.Count;
            var before = previousCueChain;
            if (found is null)
            {
                if (articleChain.Count > 0)
                    document.Attributions.Add(new Documents.Attribution { Scope = sentence.Span, Cue = null, Chain = articleChain });
                // "The agency cited a witness who said troops shelled the market": only the relative clause is reported
                var own = FindClauses(view);
                if (own.Count > 0 && AddClauses(document, view, own, articleChain, previousCueChain) is { Count: > 0 } said) previousCueChain = said;
                notes.Add(new SentenceNote(first, document.Attributions.Count, HasCue: false, TellsPrevious: false, before));
                continue;
            }
            // the sentence as a whole: its first cue (the fallback for text outside every reported clause)
            var (cue, source) = found.Value;
            var (chain, carried) = SpeakerLinks(view, source, document.Article, previousCueChain);
            if (!carried)
                foreach (var link in articleChain) AddDistinct(chain, link);
            document.Attributions.Add(new Documents.Attribution { Scope = sentence.Span, Cue = view.SpanOf(cue), Chain = chain });
            var last = chain;
            // a sentence with several speakers: one attribution per reported clause
            var clauses = FindClauses(view);
            if (clauses.Count > 1 || clauses.Count == 1 && clauses[0].Cue != cue)
                last = AddClauses(document, view, clauses, articleChain, previousCueChain) ?? chain;
            if (last.Count > 0) previousCueChain = last;
            notes.Add(new SentenceNote(first, document.Attributions.Count, HasCue: true, TellsPrevious(view, cue, source), before));
        }
        AttributeQuotations(document, notes);
        AttributeToldSentences(document, notes);
    }

    /// <summary>
    /// One attribution per reported clause of a sentence with several cues: Scope = the clause's content, Chain = its speaker,
    /// then the speakers of the clauses it is nested in ("X said Y told him that Z": Z's chain is Y, X), then the article chain.
    /// Returns the chain of the sentence's last cue (what "he said" or "the same sources" in the next sentence refer to).
    /// </summary>
    private static List<SourceRef>? AddClauses(Document document, SentenceView view, List<ReportedClause> clauses,
        List<SourceRef> articleChain, IReadOnlyList<SourceRef>? previousCueChain)
    {
        // each clause's own speaker in text order ("he said", "the same sources" take the speaker before them, here or in
        // the text before, without the article links that are appended at the end anyway)
        var own = new List<SourceRef>[clauses.Count];
        IReadOnlyList<SourceRef>? previous = previousCueChain?.Where(l => !articleChain.Exists(a => SameName(a.Name, l.Name))).ToList();
        for (int i = 0; i < clauses.Count; i++)
        {
            own[i] = SpeakerLinks(view, clauses[i].Source, document.Article, previous).Links;
            if (own[i].Count > 0) previous = own[i];
        }
        // then outer clauses first, so a nested clause finds its enclosing speakers' chain already built
        var order = Enumerable.Range(0, clauses.Count).OrderByDescending(i => clauses[i].Content.Length).ThenBy(i => i).ToList();
        var near = new List<SourceRef>?[clauses.Count];
        var done = new List<int>();
        foreach (int i in order)
        {
            var c = clauses[i];
            int enclosing = -1;
            foreach (int j in done)
            {
                var o = clauses[j].Content;
                if (c.Cue.Start >= o.Start && c.Cue.Start < o.End && (enclosing < 0 || o.Length < clauses[enclosing].Content.Length)) enclosing = j;
            }
            var links = new List<SourceRef>(own[i]);
            if (enclosing >= 0)
                foreach (var link in near[enclosing]!) AddDistinct(links, link);
            near[i] = links;
            done.Add(i);
        }
        List<SourceRef>? last = null;
        for (int i = 0; i < clauses.Count; i++)
        {
            var c = clauses[i];
            var chain = new List<SourceRef>(near[i]!);
            foreach (var link in articleChain) AddDistinct(chain, link);
            if (!c.Content.IsEmpty)
                document.Attributions.Add(new Documents.Attribution { Scope = view.SpanOf(c.Content), Cue = view.SpanOf(c.Cue), Chain = chain });
            if (chain.Count > 0) last = chain;
        }
        return last;
    }

    /// <summary>The links a speaker phrase gives: "the same sources" and a pronoun carry the previous chain (carried = true).</summary>
    private static (List<SourceRef> Links, bool Carried) SpeakerLinks(SentenceView view, Chunk source, Article article, IReadOnlyList<SourceRef>? previousCueChain)
    {
        var chain = new List<SourceRef>();
        if (source.IsEmpty) return (chain, false);
        if (view.IsAny(source.Start, "the") && view.IsAny(source.Start + 1, "same") && previousCueChain is not null)
        {
            chain.AddRange(previousCueChain);
            return (chain, true);
        }
        if (source.Length == 1 && view.TagAt(source.Start) == Tag.Pron && !IsAcronym(view, source.Start) && previousCueChain is not null)
        {
            chain.AddRange(previousCueChain); // "he said", "it added": the previous speaker
            return (chain, true);
        }
        chain.AddRange(Describe(view, source, article));
        return (chain, false);
    }

    /// <summary>A reporting cue with its speaker and the reported content it governs (token ranges of the sentence).</summary>
    internal readonly record struct ReportedClause(Chunk Cue, Chunk Source, Chunk Content);

    /// <summary>
    /// The reporting cues of the sentence that head a reported clause, in order, with the stretch each governs: after the cue
    /// for a speaker before it ("X said (that) ...", "X told him that ...", "According to X, ..."), up to a contrast or an
    /// adjunct clause (", after ...", ", while ...", "; ..."), a sibling "and Y said", a later cue's content or the closing
    /// quote; before the cue for a cue that follows its content ("..., X said.", "..., said X", "..., according to X",
    /// "... X said on Monday"), back to the sentence start or a contrast. Cues that report nothing of the sentence are left
    /// out (see <see cref="IsClauseCue"/>); the sentence-wide attribution still takes its first cue from <see cref="FindCue"/>.
    /// </summary>
    internal static List<ReportedClause> FindClauses(SentenceView v)
    {
        var cues = new List<(Chunk Cue, Chunk Source)>();
        int from = 0;
        for (int k = 0; k < v.Count; k++)
        {
            if (CueAt(v, k, from, clause: true) is not { } c) continue;
            k = c.Cue.End - 1;
            from = Math.Max(c.Cue.End, c.Source.IsEmpty ? 0 : c.Source.End);
            var source = c.Source;
            // "A doctor confirmed the toll and said ...": a coordinated cue without a subject has the previous cue's speaker
            if (source.IsEmpty && cues.Count > 0 && CoordinatedCue(v, c.Cue.Start) && !cues[^1].Source.IsEmpty && cues[^1].Source.End <= cues[^1].Cue.Start)
                source = cues[^1].Source;
            if (IsClauseCue(v, c.Cue, source)) cues.Add((c.Cue, source));
        }
        // first the direction of each cue and the token its content reaches up to (backward) or starts after (forward)
        var backward = new bool[cues.Count];
        var anchor = new int[cues.Count];
        for (int i = 0; i < cues.Count; i++)
        {
            var (cue, source) = cues[i];
            bool inverted = source.Start >= cue.End; // "..., said the ministry"
            if (v.Is(cue.Start, "according"))
                backward[i] = cue.Start > ContentStart(v, 0) && !char.IsUpper(v.Word(cue.Start)[0]);
            else
                // "... which rebels say is a stronghold": a cue inside a relative clause governs the rest of that clause
                backward[i] = inverted || !IsRelative(v, cue.Start - 1) && !v.IsAny(source.Start - 1, "which", "who", "whom", "that") && !ComplementFollows(v, cue.End);
            anchor[i] = v.Is(cue.Start, "according") || inverted ? cue.Start : source.Start;
        }
        var clauses = new List<ReportedClause>(cues.Count);
        for (int i = 0; i < cues.Count; i++)
        {
            var (cue, source) = cues[i];
            Chunk content;
            if (backward[i])
            {
                int e = anchor[i];
                while (e > 0 && IsPause(v, e - 1)) e--;
                int s = ContentStart(v, LeftBoundary(v, e));
                content = e > s ? new Chunk(s, e) : Chunk.None;
            }
            else
            {
                int s = v.Is(cue.Start, "according") ? source.End : SkipObject(v, cue);
                while (s < v.Count && v.TagAt(s) == Tag.Comma) s++;
                if (v.IsAny(s, "that")) s++;
                int e = RightBoundary(v, s, cues, backward, anchor, i, leading: v.Is(cue.Start, "according") && cue.Start <= ContentStart(v, 0));
                content = e > s ? new Chunk(s, e) : Chunk.None;
            }
            if (!content.IsEmpty) clauses.Add(new ReportedClause(cue, source, content));
        }
        return clauses;
    }

    /// <summary>"... and said", "... and also told": a cue coordinated with the previous verb, sharing its subject.</summary>
    private static bool CoordinatedCue(SentenceView v, int k)
    {
        int j = k - 1;
        while (j >= 0 && v.TagAt(j) is Tag.Adv) j--;
        return v.IsAny(j, "and", "but");
    }

    /// <summary>
    /// Whether a cue heads a reported clause of its own: in lower case (a capitalised "Said" or "States" inside a sentence
    /// is a name, a capitalised "Reports" a headline word), a verb where the form is also a plural noun, with a speaker, not an infinitive ("to deny"), not
    /// negated ("did not say"), not an adjective ("48 alleged rebels"), not a passive without speaker ("were reported
    /// killed"), not "claimed the lives"; "according to" only before a source ("according to the monitor", not
    /// "according to their type").
    /// </summary>
    private static bool IsClauseCue(SentenceView v, Chunk cue, Chunk source)
    {
        int k = cue.Start;
        if (source.IsEmpty) return false;
        if (v.Is(k, "according")) return HasNameOrSourceHead(v, source) || HasReportHead(v, source);
        if (char.IsUpper(v.Word(k)[0]) && k > ContentStart(v, 0)) return false;
        // "preliminary reports on Sunday", "member states": a present form that is also a plural noun must read as a verb
        // (a past form may read as a noun when the tagger's repairs misfire: "the ministry said rebels attacked")
        if (v.TagAt(k) != Tag.Verb && v.Word(k).EndsWith('s') && !v.IsAny(k, "says")) return false;
        if (v.TagAt(k - 1) is Tag.To or Tag.Num || v.IsAny(k - 1, "to")) return false;
        for (int j = v.VerbGroupStart(k); j < k; j++)
            if (v.TagAt(j) is Tag.Neg || v.TagAt(j) == Tag.Modal) return false;
        if (source.End <= k && source.Length == 1 && v.IsAny(source.Start, "you")) return false; // "you can say"
        if (v.Word(k).StartsWith("claim", StringComparison.OrdinalIgnoreCase))
            for (int j = k + 1; j < Math.Min(v.Count, k + 6); j++)
                if (v.IsAny(j, "lives", "life", "responsibility", "toll")) return false;
        return true;
    }

    private static bool HasReportHead(SentenceView v, Chunk c)
    {
        for (int i = c.Start; i < c.End; i++)
            if (v.IsAny(i, "media", "report", "reports", "toll", "tv", "television", "figures", "data", "tally", "count", "group",
                    "sources", "network", "radio", "newspaper", "channel", "committee", "council", "commission", "organization", "organisation"))
                return true;
        return false;
    }

    private static bool IsQuote(SentenceView v, int k) => k >= 0 && k < v.Count && v.Word(k) is "\"" or "“" or "”" or "'" or "‘" or "’" or "``" or "''";

    /// <summary>A comma, dash or quote mark between content and its speaker.</summary>
    private static bool IsPause(SentenceView v, int k) => k >= 0 && k < v.Count && (v.TagAt(k) == Tag.Comma || IsQuote(v, k) || v.Word(k) is "-" or "–" or "—");

    /// <summary>The first token of content from <paramref name="s"/> on, over opening quotes and commas.</summary>
    private static int ContentStart(SentenceView v, int s)
    {
        while (s < v.Count && (IsQuote(v, s) || v.TagAt(s) == Tag.Comma)) s++;
        return s;
    }

    private static readonly string[] Contrast = ["but", "while", "whereas", "although", "though"];
    private static readonly string[] AdjunctOpeners = ["after", "as", "while", "whereas", "but", "although", "though", "when", "before", "since", "despite", "amid", "according"];

    /// <summary>Where content that ends at <paramref name="end"/> begins: after the last ';' or ', but/while ...' before it, else the sentence start.</summary>
    private static int LeftBoundary(SentenceView v, int end)
    {
        for (int k = end - 1; k > 0; k--)
        {
            if (v.Word(k) is ";") return k + 1;
            if (v.TagAt(k) == Tag.Comma && v.IsAny(k + 1, Contrast)) return k + 2;
        }
        return 0;
    }

    /// <summary>Where forward content that starts at <paramref name="s"/> ends (exclusive). A fronted "According to X,"
    /// (<paramref name="leading"/>) frames the whole sentence: an adjunct clause after it (", after the site was cleared,
    /// officers confirmed ...") is part of what X says; only a contrast ends it.</summary>
    private static int RightBoundary(SentenceView v, int s, List<(Chunk Cue, Chunk Source)> cues, bool[] backward, int[] anchor, int self, bool leading = false)
    {
        int end = v.Count;
        while (end > s && v.TagAt(end - 1) == Tag.Punct && !IsQuote(v, end - 1)) end--;
        bool quoted = s > 0 && IsQuote(v, s - 1) || IsQuote(v, s);
        if (IsQuote(v, s)) s++;
        for (int j = self + 1; j < cues.Count; j++)
        {
            var (cue, source) = cues[j];
            // a later cue that reports what precedes it ("... X said A the monitor said"): this content ends at its speaker
            if (backward[j] && anchor[j] > s)
            {
                int e = anchor[j];
                while (e > s && IsPause(v, e - 1)) e--;
                end = Math.Min(end, e);
                break;
            }
            // a sibling cue joined by "and"/"but" ("X said A and Y said B")
            int head = source.End <= cue.Start ? source.Start : cue.Start;
            if (head > s + 1 && v.IsAny(head - 1, "and", "but")) { end = Math.Min(end, v.TagAt(head - 2) == Tag.Comma ? head - 2 : head - 1); break; }
        }
        for (int k = s; k < end; k++)
        {
            if (v.Word(k) is ";") return k;
            if (quoted && k > s && IsQuote(v, k)) return k;
            if (v.TagAt(k) == Tag.Comma && v.IsAny(k + 1, leading ? Contrast : AdjunctOpeners)) return k;
        }
        return end;
    }

    /// <summary>True when a clause follows the cue ("said (that) the army ...", "told reporters that ...", "denied using ...",
    /// "said in a statement on Monday that ..."), not just its time, its place or the end.</summary>
    private static bool ComplementFollows(SentenceView v, int k)
    {
        if (k >= v.Count) return false;
        if (ThatAfterAdjuncts(v, k) > 0) return true;
        if (v.IsAny(k - 1, "told", "tells", "tell") && v.IsNominal(k))
        {
            var obj = v.NounPhraseStartingAt(k);
            if (!obj.IsEmpty) k = obj.End;
        }
        if (v.IsAny(k, "that")) return true;
        if (IsQuote(v, k) || v.Word(k) is ":") return k + 1 < v.Count && v.TagAt(k + 1) is not Tag.Punct;
        if (v.TagAt(k) == Tag.Verb && v.Word(k).EndsWith("ing", StringComparison.OrdinalIgnoreCase)) return true;
        return v.IsNominal(k) && !IsTimeWord(v, k);
    }

    /// <summary>The token after a "that" reached over the cue's object and adjuncts ("said in a statement on Monday that",
    /// "told a briefing Friday that"), else -1.</summary>
    private static int ThatAfterAdjuncts(SentenceView v, int k)
    {
        for (int j = k; j < Math.Min(v.Count, k + 10); j++)
        {
            if (v.IsAny(j, "that")) return j > k ? j + 1 : -1;
            if (v.TagAt(j) is Tag.Verb or Tag.Be or Tag.Have or Tag.Modal or Tag.Punct or Tag.Comma or Tag.Rel or Tag.Conj) return -1;
        }
        return -1;
    }

    /// <summary>The first token after a cue and its object ("told reporters (that)", "told him").</summary>
    private static int SkipObject(SentenceView v, Chunk cue)
    {
        int k = cue.End;
        if (ThatAfterAdjuncts(v, k) is > 0 and var after) return after;
        if (v.IsAny(cue.Start, "told", "tells", "tell") && v.IsNominal(k))
        {
            var obj = v.NounPhraseStartingAt(k);
            if (!obj.IsEmpty && (v.IsAny(obj.End, "that") || v.TagAt(obj.Start) == Tag.Pron)) k = obj.End;
        }
        if (k < v.Count && v.Word(k) is ":") k++;
        return k;
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

    /// <summary>Finds the reporting cue and the noun phrase of its source (the first cue of the sentence).</summary>
    internal static (Chunk Cue, Chunk Source)? FindCue(SentenceView v)
    {
        for (int k = 0; k < v.Count; k++)
            if (CueAt(v, k, 0) is { } found) return found;
        return null;
    }

    /// <summary>The reporting cue at token <paramref name="k"/> and its speaker, if the token is one; <paramref name="from"/>
    /// bounds the search for a relative clause before the speaker (the start of this cue's stretch of the sentence).</summary>
    private static (Chunk Cue, Chunk Source)? CueAt(SentenceView v, int k, int from, bool clause = false)
    {
        // "according to X"
        if (v.Is(k, "according") && v.Is(k + 1, "to"))
        {
            var np = v.NounPhraseStartingAt(k + 2);
            // "according to a statement by the National Guard": the body that issued the statement is the source
            if (!np.IsEmpty && v.IsAny(np.End - 1, "statement", "statements", "communique", "announcement") && v.IsAny(np.End, "by", "from")
                && v.NounPhraseStartingAt(np.End + 1) is { IsEmpty: false } issuer && HasNameOrSourceHead(v, issuer))
                np = issuer;
            if (Publication(v, np) is { IsEmpty: false } paper) np = paper;
            return (new Chunk(k, k + 2), ExtendWithLocation(v, np));
        }
        if (!CueLookup.Contains(v.Word(k)))
            return ReportingFrame(v, k) && SubjectOfCue(v, k, from) is { IsEmpty: false } speaker && IsSpeakerPhrase(v, speaker)
                ? (new Chunk(k, k + 1), speaker) : null;
        var prev = v.TagAt(k - 1);
        if (prev is Tag.Det or Tag.Poss) return null; // "the reports", "its claims": nouns
        // "seven alleged members", "against alleged fraud", "in reported clashes": a participle before its noun, no speaker's verb
        if (prev is Tag.Num or Tag.Prep && v.TagAt(k + 1) is Tag.Noun) return null;
        if (v.TagAt(k + 1) == Tag.Of) return null;
        // "the man who said he saw the strike was arrested": the cue is inside a noun phrase and attributes nothing
        // of the sentence ("Sources who asked not to be named, said" has its comma before the cue)
        if (IsRelative(v, k - 1)) return clause ? RelativeSpeaker(v, k) : null;
        // inverted at the end: "..., said the ministry." / "... reports Alsouria Net."
        var after = v.NounPhraseStartingAt(k + 1);
        if (v.IsAny(k, "told", "tells")) after = Chunk.None; // "... he told Reuters": who is told is the hearer, not the speaker
        if (Publication(v, after) is { IsEmpty: false } paperAfter) after = paperAfter; // "..., reports Tuesday's issue of the daily X."
        else if (!after.IsEmpty && IsTimeWord(v, after.Start)) after = Chunk.None; // "a monitor said Thursday": a time, not a speaker
        if (!after.IsEmpty && (after.End >= v.Count - 1 || v.TagAt(after.End) is Tag.Punct or Tag.Comma || IsQuote(v, after.End) || v.IsAny(after.End, "on", "in")) && HasNameOrSourceHead(v, after)
            && (prev is Tag.Comma or Tag.Punct || (k >= 4 && after.End >= v.Count - 1)))
            return (new Chunk(k, k + 1), after);
        // "..., said Upper Volta regional governor Jean de la Croix Sawadogo.": a speaker's phrase to the end that the noun
        // phrase chunker cuts at a lowercase particle inside a name
        if (!v.IsAny(k, "told", "tells") && (prev is Tag.Comma or Tag.Punct || IsQuote(v, k - 1)) && SpeakerToEnd(v, k + 1) is { IsEmpty: false } rest)
            return (new Chunk(k, k + 1), rest);
        // "... were also killed said observatory head Rami Abdel Rahman who ...": no subject before the cue (text without
        // commas or quotes), so the speaker follows it
        if (!after.IsEmpty && k > 0 && !v.IsNominal(k - 1) && prev is not (Tag.Pron or Tag.Rel) && HasNameOrSourceHead(v, after)
            && (after.End >= v.Count - 1 || v.TagAt(after.End) is Tag.Punct or Tag.Comma or Tag.Rel || v.IsAny(after.End, "on", "in", "who")))
            return (new Chunk(k, k + 1), after);
        var subject = SubjectOfCue(v, k, from);
        return (new Chunk(k, k + 1), subject);
    }

    /// <summary>
    /// A verb outside the cue lexicon in the frame of a report: a finite verb straight before a complement clause ("indicate
    /// that the army ...", "revealed that two men were ..."): "that", then a subject and a verb within eight tokens. The frame,
    /// not the word, makes it a cue (VerbNet's say-37.7 and FactBank's source-introducing predicates are such verbs; so are
    /// "indicate", "show", "reveal", "stress" that no list here names); the caller still wants a speaker's phrase before it.
    /// Not a stance or aspect verb ("hope that", "expect that": the modality rules read those), not an infinitive, a noun
    /// after a determiner, a participle after a relative or a negated or modal verb group, not a mandative complement
    /// ("demanded that he be freed", "ordered that they should leave": what is wanted is not what is said to have happened).
    /// Known limit: a causative ("ensured that the road stayed closed") has the same frame and passes.
    /// </summary>
    internal static bool ReportingFrame(SentenceView v, int k)
    {
        if (v.TagAt(k) != Tag.Verb || !char.IsLower(v.Word(k)[0]) || !v.IsAny(k + 1, "that")) return false;
        if (v.Word(k).EndsWith("ing", StringComparison.OrdinalIgnoreCase) || SpeechLexicon.Framing.Contains(v.Word(k).ToString())) return false;
        if (v.TagAt(k - 1) is Tag.To or Tag.Det or Tag.Poss or Tag.Rel || v.IsAny(k - 1, "to")) return false;
        for (int g = v.VerbGroupStart(k); g < k; g++)
            if (v.TagAt(g) is Tag.Neg or Tag.Modal) return false;
        // "that" opens a clause: its subject (with up to two of-/in-phrases), then straight its verb group; a demonstrative
        // ("attacked that village and burned ...") has no verb right after its noun phrase
        var subject = v.NounPhraseStartingAt(k + 2);
        if (subject.IsEmpty) return false;
        int j = subject.End;
        for (int hop = 0; hop < 2 && v.TagAt(j) is Tag.Prep or Tag.Of && v.NounPhraseStartingAt(j + 1) is { IsEmpty: false } more; hop++) j = more.End;
        while (v.TagAt(j) == Tag.Adv) j++;
        if (v.IsAny(j, "should", "be")) return false;
        return v.TagAt(j) is Tag.Verb or Tag.Be or Tag.Have or Tag.Modal or Tag.Do;
    }

    /// <summary>A phrase that can say something: a name, an anonymous source's head, a report or body ("reports from X",
    /// "the council"), or a personal pronoun ("she indicated that"); not "it" or "this" ("it means that").</summary>
    private static bool IsSpeakerPhrase(SentenceView v, Chunk c) =>
        HasNameOrSourceHead(v, c) || HasReportHead(v, c) || c.Length == 1 && v.IsAny(c.Start, "he", "she", "they", "we", "i");

    /// <summary>
    /// The rest of the sentence from <paramref name="s"/> when it is one speaker's phrase: up to twelve nominal words (names,
    /// titles, "of") with a name among them, a lowercase word only between two capitalised ones ("du", "bin", "de la"), no
    /// verb, comma or time word; else none.
    /// </summary>
    private static Chunk SpeakerToEnd(SentenceView v, int s)
    {
        int end = v.Count;
        while (end > s && (v.TagAt(end - 1) == Tag.Punct || IsQuote(v, end - 1))) end--;
        if (end <= s || end - s > 12 || IsTimeWord(v, s) || !char.IsUpper(v.Word(s)[0]) && v.TagAt(s) != Tag.Det) return Chunk.None;
        bool name = false;
        for (int i = s; i < end; i++)
        {
            if (IsTimeWord(v, i)) return Chunk.None;
            if (v.TagAt(i) == Tag.Proper) { name = true; continue; }
            if (v.TagAt(i) is Tag.Noun or Tag.Det or Tag.Of or Tag.Poss) continue;
            // a particle inside a name: lowercase, between a capitalised word and the next capitalised word
            int next = i + 1;
            while (next < end && char.IsLower(v.Word(next)[0]) && next - i < 2) next++;
            if (i > s && char.IsUpper(v.Word(i - 1)[0]) && next < end && char.IsUpper(v.Word(next)[0])) continue;
            return Chunk.None;
        }
        return name ? new Chunk(s, end) : Chunk.None;
    }

    /// <summary>
    /// "cited a witness who said troops shelled the market": a cue in a relative clause on a noun phrase after the verb has
    /// that noun phrase as its speaker and governs the rest of the sentence; on the sentence's subject ("The man who said
    /// he saw the strike was arrested") the main verb follows somewhere unknown, so there is no clause.
    /// </summary>
    private static (Chunk Cue, Chunk Source)? RelativeSpeaker(SentenceView v, int k)
    {
        int a = k - 2;
        if (v.TagAt(a) == Tag.Comma) a--;
        var antecedent = v.NounPhraseEndingAt(a);
        if (antecedent.IsEmpty || antecedent.Start <= ContentStart(v, 0)) return null;
        return (new Chunk(k, k + 1), antecedent);
    }

    /// <summary>A word in capitals ("WHO", "US"): a name even where it spells a function word.</summary>
    private static bool IsAcronym(SentenceView v, int k) => v.Word(k).Length >= 2 && !v.Word(k).ContainsAnyExceptInRange('A', 'Z');

    /// <summary>A relative pronoun in lower case ("who", "which"; "WHO" is the World Health Organization).</summary>
    private static bool IsRelative(SentenceView v, int k) => k >= 0 && v.Word(k) is "who" or "which";

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
    private static Chunk SubjectOfCue(SentenceView v, int k, int from)
    {
        int j = k - 1;
        while (j >= 0 && v.TagAt(j) is Tag.Adv or Tag.Have or Tag.Do or Tag.Modal or Tag.Neg) j--;
        // "Activists, however, say", "state media have, however, said": a parenthetical adverb between commas
        if (j >= 3 && v.TagAt(j) == Tag.Comma && v.TagAt(j - 1) == Tag.Adv && v.TagAt(j - 2) == Tag.Comma)
        {
            j -= 3;
            while (j >= 0 && v.TagAt(j) is Tag.Adv or Tag.Have or Tag.Do or Tag.Modal or Tag.Neg) j--;
        }
        // a relative clause or apposition before the cue: take the noun phrase before the first "who"
        int who = -1;
        for (int i = from; i < k; i++) if (IsRelative(v, i)) { who = i; break; }
        if (who > 0)
        {
            int a = who - 1;
            if (v.TagAt(a) == Tag.Comma) a--;
            var np = v.NounPhraseEndingAt(a);
            if (!np.IsEmpty && np.Start >= from && (np.Start == 0 || v.TagAt(np.Start - 1) is Tag.Comma or Tag.Punct or Tag.Conj)) return np;
        }
        if (j >= 0 && v.TagAt(j) == Tag.Comma) j--;
        // "the ministry on Monday said", "Kataib Hezbollah on Monday denied": a time adjunct between the speaker and the cue says when, not who
        if (j >= 2 && v.IsTemporal(j) && v.NounPhraseEndingAt(j) is { IsEmpty: false } when && when.Start >= 2 && v.TagAt(when.Start - 1) == Tag.Prep && v.IsNominal(when.Start - 2))
            j = when.Start - 2;
        if (j < 0) return Chunk.None;
        // "WHO said", "US says": an acronym the closed-class lexicon reads as a pronoun is a name
        if (v.TagAt(j) is Tag.Rel or Tag.Pron && IsAcronym(v, j)) return new Chunk(j, j + 1);
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
        // "a source at Aleppo Police Command told SANA": an anonymous source with where they are
        else if (subject.Start >= 2 && v.IsAny(subject.Start - 1, "at") && (v.TagAt(subject.Start) == Tag.Proper || v.IsAny(subject.Start, "the") && v.TagAt(subject.Start + 1) == Tag.Proper))
        {
            var head = v.NounPhraseEndingAt(subject.Start - 2);
            if (!head.IsEmpty && AnonymousLookup.Contains(v.Word(head.End - 1))) subject = new Chunk(head.Start, subject.End);
        }
        // "a pro-democracy lawyers' group said": a plural possessive's owner is part of the speaker (the chunker stops at the apostrophe)
        if (subject.Start >= 2 && v.Word(subject.Start - 1) is "'" or "’" && v.Word(subject.Start - 2).EndsWith('s') && v.IsNominal(subject.Start - 2)
            && v.NounPhraseEndingAt(subject.Start - 2) is { IsEmpty: false } owner && owner.Start >= from)
            subject = new Chunk(owner.Start, subject.End);
        // "Karim Oumarou, the governor of the district, told AFP": the name before an apposition is the speaker
        if (subject.Start >= 2 && v.TagAt(subject.Start) == Tag.Det && v.TagAt(subject.Start - 1) == Tag.Comma
            && v.NounPhraseEndingAt(subject.Start - 2) is { IsEmpty: false } name && name.Start >= from && IsProperName(v, name)
            && (name.Start == ContentStart(v, 0) || v.TagAt(name.Start - 1) is Tag.Comma or Tag.Punct))
            return name;
        return subject;
    }

    /// <summary>
    /// "a report in Tuesday's issue of the weekly "Savana"", "reports from Radio X": the named publication a report, an issue
    /// or an edition comes from (over "in", "of", "by", "from" and a title's quotes), else none.
    /// </summary>
    private static Chunk Publication(SentenceView v, Chunk np)
    {
        if (np.IsEmpty) return Chunk.None;
        // the chunker joins "of": "Tuesday's issue of the weekly" is one phrase, so the report word may sit inside it
        int head = np.Start;
        while (head < np.End && !v.IsAny(head, "report", "reports", "issue", "edition")) head++;
        if (head == np.End) return Chunk.None;
        var at = new Chunk(np.Start, head + 1);
        for (int hop = 0; hop < 4 && v.IsAny(at.End, "in", "of", "by", "from"); hop++)
        {
            int k = at.End + 1;
            while (IsQuote(v, k)) k++;
            var next = v.NounPhraseStartingAt(k);
            if (next.IsEmpty) break;
            at = next;
            // a quoted title after its kind: the newssheet "Mediafax"
            if (IsQuote(v, at.End) && v.TagAt(at.End + 1) == Tag.Proper && v.NounPhraseStartingAt(at.End + 1) is { IsEmpty: false } title) { at = title; break; }
        }
        return at.Start != np.Start && HasProper(v, at) ? at : Chunk.None;
    }

    private static bool HasProper(SentenceView v, Chunk c)
    {
        for (int i = c.Start; i < c.End; i++)
            if (v.TagAt(i) == Tag.Proper) return true;
        return false;
    }

    /// <summary>A noun phrase of capitalised names only ("Karim Oumarou").</summary>
    private static bool IsProperName(SentenceView v, Chunk c)
    {
        for (int i = c.Start; i < c.End; i++)
            if (v.TagAt(i) != Tag.Proper) return false;
        return true;
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
            if (v.IsAny(i, "in", "inside", "from", "at") && v.TagAt(i + 1) == Tag.Proper
                || v.IsAny(i, "at") && v.IsAny(i + 1, "the") && v.TagAt(i + 2) == Tag.Proper)
            {
                int e = v.IsAny(i + 1, "the") ? i + 2 : i + 1;
                while (e < np.End && v.TagAt(e) == Tag.Proper) e++;
                location = v.TextOf(new Chunk(v.IsAny(i + 1, "the") ? i + 2 : i + 1, e));
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
