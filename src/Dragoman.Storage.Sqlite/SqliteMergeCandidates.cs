using System.Globalization;
using System.Text.Json;
using Dragoman.Merge;
using Microsoft.Data.Sqlite;

namespace Dragoman.Storage.Sqlite;

/// <summary>
/// The merge stage's candidate search: the stored reports of a new report's block (family, a window of days, the same
/// country or none, or another country naming two of its name words; undated: the same resolved place, or the same country and a day of the year within the window, with a shared name word when the other is dated) whose pair score can still reach the threshold. SQLite computes an
/// upper bound of <see cref="PairScorer"/>'s score for every row of the block (<see cref="MergeScoreBound"/>) and hands
/// back only the rows at or above the threshold, so the rows a report cannot link to are never read into .NET; the
/// survivors are scored exactly as before. A report thus finds the same incidents, at a cost that follows the rows it may
/// link to rather than the size of its block.
/// </summary>
public sealed partial class SqliteEventStore
{
    /// <summary>Most candidates one report reads from a block (a safety bound; blocks are far smaller in news).</summary>
    public const int MaxCandidates = 2000;

    /// <summary>Days a stored report's window may start before the new report's window and still be read (no report spans more).</summary>
    private const int LongestWindowDays = MergeReports.MaxDaySpan;

    /// <summary>A stored report spanning more days than this is long: only such a report can start more than this many days before a new report's window and still overlap it.</summary>
    private const int LongSpanDays = 7;

    /// <summary>
    /// The condition of the partial index incident_reports_long (migration 19, which writes the same 7), as the index
    /// writes it so that SQLite may use it (the merge stage runs from that schema on: SqliteIncidents.MergeSchemaVersion).
    /// </summary>
    private static readonly string LongSpan = $"r.day_hi - r.day_lo > {LongSpanDays}";

    private static readonly string CandidatesSql = BuildCandidatesSql();

