using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Dragoman.Documents;
using Dragoman.Text;

namespace Dragoman.Geo;

public sealed record GoldToponym(int Start, int End, string Phrase, double Lat, double Lon);
public sealed record GoldArticle(string Text, IReadOnlyList<GoldToponym> Toponyms);

/// <summary>Scores of a geoparsing evaluation (Gritta et al. 2018 metrics).</summary>
public sealed record GeoScores(
    string File, int Articles, int N, double Acc161, double Auc, double MeanKm, double MedianKm,
    double BaselineAcc161, double CeilingAcc161, double E2EPrecision, double E2ERecall, double E2EF1, double Seconds);

/// <summary>
/// Reads the public geoparsing sets (LGL/TR-News, GeoVirus, GeoWebNews XML) and scores toponym resolution given
/// the gold spans, and end to end (spotting + resolution: a predicted place counts when its span overlaps a gold
/// toponym and it lies within 161 km of it).
/// </summary>
public static class GeoEvaluation
{
    /// <summary>The largest possible error on Earth (half the circumference), used for unresolved toponyms and in AUC.</summary>
    public const double MaxErrorKm = 20039;

    public static Result<List<GoldArticle>> Read(string path)
    {
        XDocument doc;
        try
        {
            using var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            doc = XDocument.Load(reader);
        }
        catch (Exception ex) when (ex is XmlException or IOException or UnauthorizedAccessException)
        {
            return Result<List<GoldArticle>>.Fail($"{path}: {ex.Message}");
        }
        var articles = new List<GoldArticle>();
        foreach (var a in doc.Descendants("article"))
        {
            var text = a.Element("text")?.Value;
            if (text is null) continue;
            var tops = new List<GoldToponym>();
            // LGL / TR-News and GeoWebNews: toponyms > toponym
            foreach (var t in a.Element("toponyms")?.Elements("toponym") ?? [])
            {
                int? start = Int(t.Element("start")), end = Int(t.Element("end"));
                double? lat, lon;
                var gaz = t.Element("gaztag");
                if (gaz is not null) { lat = Dbl(gaz.Element("lat")); lon = Dbl(gaz.Element("lon")); }
                else { lat = Dbl(t.Element("latitude")); lon = Dbl(t.Element("longitude")); } // GeoWebNews; no coordinates: skipped
                var phrase = t.Element("phrase")?.Value ?? t.Element("extractedName")?.Value ?? "";
                Add(tops, text, start, end, phrase, lat, lon);
            }
            // GeoVirus: locations > location
            foreach (var l in a.Element("locations")?.Elements("location") ?? [])
                Add(tops, text, Int(l.Element("start")), Int(l.Element("end")), l.Element("name")?.Value ?? "", Dbl(l.Element("lat")), Dbl(l.Element("lon")));
            articles.Add(new GoldArticle(text, tops));
        }
        return articles;
    }

    private static void Add(List<GoldToponym> into, string text, int? start, int? end, string phrase, double? lat, double? lon)
    {
        if (start is not int s || end is not int e || lat is not double la || lon is not double lo) return;
        if (s < 0 || e > text.Length || e <= s) return;
        if (phrase.Length == 0) phrase = text[s..e];
        into.Add(new GoldToponym(s, e, phrase, la, lo));
    }

