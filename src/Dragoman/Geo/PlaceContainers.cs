using Dragoman.Documents;

namespace Dragoman.Geo;

/// <summary>
/// A place the gazetteer lacks (a village, a locality, a ward) is located at the place the sentence names as its
/// container or neighbour right after it: "X, in Y province", "a village in X locality, west of Y", "X ward of Y
/// Local Government Area in Z State", "X, 70km north-east of Y". As ACLED codes a village it cannot find (geo_precision 2 or 3), the place keeps its own text and takes the
/// container's point (inside a first-level division: the division's settled centre, <see cref="SettledCentres"/>),
/// name and divisions, with precision <c>region</c> (inside an area) or <c>near</c> (near, or a
/// compass bearing from, a town; a stated distance and bearing move the point), the relation saying which. Never a
/// country: a village "in Syria" stays text. Chains resolve from the last name back ("X village in the
/// Y groupment, Z sector in the W territory"), and a list shares its container ("X and Y villages in Z ward").
/// </summary>
public static class PlaceContainers
{
    /// <summary>At most this many words between a place and its container ("administrative post, in the northern Mozambican province of").</summary>
    private const int MaxGap = 9;

    /// <summary>Beyond this distance "N km from X" says too little of where the place lies to stand it at X.</summary>
    private const double MaxUnbearedKm = 30;

    /// <summary>A stand-in is a step less sure than the place that stands in.</summary>
    private const double ConfidenceFactor = 0.8;

    private static readonly Dictionary<string, double> Bearings = new(StringComparer.OrdinalIgnoreCase)
    {
        ["north"] = 0, ["northeast"] = 45, ["north-east"] = 45, ["east"] = 90, ["southeast"] = 135, ["south-east"] = 135,
        ["south"] = 180, ["southwest"] = 225, ["south-west"] = 225, ["west"] = 270, ["northwest"] = 315, ["north-west"] = 315,
    };

    /// <summary>The administrative nouns that end a division's name ("Donga Mantung Division", "Uror County").</summary>
    private static readonly HashSet<string> DivisionNouns = new(StringComparer.Ordinal)
    { "Division", "District", "Province", "County", "Governorate", "Prefecture", "Department", "Municipality", "Township", "LGA", "Oblast", "Raion" };

    /// <summary>Whether a recogniser's name ends with an administrative noun or stands right before one ("Donga Mantung" + " Division").</summary>
    private static bool DivisionName(string text, Mention m)
    {
        int sp = m.Text.LastIndexOf(' ');
        if (sp > 0 && DivisionNouns.Contains(m.Text[(sp + 1)..])) return true;
        int i = m.Span.End;
        if (i + 1 >= text.Length || text[i] != ' ') return false;
        int e = i + 1;
        while (e < text.Length && char.IsLetter(text[e])) e++;
        return DivisionNouns.Contains(text[(i + 1)..e]);
    }

    private static readonly HashSet<string> Joiners = new(StringComparer.OrdinalIgnoreCase) { "in", "of", "within", "inside" };
    private static readonly HashSet<string> NearJoiners = new(StringComparer.OrdinalIgnoreCase) { "near", "outside", "around", "nearby" };
    private static readonly HashSet<string> DistanceUnits = new(StringComparer.OrdinalIgnoreCase)
    { "km", "kms", "kilometres", "kilometers", "kilometre", "kilometer", "mi", "miles", "mile" };

    /// <summary>Part-of-speech tags of the words a container phrase may run over: nouns, names, adjectives, determiners, numbers, possessives.</summary>
    private static readonly HashSet<string> PhraseTags = new(StringComparer.Ordinal)
    { "NN", "NNS", "NNP", "NNPS", "JJ", "JJR", "JJS", "DT", "CD", "POS", "HYPH", "RB", "``", "''" };

