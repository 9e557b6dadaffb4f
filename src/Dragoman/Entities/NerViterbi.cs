using System.Runtime.Intrinsics;

namespace Dragoman.Entities;

/// <summary>
/// One token's step of the tagger's Viterbi recursions, over all 17 labels at once with 8-wide vectors (labels 0-7,
/// 8-15) and label 16 alone. The scalar loops branched on every comparison of path scores, which the processor cannot
/// predict; here a comparison is a mask. The sums are the scalar ones, and ties go to the lowest previous label as
/// before, so the labels and scores are the same.
/// </summary>
internal static class NerViterbi
{
    private const int L = NerLabels.Count;

    // per previous label p: lanes of the labels allowed after p (all bits set) or not (zero)
    private static readonly Vector256<float>[] AllowedLo = Masks(0);
    private static readonly Vector256<float>[] AllowedHi = Masks(8);

    private static Vector256<float>[] Masks(int first) =>
        [.. Enumerable.Range(0, L).Select(p => Vector256.Create(Enumerable.Range(first, 8).Select(l => NerLabels.Allowed(p, l) ? -1 : 0).ToArray()).AsSingle())];

    private static bool Vectors => Vector256.IsHardwareAccelerated && L == 17;

    /// <summary>
    /// delta[l] = max over allowed p of (prev[p] + trans[p, l]), plus emit[l]; back[l] = the first p reaching that max
    /// (-1 when none does).
    /// </summary>
    public static void Forward(ReadOnlySpan<float> prev, ReadOnlySpan<float> trans, ReadOnlySpan<float> emit, Span<float> delta, Span<int> back)
    {
        if (!Vectors)
        {
            for (int l = 0; l < L; l++)
            {
                float best = float.NegativeInfinity;
                int arg = -1;
                foreach (int p in NerLabels.Before(l))
                {
                    float v = prev[p] + trans[p * L + l];
                    if (v > best) { best = v; arg = p; }
                }
                delta[l] = best + emit[l];
                back[l] = arg;
            }
            return;
        }
        var bestLo = Vector256.Create(float.NegativeInfinity);
        var bestHi = bestLo;
        float best16 = float.NegativeInfinity;
        var argLo = Vector256.Create(-1);
        var argHi = argLo;
        int arg16 = -1;
        for (int p = 0; p < L; p++)
        {
            var t = trans.Slice(p * L, L);
            var d = Vector256.Create(prev[p]);
            var vLo = d + Vector256.Create(t);
            var vHi = d + Vector256.Create(t[8..]);
            var mLo = Vector256.GreaterThan(vLo, bestLo) & AllowedLo[p];
            var mHi = Vector256.GreaterThan(vHi, bestHi) & AllowedHi[p];
            bestLo = Vector256.ConditionalSelect(mLo, vLo, bestLo);
            bestHi = Vector256.ConditionalSelect(mHi, vHi, bestHi);
            var pv = Vector256.Create(p);
            argLo = Vector256.ConditionalSelect(mLo.AsInt32(), pv, argLo);
            argHi = Vector256.ConditionalSelect(mHi.AsInt32(), pv, argHi);
            float v16 = prev[p] + t[16];
            if (v16 > best16 && NerLabels.Allowed(p, 16)) { best16 = v16; arg16 = p; }
        }
        (bestLo + Vector256.Create(emit)).CopyTo(delta);
        (bestHi + Vector256.Create(emit[8..])).CopyTo(delta[8..]);
        delta[16] = best16 + emit[16];
        argLo.CopyTo(back);
        argHi.CopyTo(back[8..]);
        back[16] = arg16;
    }

    /// <summary>bwd[p] = max over allowed l of (trans[p, l] + emit[l] + next[l]), the backward max-marginal recursion.</summary>
    public static void Backward(ReadOnlySpan<float> trans, ReadOnlySpan<float> emit, ReadOnlySpan<float> next, Span<float> bwd)
    {
        if (!Vectors)
        {
            for (int p = 0; p < L; p++)
            {
                float best = float.NegativeInfinity;
                foreach (int l in NerLabels.After(p))
                {
                    float v = trans[p * L + l] + emit[l] + next[l];
                    if (v > best) best = v;
                }
                bwd[p] = best;
            }
            return;
        }
        var ninf = Vector256.Create(float.NegativeInfinity);
        var eLo = Vector256.Create(emit);
        var eHi = Vector256.Create(emit[8..]);
        var nLo = Vector256.Create(next);
        var nHi = Vector256.Create(next[8..]);
        for (int p = 0; p < L; p++)
        {
            var t = trans.Slice(p * L, L);
            var vLo = Vector256.ConditionalSelect(AllowedLo[p], Vector256.Create(t) + eLo + nLo, ninf);
            var vHi = Vector256.ConditionalSelect(AllowedHi[p], Vector256.Create(t[8..]) + eHi + nHi, ninf);
            var m = Vector256.Max(vLo, vHi);
            var h = Vector128.Max(m.GetLower(), m.GetUpper());
            float best = MathF.Max(MathF.Max(h[0], h[1]), MathF.Max(h[2], h[3]));
            if (NerLabels.Allowed(p, 16)) best = MathF.Max(best, t[16] + emit[16] + next[16]);
            bwd[p] = best;
        }
    }
}
