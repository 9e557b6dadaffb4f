using System.Text.RegularExpressions;
using Dragoman.Documents;

namespace Dragoman.Geo;

/// <summary>
/// Roads named by the two places they join: "the Juba-Nimule highway", "the road between Tame and La Cabuya", "the
/// highway connecting Chilchota and Zamora". Conflict reporting places ambushes and checkpoints on such roads, and the
/// road itself is in no gazetteer: it is placed from its ends (<see cref="Place"/>), the whole phrase as evidence.
/// </summary>
public static partial class RoadPlaces
{
    /// <summary>A road phrase: its whole span (the place's evidence) and the spans of the two places it joins.</summary>
    public readonly record struct Road(TextSpan Span, TextSpan From, TextSpan To);

    /// <summary>Roads further apart than this are not one road between two named places but a route across a country.</summary>
    public const double MaxEndsKm = 400;

    // one capitalised word (an Arabic article may lead it: "al-Bab"), apostrophes inside ("Ma'arrat") but not a possessive end
    private const string Word = @"(?:(?:al|el|Al|El)-)?\p{Lu}\p{L}+(?:['’]\p{L}{2,})*";
    private const string Nouns = "road|highway|motorway|route|railway|expressway";

    // "Juba-Nimule highway": one word each side of the hyphen (or dash), so "Syrian Ganders-Afrin road" keeps "Ganders"
    [GeneratedRegex($@"(?<![\p{{L}}-])(?<a>{Word})[-–](?<b>{Word})[ ](?<n>{Nouns})\b")]
    private static partial Regex Hyphened();

    // "road between Tame and La Cabuya", "highway linking X with Y", "road from X to Y": up to three words a side
    [GeneratedRegex($@"\b(?<n>{Nouns})[ ](?:between|linking|connecting|joining|from)[ ](?<a>{Word}(?:[ ]{Word}){{0,2}})[ ](?:and|to|with)[ ](?<b>{Word}(?:[ ]{Word}){{0,2}})")]
    private static partial Regex Linking();

    /// <summary>The road phrases of a text, in text order; a word that is only an Arabic article ("Al-Alan road") is no end.</summary>
    public static List<Road> Find(string text)
    {
        var roads = new List<Road>();
        foreach (Match m in Hyphened().Matches(text))
        {
            var a = m.Groups["a"];
            if (NameFolder.IsArticle(NameFolder.Fold(a.Value))) continue;
            roads.Add(new Road(new TextSpan(m.Index, m.Index + m.Length), Span(a), Span(m.Groups["b"])));
        }
        foreach (Match m in Linking().Matches(text))
            roads.Add(new Road(new TextSpan(m.Index, m.Index + m.Length), Span(m.Groups["a"]), Span(m.Groups["b"])));
        roads.Sort((x, y) => x.Span.Start.CompareTo(y.Span.Start));
        return roads;
    }

    private static TextSpan Span(Group g) => new(g.Index, g.Index + g.Length);

    /// <summary>
    /// The road's place from its resolved ends: midway between them when both resolved (and lie within
    /// <see cref="MaxEndsKm"/>), else at the one that resolved; precision near, relation "between". Null when neither
    /// end resolved, or an end is a country (a road "from Syria to Iraq" is not a place).
    /// </summary>
    public static PlaceResolution? Place(string text, Road road, PlaceResolution? from, PlaceResolution? to)
    {
        var ends = new[] { from, to }.Where(p => p is { IsResolved: true }).Select(p => p!).ToList();
        if (ends.Count == 0 || ends.Any(p => p.Precision == PlacePrecision.Country)) return null;
        var (first, last) = (ends[0], ends[^1]);
        if (ends.Count == 2 && GeoMath.Km(first.Lat!.Value, first.Lon!.Value, last.Lat!.Value, last.Lon!.Value) > MaxEndsKm) return null;
        return new PlaceResolution
        {
            Span = road.Span,
            Text = text[road.Span.Start..road.Span.End],
            GeonameId = ends.Count == 2 ? $"road:{first.GeonameId}+{last.GeonameId}" : $"road:{first.GeonameId}",
            Name = text[road.Span.Start..road.Span.End],
            Lat = (first.Lat!.Value + last.Lat!.Value) / 2,
            Lon = (first.Lon!.Value + last.Lon!.Value) / 2,
            Country = first.Country == last.Country ? first.Country : null,
            Admin1 = first.Admin1 == last.Admin1 ? first.Admin1 : null,
            Feature = "RD",
            Precision = PlacePrecision.Near,
            Relation = "between",
            // the place is no surer than its least sure end, and less sure with one end only
            Confidence = ends.Min(p => p.Confidence) * (ends.Count == 2 ? 1.0 : 0.8),
        };
    }
}
