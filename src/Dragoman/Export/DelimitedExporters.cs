using System.Globalization;
using System.Text;
using Dragoman.Storage;

namespace Dragoman.Export;

/// <summary>Writes rows of fields as CSV (RFC 4180) or as TSV (tabs and line breaks inside a field become spaces).</summary>
public static class Delimited
{
    public static string CsvField(string? s) =>
        s is null ? "" : s.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;

    public static string TsvField(string? s) =>
        s is null ? "" : s.AsSpan().IndexOfAny("\t\r\n") >= 0 ? s.Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' ') : s;

    /// <summary>Reads CSV (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes) into rows of fields.</summary>
    public static List<string[]> ReadCsv(TextReader reader)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        bool quoted = false, any = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            char ch = (char)c;
            any = true;
            if (quoted)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"') { field.Append('"'); reader.Read(); }
                    else quoted = false;
                }
                else field.Append(ch);
                continue;
            }
            switch (ch)
            {
                case '"': quoted = true; break;
                case ',': row.Add(field.ToString()); field.Clear(); break;
                case '\r': break;
                case '\n': row.Add(field.ToString()); field.Clear(); rows.Add([.. row]); row.Clear(); any = false; break;
                default: field.Append(ch); break;
            }
        }
        if (any) { row.Add(field.ToString()); rows.Add([.. row]); }
        return rows;
    }
}

/// <summary>
/// ACLED-style CSV: ACLED's column names in ACLED's order, then Dragoman's own columns prefixed <c>dragoman_</c>.
/// Only events that occurred (asserted, reported, claimed) are written unless <see cref="IncludeNotOccurred"/>:
/// ACLED records events, not expectations or denials.
/// </summary>
public sealed class AcledCsvExporter : IEventExporter
{
    public string Format => "acled-csv";
    public string Extension => ".csv";
    public string MediaType => "text/csv";
    public bool IncludeNotOccurred { get; init; }

    public static readonly string[] AcledColumns =
    [
        "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
        "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
        "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
        "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
    ];

    public static readonly string[] DragomanColumns =
    [
        "dragoman_id", "dragoman_action", "dragoman_modality", "dragoman_occurred", "dragoman_confidence", "dragoman_cameo",
        "dragoman_plover_event", "dragoman_actor_code", "dragoman_target_code", "dragoman_time_text", "dragoman_time_start",
        "dragoman_time_end", "dragoman_time_inherited", "dragoman_place_precision", "dragoman_article_hash", "dragoman_published",
    ];

    public static IEnumerable<string> Columns => AcledColumns.Concat(DragomanColumns);

    public async Task WriteAsync(IEnumerable<EventRecord> events, Stream output, CancellationToken cancel = default)
    {
        await using var w = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        await w.WriteLineAsync(string.Join(',', Columns));
        foreach (var e in events)
        {
            cancel.ThrowIfCancellationRequested();
            if (!e.Occurred && !IncludeNotOccurred) continue;
            await w.WriteLineAsync(string.Join(',', Row(e).Select(Delimited.CsvField)));
        }
    }

    public static string DisorderType(string? eventType) => eventType switch
    {
        "Battles" or "Explosions/Remote violence" or "Violence against civilians" => "Political violence",
        "Protests" or "Riots" => "Demonstrations",
        "Strategic developments" => "Strategic developments",
        _ => "",
    };

    public static string?[] Row(EventRecord e)
    {
        var date = ExportFields.EventDate(e);
        var country = e.Country;
        return
        [
            $"{country ?? "XX"}-{StoreId.ArticleKey(e.ArticleId)}-{e.EventId}",
            date is { } d ? ExportFields.Iso(d) : "",
            date?.Year.ToString(CultureInfo.InvariantCulture) ?? "",
            ExportFields.AcledTimePrecision(e).ToString(CultureInfo.InvariantCulture),
            DisorderType(e.AcledType),
            e.AcledType,
            e.AcledSubtype,
            e.Actor, "", "", e.Target, "", "", "",
            e.AcledType == "Violence against civilians" ? "Civilian targeting" : "",
            "", "", country, e.Admin1, "", "",
            e.PlaceName ?? e.Place,
            ExportFields.Num(e.Lat), ExportFields.Num(e.Lon),
            ExportFields.AcledGeoPrecision(e)?.ToString(CultureInfo.InvariantCulture) ?? "",
            ExportFields.SourceChain(e), "",
            ExportFields.EvidenceText(e),
            ExportFields.Fatalities(e).ToString(CultureInfo.InvariantCulture),
            e.Modality == "asserted" ? "" : "modality: " + e.Modality,
            "",
            e.Key, e.Action, e.Modality, e.Occurred ? "true" : "false", ExportFields.Num(e.Confidence), e.Cameo,
            e.PloverEvent, e.ActorCode, e.TargetCode, e.TimeText, e.TimeStart, e.TimeEnd, e.TimeInherited ? "true" : "false",
            e.PlacePrecision, e.ArticleHash, e.Published,
        ];
    }
}

