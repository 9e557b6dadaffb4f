namespace Dragoman.Documents;

/// <summary>One token: a span into the text. Kept as a struct in a flat array.</summary>
public readonly record struct Token(int Start, int End, TokenKind Kind)
{
    public TextSpan Span => new(Start, End);
}

public enum TokenKind : byte { Word, Number, Punctuation, Symbol }

/// <summary>One sentence: its span and its token range [FirstToken, FirstToken + TokenCount).</summary>
public readonly record struct Sentence(int Start, int End, int FirstToken, int TokenCount)
{
    public TextSpan Span => new(Start, End);
    public int EndToken => FirstToken + TokenCount;
}

/// <summary>A named-entity mention found by a recogniser. <see cref="EntityId"/> is set by linking.</summary>
public sealed class Mention
{
    public required TextSpan Span { get; init; }
    public required EntityType Type { get; set; }
    public required string Text { get; init; }
    /// <summary>The component that produced the mention (for evidence).</summary>
    public required string Source { get; init; }
    public double Confidence { get; init; } = 1.0;
    public string? EntityId { get; set; }
}

/// <summary>An actor code in CAMEO/PLOVER style: country and sector/agent parts, e.g. SYR + GOV + MIL.</summary>
public sealed record ActorCode(string Code, string? Country, string? Sector, string Dictionary);

/// <summary>A fact about an entity stated by the text (a role or title, an origin), with its evidence.</summary>
public sealed record EntityAttribute(string Kind, string Value, TextSpan Evidence);

/// <summary>One real-world thing the article names, possibly several times and under several names.</summary>
public sealed class Entity
{
    public required string Id { get; init; }
    public required EntityType Type { get; set; }
    public required string Name { get; set; }
    public List<string> Aliases { get; } = [];
    public List<int> MentionIndexes { get; } = [];
    public ActorCode? Actor { get; set; }
    public List<EntityAttribute> Attributes { get; } = [];
    /// <summary>Index into <see cref="Document.Places"/> when the entity is a resolved place.</summary>
    public int? PlaceIndex { get; set; }
}

/// <summary>ACLED-style place precision: 1 exact site, 2 near or part of, 3 region/province, plus country.</summary>
/// <summary>Precision of a place; Unknown for a place left as text (no coordinates).</summary>
public enum PlacePrecision { Unknown = 0, Exact = 1, Near = 2, Region = 3, Country = 4 }

/// <summary>A place mention resolved to a gazetteer entry (or left unresolved with candidates).</summary>
public sealed class PlaceResolution
{
    public required TextSpan Span { get; init; }
    public required string Text { get; init; }
    public string? GeonameId { get; init; }
    public string? Name { get; init; }
    public double? Lat { get; init; }
    public double? Lon { get; init; }
    public string? Country { get; init; }
    public string? Admin1 { get; init; }
    public string? Admin2 { get; init; }
    public string? Feature { get; init; }
    public PlacePrecision Precision { get; init; } = PlacePrecision.Exact;
    public double Confidence { get; init; }
    /// <summary>Anchor phrase ("north of", "near") that lowered the precision, if any.</summary>
    public string? Relation { get; init; }
    public IReadOnlyList<string> Candidates { get; init; } = [];
    public bool IsResolved => GeonameId is not null;
}

/// <summary>Granularity of a time value; never finer than the text supports.</summary>
public enum TimePrecision { Day, Week, Month, Season, Year, Unknown }

/// <summary>
/// A temporal expression normalised against the reference date. When the reference is unknown,
/// <see cref="Start"/>/<see cref="End"/> are null and <see cref="Relative"/> says where it lies relative to publication.
/// </summary>
public sealed class TimeExpression
{
    public required TextSpan Span { get; init; }
    public required string Text { get; init; }
    /// <summary>TIMEX3 type: DATE, TIME, DURATION, SET.</summary>
    public string Type { get; init; } = "DATE";
    /// <summary>TIMEX3-style value (e.g. 2019-W05, 2018-08, P2W, PRESENT_REF).</summary>
    public string? Value { get; init; }
    public DateOnly? Start { get; init; }
    public DateOnly? End { get; init; }
    public TimePrecision Precision { get; init; } = TimePrecision.Unknown;
    /// <summary>Offset relative to publication when no reference date is known (e.g. "-P2W..P0D").</summary>
    public string? Relative { get; init; }
}

/// <summary>One link in an attribution chain.</summary>
public static class SourceKind
{
    public const string Anonymous = "anonymous";
    public const string Named = "named";
    public const string Outlet = "outlet";
    public const string Translator = "translator";
    public const string Author = "author";
}

public sealed record SourceRef(string Kind, string Name, string? Location, TextSpan? Evidence, string? EntityId = null);

/// <summary>Who says a stretch of text: the chain from the nearest source outward.</summary>
public sealed class Attribution
{
    /// <summary>The text the attribution covers (a sentence or clause).</summary>
    public required TextSpan Scope { get; init; }
    /// <summary>The cue ("said", "according to"), if any.</summary>
    public TextSpan? Cue { get; init; }
    public required IReadOnlyList<SourceRef> Chain { get; init; }
}
