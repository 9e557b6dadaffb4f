using Dragoman.Documents;

namespace Dragoman.Time;

/// <summary>Mappings of <see cref="TimePrecision"/> to the codes other datasets use.</summary>
public static class TimePrecisions
{
    /// <summary>ACLED time_precision: 1 the day is known, 2 the week (or a window of days), 3 the month or coarser.</summary>
    public static int ToAcled(TimePrecision precision) => precision switch
    {
        TimePrecision.Day => 1,
        TimePrecision.Week => 2,
        _ => 3,
    };

    /// <summary>Lower-case name used in the public schema: day | week | month | season | year | unknown.</summary>
    public static string Name(TimePrecision precision) => precision.ToString().ToLowerInvariant();
}
