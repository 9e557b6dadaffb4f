namespace Dragoman.Storage.Sqlite;

/// <summary>
/// The tables of the merge stage (schema version 6, docs/storage.md): one row per incident with its derived fields,
/// one row per report (a stored event) with the keys it is blocked on, its incident and the link that put it there,
/// and the analysts' decisions (kept by the reports' stable refs, article hash + event id, so they outlive re-merging).
/// </summary>
internal static class SqliteIncidentSchema
{
    public const string Sql = """
        CREATE TABLE incidents (
            id INTEGER PRIMARY KEY,
            action TEXT NOT NULL,
            family TEXT,
            day_lo INTEGER, day_hi INTEGER, date_basis TEXT NOT NULL DEFAULT '',
            place_name TEXT, lat REAL, lon REAL, place_precision TEXT, country TEXT, admin1 TEXT,
            killed_min INTEGER, killed_max INTEGER, fatalities INTEGER,
            reports INTEGER NOT NULL DEFAULT 0, articles INTEGER NOT NULL DEFAULT 0, outlets INTEGER NOT NULL DEFAULT 0,
            first_reported TEXT, last_reported TEXT
        );
        CREATE INDEX incidents_day ON incidents(day_hi);

        CREATE TABLE incident_reports (
            event_row INTEGER PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
            incident_id INTEGER NOT NULL,
            ref TEXT NOT NULL UNIQUE,
            article_id INTEGER NOT NULL,
            family TEXT, action TEXT NOT NULL, acled_type TEXT,
            day_lo INTEGER, day_hi INTEGER, day_from_published INTEGER NOT NULL DEFAULT 0,
            lat REAL, lon REAL, place_name TEXT, place_precision TEXT, place_inherited INTEGER NOT NULL DEFAULT 0,
            country TEXT, admin1 TEXT, geonameid TEXT,
            names TEXT NOT NULL DEFAULT '',
            killed INTEGER, outlet TEXT, modality TEXT NOT NULL, published TEXT,
            partner_ref TEXT, score REAL, reasons TEXT NOT NULL DEFAULT '[]'
        );
        CREATE INDEX incident_reports_incident ON incident_reports(incident_id);
        CREATE INDEX incident_reports_article ON incident_reports(article_id);
        CREATE INDEX incident_reports_block ON incident_reports(family, country, day_lo);
        CREATE INDEX incident_reports_place ON incident_reports(family, geonameid);

        CREATE TABLE incident_audit (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            command TEXT NOT NULL,
            detail TEXT NOT NULL
        );

        CREATE TABLE incident_constraints (
            kind TEXT NOT NULL CHECK (kind IN ('together', 'apart')),
            ref_a TEXT NOT NULL,
            ref_b TEXT NOT NULL,
            audit_id INTEGER NOT NULL REFERENCES incident_audit(id),
            PRIMARY KEY (kind, ref_a, ref_b)
        ) WITHOUT ROWID;
        CREATE INDEX incident_constraints_a ON incident_constraints(ref_a);
        CREATE INDEX incident_constraints_b ON incident_constraints(ref_b);
        """;

    /// <summary>
    /// Schema version 11: the blocking index of undated reports (MergeBlocking): a report of a family and country once per
    /// day of the year it is on (a dated report's window, an undated one's named days, <c>MonthDays.DaysOf</c>), so that an
    /// undated report reads its country's reports of a day within the window, and a dated report the undated ones of its
    /// days, as index ranges rather than the whole country.
    /// </summary>
    public const string DaysSql = """
        CREATE TABLE incident_report_days (
            family TEXT NOT NULL,
            country TEXT NOT NULL,
            day INTEGER NOT NULL,
            undated INTEGER NOT NULL,
            event_row INTEGER NOT NULL REFERENCES incident_reports(event_row) ON DELETE CASCADE,
            PRIMARY KEY (family, country, day, undated, event_row)
        ) WITHOUT ROWID;
        CREATE INDEX incident_report_days_row ON incident_report_days(event_row);
        """;

    /// <summary>
    /// Schema version 14: the names key of blocking (MergeBlocking): a dated report of a family once per proper-name word
    /// (<c>MergeReport.Names</c>) under its first day, so that a dated report finds the reports of other countries within
    /// its window that share two name words as index ranges, one per word, rather than every country's window. An undated
    /// report's words are under day <c>MergeBlocking.UndatedNameDay</c> (-1, session 14).
    /// </summary>
    public const string NamesSql = """
        CREATE TABLE incident_report_names (
            family TEXT NOT NULL,
            name TEXT NOT NULL,
            day INTEGER NOT NULL,
            event_row INTEGER NOT NULL REFERENCES incident_reports(event_row) ON DELETE CASCADE,
            PRIMARY KEY (family, name, day, event_row)
        ) WITHOUT ROWID;
        CREATE INDEX incident_report_names_row ON incident_report_names(event_row);
        """;

    /// <summary>
    /// Schema version 24: the days-of-year key between a dated and an undated report (MergeBlocking: they meet by a day of
    /// the year only when they share one name word): an undated report of a family and country once per name word and day
    /// of the year it names, so that a dated report reads the undated reports of its days that share a word with it as
    /// index seeks, instead of every year's undated reports of those days.
    /// </summary>
    public const string NameDaysSql = """
        CREATE TABLE incident_report_name_days (
            family TEXT NOT NULL,
            country TEXT NOT NULL,
            name TEXT NOT NULL,
            day INTEGER NOT NULL,
            event_row INTEGER NOT NULL REFERENCES incident_reports(event_row) ON DELETE CASCADE,
            PRIMARY KEY (family, country, name, day, event_row)
        ) WITHOUT ROWID;
        CREATE INDEX incident_report_name_days_row ON incident_report_name_days(event_row);
        """;
}
