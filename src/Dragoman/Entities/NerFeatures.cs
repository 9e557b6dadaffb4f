using Dragoman.Text;
using Dragoman.Documents;

namespace Dragoman.Entities;

/// <summary>Receives the tagger's mistakes during training.</summary>
internal interface ITaggerUpdate
{
    void Update(ReadOnlySpan<int> buckets, int label, float delta);
}

/// <summary>
/// Feature extraction and greedy decoding for <see cref="NerModel"/>. One instance is scratch space for one thread.
/// Per token: word, normalised word, affixes 1-4, shape and short shape, case and digit flags, neighbours +-2,
/// neighbour bigrams, name-list matches (position and kind), word clusters, document features (the same word
/// capitalised or lowercase elsewhere in the document) and, at decode time, the previous two labels and the
/// labels already given to the same word earlier in the document (prediction history).
/// </summary>
internal sealed class NerFeatures
{
    public const int MaxStatic = 64;

    // Template ids: every feature hash starts from one, so templates never collide by design.
    private const ulong TBias = 1, TWord = 2, TNorm = 3, TNormM1 = 4, TNormP1 = 5, TNormM2 = 6, TNormP2 = 7,
        TPre = 8, TSuf = 12, TShape = 16, TShort = 17, TShortM1 = 18, TShortP1 = 19, TShort3 = 20, TFlags = 21,
        TBiM = 22, TBiP = 23, TGaz = 24, TGazCap = 25, TGazM1 = 26, TGazP1 = 27, TCluster = 28, TClusterM1 = 32,
        TClusterP1 = 33, TDocCase = 34, TPrev = 40, TPrevNorm = 42,
        THist = 44, THistFlags = 45, TFlagsNorm = 46, TLen = 47;

    [Flags]
    private enum F : ushort
    {
        InitCap = 1, AllCaps = 2, HasDigit = 4, Hyphen = 8, AllDigits = 16, SentInitial = 32, Period = 64,
        Punct = 128, InnerCap = 256, Headline = 512, HasLetter = 1024,
    }

    private ulong[] _exact = [], _norm = [], _short = [], _shape = [];
    private F[] _flags = [];
    private ulong[] _gaz = [];
    private int[] _static = [], _staticCount = [];
    private int[] _cluster = []; // per token: its word's row in the model's clusters (-1: none), looked up once
    private readonly Dictionary<ulong, (int Title, int Lower)> _case = [];
    private readonly Dictionary<ulong, int> _histIndex = [];
    private int[] _hist = new int[256];
    // Repeated sentences (a page that repeats a line 20,000 times): a sentence's static features depend on its words
    // alone (and on document-wide counts), so a repeat copies them from its first telling; with the same history
    // features its labels and confidences are the same too, so the decoder answers a repeat from _decoded.
    private readonly Dictionary<string, int> _sentenceIds = new(StringComparer.Ordinal);
    private readonly List<int> _sentenceFirst = [];   // per sentence id: the first token of its first telling
    private readonly List<int> _sentenceTellings = [];  // per sentence id: how many sentences of the document say it
    private int[] _sentenceOf = [];                    // per token that starts a sentence: its sentence id, else -1
    private readonly Dictionary<string, (int[] Labels, float[]? Confidence)> _decoded = new(StringComparer.Ordinal);
    private readonly System.Text.StringBuilder _key = new();

    /// <summary>Whether repeated sentences are answered from the memo (off only to check it against the full decoder).</summary>
    internal bool Memo { get; init; } = true;

    private void Ensure(int n)
    {
        if (_exact.Length >= n) return;
        int size = Math.Max(n, _exact.Length * 2);
        _exact = new ulong[size]; _norm = new ulong[size]; _short = new ulong[size]; _shape = new ulong[size];
        _flags = new F[size]; _gaz = new ulong[size]; _staticCount = new int[size]; _cluster = new int[size];
        _static = new int[size * MaxStatic]; _sentenceOf = new int[size];
    }

    private float[] _emit = new float[64 * NerLabels.Count];
    private float[] _trans = new float[64 * NerLabels.Count * NerLabels.Count];
    private float[] _delta = new float[64 * NerLabels.Count];
    private int[] _back = new int[64 * NerLabels.Count];
    private int[] _histFeat = new int[64 * 2];
    private int[] _histCount = new int[64];
    private readonly int[] _tf = new int[2];
    private readonly float[] _prevMatrix = new float[NerLabels.Count * NerLabels.Count];

