using Dragoman.Pipeline;

namespace Dragoman.Geo;

/// <summary>
/// The name pieces of data/gazetteer/name-pieces.txt: particles that join a place name's words ("da", "al") and
/// settlement nouns that some names carry ("city"), which a recogniser may leave off the end of a name.
/// </summary>
public static class NamePieces
{
    public static string BundledPath => Path.Combine(PipelineResources.BundledDataDir, "gazetteer", "name-pieces.txt");

    private static readonly Lazy<(HashSet<string> Particles, HashSet<string> Settlements)> Bundled = new(() => Load(BundledPath));

    /// <summary>The two word sets of a list file; both empty when it is absent.</summary>
    public static (HashSet<string> Particles, HashSet<string> Settlements) Load(string path)
    {
        var particles = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var settlements = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (!File.Exists(path)) return (particles, settlements);
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var cols = line.Split('\t');
            if (cols.Length < 2 || cols[1].Trim() is not { Length: > 0 } w) continue;
            if (cols[0] == "particle") particles.Add(w);
            else if (cols[0] == "settlement") settlements.Add(w);
        }
        return (particles, settlements);
    }

    public static bool IsParticle(string word) => Bundled.Value.Particles.Contains(word);

    public static bool IsSettlementNoun(string word) => Bundled.Value.Settlements.Contains(word);
}
