namespace Dragoman.Documents;

/// <summary>How the text commits to an event having happened.</summary>
public enum Modality { Asserted, Reported, Claimed, Expected, Denied, Hypothetical, Negated }

/// <summary>A participant or setting of an event: text and span, and the entity it refers to when known.</summary>
public sealed record EventArgument(string Text, TextSpan Span, string? EntityId = null, string? Code = null)
{
    /// <summary>True when the argument was not named in the event's sentence but taken from the article (a place the article is about).</summary>
    public bool Inherited { get; init; }

    /// <summary>
    /// The party's full name where the text shows a short form ("the LNA": Libyan National Army), or the category a
    /// coding convention gives a party the text names only generically ("five people": civilians); else null.
    /// </summary>
    public ArgumentName? Name { get; init; }

    /// <summary>The party an analyst reads: a coding convention's category over the written words ("civilians" for "five people"), else the text.</summary>
    public string PartyText => Name is { From: ArgumentName.Convention } n ? n.Text : Text;

    /// <summary>
    /// True when the text names no such party and the argument is a coder's category the event implies ("police" for an
    /// arrest, "unidentified armed group" for a use of force; Events.UnnamedActorsComponent): a coding convention, not a
    /// name in the text. Its span is the trigger that implies it.
    /// </summary>
    public bool Implied { get; init; }

    /// <summary>
    /// The role ranker's calibrated probability that a careful coder names this party for the role (models/roles); null
    /// where the clause rules decided or no ranker chose it. Read by <c>Events.UnnamedActorsComponent</c>, which takes a
    /// coder's category over a chosen actor too unlikely to be right; not written out.
    /// </summary>
    public double? Probability { get; init; }
}

/// <summary>
/// A party's full name: <see cref="From"/> "article" when the article defines the short form (<see cref="Defined"/> is
/// the span of the long form there), "dictionary" when the actor dictionary links it to a named entry (no span);
/// "convention" when it is no name but the category a coder's convention gives a party the text names only generically
/// (ACLED's civilians for "five people" killed, protesters, a protest's unnamed government: Events/Roles/TargetCategories),
/// <see cref="Defined"/> then the words that support it (the victims' words, the protest's trigger).
/// </summary>
public sealed record ArgumentName(string Text, string From, TextSpan? Defined)
{
    /// <summary>The <see cref="From"/> of a coding convention's category (not a name the text or the dictionary gives).</summary>
    public const string Convention = "convention";
}

/// <summary>How many people an event affected, with ACLED's conservative bounds.</summary>
/// <remarks><see cref="Source"/> names who gave the figure (nearest link of the attribution chain), so conflicting figures stay side by side.</remarks>
public sealed record EventCount(int Min, int? Max, string Text, TextSpan Span, string? Kind = null, string? Who = null, string? Source = null)
{
    /// <summary>
    /// Who the killed or injured were, as an analyst reads it (Events/Counts/VictimClassComponent); null on other kinds
    /// and before that stage runs.
    /// </summary>
    public VictimClass? Victims { get; init; }
}

/// <summary>
/// The class of a count's victims: <see cref="Civilian"/>, <see cref="Combatant"/> or <see cref="Unknown"/> (the text
/// does not say and the victim-class model is not sure enough). <see cref="From"/> is <see cref="FromText"/> when the
/// count's own words or its clause's party name them ("seven civilians", "12 fighters"), <see cref="FromModel"/> when
/// the model judged unnamed victims ("40 dead in clashes"); <see cref="Evidence"/> is the span read (the count's words,
/// or the sentence the model read); <see cref="Probability"/> the model's probability that the victims are civilians
/// (null when the text decided).
/// </summary>
public sealed record VictimClass(string Class, TextSpan Evidence, string From, double? Probability = null)
{
    public const string Civilian = "civilian";
    public const string Combatant = "combatant";
    public const string Unknown = "unknown";
    public const string FromText = "text";
    public const string FromModel = "model";
}

public sealed record PloverCode(string Event, string? Mode, IReadOnlyList<string> Context);

public sealed record AcledCode(string EventType, string SubEventType);

public sealed record EventCodes(string? Cameo, PloverCode? Plover, AcledCode? Acled, int? QuadClass = null, double? Goldstein = null);

/// <summary>The time an event happened, or the inherited "on or shortly before publication".</summary>
public sealed record EventTime(string Text, TextSpan? Span, DateOnly? Start, DateOnly? End, TimePrecision Precision, bool Inherited, string? Relative = null);

/// <summary>
/// One telling of an event (the headline's, the lede's, a body sentence's): its trigger, the sentence that tells it and
/// how that sentence commits to it. A report often tells one happening several ways (a threat, then a party's claim,
/// then a source's report that it happened); the coreference stage joins them into one event and keeps each telling,
/// with the actor and target that telling's own sentence gave (the joined event shows one of each).
/// </summary>
public sealed record EventTelling(TextSpan Trigger, TextSpan Evidence, Modality Modality, EventArgument? Actor = null, EventArgument? Target = null);

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
    /// ("Russian air strikes": Russia), as ACLED codes such events with an unidentified actor (the last stage writes that
    /// category, with the trigger as its evidence: Events.UnnamedActorsComponent).
    /// </summary>
    public EventArgument? Means { get; set; }
    public EventTime? Time { get; set; }
    public List<EventCount> Counts { get; } = [];
    /// <summary>How the text commits to the event: for a joined event, the modality of the telling it takes its trigger from (<see cref="Tellings"/>).</summary>
    public Modality Modality { get; set; } = Modality.Asserted;
    /// <summary>
    /// The tellings a joined event was made of, each with its own trigger, sentence and modality (empty for an event told
    /// once: <see cref="AllTellings"/> gives its own telling then).
    /// </summary>
    public List<EventTelling> Tellings { get; } = [];
    /// <summary>Every telling of the event, in text order; an event told once is its own only telling.</summary>
    public IReadOnlyList<EventTelling> AllTellings =>
        Tellings.Count > 0 ? Tellings : [new EventTelling(Trigger, Evidence.Count > 0 ? Evidence[0] : Trigger, Modality, Actor, Target)];
    public List<SourceRef> Sources { get; } = [];

    /// <summary>Adds the links a further telling of the event gives (its sentence's speakers), each name once, after those it has.</summary>
    public void AddSources(IEnumerable<SourceRef> links)
    {
        foreach (var s in links)
            if (!Sources.Exists(x => string.Equals(x.Name, s.Name, StringComparison.OrdinalIgnoreCase))) Sources.Add(s);
    }

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
