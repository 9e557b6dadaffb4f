using Dragoman.Documents;
using Dragoman.Pipeline;

namespace Dragoman.Geo;

/// <summary>
/// The last resort for a village the gazetteer lacks and no container phrase locates: where the text marks it as a
/// place ("in X", "the village of X", "X district", "X area"), it stands in the first-level division that holds most
/// of the article's other places finer than a country, at those places' median point, with precision <c>region</c>
/// and relation <c>area of the report</c>, as ACLED codes a village it cannot find at the larger area the report is
/// about (geo_precision 3). Only where that division holds at least <see cref="MinPlaces"/> of them and at least half:
/// a story spread over several divisions says nothing of where its unknown village lies. Never a far candidate: the
/// point is built only from the article's own resolved places, so it stays in the story's area. The container check:
/// the division must lie in the country the article's events happen in (<see cref="EventLocator.MainCountry"/>); where
/// it does not, the village stands in that country, with precision <c>country</c>, rather than in a province abroad.
/// </summary>
public static class StoryArea
{
    /// <summary>The article's places finer than a country that must lie in the division (other names than the village's).</summary>
    public const int MinPlaces = 2;

    /// <summary>The share of those places the division must hold.</summary>
    public const double MinShare = 0.5;

    /// <summary>
    /// The probability that such a stand-in lies within 161 km of the village: the rate measured on articles-gold's
    /// development part (32 of 47 gold places this rule located, 2026-12-07; docs/benchmarks.md, geo20). Above the
    /// confidence model's threshold (0.5), well below a resolved town's.
    /// </summary>
    public const double Confidence = 0.68;

    /// <summary>
    /// The probability that a village standing in its whole country lies within 161 km of the country's point: low by
    /// construction (one such stand-in on articles-gold dev, 186 km off before as a province, ~800 km as the country).
    /// </summary>
    public const double CountryConfidence = 0.2;

    public const string Relation = "area of the report";

    /// <summary>The id prefix of a stand-in's place: the story's area, inferred from the other places, not the sentence's own.</summary>
    public const string IdPrefix = "area:";

    /// <summary>Whether a stored place id is a stand-in's (see <see cref="IdPrefix"/>).</summary>
    public static bool IsStandIn(string? geonameId) => geonameId is not null && geonameId.StartsWith(IdPrefix, StringComparison.Ordinal);

    /// <summary>The bundled list of nouns that call the name next to them a settlement or small area (data/gazetteer/place-nouns.txt).</summary>
    public static string BundledPlaceNounsPath => Path.Combine(PipelineResources.BundledDataDir, "gazetteer", "place-nouns.txt");

    /// <summary>Nouns that call the name next to them a settlement or small area ("X village", "the village of X"); the list file's format is NameNouns'.</summary>
    private static readonly Lazy<HashSet<string>> PlaceNouns = new(() => NameNouns.Load(BundledPlaceNounsPath));

    /// <summary>Words before a name that say it is where something happened.</summary>
    private static readonly HashSet<string> Locatives = new(StringComparer.OrdinalIgnoreCase) { "in", "at", "near", "outside" };

    /// <summary>
    /// Locates the document's places still left as text that the text marks as places; returns how many. Computes every
    /// stand-in first, then applies them (a stand-in never counts toward another's area, so the order does not matter).
    /// </summary>
    public static int Locate(Document document)
    {
        var places = document.Places;
        if (!places.Exists(p => !p.IsResolved)) return 0;
        var text = document.Text;
        var found = new List<(int Index, PlaceResolution StandIn)>();
        string? main = null;
        bool mainKnown = false;
        for (int u = 0; u < places.Count; u++)
        {
            var self = places[u];
            // beside its own marks, the phrases that make a recogniser's name a place ("north of X", "in A, B and X")
            if (self.IsResolved || !MarkedAsPlace(text, self) && !PlaceEvidence.PhraseCallsPlace(document, self.Span, _ => false)) continue;
            if (Area(places, self.Text) is not { } area) continue;
            if (!mainKnown) { main = EventLocator.MainCountry(document); mainKnown = true; }
            // the container check: the division must lie in the country the article's events happen in; a division of
            // another country ("the Sahel region" of Burkina Faso in a story about Niger) says the village is not there
            if (main is not null && area.Country != main)
            {
                if (CountryStandIn(places, self, main) is { } whole) found.Add((u, whole));
                continue;
            }
            found.Add((u, new PlaceResolution
            {
                Span = self.Span,
                Text = self.Text,
                GeonameId = $"{IdPrefix}{area.Country}:{area.Admin1}",
                Name = area.Admin1,
                Lat = Math.Round(area.Lat, 5),
                Lon = Math.Round(area.Lon, 5),
                Country = area.Country,
                Admin1 = area.Admin1,
                Feature = "A.ADM1",
                Precision = PlacePrecision.Region,
                Confidence = Confidence,
                Relation = Relation,
                Candidates = self.Candidates,
            }));
        }
        foreach (var (u, standIn) in found) places[u] = standIn;
        return found.Count;
    }

