using System.Numerics;
using System.Runtime.Intrinsics;

namespace Dragoman.Entities;

/// <summary>
/// A trained model's weights for tagging: only the buckets with a non-zero weight keep their row of
/// <see cref="NerLabels.Count"/> floats, in bucket order; a bitmap with a running count per 64 buckets finds a row.
/// The shipped model fills a fifth of its 2^19 buckets, so 35.6 MB of rows become 7.4 MB plus a 128 KB index that stays
/// in cache, and a bucket without weights (most of the 17 previous-label x word lookups per token) costs no row read.
/// The rows hold the same floats as the dense table, so the scores they add are the same.
/// </summary>
internal sealed class NerWeights
{
    private const int L = NerLabels.Count;
    // per 64 buckets: [2w] the bitmap word, [2w + 1] the number of rows before it (one cache line holds both)
    private readonly ulong[] _index;
    private readonly float[] _rows;

    private NerWeights(ulong[] index, float[] rows) { _index = index; _rows = rows; }

    public int Rows => _rows.Length / L;

    /// <summary>Packs a dense table (bucket x label) whose all-zero rows are left out.</summary>
    public static NerWeights Pack(ReadOnlySpan<float> dense, int bucketBits)
    {
        int buckets = 1 << bucketBits;
        if (dense.Length != buckets * L) throw new ArgumentException("weights do not match the bucket count");
        var index = new ulong[Math.Max(1, buckets / 64) * 2];
        var rows = new List<float>();
        int count = 0;
        for (int b = 0; b < buckets; b++)
        {
            if (b % 64 == 0) index[b / 64 * 2 + 1] = (ulong)count;
            var row = dense.Slice(b * L, L);
            if (row.IndexOfAnyExcept(0f) < 0) continue;
            index[b / 64 * 2] |= 1UL << (b % 64);
            foreach (var w in row) rows.Add(w);
            count++;
        }
        return new NerWeights(index, [.. rows]);
    }

    /// <summary>Packs non-zero cells given as (dense index, weight) in increasing index order, as a model file stores them.</summary>
    public static NerWeights FromCells(int bucketBits, ReadOnlySpan<int> at, ReadOnlySpan<float> weight)
    {
        int buckets = 1 << bucketBits;
        var index = new ulong[Math.Max(1, buckets / 64) * 2];
        int rowCount = 0;
        for (int k = 0, last = -1; k < at.Length; k++)
        {
            int b = at[k] / L;
            if (b == last) continue;
            index[b / 64 * 2] |= 1UL << (b % 64);
            last = b;
            rowCount++;
        }
        for (int word = 0, count = 0; word < index.Length / 2; word++)
        {
            index[word * 2 + 1] = (ulong)count;
            count += BitOperations.PopCount(index[word * 2]);
        }
        var rows = new float[rowCount * L];
        for (int k = 0, row = -1, last = -1; k < at.Length; k++)
        {
            int b = at[k] / L;
            if (b != last) { row++; last = b; }
            rows[row * L + at[k] % L] = weight[k];
        }
        return new NerWeights(index, rows);
    }

    /// <summary>Adds bucket <paramref name="bucket"/>'s row to <paramref name="scores"/> (nothing when it has no weights).</summary>
    public void AddTo(int bucket, Span<float> scores)
    {
        ulong bits = _index[(bucket >> 6) << 1];
        ulong bit = 1UL << (bucket & 63);
        if ((bits & bit) == 0) return;
        int row = (int)_index[((bucket >> 6) << 1) + 1] + BitOperations.PopCount(bits & (bit - 1));
        Add(_rows.AsSpan(row * L, L), scores);
    }

    /// <summary>
    /// Adds the rows of all <paramref name="buckets"/> to <paramref name="scores"/>, in their order (so each label's
    /// sum is the one that adding them one by one gives), keeping the sums in registers until the last row.
    /// </summary>
    public void AddTo(ReadOnlySpan<int> buckets, Span<float> scores)
    {
        if (!Vector256.IsHardwareAccelerated || L != 2 * 8 + 1 || scores.Length < L)
        {
            foreach (var b in buckets) AddTo(b, scores);
            return;
        }
        var lo = Vector256.Create<float>(scores);
        var hi = Vector256.Create<float>(scores[8..]);
        float last = scores[16];
        var index = _index;
        var rows = _rows;
        foreach (var b in buckets)
        {
            ulong bits = index[(b >> 6) << 1];
            ulong bit = 1UL << (b & 63);
            if ((bits & bit) == 0) continue;
            int at = ((int)index[((b >> 6) << 1) + 1] + BitOperations.PopCount(bits & (bit - 1))) * L;
            var row = rows.AsSpan(at, L);
            lo += Vector256.Create<float>(row);
            hi += Vector256.Create<float>(row[8..]);
            last += row[16];
        }
        lo.CopyTo(scores);
        hi.CopyTo(scores[8..]);
        scores[16] = last;
    }

    internal static void Add(ReadOnlySpan<float> w, Span<float> scores)
    {
        int l = 0;
        for (; l <= w.Length - Vector<float>.Count; l += Vector<float>.Count)
            (new Vector<float>(scores[l..]) + new Vector<float>(w[l..])).CopyTo(scores[l..]);
        for (; l < w.Length; l++) scores[l] += w[l];
    }

    /// <summary>The non-zero cells as (dense index, weight), in index order (for saving).</summary>
    public IEnumerable<(int Index, float Weight)> Cells()
    {
        for (int word = 0; word < _index.Length / 2; word++)
        {
            ulong bits = _index[word * 2];
            int row = (int)_index[word * 2 + 1];
            for (; bits != 0; bits &= bits - 1, row++)
            {
                int bucket = word * 64 + BitOperations.TrailingZeroCount(bits);
                for (int l = 0; l < L; l++)
                    if (_rows[row * L + l] != 0) yield return (bucket * L + l, _rows[row * L + l]);
            }
        }
    }
}