    /// <summary>
    /// Tags sentence by sentence with first-order Viterbi over BILOU labels (only well-formed sequences).
    /// Emission features: the static ones and the prediction history of earlier sentences; transition features:
    /// previous label, previous label + word. With <paramref name="update"/>,
    /// mistakes update the weights (structured perceptron: gold path +1, predicted path -1).
    /// </summary>
    public void Decode(NerModel model, string text, Token[] tokens, Sentence[] sentences, int[] labels, float[]? conf, int[]? gold, ITaggerUpdate? update = null)
    {
        Prepare(model, text, tokens, sentences);
        const int L = NerLabels.Count;
        // the previous-label feature alone does not depend on the token: one L x L matrix per call
        Array.Clear(_prevMatrix);
        for (int p = 0; p < L; p++) model.AddWeights(PrevBucket(model, p), _prevMatrix.AsSpan(p * L, L));
        _histIndex.Clear();
        _fullHistory = false;
        _decoded.Clear();
        if (!model.TwoPass)
        {
            foreach (var s in sentences) DecodeSentence(model, s, labels, conf, gold, update, remember: true);
            return;
        }
        // Two passes: the first tags with the history of earlier sentences; the second sees what the first gave the
        // same word in every other sentence of the document, before and after.
        foreach (var s in sentences) DecodeSentence(model, s, labels, null, null, null, remember: true);
        _histIndex.Clear();
        _decoded.Clear(); // the first pass's answers had other history features and no confidences
        if (_lastPass.Length < tokens.Length) _lastPass = new int[Math.Max(tokens.Length, _lastPass.Length * 2)];
        Array.Copy(labels, _lastPass, tokens.Length);
        for (int i = 0; i < tokens.Length; i++) Remember(i, labels[i]);
        _fullHistory = true;
        foreach (var s in sentences) DecodeSentence(model, s, labels, conf, gold, update, remember: false);
    }

    private bool _fullHistory;
    private int[] _lastPass = [];
    private Sentence _current;

    private void DecodeSentence(NerModel model, Sentence s, int[] labels, float[]? conf, int[]? gold, ITaggerUpdate? update, bool remember)
    {
        const int L = NerLabels.Count;
        _current = s;
        {
            int n = s.TokenCount;
            if (_emit.Length < n * L)
            {
                _emit = new float[n * L * 2]; _delta = new float[n * L * 2]; _back = new int[n * L * 2];
                _trans = new float[n * L * L * 2]; _histFeat = new int[n * 4]; _histCount = new int[n * 2];
            }
            for (int k = 0; k < n; k++) _histCount[k] = History(model, s.FirstToken + k, _histFeat.AsSpan(k * 2, 2));
            // a repeated sentence with the same history features: the answer of its earlier telling
            string? memo = Memo && update is null && n > 0 && _sentenceOf[s.FirstToken] is var id and >= 0 && _sentenceTellings[id] > 1 ? DecodedKey(id, n) : null;
            if (memo is not null && _decoded.TryGetValue(memo, out var known))
            {
                known.Labels.CopyTo(labels, s.FirstToken);
                if (conf is not null) known.Confidence!.CopyTo(conf, s.FirstToken);
                if (remember) for (int i = s.FirstToken; i < s.EndToken; i++) Remember(i, labels[i]);
                return;
            }
            for (int k = 0; k < n; k++)
            {
                int i = s.FirstToken + k;
                var e = _emit.AsSpan(k * L, L);
                e.Clear();
                model.AddWeights(_static.AsSpan(i * MaxStatic, _staticCount[i]), e);
                model.AddWeights(_histFeat.AsSpan(k * 2, _histCount[k]), e);
                var t = _trans.AsSpan(k * L * L, L * L);
                _prevMatrix.CopyTo(t);
                ulong wordBase = FeatureHash.Mix(TPrevNorm, _norm[i]);
                for (int p = 0; p < L; p++)
                {
                    if (k == 0 && p != NerLabels.O) continue;
                    model.AddWeights(Bucket(model, FeatureHash.Mix(wordBase, (ulong)p)), t.Slice(p * L, L));
                }
            }
            // Viterbi
            for (int l = 0; l < L; l++)
            {
                bool start = NerLabels.Allowed(NerLabels.O, l);
                _delta[l] = (start ? _trans[l] : float.NegativeInfinity) + _emit[l];
                _back[l] = start ? NerLabels.O : -1;
            }
            for (int k = 1; k < n; k++)
                NerViterbi.Forward(_delta.AsSpan((k - 1) * L, L), _trans.AsSpan(k * L * L, L * L), _emit.AsSpan(k * L, L),
                    _delta.AsSpan(k * L, L), _back.AsSpan(k * L, L));
            int last = 0;
            float bestEnd = float.NegativeInfinity;
            for (int l = 0; l < L; l++)
                if (NerLabels.CanEnd(l) && _delta[(n - 1) * L + l] > bestEnd) { bestEnd = _delta[(n - 1) * L + l]; last = l; }
            for (int k = n - 1; k >= 0; k--)
            {
                labels[s.FirstToken + k] = last;
                last = _back[k * L + last];
            }

            if (gold is not null && update is not null)
            {
                for (int k = 0; k < n; k++)
                {
                    int i = s.FirstToken + k;
                    int g = gold[i], pr = labels[i];
                    int gp = k == 0 ? NerLabels.O : gold[i - 1], pp = k == 0 ? NerLabels.O : labels[i - 1];
                    if (g != pr)
                    {
                        update.Update(_static.AsSpan(i * MaxStatic, _staticCount[i]), g, 1);
                        update.Update(_static.AsSpan(i * MaxStatic, _staticCount[i]), pr, -1);
                        update.Update(_histFeat.AsSpan(k * 2, _histCount[k]), g, 1);
                        update.Update(_histFeat.AsSpan(k * 2, _histCount[k]), pr, -1);
                    }
                    if (g != pr || gp != pp)
                    {
                        TransitionFeatures(model, i, gp);
                        update.Update(_tf, g, 1);
                        TransitionFeatures(model, i, pp);
                        update.Update(_tf, pr, -1);
                    }
                }
            }
            if (conf is not null) MaxMarginals(n, s.FirstToken, labels, conf, model.Temperature);
            if (memo is not null) _decoded[memo] = (labels[s.FirstToken..s.EndToken], conf?[s.FirstToken..s.EndToken]);
            if (remember) for (int i = s.FirstToken; i < s.EndToken; i++) Remember(i, labels[i]);
        }
    }

