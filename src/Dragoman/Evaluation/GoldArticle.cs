using System.Globalization;
using System.Text.Json;

namespace Dragoman.Evaluation;

/// <summary>A hand-coded place of an articles-gold annotation (coordinates, ISO alpha-3 country).</summary>
public sealed record GoldPlace(string Name, double? Lat, double? Lon, string? Country, string? Kind);

/// <summary>A named person or organisation of the gold, with the other forms the text uses.</summary>
public sealed record GoldName(string Name, IReadOnlyList<string> Aliases);

/// <summary>A gold count: bounds as stated (<see cref="Min"/> null for "up to N").</summary>
public sealed record GoldCount(int? Min, int? Max, string? Kind);

/// <summary>One hand-coded main event; <see cref="Evidence"/> is an exact substring of the article.</summary>
public sealed record GoldEvent(
    string? Actor, string? Action, string? Plover, string? Target, string? Place, string? Date,
    GoldCount? Count, string? Source, string? Modality, string Evidence)
{
    /// <summary>The CAMEO root the coder gave ("19"), where the file has one.</summary>
    public string? CameoRoot { get; init; }
}

/// <summary>The annotation of one article of a folder shaped like ../shared/data/articles-gold (README there).</summary>
public sealed record GoldArticle(
    string Name, string? Title, DateOnly? PublicationDate,
    IReadOnlyList<GoldName> Persons, IReadOnlyList<GoldName> Organizations,
    IReadOnlyList<GoldPlace> Places, IReadOnlyList<GoldEvent> Events)
{
    /// <summary>Reads gold/NAME.json; a malformed file is an error naming the file and the problem.</summary>
    public static Result<GoldArticle> Read(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllText(path));
            var r = json.RootElement;
            if (r.ValueKind != JsonValueKind.Object) return Result<GoldArticle>.Fail($"{path}: not a JSON object");
            var events = new List<GoldEvent>();
            foreach (var e in Array(r, "events"))
            {
                var evidence = Str(e, "evidence");
                if (string.IsNullOrWhiteSpace(evidence)) return Result<GoldArticle>.Fail($"{path}: an event has no evidence");
                GoldCount? count = e.TryGetProperty("count", out var c) && c.ValueKind == JsonValueKind.Object
                    ? new GoldCount(Int(c, "min"), Int(c, "max"), Str(c, "kind")) : null;
                events.Add(new GoldEvent(Str(e, "actor"), Str(e, "action"), Str(e, "plover"), Str(e, "target"), Str(e, "place"),
                    Str(e, "date"), count, Str(e, "source"), Str(e, "modality"), evidence) { CameoRoot = Str(e, "cameo_root") });
            }
            var places = Array(r, "places").Select(p => new GoldPlace(Str(p, "name") ?? "", Num(p, "lat"), Num(p, "lon"), Str(p, "country"), Str(p, "kind")))
                .Where(p => p.Name.Length > 0).ToList();
            DateOnly? published = DateOnly.TryParseExact(Str(r, "publication_date") ?? "", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
            return new GoldArticle(name, Str(r, "title"), published, Names(r, "persons"), Names(r, "organizations"), places, events);
        }
        catch (Exception ex) when (ex is JsonException or IOException or InvalidOperationException)
        {
            return Result<GoldArticle>.Fail($"{path}: not a readable gold annotation: {ex.Message}");
        }
    }

    private static IEnumerable<JsonElement> Array(JsonElement o, string key) =>
        o.TryGetProperty(key, out var a) && a.ValueKind == JsonValueKind.Array ? a.EnumerateArray() : [];

    private static List<GoldName> Names(JsonElement o, string key) =>
        Array(o, key).Select(p => new GoldName(Str(p, "name") ?? "", Array(p, "aliases").Where(a => a.ValueKind == JsonValueKind.String).Select(a => a.GetString()!).ToList()))
            .Where(n => n.Name.Length > 0).ToList();

    private static string? Str(JsonElement o, string key) =>
        o.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int? Int(JsonElement o, string key) =>
        o.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i : null;

    private static double? Num(JsonElement o, string key) =>
        o.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;
}
