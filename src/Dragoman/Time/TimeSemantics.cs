namespace Dragoman.Time;

/// <summary>Which side of the reference date an underspecified expression lies on.</summary>
internal enum Dir : byte { Unknown, Past, Future }

/// <summary>Position inside a calendar unit ("early August", "the end of 1990").</summary>
internal enum Mod : byte { None, Start, Early, Mid, Late, End, FirstHalf, SecondHalf, BeforeRef, AfterRef }

/// <summary>What a matched expression means, before it is resolved against a reference date.</summary>
internal abstract class Sem;

/// <summary>
/// A calendar value, absolute or partial ("August", "4 August 2018", "the third quarter"), or anchored on the
/// reference by a unit offset ("last week": RelUnit Week, RelOffset -1).
/// </summary>
internal sealed class CalSem : Sem
{
    public Gran Gran;
    public int? Year, Month, Day, Weekday, Quarter, Half, Season, Decade, Century;
    public int PartOfDay; // 1 MO, 2 AF, 3 EV, 4 NI, 5 noon, 6 midnight, 7 dawn
    public int? Hour, Minute;
    public Mod Mod;
    /// <summary>Direction given by the words themselves: "last"/"previous" Past, "next"/"coming" Future.</summary>
    public Dir WordDir;
    /// <summary>"this Friday", "this summer": the occurrence nearest the reference in the current unit.</summary>
    public bool This;
    public Gran RelUnit;
    public int RelOffset;
    public bool Relative => RelUnit != Gran.None;
    /// <summary>"the quarter", "the latest quarter": the last completed quarter before the reference.</summary>
    public bool LatestCompleted;
    public bool YearEarlierOfContext;
    /// <summary>A day that closes a reported period ("the quarter ended Sept. 30").</summary>
    public bool EndsPeriod;
    /// <summary>"a year earlier" in a clause that names the day its period closed: a year before that day.</summary>
    public bool AfterPeriodEnd;
    /// <summary>Anchored on the last date the text narrated, not on the reference: "the following day", "that year".</summary>
    public bool Anaphoric;
    /// <summary>Year relative to the reference for a value whose other fields come from context ("last year's quarter").</summary>
    public int? YearOffsetFromRef;
    public string? Holiday; // "ramadan", "eid-fitr", "eid-adha", "christmas"
}

/// <summary>"two days ago", "six months ago", "a year earlier": a point at an offset from the reference.</summary>
internal sealed class OffsetSem : Sem
{
    public Gran Unit;
    public int? N; // null: a few
    public int Sign;
    public bool Approx;
}

/// <summary>An anchored duration: "the last two weeks", "the past few days", "in recent days", "the coming weeks".</summary>
internal sealed class PeriodSem : Sem
{
    public Gran Unit;
    public int? N;
    public int Sign;
    public bool Recent; // "recent weeks": a DATE with PAST_REF value
}

/// <summary>A bare duration ("three years", "about a month"): not a position on the calendar.</summary>
internal sealed class DurSem : Sem
{
    public Gran Unit;
    public int? N;
}

internal sealed class RefSem(string value) : Sem
{
    public string Value { get; } = value;
}

internal sealed class SetSem(string value) : Sem
{
    public string Value { get; } = value;
}

internal sealed class RangeSem(CalSem from, CalSem to) : Sem
{
    public CalSem From { get; } = from;
    public CalSem To { get; } = to;
}