    private float[] _bwd = new float[64 * NerLabels.Count];

    /// <summary>
    /// Confidence of each chosen label: a softmax, at the model's temperature, over max-marginals (the best path
    /// score through each label at that token, from forward Viterbi scores plus a backward pass).
    /// </summary>
    private void MaxMarginals(int n, int first, int[] labels, float[] conf, float temperature)
    {
        const int L = NerLabels.Count;
        if (_bwd.Length < n * L) _bwd = new float[n * L * 2];
        for (int l = 0; l < L; l++) _bwd[(n - 1) * L + l] = NerLabels.CanEnd(l) ? 0 : float.NegativeInfinity;
        for (int k = n - 2; k >= 0; k--)
            NerViterbi.Backward(_trans.AsSpan((k + 1) * L * L, L * L), _emit.AsSpan((k + 1) * L, L), _bwd.AsSpan((k + 1) * L, L), _bwd.AsSpan(k * L, L));
        for (int k = 0; k < n; k++)
        {
            int chosen = labels[first + k];
            float top = _delta[k * L + chosen] + _bwd[k * L + chosen];
            double z = 0;
            for (int l = 0; l < L; l++)
            {
                float mm = _delta[k * L + l] + _bwd[k * L + l];
                if (float.IsFinite(mm)) z += Math.Exp(Math.Max(-50, (mm - top) / temperature));
            }
            conf[first + k] = (float)(1 / z);
        }
    }

    private void Remember(int i, int label)
    {
        if ((_flags[i] & (F.InitCap | F.AllCaps)) == 0) return;
        if (!_histIndex.TryGetValue(_norm[i], out int slot))
        {
            slot = _histIndex.Count * 5;
            if (slot + 5 > _hist.Length) Array.Resize(ref _hist, _hist.Length * 2);
            _hist.AsSpan(slot, 5).Clear();
            _histIndex[_norm[i]] = slot;
        }
        _hist[slot + 1 + NerLabels.ClassOf(label)]++;
    }

    /// <summary>A sentence id and the history features of its n tokens (the decoder's only other input), as a memo key.</summary>
    private string DecodedKey(int sentenceId, int n)
    {
        _key.Clear();
        _key.Append((char)(sentenceId & 0xFFFF)).Append((char)(sentenceId >>> 16));
        for (int k = 0; k < n; k++)
        {
            _key.Append((char)_histCount[k]);
            for (int j = 0; j < _histCount[k]; j++) _key.Append((char)(_histFeat[k * 2 + j] & 0xFFFF)).Append((char)(_histFeat[k * 2 + j] >>> 16));
        }
        return _key.ToString();
    }

