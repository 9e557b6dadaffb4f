using System.Data.Common;
using Dragoman.Merge;

namespace Dragoman.Storage;

/// <summary>
/// An incident row as every provider selects and reads it: <see cref="Columns"/> from <c>incidents i</c>, then one more
/// column, the incident's outlets joined with "; " (each provider aggregates them its own way).
/// </summary>
public static class IncidentRows
{
    public const string Columns =
        "i.id, i.action, i.family, i.day_lo, i.day_hi, i.date_basis, i.place_name, i.lat, i.lon, i.place_precision, i.country, i.admin1, " +
        "i.killed_min, i.killed_max, i.fatalities, i.reports, i.articles, i.outlets, i.first_reported, i.last_reported";

    public static IncidentSummary Read(DbDataReader r)
    {
        int i = 0;
        string? NStr() { int at = i++; return r.IsDBNull(at) ? null : r.GetString(at); }
        int? NInt() { int at = i++; return r.IsDBNull(at) ? null : r.GetInt32(at); }
        double? NDbl() { int at = i++; return r.IsDBNull(at) ? null : r.GetDouble(at); }
        long id = r.GetInt64(i++);
        var facts = new IncidentFacts
        {
            Action = r.GetString(i++), Family = NStr(), DayLo = NInt(), DayHi = NInt(), DateBasis = r.GetString(i++),
            PlaceName = NStr(), Lat = NDbl(), Lon = NDbl(), Precision = NStr(), Country = NStr(), Admin1 = NStr(),
            KilledMin = NInt(), KilledMax = NInt(), Fatalities = NInt(), Reports = r.GetInt32(i++), Articles = r.GetInt32(i++), Outlets = r.GetInt32(i++),
            FirstReported = NStr(), LastReported = NStr(),
        };
        var outlets = (NStr() ?? "").Split("; ", StringSplitOptions.RemoveEmptyEntries);
        return new IncidentSummary(id, facts, outlets);
    }
}
