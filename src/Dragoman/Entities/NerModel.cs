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

    internal NerModel(int bucketBits, Gazetteer gazetteer, WordClusters clusters, float[]? weights, IReadOnlyDictionary<string, string>? info)
    {
        if (bucketBits is < 10 or > 26) throw new ArgumentOutOfRangeException(nameof(bucketBits));
        BucketBits = bucketBits;
        Gazetteer = gazetteer;
        Clusters = clusters;
        Weights = weights ?? new float[(1 << bucketBits) * NerLabels.Count];
        if (Weights.Length != (1 << bucketBits) * NerLabels.Count) throw new ArgumentException("weights do not match the bucket count");
        Info = info ?? new Dictionary<string, string>();
    }

    public int BucketBits { get; }
    public Gazetteer Gazetteer { get; }
    public WordClusters Clusters { get; }
    /// <summary>Free-form facts saved with the model (corpora, settings, scores, command).</summary>
    public IReadOnlyDictionary<string, string> Info { get; }
    internal float[] Weights { get; }

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
        int nonZero = 0;
        foreach (var x in Weights) if ((Half)x != Half.Zero) nonZero++;
        w.Write(nonZero);
        int last = -1;
        for (int i = 0; i < Weights.Length; i++)
        {
            var h = (Half)Weights[i];
            if (h == Half.Zero) continue;
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
            var weights = new float[(1 << bits) * NerLabels.Count];
            int nonZero = r.ReadInt32();
            for (int k = 0, at = -1; k < nonZero; k++)
            {
                at += r.Read7BitEncodedInt();
                if ((uint)at >= (uint)weights.Length) return Result<NerModel>.Fail($"{path}: corrupt weights");
                weights[at] = (float)r.ReadHalf();
            }
            return new NerModel(bits, gazetteer, clusters, weights, info);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or EndOfStreamException)
        {
            return Result<NerModel>.Fail($"{path}: unreadable NER model ({ex.Message})");
        }
    }
}
