namespace Dragoman.Events;

/// <summary>
/// A noun (or multi-word noun) that names an event: "the release of", "an attack on", "arrest campaign". A noun that
/// names an event only in one construction lists the words that must govern its phrase in <see cref="GovernedBy"/>
/// ("fire" only after "under": "came under heavy fire"); empty when the noun is an event anywhere. Words in
/// <see cref="CancelAfter"/> right after the noun cancel it ("came under fire for his remarks" is criticism).
/// </summary>
public sealed record NominalTrigger(string[] Words, string Code, string OfRole, string[] CancelBefore, string[]? GovernedBy = null, string[]? CancelAfter = null)
{
    public string[] GovernedBy { get; init; } = GovernedBy ?? [];
    public string[] CancelAfter { get; init; } = CancelAfter ?? [];
}

/// <summary>The nominal triggers of data/events/nominal-triggers.tsv and nominal-triggers-derived.tsv, indexed by first word.</summary>
public sealed class NominalTriggers
{
    private readonly Dictionary<string, List<NominalTrigger>> _byFirst = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<NominalTrigger>>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private NominalTriggers() => _lookup = _byFirst.GetAlternateLookup<ReadOnlySpan<char>>();

    public int Count => _byFirst.Values.Sum(l => l.Count);

    /// <summary>Reads the project's list and, when given, the derived list (its words are never in the project's list).</summary>
    public static Result<NominalTriggers> Parse(string tsv, string? derived = null)
    {
        var t = new NominalTriggers();
        foreach (var (name, text) in new[] { ("nominal-triggers", tsv), ("nominal-triggers-derived", derived ?? "") })
        foreach (var (n, f) in TsvRows.Read(text))
        {
            if (f.Length < 3) return Result<NominalTriggers>.Fail($"{name} line {n}: expected noun, code, of_role[, cancel_before[, governed_by[, cancel_after]]]");
            var words = f[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var cancel = f.Length > 3 && f[3] != "-" ? f[3].Split(' ', StringSplitOptions.RemoveEmptyEntries) : [];
            // only the project's list has the construction columns (the derived list's fifth column names its source verb)
            bool own = name == "nominal-triggers";
            var trig = new NominalTrigger(words, f[1].Trim(), f[2].Trim(), cancel, own ? WordsOf(f, 4) : [], own ? WordsOf(f, 5) : []);
            if (!t._byFirst.TryGetValue(words[0], out var list)) t._byFirst[words[0]] = list = [];
            list.Add(trig);
            // longest first so "arrest campaign" wins over "arrest"
            list.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length));
        }
        return t;
    }

    /// <summary>The space-separated words of an optional column ("-" or absent: none).</summary>
    private static string[] WordsOf(string[] fields, int column) =>
        fields.Length > column && fields[column].Trim() is { Length: > 0 } c && c != "-" ? c.Split(' ', StringSplitOptions.RemoveEmptyEntries) : [];

    public List<NominalTrigger>? StartingWith(ReadOnlySpan<char> word) => _lookup.TryGetValue(word, out var l) ? l : null;
}