    /// <summary>
    /// Replaces each place of <paramref name="document"/> left as text by its stand-in where the sentence names a
    /// container or neighbour for it; returns how many were located. Needs the document's part-of-speech tags (none: nothing changes).
    /// A place inside a first-level division stands at the division's settled centre where <paramref name="settledCentre"/>
    /// gives one (by the division's gazetteer id; see <see cref="SettledCentres"/>), else at the division's point.
    /// </summary>
    public static int Locate(Document document, Func<string?, (double Lat, double Lon)?>? settledCentre = null)
    {
        var places = document.Places;
        if (document.PartOfSpeech.Length != document.Tokens.Length || !places.Exists(p => !p.IsResolved)) return 0;
        var tagSet = document.PartOfSpeechTagSet;
        var text = document.Text;
        var order = Enumerable.Range(0, places.Count).OrderByDescending(i => places[i].Span.Start).ToList();
        var lookup = new Lookup(document);
        var standIn = new HashSet<int>();
        // the first located mention of each name (standIn's order), for the second pass
        var firstLocated = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        int located = 0;
        // a name located once is that place at its other mentions too ("X village in the western part of Y"
        // after "Y locality, west of Z"), and those may then locate the names they contain: a second pass
        for (int pass = 0; pass < 2; pass++)
        {
            foreach (int u in order)
            {
                if (places[u].IsResolved) continue;
                var found = Container(document, tagSet, lookup, u, standIn);
                if (found is { } f)
                    places[u] = StandIn(places[u], places[f.Place], f.Relation, f.Km, f.Bearing, standIn.Contains(f.Place) && f.Relation == "and", settledCentre);
                else if (firstLocated.TryGetValue(places[u].Text, out int same))
                    places[u] = Rename(places[same], places[u]);
                else continue;
                if (standIn.Add(u)) firstLocated.TryAdd(places[u].Text, u);
                located++;
            }
        }
        return located;
    }

    /// <summary>
    /// The document's places by where they start and its tokens inside a person's or organisation's name, built once per
    /// document: the walk asks both at every word after every place left as text, and scanning all places and mentions
    /// there made a long text quadratic (20,000 short lines: 5 s of CPU in this stage, docs/benchmarks.md session 13).
    /// Spans do not change while places are located (a stand-in keeps its own span), so the index stays true.
    /// </summary>
    private sealed class Lookup
    {
        private readonly Dictionary<int, List<int>> _placesByStart = [];
        private readonly bool[] _inPartyName;

        public Lookup(Document document)
        {
            for (int i = 0; i < document.Places.Count; i++)
            {
                int start = document.Places[i].Span.Start;
                if (!_placesByStart.TryGetValue(start, out var at)) _placesByStart[start] = at = [];
                at.Add(i);
            }
            var tokens = document.Tokens;
            _inPartyName = new bool[tokens.Length];
            foreach (var m in document.Mentions)
            {
                if (m.Type is not (EntityType.PERSON or EntityType.ORG)) continue;
                // "Ngarbuh, Donga Mantung Division of the North West region": a division's name the recogniser took for an
                // organisation is a word of the phrase, not a party between its ends
                if (DivisionName(document.Text, m)) continue;
                int k = document.FirstTokenFrom(m.Span.Start);
                while (k > 0 && tokens[k - 1].End > m.Span.Start) k--; // a token the name starts inside
                for (; k < tokens.Length && tokens[k].Start < m.Span.End; k++)
                    if (tokens[k].End > m.Span.Start) _inPartyName[k] = true;
            }
        }

        /// <summary>The first place (in the document's order) other than <paramref name="self"/> that starts at <paramref name="start"/> and is no road, or -1.</summary>
        public int PlaceAt(List<PlaceResolution> places, int start, int self)
        {
            if (!_placesByStart.TryGetValue(start, out var at)) return -1;
            foreach (int i in at)
                if (i != self && places[i].Feature != "RD") return i;
            return -1;
        }

        /// <summary>Whether token <paramref name="k"/> overlaps a person's or organisation's mention.</summary>
        public bool InPartyName(int k) => _inPartyName[k];
    }

