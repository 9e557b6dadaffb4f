using System.Globalization;
using Dragoman.Documents;
using Dragoman.Text.Syntax;

namespace Dragoman.Geo;

/// <summary>A place mention of a sentence that may be where an event happened.</summary>
/// <param name="PlaceIndex">Index into <see cref="Document.Places"/>, or -1 for a place mention the geo stage did not resolve.</param>
/// <param name="FocusStandsIn">The article has a focus place (<see cref="EventLocator.FocusPlace"/>) that can stand in
/// for this candidate when it has no coordinates.</param>
public readonly record struct EventPlaceCandidate(TextSpan Span, int PlaceIndex, int MentionIndex, PlacePrecision? Precision, bool FocusStandsIn = false)
{
    public bool IsCountry => Precision == PlacePrecision.Country;
}

/// <summary>The place an event is located at: the candidate index (or -1 for none) and the model's probability.</summary>
public readonly record struct EventPlaceChoice(int Candidate, double Probability);

/// <summary>
/// Chooses, for an event trigger, which place mention of its sentence (or none) is where the event happened.
/// A logistic-regression model over sparse, named features of the trigger-candidate pair (token distance and side,
/// rank by distance, the preposition governing the place, the words around it, intervening verbs, clause breaks and
/// other places, the place's precision, apposition "X, Y"); trained by <see cref="EventLocatorTrainer"/> on the
/// event-location corpus. The best-scoring candidate is chosen when its probability is above the model's
/// threshold, otherwise the event gets no place. Immutable and thread-safe.
/// </summary>
public sealed class EventLocator
{
    private readonly Dictionary<string, double> _weights;
    private readonly Dictionary<string, double>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public EventLocator(IReadOnlyDictionary<string, double> weights, double threshold)
    {
        _weights = new Dictionary<string, double>(weights, StringComparer.Ordinal);
        _lookup = _weights.GetAlternateLookup<ReadOnlySpan<char>>();
        Threshold = threshold;
    }

    /// <summary>Probability above which the best candidate is taken as the event's place.</summary>
    public double Threshold { get; }

    public int FeatureCount => _weights.Count;

    public IReadOnlyDictionary<string, double> Weights => _weights;

    public const string ModelHeader = "# dragoman eventloc model v1";

    /// <summary>The model shipped in models/eventloc (copied next to the binary at build time).</summary>
    public static string BundledPath => Path.Combine(AppContext.BaseDirectory, "models", "eventloc", "eventloc.tsv");

    private static readonly Lazy<Result<EventLocator>> Bundled = new(() => Load(BundledPath));

    /// <summary>The bundled model, loaded once per process.</summary>
    public static Result<EventLocator> LoadBundled() => Bundled.Value;

