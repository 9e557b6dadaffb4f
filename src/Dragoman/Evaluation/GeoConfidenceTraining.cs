using System.Collections.Concurrent;
using Dragoman.Documents;
using Dragoman.Geo;
using Dragoman.Ingest;
using Dragoman.Pipeline;

namespace Dragoman.Evaluation;

/// <summary>One resolved place as the confidence model sees it: its features, whether it is within 161 km, its set and part.</summary>
public sealed record PlaceConfidenceExample(string Set, double[] Features, bool Right, bool Held, double RuleConfidence);

/// <summary>
/// Training data for <see cref="PlaceConfidence"/>: every place the resolver resolves, with no threshold, labelled by
/// the gold. The public sets (LGL, GeoVirus XML) are resolved given their gold spans (not forced: the resolver may
/// abstain), even-indexed articles the development part, odd ones held (as `eval geo --half`); articles-gold runs the
/// whole pipeline and labels each resolved mention whose text is a gold place's name, parts by the fixed split.
/// </summary>
public static class GeoConfidenceTraining
{
    public static List<PlaceConfidenceExample> FromGeoSet(string set, IReadOnlyList<Geo.GoldArticle> articles, PlaceResolver resolver)
    {
        var recorded = new List<(PlaceResolution Place, double[] X)>();
        var r = new PlaceResolver(resolver.Gazetteer, resolver.Demonyms) { Calibration = null, Recorder = (p, x) => recorded.Add((p, x)) };
        var list = new List<PlaceConfidenceExample>();
        for (int a = 0; a < articles.Count; a++)
        {
            var art = articles[a];
            if (art.Toponyms.Count == 0) continue;
            recorded.Clear();
            r.Resolve(art.Text, art.Toponyms.Select(t => new PlaceQuery(t.Start, t.End, Given: true, Lookup: t.Phrase)).ToList());
            foreach (var (p, x) in recorded)
            {
                var gold = art.Toponyms.FirstOrDefault(t => t.Start == p.Span.Start && t.End == p.Span.End);
                if (gold is null || p.Lat is not double lat || p.Lon is not double lon) continue;
                list.Add(new PlaceConfidenceExample(set, x, GeoMath.Km(lat, lon, gold.Lat, gold.Lon) <= ArticleFieldRules.PlaceKm, a % 2 == 1, x[^1]));
            }
        }
        return list;
    }

    public static Result<List<PlaceConfidenceExample>> FromArticles(string folder, DocumentPipeline pipeline, IReadOnlySet<string> held)
    {
        var input = Path.Combine(folder, "input.jsonl");
        if (!File.Exists(input)) return Result<List<PlaceConfidenceExample>>.Fail($"{folder}: no input.jsonl (expected a folder shaped like articles-gold)");
        if (pipeline.Components.OfType<GeoComponent>().FirstOrDefault() is not { } geo) return Result<List<PlaceConfidenceExample>>.Fail("the pipeline has no geo stage");
        // the same pipeline with a geo stage that records every choice and applies no threshold
        var recorded = new ConcurrentDictionary<PlaceResolution, double[]>(ReferenceEqualityComparer.Instance);
        var resolver = new PlaceResolver(geo.Resolver.Gazetteer, geo.Resolver.Demonyms) { Calibration = null, Recorder = (p, x) => recorded[p] = x };
        var recording = new DocumentPipeline(pipeline.Components.Select(c => c is GeoComponent ? new GeoComponent(resolver) : c).ToArray());
        var list = new List<PlaceConfidenceExample>();
        foreach (var outcome in BatchProcessor.Process(InputSources.Expand([input]), recording, null))
        {
            if (outcome.Document is not { } doc) continue;
            var name = ArticleEvaluation.NameOf(doc);
            var gold = GoldArticle.Read(Path.Combine(folder, "gold", name + ".json"));
            if (!gold.IsOk) continue;
            foreach (var p in doc.Places)
            {
                if (!recorded.TryRemove(p, out var x) || p.Lat is not double lat || p.Lon is not double lon) continue;
                var g = gold.Value!.Places.FirstOrDefault(gp => gp.Lat is not null && gp.Lon is not null && SameName(gp.Name, p.Text));
                if (g is null) continue;
                list.Add(new PlaceConfidenceExample("articles-gold", x, ArticleFieldRules.PlaceMatches(g, lat, lon), held.Contains(name), x[^1]));
            }
        }
        return list;
    }

    /// <summary>The scorer's name match: equal ignoring case and runs of white space.</summary>
    private static bool SameName(string a, string b) =>
        string.Join(' ', a.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Equals(string.Join(' ', b.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), StringComparison.OrdinalIgnoreCase);

    /// <summary>Fits on the development examples, each set weighing alike whatever its size.</summary>
    public static PlaceConfidence Fit(IReadOnlyList<PlaceConfidenceExample> examples, double threshold)
    {
        var dev = examples.Where(e => !e.Held).ToList();
        var perSet = dev.GroupBy(e => e.Set).ToDictionary(g => g.Key, g => g.Count());
        return PlaceConfidence.Fit(dev.Select(e => (e.Features, e.Right, 1.0 / perSet[e.Set])).ToList(), threshold);
    }
}
