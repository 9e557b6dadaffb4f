using Dragoman.Documents;

namespace Dragoman.Events.Coreference;

/// <summary>Where an event happened: the gazetteer path (country, divisions, the town or site itself) when resolved, else only the words.</summary>
public sealed record PlaceKey(string Text, IReadOnlyList<string> Path);

/// <summary>A figure an event counts and what it counts ("killed", "injured"; null when the text does not say).</summary>
public sealed record CountKey(int Figure, string? Kind = null)
{
    public static implicit operator CountKey(int figure) => new(figure);
}

/// <summary>A party of an event: the entity or actor code when known, else only its words.</summary>
public sealed record PartyKey(string Text, string? Known = null)
{
    /// <summary>The words <see cref="CoreferenceFeatures.PartyRelation"/> compares, split once per party rather than once per pair.</summary>
    public IReadOnlySet<string> Words { get; } = CoreferenceFeatures.Words(Text);

    /// <summary>
    /// The countries (ISO alpha-2) the party names by a demonym ("Israeli forces") or, where <see cref="EventMention.Of(Document, Event)"/>
    /// adds them, by a country name the gazetteer resolved inside it ("Israel"): the same nation in two word forms.
    /// </summary>
    public IReadOnlySet<string> Countries { get; init; } = PartyWords.CountriesOf(Text);

    /// <summary>The <see cref="Words"/> that name no nation: what two differently linked parties must share to be one.</summary>
    public IReadOnlySet<string> NameWords { get; } = PartyWords.NameWords(Text);

    // equal by what the party says (the words are derived from the text; a set compares by reference)
    public bool Equals(PartyKey? other) => other is not null && Text == other.Text && Known == other.Known;
    public override int GetHashCode() => HashCode.Combine(Text, Known);
}

/// <summary>
/// What of one event the pairwise coreference model compares: its sentence and standing (headline, lede), type,
/// trigger, its own (not inherited) place and date, parties, counts, and whether it points back ("the attack").
/// Built from a document's event (<see cref="Of"/>) or by hand in tests.
/// </summary>
public sealed record EventMention(int Sentence, string? Type, string Action = "", string Trigger = "")
{
    public bool InTitle { get; init; }
    public bool InLede { get; init; }
    public PlaceKey? Place { get; init; }
    public DateOnly? Start { get; init; }
    public DateOnly? End { get; init; }
    public PartyKey? Actor { get; init; }
    public PartyKey? Target { get; init; }
    public IReadOnlyList<CountKey> Counts { get; init; } = [];
    /// <summary>A definite event noun ("the attack", "this strike") or a toll caused by one: the report points back at an incident it told.</summary>
    public bool Definite { get; init; }
    public Modality Modality { get; init; } = Modality.Asserted;

    /// <summary>The earliest telling of its type in the article (ties: every one in that sentence): where a report states its incident before retelling it.</summary>
    public bool FirstOfType { get; init; }

