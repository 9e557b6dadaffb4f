using System.Text.Json;
using Dragoman.Actors;
using Dragoman.Geo;
using Dragoman.Pipeline;
using Dragoman.Storage;
using Dragoman.Text.Syntax;

namespace Dragoman.Merge;

/// <summary>
/// What the merge stage knows about one per-article event (a report of a possible real-world incident): the keys it
/// is blocked on and the features it is scored on. Built from the stored rows alone, so re-ingest and re-merge see
/// the same reports. <see cref="Ref"/> (article content hash + event id) names the report across stores and runs.
/// </summary>
public sealed record MergeReport
{
    public required string Ref { get; init; }
    /// <summary>The violence / demonstration / strategic family (ACLED's grouping); null: never merged with another report.</summary>
    public string? Family { get; init; }
    public required string Action { get; init; }
    public string? AcledType { get; init; }
    /// <summary>The days the event may have happened on (DateOnly.DayNumber); null when neither the text nor the article dates it.</summary>
    public int? DayLo { get; init; }
    public int? DayHi { get; init; }
    /// <summary>The days come from the publication date ("on or shortly before"), not from a date the text gives.</summary>
    public bool DayFromPublication { get; init; }
    public double? Lat { get; init; }
    public double? Lon { get; init; }
    public string? PlaceName { get; init; }
    public string? Precision { get; init; }
    public bool PlaceInherited { get; init; }
    public string? Country { get; init; }
    public string? Admin1 { get; init; }
    public string? GeonameId { get; init; }
    /// <summary>Lower-cased proper-name words of the event's evidence and arguments (words the article never writes in lower case).</summary>
    public IReadOnlyList<string> Names { get; init; } = [];
    /// <summary>
    /// Lower-cased common nouns (singular) of the article's headline and the event's evidence: what kind of thing was hit
    /// and how ("truck", "bomb", "hotel", "siege"), which tells apart two attacks at one place and time.
    /// </summary>
    public IReadOnlyList<string> Words { get; init; } = [];
    /// <summary>The death toll this report gives (largest killed figure of the event), null when it gives none.</summary>
    public int? Killed { get; init; }
    public string? Outlet { get; init; }
    public required string Modality { get; init; }
    public string? Published { get; init; }

    /// <summary>
    /// For a report without days of its own: the days of the year (<see cref="MonthDays.Of"/>) its article names at day
    /// precision without a year it could be given ("Saturday, October 14" in a page without a date): two reports that
    /// name 14 October agree, one of 25 June does not, whichever the year. Empty for a dated report (its days say more).
    /// </summary>
    public IReadOnlyList<int> MonthDays { get; init; } = [];

    /// <summary>
    /// This report is its article's main report (<see cref="MergeReports.ArticleMainOf"/>): the one an article pair votes
    /// with in the clusterer's group link when both articles have theirs in the groups compared. At most one per article.
    /// </summary>
    public bool ArticleMain { get; init; }

    public bool Dated => DayLo is not null && DayHi is not null;
}

/// <summary>Builds the merge reports of a flattened document (pure: rows in, reports out).</summary>
public static class MergeReports
{
    /// <summary>Days before publication an undated event may have happened ("on or shortly before publication").</summary>
    public const int PublicationLeadDays = 3;

