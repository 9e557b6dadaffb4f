namespace Dragoman.Text.Syntax;

/// <summary>One sentence of a part-of-speech corpus: words and their gold tags.</summary>
public sealed record PosSentence(string[] Words, string[] Tags);

public sealed record PosTrainingOptions(int Epochs = 6, int Bits = 18, int Seed = 13, int DictionaryMinCount = 20, double DictionaryMinShare = 0.97, float PruneBelow = 0.05f);

/// <summary>
/// Trains <see cref="PosModel"/>: the greedy averaged perceptron (Collins 2002 averaging, lazy updates), where the tag
/// history seen in training is the tagger's own guesses, as at run time.
/// </summary>
public static class PosTrainer
{
    public static PosModel Train(IReadOnlyList<PosSentence> corpus, PosTrainingOptions options, IReadOnlyDictionary<string, string> info, Action<string>? log = null)
    {
        var tagNames = corpus.SelectMany(s => s.Tags).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (tagNames.Length >= PosFeatures.Start) throw new ArgumentException($"too many tags ({tagNames.Length})");
        var tagIndex = tagNames.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => (byte)x.i, StringComparer.Ordinal);
        var wordTags = BuildDictionary(corpus, tagIndex, options);
        log?.Invoke($"{corpus.Count} sentences, {corpus.Sum(s => s.Words.Length)} tokens, {tagNames.Length} tags, {wordTags.Count} unambiguous frequent words");

        int tags = tagNames.Length;
        int buckets = 1 << options.Bits;
        int mask = buckets - 1;
        var weights = new int[buckets * tags];
        var totals = new long[buckets * tags];
        var stamps = new int[buckets * tags];
        int now = 0;
        var order = Enumerable.Range(0, corpus.Count).ToArray();
        var rng = new Random(options.Seed);
        Span<ulong> features = stackalloc ulong[PosFeatures.Count];
        var scores = new long[tags];

        void Update(int bucket, int tag, int delta)
        {
            int k = bucket * tags + tag;
            totals[k] += (long)(now - stamps[k]) * weights[k];
            stamps[k] = now;
            weights[k] += delta;
        }

        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            rng.Shuffle(order);
            int correct = 0, total = 0;
            foreach (var si in order)
            {
                var s = corpus[si];
                var hashes = PosFeatures.WordHashes(new ArrayWords(s.Words));
                var guesses = new byte[s.Words.Length];
                for (int i = 0; i < s.Words.Length; i++)
                {
                    byte gold = tagIndex[s.Tags[i]];
                    if (wordTags.TryGetValue(s.Words[i], out var fixedTag))
                    {
                        guesses[i] = fixedTag;
                        correct += fixedTag == gold ? 1 : 0;
                        total++;
                        continue;
                    }
                    now++;
                    int p1 = i > 0 ? guesses[i - 1] : PosFeatures.Start;
                    int p2 = i > 1 ? guesses[i - 2] : PosFeatures.Start;
                    PosFeatures.Extract(hashes, i, p1, p2, features);
                    Array.Clear(scores);
                    foreach (var f in features)
                    {
                        int b = (int)(f & (ulong)mask) * tags;
                        for (int t = 0; t < tags; t++) scores[t] += weights[b + t];
                    }
                    int guess = 0;
                    for (int t = 1; t < tags; t++) if (scores[t] > scores[guess]) guess = t;
                    if (guess != gold)
                        foreach (var f in features)
                        {
                            int b = (int)(f & (ulong)mask);
                            Update(b, gold, 1);
                            Update(b, guess, -1);
                        }
                    else correct++;
                    total++;
                    guesses[i] = (byte)guess;
                }
            }
            log?.Invoke($"epoch {epoch}: training accuracy {(double)correct / Math.Max(1, total):F4}");
        }

        // averaged weights, pruned and stored per bucket
        var offsets = new int[buckets + 1];
        var entryTag = new List<byte>();
        var entryWeight = new List<float>();
        for (int b = 0; b < buckets; b++)
        {
            for (int t = 0; t < tags; t++)
            {
                int k = b * tags + t;
                double avg = (totals[k] + (double)(now - stamps[k]) * weights[k]) / Math.Max(1, now);
                if (Math.Abs(avg) < options.PruneBelow) continue;
                entryTag.Add((byte)t);
                entryWeight.Add((float)avg);
            }
            offsets[b + 1] = entryTag.Count;
        }
        log?.Invoke($"{entryWeight.Count} weights kept of {buckets * tags}");
        return new PosModel(tagNames, options.Bits, offsets, [.. entryTag], [.. entryWeight], wordTags, info);
    }

    /// <summary>Frequent words that (almost) always carry one tag are tagged by lookup, as in Honnibal's tagger.</summary>
    private static Dictionary<string, byte> BuildDictionary(IReadOnlyList<PosSentence> corpus, Dictionary<string, byte> tagIndex, PosTrainingOptions options)
    {
        var counts = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var s in corpus)
            for (int i = 0; i < s.Words.Length; i++)
            {
                if (!counts.TryGetValue(s.Words[i], out var byTag)) counts[s.Words[i]] = byTag = new(StringComparer.Ordinal);
                byTag[s.Tags[i]] = byTag.GetValueOrDefault(s.Tags[i]) + 1;
            }
        var dict = new Dictionary<string, byte>(StringComparer.Ordinal);
        foreach (var (word, byTag) in counts)
        {
            int n = byTag.Values.Sum();
            var (tag, top) = byTag.MaxBy(x => x.Value);
            if (n >= options.DictionaryMinCount && top >= options.DictionaryMinShare * n) dict[word] = tagIndex[tag];
        }
        return dict;
    }

    /// <summary>Token accuracy of <paramref name="model"/> on <paramref name="corpus"/>, and the accuracy on words of the verb-or-noun classes.</summary>
    public static (int Tokens, double Accuracy, double VerbNounAccuracy) Score(PosModel model, IReadOnlyList<PosSentence> corpus)
    {
        int n = 0, ok = 0, vn = 0, vnOk = 0;
        foreach (var s in corpus)
        {
            var guess = model.Predict(s.Words);
            for (int i = 0; i < s.Words.Length; i++)
            {
                n++;
                bool right = guess[i] == s.Tags[i];
                if (right) ok++;
                if (s.Tags[i].StartsWith("VB", StringComparison.Ordinal) || s.Tags[i].StartsWith("NN", StringComparison.Ordinal))
                {
                    vn++;
                    // the coarse classes the syntax uses: verb vs noun vs name
                    if (CoarseClass(guess[i]) == CoarseClass(s.Tags[i])) vnOk++;
                }
            }
        }
        return (n, n == 0 ? 0 : (double)ok / n, vn == 0 ? 0 : (double)vnOk / vn);
    }

    private static int CoarseClass(string tag) => tag.StartsWith("VB", StringComparison.Ordinal) ? 1 : tag.StartsWith("NNP", StringComparison.Ordinal) ? 2 : tag.StartsWith("NN", StringComparison.Ordinal) ? 3 : 0;
}
