namespace Dragoman.Documents;

/// <summary>How the text commits to an event having happened.</summary>
public enum Modality { Asserted, Reported, Claimed, Expected, Denied, Hypothetical, Negated }

/// <summary>A participant or setting of an event: text and span, and the entity it refers to when known.</summary>
public sealed record EventArgument(string Text, TextSpan Span, string? EntityId = null, string? Code = null)
{
    /// <summary>True when the argument was not named in the event's sentence but taken from the article (a place the article is about).</summary>
    public bool Inherited { get; init; }
}

/// <summary>How many people an event affected, with ACLED's conservative bounds.</summary>
/// <remarks><see cref="Source"/> names who gave the figure (nearest link of the attribution chain), so conflicting figures stay side by side.</remarks>
public sealed record EventCount(int Min, int? Max, string Text, TextSpan Span, string? Kind = null, string? Who = null, string? Source = null);

public sealed record PloverCode(string Event, string? Mode, IReadOnlyList<string> Context);

public sealed record AcledCode(string EventType, string SubEventType);

public sealed record EventCodes(string? Cameo, PloverCode? Plover, AcledCode? Acled, int? QuadClass = null, double? Goldstein = null);

/// <summary>The time an event happened, or the inherited "on or shortly before publication".</summary>
public sealed record EventTime(string Text, TextSpan? Span, DateOnly? Start, DateOnly? End, TimePrecision Precision, bool Inherited, string? Relative = null);

/// <summary>Who did what to whom, where, when, how many, according to whom, with evidence.</summary>
public sealed class Event
{
    public required string Id { get; init; }
    /// <summary>Plain action name ("release", "attack", "arrest" ...).</summary>
    public required string Action { get; set; }
    public required TextSpan Trigger { get; init; }
    public EventArgument? Actor { get; set; }
    public EventArgument? Target { get; set; }
    public EventArgument? Place { get; set; }
    /// <summary>
    /// The instrument or form of violence named where a party would stand ("A car bomb killed 17", "Shelling killed five",
    /// "killed by an air strike"): the weapon is not a party, so <see cref="Actor"/> stays null unless someone is named
    /// ("Russian air strikes": Russia), as ACLED codes such events with an unidentified actor.
    /// </summary>
    public EventArgument? Means { get; set; }
    public EventTime? Time { get; set; }
    public List<EventCount> Counts { get; } = [];
    public Modality Modality { get; set; } = Modality.Asserted;
    public List<SourceRef> Sources { get; } = [];
    public List<TextSpan> Evidence { get; } = [];
    /// <summary>
    /// Share of events at this confidence that a careful coder would code as one of the report's main events (the
    /// calibrated salience model, models/events/README.md; the events stage's rough prior when no model is loaded).
    /// </summary>
    public double Confidence { get; set; }
    /// <summary>How the trigger was found: "pattern" (a verb pattern of the dictionary), "verb" (a verb without a pattern), "noun" (an event noun).</summary>
    public string TriggerSource { get; set; } = "verb";
    /// <summary>The report's own news: not historical and at or above the salience model's default threshold (true until the salience stage decides).</summary>
    public bool Main { get; set; } = true;
    /// <summary>Background: the event's own time lies before the report's time frame (over a year before publication, or "since ...").</summary>
    public bool Historical { get; set; }
    public EventCodes Codes { get; set; } = new(null, null, null);
}