    public static IReadOnlyList<MergeReport> From(DocumentRowSet rows)
    {
        var article = rows.Article;
        var lowerWords = LowerCaseWords(article.Text);
        var notNames = NotNameSpans(rows);
        DateOnly? published = ParseDay(article.Published) ?? ParseDay(article.ReferenceDate);
        var outlet = article.Publisher ?? HostOf(article.Uri);
        var focus = FocusCountry(rows.Events);
        var monthDays = Merge.MonthDays.Named(rows.Times);
        var articleMain = ArticleMainOf(rows.Events);
        var list = new List<MergeReport>(rows.Events.Count);
        foreach (var e in rows.Events)
        {
            // Incidents are made of the reports' own news: secondary and background events (the salience stage's flags)
            // would only add candidate pairs, and cost, without adding an incident an analyst lists.
            if (!e.Main || e.Historical) continue;
            var (lo, hi, fromPub) = Days(e, published);
            var place = PlaceOf(e);
            var names = new SortedSet<string>(StringComparer.Ordinal);
            var words = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var (start, whole) in EvidenceTexts(e.EvidenceJson))
            {
                // A recap clause ("hours after a policeman shot the ambassador") names another event's people and things.
                var text = RecapClauses.Shipped.OwnPart(whole, start >= 0 && e.TriggerStart is { } t ? t - start : null);
                AddNames(text, start, lowerWords, notNames, names);
                AddNouns(text, words);
            }
            if (article.Title is { } title) AddNouns(title, words);
            list.Add(new MergeReport
            {
                Ref = article.Hash + ":" + e.EventId,
                Family = MergeFamilies.Of(e.AcledType),
                Action = e.Action,
                AcledType = e.AcledType,
                DayLo = lo, DayHi = hi, DayFromPublication = fromPub,
                Lat = place.Lat, Lon = place.Lon, PlaceName = place.Name, Precision = place.Precision,
                PlaceInherited = e.PlaceInherited, Country = place.Country ?? (place.Lat is null ? focus : null), Admin1 = place.Admin1, GeonameId = place.GeonameId,
                Names = [.. names],
                Words = [.. words],
                MonthDays = lo is null ? monthDays : [],
                Killed = Killed(e.CountsJson),
                Outlet = outlet,
                Modality = e.Modality,
                Published = published?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                ArticleMain = ReferenceEquals(e, articleMain),
            });
        }
        return list;
    }

    /// <summary>
    /// The place a report is scored and blocked on. A stand-in (<see cref="StoryArea"/>: the story's province for a village
    /// the gazetteer lacks; an event has one only where its article has no focus to inherit) is built from the article's
    /// other places and says no more than they do, so the report reads as it did before stand-ins existed, as one at a
    /// place left as text: no point, no id (two villages of one province are not one place), its article's country.
    /// </summary>
    internal static (double? Lat, double? Lon, string? Name, string? Precision, string? Country, string? Admin1, string? GeonameId) PlaceOf(EventRow e) =>
        StoryArea.IsStandIn(e.GeonameId)
            ? (null, null, e.Place, Output.DocumentJson.PrecisionName(Documents.PlacePrecision.Unknown), null, null, null)
            : (e.Lat, e.Lon, e.PlaceName ?? e.Place, e.PlacePrecision, e.Country, e.Admin1, e.GeonameId);

    /// <summary>
    /// The article's main report, as the events stage marks it: of its reports (main, not historical), the one the salience
    /// model is most confident is the article's news, among those of political violence when it has any (an article about
    /// an attack also tells the arrests and statements that follow it), else among the other mergeable families; ties go
    /// to the earlier event. Null when it has no mergeable report.
    /// </summary>
    public static EventRow? ArticleMainOf(IReadOnlyList<EventRow> events)
    {
        EventRow? best = null;
        int bestRank = 0;
        foreach (var e in events)
        {
            if (!e.Main || e.Historical || MergeFamilies.Of(e.AcledType) is not { } family) continue;
            int rank = family == MergeFamilies.Violence ? 2 : 1;
            if (best is null || rank > bestRank || (rank == bestRank && (e.Confidence > best.Confidence || (e.Confidence == best.Confidence && e.Ordinal < best.Ordinal))))
            {
                best = e;
                bestRank = rank;
            }
        }
        return best;
    }

    /// <summary>
    /// The country most of the article's placed events are in (ties: the one counted first): the country a report without a
    /// place of its own is blocked and compared in ("the 12 abducted pupils", placed nowhere, in an article about Nigeria).
    /// </summary>
    public static string? FocusCountry(IReadOnlyList<EventRow> events)
    {
        string? best = null;
        int bestCount = 0;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            if (e.Country is not { } c) continue;
            int n = counts[c] = counts.GetValueOrDefault(c) + 1;
            if (n > bestCount) { best = c; bestCount = n; }
        }
        return best;
    }

    /// <summary>
    /// The longest span of days a report may have (a month fits). Longer text dates fall back to the publication window:
    /// a stored report's window then starts at most this many days before its end, so the stores' candidate search (an
    /// index range on the window's first day) finds every overlapping pair from either side, whichever report came first.
    /// </summary>
    public const int MaxDaySpan = 40;

    private static (int? Lo, int? Hi, bool FromPublication) Days(EventRow e, DateOnly? published)
    {
        if (!e.TimeInherited && ParseDay(e.TimeStart) is { } s)
        {
            var end = ParseDay(e.TimeEnd) ?? s;
            int lo = s.DayNumber, hi = Math.Max(s.DayNumber, end.DayNumber);
            // A span longer than a month ("in 2016") places a current event no better than its publication does.
            if (hi - lo <= MaxDaySpan) return (lo, hi, false);
        }
        if (published is { } p) return (p.DayNumber - PublicationLeadDays, p.DayNumber, true);
        return (null, null, false);
    }

    public static DateOnly? ParseDay(string? iso) =>
        iso is { Length: >= 10 } && DateOnly.TryParseExact(iso[..10], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out var d) ? d : null;

    private static string? HostOf(string uri) =>
        Uri.TryCreate(uri, UriKind.Absolute, out var u) && !string.IsNullOrEmpty(u.Host) ? u.Host : null;

    private static List<(int Start, string Text)> EvidenceTexts(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var list = new List<(int, string)>();
        foreach (var el in doc.RootElement.EnumerateArray())
            if (el.TryGetProperty("text", out var t) && t.GetString() is { } s)
                list.Add((el.TryGetProperty("start", out var st) && st.ValueKind == JsonValueKind.Number ? st.GetInt32() : -1, s));
        return list;
    }

    private static int? Killed(string countsJson)
    {
        using var doc = JsonDocument.Parse(countsJson);
        int? best = null;
        foreach (var c in doc.RootElement.EnumerateArray())
        {
            if (!c.TryGetProperty("kind", out var k) || k.GetString() != "killed") continue;
            int v = c.TryGetProperty("max", out var mx) && mx.ValueKind == JsonValueKind.Number ? mx.GetInt32()
                : c.TryGetProperty("min", out var mn) && mn.ValueKind == JsonValueKind.Number ? mn.GetInt32() : -1;
            if (v >= 0 && (best is null || v > best)) best = v;
        }
        return best;
    }

    /// <summary>Every word the article writes starting with a lower-case letter (folded), so headline capitals are not taken for names.</summary>
    private static HashSet<string> LowerCaseWords(string text)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (w, _, _) in Words(text))
            if (char.IsLower(w[0])) set.Add(w.ToLowerInvariant());
        return set;
    }

    /// <summary>
    /// Proper-name words of an evidence sentence: capitalised, three letters or more, not the sentence's first word, never
    /// written in lower case anywhere in the article, and not inside a place, nationality or time mention (places and
    /// dates are scored as places and dates; "Ankara" or "Thursday" shared by two reports is no extra evidence).
    /// </summary>
    private static void AddNames(string text, int offset, HashSet<string> lowerWords, List<(int Start, int End)> notNames, SortedSet<string> names)
    {
        foreach (var (w, first, at) in Words(text))
        {
            if (w.Length < 3 || !char.IsUpper(w[0]) || first) continue;
            if (offset >= 0 && notNames.Any(t => offset + at >= t.Start && offset + at < t.End)) continue;
            var folded = w.ToLowerInvariant();
            if (!lowerWords.Contains(folded) && !IsCommonOrNationality(w, folded) && FoldName(folded) is { Length: > 0 } name) names.Add(name);
        }
    }

    /// <summary>
    /// A name word as two reports can share it whatever their spelling habits: a possessive's 's dropped ("Buhari's"),
    /// apostrophes and doubled letters as <see cref="NameFolding"/> reads them ("Shabaab" and "Shabab").
    /// </summary>
    public static string FoldName(string word)
    {
        var w = word.AsSpan();
        if (w.Length > 3 && w[^1] == 's' && w[^2] is '\'' or '’') w = w[..^2];
        Span<char> buffer = stackalloc char[Math.Min(w.Length, 128)];
        return new string(buffer[..NameFolding.FoldPart(w[..Math.Min(w.Length, buffer.Length)], buffer)]);
    }

    /// <summary>Common nouns (the part-of-speech model's NN / NNS) of a text, lower-cased, a plural's final s dropped.</summary>
    private static void AddNouns(string text, SortedSet<string> nouns)
    {
        if (PosModel.Bundled is not { } pos) return;
        var words = Words(text).Select(w => w.Word).ToArray();
        if (words.Length == 0) return;
        var tags = pos.Predict(words);
        for (int i = 0; i < words.Length; i++)
        {
            if (words[i].Length < 3 || tags[i] is not ("NN" or "NNS")) continue;
            var w = words[i].ToLowerInvariant();
            if (tags[i] == "NNS" && w.Length > 3 && w[^1] == 's' && w[^2] != 's') w = w[..^1];
            nouns.Add(w);
        }
    }

    private static readonly Lazy<Demonyms> BundledDemonyms = new(() =>
        Demonyms.Load(GazetteerInstaller.DemonymsPath(PipelineResources.BundledDataDir)) is { IsOk: true, Value: { } d } ? d : Demonyms.Empty);

    /// <summary>
    /// Words that many different names share are no evidence that two reports name the same thing: a frequent English
    /// common word by the part-of-speech model's dictionary (the "Local Government Area" of two different districts,
    /// "State", "Ministry") or a nationality the entity stage did not mark ("the Russian ambassador" and a shooting
    /// near the US embassy the next day).
    /// </summary>
    public static bool IsCommonOrNationality(string word, string folded) =>
        PosModel.Bundled?.IsFrequentCommonWord(folded) == true || BundledDemonyms.Value.IsDemonym(word);

    /// <summary>The character spans of time expressions and of mentions of places and nationalities.</summary>
    private static List<(int Start, int End)> NotNameSpans(DocumentRowSet rows)
    {
        var placeLike = rows.Entities.Where(e => e.Type is "GPE" or "LOC" or "NORP").Select(e => e.EntityId).ToHashSet(StringComparer.Ordinal);
        var spans = rows.Times.Select(t => (t.Start, t.End)).ToList();
        spans.AddRange(rows.Mentions.Where(m => placeLike.Contains(m.EntityId)).Select(m => (m.Start, m.End)));
        return spans;
    }

    private static IEnumerable<(string Word, bool SentenceStart, int At)> Words(string text)
    {
        bool sentenceStart = true;
        int i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetter(text[i]))
            {
                if (text[i] is '.' or '!' or '?' or '\n' or ':') sentenceStart = true;
                i++;
                continue;
            }
            int start = i;
            while (i < text.Length && (char.IsLetter(text[i]) || (text[i] is '-' or '\'' && i + 1 < text.Length && char.IsLetter(text[i + 1])))) i++;
            yield return (text[start..i], sentenceStart, start);
            sentenceStart = false;
        }
    }
}

/// <summary>
/// The families reports are compared within, from the ACLED event type the events stage codes: the three kinds of
/// political violence are one family (one incident is a bombing, an attack and killings at once in different reports),
/// demonstrations another, strategic developments a third; events without an ACLED type (statements, meetings) are not merged.
/// </summary>
public static class MergeFamilies
{
    public const string Violence = "violence";
    public const string Demonstration = "demonstration";
    public const string Strategic = "strategic";

    public static string? Of(string? acledType) => acledType switch
    {
        "Battles" or "Explosions/Remote violence" or "Violence against civilians" => Violence,
        "Protests" or "Riots" => Demonstration,
        "Strategic developments" => Strategic,
        _ => null,
    };
}
