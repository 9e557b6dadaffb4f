using System.Collections.Concurrent;
using Dragoman.Pipeline;

namespace Dragoman.Actors;

/// <summary>
/// Loads the actor dictionary once per folder (default: the bundled data/actors beside the binary). The dictionary is
/// compiled once into the data folder (<see cref="CompiledActors"/>) and read from there while its sources and this
/// build are the same; otherwise it is built from the sources and compiled again.
/// </summary>
public static class ActorResources
{
    private static readonly ConcurrentDictionary<string, Lazy<Result<ActorDictionary>>> Cache = new(StringComparer.Ordinal);

    public static string DefaultDir => Path.Combine(PipelineResources.BundledDataDir, "actors");

    /// <param name="dir">The source folder (actors.tsv.gz and the curated files).</param>
    /// <param name="dataDir">Where the compiled form is kept (default: $DRAGOMAN_HOME or ~/.local/share/dragoman).</param>
    public static ActorDictionary Load(string? dir = null, string? dataDir = null)
    {
        var path = Path.GetFullPath(dir ?? DefaultDir);
        var result = Cache.GetOrAdd(path, p => new Lazy<Result<ActorDictionary>>(() => LoadCompiled(p, dataDir ?? PipelineResources.DefaultDataDir()))).Value;
        return result.IsOk ? result.Value! : throw new InvalidOperationException($"actor dictionary: {result.Error}");
    }

    /// <summary>The compiled dictionary of <paramref name="sourceDir"/> from <paramref name="dataDir"/>, compiled there first when
    /// it is missing, stale or damaged. A data folder that cannot be written only costs the compiling at every start.</summary>
    internal static Result<ActorDictionary> LoadCompiled(string sourceDir, string dataDir)
    {
        var compiled = CompiledActors.DefaultPath(dataDir);
        var key = CompiledActors.SourceKey(sourceDir);
        var read = CompiledActors.Read(compiled, key);
        if (read.IsOk) return read;
        // a missing or stale file is the ordinary first use; anything else is told once, then mended
        if (File.Exists(compiled) && !read.Error!.EndsWith(CompiledActors.Stale, StringComparison.Ordinal))
            Console.Error.WriteLine($"dragoman: actors: {read.Error}; compiling it again");
        var built = ActorDictionary.Load(sourceDir);
        if (!built.IsOk) return built;
        try { CompiledActors.Write(compiled, key, built.Value!); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        return built;
    }
}