    /// <summary>A sentence's words, each prefixed by its length, as a key: equal keys mean the same words in the same order.</summary>
    private string SentenceKey(string text, Token[] tokens, Sentence s)
    {
        _key.Clear();
        for (int i = s.FirstToken; i < s.EndToken; i++)
        {
            int length = tokens[i].End - tokens[i].Start;
            _key.Append((char)(length & 0xFFFF)).Append((char)(length >>> 16)).Append(text, tokens[i].Start, length);
        }
        return _key.ToString();
    }

    private int Bucket(NerModel m, ulong h) => (int)(h & (ulong)((1 << m.BucketBits) - 1));

    private int PrevBucket(NerModel m, int prev) => Bucket(m, FeatureHash.Mix(TPrev, (ulong)prev));

    private void TransitionFeatures(NerModel m, int i, int prev)
    {
        _tf[0] = PrevBucket(m, prev);
        _tf[1] = Bucket(m, FeatureHash.Mix(FeatureHash.Mix(TPrevNorm, _norm[i]), (ulong)prev));
    }

    /// <summary>Labels given to the same capitalised word in earlier sentences of the document (majority class).</summary>
    private int History(NerModel m, int i, Span<int> o)
    {
        if ((_flags[i] & (F.InitCap | F.AllCaps)) == 0 || !_histIndex.TryGetValue(_norm[i], out int slot)) return 0;
        Span<int> counts = stackalloc int[5];
        _hist.AsSpan(slot, 5).CopyTo(counts);
        if (_fullHistory)
        {
            // leave out the current sentence: its own labels are what is being decided
            for (int j = _current.FirstToken; j < _current.EndToken; j++)
                if (_norm[j] == _norm[i] && (_flags[j] & (F.InitCap | F.AllCaps)) != 0) counts[1 + NerLabels.ClassOf(_lastPass[j])]--;
            int total = 0;
            foreach (var c in counts) total += c;
            if (total <= 0) return 0;
        }
        int best = 0;
        for (int c = 1; c < 5; c++) if (counts[c] > counts[best]) best = c;
        o[0] = Bucket(m, FeatureHash.Mix(THist, (ulong)best));
        o[1] = Bucket(m, FeatureHash.Mix(FeatureHash.Mix(THistFlags, (ulong)best), (ulong)(_flags[i] & (F.SentInitial | F.AllCaps | F.Headline))));
        return 2;
    }

    private void Prepare(NerModel m, string text, Token[] tokens, Sentence[] sentences)
    {
        Ensure(tokens.Length);
        _case.Clear();
        foreach (var s in sentences)
        {
            int letters = 0, upper = 0, capital = 0;
            for (int i = s.FirstToken; i < s.EndToken; i++)
            {
                var w = text.AsSpan(tokens[i].Start, tokens[i].End - tokens[i].Start);
                _exact[i] = FeatureHash.Exact(w);
                _norm[i] = FeatureHash.Norm(w);
                _cluster[i] = m.Clusters.IndexOf(_norm[i]);
                _short[i] = FeatureHash.Shape(w, collapse: true);
                _shape[i] = FeatureHash.Shape(w, collapse: false);
                var f = Flags(w);
                if (i == s.FirstToken) f |= F.SentInitial;
                _flags[i] = f;
                if ((f & F.HasLetter) != 0)
                {
                    letters++;
                    if ((f & F.AllCaps) != 0) upper++;
                    if ((f & (F.AllCaps | F.InitCap)) != 0) capital++;
                }
            }
            // a headline: (nearly) all caps, or title case throughout ("Assad Regime Releases Islamic State Prisoners")
            bool headline = letters >= 2 && upper * 10 >= letters * 8 || letters >= 4 && capital * 10 >= letters * 9;
            for (int i = s.FirstToken; i < s.EndToken; i++)
            {
                if (headline) _flags[i] |= F.Headline;
                var f = _flags[i];
                if ((f & (F.SentInitial | F.Headline)) != 0 || (f & F.HasLetter) == 0) continue;
                _case.TryGetValue(_norm[i], out var c);
                if ((f & F.InitCap) != 0) c.Title++;
                else if ((f & F.AllCaps) == 0) c.Lower++;
                _case[_norm[i]] = c;
            }
            if (m.Gazetteer.Phrases > 0) m.Gazetteer.Match(_norm.AsSpan(s.FirstToken, s.TokenCount), _gaz.AsSpan(s.FirstToken, s.TokenCount));
            else _gaz.AsSpan(s.FirstToken, s.TokenCount).Clear();
        }
        _sentenceIds.Clear();
        _sentenceFirst.Clear();
        _sentenceTellings.Clear();
        foreach (var s in sentences)
        {
            if (s.TokenCount == 0) continue;
            var key = SentenceKey(text, tokens, s);
            if (_sentenceIds.TryGetValue(key, out int id))
            {
                // the same words: the same static features (they read the sentence and document-wide counts only)
                int first = _sentenceFirst[id];
                _sentenceTellings[id]++;
                _sentenceOf[s.FirstToken] = id;
                Array.Copy(_static, first * MaxStatic, _static, s.FirstToken * MaxStatic, s.TokenCount * MaxStatic);
                Array.Copy(_staticCount, first, _staticCount, s.FirstToken, s.TokenCount);
                continue;
            }
            _sentenceIds[key] = _sentenceFirst.Count;
            _sentenceOf[s.FirstToken] = _sentenceFirst.Count;
            _sentenceFirst.Add(s.FirstToken);
            _sentenceTellings.Add(1);
            for (int i = s.FirstToken; i < s.EndToken; i++)
                _staticCount[i] = Static(m, text, tokens, s, i, _static.AsSpan(i * MaxStatic, MaxStatic));
        }
    }