/// <summary>
/// The GDELT 2.0 event table (61 tab-separated columns, no header row, as GDELT publishes it) with the columns Dragoman
/// can fill; the others are empty. Only events that occurred are written unless <see cref="IncludeNotOccurred"/>.
/// </summary>
public sealed class GdeltTsvExporter : IEventExporter
{
    public string Format => "gdelt-tsv";
    public string Extension => ".tsv";
    public string MediaType => "text/tab-separated-values";
    public bool IncludeNotOccurred { get; init; }

    private static readonly string[] ActorFields =
        ["Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code", "Type1Code", "Type2Code", "Type3Code"];

    private static readonly string[] GeoFields = ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"];

    public static readonly string[] Columns =
    [
        "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
        .. ActorFields.Select(f => "Actor1" + f), .. ActorFields.Select(f => "Actor2" + f),
        "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
        .. GeoFields.Select(f => "Actor1Geo_" + f), .. GeoFields.Select(f => "Actor2Geo_" + f), .. GeoFields.Select(f => "ActionGeo_" + f),
        "DATEADDED", "SOURCEURL",
    ];

    /// <summary>GDELT's geo type: 1 country, 4 world city (a town or site, or near one), 5 world state (a region or province).</summary>
    public static string GeoType(string? precision) => precision switch
    {
        "exact" or "near" => "4",
        "region" => "5",
        "country" => "1",
        _ => "",
    };

    /// <summary>A number stable for a store: article number times 1000 plus the event's position.</summary>
    public static long GlobalEventId(EventRecord e) => e.ArticleId * 1000 + e.Ordinal;

    public async Task WriteAsync(IEnumerable<EventRecord> events, Stream output, CancellationToken cancel = default)
    {
        await using var w = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        foreach (var e in events)
        {
            cancel.ThrowIfCancellationRequested();
            if (!e.Occurred && !IncludeNotOccurred) continue;
            await w.WriteLineAsync(string.Join('\t', Row(e).Select(Delimited.TsvField)));
        }
    }

    public static string?[] Row(EventRecord e)
    {
        var row = new string?[Columns.Length];
        void Set(string column, string? value) => row[Array.IndexOf(Columns, column)] = value;
        var inv = CultureInfo.InvariantCulture;
        Set("GLOBALEVENTID", GlobalEventId(e).ToString(inv));
        if (ExportFields.EventDate(e) is { } d)
        {
            Set("SQLDATE", d.ToString("yyyyMMdd", inv));
            Set("MonthYear", d.ToString("yyyyMM", inv));
            Set("Year", d.Year.ToString(inv));
            Set("FractionDate", (d.Year + (d.DayOfYear - 1) / 365.0).ToString("0.0000", inv));
        }
        Set("Actor1Code", e.ActorCode);
        Set("Actor1Name", e.Actor?.ToUpperInvariant());
        Set("Actor2Code", e.TargetCode);
        Set("Actor2Name", e.Target?.ToUpperInvariant());
        Set("IsRootEvent", e.Ordinal == 1 ? "1" : "0");
        if (e.Cameo is { Length: >= 2 } cameo)
        {
            Set("EventCode", cameo);
            Set("EventBaseCode", cameo[..Math.Min(3, cameo.Length)]);
            Set("EventRootCode", cameo[..2]);
        }
        Set("QuadClass", e.QuadClass?.ToString(inv));
        Set("GoldsteinScale", e.Goldstein is double g ? g.ToString("0.0", inv) : null);
        Set("NumMentions", "1");
        Set("NumSources", Math.Max(1, ExportFields.Objects(e.SourcesJson).Count).ToString(inv));
        Set("NumArticles", "1");
        if (e.Lat is not null && e.Lon is not null)
        {
            Set("ActionGeo_Type", GeoType(e.PlacePrecision));
            Set("ActionGeo_FullName", string.Join(", ", new[] { e.PlaceName ?? e.Place, e.Admin1, e.Country }.Where(x => !string.IsNullOrEmpty(x)).Distinct()));
            Set("ActionGeo_CountryCode", e.Country);
            Set("ActionGeo_ADM1Code", e.Country is not null && e.Admin1 is { Length: > 0 and <= 3 } a1 ? e.Country + a1 : null);
            Set("ActionGeo_Lat", ExportFields.Num(e.Lat));
            Set("ActionGeo_Long", ExportFields.Num(e.Lon));
        }
        Set("ActionGeo_FeatureID", e.GeonameId);
        Set("SOURCEURL", ExportFields.ArticleUri(e));
        return row;
    }
}
