namespace Dragoman.Ingest.Json;

/// <summary>
/// Which field of a JSON record or CSV column holds each article field, for inputs whose names differ from Dragoman's
/// own (<c>text html title published source url</c>). Built from <c>--map text=maintext,published=date_publish</c>
/// and/or a preset (<c>--preset news-please|mediacloud</c>); a mapped name is tried before the usual names.
/// </summary>
public sealed class FieldMap
{
    public static readonly string[] Fields = ["text", "html", "title", "published", "source", "url", "address"];

    /// <summary>Field names of tools whose output analysts feed in, from each tool's documented output.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Presets = new Dictionary<string, IReadOnlyDictionary<string, string>>
    {
        // news-please JSON: maintext, title, date_publish, source_domain, url (github.com/fhamborg/news-please, README "output")
        ["news-please"] = new Dictionary<string, string> { ["text"] = "maintext", ["published"] = "date_publish", ["source"] = "source_domain", ["title"] = "title", ["url"] = "url" },
        // MediaCloud story exports: publish_date, media_name, title, url, and text when the export includes story text
        ["mediacloud"] = new Dictionary<string, string> { ["text"] = "text", ["published"] = "publish_date", ["source"] = "media_name", ["title"] = "title", ["url"] = "url" },
    };

    public static readonly FieldMap None = new(new Dictionary<string, string>());

    private readonly IReadOnlyDictionary<string, string> _map;

    private FieldMap(IReadOnlyDictionary<string, string> map) => _map = map;

    public bool IsEmpty => _map.Count == 0;

    /// <summary>The input's own name for an article field, when the map gives one.</summary>
    public string? NameOf(string field) => _map.TryGetValue(field, out var v) ? v : null;

    /// <summary>Names to try for a field: the mapped one first, then the usual ones.</summary>
    public IEnumerable<string> Candidates(string field, IEnumerable<string> usual)
    {
        if (NameOf(field) is { } mapped) yield return mapped;
        foreach (var u in usual) yield return u;
    }

    /// <summary>Parses a preset name and a <c>field=name,field=name</c> list; the list overrides the preset.</summary>
    public static Result<FieldMap> Parse(string? preset, string? map)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(preset))
        {
            if (!Presets.TryGetValue(preset.Trim().ToLowerInvariant(), out var p))
                return Result<FieldMap>.Fail($"unknown preset '{preset}' (known: {string.Join(", ", Presets.Keys)})");
            foreach (var (k, v) in p) result[k] = v;
        }
        if (!string.IsNullOrWhiteSpace(map))
        {
            foreach (var pair in map.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                int eq = pair.IndexOf('=');
                if (eq <= 0 || eq == pair.Length - 1)
                    return Result<FieldMap>.Fail($"--map entry '{pair}' is not field=name (for example text=maintext)");
                var field = pair[..eq].Trim().ToLowerInvariant();
                if (!Fields.Contains(field))
                    return Result<FieldMap>.Fail($"--map field '{field}' is unknown (fields: {string.Join(", ", Fields)})");
                result[field] = pair[(eq + 1)..].Trim();
            }
        }
        return new FieldMap(result);
    }

    public override string ToString() => string.Join(",", _map.Select(p => $"{p.Key}={p.Value}"));
}
