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
/// ACLED-style CSV: ACLED's codebook columns in ACLED's order (country names, ISO numeric codes, ACLED regions, inter codes
/// from the actors' CAMEO sectors, interaction codes), then Dragoman's own columns prefixed <c>dragoman_</c>.
/// Only events that occurred (asserted, reported, claimed) are written unless <see cref="IncludeNotOccurred"/>: ACLED
/// records events, not expectations or denials. ACLED has no row without an event type, a date or a country, so an
/// event lacking one is left out and counted in <see cref="LeftOut"/> (the CLI prints the counts).
/// </summary>
public sealed class AcledCsvExporter : IEventExporter
{
    public string Format => "acled-csv";
    public string Extension => ".csv";
    public string MediaType => "text/csv";
    public bool IncludeNotOccurred { get; init; }

    /// <summary>Why events were left out of the last write, with how many: "no ACLED event type" -> 12.</summary>
    public IReadOnlyDictionary<string, int> LeftOut => _leftOut;
    private readonly Dictionary<string, int> _leftOut = new(StringComparer.Ordinal);

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
        "dragoman_actor_implied", "dragoman_target_convention", "dragoman_fatalities_victims", "dragoman_fatalities_victims_p",
    ];

    public static IEnumerable<string> Columns => AcledColumns.Concat(DragomanColumns);

    /// <summary>Columns holding CAMEO codes: always quoted, so that a reader sees "020" as text rather than the number 20.</summary>
    private static readonly int[] CodeColumns = [Array.IndexOf([.. Columns], "dragoman_cameo")];

    public async Task WriteAsync(IEnumerable<EventRecord> events, Stream output, CancellationToken cancel = default)
    {
        _leftOut.Clear();
        await using var w = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        await w.WriteLineAsync(string.Join(',', Columns));
        foreach (var e in events)
        {
            cancel.ThrowIfCancellationRequested();
            if (!e.Occurred && !IncludeNotOccurred) continue;
            if (Missing(e) is { } reason)
            {
                _leftOut[reason] = _leftOut.GetValueOrDefault(reason) + 1;
                continue;
            }
            var row = Row(e);
            await w.WriteLineAsync(string.Join(',', row.Select((f, i) => CodeColumns.Contains(i) && !string.IsNullOrEmpty(f) ? "\"" + f + "\"" : Delimited.CsvField(f))));
        }
    }

    /// <summary>What an ACLED row cannot be without, when the event lacks it; null when it can be written.</summary>
    public static string? Missing(EventRecord e, CountryCodes? countries = null)
    {
        if (string.IsNullOrEmpty(e.AcledType)) return "no ACLED event type (its action is not one ACLED records)";
        if (ExportFields.EventDate(e) is null) return "no date (neither the event's time nor the article's publication date)";
        if ((countries ?? CountryCodes.Default).ByIso2(e.Country) is null) return "no country (the place was not resolved)";
        return null;
    }

    public static string DisorderType(string? eventType) => eventType switch
    {
        "Battles" or "Explosions/Remote violence" or "Violence against civilians" => "Political violence",
        "Protests" or "Riots" => "Demonstrations",
        "Strategic developments" => "Strategic developments",
        _ => "",
    };

    /// <summary>
    /// ACLED's inter codes of an event's two actors: from the actor codes' CAMEO sectors (data/export/acled-inter.tsv); a
    /// protest's actor is 6 (protesters), a riot's 5 (rioters), the target of violence against civilians 7 (civilians);
    /// 0 where the event has no such actor; null where the actor is there but its type is not known.
    /// </summary>
    public static (int? Inter1, int? Inter2) Inters(EventRecord e, ActorCodes codes)
    {
        int? inter1 = e.AcledType switch
        {
            "Protests" => 6,
            "Riots" => 5,
            _ when e.ActorImplied => ImpliedInter(e.Actor),
            _ => e.Actor is null && e.ActorCode is null ? 0 : codes.Inter(e.ActorCode),
        };
        int? inter2 = e.AcledType == "Violence against civilians" ? 7
            : e.TargetConvention ? ConventionInter(e.Target) ?? codes.Inter(e.TargetCode)
            : e.Target is null && e.TargetCode is null ? 0 : codes.Inter(e.TargetCode);
        return (inter1, inter2);
    }

    /// <summary>ACLED's inter code of its own unnamed-actor categories: Police Forces are state forces (1), an Unidentified Armed Group a political militia (3).</summary>
    private static int? ImpliedInter(string? category) => category switch
    {
        Events.UnnamedActorsComponent.Police => 1,
        Events.UnnamedActorsComponent.UnidentifiedArmedGroup => 3,
        _ => null,
    };

    /// <summary>ACLED's inter code of a convention target's category: civilians 7, protesters 6; a government's depends on its forces' sector (the code's).</summary>
    private static int? ConventionInter(string? category) => category switch
    {
        Events.Roles.TargetCategories.Civilians => 7,
        Events.Roles.TargetCategories.Protesters => 6,
        _ => null,
    };

    /// <summary>
    /// The actor2 column: the target as the text names it; a target the text names only generically ("two people",
    /// EventRecord.TargetConvention) is written as ACLED names the category, "Civilians (Syria)", "Protesters (Syria)",
    /// and dragoman_target_convention says it is a coding convention. A government stays "government": ACLED's own name
    /// ("Government of Syria (2000-)") carries the period of a regime, which the event does not give.
    /// </summary>
    public static string? Actor2(EventRecord e, CountryCode? country) => e.TargetConvention
        ? e.Target switch
        {
            Events.Roles.TargetCategories.Civilians => country is null ? "Civilians" : $"Civilians ({country.Name})",
            Events.Roles.TargetCategories.Protesters => country is null ? "Protesters" : $"Protesters ({country.Name})",
            _ => e.Target,
        }
        : e.Target;

    /// <summary>
    /// ACLED's civilian_targeting: every violence against civilians, and an explosion or remote violence whose target is
    /// the civilians category or whose fatalities the pipeline classes as civilians (the count's victim class, the same
    /// one dragoman_fatalities_victims shows and the FA-KES civilians figure reads): ACLED marks events where civilians
    /// are the main or only target, in those two types.
    /// </summary>
    public static string CivilianTargeting(EventRecord e) =>
        e.AcledType == "Violence against civilians"
        || (e.AcledType == "Explosions/Remote violence"
            && ((e.TargetConvention && e.Target == Events.Roles.TargetCategories.Civilians) || ExportFields.FatalitiesVictims(e).Class == Documents.VictimClass.Civilian))
            ? "Civilian targeting" : "";

    /// <summary>
    /// The actor1 column: the actor as the text names it; an actor the text does not name (EventRecord.ActorImplied) is
    /// written as ACLED itself names the category, "Police Forces of Syria", "Unidentified Armed Group (Syria)", and
    /// dragoman_actor_implied says it is a coding convention.
    /// </summary>
    public static string? Actor1(EventRecord e, CountryCode? country) => e.ActorImplied
        ? e.Actor switch
        {
            Events.UnnamedActorsComponent.Police => country is null ? "Police Forces" : $"Police Forces of {country.Name}",
            Events.UnnamedActorsComponent.UnidentifiedArmedGroup => country is null ? "Unidentified Armed Group" : $"Unidentified Armed Group ({country.Name})",
            _ => e.Actor,
        }
        : e.Actor;

    /// <summary>ACLED's interaction code: the two inter codes, lower first (17: state forces and civilians); 10 for state forces alone.</summary>
    public static int? Interaction(int? inter1, int? inter2)
    {
        if (inter1 is not int a || inter2 is not int b) return null;
        if (a == 0) (a, b) = (b, a);
        if (a == 0) return null;
        return b == 0 ? a * 10 : Math.Min(a, b) * 10 + Math.Max(a, b);
    }

    /// <summary>An ACLED-like id: the country's ISO alpha-3 code and a number stable for the store (SYR12003).</summary>
    public static string EventIdCnty(EventRecord e, CountryCode? country) =>
        (country?.Iso3 ?? "XXX") + GdeltTsvExporter.GlobalEventId(e).ToString(CultureInfo.InvariantCulture);

    public static string?[] Row(EventRecord e) => Row(e, CountryCodes.Default, ActorCodes.Default);

    public static string?[] Row(EventRecord e, CountryCodes countries, ActorCodes codes)
    {
        var inv = CultureInfo.InvariantCulture;
        var date = ExportFields.EventDate(e);
        var country = countries.ByIso2(e.Country);
        var (inter1, inter2) = Inters(e, codes);
        var victims = ExportFields.FatalitiesVictims(e);
        return
        [
            EventIdCnty(e, country),
            date is { } d ? ExportFields.Iso(d) : "",
            date?.Year.ToString(inv) ?? "",
            ExportFields.AcledTimePrecision(e).ToString(inv),
            DisorderType(e.AcledType),
            e.AcledType,
            e.AcledSubtype,
            Actor1(e, country), "", inter1?.ToString(inv), Actor2(e, country), "", inter2?.ToString(inv), Interaction(inter1, inter2)?.ToString(inv),
            CivilianTargeting(e),
            country?.IsoNumeric.ToString(inv), country?.AcledRegion, country?.Name ?? e.Country, e.Admin1, "", "",
            e.PlaceName ?? e.Place,
            ExportFields.Num(e.Lat), ExportFields.Num(e.Lon),
            ExportFields.AcledGeoPrecision(e)?.ToString(inv) ?? "",
            ExportFields.SourceChain(e), "",
            ExportFields.EvidenceText(e),
            ExportFields.Fatalities(e).ToString(inv),
            e.Modality == "asserted" ? "" : "modality: " + e.Modality,
            "",
            e.Key, e.Action, e.Modality, e.Occurred ? "true" : "false", ExportFields.Num(e.Confidence), e.Cameo,
            e.PloverEvent, e.ActorCode, e.TargetCode, e.TimeText, e.TimeStart, e.TimeEnd, e.TimeInherited ? "true" : "false",
            e.PlacePrecision, e.ArticleHash, e.Published, e.ActorImplied ? "true" : "false",
            e.TargetConvention ? "true" : "false",
            victims.Class, ExportFields.Num(victims.Probability),
        ];
    }
}

