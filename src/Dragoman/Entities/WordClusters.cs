using Dragoman.Text;
namespace Dragoman.Entities;

/// <summary>
/// Word clusters at several granularities (coarse to fine), learnt by the project from unlabelled text
/// (see <see cref="ClusterTrainer"/>), looked up by the word's normalised hash.
/// </summary>
public sealed class WordClusters
{
    private readonly Dictionary<ulong, int> _index = [];
    private readonly List<string> _words = [];
    private readonly List<ushort> _ids = [];

    public WordClusters(int levels) => Levels = levels;

    public static WordClusters Empty { get; } = new(0);

    public int Levels { get; }
    public int Count => _words.Count;

    public void Add(string word, ReadOnlySpan<ushort> ids)
    {
        if (ids.Length != Levels) throw new ArgumentException($"expected {Levels} cluster ids");
        var h = FeatureHash.Norm(word);
        if (_index.ContainsKey(h)) return;
        _index[h] = _words.Count;
        _words.Add(word);
        foreach (var id in ids) _ids.Add(id);
    }

    /// <summary>Cluster ids (one per level) of the word with normalised hash <paramref name="norm"/>; empty when unknown.</summary>
    public ReadOnlySpan<ushort> Of(ulong norm)
    {
        if (Levels == 0 || !_index.TryGetValue(norm, out var i)) return [];
        return System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_ids).Slice(i * Levels, Levels);
    }

    /// <summary>The row of the word with normalised hash <paramref name="norm"/> for <see cref="At"/>; -1 when unknown.</summary>
    internal int IndexOf(ulong norm) => Levels > 0 && _index.TryGetValue(norm, out var i) ? i : -1;

    /// <summary>Cluster ids of row <paramref name="index"/> from <see cref="IndexOf"/>; empty for -1.</summary>
    internal ReadOnlySpan<ushort> At(int index) =>
        index < 0 ? [] : System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_ids).Slice(index * Levels, Levels);

    public void WriteText(string path)
    {
        using var w = new StreamWriter(path);
        for (int i = 0; i < _words.Count; i++)
            w.WriteLine(_words[i] + "\t" + string.Join('\t', Enumerable.Range(0, Levels).Select(l => _ids[i * Levels + l])));
    }

    internal void Write(BinaryWriter w)
    {
        w.Write(Levels);
        w.Write(_words.Count);
        for (int i = 0; i < _words.Count; i++)
        {
            w.Write(_words[i]);
            for (int l = 0; l < Levels; l++) w.Write(_ids[i * Levels + l]);
        }
    }

    internal static WordClusters Read(BinaryReader r)
    {
        var c = new WordClusters(r.ReadInt32());
        int n = r.ReadInt32();
        Span<ushort> ids = stackalloc ushort[Math.Max(1, c.Levels)];
        for (int i = 0; i < n; i++)
        {
            var word = r.ReadString();
            for (int l = 0; l < c.Levels; l++) ids[l] = r.ReadUInt16();
            c.Add(word, ids[..c.Levels]);
        }
        return c;
    }
}
