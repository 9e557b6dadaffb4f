using Dragoman.Geo;

namespace Dragoman.Tests.Geo;

/// <summary>
/// The gazetteer's binary file (packed blocks, hashed key tables): what is written is read back the same, a file of
/// another format version is rebuilt, and a damaged file is an error naming the file, then rebuilt by the installer.
/// </summary>
public class GazetteerFileTests : IDisposable
{
    // GeoNames rows written for the test (19 columns), a first-level division table, and a curated supplement row.
    private const string Rows =
        "170905\tDar‘ā\tDar'a\tDaraa,Deraa,درعا\t32.61889\t36.10213\tP\tPPLA\tSY\t\t06\t\t\t\t97969\t\t559\tAsia/Damascus\t2012-01-01\n" +
        "266826\tTripoli\tTripoli\tTarabulus,طرابلس\t34.43352\t35.84415\tP\tPPLA\tLB\t\t09\t\t\t\t229398\t\t0\tAsia/Beirut\t2012-01-01\n" +
        "2210247\tTripoli\tTripoli\tTarabulus,Tripolis\t32.88743\t13.18733\tP\tPPLC\tLY\t\t77\t\t\t\t1150989\t\t0\tAfrica/Tripoli\t2012-01-01\n";
    private const string Admin1 = "SY.06\tDaraa\tDaraa\t170903\nLB.09\tNorth Governorate\tNorth Governorate\t266825\n";

    private readonly string _dir = Directory.CreateTempSubdirectory("dragoman-gazfile-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private Gazetteer Build()
    {
        var rows = Path.Combine(_dir, "cities500.txt");
        var admin = Path.Combine(_dir, "admin1CodesASCII.txt");
        File.WriteAllText(rows, Rows);
        File.WriteAllText(admin, Admin1);
        var built = GazetteerInstaller.BuildFrom([admin, rows], _ => { });
        Assert.True(built.IsOk, built.Error);
        return built.Value!;
    }

    [Theory]
    [InlineData("daraa", "canon key of an alternate name")]
    [InlineData("tripoli", "a name two entries share: both, in the built order")]
    [InlineData("طرابلس", "a non-Latin key (UTF-8 of several bytes a letter)")]
    [InlineData("nowhere", "a key no entry has: nothing")]
    public void A_saved_gazetteer_loads_back_with_the_same_entries_and_keys(string key, string reason)
    {
        var built = Build();
        var path = Path.Combine(_dir, "g.bin");
        built.Save(path);
        var loaded = Gazetteer.Load(path);
        Assert.True(loaded.IsOk, loaded.Error);
        var back = loaded.Value!;
        Assert.True(built.LookupCanon(key).ToArray().SequenceEqual(back.LookupCanon(key).ToArray()), reason);
        var loose = NameFolder.Loose(key);
        Assert.True(built.LookupLoose(loose).ToArray().SequenceEqual(back.LookupLoose(loose).ToArray()), reason + " (skeleton)");
        Assert.Equal((built.Count, built.KeyCount, built.Source), (back.Count, back.KeyCount, back.Source));
        for (int i = 0; i < built.Count; i++)
            Assert.Equal(built[i], back[i]);
    }

    [Theory]
    [InlineData("SY.06", "Daraa", "a first-level division's name")]
    [InlineData("LB.09", "North Governorate", "another one")]
    [InlineData("SY.99", null, "a key no division has")]
    public void Division_names_are_found_by_key_after_a_round_trip(string key, string? name, string reason)
    {
        var path = Path.Combine(_dir, "g.bin");
        Build().Save(path);
        Assert.True(Gazetteer.Load(path).Value!.AdminName(key) == name, reason);
    }

    [Fact]
    public void Saving_a_loaded_gazetteer_writes_the_same_bytes()
    {
        var first = Path.Combine(_dir, "first.bin");
        var second = Path.Combine(_dir, "second.bin");
        Build().Save(first);
        Gazetteer.Load(first).Value!.Save(second);
        Assert.True(File.ReadAllBytes(first).AsSpan().SequenceEqual(File.ReadAllBytes(second)), "a load and save changed the file");
    }

    /// <summary>Damage done to a good file, each of which must be told, not read as a smaller or different gazetteer.</summary>
    public static TheoryData<string, Func<byte[], byte[]>, string> Damage => new()
    {
        { "truncated", b => b[..(b.Length - 100)], "damaged or truncated" },
        { "one byte too many", b => [.. b, 0], "damaged or truncated" },
        { "other format version", b => { var c = (byte[])b.Clone(); c[4] = 3; return c; }, "old format" },
        { "not a gazetteer", b => "hello world, not a gazetteer"u8.ToArray(), "not a Dragoman gazetteer" },
        { "every byte after the header ones", b => { var c = (byte[])b.Clone(); c.AsSpan(12 + 8 * 32).Fill(0xFF); return c; }, "damaged" },
        { "empty", b => [], "not a Dragoman gazetteer" },
    };

    [Theory]
    [MemberData(nameof(Damage))]
    public void A_damaged_file_is_an_error_that_names_it(string what, Func<byte[], byte[]> damage, string expected)
    {
        var path = Path.Combine(_dir, "g.bin");
        Build().Save(path);
        File.WriteAllBytes(path, damage(File.ReadAllBytes(path)));
        var loaded = Gazetteer.Load(path);
        Assert.False(loaded.IsOk, what);
        Assert.Contains(path, loaded.Error!);
        Assert.Contains(expected, loaded.Error!);
    }

    [Theory]
    [InlineData(true, "a damaged file")]
    [InlineData(false, "a file of another format version")]
    public void The_installer_rebuilds_a_damaged_or_outdated_default_gazetteer_from_its_cached_sources(bool damaged, string reason)
    {
        // a data folder whose sources are already cached (nothing is fetched) and whose index cannot be read
        var data = Path.Combine(_dir, "data");
        var sources = Path.Combine(data, "gazetteer", "sources");
        Directory.CreateDirectory(sources);
        foreach (var (_, _, file) in GazetteerInstaller.DefaultSources)
            File.WriteAllText(Path.Combine(sources, file), file.EndsWith(".json", StringComparison.Ordinal) ? "[]" : Rows);
        var path = Gazetteer.DefaultPath(data);
        Build().Save(path);
        var bytes = File.ReadAllBytes(path);
        if (damaged) bytes = bytes[..^7]; else bytes[4] = 3;
        File.WriteAllBytes(path, bytes);
        var bundled = Path.Combine(_dir, "bundled");
        Directory.CreateDirectory(bundled);
        var log = new List<string>();
        var loaded = GazetteerInstaller.LoadOrInstall(data, bundled, install: true, log.Add);
        Assert.True(loaded.IsOk, $"{reason}: {loaded.Error}");
        Assert.Contains(log, m => m.Contains("rebuilding the default gazetteer", StringComparison.Ordinal));
        Assert.Equal(2, loaded.Value!.LookupCanon("tripoli").Length);
        Assert.True(Gazetteer.Load(path).IsOk, $"{reason}: the rebuilt file does not load");
    }
}
