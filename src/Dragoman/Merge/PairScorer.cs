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
/// Scores whether two reports are one real-world incident: a logistic-regression model (<see cref="PairModel"/>, fitted
/// on the development part of merge-gold by `dragoman train merge`) over date distance, place distance at the places'
/// precision, type agreement, shared proper names and count compatibility (docs/merge.md). Symmetric:
/// score(a, b) == score(b, a).
/// </summary>
public static class PairScorer
{
    /// <summary>The shipped model; its weights also build the store's SQL bound of the score (MergeScoreBound).</summary>
    public static PairModel Model => PairModel.Shipped;

    /// <summary>Average link score an incident's reports need to stay together (the model's).</summary>
    public static double Threshold => Model.Threshold;

    /// <summary>Days apart two dated reports may be and still be compared (blocking window).</summary>
    public const int WindowDays = 4;

    /// <summary>A tolerance at or below this (km) is tight: an exact or near place.</summary>
    public const double TightTolerance = 50;
    /// <summary>The tolerance of a country-precision place (km); a shared GeoNames id counts only below it.</summary>
    public const double CountryTolerance = 1500;
    /// <summary>Shared name words counted at most.</summary>
    public const int NamesCounted = 3;

    /// <summary>How far apart (km) two points may be at each place precision and still be one place; others: <see cref="DefaultTolerance"/>.</summary>
    public static readonly IReadOnlyDictionary<string, double> Tolerances = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["exact"] = 25, ["near"] = 40, ["region"] = 150, ["country"] = CountryTolerance,
    };

    /// <summary>The tolerance of an unknown precision, and of a place inherited from the article's focus (read as a region).</summary>
    public const double DefaultTolerance = 150;

    /// <param name="explain">Write each reason's detail (the clusterer scores every pair without, and explains only the links it keeps).</param>
    public static PairScore Score(MergeReport a, MergeReport b, bool explain = true)
    {
        if (a.Family is null || a.Family != b.Family) return PairScore.Apart;
        var reasons = new List<LinkReason>(6);
        return new PairScore(Sum(a, b, Model, reasons, explain, null), reasons);
    }

    /// <summary>The score of <see cref="Score"/> alone (negative infinity for different families), without reasons or allocation.</summary>
    public static double Value(MergeReport a, MergeReport b) => Value(a, b, Model);

    /// <summary>The score under another model (training, cross-validation).</summary>
    public static double Value(MergeReport a, MergeReport b, PairModel model) =>
        a.Family is null || a.Family != b.Family ? double.NegativeInfinity : Sum(a, b, model, null, false, null);

    /// <summary>The feature values of a pair of one family (<see cref="PairFeature"/> order), for training.</summary>
    public static double[] Features(MergeReport a, MergeReport b)
    {
        var x = new double[PairModel.FeatureCount];
        Sum(a, b, Model, null, false, x);
        return x;
    }

    /// <summary>The features in a fixed order (so both entry points add the same doubles in the same order); reasons only when a list is given.</summary>
    private static double Sum(MergeReport a, MergeReport b, PairModel model, List<LinkReason>? reasons, bool explain, double[]? x)
    {
        double s = 0;
        void Add(string group, PairFeature f, string detail, double value = 1)
        {
            double w = model[f] * value;
            s += w;
            if (x is not null) x[(int)f] += value;
            reasons?.Add(new LinkReason(group, w, detail));
        }

        // Date: a day the text gives is precise; the publication date only bounds the event from above.
        if (a.Dated && b.Dated)
        {
            int gap = Math.Max(0, Math.Max(a.DayLo!.Value - b.DayHi!.Value, b.DayLo!.Value - a.DayHi!.Value));
            bool bothText = !a.DayFromPublication && !b.DayFromPublication;
            if (gap == 0) Add("date", bothText ? PairFeature.DateSameDayTexts : PairFeature.DateSameDayPublication, bothText ? "same day in both texts" : "overlaps the publication window");
            else if (gap == 1) Add("date", PairFeature.DateOneDay, "one day apart");
            else if (gap <= WindowDays) Add("date", PairFeature.DateInWindow, !explain ? "" : $"{gap} days apart");
            else Add("date", PairFeature.DateFar, !explain ? "" : $"{gap} days apart");
        }
        // Undated on a side: the days of the year its article names ("October 14", no year) against the other's.
        // Same day and one day apart are told apart as for dated reports (a night attack and the next day's shots nearby).
        else if (MonthDays.Gap(a, b) is { } md && md is <= 1 or > WindowDays)
            Add("date", md switch { 0 => PairFeature.DateMonthDaySame, 1 => PairFeature.DateMonthDayOneDay, _ => PairFeature.DateMonthDayApart },
                !explain ? "" : md switch { 0 => "a day of the year both name (one report has no year)", 1 => "the days of the year they name are one day apart", _ => $"the days of the year they name are {md} days apart" });
        else Add("date", PairFeature.DateUndated, "one report is undated");

        // Place: distance against the coarser precision's tolerance; without coordinates, the countries (a report without
        // a place of its own takes its article's country, MergeReports).
        if (a.Lat is { } la && a.Lon is { } oa && b.Lat is { } lb && b.Lon is { } ob)
        {
            double km = Kilometres(la, oa, lb, ob);
            double tol = Math.Max(Tolerance(a), Tolerance(b));
            if (a.GeonameId is not null && a.GeonameId == b.GeonameId && tol < CountryTolerance)
                Add("place", tol <= TightTolerance ? PairFeature.PlaceSameTight : PairFeature.PlaceSameWide, !explain ? "" : $"same place {a.PlaceName}");
            else if (km <= tol) Add("place", tol <= TightTolerance ? PairFeature.PlaceWithinTight : PairFeature.PlaceWithinWide, !explain ? "" : $"{km:0} km apart, within {tol:0} km");
            else if (km <= 3 * tol) Add("place", PairFeature.PlaceNear, !explain ? "" : $"{km:0} km apart");
            // A place inherited from the article's focus is the article's guess, not the sentence's: far from the other
            // report it says only its country (merge-gold dev: an article's focus taken from a neighbouring state or the
            // outlet's country kept 4 gold pairs apart at place.far).
            else if (a.PlaceInherited || b.PlaceInherited) CountryOnly();
            else Add("place", PairFeature.PlaceFar, !explain ? "" : $"{km:0} km apart ({a.PlaceName} / {b.PlaceName})");
        }
        else CountryOnly();

        void CountryOnly()
        {
            if (a.Country is null || b.Country is null) Add("place", PairFeature.PlaceNone, "a report has no place");
            else if (a.Country != b.Country) Add("place", PairFeature.PlaceOtherCountry, !explain ? "" : $"{a.Country} / {b.Country}");
            else Add("place", PairFeature.PlaceSameCountryOnly, !explain ? "" : $"both in {a.Country}, a report has no place of its own");
        }

        if (a.Action == b.Action) Add("type", PairFeature.TypeSameAction, a.Action);
        else if (a.AcledType is not null && a.AcledType == b.AcledType) Add("type", PairFeature.TypeSameAcledType, a.AcledType);
        else if (a.AcledType is not null && b.AcledType is not null) Add("type", PairFeature.TypeOtherAcledType, !explain ? "" : $"{a.AcledType} / {b.AcledType}");

        int shared = MergeBlocking.SharedWords(a.Names, b.Names);
        if (shared > 0) Add("names", PairFeature.NamesShared, !explain ? "" : string.Join(", ", a.Names.Intersect(b.Names, StringComparer.Ordinal).Take(4)), Math.Min(NamesCounted, shared));
        // Both reports name people, groups or things and none is shared: they speak of different ones ("Karlov" against
        // "Anadolu", the ambassador's killing and the embassy shots the next day). Evidence against, not mere silence.
        else if (a.Names.Count > 0 && b.Names.Count > 0)
            Add("names", PairFeature.NamesNoneShared, !explain ? "" : $"no name shared: {string.Join(", ", a.Names.Take(3))} / {string.Join(", ", b.Names.Take(3))}");

        // Nouns as a share of both lists (Dice), so that long evidence does not count more than short.
        int words = MergeBlocking.SharedWords(a.Words, b.Words);
        if (words > 0)
        {
            double dice = 2.0 * words / (a.Words.Count + b.Words.Count);
            Add("words", PairFeature.WordsOverlap, !explain ? "" : $"{dice:0.00} of nouns shared: " + string.Join(", ", a.Words.Intersect(b.Words, StringComparer.Ordinal).Take(6)), dice);
        }

        if (a.Killed is { } ka && b.Killed is { } kb)
        {
            if (ka == 0 || kb == 0)
            {
                if (Math.Max(ka, kb) >= 3) Add("count", PairFeature.CountNobodyDied, !explain ? "" : $"{ka} / {kb} killed: nobody died in one report");
            }
            else
            {
                double ratio = (double)Math.Min(ka, kb) / Math.Max(ka, kb);
                if (ratio >= 0.5) Add("count", PairFeature.CountAgree, !explain ? "" : $"{ka} / {kb} killed");
                else if (ratio < 0.2) Add("count", PairFeature.CountApart, !explain ? "" : $"{ka} / {kb} killed");
            }
        }
        return s;
    }

    /// <summary>
    /// A cheap bound the pair's <see cref="Value"/> never exceeds: the date (both dated), type, names and count groups as
    /// <see cref="Sum"/> scores them, the place and noun groups and an undated date at their largest weights. No distance
    /// and no noun lists: the clusterer scores exactly only the pairs whose bound reaches the threshold.
    /// </summary>
    private static readonly Lazy<double> LargestPlace = new(() => new[] { PairFeature.PlaceSameTight, PairFeature.PlaceSameWide,
        PairFeature.PlaceWithinTight, PairFeature.PlaceWithinWide, PairFeature.PlaceNear, PairFeature.PlaceFar,
        PairFeature.PlaceOtherCountry, PairFeature.PlaceSameCountryOnly, PairFeature.PlaceNone }.Max(f => Model[f]));

    public static double UpperBound(MergeReport a, MergeReport b)
    {
        if (a.Family is null || a.Family != b.Family) return double.NegativeInfinity;
        var m = Model;
        double s;
        if (a.Dated && b.Dated)
        {
            int gap = Math.Max(0, Math.Max(a.DayLo!.Value - b.DayHi!.Value, b.DayLo!.Value - a.DayHi!.Value));
            bool bothText = !a.DayFromPublication && !b.DayFromPublication;
            s = gap == 0 ? m[bothText ? PairFeature.DateSameDayTexts : PairFeature.DateSameDayPublication]
                : gap == 1 ? m[PairFeature.DateOneDay] : gap <= WindowDays ? m[PairFeature.DateInWindow] : m[PairFeature.DateFar];
        }
        else s = Math.Max(m[PairFeature.DateMonthDaySame], Math.Max(m[PairFeature.DateMonthDayOneDay],
            Math.Max(m[PairFeature.DateMonthDayApart], m[PairFeature.DateUndated])));
        s += LargestPlace.Value;
        if (a.Action == b.Action) s += m[PairFeature.TypeSameAction];
        else if (a.AcledType is not null && a.AcledType == b.AcledType) s += m[PairFeature.TypeSameAcledType];
        else if (a.AcledType is not null && b.AcledType is not null) s += m[PairFeature.TypeOtherAcledType];
        int shared = MergeBlocking.SharedWords(a.Names, b.Names);
        if (shared > 0) s += m[PairFeature.NamesShared] * Math.Min(NamesCounted, shared);
        else if (a.Names.Count > 0 && b.Names.Count > 0) s += m[PairFeature.NamesNoneShared];
        s += Math.Max(0, m[PairFeature.WordsOverlap]);
        if (a.Killed is { } ka && b.Killed is { } kb)
        {
            if (ka == 0 || kb == 0) { if (Math.Max(ka, kb) >= 3) s += m[PairFeature.CountNobodyDied]; }
            else
            {
                double ratio = (double)Math.Min(ka, kb) / Math.Max(ka, kb);
                if (ratio >= 0.5) s += m[PairFeature.CountAgree];
                else if (ratio < 0.2) s += m[PairFeature.CountApart];
            }
        }
        return s;
    }

    /// <summary>
    /// The largest score a pair can reach from every group but the place: one date feature always fires (its largest
    /// weight), the others at their largest weight or not at all (names at <see cref="NamesCounted"/> shared, the noun overlap at 1).
    /// </summary>
    public static double LargestWithoutPlace(PairModel m)
    {
        double Max(params PairFeature[] fs) => fs.Max(f => m[f]);
        double date = Max(PairFeature.DateSameDayTexts, PairFeature.DateSameDayPublication, PairFeature.DateOneDay, PairFeature.DateInWindow,
            PairFeature.DateFar, PairFeature.DateUndated, PairFeature.DateMonthDaySame, PairFeature.DateMonthDayOneDay, PairFeature.DateMonthDayApart);
        double type = Math.Max(0, Max(PairFeature.TypeSameAction, PairFeature.TypeSameAcledType, PairFeature.TypeOtherAcledType));
        double names = Math.Max(0, Math.Max(NamesCounted * m[PairFeature.NamesShared], m[PairFeature.NamesNoneShared]));
        double count = Math.Max(0, Max(PairFeature.CountAgree, PairFeature.CountApart, PairFeature.CountNobodyDied));
        return date + type + names + Math.Max(0, m[PairFeature.WordsOverlap]) + count;
    }

    /// <summary>How far apart (km) two points of a place may be at a report's precision and still be one place.</summary>
    public static double Tolerance(MergeReport r) =>
        !r.PlaceInherited && r.Precision is not null && Tolerances.TryGetValue(r.Precision, out var km) ? km : DefaultTolerance;

    public static double Kilometres(double lat1, double lon1, double lat2, double lon2)
    {
        const double R = 6371;
        double dLat = (lat2 - lat1) * Math.PI / 180, dLon = (lon2 - lon1) * Math.PI / 180;
        double h = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) +
                   Math.Cos(lat1 * Math.PI / 180) * Math.Cos(lat2 * Math.PI / 180) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * R * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }
}
