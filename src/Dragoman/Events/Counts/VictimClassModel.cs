using System.Globalization;
using Dragoman.Documents;

namespace Dragoman.Events.Counts;

/// <summary>
/// Whether the unnamed victims of a killed or injured count are civilians: "88 dead in two days of clashes", "fighting
/// that left dozens dead", "killed 28 ... militants" leave the counted noun out or past the parser's reach, and the
/// event's parties, type and clause then say more than the figure. A logistic regression over what the pipeline already
/// computed (models/events/victim-class.tsv, trained by <c>dragoman train victims</c> on FA-KES with nested
/// cross-validation): the probability that the count's victims are civilians. <see cref="Threshold"/> is the confidence
/// it must reach either way: below it the class is unknown (<see cref="ClassOf"/>). Consulted by
/// <see cref="VictimClassComponent"/> only where <see cref="EventCount.Who"/> is null.
/// </summary>
public sealed class VictimClassModel(IReadOnlyDictionary<string, double> weights, double threshold)
{
    // v2: the threshold is a confidence either way (civilian at p >= t, combatant at p <= 1 - t), not a cut on p alone
    public const string ModelHeader = "dragoman victim-class model v2";

    public double Threshold { get; } = threshold;

    public IReadOnlyDictionary<string, double> Weights { get; } = weights;

    /// <summary>The probability that the count's unnamed victims are civilians.</summary>
    public double Civilian(Document doc, Event e, EventCount c) => LogisticRegression.Probability(Weights, Features(doc, e, c));

    /// <summary>The count's victims as the model reads them, with the sentence it read as evidence and its probability.</summary>
    public VictimClass Classify(Document doc, Event e, EventCount c)
    {
        double p = Civilian(doc, e, c);
        int s = doc.SentenceAt(c.Span.Start);
        var evidence = s >= 0 ? new TextSpan(doc.Sentences[s].Start, doc.Sentences[s].End) : c.Span;
        return new VictimClass(ClassOf(p, Threshold), evidence, VictimClass.FromModel, Math.Round(p, 4));
    }

    /// <summary>
    /// Civilian when <paramref name="p"/> (the probability of civilians) reaches <paramref name="confidence"/>,
    /// combatant when 1 - p does, else unknown (the model abstains).
    /// </summary>
    public static string ClassOf(double p, double confidence) =>
        p >= confidence ? VictimClass.Civilian : 1 - p >= confidence ? VictimClass.Combatant : VictimClass.Unknown;

    private static readonly Lazy<Result<VictimClassModel>> Bundled = new(() => Load(BundledPath));

    public static string BundledPath => Path.Combine(AppContext.BaseDirectory, "models", "events", "victim-class.tsv");

    /// <summary>The shipped model, loaded once per process (copied beside the binary from models/events, as every trained model).</summary>
    public static Result<VictimClassModel> LoadBundled() => Bundled.Value;

    public static Result<VictimClassModel> Load(string path)
    {
        var read = LogisticRegression.Read(path, ModelHeader, "victim-class model");
        if (!read.IsOk) return Result<VictimClassModel>.Fail(read.Error!);
        var w = read.Value!;
        double t = w.Remove("threshold", out var th) ? th : 0.5;
        return new VictimClassModel(w, t);
    }

    public void Save(string path, IEnumerable<string> comments) => LogisticRegression.Write(path, ModelHeader, comments, Threshold, Weights);

    /// <summary>
    /// Named features: the event's CAMEO root and trigger word, the actor's and target's sector (or none) and the pair,
    /// a coder's category given to the target, the words right after the figure (its noun when the parser missed it),
    /// the figure's size, the six words either side of it, and the words of its sentence (clashes, fighting, strike, market ...).
    /// </summary>
    public static Dictionary<string, double> Features(Document doc, Event e, EventCount c)
    {
        var f = new Dictionary<string, double>(StringComparer.Ordinal) { ["bias"] = 1 };
        void On(string k) => f[k] = 1;
        var code = e.Codes.Cameo ?? "";
        On("cameo:" + (code.Length >= 2 ? code[..2] : "none"));
        if (code.Length >= 3) On("cameo3:" + code[..3]);
        On("trigger:" + doc.Slice(e.Trigger).ToLowerInvariant());
        string actor = Sector(doc, e.Actor), target = Sector(doc, e.Target);
        On("actor:" + actor);
        On("target:" + target);
        On("pair:" + actor + "|" + target);
        if (e.Actor is { Implied: true }) On("actor-implied");
        if (e.Target?.Name is { From: ArgumentName.Convention } n) On("target-category:" + n.Text.ToLowerInvariant());
        On("size:" + (c.Min <= 1 ? "1" : c.Min < 10 ? "2-9" : c.Min < 100 ? "10-99" : "100+"));
        // the figure's own words and the two words after it: the counted noun the parser did not reach
        foreach (var w in Words(doc, c.Span.Start, c.Span.End)) On("in:" + w);
        int after = 0;
        foreach (var w in Words(doc, c.Span.End, doc.Text.Length))
        {
            On("next:" + w);
            if (++after == 2) break;
        }
        // the clause around the figure: six words either side
        var before = Words(doc, doc.Sentences[Math.Max(0, doc.SentenceAt(c.Span.Start))].Start, c.Span.Start).TakeLast(6);
        foreach (var w in before.Concat(Words(doc, c.Span.End, doc.Text.Length).Take(6))) On("near:" + w);
        int s = doc.SentenceAt(c.Span.Start);
        if (s >= 0)
            foreach (var w in Words(doc, doc.Sentences[s].Start, doc.Sentences[s].End)) On("w:" + w);
        return f;
    }

    private static string Sector(Document doc, EventArgument? arg)
    {
        if (arg is null) return "none";
        var actor = doc.EntityById(arg.EntityId)?.Actor;
        return actor?.Sector ?? (arg.Code is { Length: > 3 } code ? code[3..Math.Min(6, code.Length)] : "unknown");
    }

    /// <summary>Lowercased word tokens (letters only) within [start, end).</summary>
    private static IEnumerable<string> Words(Document doc, int start, int end)
    {
        foreach (var t in doc.Tokens)
        {
            if (t.End <= start) continue;
            if (t.Start >= end) yield break;
            if (t.Kind != TokenKind.Word) continue;
            var w = doc.Text[t.Start..t.End];
            if (w.All(char.IsLetter)) yield return w.ToLower(CultureInfo.InvariantCulture);
        }
    }
}
