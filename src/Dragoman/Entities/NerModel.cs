using System.IO.Compression;
using System.Text;
using Dragoman.Documents;

namespace Dragoman.Entities;

/// <summary>
/// A greedy left-to-right BILOU tagger: an averaged perceptron over hashed sparse features
/// (see <see cref="NerFeatures"/>), with name lists and word clusters baked into the model file.
/// Immutable after construction; <see cref="Tag"/> is thread-safe (scratch space is per thread).
/// </summary>
public sealed class NerModel
{
    public const string Magic = "DRAGOMAN-NER";
    public const int FormatVersion = 3;

    /// <summary>A model with a dense weight table (bucket x label), as training needs it; all zeros without <paramref name="weights"/>.</summary>
    internal NerModel(int bucketBits, Gazetteer gazetteer, WordClusters clusters, float[]? weights, IReadOnlyDictionary<string, string>? info)
        : this(bucketBits, gazetteer, clusters, info)
    {
        Weights = weights ?? new float[(1 << bucketBits) * NerLabels.Count];
        if (Weights.Length != (1 << bucketBits) * NerLabels.Count) throw new ArgumentException("weights do not match the bucket count");
    }

    /// <summary>A trained model for tagging: its weights packed (see <see cref="NerWeights"/>).</summary>
    private NerModel(int bucketBits, Gazetteer gazetteer, WordClusters clusters, IReadOnlyDictionary<string, string>? info, NerWeights packed)
        : this(bucketBits, gazetteer, clusters, info) => Packed = packed;

    private NerModel(int bucketBits, Gazetteer gazetteer, WordClusters clusters, IReadOnlyDictionary<string, string>? info)
    {
        if (bucketBits is < 10 or > 26) throw new ArgumentOutOfRangeException(nameof(bucketBits));
        BucketBits = bucketBits;
        Gazetteer = gazetteer;
        Clusters = clusters;
        Info = info ?? new Dictionary<string, string>();
    }

    public int BucketBits { get; }
    public Gazetteer Gazetteer { get; }
    public WordClusters Clusters { get; }
    /// <summary>Free-form facts saved with the model (corpora, settings, scores, command).</summary>
    public IReadOnlyDictionary<string, string> Info { get; }
    /// <summary>The dense table (bucket x label) of a model being trained; null once packed.</summary>
    internal float[]? Weights { get; }
    /// <summary>The packed weights of a loaded model; null while training.</summary>
    internal NerWeights? Packed { get; }

    /// <summary>Adds feature bucket <paramref name="bucket"/>'s weight for every label to <paramref name="scores"/>.</summary>
    internal void AddWeights(int bucket, Span<float> scores)
    {
        if (Packed is { } p) p.AddTo(bucket, scores);
        else NerWeights.Add(Weights.AsSpan(bucket * NerLabels.Count, NerLabels.Count), scores);
    }

    /// <summary>Adds the weights of every bucket in <paramref name="buckets"/>, in order, to <paramref name="scores"/>.</summary>
    internal void AddWeights(ReadOnlySpan<int> buckets, Span<float> scores)
    {
        if (Packed is { } p) p.AddTo(buckets, scores);
        else foreach (var b in buckets) AddWeights(b, scores);
    }

    /// <summary>The same model with its weights packed (tagging only); a packed model is returned as it is.</summary>
    internal NerModel Pack() => Packed is not null ? this : new(BucketBits, Gazetteer, Clusters, Info, NerWeights.Pack(Weights!, BucketBits));

    /// <summary>Whether tagging runs a second pass that sees the first pass's labels for the same word across the document.</summary>
    public bool TwoPass => Info.TryGetValue("two-pass", out var v) && v == "yes";

    /// <summary>Softmax temperature for confidences (saved in <see cref="Info"/> as "temperature", calibrated on a dev set).</summary>
    public float Temperature => Info.TryGetValue("temperature", out var t) && float.TryParse(t, System.Globalization.CultureInfo.InvariantCulture, out var v) && v > 0 ? v : 1f;

