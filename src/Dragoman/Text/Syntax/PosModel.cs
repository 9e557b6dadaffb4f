using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Dragoman.Documents;

namespace Dragoman.Text.Syntax;

/// <summary>The words of one sentence, read without allocating: from a string array (training) or from token spans (runtime).</summary>
public interface ISentenceWords
{
    int Count { get; }
    ReadOnlySpan<char> Word(int i);
}

public readonly struct ArrayWords(string[] words) : ISentenceWords
{
    public int Count => words.Length;
    public ReadOnlySpan<char> Word(int i) => words[i];
}

public readonly struct TokenWords(string text, Token[] tokens, int first, int end) : ISentenceWords
{
    public int Count => end - first;
    public ReadOnlySpan<char> Word(int i) { var t = tokens[first + i]; return text.AsSpan(t.Start, t.End - t.Start); }
}

/// <summary>
/// A part-of-speech tagger over the Penn Treebank tag set: a greedy left-to-right averaged perceptron with hashed
/// features of the word, its affixes and shape, its neighbours and the two tags already chosen, plus a dictionary of
/// frequent unambiguous words. Weights are stored sparsely (per feature bucket, only the tags with a weight).
/// Immutable and thread-safe; trained by <see cref="PosTrainer"/> (see models/pos/README.md).
/// </summary>
public sealed class PosModel
{
    private const string Magic = "DRAGOMAN-POS/1";
    public const string DefaultModelName = "dragoman-pos.bin";

    /// <summary>The bundled model, copied next to the binary from the repository's models/pos folder.</summary>
    public static string DefaultModelPath => Path.Combine(AppContext.BaseDirectory, "models", "pos", DefaultModelName);

    private static readonly Lazy<PosModel?> BundledLazy = new(() =>
    {
        var m = Load(DefaultModelPath);
        return m.IsOk ? m.Value : null;
    });

    /// <summary>The bundled model loaded once per process, or null when the file is absent (the tagger then falls back to rules).</summary>
    public static PosModel? Bundled => BundledLazy.Value;

    private readonly string[] _tags;
    private readonly int _bits;
    private readonly int[] _offsets;     // bucket -> first entry; entries of bucket b are [_offsets[b], _offsets[b+1])
    private readonly byte[] _entryTag;
    private readonly float[] _entryWeight;
    private readonly Dictionary<string, byte> _wordTags;
    private readonly Dictionary<string, byte>.AlternateLookup<ReadOnlySpan<char>> _wordTagLookup;

    internal PosModel(string[] tags, int bits, int[] offsets, byte[] entryTag, float[] entryWeight, Dictionary<string, byte> wordTags, IReadOnlyDictionary<string, string> info)
    {
        _tags = tags;
        _bits = bits;
        _offsets = offsets;
        _entryTag = entryTag;
        _entryWeight = entryWeight;
        _wordTags = wordTags;
        _wordTagLookup = wordTags.GetAlternateLookup<ReadOnlySpan<char>>();
        Info = info;
    }

    public IReadOnlyList<string> Tags => _tags;
    public int Bits => _bits;
    public int Weights => _entryWeight.Length;
    public int DictionaryWords => _wordTags.Count;
    public IReadOnlyDictionary<string, string> Info { get; }

    /// <summary>
    /// Whether a lower-case word is a frequent English common word (noun, verb, adjective, adverb ...) by the model's
    /// dictionary of frequent unambiguous words: "state", "media". Names (NNP) are not.
    /// </summary>
    public bool IsFrequentCommonWord(ReadOnlySpan<char> lower) =>
        _wordTagLookup.TryGetValue(lower, out var t) && !_tags[t].StartsWith("NNP", StringComparison.Ordinal) && _tags[t] != "CD";

