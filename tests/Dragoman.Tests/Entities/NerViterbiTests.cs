using Dragoman.Entities;

namespace Dragoman.Tests.Entities;

public class NerViterbiTests
{
    private const int L = NerLabels.Count;

    // The scalar recursions the vector ones replaced: every (previous, next) pair, allowed ones only, first maximum wins.
    private static (float[] Delta, int[] Back) ForwardReference(float[] prev, float[] trans, float[] emit)
    {
        var delta = new float[L];
        var back = new int[L];
        for (int l = 0; l < L; l++)
        {
            float best = float.NegativeInfinity;
            int arg = -1;
            for (int p = 0; p < L; p++)
            {
                if (!NerLabels.Allowed(p, l)) continue;
                float v = prev[p] + trans[p * L + l];
                if (v > best) { best = v; arg = p; }
            }
            delta[l] = best + emit[l];
            back[l] = arg;
        }
        return (delta, back);
    }

    private static float[] BackwardReference(float[] trans, float[] emit, float[] next)
    {
        var bwd = new float[L];
        for (int p = 0; p < L; p++)
        {
            float best = float.NegativeInfinity;
            for (int l = 0; l < L; l++)
            {
                if (!NerLabels.Allowed(p, l)) continue;
                float v = trans[p * L + l] + emit[l] + next[l];
                if (v > best) best = v;
            }
            bwd[p] = best;
        }
        return bwd;
    }

    [Theory]
    [InlineData(1, 0.0, 1000, "continuous scores: no ties")]
    [InlineData(2, 0.0, 2, "scores from three values: many ties, the lowest previous label must win")]
    [InlineData(3, 0.3, 1000, "a third of the previous scores impossible (-infinity), as after a forbidden label")]
    [InlineData(4, 1.0, 1000, "every previous score impossible: no predecessor (-1), -infinity throughout")]
    public void Vector_steps_equal_the_scalar_recursions(int seed, double impossible, int levels, string reason)
    {
        var rng = new Random(seed);
        float Draw() => (float)(rng.Next(levels) - levels / 2) / 7f;
        for (int trial = 0; trial < 200; trial++)
        {
            var prev = Enumerable.Range(0, L).Select(_ => rng.NextDouble() < impossible ? float.NegativeInfinity : Draw()).ToArray();
            var trans = Enumerable.Range(0, L * L).Select(_ => Draw()).ToArray();
            var emit = Enumerable.Range(0, L).Select(_ => Draw()).ToArray();
            var delta = new float[L];
            var back = new int[L];
            NerViterbi.Forward(prev, trans, emit, delta, back);
            var (d, b) = ForwardReference(prev, trans, emit);
            Assert.True(d.SequenceEqual(delta), $"{reason}: forward scores differ (trial {trial})");
            Assert.True(b.SequenceEqual(back), $"{reason}: back pointers differ (trial {trial})");
            var bwd = new float[L];
            NerViterbi.Backward(trans, emit, prev, bwd);
            Assert.True(BackwardReference(trans, emit, prev).SequenceEqual(bwd), $"{reason}: backward scores differ (trial {trial})");
        }
    }
}