    /// <summary>The stand-in of another mention of the name, at this mention's span.</summary>
    private static PlaceResolution Rename(PlaceResolution located, PlaceResolution self) => new()
    {
        Span = self.Span, Text = self.Text, GeonameId = located.GeonameId, Name = located.Name, Lat = located.Lat, Lon = located.Lon,
        Country = located.Country, Admin1 = located.Admin1, Admin2 = located.Admin2, Feature = located.Feature, Precision = located.Precision,
        Confidence = located.Confidence, Relation = located.Relation, Candidates = self.Candidates,
    };

    private readonly record struct Found(int Place, string Relation, double? Km, double? Bearing);

    /// <summary>The container the words after place <paramref name="u"/> name, or null.</summary>
    private static Found? Container(Document document, IReadOnlyList<string> tagSet, Lookup lookup, int u, HashSet<int> standIn)
    {
        var text = document.Text;
        var places = document.Places;
        var self = places[u];
        int sentence = document.SentenceAt(self.Span.Start);
        if (sentence < 0) return null;
        int end = document.Sentences[sentence].EndToken;
        int k = document.FirstTokenFrom(self.Span.End);
        bool joined = false, commaOnly = false, coordinated = false;
        string? relation = null;
        double? km = null, bearing = null;
        int words = 0;
        while (k < end && words <= MaxGap)
        {
            var tok = document.Tokens[k];
            int p = lookup.PlaceAt(places, tok.Start, u);
            if (p >= 0)
            {
                var place = places[p];
                int after = document.FirstTokenFrom(place.Span.End);
                // "in Iraq's northern province of Nineveh", "in Mali's volatile Menaka region": a country is passed over, never a container
                if (IsCountry(place) && !coordinated) { k = Math.Max(after, k + 1); continue; }
                if (coordinated) return place.IsResolved && standIn.Contains(p) ? new Found(p, "and", null, null) : null;
                if (!joined || !place.IsResolved || place.Feature == "RD" || IsCountry(place)) return null;
                // a comma alone joins an area ("Ngarbuh, Donga Mantung Division"), not a town: "in Kabkabiya, El Fasher and Nyala" is a list
                if (commaOnly && relation is null && place.Precision is not PlacePrecision.Region) return null;
                if (km is { } d && bearing is null && d > MaxUnbearedKm) return null;
                return new Found(p, relation ?? "in", km, bearing);
            }
            if (lookup.InPartyName(k)) return null; // a person or organisation between: not a container phrase
            var word = text.AsSpan(tok.Start, tok.End - tok.Start);
            var w = word.ToString();
            string tag = document.PartOfSpeech[k] < tagSet.Count ? tagSet[document.PartOfSpeech[k]] : "";
            words++;
            if (w == ",") { if (!joined) commaOnly = true; joined = true; k++; continue; }
            if (Joiners.Contains(w)) { joined = true; commaOnly = false; k++; continue; }
            if (NearJoiners.Contains(w)) { joined = true; commaOnly = false; relation ??= "near"; k++; continue; }
            if (w.Equals("close", StringComparison.OrdinalIgnoreCase) && k + 1 < end && Word(document, k + 1).Equals("to", StringComparison.OrdinalIgnoreCase))
            { joined = true; relation ??= "near"; k += 2; continue; }
            if (Bearings.TryGetValue(w, out var b) && k + 1 < end && Word(document, k + 1).Equals("of", StringComparison.OrdinalIgnoreCase))
            { joined = true; commaOnly = false; bearing = b; relation = km is null ? $"{w.ToLowerInvariant()} of" : $"km {w.ToLowerInvariant()} of"; k += 2; continue; }
            if (Distance(document, k, end, out var dist, out int next)) { km = dist; k = next; continue; }
            if (w.Equals("from", StringComparison.OrdinalIgnoreCase) && km is not null) { joined = true; relation = "km from"; k++; continue; }
            // "X and Y villages in ...": a list shares the container of its next member
            if (w is "and" or "or" && !joined) { coordinated = true; k++; continue; }
            if (!PhraseTags.Contains(tag)) return null;
            if (coordinated && tag is not ("DT" or "NNP" or "NNPS")) return null;
            k++;
        }
        return null;
    }

