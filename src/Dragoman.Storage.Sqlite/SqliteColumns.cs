using Dragoman.Export;
using Microsoft.Data.Sqlite;

namespace Dragoman.Storage.Sqlite;

/// <summary>A column the writer fills from a row: its name in the table and the row's value for it.</summary>
internal sealed record Column<T>(string Name, Func<T, object?> Value);

/// <summary>
/// Each table's columns as the writer fills them, declared once: the INSERT's column list, its parameters and the values
/// bound all come from one list (<see cref="RowInsert{T}"/>). The event columns of <see cref="EventFields"/> are also what
/// <see cref="EventSelect"/> selects and <see cref="ReadEvent"/> reads back, in the same order.
/// The schema itself is <see cref="SqliteMigrations"/>; these lists only name its columns.
/// </summary>
internal static class SqliteColumns
{
    public static readonly Column<ArticleRow>[] Articles =
    [
        new("hash", a => a.Hash), new("uri", a => a.Uri), new("title", a => a.Title), new("lede", a => a.Lede),
        new("byline", a => a.Byline), new("publisher", a => a.Publisher), new("published", a => a.Published),
        new("published_source", a => a.PublishedSource), new("language", a => a.Language), new("text", a => a.Text),
        new("credits", a => a.CreditsJson), new("dropped", a => a.DroppedJson), new("keywords", a => a.KeywordsJson),
        new("reference_date", a => a.ReferenceDate), new("document", a => StoredDocument.Pack(a.DocumentJson)),
    ];

    public static readonly Column<EntityRow>[] Entities =
    [
        new("entity_id", e => e.EntityId), new("type", e => e.Type), new("name", e => e.Name), new("aliases", e => e.AliasesJson),
        new("actor_code", e => e.ActorCode), new("actor_country", e => e.ActorCountry), new("actor_sector", e => e.ActorSector),
        new("geonameid", e => e.GeonameId), new("lat", e => e.Lat), new("lon", e => e.Lon), new("country", e => e.Country),
        new("admin1", e => e.Admin1), new("place_precision", e => e.PlacePrecision),
    ];

    public static readonly Column<MentionRow>[] Mentions =
    [
        new("entity_id", m => m.EntityId), new("text", m => m.Text), new("start", m => m.Start), new("end", m => m.End), new("source", m => m.Source),
    ];

    public static readonly Column<PlaceRow>[] Places =
    [
        new("entity_id", p => p.EntityId), new("geonameid", p => p.GeonameId), new("name", p => p.Name), new("lat", p => p.Lat),
        new("lon", p => p.Lon), new("country", p => p.Country), new("admin1", p => p.Admin1), new("admin2", p => p.Admin2),
        new("feature", p => p.Feature), new("precision", p => p.Precision), new("acled_geo_precision", p => p.AcledGeoPrecision),
        new("confidence", p => p.Confidence),
    ];

    public static readonly Column<TimeRow>[] Times =
    [
        new("text", t => t.Text), new("start_char", t => t.Start), new("end_char", t => t.End), new("type", t => t.Type),
        new("value", t => t.Value), new("start", t => t.StartDate), new("end", t => t.EndDate), new("precision", t => t.Precision),
        new("relative", t => t.Relative),
    ];

    /// <summary>The columns of <see cref="EventFields"/>: written, and read back in this order by <see cref="ReadEvent"/>.</summary>
    public static readonly Column<EventFields>[] EventFieldColumns =
    [
        new("event_id", e => e.EventId), new("ordinal", e => e.Ordinal), new("action", e => e.Action), new("trigger_text", e => e.Trigger),
        new("actor_text", e => e.Actor), new("actor_entity", e => e.ActorEntity), new("actor_code", e => e.ActorCode),
        new("target_text", e => e.Target), new("target_entity", e => e.TargetEntity), new("target_code", e => e.TargetCode),
        new("place_text", e => e.Place), new("place_entity", e => e.PlaceEntity), new("place_name", e => e.PlaceName),
        new("geonameid", e => e.GeonameId), new("lat", e => e.Lat), new("lon", e => e.Lon), new("country", e => e.Country),
        new("admin1", e => e.Admin1), new("place_precision", e => e.PlacePrecision), new("place_inherited", e => e.PlaceInherited),
        new("time_text", e => e.TimeText), new("time_start", e => e.TimeStart), new("time_end", e => e.TimeEnd),
        new("time_precision", e => e.TimePrecision), new("time_inherited", e => e.TimeInherited),
        new("counts", e => e.CountsJson), new("modality", e => e.Modality), new("occurred", e => e.Occurred),
        new("sources", e => e.SourcesJson), new("evidence", e => e.EvidenceJson), new("confidence", e => e.Confidence),
        new("cameo", e => e.Cameo), new("plover_event", e => e.PloverEvent), new("plover_mode", e => e.PloverMode),
        new("acled_type", e => e.AcledType), new("acled_subtype", e => e.AcledSubtype), new("quad_class", e => e.QuadClass),
        new("goldstein", e => e.Goldstein), new("main", e => e.Main), new("historical", e => e.Historical),
        new("actor_implied", e => e.ActorImplied), new("target_convention", e => e.TargetConvention),
    ];

