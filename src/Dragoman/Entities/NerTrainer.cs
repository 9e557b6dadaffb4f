namespace Dragoman.Entities;

public sealed record NerTrainOptions
{
    public int Epochs { get; init; } = 12;
    /// <summary>log2 of the number of feature buckets.</summary>
    public int BucketBits { get; init; } = 20;
    public int Seed { get; init; } = 13;
}

/// <summary>
/// Trains <see cref="NerModel"/> as an averaged perceptron (Collins 2002), decoding greedily with the model's own
/// previous labels and prediction history, so training sees the same inputs as tagging. Documents are shuffled per
/// epoch with a fixed seed: the same corpora and options give the same model.
/// </summary>
public static class NerTrainer
{
    public static NerModel Train(IReadOnlyList<NerDocument> docs, NerTrainOptions options, Gazetteer gazetteer, WordClusters clusters,
        IReadOnlyDictionary<string, string>? info = null, Action<int, int, double>? progress = null)
    {
        var model = new NerModel(options.BucketBits, gazetteer, clusters, null, info);
        var updater = new Averager(model.Weights!);
        var features = new NerFeatures();
        var order = Enumerable.Range(0, docs.Count).ToArray();
        var rng = new Random(options.Seed);
        int maxTokens = docs.Count == 0 ? 0 : docs.Max(d => d.Tokens.Length);
        var labels = new int[maxTokens];
        for (int epoch = 0; epoch < options.Epochs; epoch++)
        {
            rng.Shuffle(order);
            long tokens = 0, errors = 0;
            foreach (int d in order)
            {
                var doc = docs[d];
                if (doc.Gold is null) continue;
                features.Decode(model, doc.Text, doc.Tokens, doc.Sentences, labels, null, doc.Gold, updater);
                updater.Tick(doc.Tokens.Length);
                tokens += doc.Tokens.Length;
                for (int i = 0; i < doc.Tokens.Length; i++) if (labels[i] != doc.Gold[i]) errors++;
            }
            progress?.Invoke(epoch + 1, options.Epochs, tokens == 0 ? 0 : (double)errors / tokens);
        }
        updater.Finish();
        return model;
    }

    /// <summary>Averaged perceptron with the lazy trick: w_avg = w - u / c, where u accumulates c * update.</summary>
    private sealed class Averager(float[] weights) : ITaggerUpdate
    {
        private readonly float[] _u = new float[weights.Length];
        private float _c = 1;

        public void Update(ReadOnlySpan<int> buckets, int label, float delta)
        {
            const int L = NerLabels.Count;
            foreach (var b in buckets)
            {
                weights[b * L + label] += delta;
                _u[b * L + label] += _c * delta;
            }
        }

        // Averaging per document keeps float precision of c * update adequate and costs nothing per token.
        public void Tick(int n) => _c += 1;

        public void Finish()
        {
            for (int i = 0; i < weights.Length; i++) weights[i] -= _u[i] / _c;
        }
    }
}
