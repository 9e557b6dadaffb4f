namespace Dragoman.Geo;

/// <summary>
/// Adjectival and demonymic forms of country names ("Syrian", "Jordanians", "Syrian-Jordanian") to ISO alpha-2 codes.
/// Loaded from the project's data/gazetteer/demonyms.tsv.
/// </summary>
public sealed class Demonyms
{
    private readonly Dictionary<string, string> _map;

    public Demonyms(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        _map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in pairs) _map[NameFolder.Fold(k)] = v;
    }

    public static Demonyms Empty { get; } = new([]);

    public int Count => _map.Count;

    public static Result<Demonyms> Load(string path)
    {
        if (!File.Exists(path)) return Result<Demonyms>.Fail($"no demonym table at {path}");
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line[0] == '#' || line.StartsWith("demonym\t", StringComparison.Ordinal)) continue;
            var f = line.Split('\t');
            if (f.Length >= 2 && f[1].Length == 2) pairs.Add(new(f[0], f[1]));
        }
        return new Demonyms(pairs);
    }

    /// <summary>The countries a word names as an adjective or demonym; a hyphenated pair names both.</summary>
    public IEnumerable<string> CountriesOf(ReadOnlySpan<char> word)
    {
        var found = new List<string>(2);
        if (word.Length < 3 || _map.Count == 0) return found;
        var parts = word.IndexOfAny('-', '–', '/') < 0 ? [word.ToString()] : word.ToString().Split('-', '–', '/');
        foreach (var part in parts)
        {
            if (part.Length < 3) continue;
            var key = NameFolder.Fold(part);
            if (_map.TryGetValue(key, out var cc)) found.Add(cc);
            else if (key.EndsWith('s') && _map.TryGetValue(key[..^1], out cc)) found.Add(cc);          // Syrians
            else if (key.EndsWith("es", StringComparison.Ordinal) && _map.TryGetValue(key[..^2], out cc)) found.Add(cc);
        }
        return found;
    }

    /// <summary>Whether a multi-word phrase ("South Korean") is a demonym.</summary>
    public bool IsDemonym(string phrase) => _map.ContainsKey(NameFolder.Fold(phrase)) || CountriesOf(phrase).Any();
}