    /// <summary>The mentions of a document's events, in the events' order.</summary>
    public static EventMention[] Of(Document d, IReadOnlyList<Event> events)
    {
        var mentions = events.Select(e => Of(d, e)).ToArray();
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var m in mentions)
            if (m.Type is { } t) first[t] = first.TryGetValue(t, out var s) ? Math.Min(s, m.Sentence) : m.Sentence;
        return mentions.Select(m => m.Type is { } t && first[t] == m.Sentence ? m with { FirstOfType = true } : m).ToArray();
    }

    public static EventMention Of(Document d, Event e) => new(d.SentenceAt(e.Trigger.Start), e.Codes.Plover?.Event, e.Action, d.Slice(e.Trigger).ToLowerInvariant())
    {
        InTitle = d.Article.TitleSpan is { } t && t.Overlaps(e.Trigger),
        InLede = d.Article.LedeSpan is { } l && l.Overlaps(e.Trigger),
        Place = PlaceOf(d, e.Place),
        Start = e.Time is { Inherited: false } t1 ? t1.Start : null,
        End = e.Time is { Inherited: false } t2 ? t2.End : null,
        Actor = PartyOf(d, e.Actor),
        Target = PartyOf(d, e.Target),
        Counts = e.Counts.Select(c => new CountKey(c.Min, c.Kind)).Distinct().ToList(),
        Definite = IsDefinite(d, e),
        Modality = e.Modality,
    };

    private static PartyKey? PartyOf(Document d, EventArgument? a)
    {
        if (a is null || a.Inherited) return null;
        var key = new PartyKey(a.PartyText, a.EntityId ?? a.Code);
        // a country the party is, or names: its entity resolved to a country, or a country-level place in its span
        var countries = new HashSet<string>(key.Countries, StringComparer.Ordinal);
        if (d.EntityById(a.EntityId)?.PlaceIndex is int pi && pi < d.Places.Count && d.Places[pi] is { Precision: PlacePrecision.Country, Country: { } c }) countries.Add(c);
        foreach (var p in d.Places)
            if (p is { IsResolved: true, Precision: PlacePrecision.Country, Country: { } pc } && a.Span.Contains(p.Span)) countries.Add(pc);
        return countries.Count == key.Countries.Count ? key : key with { Countries = countries };
    }

    /// <summary>The gazetteer resolution of an event's place argument: its entity's place, else a resolved place mention under it.</summary>
    public static PlaceResolution? ResolutionOf(Document d, EventArgument place) =>
        d.EntityById(place.EntityId)?.PlaceIndex is int pi && pi < d.Places.Count ? d.Places[pi]
            : d.Places.Find(p => p.IsResolved && p.Span.Overlaps(place.Span));

    private static PlaceKey? PlaceOf(Document d, EventArgument? place)
    {
        if (place is null || place.Inherited) return null;
        var resolved = ResolutionOf(d, place);
        if (resolved is null || !resolved.IsResolved) return new PlaceKey(place.Text, []);
        var path = new List<string>();
        foreach (var level in new[] { resolved.Country, resolved.Admin1, resolved.Admin2 })
        {
            if (level is null) break;
            path.Add(level);
        }
        // a town or site is a level of its own below its divisions; a division or country is its own path
        if (resolved.Precision is PlacePrecision.Exact or PlacePrecision.Near && resolved.GeonameId is { } id) path.Add(id);
        return new PlaceKey(place.Text, path);
    }

    /// <summary>
    /// An event noun after a definite determiner within three words ("the attack", "the Tuesday airstrikes"), or a toll
    /// whose cause is one ("the attack killed five"). Determiners are closed-class grammar, not a topic word list.
    /// </summary>
    private static bool IsDefinite(Document d, Event e)
    {
        if (e.Means is { } m && StartsDefinite(m.Text)) return true;
        if (e.TriggerSource != "noun") return false;
        int k = TokenStartingAt(d.Tokens, e.Trigger.Start);
        for (int back = 1; back <= 3 && k - back >= 0; back++)
        {
            var tok = d.Tokens[k - back];
            if (tok.Kind != TokenKind.Word) return false;
            if (Determiners.Contains(d.Text[tok.Start..tok.End])) return true;
        }
        return false;
    }

    /// <summary>Index of the token that starts at <paramref name="start"/>, or -1 (tokens are in text order: a binary search, not a scan per event).</summary>
    private static int TokenStartingAt(Token[] tokens, int start)
    {
        int lo = 0, hi = tokens.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (tokens[mid].Start < start) lo = mid + 1;
            else if (tokens[mid].Start > start) hi = mid - 1;
            else return mid;
        }
        return -1;
    }

    private static bool StartsDefinite(string phrase)
    {
        int space = phrase.IndexOf(' ');
        return space > 0 && Determiners.Contains(phrase[..space]);
    }

    private static readonly HashSet<string> Determiners = new(["the", "this", "that", "these", "those"], StringComparer.OrdinalIgnoreCase);
}
