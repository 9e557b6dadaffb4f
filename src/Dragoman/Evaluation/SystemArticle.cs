using Dragoman.Documents;

namespace Dragoman.Evaluation;

/// <summary>
/// What the scorer needs of one system event: its type, the sentences of all its tellings (<see cref="Sentences"/>:
/// a joined event has several), fields as text, coordinates and dates, and its tellings' sentences and modalities
/// (none given: the event's own modality in all its sentences).
/// </summary>
public sealed record SystemEvent(
    string Id, string? Plover, string? PloverMode, IReadOnlyList<TextSpan> Sentences,
    string? Actor, string? Target, IReadOnlyList<string> Sources, IReadOnlyList<(int Min, int? Max)> Counts,
    DateOnly? Start, DateOnly? End, string? PlaceText, double? Lat, double? Lon, string Modality,
    IReadOnlyList<SystemTelling>? Tellings = null)
{
    /// <summary>
    /// The modality the event's telling in <paramref name="goldSpans"/> gives (the first such telling in text order),
    /// or the event's own where no telling lies there.
    /// </summary>
    public string ModalityTold(IReadOnlyList<TextSpan> goldSpans) =>
        Tellings?.FirstOrDefault(t => goldSpans.Any(t.Sentence.Overlaps))?.Modality ?? Modality;

    /// <summary>
    /// The sentence of the event's trigger, the one a list shows it by (for a joined event, its representative
    /// telling's); null when not known, and then <see cref="Sentences"/>' first stands for it.
    /// </summary>
    public TextSpan? TriggerSentence { get; init; }

    /// <summary>
    /// The actor's and target's full names where the text shows a short form (EventArgument.Name): the gold coder codes
    /// the party's name, so the content-word overlap rule is also tried against it.
    /// </summary>
    public string? ActorName { get; init; }
    public string? TargetName { get; init; }

    /// <summary>The sentence the outside-share figure judges: the trigger's, else the first of its tellings'.</summary>
    public TextSpan? ShownSentence => TriggerSentence ?? (Sentences.Count > 0 ? Sentences[0] : null);
}

/// <summary>One telling of a system event: the sentence it lies in and its own modality.</summary>
public sealed record SystemTelling(TextSpan Sentence, string Modality);

/// <summary>
/// A place mention the system found, in text order: its text, coordinates when resolved, ISO alpha-3 country, and how
/// many gazetteer candidates it had (an unresolved place with none is one the gazetteer does not know) and their
/// countries (ISO alpha-3, so a miss can say whether the right country was among them).
/// </summary>
/// <param name="WholeCountry">resolved to a whole country (precision country), not a place inside one</param>
public sealed record SystemPlace(string Text, double? Lat, double? Lon, string? Country3, int Candidates = 0, IReadOnlyList<string>? CandidateCountries3 = null,
    bool WholeCountry = false)
{
    public bool IsResolved => Lat is not null && Lon is not null;
}

/// <summary>One processed article as the articles-gold scorer sees it (built from a Document, or by hand in tests).</summary>
public sealed record SystemArticle(
    string Name, string Text, IReadOnlyList<SystemEvent> Events, IReadOnlyList<SystemPlace> Places,
    IReadOnlyList<string> PersonNames, IReadOnlyList<string> OrganizationNames);
