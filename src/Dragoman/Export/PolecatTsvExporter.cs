using System.Globalization;
using System.Text;
using Dragoman.Storage;

namespace Dragoman.Export;

/// <summary>
/// A POLECAT-style flat table (tab-separated, a header row): one row per event with its PLOVER event type and mode, the
/// actor's and recipient's country name and sectors, the resolved place and the story's id, under the column names of
/// the POLECAT weekly releases. Columns Dragoman does not code (contexts, COW codes, titles, Wikipedia ids, the story's
/// people/organisation/location lists) are present and empty, so scripts that select them by name still run. Events
/// without a PLOVER type are left out (POLECAT has no such row) and counted in <see cref="LeftOut"/>.
/// </summary>
public sealed class PolecatTsvExporter : IEventExporter
{
    public string Format => "polecat";
    public string Extension => ".tsv";
    public string MediaType => "text/tab-separated-values";
    public bool IncludeNotOccurred { get; init; }

    public IReadOnlyDictionary<string, int> LeftOut => _leftOut;
    private readonly Dictionary<string, int> _leftOut = new(StringComparer.Ordinal);

    public static readonly string[] Columns =
    [
        "Event ID", "Event Date", "Event Type", "Event Mode", "Event Intensity", "Quad Code", "Contexts",
        "Actor Name", "Actor Country", "Actor COW", "Primary Actor Sector", "Actor Sectors", "Actor Title", "Actor Name Raw", "Wikipedia Actor ID",
        "Recipient Name", "Recipient Country", "Recipient COW", "Primary Recipient Sector", "Recipient Sectors", "Recipient Title", "Recipient Name Raw", "Wikipedia Recipient ID",
        "Placename", "City", "District", "Province", "Country", "Latitude", "Longitude", "GeoNames ID", "Raw Placename", "Feature Type",
        "Source", "Publication Date", "Story People", "Story Organizations", "Story Locations", "Language", "Version", "Story ID",
    ];

    public async Task WriteAsync(IEnumerable<EventRecord> events, Stream output, CancellationToken cancel = default)
    {
        _leftOut.Clear();
        await using var w = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        await w.WriteLineAsync(string.Join('\t', Columns));
        foreach (var e in events)
        {
            cancel.ThrowIfCancellationRequested();
            if (!e.Occurred && !IncludeNotOccurred) continue;
            var reason = e.PloverEvent is null ? "no PLOVER event type" : ExportFields.EventDate(e) is null ? "no date" : null;
            if (reason is not null)
            {
                _leftOut[reason] = _leftOut.GetValueOrDefault(reason) + 1;
                continue;
            }
            await w.WriteLineAsync(string.Join('\t', Row(e, CountryCodes.Default, ActorCodes.Default).Select(Delimited.TsvField)));
        }
    }

    public static string?[] Row(EventRecord e, CountryCodes countries, ActorCodes codes)
    {
        var row = new string?[Columns.Length];
        void Set(string column, string? value) => row[Array.IndexOf(Columns, column)] = value;
        var inv = CultureInfo.InvariantCulture;
        Set("Event ID", EventJson.PloverId(e));
        Set("Event Date", ExportFields.EventDate(e) is { } d ? ExportFields.Iso(d) : null);
        Set("Event Type", e.PloverEvent);
        Set("Event Mode", e.PloverMode);
        Set("Quad Code", e.QuadClass?.ToString(inv));
        void Party(string who, string? text, string? code)
        {
            var sectors = codes.Sectors(code);
            Set($"{who} Name", text);
            Set($"{who} Country", codes.Country(code)?.Name);
            Set($"Primary {who} Sector", sectors.Count > 0 ? sectors[0] : null);
            Set($"{who} Sectors", string.Join(';', sectors));
            Set($"{who} Name Raw", text);
        }
        // POLECAT's actor name is the story's text: an actor the text does not name (a coder's category) is left blank
        Party("Actor", e.ActorImplied ? null : e.Actor, e.ActorCode);
        Party("Recipient", e.Target, e.TargetCode);
        Set("Placename", e.PlaceName);
        Set("City", e.PlacePrecision is "exact" or "near" ? e.PlaceName : null);
        Set("Province", e.Admin1);
        Set("Country", countries.ByIso2(e.Country)?.Name);
        Set("Latitude", e.Lat?.ToString("R", inv));
        Set("Longitude", e.Lon?.ToString("R", inv));
        Set("GeoNames ID", EventJson.GeonameId(e)?.ToString(inv));
        Set("Raw Placename", e.Place);
        Set("Source", ExportFields.ArticleUri(e));
        Set("Publication Date", e.Published);
        Set("Language", "en");
        Set("Version", "dragoman-" + Output.DocumentJson.SchemaVersion);
        Set("Story ID", StoreId.ArticleKey(e.ArticleId));
        return row;
    }
}
