using Dragoman.Documents;

namespace Dragoman.Events.Coreference;

/// <summary>
/// Named features of a pair of an article's events for the coreference model (<see cref="CoreferenceModel"/>): where
/// the two tellings stand (same sentence, how far apart, headline, lede), whether their triggers are the same word,
/// and for each field (place, date, actor, target, count) whether both name it the same, differently, or one leaves
/// it unsaid; how their modalities stand; whether the later one points back ("the attack") or is a recap with an
/// earlier date. Pure.
/// </summary>
public static class CoreferenceFeatures
{
    /// <summary>
    /// Whether two events can be one happening at all: the same PLOVER type, or a concession and a release (the
    /// scorer's own equivalence). Other pairs are never compared.
    /// </summary>
    public static bool Candidates(EventMention a, EventMention b) => Comparable(a, b) && Incompatibility(a, b) is null;

    /// <summary>
    /// Whether two events are of one kind of happening at all (the same PLOVER type, or a concession and a release) and
    /// do not clash in polarity: the pairs the trainer labels, vetoed or not, so that a veto's missed joins still count.
    /// </summary>
    public static bool Comparable(EventMention a, EventMention b) =>
        a.Type is not null && b.Type is not null
        && (a.Type == b.Type || (a.Type, b.Type) is ("CONCEDE", "RETREAT") or ("RETREAT", "CONCEDE"))
        && ModalityRelation(a.Modality, b.Modality) != "polarity-clash";

    /// <summary>
    /// Why two tellings of one type are two happenings whatever else they share, or null: "place" (both name a place
    /// the gazetteer resolved, and they differ at a level both resolve to: two towns, two provinces, two countries; a
    /// town inside a province is no conflict) or "date" (both carry their own dates, more than a day apart). As
    /// learned weights these stayed small beside a shared actor and trigger, and the clustering joined one army's
    /// strikes on three villages into one event (2026-12-06, joins10: 21 of 216 shown development events answered
    /// several gold events, most of them in different villages).
    /// </summary>
    public static string? Incompatibility(EventMention a, EventMention b)
    {
        if (a.Place is { Path.Count: > 0 } pa && b.Place is { Path.Count: > 0 } pb && PlaceRelation(pa, pb) == "differ") return "place";
        return DateRelation(a, b) is "differ" or "recap" ? "date" : null;
    }

    /// <summary>
    /// How two tellings' modalities stand: "same"; "compatible" (both say it happened, in the outlet's voice, a
    /// source's or the doer's: a headline asserts what the body attributes); "irrealis" (one says it happened, the
    /// other that it is expected or would happen); "polarity-clash" (one says it happened or will, the other denies
    /// or negates it: never one happening).
    /// </summary>
    public static string ModalityRelation(Modality a, Modality b)
    {
        if (a == b) return "same";
        var (ca, cb) = (Class(a), Class(b));
        if (ca == cb) return "compatible";
        return ca == ModalityClass.Negative || cb == ModalityClass.Negative ? "polarity-clash" : "irrealis";
    }

    private enum ModalityClass { Factual, Irrealis, Negative }

    private static ModalityClass Class(Modality m) => m switch
    {
        Modality.Asserted or Modality.Reported or Modality.Claimed => ModalityClass.Factual,
        Modality.Denied or Modality.Negated => ModalityClass.Negative,
        _ => ModalityClass.Irrealis,
    };

    /// <summary>The features of a pair; the order of the two does not matter (the earlier telling is found by sentence).</summary>
    public static Dictionary<string, double> Compute(EventMention x, EventMention y)
    {
        var (a, b) = x.Sentence <= y.Sentence ? (x, y) : (y, x);
        // sized for every feature at once (about a dozen): the pair loop is quadratic in an article's events
        var f = new Dictionary<string, double>(MaxFeatures, StringComparer.Ordinal) { ["bias"] = 1 };
        if (a.Type != b.Type) f["type-family-only"] = 1;
        int gap = b.Sentence - a.Sentence;
        if (gap == 0) f["same-sentence"] = 1;
        else if (gap == 1) f["adjacent-sentences"] = 1;
        f["log-sentence-gap"] = Math.Log(1 + gap);
        // the article's first telling of the type against a later one: a retelling of the incident the report opened
        // with stands far from it, so distance alone says "another incident" for exactly the retellings (coref11)
        if (gap > 0 && a.FirstOfType) f["from-first-of-type:log-gap"] = Math.Log(1 + gap);
        if (gap > 0 && a.InTitle) f[b.InLede ? "headline-and-lede" : "headline-and-body"] = 1;
        else if (gap > 0 && a.InLede) f["lede-and-body"] = 1;
        if (a.Trigger.Length > 0 && Stem(a.Trigger).SequenceEqual(Stem(b.Trigger))) f["same-trigger-stem"] = 1;
        else if (a.Action.Length > 0 && a.Action == b.Action) f["same-action"] = 1;
        if (gap > 0 && b.Definite) f["later-definite"] = 1;
        f[Named("modality:", ModalityRelation(a.Modality, b.Modality))] = 1;
        f[Named("place:", PlaceRelation(a.Place, b.Place))] = 1;
        f[Named("date:", DateRelation(a, b))] = 1;
        f[Named("actor:", PartyRelation(a.Actor, b.Actor))] = 1;
        f[Named("target:", PartyRelation(a.Target, b.Target))] = 1;
        f[Named("count:", CountRelation(a.Counts, b.Counts))] = 1;
        return f;
    }

