using System.Collections.Concurrent;

namespace Dragoman.Events.Roles;

/// <summary>
/// The role ranker's feature names, interned once per process: a candidate carries the ids of its features (no
/// dictionary, no joined strings per candidate), the model a weight array per role indexed by id. Names joined from
/// parts ("side=" + "before" + "|active") are looked up by their parts, so scoring builds no strings. Head nouns (an
/// open vocabulary) grow the table; past <see cref="Capacity"/> names an unseen name gets no id (a feature no model
/// has weighed is dropped rather than the table growing without end in a long-running server). Thread-safe.
/// </summary>
public static class RoleFeatureNames
{
    public const int Capacity = 1 << 20;

    private static readonly ConcurrentDictionary<string, int> Ids = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<(string, string, string), int> Joined = new();
    private static readonly ConcurrentDictionary<string, int> Heads = new(StringComparer.OrdinalIgnoreCase);
    private static readonly List<string> Names = [];
    private static readonly Lock Gate = new();

    /// <summary>The id of a name, added when new; -1 when the table is full and the name is new.</summary>
    public static int Id(string name)
    {
        if (Ids.TryGetValue(name, out var id)) return id;
        lock (Gate)
        {
            if (Ids.TryGetValue(name, out id)) return id;
            if (Names.Count >= Capacity) return -1;
            id = Names.Count;
            Names.Add(name);
            Ids[name] = id;
            return id;
        }
    }

    /// <summary>The id of the name <paramref name="a"/> + <paramref name="b"/> + <paramref name="c"/>, joined only the first time.</summary>
    public static int Id(string a, string b, string c = "")
    {
        if (Joined.TryGetValue((a, b, c), out var id)) return id;
        id = Id(a + b + c);
        if (id >= 0) Joined.TryAdd((a, b, c), id);
        return id;
    }

    /// <summary>The id of "head=" + the word in lower case (the head noun feature), lowered only the first time.</summary>
    public static int Head(string word)
    {
        if (Heads.TryGetValue(word, out var id)) return id;
        id = Id("head=" + word.ToLowerInvariant());
        if (id >= 0) Heads.TryAdd(word, id);
        return id;
    }

    /// <summary>The name of an id.</summary>
    public static string Name(int id)
    {
        lock (Gate) return Names[id];
    }
}
