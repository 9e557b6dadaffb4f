using System.Globalization;
using Dragoman.Documents;
using Dragoman.Events.Counts;
using Dragoman.Pipeline;
using Dragoman.Text;

namespace Dragoman.Events.Evaluation;

/// <summary>
/// One FA-KES article as the civilians figure reads it: the gold civilians and non-civilians, and either a settled answer
/// (the text named the victims) or an unnamed count's figure with its features (<see cref="VictimClassModel.Features"/>).
/// </summary>
public sealed record VictimArticle(int Gold, int Settled, int? Figure, IReadOnlyDictionary<string, double>? Features, int GoldNonCivilians = 0)
{
    /// <summary>The civilians figure when the unnamed victims are counted (civilian or unknown) or not (combatant).</summary>
    public int Answer(bool counted) => Figure is { } f ? (counted ? f : 0) : Settled;

    /// <summary>
    /// A training row: an unnamed count whose article gold says civilians died (civilian) or only non-civilians died
    /// (combatant); an article whose gold counts neither says nothing of the count's victims and is left out.
    /// </summary>
    public bool Trains => Features is not null && (Gold > 0 || GoldNonCivilians > 0);
}

/// <summary>
/// Trains the victim-class model on a FA-KES CSV: the label of an article whose main killed count leaves its victims
/// unnamed is whether gold counts any civilians; k-fold cross-validation (folds by row order, deterministic) gives the
/// out-of-fold civilians accuracy that decides whether the model helps.
/// </summary>
public static class VictimClassTraining
{
    // The shipped model's training settings (`train victims` defaults); the FA-KES eval reruns the same procedure on the
    // development part for its nested figure, so the two must not drift apart.
    public const int Folds = 5;
    public const int MinCount = 3;
    public static readonly double[] L2Grid = [0.001, 0.003, 0.01, 0.03, 0.1];
    /// <summary>Confidence either way, highest first: a tie keeps the model abstaining more (unknown rather than a guessed class).</summary>
    public static readonly double[] ThresholdGrid = [0.95, 0.9, 0.8, 0.7, 0.6, 0.5];
    /// <summary>Feature groups the shipped model leaves out: the sentence's words ("w:"), whose weights learn place names and months.</summary>
    public static readonly IReadOnlyList<string> DroppedFeatures = ["w:"];