    private static string BuildCandidatesSql()
    {
        string bound = MergeScoreBound.Sql(column => "r." + column);
        // The window in two index ranges: every report whose first day is at most a week before the new report's window
        // (incident_reports_block), and the long reports (incident_reports_long, migration 19) that start up to a month
        // before it; the two ranges of first days do not overlap, so no report comes twice.
        string shortWindow = $"r.day_lo BETWEEN $from - {LongSpanDays} AND $hi + $window AND r.day_hi >= $from AND r.article_id <> $a";
        string longWindow = $"{LongSpan} AND r.day_lo BETWEEN $from - $longest AND $from - {LongSpanDays + 1} AND r.day_hi >= $from AND r.article_id <> $a";
        string Part(string where) => $"SELECT {ReportColumns} FROM incident_reports r WHERE {where} AND {bound}";
        // Named: without statistics SQLite's planner took the block index for the long part too (3.53 on a store of 200k reports).
        string Long(string where) => $"SELECT {ReportColumns} FROM incident_reports r INDEXED BY incident_reports_long WHERE {where} AND {bound}";
        // MergeBlocking's rule. Dated: the same family within the window, in the same country or in none (each an index
        // range on (family, country, day_lo)); a new report without a country reads every country's window. Undated on
        // either side: only the same resolved place ((family, geonameid)); the whole country would be a block without
        // a time bound (docs/benchmarks.md, session 6). A part whose key is null reads nothing, so one statement serves every report.
        return string.Join(" UNION ALL ",
            Part($"r.family = $family AND r.country = $country AND {shortWindow}"),
            Part($"r.family = $family AND r.country IS NULL AND {shortWindow}"),
            Part($"$country IS NULL AND r.family = $family AND r.country IS NOT NULL AND {shortWindow}"),
            Long($"r.family = $family AND r.country = $country AND {longWindow}"),
            Long($"r.family = $family AND r.country IS NULL AND {longWindow}"),
            Long($"$country IS NULL AND r.family = $family AND r.country IS NOT NULL AND {longWindow}"),
            // The same place: an undated report reads all its reports, a dated one only the undated ones (their partial
            // index, schema 20; through (family, geonameid) it read every report of the place to keep none).
            Part("$lo IS NULL AND r.family = $family AND r.geonameid = $gid AND r.article_id <> $a"),
            Part("$lo IS NOT NULL AND r.family = $family AND r.geonameid = $gid AND r.day_lo IS NULL AND r.article_id <> $a"),
            // Undated on a side, the same country and a day of the year within the window ($days: the new report's days
            // and the window around them). An undated report reads every report of those days and keeps a dated one only
            // when it shares a name word with it (MergeBlocking; the test is on the row's names, read anyway). The same
            // place's rows may come twice. The index's rows first, each report once, then the report by its key: left to
            // itself the planner scanned every report for the list of rows (200k stored reports: the whole table per search).
            $"SELECT {ReportColumns} FROM (SELECT DISTINCT d.event_row AS row FROM incident_report_days d INDEXED BY sqlite_autoindex_incident_report_days_1 " +
                "WHERE $lo IS NULL AND d.family = $family AND d.country = $country AND d.day IN (SELECT value FROM json_each($days))) k " +
                $"CROSS JOIN incident_reports r ON r.event_row = k.row WHERE r.article_id <> $a AND {bound} " +
                "AND (r.day_lo IS NULL OR EXISTS (SELECT 1 FROM json_each($names) w WHERE instr(' ' || r.names || ' ', ' ' || w.value || ' ') > 0))",
            // A dated report: the undated reports of its country that name one of its days of the year and share a name
            // word with it, one index seek per (name word, day) in incident_report_name_days (schema 24); the dated ones
            // are its window above. Through the days index alone it read every year's undated reports of those days.
            $"SELECT {ReportColumns} FROM (SELECT DISTINCT nd.event_row AS row FROM incident_report_name_days nd INDEXED BY sqlite_autoindex_incident_report_name_days_1 " +
                "WHERE $lo IS NOT NULL AND nd.family = $family AND nd.country = $country AND nd.name IN (SELECT value FROM json_each($names)) " +
                "AND nd.day IN (SELECT value FROM json_each($days))) k " +
                $"CROSS JOIN incident_reports r ON r.event_row = k.row WHERE r.article_id <> $a AND {bound}",
            // Dated, another country, two shared name words (the names key): per name word of the new report the index's
            // rows of its window, a word skipped when more than MaxReportsPerNameWord reports carry it there (counted to one
            // past the bound); the reports found under two words, then each by its key.
            $"SELECT {ReportColumns} FROM (SELECT n.event_row AS row FROM json_each($names) j " +
                "CROSS JOIN incident_report_names n INDEXED BY sqlite_autoindex_incident_report_names_1 " +
                "ON n.family = $family AND n.name = j.value AND n.day BETWEEN $from - $longest AND $hi + $window " +
                "WHERE $lo IS NOT NULL AND $country IS NOT NULL AND (SELECT count(*) FROM (SELECT 1 FROM incident_report_names c " +
                "WHERE c.family = $family AND c.name = j.value AND c.day BETWEEN $from - $longest AND $hi + $window " +
                $"LIMIT {MergeBlocking.MaxReportsPerNameWord + 1})) <= {MergeBlocking.MaxReportsPerNameWord} " +
                $"GROUP BY n.event_row HAVING count(*) >= {MergeBlocking.SharedNameWords}) k " +
                "CROSS JOIN incident_reports r ON r.event_row = k.row WHERE r.article_id <> $a AND r.day_hi >= $from " +
                $"AND r.country IS NOT NULL AND r.country <> $country AND {bound}",
            // Undated on a side, two shared name words, any country (MergeBlocking): an undated report reads every carrier
            // of each of its words (no window), a dated one the undated carriers only (UndatedNameDay; its dated partners
            // are in its window or the part above). A word carried by more than MaxReportsPerNameWord reports is skipped.
            UndatedNames("$lo IS NULL", ""),
            UndatedNames("$lo IS NOT NULL", $" AND {{0}}.day = {MergeBlocking.UndatedNameDay}"))
            // A literal: SQLite plans with a bound LIMIT's value and so compiles the statement again for every new binding.
            + $" LIMIT {MaxCandidates}";
    }

    /// <summary>The names key of an undated report (<paramref name="when"/>: which side; <paramref name="day"/>: the day condition, {0} the alias).</summary>
    private static string UndatedNames(string when, string day) =>
        $"SELECT {ReportColumns} FROM (SELECT n.event_row AS row FROM json_each($names) j " +
            "CROSS JOIN incident_report_names n INDEXED BY sqlite_autoindex_incident_report_names_1 " +
            $"ON n.family = $family AND n.name = j.value{string.Format(CultureInfo.InvariantCulture, day, "n")} " +
            $"WHERE {when} AND (SELECT count(*) FROM (SELECT 1 FROM incident_report_names c " +
            $"WHERE c.family = $family AND c.name = j.value{string.Format(CultureInfo.InvariantCulture, day, "c")} " +
            $"LIMIT {MergeBlocking.MaxReportsPerNameWord + 1})) <= {MergeBlocking.MaxReportsPerNameWord} " +
            $"GROUP BY n.event_row HAVING count(*) >= {MergeBlocking.SharedNameWords}) k " +
            $"CROSS JOIN incident_reports r ON r.event_row = k.row WHERE r.article_id <> $a AND {MergeScoreBound.Sql(column => "r." + column)}";

    private static readonly string[] CandidatesParameters = ["$family", "$a", "$from", "$longest", "$window", "$days", .. MergeScoreBound.Parameters];

