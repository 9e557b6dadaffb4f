using System.Collections.Concurrent;
using Dragoman.Pipeline;

namespace Dragoman.Actors;

/// <summary>Loads the actor dictionary once per folder (default: the bundled data/actors beside the binary).</summary>
public static class ActorResources
{
    private static readonly ConcurrentDictionary<string, Lazy<Result<ActorDictionary>>> Cache = new(StringComparer.Ordinal);

    public static string DefaultDir => Path.Combine(PipelineResources.BundledDataDir, "actors");

    public static ActorDictionary Load(string? dir = null)
    {
        var path = Path.GetFullPath(dir ?? DefaultDir);
        var result = Cache.GetOrAdd(path, p => new Lazy<Result<ActorDictionary>>(() => ActorDictionary.Load(p))).Value;
        return result.IsOk ? result.Value! : throw new InvalidOperationException($"actor dictionary: {result.Error}");
    }
}
