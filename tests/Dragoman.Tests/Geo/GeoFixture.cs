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
