using Dragoman.Text.Syntax;

namespace Dragoman.Events;

/// <summary>
/// Deaths and injuries with a non-violent cause ("died in accidents", "were killed by floods", "deaths from cholera"):
/// the CAMEO 2.0 dictionary null-codes a few such causes in single blocks; this reads them, as data
/// (data/events/death-causes.tsv), for every word that tells a death or an injury, so that no armed clash or attack
/// (CAMEO 18x-20x) is coded from it.
/// </summary>
public sealed class DeathCauses
{
    public const string FileName = "death-causes.tsv";

    /// <summary>Prepositions that introduce a death's cause; "after", "during" and "amid" only place it in time ("killed six people after the earthquake").</summary>
    private static readonly string[] CausePrepositions = ["in", "of", "from", "by"];

    private readonly HashSet<string> _deathWords;
    private readonly string[][] _causes;

    private DeathCauses(HashSet<string> deathWords, string[][] causes) { _deathWords = deathWords; _causes = causes; }

    public static Result<DeathCauses> Parse(string tsv)
    {
        var death = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var causes = new List<string[]>();
        foreach (var (line, f) in TsvRows.Read(tsv))
        {
            if (f.Length != 2 || f[1].Trim().Length == 0) return Result<DeathCauses>.Fail($"{FileName}:{line}: expected kind<TAB>words");
            var words = f[1].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            switch (f[0])
            {
                case "death" when words.Length == 1: death.Add(words[0]); break;
                case "cause": causes.Add(words); break;
                default: return Result<DeathCauses>.Fail($"{FileName}:{line}: expected kind 'death' (one word) or 'cause', got '{f[0]}'");
            }
        }
        // longest first, so that "heart attack" is tried before any shorter entry
        return Result<DeathCauses>.Ok(new DeathCauses(death, [.. causes.OrderByDescending(c => c.Length)]));
    }

    private static readonly Lazy<DeathCauses> InstalledFile = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "data", "events", FileName);
        var r = Parse(File.ReadAllText(path));
        return r.IsOk ? r.Value! : throw new InvalidDataException(r.Error);
    });

    /// <summary>The table next to the binary, read once.</summary>
    public static DeathCauses Installed => InstalledFile.Value;

    /// <summary>
    /// Whether the death or injury word at <paramref name="k"/> (its trigger ending at <paramref name="last"/>) has a
    /// non-violent cause: a cause noun in a prepositional phrase of its clause after it, or heading its subject (active verbs).
    /// </summary>
    public bool NonViolent(SentenceView v, int k, int last, Chunk subject)
    {
        if (!_deathWords.Contains(v.Word(k).ToString())) return false;
        if (!subject.IsEmpty && CauseEndingAt(v, subject.End - 1)) return true;
        // the clause after the trigger: up to 10 words, not past clause punctuation, another verb or a relative word
        for (int i = last + 1, end = Math.Min(v.Count, last + 11); i < end; i++)
        {
            if (v.Tags[i] is Tag.Punct or Tag.Verb or Tag.Rel or Tag.Comma) break;
            if (!v.IsAny(i, CausePrepositions)) continue;
            // the prepositional phrase: its words up to the next preposition; a cause noun at its end or right before a
            // following "of"/time word is its head ("in road accidents", "in a mining accident last year")
            for (int j = i + 1; j < Math.Min(v.Count, i + 6); j++)
            {
                if (v.Tags[j] is Tag.Punct or Tag.Verb or Tag.Rel or Tag.Comma or Tag.Prep or Tag.Of or Tag.By or Tag.To) break;
                if (CauseEndingAt(v, j)) return true;
            }
        }
        return false;
    }

    /// <summary>A cause entry whose last word is the token at <paramref name="end"/> (plurals match, as the verb dictionary's words do).</summary>
    private bool CauseEndingAt(SentenceView v, int end)
    {
        foreach (var c in _causes)
        {
            int start = end - c.Length + 1;
            if (start < 0) continue;
            bool ok = true;
            for (int i = 0; i < c.Length && ok; i++) ok = EventCoder.WordMatches(v, start + i, c[i]);
            if (ok) return true;
        }
        return false;
    }
}
