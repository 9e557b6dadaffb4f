using Dragoman.Documents;
using Dragoman.Text;

namespace Dragoman.Entities;

/// <summary>
/// Multi-token name lists by kind (at most 16 kinds), matched on normalised token hashes.
/// Each token gets a bit mask: for kind k, bit 4k+0 begins a match, +1 inside, +2 last, +3 a one-token match.
/// Immutable after construction; matching allocates nothing.
/// </summary>
public sealed class Gazetteer
{
    public const int MaxKinds = 16;
    public const int MaxTokens = 6;

    private readonly Dictionary<ulong, ushort> _phrases = [];
    private readonly HashSet<ulong> _prefixes = [];
    // One bit per value of a hash's top 20 bits, set for every phrase and prefix hash (128 KB, stays in cache): most
    // words begin no name, and a clear bit answers both dictionaries at once. Built once both sets are complete.
    private readonly ulong[] _filter = new ulong[(1 << FilterBits) / 64];
    private const int FilterBits = 20;

    private void BuildFilter()
    {
        var filter = _filter;
        Array.Clear(filter);
        foreach (var h in _phrases.Keys) filter[h >> (64 - FilterBits + 6)] |= 1UL << (int)((h >> (64 - FilterBits)) & 63);
        foreach (var h in _prefixes) filter[h >> (64 - FilterBits + 6)] |= 1UL << (int)((h >> (64 - FilterBits)) & 63);
    }

    private bool MayHold(ulong h) => (_filter[h >> (64 - FilterBits + 6)] & (1UL << (int)((h >> (64 - FilterBits)) & 63))) != 0;

    public Gazetteer(IReadOnlyList<string> kinds, IEnumerable<(string Phrase, int Kind)> entries)
    {
        if (kinds.Count > MaxKinds) throw new ArgumentException($"at most {MaxKinds} gazetteer kinds");
        Kinds = [.. kinds];
        foreach (var (phrase, kind) in entries)
        {
            if (kind < 0 || kind >= Kinds.Length) continue;
            _entries.Add((phrase, kind));
            var tokens = Tokenizer.Tokenize(phrase);
            if (tokens.Length == 0 || tokens.Length > MaxTokens) continue;
            ulong h = PhraseSeed;
            for (int i = 0; i < tokens.Length; i++)
            {
                h = FeatureHash.Mix(h, FeatureHash.Norm(phrase.AsSpan(tokens[i].Start, tokens[i].End - tokens[i].Start)));
                if (i < tokens.Length - 1) _prefixes.Add(h);
            }
            _phrases.TryGetValue(h, out var mask);
            _phrases[h] = (ushort)(mask | (1 << kind));
        }
        BuildFilter();
    }

    private readonly List<(string Phrase, int Kind)> _entries = [];

    private const ulong PhraseSeed = 0x1234567UL;

    private Gazetteer(string[] kinds) => Kinds = kinds;

    /// <summary>Writes the hashed phrase table (not the entries' text): loading it needs no tokenising.</summary>
    internal void Write(BinaryWriter w)
    {
        w.Write(Kinds.Length);
        foreach (var k in Kinds) w.Write(k);
        w.Write(_phrases.Count);
        foreach (var (h, m) in _phrases.OrderBy(p => p.Key)) { w.Write(h); w.Write(m); }
        w.Write(_prefixes.Count);
        foreach (var h in _prefixes.Order()) w.Write(h);
    }

    internal static Gazetteer Read(BinaryReader r)
    {
        var kinds = new string[r.ReadInt32()];
        for (int i = 0; i < kinds.Length; i++) kinds[i] = r.ReadString();
        var g = new Gazetteer(kinds);
        int n = r.ReadInt32();
        g._phrases.EnsureCapacity(n);
        for (int i = 0; i < n; i++) g._phrases[r.ReadUInt64()] = r.ReadUInt16();
        int p = r.ReadInt32();
        g._prefixes.EnsureCapacity(p);
        for (int i = 0; i < p; i++) g._prefixes.Add(r.ReadUInt64());
        g.BuildFilter();
        return g;
    }

    public string[] Kinds { get; }
    /// <summary>The entries as given (at training time; a loaded model keeps only the hashed phrases).</summary>
    public IReadOnlyList<(string Phrase, int Kind)> Entries => _entries;
    public int Phrases => _phrases.Count;

    /// <summary>Fills <paramref name="masks"/>[i] for tokens [from, to) of one sentence, given each token's normalised hash.</summary>
    public void Match(ReadOnlySpan<ulong> normHashes, Span<ulong> masks)
    {
        masks.Clear();
        for (int i = 0; i < normHashes.Length; i++)
        {
            ulong h = PhraseSeed;
            for (int j = i; j < normHashes.Length && j - i < MaxTokens; j++)
            {
                h = FeatureHash.Mix(h, normHashes[j]);
                bool may = MayHold(h);
                if (may && _phrases.TryGetValue(h, out var kinds))
                {
                    for (int k = 0; k < MaxKinds; k++)
                    {
                        if ((kinds & (1 << k)) == 0) continue;
                        if (j == i) masks[i] |= 1UL << (4 * k + 3);
                        else
                        {
                            masks[i] |= 1UL << (4 * k);
                            for (int m = i + 1; m < j; m++) masks[m] |= 1UL << (4 * k + 1);
                            masks[j] |= 1UL << (4 * k + 2);
                        }
                    }
                }
                if (!may || !_prefixes.Contains(h)) break;
            }
        }
    }

    /// <summary>Whether the text of tokens matches a phrase of any kind (for tests and tools).</summary>
    public int KindsOf(string phrase)
    {
        var tokens = Tokenizer.Tokenize(phrase);
        ulong h = PhraseSeed;
        foreach (var t in tokens) h = FeatureHash.Mix(h, FeatureHash.Norm(phrase.AsSpan(t.Start, t.End - t.Start)));
        return _phrases.TryGetValue(h, out var k) ? k : 0;
    }

    internal static ulong NormOf(string text, Token t) => FeatureHash.Norm(text.AsSpan(t.Start, t.End - t.Start));
}
