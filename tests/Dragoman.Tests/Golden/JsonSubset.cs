using System.Globalization;
using System.Text.Json.Nodes;

namespace Dragoman.Tests.Golden;

/// <summary>
/// Matches an expected JSON fragment against actual output, so a golden file states only what matters:
/// objects match when every expected key matches; an expected array matches when each of its items matches
/// some actual item (order-free "contains"); strings match exactly, or, when written "~text", as a
/// case-insensitive substring; numbers exactly, or within a range written as the string "a..b";
/// an expected "!absent" value means the key is missing or null.
/// </summary>
public static class JsonSubset
{
    public static IReadOnlyList<string> Mismatches(JsonNode? expected, JsonNode? actual, string path = "$")
    {
        var errors = new List<string>();
        Match(expected, actual, path, errors);
        return errors;
    }

    private static void Match(JsonNode? expected, JsonNode? actual, string path, List<string> errors)
    {
        switch (expected)
        {
            case null:
                if (actual is not null) errors.Add($"{path}: expected null, got {Short(actual)}");
                return;
            case JsonObject eo:
                if (actual is not JsonObject ao) { errors.Add($"{path}: expected an object, got {Short(actual)}"); return; }
                foreach (var (key, value) in eo)
                {
                    if (value is JsonValue v && v.TryGetValue(out string? s) && s == "!absent")
                    {
                        if (ao[key] is not null) errors.Add($"{path}.{key}: expected absent, got {Short(ao[key])}");
                        continue;
                    }
                    if (!ao.ContainsKey(key)) { errors.Add($"{path}.{key}: missing"); continue; }
                    Match(value, ao[key], $"{path}.{key}", errors);
                }
                return;
            case JsonArray ea:
                if (actual is not JsonArray aa) { errors.Add($"{path}: expected an array, got {Short(actual)}"); return; }
                for (int i = 0; i < ea.Count; i++)
                {
                    if (!aa.Any(item => Mismatches(ea[i], item).Count == 0))
                    {
                        // report the closest candidate's differences to make the failure readable
                        var best = aa.Select(item => Mismatches(ea[i], item, $"{path}[?]")).OrderBy(m => m.Count).FirstOrDefault();
                        errors.Add($"{path}: no item matches {Short(ea[i])}" + (best is { Count: > 0 } ? $" (closest: {string.Join("; ", best.Take(3))})" : " (array is empty)"));
                    }
                }
                return;
            case JsonValue ev:
                MatchValue(ev, actual, path, errors);
                return;
        }
    }

    private static void MatchValue(JsonValue expected, JsonNode? actual, string path, List<string> errors)
    {
        if (expected.TryGetValue(out string? s))
        {
            if (s.StartsWith('~'))
            {
                var a = actual is JsonValue av && av.TryGetValue(out string? astr) ? astr : actual?.ToJsonString();
                if (a is null || !a.Contains(s[1..], StringComparison.OrdinalIgnoreCase)) errors.Add($"{path}: expected to contain '{s[1..]}', got {Short(actual)}");
                return;
            }
            int dots = s.IndexOf("..", StringComparison.Ordinal);
            if (dots > 0 && double.TryParse(s[..dots], CultureInfo.InvariantCulture, out var lo) && double.TryParse(s[(dots + 2)..], CultureInfo.InvariantCulture, out var hi))
            {
                if (Number(actual) is not { } d || d < lo || d > hi) errors.Add($"{path}: expected {lo}..{hi}, got {Short(actual)}");
                return;
            }
            if (actual is not JsonValue sv || !sv.TryGetValue(out string? str) || str != s) errors.Add($"{path}: expected '{s}', got {Short(actual)}");
            return;
        }
        if (expected.TryGetValue(out double num))
        {
            if (Number(actual) is not { } d || Math.Abs(d - num) > 1e-9) errors.Add($"{path}: expected {num}, got {Short(actual)}");
            return;
        }
        if (expected.TryGetValue(out bool b))
        {
            if (actual is not JsonValue bv || !bv.TryGetValue(out bool ab) || ab != b) errors.Add($"{path}: expected {b}, got {Short(actual)}");
        }
    }

    // A JsonValue built from an int does not convert to double through TryGetValue: read the number from its JSON.
    private static double? Number(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.Number
            ? double.Parse(v.ToJsonString(), CultureInfo.InvariantCulture)
            : null;

    private static string Short(JsonNode? node)
    {
        var s = node?.ToJsonString() ?? "null";
        return s.Length > 120 ? s[..117] + "..." : s;
    }
}
