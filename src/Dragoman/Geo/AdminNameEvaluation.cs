namespace Dragoman.Geo;

/// <summary>How the installed gazetteer's first-level division names compare with a GeoNames admin1 table.</summary>
public sealed record AdminNameScores(int Codes, int Named, int Same, int Variant, int Different, IReadOnlyList<string> Differences);

/// <summary>
/// Checks the division names a gazetteer gives GeoNames admin1 codes against GeoNames' own admin1CodesASCII table
/// (a development check of <see cref="DivisionCodeMatcher"/>): the same name once division words, articles and
/// accents are set aside; a spelling variant (one contains the other, or at most a third of the letters differ:
/// "Arbil" / "Erbil Governorate"); or a different name, which is either another name of the same division ("Dimashq" /
/// "Damascus Governorate") or a wrong match, to be read by hand.
/// </summary>
public static class AdminNameEvaluation
{
    public static AdminNameScores Run(Gazetteer gazetteer, IEnumerable<string> admin1Lines, int maxDifferences = 50)
    {
        int codes = 0, named = 0, same = 0, variant = 0, different = 0;
        var differences = new List<string>();
        foreach (var line in admin1Lines)
        {
            var f = line.Split('\t');
            if (f.Length < 3 || f[0].IndexOf('.') <= 0) continue;
            codes++;
            var ours = gazetteer.AdminName(f[0]);
            if (ours is null || ours == f[0]) continue;
            named++;
            string a = DivisionCodeMatcher.Core(f[2]), b = DivisionCodeMatcher.Core(ours);
            if (a == b) same++;
            else if (a.Length > 0 && b.Length > 0 && (a.Contains(b, StringComparison.Ordinal) || b.Contains(a, StringComparison.Ordinal)
                || NameFolder.BoundedDistance(a, b, Math.Max(a.Length, b.Length) / 3) <= Math.Max(a.Length, b.Length) / 3))
                variant++;
            else
            {
                different++;
                if (differences.Count < maxDifferences) differences.Add($"{f[0]}\t{f[2]}\t{ours}");
            }
        }
        return new AdminNameScores(codes, named, same, variant, different, differences);
    }
}