    /// <summary>A number and a unit ("70km", "about 180 kilometres", "15 miles"): the distance in km and the token after it.</summary>
    private static bool Distance(Document document, int k, int end, out double km, out int next)
    {
        km = 0; next = k;
        var w = Word(document, k).ToString();
        int digits = 0;
        while (digits < w.Length && (char.IsAsciiDigit(w[digits]) || w[digits] is '.' or ',')) digits++;
        if (digits == 0) return false;
        if (!double.TryParse(w[..digits].Replace(",", "", StringComparison.Ordinal), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var n)) return false;
        string unit;
        if (digits < w.Length) { unit = w[digits..]; next = k + 1; }
        else if (k + 1 < end) { unit = Word(document, k + 1).ToString(); next = k + 2; }
        else return false;
        if (!DistanceUnits.Contains(unit)) return false;
        km = unit.StartsWith("mi", StringComparison.OrdinalIgnoreCase) ? n * 1.609 : n;
        return true;
    }

    private static ReadOnlySpan<char> Word(Document document, int k)
    {
        var t = document.Tokens[k];
        return document.Text.AsSpan(t.Start, t.End - t.Start);
    }

    /// <summary>A country, or a compass part of one ("northeastern Syria"): too large to stand in for a village.</summary>
    private static bool IsCountry(PlaceResolution p) =>
        p.Precision == PlacePrecision.Country || (p.Feature ?? "").StartsWith("A.PCL", StringComparison.Ordinal);

    /// <summary>The place left as text, located at <paramref name="container"/> (moved by a stated distance and bearing).</summary>
    private static PlaceResolution StandIn(PlaceResolution self, PlaceResolution container, string relation, double? km, double? bearing, bool sameAsListed,
        Func<string?, (double Lat, double Lon)?>? settledCentre)
    {
        double lat = container.Lat!.Value, lon = container.Lon!.Value;
        // a village somewhere inside a state lies where the state's people live, not at the middle of its area
        if (!sameAsListed && relation == "in" && km is null && container.Feature == "A.ADM1" && container.Relation is null
            && settledCentre?.Invoke(container.GeonameId) is { } centre)
            (lat, lon) = centre;
        if (km is { } d && bearing is { } b)
        {
            const double rad = Math.PI / 180;
            lat += d / GeoMath.EarthRadiusKm * Math.Cos(b * rad) / rad;
            lon += d / GeoMath.EarthRadiusKm * Math.Sin(b * rad) / Math.Cos(container.Lat!.Value * rad) / rad;
        }
        // inside an area: that area's precision; near or a bearing from a place, or inside a town: near it
        var precision = sameAsListed ? container.Precision
            : relation == "in" && container.Precision is PlacePrecision.Region ? PlacePrecision.Region
            : relation == "in" ? PlacePrecision.Near
            : container.Precision is PlacePrecision.Region && km is null ? PlacePrecision.Region : PlacePrecision.Near;
        return new PlaceResolution
        {
            Span = self.Span,
            Text = self.Text,
            GeonameId = container.GeonameId,
            Name = container.Name,
            Lat = Math.Round(lat, 5),
            Lon = Math.Round(lon, 5),
            Country = container.Country,
            Admin1 = container.Admin1,
            Admin2 = container.Admin2,
            Feature = container.Feature,
            Precision = precision,
            Confidence = Math.Round(container.Confidence * (sameAsListed ? 1.0 : ConfidenceFactor), 3),
            Relation = sameAsListed ? container.Relation : relation,
            Candidates = self.Candidates,
        };
    }
}
