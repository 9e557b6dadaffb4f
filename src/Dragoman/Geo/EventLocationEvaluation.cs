using System.IO.Compression;
using System.Text.Json;
using Dragoman.Documents;
using Dragoman.Pipeline;
using Dragoman.Text.Syntax;

namespace Dragoman.Geo;

/// <summary>One annotated event of the event-location corpus: a sentence, its VERB span and its LOCATION spans (maybe none).</summary>
public sealed record EventLocationItem(string Id, string Source, string Text, TextSpan Verb, IReadOnlyList<TextSpan> Locations);

/// <summary>An item run through the pipeline: the trigger's sentence view, its place candidates and which are gold.</summary>
public sealed record PreparedEventLocation(EventLocationItem Item, SentenceView View, int Trigger, TextSpan TriggerSpan, List<EventPlaceCandidate> Candidates, bool[] Gold)
{
    public bool HasGold => Item.Locations.Count > 0;
    public bool IsCorrect(int candidate) => candidate < 0 ? !HasGold : Gold[candidate];
}

/// <summary>Scores of one chooser: accuracy over all items, precision/recall/F1 of the places given.</summary>
public readonly record struct EventLocationScore(int N, int Correct, int Predicted, int PredictedCorrect, int GoldPlaces)
{
    public double Accuracy => N == 0 ? 0 : (double)Correct / N;
    public double Precision => Predicted == 0 ? 0 : (double)PredictedCorrect / Predicted;
    public double Recall => GoldPlaces == 0 ? 0 : (double)PredictedCorrect / GoldPlaces;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>
/// Reads the event-location corpus (JSON Lines, plain or gzipped: text, spans with label VERB/LOCATION and character
/// offsets; Halterman et al., "Geolocating Political Events in Text"), runs the pipeline's place stages on its
/// sentences, and scores an <see cref="EventLocator"/> against the nearest-place baselines with the same candidates.
/// </summary>
public static class EventLocationEvaluation
{
    public static Result<List<EventLocationItem>> Read(string path)
    {
        if (!File.Exists(path)) return Result<List<EventLocationItem>>.Fail($"file not found: {path}");
        var items = new List<EventLocationItem>();
        try
        {
            using var stream = File.OpenRead(path);
            using Stream input = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(stream, CompressionMode.Decompress) : stream;
            using var reader = new StreamReader(input);
            int line = 0;
            while (reader.ReadLine() is { } raw)
            {
                line++;
                if (string.IsNullOrWhiteSpace(raw)) continue;
                JsonDocument doc;
                try { doc = JsonDocument.Parse(raw); }
                catch (JsonException e) { return Result<List<EventLocationItem>>.Fail($"{path}:{line}: not JSON: {e.Message}"); }
                using (doc)
                {
                    var root = doc.RootElement;
                    if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("text", out var t) || t.ValueKind != JsonValueKind.String)
                        return Result<List<EventLocationItem>>.Fail($"{path}:{line}: expected an object with \"text\"");
                    var text = t.GetString()!;
                    if (root.TryGetProperty("answer", out var ans) && ans.ValueKind == JsonValueKind.String && ans.GetString() is "reject" or "ignore") continue;
                    if (!root.TryGetProperty("spans", out var spans) || spans.ValueKind != JsonValueKind.Array) continue;
                    TextSpan? verb = null;
                    var locs = new List<TextSpan>();
                    foreach (var s in spans.EnumerateArray())
                    {
                        var label = s.TryGetProperty("label", out var l) ? l.GetString() : null;
                        var spanText = s.TryGetProperty("text", out var stx) && stx.ValueKind == JsonValueKind.String ? stx.GetString() : null;
                        int a = s.TryGetProperty("start", out var st) && st.TryGetInt32(out var a0) ? a0 : -1;
                        int b = s.TryGetProperty("end", out var en) && en.TryGetInt32(out var b0) ? b0 : -1;
                        if (a < 0 || b > text.Length || b <= a || (spanText is not null && !text.AsSpan(a, b - a).SequenceEqual(spanText)))
                        {
                            // a few records carry broken offsets: recover the span from its text when it occurs in the sentence
                            int at = spanText is { Length: > 0 } ? text.IndexOf(spanText, StringComparison.Ordinal) : -1;
                            if (at < 0) continue;
                            (a, b) = (at, at + spanText!.Length);
                        }
                        if (label == "VERB") verb ??= new TextSpan(a, b);
                        else if (label == "LOCATION") locs.Add(new TextSpan(a, b));
                    }
                    if (verb is null) continue;
                    string id = root.TryGetProperty("_id", out var idp) ? idp.ToString() : $"line{line}";
                    string source = root.TryGetProperty("source", out var sp) && sp.ValueKind == JsonValueKind.String ? sp.GetString()! : "";
                    items.Add(new EventLocationItem(id, source, text, verb.Value, locs));
                }
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            return Result<List<EventLocationItem>>.Fail($"{path}: {e.Message}");
        }
        return items;
    }

    /// <summary>
    /// Runs <paramref name="pipeline"/> (tokens, sentences, mentions, places) on each distinct sentence once and
    /// builds the trigger's view and candidates. <paramref name="view"/> tags a sentence as the events stage does.
    /// </summary>
    public static List<PreparedEventLocation> Prepare(IEnumerable<EventLocationItem> items, DocumentPipeline pipeline, Func<Document, Sentence, SentenceView> view)
    {
        var docs = new Dictionary<string, Document>(StringComparer.Ordinal);
        var result = new List<PreparedEventLocation>();
        foreach (var it in items)
        {
            if (!docs.TryGetValue(it.Text, out var d))
            {
                d = pipeline.Process(new Document(new Article { Uri = "eventloc:" + it.Id, Text = it.Text }, null));
                docs[it.Text] = d;
            }
            int si = -1;
            for (int i = 0; i < d.Sentences.Length; i++) if (d.Sentences[i].Span.Contains(it.Verb.Start)) { si = i; break; }
            if (si < 0) continue;
            var s = d.Sentences[si];
            var v = view(d, s);
            int trigger = EventLocator.TokenAt(v, it.Verb.Start);
            var cands = EventLocator.Candidates(d, s);
            var gold = new bool[cands.Count];
            for (int c = 0; c < cands.Count; c++)
                foreach (var l in it.Locations) if (l.Overlaps(cands[c].Span)) { gold[c] = true; break; }
            result.Add(new PreparedEventLocation(it, v, trigger, it.Verb, cands, gold));
        }
        return result;
    }

    /// <summary>Scores a chooser (the candidate index or -1 for none) over the prepared items.</summary>
    public static EventLocationScore Score(IReadOnlyList<PreparedEventLocation> items, Func<PreparedEventLocation, int> choose)
    {
        int correct = 0, predicted = 0, predictedCorrect = 0, gold = 0;
        foreach (var p in items)
        {
            int c = choose(p);
            bool ok = p.IsCorrect(c);
            if (ok) correct++;
            if (p.HasGold) gold++;
            if (c >= 0) { predicted++; if (ok) predictedCorrect++; }
        }
        return new EventLocationScore(items.Count, correct, predicted, predictedCorrect, gold);
    }

    /// <summary>The best any chooser over these candidates can do: right when a gold candidate exists or none is gold.</summary>
    public static int Oracle(PreparedEventLocation p)
    {
        if (!p.HasGold) return -1;
        for (int i = 0; i < p.Gold.Length; i++) if (p.Gold[i]) return i;
        return -1;
    }

    /// <summary>The plain nearest candidate in characters (any candidate), the simplest baseline.</summary>
    public static int NearestAny(PreparedEventLocation p)
    {
        int best = -1;
        for (int i = 0; i < p.Candidates.Count; i++)
            if (best < 0 || Math.Abs(p.Candidates[i].Span.Start - p.TriggerSpan.Start) < Math.Abs(p.Candidates[best].Span.Start - p.TriggerSpan.Start)) best = i;
        return best;
    }

    /// <summary>A stable split key: an FNV-1a hash of the sentence text (the same sentence never lands on both sides).</summary>
    public static uint TextHash(string text)
    {
        uint h = 2166136261;
        foreach (char ch in text) { h ^= ch; h *= 16777619; }
        return h;
    }
}

/// <summary>
/// Trains an <see cref="EventLocator"/>: logistic regression over the candidates' features (label: the candidate
/// overlaps a gold LOCATION span), stochastic gradient descent with a fixed-seed shuffle, averaged weights.
/// Deterministic for the same data and options.
/// </summary>
public static class EventLocatorTrainer
{
    public static EventLocator Train(IReadOnlyList<PreparedEventLocation> items, int epochs = 12, double rate = 0.1, double threshold = 0.5, int seed = 17, int minCount = 2)
    {
        // feature extraction once; features seen fewer than minCount times are dropped (they only memorise)
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var examples = new List<(string[] Features, double Label)>();
        var buffer = new List<string>(48);
        foreach (var p in items)
            for (int i = 0; i < p.Candidates.Count; i++)
            {
                buffer.Clear();
                EventLocator.Features(p.View, p.Trigger, p.Candidates, i, buffer);
                var fs = buffer.Distinct().ToArray();
                foreach (var f in fs) counts[f] = counts.GetValueOrDefault(f) + 1;
                examples.Add((fs, p.Gold[i] ? 1 : 0));
            }
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (f, n) in counts.OrderBy(p => p.Key, StringComparer.Ordinal)) if (n >= minCount) index[f] = index.Count;
        var ex = examples.Select(e => (Ids: e.Features.Where(index.ContainsKey).Select(f => index[f]).ToArray(), e.Label)).ToArray();
        var w = new double[index.Count];
        var u = new double[index.Count]; // sum of c * update, for averaging: avg = w - u / c
        var rng = new Random(seed);
        var order = Enumerable.Range(0, ex.Length).ToArray();
        long c = 1;
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            rng.Shuffle(order);
            double lr = rate / (1 + epoch * 0.5);
            foreach (var k in order)
            {
                var (ids, y) = ex[k];
                double s = 0;
                foreach (var id in ids) s += w[id];
                double g = y - 1 / (1 + Math.Exp(-s));
                if (g != 0)
                    foreach (var id in ids) { w[id] += lr * g; u[id] += c * lr * g; }
                c++;
            }
        }
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (f, id) in index)
        {
            double avg = w[id] - u[id] / c;
            if (Math.Abs(avg) >= 1e-4) weights[f] = avg;
        }
        return new EventLocator(weights, threshold);
    }
}
