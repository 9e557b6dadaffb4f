namespace Dragoman.Geo;

/// <summary>
/// The current picks of one text's mentions during joint resolution, indexed so that "the nearest pick of another
/// name" and "another name's pick in this country" cost the picks nearby, not all mentions of the text (a text that
/// names Homs 20,000 times has one distinct pick). Picks come and go as mentions revise their choice.
/// </summary>
internal sealed class PickIndex
{
    /// <summary>Distances at or beyond this are never told apart by the scoring (its nearest band ends at 250 km).</summary>
    public const double HorizonKm = 250;

    private const float CellDegrees = 2.5f;
    private const int LonCells = 144; // 360 / CellDegrees
    // a little wider than the horizon, so that float rounding of the cell bounds never drops a pick at the edge
    private static readonly double HorizonDegrees = 1.01 * HorizonKm / GeoMath.EarthRadiusKm * 180 / Math.PI;

    private readonly Gazetteer _g;
    private readonly Dictionary<int, Dictionary<string, int>> _keysByPick = new();   // pick -> name key -> mentions
    private readonly Dictionary<long, HashSet<int>> _cells = new();                   // grid cell -> picks (countries left out)
    private readonly Dictionary<ushort, HashSet<int>> _byCountry = new();             // country -> picks

    public PickIndex(Gazetteer gazetteer) => _g = gazetteer;

    public void Add(string key, int pick)
    {
        if (!_keysByPick.TryGetValue(pick, out var keys))
        {
            _keysByPick[pick] = keys = new Dictionary<string, int>(StringComparer.Ordinal);
            if (!IsCountry(pick)) CellOf(pick).Add(pick);
            Country(pick).Add(pick);
        }
        keys[key] = keys.GetValueOrDefault(key) + 1;
    }

    public void Remove(string key, int pick)
    {
        var keys = _keysByPick[pick];
        if (--keys[key] > 0) return;
        keys.Remove(key);
        if (keys.Count > 0) return;
        _keysByPick.Remove(pick);
        if (!IsCountry(pick)) CellOf(pick).Remove(pick);
        Country(pick).Remove(pick);
    }

    /// <summary>Whether a mention of another name than <paramref name="key"/> picked <paramref name="pick"/>.</summary>
    private bool PickedByOther(int pick, string key)
    {
        var keys = _keysByPick[pick];
        return keys.Count > 1 || !keys.ContainsKey(key);
    }

    /// <summary>
    /// The distance from <paramref name="c"/> to the nearest non-country pick of another name (other than c itself),
    /// exact below <see cref="HorizonKm"/>; any value at or above it means "none that near".
    /// </summary>
    public double NearestKm(int c, string key)
    {
        double best = double.MaxValue;
        float lat = _g.Lats[c], lon = _g.Lons[c];
        int la0 = LatCell(lat - (float)HorizonDegrees), la1 = LatCell(lat + (float)HorizonDegrees);
        // the equirectangular distance shrinks longitude by the cosine of the mean latitude
        double maxAbsLat = Math.Min(90, Math.Abs(lat) + HorizonDegrees);
        double cos = Math.Cos(maxAbsLat * Math.PI / 180);
        double dlon = cos > 0.02 ? HorizonDegrees / cos : 360;
        int lo0 = LonCell(lon - (float)dlon), span = LonCell(lon + (float)dlon) - lo0;
        if (span < 0) span += LonCells;
        if (dlon >= 180 || span >= LonCells) { lo0 = 0; span = LonCells - 1; }
        for (int la = la0; la <= la1; la++)
            for (int s = 0; s <= span; s++)
            {
                if (!_cells.TryGetValue(CellKey(la, (lo0 + s) % LonCells), out var picks)) continue;
                foreach (var o in picks)
                {
                    if (o == c || !PickedByOther(o, key)) continue;
                    double d = GeoMath.ApproxKm(lat, lon, _g.Lats[o], _g.Lons[o]);
                    if (d < best) best = d;
                }
            }
        return best;
    }

    /// <summary>Whether a mention of another name picked a place (other than c) in c's country.</summary>
    public bool AnyInCountry(int c, string key)
    {
        if (!_byCountry.TryGetValue(_g.Countries[c], out var picks)) return false;
        foreach (var o in picks)
            if (o != c && PickedByOther(o, key)) return true;
        return false;
    }

    private bool IsCountry(int c) => _g.FClasses[c] == 'A' && _g.FeatureCodeOf(c).StartsWith("PCL", StringComparison.Ordinal);

    private HashSet<int> Country(int pick)
    {
        var cc = _g.Countries[pick];
        if (!_byCountry.TryGetValue(cc, out var set)) _byCountry[cc] = set = [];
        return set;
    }

    private HashSet<int> CellOf(int pick)
    {
        long key = CellKey(LatCell(_g.Lats[pick]), LonCell(_g.Lons[pick]));
        if (!_cells.TryGetValue(key, out var set)) _cells[key] = set = [];
        return set;
    }

    private static int LatCell(float lat) => (int)MathF.Floor(lat / CellDegrees);
    private static int LonCell(float lon)
    {
        int cell = (int)MathF.Floor((lon + 180f) / CellDegrees) % LonCells;
        return cell < 0 ? cell + LonCells : cell;
    }
    private static long CellKey(int lat, int lon) => ((long)lat << 32) | (uint)lon;
}
