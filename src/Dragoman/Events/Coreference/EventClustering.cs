namespace Dragoman.Events.Coreference;

/// <summary>
/// Groups an article's events into happenings from pairwise probabilities: average-link agglomeration, always joining
/// the two clusters with the highest mean pair probability, until none reaches the threshold. A pair that cannot be
/// one happening (<see cref="CoreferenceFeatures.Candidates"/>) counts as 0, and a cluster never joins one holding
/// such a pair, so one vague mention cannot bridge two incidents of different types. Deterministic: ties go to the
/// earlier pair. Bounded: mentions are clustered in consecutive blocks of at most <see cref="MaxBlock"/>, so the
/// cost grows linearly with the article's events (one block is cubic in its size).
/// </summary>
public static class EventClustering
{
    /// <summary>
    /// Most mentions clustered together. Far above a news report's events (issue 18's pathological inputs, one event per
    /// line for 20,000 lines, made the pair matrix 3.2 GB); an article with more is clustered block by block and
    /// tellings in different blocks stay apart.
    /// </summary>
    public const int MaxBlock = 64;

    /// <summary>Cluster number of every mention (0, 1, ... in order of each cluster's first mention).</summary>
    public static int[] Cluster(IReadOnlyList<EventMention> mentions, Func<EventMention, EventMention, double> probability, double threshold, CancellationToken cancel = default)
    {
        if (mentions.Count <= MaxBlock) return ClusterBlock(mentions, probability, threshold);
        var id = new int[mentions.Count];
        int offset = 0;
        for (int start = 0; start < mentions.Count; start += MaxBlock)
        {
            cancel.ThrowIfCancellationRequested(); // the article's time budget, between blocks
            var block = ClusterBlock([.. mentions.Skip(start).Take(MaxBlock)], probability, threshold);
            for (int k = 0; k < block.Length; k++) id[start + k] = offset + block[k];
            offset += block.Max() + 1;
        }
        return id;
    }

    private static int[] ClusterBlock(IReadOnlyList<EventMention> mentions, Func<EventMention, EventMention, double> probability, double threshold)
    {
        int n = mentions.Count;
        var p = new double[n, n];
        var allowed = new bool[n, n];
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++)
            {
                allowed[i, j] = allowed[j, i] = CoreferenceFeatures.Candidates(mentions[i], mentions[j]);
                p[i, j] = p[j, i] = allowed[i, j] ? probability(mentions[i], mentions[j]) : 0;
            }
        var clusters = Enumerable.Range(0, n).Select(i => new List<int> { i }).ToList();
        while (true)
        {
            int bestA = -1, bestB = -1;
            double best = threshold;
            for (int a = 0; a < clusters.Count; a++)
                for (int b = a + 1; b < clusters.Count; b++)
                {
                    double sum = 0;
                    bool ok = true;
                    foreach (var i in clusters[a])
                        foreach (var j in clusters[b])
                        {
                            if (!allowed[i, j]) ok = false;
                            sum += p[i, j];
                        }
                    if (!ok) continue;
                    double mean = sum / (clusters[a].Count * clusters[b].Count);
                    if (mean >= best && (bestA < 0 || mean > best)) { best = mean; bestA = a; bestB = b; }
                }
            if (bestA < 0) break;
            clusters[bestA].AddRange(clusters[bestB]);
            clusters.RemoveAt(bestB);
        }
        var id = new int[n];
        int next = 0;
        foreach (var c in clusters.OrderBy(c => c.Min())) { foreach (var i in c) id[i] = next; next++; }
        return id;
    }
}