    /// <summary>
    /// Where the story's division lies in another country than the article's events: the village stands in that main
    /// country, at the point of its mention in the article, with precision <c>country</c>, which is all the text says
    /// of where it is (a wrong province would claim more). Null when the article does not resolve the country's name.
    /// </summary>
    private static PlaceResolution? CountryStandIn(IReadOnlyList<PlaceResolution> places, PlaceResolution self, string main)
    {
        var country = places.FirstOrDefault(p => p.IsResolved && p.Country == main && p.Precision == PlacePrecision.Country
            && (p.Feature ?? "").StartsWith("A.PCL", StringComparison.Ordinal) && p.Relation != Relation);
        if (country is null || country.Lat is not { } lat || country.Lon is not { } lon) return null;
        return new PlaceResolution
        {
            Span = self.Span,
            Text = self.Text,
            GeonameId = $"{IdPrefix}{main}",
            Name = country.Name,
            Lat = lat,
            Lon = lon,
            Country = main,
            Feature = country.Feature,
            Precision = PlacePrecision.Country,
            Confidence = CountryConfidence,
            Relation = Relation,
            Candidates = self.Candidates,
        };
    }

    /// <summary>
    /// The division that holds most of the resolved places finer than a country (not this name's own, not stand-ins of
    /// this rule, not roads), with its places' median point; null when it holds too few or under half of them.
    /// </summary>
    internal static (string Country, string Admin1, double Lat, double Lon)? Area(IReadOnlyList<PlaceResolution> places, string selfText)
    {
        var groups = new Dictionary<(string, string), List<(double Lat, double Lon)>>();
        int total = 0;
        foreach (var p in places)
        {
            if (!p.IsResolved || p.Lat is not { } lat || p.Lon is not { } lon || p.Country is null || p.Admin1 is null) continue;
            if (p.Precision == PlacePrecision.Country || (p.Feature ?? "").StartsWith("A.PCL", StringComparison.Ordinal) || p.Feature == "RD") continue;
            if (p.Relation == Relation || string.Equals(p.Text, selfText, StringComparison.OrdinalIgnoreCase)) continue;
            var key = (p.Country, p.Admin1);
            if (!groups.TryGetValue(key, out var l)) groups[key] = l = [];
            l.Add((lat, lon));
            total++;
        }
        if (total == 0) return null;
        var best = groups.MaxBy(g => g.Value.Count);
        if (best.Value.Count < MinPlaces || best.Value.Count < MinShare * total) return null;
        return (best.Key.Item1, best.Key.Item2, Median(best.Value.Select(x => x.Lat)), Median(best.Value.Select(x => x.Lon)));
    }

    private static double Median(IEnumerable<double> values)
    {
        var v = values.Order().ToArray();
        return v[v.Length / 2];
    }

    /// <summary>Whether the words around the mention call it a place: a locative before, or a settlement or area noun beside it.</summary>
    internal static bool MarkedAsPlace(string text, PlaceResolution p)
    {
        var before = WordsBefore(text, p.Span.Start, 2);
        string? prev = before.Count > 0 ? before[^1] : null, prev2 = before.Count > 1 ? before[^2] : null;
        if (prev is not null && Locatives.Contains(prev)) return true;
        if (prev is "the" or "The" && prev2 is not null && Locatives.Contains(prev2)) return true;
        if (prev == "of" && prev2 is not null && PlaceNouns.Value.Contains(prev2)) return true;
        int sp = p.Text.LastIndexOf(' ');
        if (sp > 0 && PlaceNouns.Value.Contains(p.Text[(sp + 1)..])) return true;
        return WordAfter(text, p.Span.End) is { } next && PlaceNouns.Value.Contains(next);
    }

    private static List<string> WordsBefore(string text, int pos, int n)
    {
        var words = new List<string>();
        int i = pos;
        while (words.Count < n)
        {
            while (i > 0 && text[i - 1] == ' ') i--;
            int e = i;
            while (i > 0 && (char.IsLetter(text[i - 1]) || text[i - 1] == '-')) i--;
            if (i == e) break; // punctuation or a line break ends the phrase
            words.Insert(0, text[i..e]);
        }
        return words;
    }

    private static string? WordAfter(string text, int pos)
    {
        int i = pos;
        while (i < text.Length && text[i] == ' ') i++;
        int s = i;
        while (i < text.Length && (char.IsLetter(text[i]) || text[i] == '-')) i++;
        return i > s ? text[s..i] : null;
    }
}
