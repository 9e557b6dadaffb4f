using Dragoman.Export;
using Npgsql;
using NpgsqlTypes;

namespace Dragoman.Storage.Postgres;

/// <summary>A column the writer fills from a row: its name, the row's value for it and its PostgreSQL type (binary COPY needs it).</summary>
internal sealed record PgColumn<T>(string Name, Func<T, object?> Value, NpgsqlDbType Type);

/// <summary>
/// Each table's columns as the writer fills them, declared once: the COPY's column list and the values written come
/// from one list. The event columns of <see cref="EventFields"/> are also what <see cref="EventSelect"/> selects and
/// <see cref="ReadEvent"/> reads back, in the same order. The schema itself is <see cref="PostgresMigrations"/>.
/// </summary>
internal static class PostgresColumns
{
    private const NpgsqlDbType Text = NpgsqlDbType.Text, Int = NpgsqlDbType.Integer, Real = NpgsqlDbType.Double, Flag = NpgsqlDbType.Boolean;

    private static PgColumn<T> S<T>(string name, Func<T, string?> value) => new(name, value, Text);
    private static PgColumn<T> I<T>(string name, Func<T, int?> value) => new(name, r => value(r), Int);
    private static PgColumn<T> D<T>(string name, Func<T, double?> value) => new(name, r => value(r), Real);
    private static PgColumn<T> B<T>(string name, Func<T, bool> value) => new(name, r => value(r), Flag);

    public static readonly PgColumn<ArticleRow>[] Articles =
    [
        S<ArticleRow>("hash", a => a.Hash), S<ArticleRow>("uri", a => a.Uri), S<ArticleRow>("title", a => a.Title), S<ArticleRow>("lede", a => a.Lede),
        S<ArticleRow>("byline", a => a.Byline), S<ArticleRow>("publisher", a => a.Publisher), S<ArticleRow>("published", a => a.Published),
        S<ArticleRow>("published_source", a => a.PublishedSource), S<ArticleRow>("language", a => a.Language), S<ArticleRow>("text", a => a.Text),
        S<ArticleRow>("credits", a => a.CreditsJson), S<ArticleRow>("dropped", a => a.DroppedJson), S<ArticleRow>("keywords", a => a.KeywordsJson),
        S<ArticleRow>("reference_date", a => a.ReferenceDate),
        new("document", a => DocumentPacking.Pack(a.DocumentJson), NpgsqlDbType.Bytea),
    ];

    public static readonly PgColumn<EntityRow>[] Entities =
    [
        S<EntityRow>("entity_id", e => e.EntityId), S<EntityRow>("type", e => e.Type), S<EntityRow>("name", e => e.Name),
        S<EntityRow>("aliases", e => e.AliasesJson), S<EntityRow>("actor_code", e => e.ActorCode), S<EntityRow>("actor_country", e => e.ActorCountry),
        S<EntityRow>("actor_sector", e => e.ActorSector), S<EntityRow>("geonameid", e => e.GeonameId), D<EntityRow>("lat", e => e.Lat),
        D<EntityRow>("lon", e => e.Lon), S<EntityRow>("country", e => e.Country), S<EntityRow>("admin1", e => e.Admin1),
        S<EntityRow>("place_precision", e => e.PlacePrecision),
    ];

    public static readonly PgColumn<MentionRow>[] Mentions =
    [
        S<MentionRow>("entity_id", m => m.EntityId), S<MentionRow>("text", m => m.Text), I<MentionRow>("start", m => m.Start),
        I<MentionRow>("end", m => m.End), S<MentionRow>("source", m => m.Source),
    ];

    public static readonly PgColumn<PlaceRow>[] Places =
    [
        S<PlaceRow>("entity_id", p => p.EntityId), S<PlaceRow>("geonameid", p => p.GeonameId), S<PlaceRow>("name", p => p.Name),
        D<PlaceRow>("lat", p => p.Lat), D<PlaceRow>("lon", p => p.Lon), S<PlaceRow>("country", p => p.Country), S<PlaceRow>("admin1", p => p.Admin1),
        S<PlaceRow>("admin2", p => p.Admin2), S<PlaceRow>("feature", p => p.Feature), S<PlaceRow>("precision", p => p.Precision),
        I<PlaceRow>("acled_geo_precision", p => p.AcledGeoPrecision), D<PlaceRow>("confidence", p => p.Confidence),
    ];