    /// <summary>For tests and diagnostics: each token's flags, and how often its word is capitalised / lowercase elsewhere in the document.</summary>
    internal string[] Explain(NerModel m, string text, Token[] tokens, Sentence[] sentences)
    {
        Prepare(m, text, tokens, sentences);
        var result = new string[tokens.Length];
        for (int i = 0; i < tokens.Length; i++)
        {
            _case.TryGetValue(_norm[i], out var c);
            result[i] = $"{_flags[i]}|title={c.Title} lower={c.Lower}|static={_staticCount[i]}";
        }
        return result;
    }

    private static F Flags(ReadOnlySpan<char> w)
    {
        F f = 0;
        bool anyLower = false, anyUpper = false, allDigits = true;
        for (int k = 0; k < w.Length; k++)
        {
            char c = w[k];
            if (char.IsLetter(c))
            {
                f |= F.HasLetter;
                if (char.IsUpper(c)) { anyUpper = true; if (k > 0 && anyLower) f |= F.InnerCap; }
                else anyLower = true;
            }
            if (char.IsDigit(c)) f |= F.HasDigit; else allDigits = false;
            if (c == '-') f |= F.Hyphen;
            if (c == '.') f |= F.Period;
        }
        if (w.Length > 0 && char.IsUpper(w[0])) f |= F.InitCap;
        if (anyUpper && !anyLower) f |= F.AllCaps;
        if (allDigits && w.Length > 0) f |= F.AllDigits;
        if (w.Length == 1 && char.IsPunctuation(w[0])) f |= F.Punct;
        return f;
    }