    /// <summary>Every column of <c>events</c> the writer fills: <see cref="EventFieldColumns"/>, then what only querying and evidence need.</summary>
    public static readonly Column<EventRow>[] Events =
    [
        .. EventFieldColumns.Select(c => new Column<EventRow>(c.Name, c.Value)),
        new("trigger_start", e => e.TriggerStart), new("trigger_end", e => e.TriggerEnd),
        new("actor_start", e => e.ActorStart), new("actor_end", e => e.ActorEnd),
        new("target_start", e => e.TargetStart), new("target_end", e => e.TargetEnd),
        new("place_start", e => e.PlaceStart), new("place_end", e => e.PlaceEnd),
        new("actor_search", e => e.ActorSearch), new("target_search", e => e.TargetSearch), new("place_search", e => e.PlaceSearch),
        new("time_start_char", e => e.TimeStartChar), new("time_end_char", e => e.TimeEndChar),
        // what the map feed shows of the sources and counts, derived once here instead of on every read (schema 23)
        new("source_chain", e => ExportFields.SourceChain(e.SourcesJson)), new("fatalities", e => ExportFields.Fatalities(e.Occurred, e.CountsJson)),
    ];

    /// <summary>
    /// <see cref="Events"/> and the stored date keys (schema 20 writes them with the row): the event's start (else end) and end (else start), else its
    /// article's date, else '' (what the events_dates_ai trigger computed before; it now fills only a row stored without them).
    /// </summary>
    public static readonly Column<DatedEventRow>[] DatedEvents =
    [
        .. Events.Select(c => new Column<DatedEventRow>(c.Name, d => c.Value(d.Row))),
        new("date_lo", d => d.Row.TimeStart ?? d.Row.TimeEnd ?? d.ArticlePublished ?? ""),
        new("date_hi", d => d.Row.TimeEnd ?? d.Row.TimeStart ?? d.ArticlePublished ?? ""),
    ];

    /// <summary>What <see cref="ReadEvent"/> reads, from <c>events e JOIN articles a</c>: the article's columns, then <see cref="EventFieldColumns"/>.</summary>
    public static readonly string EventSelect =
        EventRows.ArticleSelect + ", " + string.Join(", ", EventFieldColumns.Select(c => "e." + c.Name));

    public static EventRecord ReadEvent(SqliteDataReader r)
    {
        var c = new Cells(r);
        return EventRows.Read(ref c);
    }
    /// <summary>The map feed's narrow select (<see cref="FeatureRows.Select"/>, shared by both stores).</summary>
    public const string FeatureSelect = FeatureRows.Select;

    /// <summary>A row of <see cref="FeatureSelect"/> as an <see cref="EventRecord"/> with only a feature's fields filled.</summary>
    public static EventRecord ReadFeatureEvent(SqliteDataReader r)
    {
        var c = new Cells(r);
        return FeatureRows.Read(ref c);
    }
}

/// <summary>An event row with its article's date of publication: what the stored date keys are computed from.</summary>
internal sealed record DatedEventRow(EventRow Row, string? ArticlePublished);

/// <summary>
/// Reads a result row's cells left to right (object initializers run in written order), so a reader lists its
/// fields in the order of the select list without counting ordinals.
/// </summary>
internal struct Cells(SqliteDataReader r, int start = 0) : IRowCells
{
    private int _i = start;

    public string Str() => r.GetString(_i++);
    public long Long() => r.GetInt64(_i++);
    public int Int() => r.GetInt32(_i++);
    public double Dbl() => r.GetDouble(_i++);
    public bool Bool() => r.GetInt64(_i++) != 0;
    public string? NStr() { int i = _i++; return r.IsDBNull(i) ? null : r.GetString(i); }
    public int? NInt() { int i = _i++; return r.IsDBNull(i) ? null : r.GetInt32(i); }
    public double? NDbl() { int i = _i++; return r.IsDBNull(i) ? null : r.GetDouble(i); }
}

/// <summary>
/// A prepared INSERT of one table: a leading key column (the article id; for articles, the ingest time) and then the
/// row's columns, bound from the same list that names them. Reused for every row of a batch.
/// </summary>
internal sealed class RowInsert<T> : IDisposable
{
    private static readonly object True = 1, False = 0;
    private readonly SqliteCommand _cmd;
    private readonly Func<T, object?>[] _values;

    public RowInsert(SqliteConnection db, SqliteTransaction tx, string table, string key, Column<T>[] columns, string tail = "")
    {
        string[] names = [key, .. columns.Select(c => c.Name)];
        _cmd = db.CreateCommand();
        _cmd.Transaction = tx;
        _cmd.CommandText = $"INSERT INTO {table}({string.Join(", ", names.Select(n => $"\"{n}\""))}) " +
            $"VALUES ({string.Join(", ", names.Select((_, i) => $"$p{i}"))}) {tail}";
        for (int i = 0; i < names.Length; i++) _cmd.Parameters.Add(new SqliteParameter($"$p{i}", null));
        _cmd.Prepare();
        _values = [.. columns.Select(c => c.Value)];
    }

    /// <summary>The statement with <paramref name="key"/> and <paramref name="row"/>'s values bound, ready to execute.</summary>
    public SqliteCommand Bind(object key, T row)
    {
        var p = _cmd.Parameters;
        p[0].Value = key;
        for (int i = 0; i < _values.Length; i++)
            p[i + 1].Value = _values[i](row) switch { null => DBNull.Value, bool b => b ? True : False, var v => v };
        return _cmd;
    }

    public void Dispose() => _cmd.Dispose();
}
