namespace Dragoman.Geo;

/// <summary>A populated place with its first-level division code, as the division matcher sees it.</summary>
internal readonly record struct CodedPlace(string Code, double Lat, double Lon, long Population, bool IsSeat, string Name);

/// <summary>
/// A named first-level division with one point (the npm states file's), as the division matcher sees it;
/// <paramref name="InCountry"/> false: the point lies far outside the country, so it says nothing of where the division is.
/// </summary>
internal readonly record struct NamedDivision(string Name, double Lat, double Lon, bool InCountry = true);

/// <summary>
/// Puts names on GeoNames first-level division codes ("SY.06") when no admin1 table is installed, by matching the
/// codes of one country's places to the named divisions of the npm states file, which carry other codes. A code
/// takes a division's name only on clear evidence: its seat (PPLA/PPLC) bears the division's name, or most of its
/// places lie nearer that division's point than any other's and most places nearest that point carry the code;
/// then, among what is left, a mutual best pair with a strong combined score. A country whose states file lists far
/// more divisions than its places have codes describes another level (provinces instead of regions) and is skipped.
/// Measured at build time against GeoNames' admin1CodesASCII (docs/geo.md): names agree for about 96% of the
/// codes named, the rest being mostly spelling variants; codes without clear evidence keep their code.
/// </summary>
internal static class DivisionCodeMatcher
{
    private const int NearestPlaces = 7;
    /// <summary>1 + 1/2 + ... + 1/7: the reverse vote of a point's nearest places sums to one.</summary>
    private const double ReverseNorm = 2.5928571428571425;
    private const double MinScore = 0.34, MinForward = 0.5, MinReverse = 0.5, MinLeftover = 0.8, NameBonus = 2;
    private const double MaxDivisionsPerCode = 1.5;

    /// <summary>A division that carries a place code itself (the same code in both schemes) keeps it only on this much evidence.</summary>
    private const double MinClaimEvidence = 0.3;

    /// <summary>
    /// The division index each code of one country matches, if any. <paramref name="claimed"/>: codes that a
    /// division carries itself; the claim holds only when the places agree (some schemes share codes by design, as
    /// US postal codes; others only by accident, as numbered districts).
    /// </summary>
    public static Dictionary<string, int> Match(IReadOnlyList<CodedPlace> places, IReadOnlyList<NamedDivision> divisions, IReadOnlyDictionary<string, int> claimed)
    {
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        var codes = places.Select(p => p.Code).Distinct(StringComparer.Ordinal).ToList();
        if (codes.Count == 0 || divisions.Count == 0) return result;

        var forward = new Dictionary<(string, int), double>();
        var reverse = new Dictionary<(string, int), double>();
        var named = new HashSet<(string, int)>();
        // two divisions on the very same point (Central and East Darfur) were placed by a fallback, not located: their
        // point is no evidence of where either lies, so they can be matched by their seat's name only
        // (nor is a point in another country: Meta at Denver would take whichever code's towns lie nearest to Colorado)
        var located = divisions.Select(d => d.InCountry && divisions.Count(o => o.Lat == d.Lat && o.Lon == d.Lon) == 1).ToArray();
        // forward: where each code's places lie, weighted by the log of their population
        var totals = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var p in places)
        {
            int nearest = 0;
            double best = double.MaxValue;
            for (int i = 0; i < divisions.Count; i++)
            {
                if (!located[i]) continue;
                double d = Distance(p.Lat, p.Lon, divisions[i].Lat, divisions[i].Lon);
                if (d < best) { best = d; nearest = i; }
            }
            if (best == double.MaxValue) continue;
            double w = Math.Log10(p.Population + 10);
            forward[(p.Code, nearest)] = forward.GetValueOrDefault((p.Code, nearest)) + w;
            totals[p.Code] = totals.GetValueOrDefault(p.Code) + w;
        }
        foreach (var key in forward.Keys.ToList()) forward[key] /= totals[key.Item1];
        // reverse: the codes of the places nearest each division's point
        var nearestIdx = new int[NearestPlaces];
        var nearestDist = new double[NearestPlaces];
        for (int i = 0; i < divisions.Count; i++)
        {
            if (!located[i]) continue;
            int n = 0;
            for (int k = 0; k < places.Count; k++)
            {
                double d = Distance(places[k].Lat, places[k].Lon, divisions[i].Lat, divisions[i].Lon);
                if (n == NearestPlaces && d >= nearestDist[n - 1]) continue;
                int at = n < NearestPlaces ? n++ : n - 1;
                while (at > 0 && nearestDist[at - 1] > d) { nearestDist[at] = nearestDist[at - 1]; nearestIdx[at] = nearestIdx[at - 1]; at--; }
                nearestDist[at] = d; nearestIdx[at] = k;
            }
            for (int rank = 0; rank < n; rank++)
            {
                var key = (places[nearestIdx[rank]].Code, i);
                reverse[key] = reverse.GetValueOrDefault(key) + 1.0 / (rank + 1) / ReverseNorm;
            }
        }
        // names: a seat named like the division ("Daraa" and "Daraa Governorate")
        var cores = divisions.Select(d => Core(d.Name)).ToArray();
        foreach (var p in places)
        {
            if (!p.IsSeat) continue;
            var core = Core(p.Name);
            if (core.Length == 0) continue;
            for (int i = 0; i < divisions.Count; i++)
                if (cores[i] == core) named.Add((p.Code, i));
        }