    /// <summary>Tags the sentence into <paramref name="tags"/> (indexes into <see cref="Tags"/>).</summary>
    public void Predict<TWords>(TWords words, Span<byte> tags) where TWords : ISentenceWords
    {
        int n = words.Count;
        var hashes = PosFeatures.WordHashes(words);
        Span<float> scores = stackalloc float[_tags.Length];
        Span<ulong> features = stackalloc ulong[PosFeatures.Count];
        int mask = (1 << _bits) - 1;
        for (int i = 0; i < n; i++)
        {
            if (_wordTagLookup.TryGetValue(words.Word(i), out var fixedTag)) { tags[i] = fixedTag; continue; }
            int p1 = i > 0 ? tags[i - 1] : PosFeatures.Start;
            int p2 = i > 1 ? tags[i - 2] : PosFeatures.Start;
            PosFeatures.Extract(hashes, i, p1, p2, features);
            scores.Clear();
            foreach (var f in features)
            {
                int b = (int)(f & (ulong)mask);
                for (int e = _offsets[b]; e < _offsets[b + 1]; e++) scores[_entryTag[e]] += _entryWeight[e];
            }
            int best = 0;
            for (int t = 1; t < scores.Length; t++) if (scores[t] > scores[best]) best = t;
            tags[i] = (byte)best;
        }
    }

    public string[] Predict(string[] words)
    {
        var tags = new byte[words.Length];
        Predict(new ArrayWords(words), tags);
        return tags.Select(t => _tags[t]).ToArray();
    }

    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var file = File.Create(path);
        using var gz = new GZipStream(file, CompressionLevel.SmallestSize);
        using var w = new BinaryWriter(gz, Encoding.UTF8);
        w.Write(Magic);
        w.Write(Info.Count);
        foreach (var (k, v) in Info) { w.Write(k); w.Write(v); }
        w.Write(_tags.Length);
        foreach (var t in _tags) w.Write(t);
        w.Write(_bits);
        w.Write(_wordTags.Count);
        foreach (var (word, tag) in _wordTags.OrderBy(x => x.Key, StringComparer.Ordinal)) { w.Write(word); w.Write(tag); }
        // buckets as (gap-coded bucket, count) runs of the non-empty ones, then tags and weights
        w.Write(_entryWeight.Length);
        int previous = 0;
        for (int b = 0; b < _offsets.Length - 1; b++)
        {
            int count = _offsets[b + 1] - _offsets[b];
            if (count == 0) continue;
            w.Write7BitEncodedInt(b - previous);
            w.Write((byte)count);
            previous = b;
        }
        w.Write7BitEncodedInt(-1 & 0x7FFFFFFF);
        w.Write(_entryTag);
        foreach (var x in _entryWeight) w.Write((Half)x);
    }

    public static Result<PosModel> Load(string path)
    {
        if (!File.Exists(path)) return Result<PosModel>.Fail($"{path}: no such file");
        try
        {
            // decompressed whole first: the reader's many small reads are then memory reads, not calls into the inflater
            var payload = new MemoryStream();
            using (var file = File.OpenRead(path))
            using (var gz = new GZipStream(file, CompressionMode.Decompress))
                gz.CopyTo(payload);
            payload.Position = 0;
            using var r = new BinaryReader(payload, Encoding.UTF8);
            if (r.ReadString() != Magic) return Result<PosModel>.Fail($"{path}: not a Dragoman POS model");
            var info = new Dictionary<string, string>();
            for (int i = r.ReadInt32(); i > 0; i--) info[r.ReadString()] = r.ReadString();
            var tags = new string[r.ReadInt32()];
            for (int i = 0; i < tags.Length; i++) tags[i] = r.ReadString();
            int bits = r.ReadInt32();
            if (bits is < 8 or > 24) return Result<PosModel>.Fail($"{path}: bad bucket bits {bits}");
            var wordTags = new Dictionary<string, byte>(StringComparer.Ordinal);
            for (int i = r.ReadInt32(); i > 0; i--) wordTags[r.ReadString()] = r.ReadByte();
            int entries = r.ReadInt32();
            var offsets = new int[(1 << bits) + 1];
            var counts = new int[1 << bits];
            int bucket = 0;
            while (true)
            {
                int gap = r.Read7BitEncodedInt();
                if (gap == 0x7FFFFFFF) break;
                bucket += gap;
                if ((uint)bucket >= (uint)counts.Length) return Result<PosModel>.Fail($"{path}: bucket out of range");
                counts[bucket] = r.ReadByte();
            }
            for (int b = 0; b < counts.Length; b++) offsets[b + 1] = offsets[b] + counts[b];
            if (offsets[^1] != entries) return Result<PosModel>.Fail($"{path}: weight count mismatch");
            var entryTag = r.ReadBytes(entries);
            var entryWeight = new float[entries];
            var halves = r.ReadBytes(entries * 2); // little-endian halves, as the writer's BinaryWriter wrote them
            if (halves.Length != entries * 2) throw new EndOfStreamException("weights cut short");
            for (int i = 0; i < entries; i++) entryWeight[i] = (float)BinaryPrimitives.ReadHalfLittleEndian(halves.AsSpan(2 * i));
            foreach (var t in entryTag) if (t >= tags.Length) return Result<PosModel>.Fail($"{path}: tag index out of range");
            return new PosModel(tags, bits, offsets, entryTag, entryWeight, wordTags, info);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or EndOfStreamException)
        {
            return Result<PosModel>.Fail($"{path}: unreadable POS model ({e.Message})");
        }
    }
}