    /// <summary>The steps of the candidate search's plan (tests: every part reads the reports through an index, none scans them).</summary>
    internal List<string> ExplainCandidates()
    {
        lock (_gate)
        {
            using var cmd = Command(null, "EXPLAIN QUERY PLAN " + CandidatesSql);
            foreach (var p in CandidatesParameters) cmd.Parameters.AddWithValue(p, DBNull.Value);
            return ReadAll(cmd, r => r.GetString(3));
        }
    }

    private List<StoredReport> Candidates(SqliteTransaction tx, MergeReport m, long articleId)
    {
        if (!m.Dated && m.GeonameId is null && (m.Country is null || m.MonthDays.Count == 0) && m.Names.Count < MergeBlocking.SharedNameWords) return [];
        var cmd = Cached(tx, CandidatesSql, CandidatesParameters);
        // The days of the year to read in the index: none without a country (the index keys every row by one).
        string days = m.Country is null ? "[]" : JsonSerializer.Serialize(MonthDays.Around(MonthDays.DaysOf(m), PairScorer.WindowDays));
        object?[] block = [m.Family, articleId, m.Dated ? m.DayLo!.Value - PairScorer.WindowDays : null, LongestWindowDays, PairScorer.WindowDays,
            days];
        for (int i = 0; i < block.Length; i++) cmd.Parameters[i].Value = block[i] ?? DBNull.Value;
        MergeScoreBound.Bind(cmd.Parameters, block.Length, m, MergeThreshold);
        // A row is read into a report only while it can change the caller's answer (which incidents link at the
        // threshold, IncidentMerging.Recluster): not when it is in no incident, nor once a report of its incident already
        // links. In a block of many copies of one story nearly every row is such a repeat, and reading them all (up to
        // MaxCandidates reports, each with its strings and lists) was over half of merging's allocation (docs/benchmarks.md, ingest18).
        var list = new List<StoredReport>();
        var linked = new HashSet<long>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            long incident = r.GetInt64(IncidentCell);
            if (incident <= 0 || linked.Contains(incident)) continue;
            var c = ReadReport(r);
            list.Add(c);
            if (PairScorer.Value(m, c.Report) >= MergeThreshold) linked.Add(incident);
        }
        return list;
    }

    /// <summary>Where <see cref="ReportColumns"/> puts r.incident_id (the second to last of its cells).</summary>
    private static readonly int IncidentCell = ReportColumnCount - 2;
}

/// <summary>
/// An upper bound, as an SQL expression, of <see cref="PairScorer"/>'s score between a new report (parameters) and a
/// stored one (columns): the date and type features exactly, the place feature with the distance less a metre (SQLite's
/// trigonometry may round differently from .NET's), the shared names counted exactly, and the count feature at its
/// largest weight. Built from the scorer's own weights; a test checks it against the scorer on random pairs.
/// </summary>
internal static class MergeScoreBound
{
    /// <summary>Subtracted from the threshold: the bound adds the same weights in another order, so it may round lower.</summary>
    public const double Margin = 1e-9;

    /// <summary>The new report's fields the expression reads, and the threshold less <see cref="Margin"/> ($floor).</summary>
    public static readonly string[] Parameters = ["$lo", "$hi", "$fp", "$lat", "$lon", "$tol", "$gid", "$country", "$action", "$acled", "$names", "$nnames", "$floor", "$inh"];

    /// <summary>Sets <see cref="Parameters"/> for report <paramref name="m"/>, from ordinal <paramref name="first"/> on.</summary>
    public static void Bind(SqliteParameterCollection parameters, int first, MergeReport m, double threshold)
    {
        object?[] values = [m.DayLo, m.DayHi, m.DayFromPublication ? 1 : 0, m.Lat, m.Lon, PairScorer.Tolerance(m), m.GeonameId, m.Country,
            m.Action, m.AcledType, JsonSerializer.Serialize(m.Names), m.Names.Count, threshold - Margin, m.PlaceInherited ? 1 : 0];
        for (int i = 0; i < values.Length; i++) parameters[first + i].Value = values[i] ?? DBNull.Value;
    }

    private static string F(double w) => w.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A feature's weight in the shipped model, as an SQL literal.</summary>
    private static string W(PairFeature f) => F(PairScorer.Model[f]);