    private const int MaxFeatures = 16;

    // The relations are a handful of words, so the joined names are built once, not once per pair.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Prefix, string Relation), string> Names = new();

    private static string Named(string prefix, string relation) =>
        Names.TryGetValue((prefix, relation), out var name) ? name : Names.GetOrAdd((prefix, relation), prefix + relation);

    /// <summary>"same" (one gazetteer town, or the same words), "nested" (one inside the other), "differ", "unsaid" (one or both name none).</summary>
    public static string PlaceRelation(PlaceKey? a, PlaceKey? b)
    {
        if (a is null || b is null) return "unsaid";
        if (a.Path.Count > 0 && b.Path.Count > 0)
        {
            int n = Math.Min(a.Path.Count, b.Path.Count);
            for (int k = 0; k < n; k++) if (!string.Equals(a.Path[k], b.Path[k], StringComparison.Ordinal)) return "differ";
            return a.Path.Count == b.Path.Count ? "same" : "nested";
        }
        if (string.Equals(a.Text, b.Text, StringComparison.OrdinalIgnoreCase)) return "same";
        return a.Text.Contains(b.Text, StringComparison.OrdinalIgnoreCase) || b.Text.Contains(a.Text, StringComparison.OrdinalIgnoreCase) ? "nested" : "differ";
    }

    /// <summary>
    /// "same" (within a day: reports round "overnight" differently), "recap" (the later telling's date lies days before
    /// the earlier's: an earlier incident recalled), "differ", "unsaid".
    /// </summary>
    public static string DateRelation(EventMention a, EventMention b)
    {
        if (a.Start is not { } sa || b.Start is not { } sb) return "unsaid";
        int ea = (a.End ?? sa).DayNumber, eb = (b.End ?? sb).DayNumber;
        if (sa.DayNumber <= eb + 1 && sb.DayNumber <= ea + 1) return "same";
        return eb < sa.DayNumber ? "recap" : "differ";
    }

    /// <summary>
    /// "same", "differ", "unsaid". Two parties the reader linked (entity or actor code) are the same when the link is,
    /// or when one's name words all stand in the other's (one party under two entity ids: "the general" linked apart
    /// from "the general's air force"; a shared nation alone is no such name: "Syrian army" and "Syrian rebels" stay
    /// two). Otherwise they are the same when they share a word in its folded form (<see cref="PartyWords.Fold"/>:
    /// "Islamists" and "Islamist militants") or a nation ("Israeli" and "Israel").
    /// </summary>
    public static string PartyRelation(PartyKey? a, PartyKey? b)
    {
        if (a is null || b is null) return "unsaid";
        if (a.Known is not null && b.Known is not null)
            return a.Known == b.Known || NamedWithin(a.NameWords, b.NameWords) || NamedWithin(b.NameWords, a.NameWords) ? "same" : "differ";
        return a.Words.Overlaps(b.Words) || a.Countries.Overlaps(b.Countries) ? "same" : "differ";
    }

    private static bool NamedWithin(IReadOnlySet<string> shorter, IReadOnlySet<string> longer) =>
        shorter.Count > 0 && shorter.IsSubsetOf(longer);

    /// <summary>
    /// "same" (a figure both give of one kind), "differ" (figures of one kind, none the same), "unsaid" (one gives
    /// none, or they count different things: "killed two" and "wounded four" tell one strike as well as two). A count
    /// without a kind compares with every kind.
    /// </summary>
    public static string CountRelation(IReadOnlyList<CountKey> a, IReadOnlyList<CountKey> b)
    {
        bool comparable = false;
        foreach (var x in a)
            foreach (var y in b)
            {
                if (x.Kind is not null && y.Kind is not null && !string.Equals(x.Kind, y.Kind, StringComparison.OrdinalIgnoreCase)) continue;
                if (x.Figure == y.Figure) return "same";
                comparable = true;
            }
        return comparable ? "differ" : "unsaid";
    }

    /// <summary>Folded words (<see cref="PartyWords.Fold"/>) of four or more letters: "the Syrian army" and "Syrian troops" share "syrian".</summary>
    internal static HashSet<string> Words(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(PartyWords.Fold)
            .Where(w => w.Length >= 4).ToHashSet(StringComparer.Ordinal);

    /// <summary>A crude shared stem, the first five letters ("attack"/"attacks" agree, as in the salience features).</summary>
    private static ReadOnlySpan<char> Stem(string w) => w.Length > 5 ? w.AsSpan(0, 5) : w;
}
