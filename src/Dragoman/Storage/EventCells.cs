namespace Dragoman.Storage;

/// <summary>
/// The located events of one cell of the stored grid (<see cref="EventCells"/>): how many, and the sums of their
/// latitudes and longitudes (so that merged cells have their events' mean point).
/// </summary>
public readonly record struct CellCount(int Row, int Column, long Count, double LatSum, double LonSum);

/// <summary>
/// A cluster of the map feed: <paramref name="Count"/> located events whose mean point is (<paramref name="Lat"/>,
/// <paramref name="Lon"/>), all inside the box south, west, north, east (the edges of the grid cells they lie in).
/// </summary>
public sealed record EventCluster(double Lat, double Lon, long Count, double South, double West, double North, double East);

/// <summary>
/// The grid the map feed clusters on. Each located event lies in one cell of a fixed grid of 1/64 degree (about 1.7 km
/// north-south), numbered from the south-west corner: row = floor((lat + 90) * 64), column = floor((lon + 180) * 64).
/// The stores keep each cell's count and coordinate sums (schema 25, kept by triggers), so a viewport's clusters are a
/// range read of the cells in it, whatever the number of events. A viewport is clustered on a coarser grid whose cells
/// are 2^k base cells on a side, k chosen so that about <see cref="Across"/> cells span the box's width.
/// </summary>
public static class EventCells
{
    /// <summary>Base cells per degree, both ways.</summary>
    public const int PerDegree = 64;

    /// <summary>About this many clustering cells across the box (a circle per 15-25 pixels on a screen-wide map).</summary>
    public const int Across = 48;

    /// <summary>The base row of a latitude (-90..90).</summary>
    public static int Row(double lat) => (int)Math.Floor((Math.Clamp(lat, -90, 90) + 90) * PerDegree);

    /// <summary>The base column of a longitude (-180..180).</summary>
    public static int Column(double lon) => (int)Math.Floor((Math.Clamp(lon, -180, 180) + 180) * PerDegree);

    /// <summary>
    /// How many base cells make one side of a clustering cell for <paramref name="box"/>: the smallest power of two whose
    /// cells are at least 1/<see cref="Across"/> of the box's width or height (the world without a box).
    /// </summary>
    public static int Factor(BoundingBox? box)
    {
        double span = box is { } b ? Math.Max(b.East - b.West, b.North - b.South) : 360;
        double want = span / Across * PerDegree;
        int f = 1;
        while (f < want && f < 1 << 16) f <<= 1;
        return f;
    }

    /// <summary>The base cells of <paramref name="points"/>, counted (for a feed whose cells are not kept).</summary>
    public static IReadOnlyList<CellCount> Count(IEnumerable<(double Lat, double Lon)> points)
    {
        var cells = new Dictionary<(int, int), (long N, double Lat, double Lon)>();
        foreach (var (lat, lon) in points)
        {
            var key = (Row(lat), Column(lon));
            cells.TryGetValue(key, out var c);
            cells[key] = (c.N + 1, c.Lat + lat, c.Lon + lon);
        }
        return [.. cells.Select(kv => new CellCount(kv.Key.Item1, kv.Key.Item2, kv.Value.N, kv.Value.Lat, kv.Value.Lon))];
    }

    /// <summary>
    /// Base cells merged into clustering cells of <paramref name="factor"/> base cells a side: one cluster per non-empty
    /// clustering cell, at its events' mean point, boxed by the edges of the base cells it holds; most events first.
    /// </summary>
    public static IReadOnlyList<EventCluster> Merge(IEnumerable<CellCount> cells, int factor)
    {
        var groups = new Dictionary<(int, int), (long N, double Lat, double Lon, int R0, int R1, int C0, int C1)>();
        foreach (var c in cells)
        {
            if (c.Count <= 0) continue;
            var key = (c.Row / factor, c.Column / factor);
            if (groups.TryGetValue(key, out var g))
                groups[key] = (g.N + c.Count, g.Lat + c.LatSum, g.Lon + c.LonSum, Math.Min(g.R0, c.Row), Math.Max(g.R1, c.Row), Math.Min(g.C0, c.Column), Math.Max(g.C1, c.Column));
            else
                groups[key] = (c.Count, c.LatSum, c.LonSum, c.Row, c.Row, c.Column, c.Column);
        }
        return [.. groups.Values
            .Select(g => new EventCluster(Math.Round(g.Lat / g.N, 5), Math.Round(g.Lon / g.N, 5), g.N,
                Edge(g.R0, -90), Edge(g.C0, -180), Math.Min(90, Edge(g.R1 + 1, -90)), Math.Min(180, Edge(g.C1 + 1, -180))))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Lat).ThenBy(c => c.Lon)];
    }

    private static double Edge(int cell, double origin) => origin + (double)cell / PerDegree;

    /// <summary>
    /// Whether <paramref name="q"/> selects by place alone (a box, main or every event): the feed whose clusters the
    /// kept cell counts answer. Any other filter, a page position or an article is read from the events.
    /// </summary>
    public static bool KeptCountsAnswer(EventQuery q) =>
        string.IsNullOrWhiteSpace(q.Actor) && string.IsNullOrWhiteSpace(q.Place) && q.From is null && q.To is null
        && string.IsNullOrWhiteSpace(q.Action) && string.IsNullOrWhiteSpace(q.Modality) && q.MinConfidence is null
        && string.IsNullOrWhiteSpace(q.Text) && q.ArticleId is null && q.After is null && q.Offset == 0;

    /// <summary>
    /// The clusters of the feed <paramref name="q"/> when more events match it than its limit, else null (the feed lists
    /// the events themselves). A place-only feed reads the kept cell counts in its box (the cells the box touches, so a
    /// cluster at the box's edge may count a few events just outside it); any other reads a bounded count of the
    /// matches and then the points of the events the features would list (the newest <c>Limit</c>, the listing's order):
    /// two numbers a row instead of a feature's columns, and a few hundred clusters instead of megabytes of features.
    /// Reading more matches' points was measured: 50,000 of `attack`'s took 1.9 s at 1M events (docs/benchmarks.md, "feed22").
    /// </summary>
    public static Result<IReadOnlyList<EventCluster>?> Clusters(IEventStore store, EventQuery q)
    {
        int factor = Factor(q.Box);
        if (KeptCountsAnswer(q) && store.LocatedCells(q.All, q.Box) is { } kept)
            return Result<IReadOnlyList<EventCluster>?>.Ok(kept.Sum(c => c.Count) > q.Limit ? Merge(kept, factor) : null);
        var counted = store.CountEvents(q, q.Limit + 1);
        if (!counted.IsOk) return Result<IReadOnlyList<EventCluster>?>.Fail(counted.Error!);
        if (counted.Value <= q.Limit) return Result<IReadOnlyList<EventCluster>?>.Ok(null);
        var points = store.QueryPoints(q);
        if (!points.IsOk) return Result<IReadOnlyList<EventCluster>?>.Fail(points.Error!);
        return Result<IReadOnlyList<EventCluster>?>.Ok(Merge(Count(points.Value!), factor));
    }
}
