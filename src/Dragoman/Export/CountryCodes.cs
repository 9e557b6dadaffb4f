using Dragoman.Pipeline;

namespace Dragoman.Export;

/// <summary>One country's codes and names as the exports write them (data/export/countries.tsv, with its sources).</summary>
public sealed record CountryCode(string Iso2, string Iso3, int IsoNumeric, string? Fips, string Name, string? AcledRegion);

/// <summary>
/// Country codes for the exports: ISO 3166 alpha-2/alpha-3/numeric, FIPS 10-4 (GDELT), ACLED's name and region. The stored
/// events carry ISO alpha-2 codes; GDELT needs FIPS (CN is Comoros in FIPS, China is CH), ACLED names and numeric codes.
/// </summary>
public sealed class CountryCodes
{
    private readonly Dictionary<string, CountryCode> _byIso2 = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, CountryCode> _byIso3 = new(StringComparer.OrdinalIgnoreCase);

    public int Count => _byIso2.Count;

    public static string DefaultPath => Path.Combine(PipelineResources.BundledDataDir, "export", "countries.tsv");

    private static readonly Lazy<CountryCodes> Bundled = new(() => Load(DefaultPath));

    /// <summary>The table shipped with the binary, read once.</summary>
    public static CountryCodes Default => Bundled.Value;

    public static CountryCodes Load(string path)
    {
        var table = new CountryCodes();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var f = line.Split('\t');
            if (f.Length < 6 || f[0].Length != 2) continue;
            var c = new CountryCode(f[0], f[1], int.TryParse(f[2], out var n) ? n : 0, f[3].Length == 0 ? null : f[3], f[4], f[5].Length == 0 ? null : f[5]);
            table._byIso2[c.Iso2] = c;
            table._byIso3[c.Iso3] = c;
        }
        return table;
    }

    public CountryCode? ByIso2(string? iso2) => iso2 is { Length: 2 } && _byIso2.TryGetValue(iso2, out var c) ? c : null;

    public CountryCode? ByIso3(string? iso3) => iso3 is { Length: 3 } && _byIso3.TryGetValue(iso3, out var c) ? c : null;
}
