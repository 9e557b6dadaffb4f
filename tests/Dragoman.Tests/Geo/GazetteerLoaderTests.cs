using System.IO.Compression;
using Dragoman.Geo;

namespace Dragoman.Tests.Geo;

public class GazetteerLoaderTests
{
    // Two GeoNames-format rows (19 tab-separated columns) written for the test, and one malformed row.
    private const string Rows =
        "170905\tDar‘ā\tDar'a\tDaraa,Deraa,درعا,DAR\t32.61889\t36.10213\tP\tPPLA\tSY\t\t06\t\t\t\t97969\t\t559\tAsia/Damascus\t2012-01-01\n" +
        "266826\tTripoli\tTripoli\tTarabulus,طرابلس\t34.43352\t35.84415\tP\tPPLA\tLB\t\t09\t\t\t\t229398\t\t0\tAsia/Beirut\t2012-01-01\n" +
        "9999999\tOld Mill Road\t\t\t33.5\t36.3\tR\tRD\tSY\t\t13\t\t\t\t0\t\t0\tAsia/Damascus\t2012-01-01\n" +
        "not-a-number\tBroken\n";

    [Theory]
    [InlineData("Daraa", "170905", "alternate name")]
    [InlineData("Deraa", "170905", "alternate name")]
    [InlineData("Dar'a", "170905", "ASCII name")]
    [InlineData("درعا", "170905", "Arabic alternate name")]
    [InlineData("Tarabulus", "266826", "transliterated alternate name")]
    public void Reads_the_19_column_format(string name, string id, string reason)
    {
        var g = Build(".txt");
        var hits = g.LookupCanon(NameFolder.Canon(name));
        Assert.True(hits.Length == 1 && g.IdOf(hits[0]) == id, reason);
    }

    [Theory]
    [InlineData(".txt", "plain table")]
    [InlineData(".txt.gz", "gzipped table")]
    [InlineData(".zip", "zipped table")]
    public void Reads_plain_gzip_and_zip_and_skips_malformed_rows_and_roads(string ext, string reason)
    {
        var g = Build(ext);
        Assert.True(g.Count == 2, $"{reason}: {g.Count} entries");
        Assert.True(g.LookupCanon("dar").Length == 0, "a 3-letter all-caps code is not indexed as a name");
    }

    [Fact]
    public void Saves_and_loads_the_binary_index()
    {
        var g = Build(".txt");
        var path = Path.Combine(Path.GetTempPath(), $"dragoman-gaz-{Guid.NewGuid():N}.bin");
        try
        {
            g.Save(path);
            var back = Gazetteer.Load(path);
            Assert.True(back.IsOk, back.Error);
            var e = back.Value![back.Value!.LookupCanon("daraa")[0]];
            Assert.Equal(("170905", "SY", 'P', "PPLA", 97969), (e.Id, e.Country, e.FeatureClass, e.FeatureCode, e.Population));
            Assert.Equal(32.61889, e.Lat, 4);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Rejects_a_file_that_is_not_a_gazetteer()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "hello");
            Assert.False(Gazetteer.Load(path).IsOk);
        }
        finally { File.Delete(path); }
    }

    private static Gazetteer Build(string ext)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"dragoman-geo-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        try
        {
            var path = Path.Combine(dir, "SY" + ext);
            if (ext == ".txt") File.WriteAllText(path, Rows);
            else if (ext == ".txt.gz")
            {
                using var fs = File.Create(path);
                using var gz = new GZipStream(fs, CompressionLevel.Fastest);
                using var w = new StreamWriter(gz);
                w.Write(Rows);
            }
            else
            {
                using var fs = File.Create(path);
                using var zip = new ZipArchive(fs, ZipArchiveMode.Create);
                using (var w = new StreamWriter(zip.CreateEntry("readme.txt").Open())) w.Write("not a table");
                using (var w = new StreamWriter(zip.CreateEntry("SY.txt").Open())) w.Write(Rows);
            }
            var b = new GazetteerBuilder();
            var r = b.AddFile(path);
            Assert.True(r.IsOk, r.Error);
            return b.Build();
        }
        finally { Directory.Delete(dir, true); }
    }
}