        var score = new Dictionary<(string Code, int Division), double>();
        foreach (var (k, v) in forward) score[k] = score.GetValueOrDefault(k) + v;
        foreach (var (k, v) in reverse) score[k] = score.GetValueOrDefault(k) + v;
        foreach (var k in named) score[k] = score.GetValueOrDefault(k) + NameBonus;

        var usedDivisions = new HashSet<int>();
        foreach (var (code, i) in claimed.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (usedDivisions.Contains(i) || !(named.Contains((code, i)) || forward.GetValueOrDefault((code, i)) >= MinClaimEvidence
                || reverse.GetValueOrDefault((code, i)) >= MinClaimEvidence)) continue;
            result[code] = i;
            usedDivisions.Add(i);
        }
        // a states list with far more divisions than the places have codes describes another level: no matching
        if (divisions.Count > MaxDivisionsPerCode * codes.Count) return result;
        foreach (var ((code, i), s) in score.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key.Code, StringComparer.Ordinal).ThenBy(kv => kv.Key.Division))
        {
            if (s < MinScore || result.ContainsKey(code) || usedDivisions.Contains(i)) continue;
            if (!named.Contains((code, i)) && !(forward.GetValueOrDefault((code, i)) >= MinForward && reverse.GetValueOrDefault((code, i)) >= MinReverse)) continue;
            result[code] = i;
            usedDivisions.Add(i);
        }
        // what is left: a code and a division that are each other's best, with a strong combined score
        foreach (var code in codes.Order(StringComparer.Ordinal))
        {
            if (result.ContainsKey(code)) continue;
            int bestDivision = -1;
            double bestScore = 0;
            for (int i = 0; i < divisions.Count; i++)
                if (!usedDivisions.Contains(i) && score.GetValueOrDefault((code, i)) > bestScore) { bestScore = score[(code, i)]; bestDivision = i; }
            if (bestDivision < 0 || bestScore < MinLeftover) continue;
            bool mutual = codes.All(other => other == code || result.ContainsKey(other) || score.GetValueOrDefault((other, bestDivision)) <= bestScore);
            if (!mutual) continue;
            result[code] = bestDivision;
            usedDivisions.Add(bestDivision);
        }
        return result;
    }

    /// <summary>A name without its division word and leading article, folded: "Al-Hasakah Governorate" -> "hasakah".</summary>
    internal static string Core(string name) => NameFolder.Loose(NameFolder.Canon(GazetteerBuilder.StripDivisionWord(name)));

    /// <summary>Equirectangular distance in degrees (only compared, never reported).</summary>
    private static double Distance(double lat1, double lon1, double lat2, double lon2)
    {
        double dLon = (lon1 - lon2) * Math.Cos((lat1 + lat2) * Math.PI / 360);
        double dLat = lat1 - lat2;
        return Math.Sqrt(dLat * dLat + dLon * dLon);
    }
}
