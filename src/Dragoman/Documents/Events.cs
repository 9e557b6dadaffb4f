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
    public required string Action { get; init; }
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
    public double Confidence { get; set; }
    public EventCodes Codes { get; set; } = new(null, null, null);
}