/// <summary>
/// The GDELT 2.0 event table (61 tab-separated columns, no header row, as GDELT publishes it). Country codes are FIPS 10-4
/// as in GDELT's geography columns (data/export/countries.tsv; CN is Comoros there, China CH), actor countries CAMEO
/// (ISO alpha-3) as in GDELT's actor columns. Every integer column is filled (a geo type of 0 where there is no place); an
/// event without a CAMEO code or a date is left out and counted in <see cref="LeftOut"/>, as GDELT has no such row.
/// Only events that occurred are written unless <see cref="IncludeNotOccurred"/>.
/// </summary>
public sealed class GdeltTsvExporter : IEventExporter
{
    public string Format => "gdelt-tsv";
    public string Extension => ".tsv";
    public string MediaType => "text/tab-separated-values";
    public bool IncludeNotOccurred { get; init; }

    /// <summary>Why events were left out of the last write, with how many.</summary>
    public IReadOnlyDictionary<string, int> LeftOut => _leftOut;
    private readonly Dictionary<string, int> _leftOut = new(StringComparer.Ordinal);

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
        _ => "0",
    };

    /// <summary>GDELT's QuadClass from the CAMEO root: 1 verbal cooperation (01-05), 2 material cooperation (06-09), 3 verbal conflict (10-14), 4 material conflict (15-20).</summary>
    public static int? QuadClassOf(string? cameo) =>
        cameo is { Length: >= 2 } && int.TryParse(cameo[..2], NumberStyles.None, CultureInfo.InvariantCulture, out var root)
            ? root switch { >= 1 and <= 5 => 1, >= 6 and <= 9 => 2, >= 10 and <= 14 => 3, >= 15 and <= 20 => 4, _ => null }
            : null;

    /// <summary>What a GDELT row cannot be without, when the event lacks it; null when it can be written.</summary>
    public static string? Missing(EventRecord e)
    {
        if (e.Cameo is not { Length: >= 2 } || QuadClassOf(e.Cameo) is null) return "no CAMEO event code";
        if (ExportFields.EventDate(e) is null) return "no date (neither the event's time nor the article's publication date)";
        return null;
    }

    /// <summary>A number stable for a store: article number times 1000 plus the event's position.</summary>
    public static long GlobalEventId(EventRecord e) => e.ArticleId * 1000 + e.Ordinal;

    public async Task WriteAsync(IEnumerable<EventRecord> events, Stream output, CancellationToken cancel = default)
    {
        _leftOut.Clear();
        await using var w = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        foreach (var e in events)
        {
            cancel.ThrowIfCancellationRequested();
            if (!e.Occurred && !IncludeNotOccurred) continue;
            if (Missing(e) is { } reason)
            {
                _leftOut[reason] = _leftOut.GetValueOrDefault(reason) + 1;
                continue;
            }
            await w.WriteLineAsync(string.Join('\t', Row(e).Select(Delimited.TsvField)));
        }
    }

    public static string?[] Row(EventRecord e) => Row(e, CountryCodes.Default, ActorCodes.Default);

    public static string?[] Row(EventRecord e, CountryCodes countries, ActorCodes codes)
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
        void Actor(string n, string? code, string? name)
        {
            Set($"Actor{n}Code", code);
            Set($"Actor{n}Name", name?.ToUpperInvariant());
            Set($"Actor{n}CountryCode", codes.Country(code)?.Iso3);
            var sectors = codes.Sectors(code);
            for (int i = 0; i < Math.Min(3, sectors.Count); i++) Set($"Actor{n}Type{i + 1}Code", sectors[i]);
            Set($"Actor{n}Geo_Type", "0"); // the actors' own places are not resolved, only the action's
        }
        // GDELT codes the actors a story names and leaves Actor1 blank when it names none: a coder's category the event
        // implies (EventRecord.ActorImplied) is not written as a name
        Actor("1", e.ActorCode, e.ActorImplied ? null : e.Actor);
        Actor("2", e.TargetCode, e.Target);
        Set("IsRootEvent", e.Ordinal == 1 ? "1" : "0");
        if (e.Cameo is { Length: >= 2 } cameo)
        {
            Set("EventCode", cameo);
            Set("EventBaseCode", cameo[..Math.Min(3, cameo.Length)]);
            Set("EventRootCode", cameo[..2]);
        }
        Set("QuadClass", (e.QuadClass ?? QuadClassOf(e.Cameo))?.ToString(inv));
        Set("GoldsteinScale", e.Goldstein is double g ? g.ToString("0.0", inv) : null);
        Set("NumMentions", "1");
        Set("NumSources", Math.Max(1, ExportFields.Objects(e.SourcesJson).Count).ToString(inv));
        Set("NumArticles", "1");
        Set("ActionGeo_Type", "0");
        if (e.Lat is not null && e.Lon is not null)
        {
            var country = countries.ByIso2(e.Country);
            Set("ActionGeo_Type", GeoType(e.PlacePrecision));
            Set("ActionGeo_FullName", string.Join(", ", new[] { e.PlaceName ?? e.Place, e.Admin1, country?.Name ?? e.Country }.Where(x => !string.IsNullOrEmpty(x)).Distinct()));
            Set("ActionGeo_CountryCode", country?.Fips);
            // GDELT's ADM1Code is FIPS country + FIPS division code; the store keeps division names, so only the country part is known
            Set("ActionGeo_ADM1Code", country?.Fips);
            Set("ActionGeo_Lat", ExportFields.Num(e.Lat));
            Set("ActionGeo_Long", ExportFields.Num(e.Lon));
            Set("ActionGeo_FeatureID", e.GeonameId);
        }
        // GDELT's DATEADDED is when it read the article (YYYYMMDDHHMMSS); exporters never read the clock, so the
        // article's publication date (else the event's date) stands in, at midnight.
        if ((ExportFields.Date(e.Published) ?? ExportFields.EventDate(e)) is { } added) Set("DATEADDED", added.ToString("yyyyMMdd", inv) + "000000");
        Set("SOURCEURL", ExportFields.ArticleUri(e));
        return row;
    }
}
