namespace Dragoman.Events;

/// <summary>A noun (or multi-word noun) that names an event: "the release of", "an attack on", "arrest campaign".</summary>
public sealed record NominalTrigger(string[] Words, string Code, string OfRole, string[] CancelBefore);

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
            if (f.Length < 3) return Result<NominalTriggers>.Fail($"{name} line {n}: expected noun, code, of_role[, cancel_before]");
            var words = f[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var cancel = f.Length > 3 && f[3] != "-" ? f[3].Split(' ', StringSplitOptions.RemoveEmptyEntries) : [];
            var trig = new NominalTrigger(words, f[1].Trim(), f[2].Trim(), cancel);
            if (!t._byFirst.TryGetValue(words[0], out var list)) t._byFirst[words[0]] = list = [];
            list.Add(trig);
            // longest first so "arrest campaign" wins over "arrest"
            list.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length));
        }
        return t;
    }

    public List<NominalTrigger>? StartingWith(ReadOnlySpan<char> word) => _lookup.TryGetValue(word, out var l) ? l : null;
}
