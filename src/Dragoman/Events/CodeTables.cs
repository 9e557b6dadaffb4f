using System.Globalization;
using Dragoman.Documents;

namespace Dragoman.Events;

/// <summary>One CAMEO code with its name, Goldstein score and QuadClass.</summary>
public sealed record CameoCode(string Code, string Name, double? Goldstein, int QuadClass);

/// <summary>An ACLED mapping row for a CAMEO prefix.</summary>
public sealed record AcledRow(string Prefix, string Action, string? EventType, string? SubEventType);

/// <summary>
/// The code tables compiled into data/events: CAMEO names/Goldstein/QuadClass, CAMEO->PLOVER, CAMEO->ACLED (+ action names).
/// Lookups fall back to the parent code (longest known prefix).
/// </summary>
public sealed class CodeTables
{
    private readonly Dictionary<string, CameoCode> _cameo = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Event, string? Mode, string[] Context)> _plover = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AcledRow> _acled = new(StringComparer.Ordinal);

    public int CameoCount => _cameo.Count;

    /// <summary>Codes of force: assault, fight, mass violence (CAMEO roots 18, 19, 20).</summary>
    public static bool IsForce(string code) => code.Length >= 2 && code[..2] is "18" or "19" or "20";

    public static Result<CodeTables> Parse(string cameoCodesTsv, string cameoPloverTsv, string cameoAcledTsv)
    {
        var t = new CodeTables();
        foreach (var f in Rows(cameoCodesTsv))
        {
            if (f.Length < 4) return Result<CodeTables>.Fail($"cameo-codes: a row needs 4 columns: '{string.Join('\t', f)}'");
            double? g = double.TryParse(f[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var gv) ? gv : null;
            t._cameo[f[0]] = new CameoCode(f[0], f[1], g, int.Parse(f[3], CultureInfo.InvariantCulture));
        }
        foreach (var f in Rows(cameoPloverTsv))
        {
            if (f.Length < 2 || f[1].Length == 0) continue;
            var mode = f.Length > 2 && f[2].Trim().Length > 0 ? f[2].Trim() : null;
            var ctx = f.Length > 3 ? f[3].Split([';', ' '], StringSplitOptions.RemoveEmptyEntries) : [];
            t._plover[f[0]] = (f[1].Trim(), mode, ctx);
        }
        foreach (var f in Rows(cameoAcledTsv))
        {
            if (f.Length < 4) return Result<CodeTables>.Fail($"cameo-acled: a row needs 4 columns: '{string.Join('\t', f)}'");
            t._acled[f[0]] = new AcledRow(f[0], f[1], f[2] == "-" ? null : f[2], f[3] == "-" ? null : f[3]);
        }
        return t;
    }

    private static IEnumerable<string[]> Rows(string tsv)
    {
        foreach (var raw in tsv.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#') continue;
            yield return line.Split('\t');
        }
    }

    private static IEnumerable<string> Prefixes(string code)
    {
        for (int n = code.Length; n >= 2; n--) yield return code[..n];
    }

    public CameoCode? Cameo(string code)
    {
        foreach (var p in Prefixes(code)) if (_cameo.TryGetValue(p, out var c)) return c;
        return null;
    }

    public PloverCode? Plover(string code)
    {
        foreach (var p in Prefixes(code))
            if (_plover.TryGetValue(p, out var r)) return new PloverCode(r.Event, r.Mode, r.Context);
        return null;
    }

    public AcledRow? Acled(string code)
    {
        foreach (var p in Prefixes(code)) if (_acled.TryGetValue(p, out var r)) return r;
        return null;
    }

    /// <summary>A plain action name for a code: the ACLED table's action, else the CAMEO name.</summary>
    public string Action(string code) => Acled(code)?.Action ?? Cameo(code)?.Name.ToLowerInvariant() ?? code;

    /// <summary>All codes for a CAMEO code (nulls where a table has no row).</summary>
    public EventCodes Codes(string code, PloverCode? ploverOverride = null)
    {
        var cameo = Cameo(code);
        var acled = Acled(code);
        return new EventCodes(
            code,
            ploverOverride ?? Plover(code),
            acled is { EventType: { } et, SubEventType: { } st } ? new AcledCode(et, st) : null,
            cameo?.QuadClass ?? (int.TryParse(code.AsSpan(0, Math.Min(2, code.Length)), out var root) ? (root <= 5 ? 1 : root <= 8 ? 2 : root <= 13 ? 3 : 4) : null),
            cameo?.Goldstein);
    }
}