    public static readonly PgColumn<TimeRow>[] Times =
    [
        S<TimeRow>("text", t => t.Text), I<TimeRow>("start_char", t => t.Start), I<TimeRow>("end_char", t => t.End), S<TimeRow>("type", t => t.Type),
        S<TimeRow>("value", t => t.Value), S<TimeRow>("start", t => t.StartDate), S<TimeRow>("end", t => t.EndDate),
        S<TimeRow>("precision", t => t.Precision), S<TimeRow>("relative", t => t.Relative),
    ];

    /// <summary>The columns of <see cref="EventFields"/>: written, and read back in this order by <see cref="ReadEvent"/>.</summary>
    public static readonly PgColumn<EventFields>[] EventFieldColumns =
    [
        S<EventFields>("event_id", e => e.EventId), I<EventFields>("ordinal", e => e.Ordinal), S<EventFields>("action", e => e.Action),
        S<EventFields>("trigger_text", e => e.Trigger), S<EventFields>("actor_text", e => e.Actor), S<EventFields>("actor_entity", e => e.ActorEntity),
        S<EventFields>("actor_code", e => e.ActorCode), S<EventFields>("target_text", e => e.Target), S<EventFields>("target_entity", e => e.TargetEntity),
        S<EventFields>("target_code", e => e.TargetCode), S<EventFields>("place_text", e => e.Place), S<EventFields>("place_entity", e => e.PlaceEntity),
        S<EventFields>("place_name", e => e.PlaceName), S<EventFields>("geonameid", e => e.GeonameId), D<EventFields>("lat", e => e.Lat),
        D<EventFields>("lon", e => e.Lon), S<EventFields>("country", e => e.Country), S<EventFields>("admin1", e => e.Admin1),
        S<EventFields>("place_precision", e => e.PlacePrecision), B<EventFields>("place_inherited", e => e.PlaceInherited),
        S<EventFields>("time_text", e => e.TimeText), S<EventFields>("time_start", e => e.TimeStart), S<EventFields>("time_end", e => e.TimeEnd),
        S<EventFields>("time_precision", e => e.TimePrecision), B<EventFields>("time_inherited", e => e.TimeInherited),
        S<EventFields>("counts", e => e.CountsJson), S<EventFields>("modality", e => e.Modality), B<EventFields>("occurred", e => e.Occurred),
        S<EventFields>("sources", e => e.SourcesJson), S<EventFields>("evidence", e => e.EvidenceJson), D<EventFields>("confidence", e => e.Confidence),
        S<EventFields>("cameo", e => e.Cameo), S<EventFields>("plover_event", e => e.PloverEvent), S<EventFields>("plover_mode", e => e.PloverMode),
        S<EventFields>("acled_type", e => e.AcledType), S<EventFields>("acled_subtype", e => e.AcledSubtype), I<EventFields>("quad_class", e => e.QuadClass),
        D<EventFields>("goldstein", e => e.Goldstein), B<EventFields>("main", e => e.Main), B<EventFields>("historical", e => e.Historical),
        B<EventFields>("actor_implied", e => e.ActorImplied), B<EventFields>("target_convention", e => e.TargetConvention),
    ];

    /// <summary>Every column of <c>events</c> the writer fills: <see cref="EventFieldColumns"/>, then what only querying and evidence need.</summary>
    public static readonly PgColumn<EventRow>[] Events =
    [
        .. EventFieldColumns.Select(c => new PgColumn<EventRow>(c.Name, c.Value, c.Type)),
        I<EventRow>("trigger_start", e => e.TriggerStart), I<EventRow>("trigger_end", e => e.TriggerEnd),
        I<EventRow>("actor_start", e => e.ActorStart), I<EventRow>("actor_end", e => e.ActorEnd),
        I<EventRow>("target_start", e => e.TargetStart), I<EventRow>("target_end", e => e.TargetEnd),
        I<EventRow>("place_start", e => e.PlaceStart), I<EventRow>("place_end", e => e.PlaceEnd),
        S<EventRow>("actor_search", e => e.ActorSearch), S<EventRow>("target_search", e => e.TargetSearch), S<EventRow>("place_search", e => e.PlaceSearch),
        I<EventRow>("time_start_char", e => e.TimeStartChar), I<EventRow>("time_end_char", e => e.TimeEndChar),
        // what the map feed shows of the sources and counts, derived once here instead of on every read (schema 23)
        S<EventRow>("source_chain", e => ExportFields.SourceChain(e.SourcesJson)), I<EventRow>("fatalities", e => ExportFields.Fatalities(e.Occurred, e.CountsJson)),
    ];