    /// <param name="pipeline">The pipeline whose documents give the features (the standard one, as users run it); null: the
    /// FA-KES eval's own (text, attribution, events).</param>
    /// <param name="skip">Unit ids left out (the held-back part, <see cref="FakesSplit"/>): never read, never trained on.</param>
    public static Result<List<VictimArticle>> Articles(string path, EventResources res, DocumentPipeline? pipeline = null, IReadOnlySet<string>? skip = null)
    {
        List<Dictionary<string, string>> rows;
        try
        {
            var read = CsvTable.ReadWithHeader(File.ReadAllText(path));
            if (!read.IsOk) return Result<List<VictimArticle>>.Fail($"{path}: {read.Error}");
            rows = read.Value!;
        }
        catch (IOException ex) { return Result<List<VictimArticle>>.Fail($"{path}: {ex.Message}"); }
        if (rows.Count == 0 || !rows[0].ContainsKey("article_content")) return Result<List<VictimArticle>>.Fail($"{path}: not a FA-KES CSV (no article_content column)");
        pipeline ??= new PipelineBuilder().Add(new TextComponent()).Add(new Attribution.AttributionComponent()).Add(new EventsComponent(res, roles: Roles.RoleModel.LoadBundled().Value)).Build();
        var list = new List<VictimArticle>();
        foreach (var row in rows)
        {
            if (skip is not null && skip.Contains(row.GetValueOrDefault("unit_id") ?? "")) continue;
            // the body as the FA-KES eval and the CSV intake read it (Ingest/Rules/LeadingChrome.cs)
            var doc = pipeline.Process(new Document(new Article { Uri = row.GetValueOrDefault("unit_id") ?? "fakes", Text = Ingest.Rules.LeadingChrome.Strip(row["article_content"]) }, null));
            int gold = int.TryParse(row.GetValueOrDefault("nb_civilians"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var g) ? g : 0;
            int non = int.TryParse(row.GetValueOrDefault("nb_noncivilians"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var nc) ? nc : 0;
            var main = EventEvaluation.MainKilled(doc);
            list.Add(main.Unnamed is { } c
                ? new VictimArticle(gold, 0, c.Min, VictimClassModel.Features(doc, main.Event!, c), non)
                : new VictimArticle(gold, main.Civilians, null, null, non));
        }
        return list;
    }

    /// <summary>The articles with only the features whose name starts with none of <paramref name="dropped"/> (a feature-set ablation).</summary>
    public static List<VictimArticle> Without(IEnumerable<VictimArticle> articles, params string[] dropped) =>
        [.. articles.Select(a => a.Features is null ? a : a with
        {
            Features = a.Features.Where(f => !dropped.Any(d => f.Key.StartsWith(d, StringComparison.Ordinal))).ToDictionary(StringComparer.Ordinal),
        })];

    public static List<(IReadOnlyDictionary<string, double> Features, bool Label)> Rows(IEnumerable<VictimArticle> articles) =>
        [.. articles.Where(a => a.Trains).Select(a => (a.Features!, a.Gold > 0))];

    /// <summary>The out-of-fold probability of every article with an unnamed count (null for the others).</summary>
    public static double?[] OutOfFold(IReadOnlyList<VictimArticle> articles, int folds, double l2, int minCount)
    {
        var p = new double?[articles.Count];
        for (int k = 0; k < folds; k++)
        {
            var train = Rows(articles.Where((_, i) => i % folds != k));
            var w = LogisticRegression.Fit(train, l2, minCount: minCount);
            for (int i = k; i < articles.Count; i += folds)
                if (articles[i].Features is { } f) p[i] = LogisticRegression.Probability(w, f);
        }
        return p;
    }

    /// <summary>
    /// Articles whose civilians figure is exact, and within 10%, when unnamed victims are classed at confidence
    /// <paramref name="threshold"/> (<see cref="VictimClassModel.ClassOf"/>) and counted unless combatants, as
    /// <see cref="EventEvaluation.Civilians"/> reads the class.
    /// </summary>
    public static (int Exact, int Within10) Score(IReadOnlyList<VictimArticle> articles, IReadOnlyList<double?> p, double threshold)
    {
        int exact = 0, within = 0;
        for (int i = 0; i < articles.Count; i++)
        {
            var a = articles[i];
            int answer = a.Answer(p[i] is not { } q || VictimClassModel.ClassOf(q, threshold) != VictimClass.Combatant);
            if (answer == a.Gold) exact++;
            if (Math.Abs(answer - a.Gold) <= 0.1 * Math.Max(1, a.Gold)) within++;
        }
        return (exact, within);
    }

    /// <summary>
    /// Nested cross-validation: in each outer fold, L2 and threshold are chosen by an inner cross-validation on the
    /// other folds only, the model fitted there, and the outer fold answered with the chosen threshold; returns whether
    /// each article's unnamed victims were counted (civilian or unknown; true for articles without such a count), so that no
    /// figure is scored with a setting chosen on it.
    /// </summary>
    public static bool[] NestedOutOfFold(IReadOnlyList<VictimArticle> articles, int folds, int minCount, double[] l2s, double[] thresholds)
    {
        var civilian = Enumerable.Repeat(true, articles.Count).ToArray();
        for (int k = 0; k < folds; k++)
        {
            var inner = articles.Where((_, i) => i % folds != k).ToList();
            (double L2, double T, int Exact) best = (l2s[0], thresholds[0], -1);
            foreach (var l2 in l2s)
            {
                var p = OutOfFold(inner, folds, l2, minCount);
                foreach (var t in thresholds)
                {
                    int exact = Score(inner, p, t).Exact;
                    if (exact > best.Exact) best = (l2, t, exact);
                }
            }
            var w = LogisticRegression.Fit(Rows(inner), best.L2, minCount: minCount);
            for (int i = k; i < articles.Count; i += folds)
                if (articles[i].Features is { } f) civilian[i] = VictimClassModel.ClassOf(LogisticRegression.Probability(w, f), best.T) != VictimClass.Combatant;
        }
        return civilian;
    }
}
