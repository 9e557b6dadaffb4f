using Dragoman.Tests.Support;
using Dragoman.Documents;
using Dragoman.Geo;

namespace Dragoman.Tests.Geo;

/// <summary>
/// The indexes that keep geo's joint resolution linear in the number of mentions give the same answers as the
/// all-pairs loops they replace.
/// </summary>
public class LinearResolutionTests
{
    [SharedTheory]
    [InlineData("0-5", 5, 9, false, "a span that starts where the only mention ends does not overlap it")]
    [InlineData("0-5", 4, 9, true, "a span that starts inside the mention overlaps it")]
    [InlineData("10-20", 0, 10, false, "a span that ends where the mention starts does not overlap it")]
    [InlineData("0-100|10-12", 50, 60, true, "a long mention that started earlier still covers the span, though a later one ended")]
    [InlineData("0-3|10-12|20-25", 13, 19, false, "a gap between mentions")]
    [InlineData("", 0, 5, false, "no mentions at all")]
    [InlineData("5-5|7-9", 5, 6, false, "an empty mention overlaps nothing")]
    [InlineData("30-40|0-3", 35, 36, true, "mentions in any order")]
    public void Span_overlaps_match_the_pairwise_test(string spans, int start, int end, bool expected, string reason)
    {
        var set = spans.Split('|', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => s.Split('-')).Select(p => new TextSpan(int.Parse(p[0]), int.Parse(p[1]))).ToList();
        var pairwise = set.Any(s => s.Overlaps(new TextSpan(start, end)));
        Assert.True(pairwise == expected, $"{reason}: the pairwise test disagrees with the case");
        Assert.True(new SpanOverlaps(set).Overlaps(start, end) == expected, reason);
    }

    [SharedTheory]
    [InlineData(34.7, 36.7, "a dense region (western Syria)")]
    [InlineData(-17.0, 179.5, "across the antimeridian (Fiji)")]
    [InlineData(64.0, -21.0, "high latitude, where a degree of longitude is short (Iceland)")]
    [InlineData(51.5, 0.0, "across the prime meridian (London)")]
    public void Nearest_pick_of_another_name_matches_the_all_pairs_search(double lat, double lon, string reason)
    {
        var g = GeoFixture.Resolver.Gazetteer;
        var near = Enumerable.Range(0, g.Count)
            .Where(i => Math.Abs(g.Lats[i] - lat) < 6 && GeoMath.ApproxKm(lat, lon, g.Lats[i], g.Lons[i]) < 700)
            .ToArray();
        Assert.True(near.Length >= 5, $"{reason}: the test gazetteer has too few places here ({near.Length})");
        var rng = new Random(17);
        // picks by three names; one entry picked by two names, as happens when two spellings resolve alike
        var picks = Enumerable.Range(0, 60).Select(k => (Key: "k" + rng.Next(3), Pick: near[rng.Next(near.Length)])).ToList();
        var index = new PickIndex(g);
        foreach (var (key, pick) in picks) index.Add(key, pick);
        // a revised choice leaves the index as if it had never been made
        index.Add("k0", near[0]);
        index.Remove("k0", near[0]);

        foreach (var c in near.Take(200))
            foreach (var self in new[] { "k0", "k1", "k9" })
            {
                double all = double.MaxValue;
                foreach (var (key, pick) in picks)
                {
                    if (key == self || pick == c || IsCountry(g, pick)) continue;
                    all = Math.Min(all, GeoMath.ApproxKm(g.Lats[c], g.Lons[c], g.Lats[pick], g.Lons[pick]));
                }
                double indexed = index.NearestKm(c, self);
                if (all < PickIndex.HorizonKm) Assert.True(indexed == all, $"{reason}: entry {c} for {self}: {indexed} != {all}");
                else Assert.True(indexed >= PickIndex.HorizonKm, $"{reason}: entry {c} for {self}: {indexed} reported inside the horizon");
                bool anyInCountry = picks.Any(p => p.Key != self && p.Pick != c && g.Countries[p.Pick] == g.Countries[c]);
                Assert.True(index.AnyInCountry(c, self) == anyInCountry, $"{reason}: entry {c} for {self}: country test");
            }
    }

    private static bool IsCountry(Gazetteer g, int c) => g.FClasses[c] == 'A' && g.FeatureCodeOf(c).StartsWith("PCL", StringComparison.Ordinal);

    [SharedTheory]
    [InlineData("Gunmen killed 7 people in Homs. ", "Homs", 500, "one name repeated: every copy resolves as the single one does")]
    [InlineData("Shelling hit Aleppo and Idlib. ", "Aleppo|Idlib", 300, "two names repeated: support between them is the same at any length")]
    public void A_repeated_text_resolves_every_copy_like_the_first(string sentence, string names, int copies, string reason)
    {
        var one = ResolveNamed(sentence, names.Split('|'), 1);
        Assert.True(one.All(r => r is not null), $"{reason}: a given name is always answered");
        var many = ResolveNamed(string.Concat(Enumerable.Repeat(sentence, copies)), names.Split('|'), copies);
        for (int i = 0; i < many.Length; i++)
            Assert.True(many[i]?.GeonameId == one[i % one.Length]!.GeonameId && many[i]?.Candidates.Count == one[i % one.Length]!.Candidates.Count,
                $"{reason}: copy {i / one.Length} resolved {many[i]?.GeonameId}");
    }

    [SharedTheory]
    [InlineData(1, false, "one mention with the budget still open resolves")]
    [InlineData(1, true, "the article's budget already spent: joint resolution does not start its loop")]
    public void Joint_resolution_stops_when_the_article_budget_is_spent(int copies, bool spent, string reason)
    {
        const string sentence = "Gunmen killed 7 people in Homs. ";
        var text = string.Concat(Enumerable.Repeat(sentence, copies));
        var queries = Enumerable.Range(0, copies).Select(c => new PlaceQuery(c * sentence.Length + 26, c * sentence.Length + 30, Given: true)).ToList();
        using var budget = new CancellationTokenSource();
        if (spent) budget.Cancel();
        var thrown = Record.Exception(() => GeoFixture.Resolver.Resolve(text, queries, cancel: budget.Token));
        Assert.True(spent ? thrown is OperationCanceledException : thrown is null, $"{reason}: {thrown?.GetType().Name ?? "resolved"}");
    }

    /// <summary>Resolves every occurrence of the names, as given mentions (the way the recogniser's places arrive).</summary>
    private static PlaceResolution?[] ResolveNamed(string text, string[] names, int copies)
    {
        var queries = new List<PlaceQuery>();
        int from = 0;
        for (int copy = 0; copy < copies; copy++)
            foreach (var name in names)
            {
                int at = text.IndexOf(name, from, StringComparison.Ordinal);
                queries.Add(new PlaceQuery(at, at + name.Length, Given: true));
                from = at + name.Length;
            }
        return GeoFixture.Resolver.Resolve(text, queries);
    }
}
