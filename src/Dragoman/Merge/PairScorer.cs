namespace Dragoman.Merge;

/// <summary>One reason a link was scored as it was: the feature and what it added.</summary>
public sealed record LinkReason(string Feature, double Weight, string Detail)
{
    public override string ToString() => $"{Feature} {Weight:+0.0;-0.0} ({Detail})";
}

/// <summary>The score of a pair of reports and its reasons. A pair whose score is at or above <see cref="PairScorer.Threshold"/> may be one incident.</summary>
public sealed record PairScore(double Score, IReadOnlyList<LinkReason> Reasons)
{
    public static readonly PairScore Apart = new(double.NegativeInfinity, [new LinkReason("family", double.NegativeInfinity, "different kinds of event")]);
}

/// <summary>
/// Scores whether two reports are one real-world incident: a small linear model over date distance, place distance at
/// the places' precision, type agreement, shared proper names and count compatibility (docs/merge.md gives the weights
/// and how they were chosen on the development part of merge-gold). Symmetric: score(a, b) == score(b, a).
/// </summary>
public static class PairScorer
{
    /// <summary>Average link score an incident's reports need to stay together.</summary>
    public const double Threshold = 1.5;

    /// <summary>Days apart two dated reports may be and still be compared (blocking window).</summary>
    public const int WindowDays = 4;

    /// <param name="explain">Write each reason's detail (the clusterer scores every pair without, and explains only the links it keeps).</param>
    public static PairScore Score(MergeReport a, MergeReport b, bool explain = true)
    {
        if (a.Family is null || a.Family != b.Family) return PairScore.Apart;
        var reasons = new List<LinkReason>(6);
        double s = 0;
        void Add(string feature, double w, string detail) { s += w; reasons.Add(new LinkReason(feature, w, detail)); }

        // Date: a day the text gives is precise; the publication date only bounds the event from above.
        if (a.Dated && b.Dated)
        {
            int gap = Math.Max(0, Math.Max(a.DayLo!.Value - b.DayHi!.Value, b.DayLo!.Value - a.DayHi!.Value));
            bool bothText = !a.DayFromPublication && !b.DayFromPublication;
            if (gap == 0) Add("date", bothText ? 1.0 : 0.5, bothText ? "same day in both texts" : "overlaps the publication window");
            else if (gap == 1) Add("date", 0, "one day apart");
            else if (gap <= WindowDays) Add("date", -1.5, !explain ? "" : $"{gap} days apart");
            else Add("date", -4, !explain ? "" : $"{gap} days apart");
        }
        else Add("date", -0.3, "one report is undated");

        // Place: distance against the coarser precision's tolerance; a different country rules out.
        if (a.Lat is { } la && a.Lon is { } oa && b.Lat is { } lb && b.Lon is { } ob)
        {
            double km = Kilometres(la, oa, lb, ob);
            double tol = Math.Max(Tolerance(a), Tolerance(b));
            if (a.GeonameId is not null && a.GeonameId == b.GeonameId && tol < 1500)
                Add("place", tol <= 50 ? 1.6 : 1.2, !explain ? "" : $"same place {a.PlaceName}");
            else if (km <= tol) Add("place", tol <= 50 ? 1.2 : 0, !explain ? "" : $"{km:0} km apart, within {tol:0} km");
            else if (km <= 3 * tol) Add("place", -0.5, !explain ? "" : $"{km:0} km apart");
            else Add("place", -3, !explain ? "" : $"{km:0} km apart ({a.PlaceName} / {b.PlaceName})");
        }
        else if (a.Country is not null && b.Country is not null && a.Country != b.Country)
            Add("place", -3, !explain ? "" : $"{a.Country} / {b.Country}");
        else Add("place", -0.3, "a report has no place");

        if (a.Action == b.Action) Add("type", 0.3, a.Action);
        else if (a.AcledType is not null && a.AcledType == b.AcledType) Add("type", 0.1, a.AcledType);

        int shared = SharedCount(a.Names, b.Names);
        if (shared > 0) Add("names", Math.Min(3, shared) * 0.6, !explain ? "" : string.Join(", ", a.Names.Intersect(b.Names, StringComparer.Ordinal).Take(4)));

        if (a.Killed is { } ka && b.Killed is { } kb)
        {
            if (ka == 0 || kb == 0)
            {
                if (Math.Max(ka, kb) >= 3) Add("count", -1.5, !explain ? "" : $"{ka} / {kb} killed: nobody died in one report");
            }
            else
            {
                double ratio = (double)Math.Min(ka, kb) / Math.Max(ka, kb);
                if (ratio >= 0.5) Add("count", 0.3, !explain ? "" : $"{ka} / {kb} killed");
                else if (ratio < 0.2) Add("count", -0.5, !explain ? "" : $"{ka} / {kb} killed");
            }
        }
        return new PairScore(s, reasons);
    }

    /// <summary>How far apart (km) two points of a place may be at a report's precision and still be one place.</summary>
    public static double Tolerance(MergeReport r) => (r.PlaceInherited ? "region" : r.Precision) switch
    {
        "exact" => 25,
        "near" => 40,
        "region" => 150,
        "country" => 1500,
        _ => 150,
    };

    public static double Kilometres(double lat1, double lon1, double lat2, double lon2)
    {
        const double R = 6371;
        double dLat = (lat2 - lat1) * Math.PI / 180, dLon = (lon2 - lon1) * Math.PI / 180;
        double h = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) +
                   Math.Cos(lat1 * Math.PI / 180) * Math.Cos(lat2 * Math.PI / 180) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * R * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    private static int SharedCount(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        // Both lists are sorted ordinally (MergeReports builds them so).
        int i = 0, j = 0, n = 0;
        while (i < a.Count && j < b.Count)
        {
            int c = string.CompareOrdinal(a[i], b[j]);
            if (c == 0) { n++; i++; j++; }
            else if (c < 0) i++;
            else j++;
        }
        return n;
    }
}