    [ThreadStatic] private static NerFeatures? _scratch;

    /// <summary>Tags one document's sentences; returns a BILOU label and a confidence (0..1) per token.</summary>
    public (int[] Labels, float[] Confidence) Tag(string text, Token[] tokens, Sentence[] sentences)
    {
        var labels = new int[tokens.Length];
        var conf = new float[tokens.Length];
        var f = _scratch ??= new NerFeatures();
        f.Decode(this, text, tokens, sentences, labels, conf, null);
        return (labels, conf);
    }

    public void Save(string path)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null) Directory.CreateDirectory(dir);
        using var file = File.Create(path);
        file.Write(Encoding.ASCII.GetBytes(Magic));
        using var z = new ZLibStream(file, CompressionLevel.SmallestSize);
        using var w = new BinaryWriter(z, Encoding.UTF8);
        w.Write(FormatVersion);
        w.Write(Info.Count);
        foreach (var (k, v) in Info.OrderBy(p => p.Key, StringComparer.Ordinal)) { w.Write(k); w.Write(v); }
        Gazetteer.Write(w);
        Clusters.Write(w);
        w.Write(BucketBits);
        // Sparse: most cells are never updated. (gap since the previous non-zero cell, half-float value) pairs.
        var cells = new List<(int Index, Half Weight)>();
        if (Packed is not null) foreach (var (i, x) in Packed.Cells()) { if ((Half)x != Half.Zero) cells.Add((i, (Half)x)); }
        else for (int i = 0; i < Weights!.Length; i++) if ((Half)Weights[i] != Half.Zero) cells.Add((i, (Half)Weights[i]));
        w.Write(cells.Count);
        int last = -1;
        foreach (var (i, h) in cells)
        {
            w.Write7BitEncodedInt(i - last);
            w.Write(h);
            last = i;
        }
    }

    public static Result<NerModel> Load(string path)
    {
        if (!File.Exists(path)) return Result<NerModel>.Fail($"{path}: no NER model there");
        try
        {
            using var file = File.OpenRead(path);
            var magic = new byte[Magic.Length];
            file.ReadExactly(magic);
            if (Encoding.ASCII.GetString(magic) != Magic) return Result<NerModel>.Fail($"{path}: not a Dragoman NER model");
            using var z = new ZLibStream(file, CompressionMode.Decompress);
            var payload = new MemoryStream();
            z.CopyTo(payload);
            payload.Position = 0;
            using var r = new BinaryReader(payload, Encoding.UTF8);
            int version = r.ReadInt32();
            if (version != FormatVersion) return Result<NerModel>.Fail($"{path}: model format {version}, this build reads {FormatVersion}");
            var info = new Dictionary<string, string>();
            for (int n = r.ReadInt32(), i = 0; i < n; i++) info[r.ReadString()] = r.ReadString();
            var gazetteer = Gazetteer.Read(r);
            var clusters = WordClusters.Read(r);
            int bits = r.ReadInt32();
            if (bits is < 10 or > 26) return Result<NerModel>.Fail($"{path}: bad bucket count 2^{bits}");
            int cellCount = (1 << bits) * NerLabels.Count;
            int nonZero = r.ReadInt32();
            if ((uint)nonZero > (uint)cellCount) return Result<NerModel>.Fail($"{path}: corrupt weights");
            var cells = new int[nonZero];
            var weights = new float[nonZero];
            for (int k = 0, at = -1; k < nonZero; k++)
            {
                int gap = r.Read7BitEncodedInt();
                at += gap;
                if (gap <= 0 || (uint)at >= (uint)cellCount) return Result<NerModel>.Fail($"{path}: corrupt weights");
                cells[k] = at;
                weights[k] = (float)r.ReadHalf();
            }
            return new NerModel(bits, gazetteer, clusters, info, NerWeights.FromCells(bits, cells, weights));
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or EndOfStreamException)
        {
            return Result<NerModel>.Fail($"{path}: unreadable NER model ({ex.Message})");
        }
    }
}
