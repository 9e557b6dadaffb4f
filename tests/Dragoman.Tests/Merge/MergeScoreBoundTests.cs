using Dragoman.Merge;
using Dragoman.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Dragoman.Tests.Merge;

/// <summary>
/// The store's candidate search drops a stored report when SQLite's bound of the pair score is below the threshold, so the
/// bound must never be below the score <see cref="PairScorer"/> gives: checked on random pairs that reach every branch of
/// the scorer (dates, places at every precision, countries, types, names, words, counts).
/// </summary>
public sealed class MergeScoreBoundTests
{
    private static readonly string[] Columns =
        ["day_lo", "day_hi", "day_from_published", "lat", "lon", "place_precision", "place_inherited", "country", "geonameid", "action", "acled_type", "names"];

    private static MergeReport RandomReport(Random rng, int i)
    {
        const int day = 738333;
        bool dated = rng.Next(6) > 0;
        int lo = day + rng.Next(-6, 7);
        bool placed = rng.Next(5) > 0;
        // Points from a few metres to thousands of km apart, around one centre.
        double spread = new[] { 0.001, 0.2, 1, 5, 40 }[rng.Next(5)];
        string? gid = rng.Next(3) switch { 0 => null, 1 => "1", _ => "2" };
        return new MergeReport
        {
            Ref = $"r{i}:ev1",
            Family = MergeFamilies.Violence,
            Action = rng.Next(2) == 0 ? "bombing" : "shelling",
            AcledType = rng.Next(3) switch { 0 => null, 1 => "Battles", _ => "Explosions/Remote violence" },
            DayLo = dated ? lo : null,
            DayHi = dated ? lo + new[] { 0, 0, 1, 3, 30 }[rng.Next(5)] : null,
            DayFromPublication = rng.Next(3) == 0,
            Lat = placed ? 35 + (rng.NextDouble() - 0.5) * spread : null,
            Lon = placed ? 38 + (rng.NextDouble() - 0.5) * spread : null,
            Precision = new[] { "exact", "near", "region", "country", "unknown", null }[rng.Next(6)],
            PlaceInherited = rng.Next(4) == 0,
            Country = rng.Next(4) switch { 0 => null, 1 => "TR", _ => "SY" },
            GeonameId = gid,
            Names = [.. new[] { "assad", "hama", "karlov", "nusra", "white", "zeid" }.Where(_ => rng.Next(3) == 0)],
            Words = [.. new[] { "bomb", "hotel", "market", "siege", "truck" }.Where(_ => rng.Next(2) == 0)],
            // Days of the year an undated report's article names: close to, apart from or around the year from the others'.
            MonthDays = dated ? [] : [.. new[] { 1, 100, 102, 180, 366 }.Where(_ => rng.Next(2) == 0)],
            Killed = rng.Next(6) switch { 0 or 1 => null, 2 => 0, 3 => rng.Next(1, 4), _ => rng.Next(5, 60) },
            Modality = "asserted",
        };
    }

    private static object? Column(MergeReport r, string name) => name switch
    {
        "day_lo" => r.DayLo, "day_hi" => r.DayHi, "day_from_published" => r.DayFromPublication ? 1 : 0,
        "lat" => r.Lat, "lon" => r.Lon, "place_precision" => r.Precision, "place_inherited" => r.PlaceInherited ? 1 : 0,
        "country" => r.Country, "geonameid" => r.GeonameId, "action" => r.Action, "acled_type" => r.AcledType,
        "names" => string.Join(' ', r.Names),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [InlineData(1.5, "the shipped threshold")]
    [InlineData(0.4, "a low threshold: most pairs pass, the bound must still hold")]
    [InlineData(2.7, "a high threshold: only pairs with shared names and places pass")]
    public void The_bound_keeps_every_pair_that_reaches_the_threshold(double threshold, string reason)
    {
        using var db = new SqliteConnection("Data Source=:memory:");
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT " + MergeScoreBound.Sql(c => "$r_" + c);
        foreach (var p in MergeScoreBound.Parameters) cmd.Parameters.Add(new SqliteParameter(p, null));
        foreach (var c in Columns) cmd.Parameters.Add(new SqliteParameter("$r_" + c, null));

        var rng = new Random(20261206);
        int kept = 0, dropped = 0;
        for (int i = 0; i < 4000; i++)
        {
            var m = RandomReport(rng, 2 * i);
            var r = RandomReport(rng, 2 * i + 1);
            MergeScoreBound.Bind(cmd.Parameters, 0, m, threshold);
            for (int c = 0; c < Columns.Length; c++) cmd.Parameters[MergeScoreBound.Parameters.Length + c].Value = Column(r, Columns[c]) ?? DBNull.Value;
            bool passes = Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) != 0;
            var score = PairScorer.Score(m, r);
            Assert.Equal(score.Score, PairScorer.Value(m, r)); // the clusterer's allocation-free score is the same double
            if (score.Score >= threshold)
                Assert.True(passes, $"{reason}: the bound drops a pair that scores {score.Score:0.00} ({string.Join("; ", score.Reasons)})");
            if (passes) kept++; else dropped++;
        }
        // A bound that keeps everything would be safe and useless: the search must drop a real share of the pairs.
        Assert.True(dropped > 400, $"{reason}: only {dropped} of {kept + dropped} pairs dropped");
    }

    [Theory]
    [InlineData(20261207, "random pairs of every branch")]
    [InlineData(7, "another draw")]
    public void The_clusterers_bound_is_never_below_the_score(int seed, string reason)
    {
        // IncidentClusterer scores exactly only the pairs whose PairScorer.UpperBound reaches the threshold: a bound
        // below a pair's score would drop a link and change the incidents.
        var rng = new Random(seed);
        int below = 0;
        for (int i = 0; i < 4000; i++)
        {
            var m = RandomReport(rng, 2 * i);
            var r = RandomReport(rng, 2 * i + 1);
            double value = PairScorer.Value(m, r), bound = PairScorer.UpperBound(m, r);
            Assert.True(bound >= value, $"{reason}: bound {bound} below score {value} ({string.Join("; ", PairScorer.Score(m, r).Reasons)})");
            Assert.Equal(bound, PairScorer.UpperBound(r, m)); // symmetric, as the score
            if (bound < PairScorer.Threshold) below++;
        }
        // A bound that never falls below the threshold would save nothing.
        Assert.True(below > 400, $"{reason}: only {below} of 4000 pairs bounded below the threshold");
    }
}
