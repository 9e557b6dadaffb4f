using Dragoman.Pipeline;

namespace Dragoman.Export;

/// <summary>
/// Reads a CAMEO actor code ("SYRMIL", "SYRREBINS", "IGOUNO") as GDELT and ACLED need it: the country (ISO alpha-3 prefix),
/// the sector codes (three letters each) and ACLED's inter code of the first sector that has one (data/export/acled-inter.tsv).
/// </summary>
public sealed class ActorCodes(CountryCodes countries, IReadOnlyDictionary<string, int> interBySector)
{
    public static string DefaultInterPath => Path.Combine(PipelineResources.BundledDataDir, "export", "acled-inter.tsv");

    private static readonly Lazy<ActorCodes> Bundled = new(() => new ActorCodes(CountryCodes.Default, LoadInter(DefaultInterPath)));

    public static ActorCodes Default => Bundled.Value;

    public static Dictionary<string, int> LoadInter(string path)
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith('#') || line.StartsWith("sector\t", StringComparison.Ordinal) || line.Length == 0) continue;
            var f = line.Split('\t');
            if (f.Length >= 2 && int.TryParse(f[1], out var inter)) map[f[0]] = inter;
        }
        return map;
    }

    /// <summary>The country an actor code starts with, as ISO alpha-3 (CAMEO country codes are ISO alpha-3), or null.</summary>
    public CountryCode? Country(string? code) => code is { Length: >= 3 } ? countries.ByIso3(code[..3]) : null;

    /// <summary>The three-letter sector codes after the country: "SYRREBINS" -> REB, INS; "IGOUNO" -> IGO, UNO.</summary>
    public IReadOnlyList<string> Sectors(string? code)
    {
        if (string.IsNullOrEmpty(code)) return [];
        int start = Country(code) is null ? 0 : 3;
        var sectors = new List<string>();
        for (int i = start; i + 3 <= code.Length; i += 3) sectors.Add(code.Substring(i, 3));
        return sectors;
    }

    /// <summary>ACLED's inter code of the actor code's first sector that has one, or null when none does.</summary>
    public int? Inter(string? code)
    {
        foreach (var s in Sectors(code))
            if (interBySector.TryGetValue(s, out var inter)) return inter;
        return null;
    }
}
