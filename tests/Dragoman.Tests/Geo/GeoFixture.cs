using Dragoman.Geo;
using Dragoman.Tests.Support;

namespace Dragoman.Tests.Geo;

/// <summary>
/// A gazetteer built once from the GeoNames files in ../shared/data/geonames (no network) plus the project's
/// curated supplement and demonym table from data/gazetteer.
/// </summary>
public static class GeoFixture
{
    private static readonly Lazy<PlaceResolver> Shared = new(Build);

    public static PlaceResolver Resolver => Shared.Value;

    public static string DataDir => Path.Combine(Paths.RepoRoot, "data");

    /// <summary>Each mention as a given span of <paramref name="text"/>, found in order (a repeated name: its next occurrence).</summary>
    public static List<PlaceQuery> GivenQueries(string text, params string[] mentions)
    {
        var queries = new List<PlaceQuery>();
        int from = 0;
        foreach (var m in mentions)
        {
            int at = text.IndexOf(m, from, StringComparison.Ordinal);
            Assert.True(at >= 0, $"'{m}' is not in the text after offset {from}");
            queries.Add(new PlaceQuery(at, at + m.Length, Given: true));
            from = at + m.Length;
        }
        return queries;
    }

    /// <summary>A gazetteer built from source files written here (name -> content), in the order given.</summary>
    public static Gazetteer BuildFromTexts(params (string FileName, string Content)[] files)
    {
        var dir = Directory.CreateTempSubdirectory("dragoman-gazetteer-");
        try
        {
            var paths = files.Select(f => Path.Combine(dir.FullName, f.FileName)).ToArray();
            for (int i = 0; i < files.Length; i++) File.WriteAllText(paths[i], files[i].Content);
            var g = GazetteerInstaller.BuildFrom(paths, _ => { });
            Assert.True(g.IsOk, g.Error);
            return g.Value!;
        }
        finally { dir.Delete(true); }
    }

    private static PlaceResolver Build()
    {
        var geo = Path.Combine(Paths.SharedData, "geonames");
        var files = new[]
        {
            Path.Combine(geo, "cities15000_2012.txt"),
            Path.Combine(geo, "cities1000_2013.middle-east.txt"),
            Path.Combine(geo, "admin1CodesASCII.txt"),
            Path.Combine(geo, "countryInfo.txt"),
            GazetteerInstaller.SupplementPath(DataDir),
            GazetteerInstaller.AliasesPath(DataDir),
            GazetteerInstaller.DirectionWordsPath(DataDir),
        };
        var g = GazetteerInstaller.BuildFrom(files, _ => { });
        Assert.True(g.IsOk, g.Error);
        var d = Demonyms.Load(GazetteerInstaller.DemonymsPath(DataDir));
        Assert.True(d.IsOk, d.Error);
        return new PlaceResolver(g.Value!, d.Value!);
    }
}