    /// <summary><see cref="Events"/> and the date keys (the listing's order, --from's end), which need the article's date as well as the event's.</summary>
    public static readonly PgColumn<DatedEvent>[] DatedEvents =
    [
        .. Events.Select(c => new PgColumn<DatedEvent>(c.Name, d => c.Value(d.Row), c.Type)),
        S<DatedEvent>("date_lo", d => d.Row.TimeStart ?? d.Row.TimeEnd ?? d.ArticlePublished ?? ""),
        S<DatedEvent>("date_hi", d => d.Row.TimeEnd ?? d.Row.TimeStart ?? d.ArticlePublished ?? ""),
    ];

    /// <summary>What <see cref="ReadEvent"/> reads, from <c>events e JOIN articles a</c>: the article's columns, then <see cref="EventFieldColumns"/>.</summary>
    public static readonly string EventSelect =
        EventRows.ArticleSelect + ", " + string.Join(", ", EventFieldColumns.Select(c => "e." + c.Name));

    /// <summary>The map feed's narrow select (<see cref="FeatureRows.Select"/>, shared by both stores).</summary>
    public const string FeatureSelect = FeatureRows.Select;

    /// <summary>A row of <see cref="FeatureSelect"/> as an <see cref="EventRecord"/> with only a feature's fields filled.</summary>
    public static EventRecord ReadFeatureEvent(NpgsqlDataReader r)
    {
        var c = new PgCells(r);
        return FeatureRows.Read(ref c);
    }

    public static EventRecord ReadEvent(NpgsqlDataReader r)
    {
        var c = new PgCells(r);
        return EventRows.Read(ref c);
    }

    /// <summary>
    /// Writes <paramref name="rows"/> with binary COPY: a leading key column (the article id) and then the row's columns.
    /// Returns how many rows were written.
    /// </summary>
    public static int Copy<T>(NpgsqlConnection db, string table, PgColumn<T>[] columns, IEnumerable<(long ArticleId, T Row)> rows)
    {
        var names = string.Join(", ", columns.Select(c => $"\"{c.Name}\""));
        using var w = db.BeginBinaryImport($"COPY {table} (article_id, {names}) FROM STDIN (FORMAT BINARY)");
        int n = 0;
        foreach (var (id, row) in rows)
        {
            w.StartRow();
            w.Write(id, NpgsqlDbType.Bigint);
            foreach (var c in columns)
            {
                if (c.Value(row) is { } v) w.Write(v, c.Type);
                else w.WriteNull();
            }
            n++;
        }
        w.Complete();
        return n;
    }
}

/// <summary>An event row with its article's date: what the stored date keys (<c>date_lo</c>, <c>date_hi</c>) are computed from.</summary>
internal sealed record DatedEvent(EventRow Row, string? ArticlePublished);

/// <summary>Reads a result row's cells left to right, so a reader lists its fields in the order of the select list.</summary>
internal struct PgCells(NpgsqlDataReader r, int start = 0) : IRowCells
{
    private int _i = start;

    public string Str() => r.GetString(_i++);
    public long Long() => r.GetInt64(_i++);
    public int Int() => r.GetInt32(_i++);
    public double Dbl() => r.GetDouble(_i++);
    public bool Bool() => r.GetBoolean(_i++);
    public string? NStr() { int i = _i++; return r.IsDBNull(i) ? null : r.GetString(i); }
    public int? NInt() { int i = _i++; return r.IsDBNull(i) ? null : r.GetInt32(i); }
    public double? NDbl() { int i = _i++; return r.IsDBNull(i) ? null : r.GetDouble(i); }
}
