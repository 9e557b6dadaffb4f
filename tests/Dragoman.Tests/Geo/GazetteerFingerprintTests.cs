using Dragoman.Geo;

namespace Dragoman.Tests.Geo;

/// <summary>A default gazetteer is rebuilt when the project's curated files change; an imported one never is.</summary>
public class GazetteerFingerprintTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dragoman-fp-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Bundled(string supplement)
    {
        var bundled = Path.Combine(_dir, "bundled");
        Directory.CreateDirectory(Path.Combine(bundled, "gazetteer"));
        File.WriteAllText(GazetteerInstaller.SupplementPath(bundled), supplement);
        File.WriteAllText(GazetteerInstaller.AliasesPath(bundled), "alias\tname\n");
        return bundled;
    }

    [Theory]
    [InlineData("row A\n", "row A\n", false, "same curated files: up to date")]
    [InlineData("row A\n", "row A\nrow B\n", true, "a supplement row added since the install: rebuild")]
    public void A_default_install_is_outdated_when_its_curated_inputs_change(string installedWith, string now, bool outdated, string reason)
    {
        var data = Path.Combine(_dir, "data");
        Directory.CreateDirectory(Path.Combine(data, "gazetteer"));
        File.WriteAllText(GazetteerInstaller.FingerprintPath(data), GazetteerInstaller.DefaultFingerprint(Bundled(installedWith)));
        Assert.True(GazetteerInstaller.IsOutdatedDefault(data, Bundled(now)) == outdated, reason);
    }

    [Fact]
    public void An_imported_gazetteer_without_a_fingerprint_is_never_outdated()
    {
        var data = Path.Combine(_dir, "data");
        Directory.CreateDirectory(Path.Combine(data, "gazetteer"));
        Assert.False(GazetteerInstaller.IsOutdatedDefault(data, Bundled("anything\n")));
    }
}
