using System.Text.Json.Nodes;
using Dragoman.Actors;
using Dragoman.Documents;
using Dragoman.Ingest;
using Dragoman.Pipeline;

namespace Dragoman.Evaluation;

/// <summary>The figures of one run of `eval articles`: per part, and the misses of every article.</summary>
public sealed record ArticleEvaluationResult(
    ArticleTally Development, ArticleTally HeldBack, IReadOnlyDictionary<string, List<ArticleError>> ErrorsByArticle,
    IReadOnlySet<string> HeldNames, IReadOnlyList<string> Problems)
{
    public ArticleTally All => ArticleTally.Sum([Development, HeldBack]);

    public ArticleTally Part(string part) => part switch { "held" => HeldBack, "all" => All, _ => Development };

    /// <summary>Top level: the chosen part's figures (development by default, what the scoreboard reads); then every part.</summary>
    public JsonObject ToJson(string part)
    {
        var o = Part(part).ToJson();
        o["part"] = part;
        o["dev"] = Development.ToJson();
        o["held"] = HeldBack.ToJson();
        o["all"] = All.ToJson();
        return o;
    }
}

/// <summary>
/// Runs the whole pipeline over a folder shaped like ../shared/data/articles-gold (input.jsonl + gold/NAME.json) and
/// scores it per part of the fixed split (<see cref="ArticleSplit"/>). Published dates come from the records where
/// they give one. Articles that fail to read, or have no gold, are listed as problems and left out of the figures.
/// </summary>
public static class ArticleEvaluation
{
    public static Result<ArticleEvaluationResult> Run(string folder, DocumentPipeline pipeline, IReadOnlySet<string> held,
        ArticleFieldRules rules, Func<Event, bool>? shown = null, CancellationToken cancel = default)
    {
        var input = Path.Combine(folder, "input.jsonl");
        var goldDir = Path.Combine(folder, "gold");
        if (!File.Exists(input)) return Result<ArticleEvaluationResult>.Fail($"{folder}: no input.jsonl (expected a folder shaped like articles-gold)");
        if (!Directory.Exists(goldDir)) return Result<ArticleEvaluationResult>.Fail($"{folder}: no gold/ folder");
        var actors = ActorResources.Load();
        var scorer = new ArticleScorer(rules);
        var coreference = Events.Coreference.CoreferenceModel.LoadBundled() is { IsOk: true } loaded ? loaded.Value : null;
        var dev = new ArticleTally();
        var heldTally = new ArticleTally();
        var errors = new SortedDictionary<string, List<ArticleError>>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var outcome in BatchProcessor.Process(InputSources.Expand([input]), pipeline, null, cancel))
        {
            if (outcome.Document is not { } doc) { problems.Add($"{outcome.Input}: {outcome.Error}"); continue; }
            var name = NameOf(doc);
            var goldPath = Path.Combine(goldDir, name + ".json");
            if (!File.Exists(goldPath)) { problems.Add($"{outcome.Input}: no gold file {goldPath}"); continue; }
            var gold = GoldArticle.Read(goldPath);
            if (!gold.IsOk) { problems.Add(gold.Error!); continue; }
            var view = View(doc, name, actors, shown);
            var (tally, errs) = scorer.Score(gold.Value!, view);
            errs.AddRange(OutsideEvents.List(gold.Value!, doc, [.. doc.Events.Where(e => shown?.Invoke(e) ?? true)], view, coreference));
            (held.Contains(name) ? heldTally : dev).Add(tally);
            errors[name] = errs;
        }
        return new ArticleEvaluationResult(dev, heldTally, errors, held.ToHashSet(StringComparer.Ordinal), problems);
    }

    /// <summary>
    /// Every article of a folder shaped like articles-gold that processes and has gold, with its name, gold and the
    /// scorer's view of all its events: what the trainers learn from (the others are left out, as in <see cref="Run"/>).
    /// </summary>
    /// <param name="skip">Pages whose gold is never opened and which yield nothing (a trainer passes the held-back part).</param>
    public static IEnumerable<(Document Doc, string Name, GoldArticle Gold, SystemArticle View)> Annotated(string folder, DocumentPipeline pipeline, IReadOnlySet<string>? skip = null)
    {
        var actors = ActorResources.Load();
        foreach (var outcome in BatchProcessor.Process(InputSources.Expand([Path.Combine(folder, "input.jsonl")]), pipeline, null))
        {
            if (outcome.Document is not { } doc) continue;
            var name = NameOf(doc);
            if (skip?.Contains(name) == true) continue;
            var gold = GoldArticle.Read(Path.Combine(folder, "gold", name + ".json"));
            if (gold.IsOk) yield return (doc, name, gold.Value!, View(doc, name, actors));
        }
    }

    /// <summary>
    /// The indexes of the document's events that answer a gold event the way `eval articles` matches them: the same
    /// PLOVER type and a sentence overlapping the gold evidence (what the trainers label).
    /// </summary>
    public static IEnumerable<int> Matching(Document doc, SystemArticle view, GoldEvent gold)
    {
        var spans = EvidenceLocator.Find(doc.Text, gold.Evidence);
        for (int i = 0; i < doc.Events.Count; i++)
        {
            var se = view.Events[i];
            if (ArticleFieldRules.TypeMatches(gold.Plover, se.Plover, se.PloverMode) && spans.Any(sp => se.Sentences.Any(s => s.Overlaps(sp))))
                yield return i;
        }
    }

    /// <summary>The article's name in the gold folder: the file name (without extension) in the record's url.</summary>
    public static string NameOf(Document doc) =>
        Path.GetFileNameWithoutExtension(new Uri(doc.Article.Uri, UriKind.RelativeOrAbsolute) is { IsAbsoluteUri: true } u ? u.AbsolutePath : doc.Article.Uri);

    /// <summary>The scorer's view of a processed document; <paramref name="shown"/> picks the events a user would see.</summary>
    public static SystemArticle View(Document doc, string name, ActorDictionary actors, Func<Event, bool>? shown = null)
    {
        var events = doc.Events.Where(e => shown?.Invoke(e) ?? true).Select(e =>
        {
            var place = PlaceOf(doc, e.Place);
            var sources = e.Sources.Select(s => s.Name).ToList();
            if (sources.Count == 0 && doc.Article.Publisher is { } pub) sources.Add(pub);
            return new SystemEvent(e.Id, e.Codes.Plover?.Event, e.Codes.Plover?.Mode, SentencesOf(doc, e),
                e.Actor?.Text, e.Target?.Text, sources, e.Counts.Select(c => (c.Min, c.Max)).ToList(),
                e.Time?.Start, e.Time?.End, e.Place?.Text, place?.Lat, place?.Lon, e.Modality.ToString().ToLowerInvariant(),
                e.AllTellings.Select(t => new SystemTelling(SentenceOf(doc, t.Evidence), t.Modality.ToString().ToLowerInvariant())).ToList())
            {
                TriggerSentence = doc.SentenceAt(e.Trigger.Start) is int si and >= 0 ? doc.Sentences[si].Span : null,
                ActorName = e.Actor?.Name?.Text, TargetName = e.Target?.Name?.Text,
            };
        }).ToList();
        var places = doc.Places.OrderBy(p => p.Span.Start)
            .Select(p => new SystemPlace(p.Text, p.Lat, p.Lon, actors.CountryByCode(p.Country)?.Iso3, p.Candidates.Count,
                p.Candidates.Select(c => actors.CountryByCode(CandidateCountry(c))?.Iso3 ?? "?").ToList(),
                WholeCountry: p.IsResolved && p.Precision == PlacePrecision.Country)).ToList();
        List<string> Names(EntityType type) => doc.Entities.Where(x => x.Type == type).SelectMany(x => x.Aliases.Prepend(x.Name)).ToList();
        return new SystemArticle(name, doc.Text, events, places, Names(EntityType.PERSON), Names(EntityType.ORG));
    }

    /// <summary>The country code a resolver's candidate description ends with ("123:Sima:KM").</summary>
    private static string CandidateCountry(string described) => described[(described.LastIndexOf(':') + 1)..];

    /// <summary>The sentences an event's evidence lies in (its trigger's sentence when it has no evidence span).</summary>
    private static List<TextSpan> SentencesOf(Document doc, Event e)
    {
        var spans = e.Evidence.Count > 0 ? e.Evidence : [e.Trigger];
        var found = doc.Sentences.Where(s => spans.Any(x => x.Overlaps(s.Span))).Select(s => s.Span).ToList();
        return found.Count > 0 ? found : [.. spans];
    }

    /// <summary>The sentence a span lies in (the span itself when it lies in none).</summary>
    private static TextSpan SentenceOf(Document doc, TextSpan span)
    {
        foreach (var s in doc.Sentences)
            if (s.Span.Overlaps(span)) return s.Span;
        return span;
    }

    /// <summary>The resolved place of an event's place argument: its entity's place, else a place mention it overlaps.</summary>
    private static PlaceResolution? PlaceOf(Document doc, EventArgument? a)
    {
        if (a is null) return null;
        if (doc.EntityById(a.EntityId)?.PlaceIndex is int pi && pi < doc.Places.Count) return doc.Places[pi];
        return doc.Places.Find(p => p.Span.Overlaps(a.Span));
    }
}