    private int Static(NerModel m, string text, Token[] tokens, Sentence s, int i, Span<int> o)
    {
        int n = 0;
        var w = text.AsSpan(tokens[i].Start, tokens[i].End - tokens[i].Start);
        ulong norm = _norm[i];
        const ulong Bos = 0xB05, Eos = 0xE05;
        ulong nm1 = i - 1 >= s.FirstToken ? _norm[i - 1] : Bos;
        ulong nm2 = i - 2 >= s.FirstToken ? _norm[i - 2] : Bos;
        ulong np1 = i + 1 < s.EndToken ? _norm[i + 1] : Eos;
        ulong np2 = i + 2 < s.EndToken ? _norm[i + 2] : Eos;
        ulong sm1 = i - 1 >= s.FirstToken ? _short[i - 1] : Bos;
        ulong sp1 = i + 1 < s.EndToken ? _short[i + 1] : Eos;
        var f = _flags[i];

        o[n++] = Bucket(m, TBias);
        o[n++] = Bucket(m, FeatureHash.Mix(TWord, _exact[i]));
        o[n++] = Bucket(m, FeatureHash.Mix(TNorm, norm));
        o[n++] = Bucket(m, FeatureHash.Mix(TNormM1, nm1));
        o[n++] = Bucket(m, FeatureHash.Mix(TNormP1, np1));
        o[n++] = Bucket(m, FeatureHash.Mix(TNormM2, nm2));
        o[n++] = Bucket(m, FeatureHash.Mix(TNormP2, np2));
        o[n++] = Bucket(m, FeatureHash.Mix(FeatureHash.Mix(TBiM, nm1), norm));
        o[n++] = Bucket(m, FeatureHash.Mix(FeatureHash.Mix(TBiP, norm), np1));
        for (int k = 1; k <= 4; k++)
        {
            ulong p = FeatureHash.Affix(w, k, suffix: false);
            if (p != 0) o[n++] = Bucket(m, FeatureHash.Mix(TPre + (ulong)k - 1, p));
            ulong sx = FeatureHash.Affix(w, k, suffix: true);
            if (sx != 0) o[n++] = Bucket(m, FeatureHash.Mix(TSuf + (ulong)k - 1, sx));
        }
        o[n++] = Bucket(m, FeatureHash.Mix(TShape, _shape[i]));
        o[n++] = Bucket(m, FeatureHash.Mix(TShort, _short[i]));
        o[n++] = Bucket(m, FeatureHash.Mix(TShortM1, sm1));
        o[n++] = Bucket(m, FeatureHash.Mix(TShortP1, sp1));
        o[n++] = Bucket(m, FeatureHash.Mix(FeatureHash.Mix(FeatureHash.Mix(TShort3, sm1), _short[i]), sp1));
        o[n++] = Bucket(m, FeatureHash.Mix(TFlags, (ulong)f));
        o[n++] = Bucket(m, FeatureHash.Mix(FeatureHash.Mix(TFlagsNorm, (ulong)(f & (F.SentInitial | F.Headline))), norm));
        o[n++] = Bucket(m, FeatureHash.Mix(TLen, (ulong)Math.Min(w.Length, 12)));

        ulong g = _gaz[i];
        bool cap = (f & (F.InitCap | F.AllCaps)) != 0;
        for (int b = 0; b < 64 && g != 0; b++, g >>= 1)
        {
            if ((g & 1) == 0) continue;
            o[n++] = Bucket(m, FeatureHash.Mix(TGaz, (ulong)b));
            o[n++] = Bucket(m, FeatureHash.Mix(FeatureHash.Mix(TGazCap, (ulong)b), cap ? 1UL : 0UL));
            if (n > MaxStatic - 24) break;
        }
        if (i - 1 >= s.FirstToken && _gaz[i - 1] != 0) o[n++] = Bucket(m, FeatureHash.Mix(TGazM1, KindMask(_gaz[i - 1])));
        if (i + 1 < s.EndToken && _gaz[i + 1] != 0) o[n++] = Bucket(m, FeatureHash.Mix(TGazP1, KindMask(_gaz[i + 1])));

        if (m.Clusters.Levels > 0)
        {
            var c = m.Clusters.At(_cluster[i]);
            for (int l = 0; l < c.Length; l++) o[n++] = Bucket(m, FeatureHash.Mix(TCluster + (ulong)l, c[l]));
            if (c.Length == 0) o[n++] = Bucket(m, FeatureHash.Mix(TCluster, 0xFFFFF));
            if (i - 1 >= s.FirstToken)
            {
                var cm = m.Clusters.At(_cluster[i - 1]);
                if (cm.Length > 1) o[n++] = Bucket(m, FeatureHash.Mix(TClusterM1, cm[1]));
            }
            if (i + 1 < s.EndToken)
            {
                var cp = m.Clusters.At(_cluster[i + 1]);
                if (cp.Length > 1) o[n++] = Bucket(m, FeatureHash.Mix(TClusterP1, cp[1]));
            }
        }

        if ((f & (F.InitCap | F.AllCaps)) != 0 && _case.TryGetValue(norm, out var dc))
        {
            int title = dc.Title, lower = dc.Lower;
            if ((f & (F.SentInitial | F.Headline)) == 0 && (f & F.InitCap) != 0) title--;
            ulong v = (title > 0 ? 1UL : 0) | (lower > 0 ? 2UL : 0) | ((f & F.SentInitial) != 0 ? 4UL : 0) | ((f & F.Headline) != 0 ? 8UL : 0);
            o[n++] = Bucket(m, FeatureHash.Mix(TDocCase, v));
        }
        return n;
    }

    private static ulong KindMask(ulong gaz)
    {
        ulong k = 0;
        for (int kind = 0; kind < Gazetteer.MaxKinds; kind++)
            if (((gaz >> (4 * kind)) & 0xF) != 0) k |= 1UL << kind;
        return k;
    }
}