    private static int? Int(XElement? e) => e is not null && int.TryParse(e.Value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;
    private static double? Dbl(XElement? e) => e is not null && double.TryParse(e.Value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;

    public static GeoScores Score(string file, IReadOnlyList<GoldArticle> articles, PlaceResolver resolver, bool endToEnd = true, Action<string>? misses = null)
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var g = resolver.Gazetteer;
        var errors = new List<double>();
        int baselineHits = 0, ceilingHits = 0, n = 0;
        int predicted = 0, predictedOk = 0, goldFound = 0, goldTotal = 0;
        int articleIndex = -1;
        foreach (var art in articles)
        {
            articleIndex++;
            if (art.Toponyms.Count == 0) continue;
            var queries = art.Toponyms.Select(t => new PlaceQuery(t.Start, t.End, Given: true, Lookup: t.Phrase)).ToList();
            var res = resolver.Resolve(art.Text, queries, forceBest: true);
            for (int i = 0; i < art.Toponyms.Count; i++)
            {
                var t = art.Toponyms[i];
                n++;
                var r = res[i];
                errors.Add(r is { Lat: double la, Lon: double lo } ? GeoMath.Km(la, lo, t.Lat, t.Lon) : MaxErrorKm);
                int mp = resolver.MostPopulous(t.Phrase);
                if (mp >= 0 && GeoMath.Km(g.Lats[mp], g.Lons[mp], t.Lat, t.Lon) <= 161) baselineHits++;
                bool reachable = false;
                foreach (var c in resolver.AllCandidates(t.Phrase))
                    if (GeoMath.Km(g.Lats[c], g.Lons[c], t.Lat, t.Lon) <= 161) { ceilingHits++; reachable = true; break; }
                if (misses is not null && errors[^1] > 161)
                    misses($"{(reachable ? "WRONG" : "NOCAND")}\t{t.Phrase}\t{t.Lat:F2},{t.Lon:F2}\t{r?.Name}\t{r?.Country}\t{r?.Feature}\t{errors[^1]:F0}\tarticle {articleIndex}");
            }
            if (!endToEnd) continue;
            var tokens = Tokenizer.Tokenize(art.Text);
            var sentences = SentenceSplitter.Split(art.Text, tokens);
            var spotted = PlaceSpotter.Spot(art.Text, tokens, sentences, g, (_, _) => false);
            var pred = resolver.Resolve(art.Text, spotted).Where(p => p is { IsResolved: true }).Select(p => p!).ToList();
            predicted += pred.Count;
            goldTotal += art.Toponyms.Count;
            foreach (var p in pred)
                if (art.Toponyms.Any(t => Overlaps(p.Span, t) && GeoMath.Km(p.Lat!.Value, p.Lon!.Value, t.Lat, t.Lon) <= 161)) predictedOk++;
            foreach (var t in art.Toponyms)
                if (pred.Any(p => Overlaps(p.Span, t) && GeoMath.Km(p.Lat!.Value, p.Lon!.Value, t.Lat, t.Lon) <= 161)) goldFound++;
        }
        errors.Sort();
        double acc = n == 0 ? 0 : errors.Count(e => e <= 161) / (double)n;
        double precision = predicted == 0 ? 0 : predictedOk / (double)predicted;
        double recall = goldTotal == 0 ? 0 : goldFound / (double)goldTotal;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new GeoScores(file, articles.Count, n, Math.Round(acc, 4), Math.Round(Auc(errors), 4),
            Math.Round(n == 0 ? 0 : errors.Average(), 1), Math.Round(Median(errors), 1),
            Math.Round(n == 0 ? 0 : baselineHits / (double)n, 4), Math.Round(n == 0 ? 0 : ceilingHits / (double)n, 4),
            Math.Round(precision, 4), Math.Round(recall, 4), Math.Round(f1, 4), sw.Elapsed.TotalSeconds);
    }

    private static bool Overlaps(TextSpan s, GoldToponym t) => s.Start < t.End && t.Start < s.End;

    /// <summary>
    /// Area under the curve of sorted log error distances, normalised to [0, 1] (Gritta et al. 2018,
    /// "What's missing in geographical parsing?"): trapezoid area of ln(1 + error) over the sorted errors, divided by
    /// (n - 1) and ln(20039). Lower is better.
    /// </summary>
    public static double Auc(IReadOnlyList<double> sortedErrors)
    {
        if (sortedErrors.Count < 2) return sortedErrors.Count == 1 ? Math.Log(1 + sortedErrors[0]) / Math.Log(MaxErrorKm) : 0;
        double area = 0;
        for (int i = 1; i < sortedErrors.Count; i++)
            area += (Math.Log(1 + sortedErrors[i - 1]) + Math.Log(1 + sortedErrors[i])) / 2;
        return area / (sortedErrors.Count - 1) / Math.Log(MaxErrorKm);
    }

    private static double Median(List<double> sorted) =>
        sorted.Count == 0 ? 0 : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}