/// <summary>The feature templates shared by training and tagging.</summary>
internal static class PosFeatures
{
    public const int Count = 20;
    /// <summary>The pseudo-tag before the sentence start.</summary>
    public const int Start = 255;

    public readonly record struct WordHash(ulong Lower, ulong Exact, ulong Suffix1, ulong Suffix2, ulong Suffix3, ulong Suffix4, ulong Prefix1, ulong Shape, bool Capital);

    private static readonly WordHash Pad = new(11, 13, 17, 19, 23, 29, 31, 37, false);

    public static WordHash[] WordHashes<TWords>(TWords words) where TWords : ISentenceWords
    {
        var h = new WordHash[words.Count];
        for (int i = 0; i < h.Length; i++)
        {
            var w = words.Word(i);
            h[i] = new WordHash(
                FeatureHash.Norm(w), FeatureHash.Exact(w),
                FeatureHash.Affix(w, 1, true), FeatureHash.Affix(w, 2, true), FeatureHash.Affix(w, 3, true), FeatureHash.Affix(w, 4, true),
                FeatureHash.Affix(w, 1, false), FeatureHash.Shape(w, true), w.Length > 0 && char.IsUpper(w[0]));
        }
        return h;
    }

    private static ulong F(int template, ulong value) => FeatureHash.Mix((ulong)template + 1, value);

    public static void Extract(WordHash[] h, int i, int p1, int p2, Span<ulong> f)
    {
        var w = h[i];
        var prev = i > 0 ? h[i - 1] : Pad;
        var prev2 = i > 1 ? h[i - 2] : Pad;
        var next = i + 1 < h.Length ? h[i + 1] : Pad;
        var next2 = i + 2 < h.Length ? h[i + 2] : Pad;
        f[0] = F(0, 0);
        f[1] = F(1, w.Lower);
        f[2] = F(2, w.Exact);
        f[3] = F(3, w.Suffix1);
        f[4] = F(4, w.Suffix2);
        f[5] = F(5, w.Suffix3);
        f[6] = F(6, w.Suffix4);
        f[7] = F(7, w.Prefix1);
        f[8] = F(8, w.Shape);
        f[9] = F(9, (ulong)p1);
        f[10] = F(10, ((ulong)(uint)p2 << 8) | (uint)p1);
        f[11] = F(11, FeatureHash.Mix((ulong)p1, w.Lower));
        f[12] = F(12, prev.Lower);
        f[13] = F(13, prev.Suffix3);
        f[14] = F(14, prev2.Lower);
        f[15] = F(15, next.Lower);
        f[16] = F(16, next.Suffix3);
        f[17] = F(17, next2.Lower);
        // a capital at the sentence start says little; inside a sentence it says "name"
        f[18] = F(18, (i == 0 ? 2UL : 0UL) | (w.Capital ? 1UL : 0UL));
        f[19] = F(19, FeatureHash.Mix(w.Lower, next.Lower));
    }
}