    /// <param name="column">The SQL for a stored report's column (incident_reports names).</param>
    public static string Sql(Func<string, string> column)
    {
        string C(string name) => column(name);
        // Undated on a side: whichever of the undated features the days of the year named (MonthDays) pick, at its largest.
        string undated = F(new[] { PairFeature.DateUndated, PairFeature.DateMonthDaySame, PairFeature.DateMonthDayOneDay, PairFeature.DateMonthDayApart }.Max(f => PairScorer.Model[f]));
        string date = $"""
            (CASE WHEN $lo IS NULL OR {C("day_lo")} IS NULL OR {C("day_hi")} IS NULL THEN {undated}
              ELSE (CASE max(0, $lo - {C("day_hi")}, {C("day_lo")} - $hi)
                WHEN 0 THEN (CASE WHEN $fp = 0 AND {C("day_from_published")} = 0 THEN {W(PairFeature.DateSameDayTexts)} ELSE {W(PairFeature.DateSameDayPublication)} END)
                WHEN 1 THEN {W(PairFeature.DateOneDay)}
                ELSE (CASE WHEN max(0, $lo - {C("day_hi")}, {C("day_lo")} - $hi) <= {PairScorer.WindowDays} THEN {W(PairFeature.DateInWindow)} ELSE {W(PairFeature.DateFar)} END) END) END)
            """;
        string precisions = string.Concat(PairScorer.Tolerances.Select(t => $" WHEN '{t.Key}' THEN {F(t.Value)}"));
        string tol = $"max($tol, (CASE WHEN {C("place_inherited")} <> 0 THEN {F(PairScorer.DefaultTolerance)} ELSE (CASE {C("place_precision")}{precisions} ELSE {F(PairScorer.DefaultTolerance)} END) END))";
        string lat = C("lat"), lon = C("lon");
        string km = $"(2 * 6371 * asin(min(1, sqrt(power(sin(radians({lat} - $lat) / 2), 2) + cos(radians($lat)) * cos(radians({lat})) * power(sin(radians({lon} - $lon) / 2), 2)))) - 0.001)";
        string countryOnly = $"""
            (CASE WHEN $country IS NULL OR {C("country")} IS NULL THEN {W(PairFeature.PlaceNone)}
                  WHEN {C("country")} <> $country THEN {W(PairFeature.PlaceOtherCountry)} ELSE {W(PairFeature.PlaceSameCountryOnly)} END)
            """;
        string place = $"""
            (CASE WHEN $lat IS NULL OR $lon IS NULL OR {lat} IS NULL OR {lon} IS NULL
                THEN {countryOnly}
              WHEN $gid IS NOT NULL AND {C("geonameid")} = $gid AND {tol} < {F(PairScorer.CountryTolerance)}
                THEN (CASE WHEN {tol} <= {F(PairScorer.TightTolerance)} THEN {W(PairFeature.PlaceSameTight)} ELSE {W(PairFeature.PlaceSameWide)} END)
              WHEN {km} <= {tol} THEN (CASE WHEN {tol} <= {F(PairScorer.TightTolerance)} THEN {W(PairFeature.PlaceWithinTight)} ELSE {W(PairFeature.PlaceWithinWide)} END)
              WHEN {km} <= 3 * {tol} THEN {W(PairFeature.PlaceNear)}
              WHEN $inh <> 0 OR {C("place_inherited")} <> 0 THEN {countryOnly}
              ELSE {W(PairFeature.PlaceFar)} END)
            """;
        string type = $"(CASE WHEN {C("action")} = $action THEN {W(PairFeature.TypeSameAction)} WHEN $acled IS NOT NULL AND {C("acled_type")} = $acled THEN {W(PairFeature.TypeSameAcledType)} " +
            $"WHEN $acled IS NOT NULL AND {C("acled_type")} IS NOT NULL THEN {W(PairFeature.TypeOtherAcledType)} ELSE 0 END)";
        var model = PairScorer.Model;
        double countMax = new[] { 0, model[PairFeature.CountAgree], model[PairFeature.CountApart], model[PairFeature.CountNobodyDied] }.Max();
        // Shared names counted exactly (a json_each over the new report's names), the dearest part; the words feature at
        // its largest value (an overlap of 1; two noun lists are not worth comparing in SQL).
        // Both naming something and sharing nothing is a feature of its own (NamesNoneShared), counted in the same pass.
        string names = $"(CASE WHEN $nnames = 0 OR {C("names")} = '' THEN 0 ELSE (SELECT CASE count(*) WHEN 0 THEN {W(PairFeature.NamesNoneShared)} " +
            $"ELSE {W(PairFeature.NamesShared)} * min({PairScorer.NamesCounted}, count(*)) END " +
            $"FROM json_each($names) j WHERE instr(' ' || {C("names")} || ' ', ' ' || j.value || ' ') > 0) END)";
        double wordsMax = Math.Max(0, model[PairFeature.WordsOverlap]); // the overlap is at most 1
        double namesMax = new[] { 0, PairScorer.NamesCounted * model[PairFeature.NamesShared], model[PairFeature.NamesNoneShared] }.Max();
        string rest = $"{date} + {place} + {type} + {F(countMax + wordsMax)}";
        // The names last: counting them is the dearest part, and most rows are decided without it.
        return $"({rest} + {F(namesMax)} >= $floor AND {rest} + {names} >= $floor)";
    }
}