    /// <summary>Reads a model file: a header line, "threshold TAB p", then "feature TAB weight" lines.</summary>
    public static Result<EventLocator> Load(string path)
    {
        if (!File.Exists(path)) return Result<EventLocator>.Fail($"event-location model not found: {path}");
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        double threshold = 0.5;
        int line = 0;
        bool header = false;
        foreach (var raw in File.ReadLines(path))
        {
            line++;
            if (line == 1) { header = raw == ModelHeader; if (!header) break; continue; }
            if (raw.Length == 0 || raw[0] == '#') continue;
            int tab = raw.LastIndexOf('\t');
            if (tab <= 0 || !double.TryParse(raw.AsSpan(tab + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var w))
                return Result<EventLocator>.Fail($"{path}:{line}: expected FEATURE<TAB>WEIGHT");
            var key = raw[..tab];
            if (key == "threshold") threshold = w;
            else weights[key] = w;
        }
        if (!header) return Result<EventLocator>.Fail($"{path}: not an event-location model (first line must be \"{ModelHeader}\")");
        if (threshold is <= 0 or >= 1) return Result<EventLocator>.Fail($"{path}: threshold must lie in (0, 1)");
        return new EventLocator(weights, threshold);
    }

    /// <summary>Writes the model in the format <see cref="Load"/> reads (features sorted, weights rounded).</summary>
    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var w = new StreamWriter(path);
        w.WriteLine(ModelHeader);
        w.WriteLine("threshold\t" + Threshold.ToString("R", CultureInfo.InvariantCulture));
        foreach (var (k, v) in _weights.OrderBy(p => p.Key, StringComparer.Ordinal))
            w.WriteLine(k + "\t" + Math.Round(v, 5).ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// The place mentions of <paramref name="s"/> an event may be located at: resolved places, then place mentions
    /// (GPE/LOC/FAC) the geo stage left unresolved; a wire dateline is never one (it says where the report was filed).
    /// </summary>
    public static List<EventPlaceCandidate> Candidates(Document d, Sentence s)
    {
        var list = new List<EventPlaceCandidate>();
        var dateline = d.Article.DatelineSpan;
        bool focus = false, focusKnown = false;
        bool Focus() { if (!focusKnown) { focus = CachedFocusPlace(d) >= 0; focusKnown = true; } return focus; }
        foreach (int i in d.PlacesBySpan.PositionsInside(s.Span))
        {
            var p = d.Places[i];
            if (dateline is { } dl && dl.Overlaps(p.Span)) continue;
            list.Add(new EventPlaceCandidate(p.Span, i, -1, p.IsResolved ? p.Precision : null, !p.IsResolved && Focus()));
        }
        foreach (int m in d.MentionsBySpan.PositionsInside(s.Span))
        {
            var x = d.Mentions[m];
            if (x.Type is not (EntityType.GPE or EntityType.LOC or EntityType.FAC)) continue;
            if (dateline is { } dl && dl.Overlaps(x.Span)) continue;
            bool covered = false;
            foreach (var c in list) if (c.Span.Overlaps(x.Span)) { covered = true; break; }
            if (!covered) list.Add(new EventPlaceCandidate(x.Span, -1, m, null, Focus()));
        }
        list.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        return list;
    }

    // the focus of each document, computed once per set of places (Candidates runs per event: without this an article
    // of many events and unresolved places would pay for every place once per event)
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Document, Tuple<int, int>> FocusCache = new();

    private static int CachedFocusPlace(Document d)
    {
        if (FocusCache.TryGetValue(d, out var hit) && hit.Item1 == d.Places.Count) return hit.Item2;
        int focus = FocusPlace(d);
        FocusCache.AddOrUpdate(d, Tuple.Create(d.Places.Count, focus));
        return focus;
    }

    /// <summary>
    /// The place an article is about, for events whose sentence names none: the resolved sub-national places
    /// (not countries, not the dateline) of the article's main country (<see cref="MainCountry"/>; all countries when
    /// it has none: "loyal to Ankara" twice in a story about Syria is no focus) are grouped by country and first-level
    /// division; when one division holds at least two mentions and more than any other, its most-mentioned place (the
    /// earliest on a tie) is the focus. Returns the index into <see cref="Document.Places"/>, or -1 when the article has
    /// no clear focus.
    /// </summary>
    public static int FocusPlace(Document d)
    {
        var dateline = d.Article.DatelineSpan;
        var main = MainCountry(d);
        var groups = new Dictionary<(string?, string?), int>();
        var names = new Dictionary<string, (int Count, int First)>(StringComparer.Ordinal);
        bool Counts(PlaceResolution p) =>
            p.IsResolved && p.Precision != PlacePrecision.Country && p.Country is not null && p.Admin1 is not null
            && !(dateline is { } dl && dl.Overlaps(p.Span)) && (main is null || p.Country == main);
        for (int i = 0; i < d.Places.Count; i++)
        {
            var p = d.Places[i];
            if (!Counts(p)) continue;
            var key = (p.Country, p.Admin1);
            groups[key] = groups.GetValueOrDefault(key) + 1;
        }
        if (groups.Count == 0) return -1;
        var ranked = groups.OrderByDescending(g => g.Value).ToList();
        if (ranked[0].Value < 2 || (ranked.Count > 1 && ranked[1].Value == ranked[0].Value)) return -1;
        var (country, admin1) = ranked[0].Key;
        for (int i = 0; i < d.Places.Count; i++)
        {
            var p = d.Places[i];
            if (!Counts(p) || p.Country != country || p.Admin1 != admin1) continue;
            var id = p.GeonameId!;
            names[id] = names.TryGetValue(id, out var x) ? (x.Count + 1, x.First) : (1, i);
        }
        var best = names.Values.OrderByDescending(v => v.Count).ThenBy(v => v.First).First();
        return best.First;
    }

    /// <summary>
    /// The country where the article's events happen: the one most of its resolved places named as places lie in
    /// (after a locative: "in Syria", "near Hassakeh"; "Turkish drones", "loyal to Ankara" and "Russia said" name a
    /// party, not where), at least twice and strictly ahead of any other; or the only country its places lie in. The
    /// dateline is left out. Null when there is no such country.
    /// </summary>
    public static string? MainCountry(Document d)
    {
        var dateline = d.Article.DatelineSpan;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in d.Places)
        {
            if (!p.IsResolved || p.Country is null || (dateline is { } dl && dl.Overlaps(p.Span))) continue;
            named.Add(p.Country);
            if (IsLocativeUse(d.Text, p.Span)) counts[p.Country] = counts.GetValueOrDefault(p.Country) + 1;
        }
        if (named.Count == 1) return named.First();
        if (counts.Count == 0) return null;
        var ranked = counts.OrderByDescending(c => c.Value).ToList();
        // one locative use among several countries is too little to say where the article is
        return ranked[0].Value >= 2 && (ranked.Count == 1 || ranked[1].Value < ranked[0].Value) ? ranked[0].Key : null;
    }

    /// <summary>
    /// The place an event inherits when its sentence names none it happened at, from the most to the least telling:
    /// the article's focus place (<see cref="FocusPlace"/>); the wire dateline's place ("COTABATO, Philippines -":
    /// where a local report was filed) when it is finer than a country and lies in the article's main country (a
    /// Beirut dateline over a story about Syria says where the bureau is); the first place finer than a country
    /// that the article names in its main country (the lede's place: reports name where they happened first); the
    /// main country itself, at one of its mentions. Returns the index into <see cref="Document.Places"/>, or -1.
    /// </summary>
    public static int ArticlePlace(Document d)
    {
        int focus = CachedFocusPlace(d);
        if (focus >= 0) return focus;
        var dateline = d.Article.DatelineSpan;
        var main = MainCountry(d);
        int datelinePlace = -1, lede = -1, country = -1;
        for (int i = 0; i < d.Places.Count; i++)
        {
            var p = d.Places[i];
            if (!p.IsResolved || p.Country is null) continue;
            bool inDateline = dateline is { } dl && dl.Overlaps(p.Span);
            if (inDateline) { if (datelinePlace < 0 && p.Precision != PlacePrecision.Country) datelinePlace = i; continue; }
            if (p.Country != main) continue;
            if (p.Precision == PlacePrecision.Country) { if (country < 0 || p.Span.Start < d.Places[country].Span.Start) country = i; }
            else if (lede < 0 || p.Span.Start < d.Places[lede].Span.Start) lede = i;
        }
        if (datelinePlace >= 0 && (main is null || d.Places[datelinePlace].Country == main)) return datelinePlace;
        return lede >= 0 ? lede : country;
    }

    private static readonly HashSet<string> LocativeWords = new(StringComparer.OrdinalIgnoreCase)
    { "in", "at", "near", "on", "into", "inside", "outside", "around", "across", "throughout", "within", "from", "toward", "towards", "of", "between" };

    /// <summary>Words that end the walk: the name is what something is done to or by ("loyal to Ankara"), not where.</summary>
    private static readonly HashSet<string> NonLocativeWords = new(StringComparer.OrdinalIgnoreCase)
    { "to", "by", "with", "for", "against", "than", "as", "that", "and", "or", "said", "says" };

    /// <summary>
    /// Whether the place at <paramref name="span"/> is named as a place: a locative preposition before it, over at most
    /// three lower-case words ("in the northern town of"). A name at a clause's start, after "to", "by" or "and", or
    /// after a capitalised word is not counted.
    /// </summary>
    internal static bool IsLocativeUse(string text, TextSpan span)
    {
        int e = span.Start;
        for (int words = 0; words < 4; words++)
        {
            while (e > 0 && text[e - 1] == ' ') e--;
            int b = e;
            while (b > 0 && (char.IsLetter(text[b - 1]) || text[b - 1] == '-')) b--;
            if (b == e) return false;
            var word = text.AsSpan(b, e - b);
            if (LocativeWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word)) return true;
            if (char.IsUpper(word[0]) || NonLocativeWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word)) return false;
            e = b;
        }
        return false;
    }

    /// <summary>
    /// The rule the pipeline used before this model (the baseline): the resolved place nearest the trigger in
    /// characters, a country only after a locative preposition and only when nothing finer is named (a country
    /// without a locative is a last resort); without resolved places, the nearest place mention.
    /// </summary>
    public static int Nearest(SentenceView v, TextSpan trigger, List<EventPlaceCandidate> c)
    {
        int best = -1, bestDist = int.MaxValue;
        for (int i = 0; i < c.Count; i++)
        {
            if (c[i].PlaceIndex < 0) continue;
            int dist = Math.Abs(c[i].Span.Start - trigger.Start);
            if (c[i].IsCountry) dist = IsLocative(v, PrepositionBefore(v, TokenAt(v, c[i].Span.Start))) ? dist + 10_000 : int.MaxValue - 1;
            if (dist < bestDist) { best = i; bestDist = dist; }
        }
        if (best >= 0) return best;
        for (int i = 0; i < c.Count; i++)
            if (best < 0 || Math.Abs(c[i].Span.Start - trigger.Start) < Math.Abs(c[best].Span.Start - trigger.Start)) best = i;
        return best;
    }

    /// <summary>Candidates weighed per event at most: real sentences name far fewer places.</summary>
    public const int MaxCandidates = 32;

    /// <summary>
    /// Where the event at token <paramref name="trigger"/> (local to the view) is located: the model's choice, or the
    /// container of a choice the gazetteer could not locate (<see cref="ContainerIfUnresolved"/>), or none.
    /// </summary>
    public EventPlaceChoice Choose(SentenceView v, int trigger, List<EventPlaceCandidate> c)
    {
        var choice = ChooseMention(v, trigger, c);
        if (choice.Candidate < 0) return choice;
        return choice with { Candidate = ContainerIfUnresolved(v, c, choice.Candidate) };
    }

    /// <summary>The model alone: the mention the event happened at, or none (what `eval eventloc` scores against its gold mentions).</summary>
    public EventPlaceChoice ChooseMention(SentenceView v, int trigger, List<EventPlaceCandidate> c)
    {
        if (c.Count == 0) return new EventPlaceChoice(-1, 0);
        if (c.Count > MaxCandidates)
        {
            // A run-on "sentence" naming a place hundreds of times (scraped lists, a text without full stops): every
            // candidate's features scan the others and the tokens between, so all of them for every event cost the cube
            // of the sentence's length (a 10 KB line took minutes). The nearest ones are the plausible places.
            int at = trigger < 0 ? 0 : v[Math.Min(trigger, v.Count - 1)].Start;
            var nearest = Enumerable.Range(0, c.Count).OrderBy(i => Math.Abs(c[i].Span.Start - at)).Take(MaxCandidates).Order().ToList();
            var chosen = ChooseMention(v, trigger, [.. nearest.Select(i => c[i])]);
            return chosen.Candidate < 0 ? chosen : chosen with { Candidate = nearest[chosen.Candidate] };
        }
        var features = new List<string>(48);
        int best = -1;
        double bestScore = double.NegativeInfinity;
        for (int i = 0; i < c.Count; i++)
        {
            features.Clear();
            Features(v, trigger, c, i, features);
            double s = Score(features);
            if (s > bestScore) { bestScore = s; best = i; }
        }
        double p = 1 / (1 + Math.Exp(-bestScore));
        return p > Threshold ? new EventPlaceChoice(best, p) : new EventPlaceChoice(-1, 1 - p);
    }

    /// <summary>
    /// A chosen place the gazetteer could not locate ("Sima, in Yatenga province", "Uror County of Jonglei state",
    /// "Murais area of Al-Dhalea province", "the Shmouka area near Hassakeh") gives way to the resolved place that the
    /// sentence names as its container or neighbour right after it: the event is then located at that coarser or
    /// nearby place, which is where it happened, rather than nowhere. The container follows within six tokens, joined
    /// by "in", "of", "near", "outside" or a comma over nouns, names and determiners only (no verb, conjunction or other
    /// relation between); a country never stands in.
    /// Without a container the result is -1 where the article has a focus place: that place, marked inherited, is a
    /// better answer than a name without coordinates (on articles-gold dev, event places within 161 km 0.549 -> 0.620);
    /// without a focus the name stays, as text.
    /// </summary>
    public static int ContainerIfUnresolved(SentenceView v, List<EventPlaceCandidate> c, int chosen)
    {
        if (chosen < 0 || c[chosen].Precision is not null) return chosen;
        int after = LastTokenOf(v, c[chosen].Span) + 1;
        for (int j = chosen + 1; j < c.Count; j++)
        {
            int start = TokenAt(v, c[j].Span.Start);
            if (start - after > 6) break;
            if (c[j].Precision is null or PlacePrecision.Country) continue;
            bool joined = false, clean = true;
            for (int k = after; k < start && clean; k++)
            {
                if (v.IsAny(k, "in", "of", ",", "near", "outside")) { joined = true; continue; }
                clean = v.TagAt(k) is Tag.Det or Tag.Noun or Tag.Proper or Tag.Poss or Tag.Prep or Tag.Of or Tag.Comma or Tag.Num
                    && !v.IsAny(k, "by", "from", "to", "and", "or");
            }
            if (joined && clean) return j;
        }
        return c[chosen].FocusStandsIn ? -1 : chosen;
    }

    /// <summary>The model's probability that candidate <paramref name="i"/> is where the event happened.</summary>
    public double Probability(SentenceView v, int trigger, List<EventPlaceCandidate> c, int i)
    {
        var features = new List<string>(48);
        Features(v, trigger, c, i, features);
        return 1 / (1 + Math.Exp(-Score(features)));
    }

    public double Score(List<string> features)
    {
        double s = 0;
        foreach (var f in features) if (_lookup.TryGetValue(f, out var w)) s += w;
        return s;
    }

    /// <summary>The token of the view that contains character <paramref name="offset"/> (or the first after it).</summary>
    public static int TokenAt(SentenceView v, int offset)
    {
        int lo = 0, hi = v.Count - 1, ans = v.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >> 1;
            if (v[mid].End > offset) { ans = mid; hi = mid - 1; }
            else lo = mid + 1;
        }
        return Math.Max(0, ans);
    }

    private static int LastTokenOf(SentenceView v, TextSpan span)
    {
        int k = TokenAt(v, span.Start);
        while (k + 1 < v.Count && v[k + 1].Start < span.End) k++;
        return k;
    }

    private static bool IsPrep(Tag t) => t is Tag.Prep or Tag.To or Tag.Of or Tag.By;

    private static bool IsLocative(SentenceView v, int k) =>
        k >= 0 && v.IsAny(k, "in", "at", "near", "on", "into", "inside", "outside", "around", "across", "throughout", "within", "from", "toward", "towards", "of");

    /// <summary>
    /// The preposition that governs the noun phrase starting at token <paramref name="k"/>: walking left over
    /// determiners, adjectives, nouns, numbers and hyphens ("in the northern town of"), the first preposition
    /// met; -1 when a verb, clause break or the sentence start comes first.
    /// </summary>
    private static int PrepositionBefore(SentenceView v, int k)
    {
        for (int j = k - 1, steps = 0; j >= 0 && steps < 6; j--, steps++)
        {
            var t = v.TagAt(j);
            if (IsPrep(t)) return j;
            if (t is Tag.Det or Tag.Noun or Tag.Num or Tag.Adv || v.Is(j, "-")) continue;
            if (t is Tag.Proper && steps > 0) continue;
            return -1;
        }
        return -1;
    }

    private static string Bucket(int d) => d switch
    {
        <= 1 => "1", 2 => "2", 3 => "3", <= 5 => "4-5", <= 8 => "6-8", <= 12 => "9-12", <= 20 => "13-20", _ => "21+",
    };

    private static string WordClass(SentenceView v, int k)
    {
        if (k < 0) return "BOS";
        if (k >= v.Count) return "EOS";
        var t = v[k];
        var w = v.Word(k);
        if (t.Kind == TokenKind.Number) return "NUM";
        if (t.Kind is TokenKind.Punctuation or TokenKind.Symbol) return w.ToString();
        if (char.IsUpper(w[0]) && v.TagAt(k) == Tag.Proper) return "CAP";
        return w.ToString().ToLowerInvariant();
    }

    private static string PrecisionName(PlacePrecision? p) => p switch
    {
        null => "unresolved",
        PlacePrecision.Country => "country",
        PlacePrecision.Region => "region",
        PlacePrecision.Near => "near",
        _ => "exact",
    };

    /// <summary>The named features of candidate <paramref name="i"/> for the trigger at token <paramref name="trigger"/>.</summary>
    public static void Features(SentenceView v, int trigger, List<EventPlaceCandidate> c, int i, List<string> f)
    {
        var cand = c[i];
        int k0 = TokenAt(v, cand.Span.Start), k1 = LastTokenOf(v, cand.Span);
        bool before = k1 < trigger;
        string side = before ? "L" : "R";
        int dist = before ? trigger - k1 : Math.Max(0, k0 - trigger);
        string prec = PrecisionName(cand.Precision);

        f.Add("bias");
        f.Add("d:" + side + Bucket(dist));
        f.Add("prec:" + prec);
        f.Add("n:" + Math.Min(c.Count, 4).ToString(CultureInfo.InvariantCulture));

        // rank by distance among all candidates and among those on the same side
        int rank = 0, sideRank = 0;
        for (int j = 0; j < c.Count; j++)
        {
            if (j == i) continue;
            int a0 = TokenAt(v, c[j].Span.Start), a1 = LastTokenOf(v, c[j].Span);
            bool jb = a1 < trigger;
            int dj = jb ? trigger - a1 : Math.Max(0, a0 - trigger);
            if (dj < dist || (dj == dist && j < i)) { rank++; if (jb == before) sideRank++; }
        }
        f.Add("rank:" + Math.Min(rank, 3).ToString(CultureInfo.InvariantCulture));
        f.Add("srank:" + side + Math.Min(sideRank, 2).ToString(CultureInfo.InvariantCulture));

        // the governing preposition and the words around the place
        int pk = PrepositionBefore(v, k0);
        string pp = pk >= 0 ? v.Word(pk).ToString().ToLowerInvariant() : "none";
        f.Add("pp:" + pp);
        f.Add("pp:" + pp + "|" + side);
        f.Add("pp:" + pp + "|" + prec);
        int pv = k0 - 1;
        if (pv >= 0 && v.IsAny(pv, "the", "a", "an")) pv--;
        string prev = WordClass(v, pv);
        f.Add("prev:" + prev);
        if (prev == "of" && pv - 1 >= 0) f.Add("of:" + WordClass(v, pv - 1));
        string next = WordClass(v, k1 + 1);
        f.Add("next:" + next);
        f.Add("next:" + next + "|" + prec);
        if (v.TagAt(k1 + 1) == Tag.Verb) f.Add("next-verb");
        if (k1 + 1 < v.Count && v.TagAt(k1 + 1) is Tag.Noun && !IsPrep(v.TagAt(k1 + 1))) f.Add("attributive|" + prec);
        if (k0 == 0) f.Add("sentence-start");
        if (v.TagAt(k0 - 1) == Tag.Poss || v.TagAt(k1 + 1) == Tag.Poss) f.Add("possessive");

        // what lies between the trigger and the place
        int from = before ? k1 + 1 : trigger + 1, to = before ? trigger : k0; // [from, to)
        int verbs = 0;
        bool comma = false, rel = false, conj = false, brk = false, said = false;
        for (int j = from; j < to; j++)
        {
            var t = v.TagAt(j);
            if (t == Tag.Verb) { verbs++; if (v.IsAny(j, "said", "says", "say", "told", "reported", "added")) said = true; }
            else if (t == Tag.Comma) comma = true;
            else if (t == Tag.Rel) rel = true;
            else if (t == Tag.Conj) conj = true;
            else if (v.IsAny(j, ";", ":", "(", ")", "\"", "“", "”", "—", "–")) brk = true;
        }
        f.Add("verbs:" + side + Math.Min(verbs, 2).ToString(CultureInfo.InvariantCulture));
        if (comma) f.Add("comma:" + side);
        if (rel) f.Add("rel:" + side);
        if (conj) f.Add("conj:" + side);
        if (brk) f.Add("break:" + side);
        if (said) f.Add("said-between");
        int between = 0;
        bool finer = false;
        for (int j = 0; j < c.Count; j++)
        {
            if (j == i) continue;
            int a0 = TokenAt(v, c[j].Span.Start), a1 = LastTokenOf(v, c[j].Span);
            if (a0 >= from && a1 < to) between++;
            if (!c[j].IsCountry && c[j].Precision is not null) finer = true;
        }
        if (between > 0) f.Add("between:" + side + Math.Min(between, 2).ToString(CultureInfo.InvariantCulture));
        if (cand.IsCountry && finer) f.Add("country-with-finer");

        // apposition "Daraa, Syria": the head is followed by a comma and another place, the tail follows one
        if (k1 + 2 < v.Count && v.TagAt(k1 + 1) == Tag.Comma)
            foreach (var o in c) if (o.Span.Start == v[k1 + 2].Start) { f.Add("appos-head"); break; }
        if (k0 - 2 >= 0 && v.TagAt(k0 - 1) == Tag.Comma)
            foreach (var o in c) if (o.Span.End == v[k0 - 2].End) { f.Add("appos-tail"); break; }

        // the trigger's own context: the preposition after it ("fled from", "arrived in") and whether it is passive
        if (!before && pk == trigger + 1) f.Add("right-after-trigger:" + pp);
        if (trigger >= 0 && trigger < v.Count) f.Add("trig:" + WordClass(v, trigger) + "|" + side + "|" + pp);
    }
}
