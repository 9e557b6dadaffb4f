using System.Globalization;
using Dragoman.Text.Syntax;

namespace Dragoman.Events.Counts;

/// <summary>A number of people the text states: its bounds, the tokens (local to the sentence) and the counted noun.</summary>
public sealed record CountPhrase(int Min, int? Max, Chunk Tokens, int HeadNoun, bool Approximate);

/// <summary>
/// Reads counts of people with ACLED's conservative rules (docs/event-codes.md, "Counts"):
/// "more than 30" / "over 30" -> min 31; "at least 30" -> 30; "about/around/some/nearly/almost N" -> N (the stated figure);
/// "up to N" -> 1..N; "dozens" -> 12; "a dozen" -> 12; "two dozen" -> 24; "scores" -> 20; "hundreds" -> 100;
/// "thousands" -> 1000; "tens" -> 10 (ACLED's rule as the articles-gold README states it); "tens / hundreds of thousands"
/// -> 10,000 / 100,000 (the vague word multiplies the unit after it); "a number of", "several", "many" -> no count. Digits ("3,000", "1.5 million") and number words
/// ("thirty", "twenty-five", "two hundred") are read.
/// </summary>
public static class CountParser
{
    private static readonly Dictionary<string, int> Units = new(StringComparer.OrdinalIgnoreCase)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9,
        ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15, ["sixteen"] = 16,
        ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50,
        ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
    };

    private static readonly Dictionary<string, int> Vague = new(StringComparer.OrdinalIgnoreCase)
    {
        ["dozens"] = 12, ["scores"] = 20, ["hundreds"] = 100, ["thousands"] = 1000, ["tens"] = 10,
    };

    /// <summary>Nouns that count people; the value is the kind of person ("" when unspecified).</summary>
    public static readonly Dictionary<string, string> PersonNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        ["people"] = "", ["persons"] = "", ["person"] = "", ["individuals"] = "", ["victims"] = "", ["bodies"] = "", ["dead"] = "",
        ["deaths"] = "", ["casualties"] = "", ["detainees"] = "", ["prisoners"] = "", ["captives"] = "", ["hostages"] = "",
        ["civilians"] = "civilian", ["civilian"] = "civilian", ["residents"] = "civilian", ["villagers"] = "civilian",
        ["men"] = "", ["youths"] = "", ["adults"] = "", ["refugees"] = "civilian", ["citizens"] = "civilian", ["inhabitants"] = "civilian", ["martyrs"] = "", ["nationals"] = "", ["worshippers"] = "civilian", ["passengers"] = "civilian", ["students"] = "civilian",
        ["patients"] = "civilian", ["doctors"] = "civilian", ["nurses"] = "civilian", ["medics"] = "civilian",
        ["schoolchildren"] = "child", ["pupils"] = "child", ["children"] = "child", ["child"] = "child", ["kids"] = "child", ["boys"] = "child", ["girls"] = "child", ["minors"] = "child",
        ["women"] = "woman", ["woman"] = "woman",
        ["fighters"] = "combatant", ["fighter"] = "combatant", ["soldiers"] = "combatant", ["soldier"] = "combatant", ["troops"] = "combatant",
        ["militants"] = "combatant", ["rebels"] = "combatant", ["gunmen"] = "combatant", ["jihadists"] = "combatant",
        ["combatants"] = "combatant", ["members"] = "combatant", ["militiamen"] = "combatant", ["insurgents"] = "combatant",
        ["terrorists"] = "combatant", ["personnel"] = "combatant", ["officers"] = "combatant", ["commanders"] = "combatant",
        ["policemen"] = "combatant", ["guards"] = "combatant", ["recruits"] = "combatant", ["extremists"] = "combatant",
    };

    /// <summary>All count phrases in tokens [from, to) of the sentence.</summary>
    public static List<CountPhrase> Find(SentenceView v, int from, int to)
    {
        var found = new List<CountPhrase>();
        from = Math.Max(0, from);
        to = Math.Min(v.Count, to);
        for (int k = from; k < to; k++)
        {
            var c = ParseAt(v, k);
            if (c is null) continue;
            found.Add(c);
            k = c.Tokens.End - 1;
        }
        return found;
    }

    /// <summary>The count phrase whose number starts at or whose modifier starts at <paramref name="k"/>, or null.</summary>
    /// <param name="bareVague">Accept a vague plural with no counted noun ("Dozens were wounded"): only where the caller
    /// knows the phrase stands for people (the victims of a casualty verb).</param>
    public static CountPhrase? ParseAt(SentenceView v, int k, bool bareVague = false)
    {
        int start = k, i = k;
        string mod = "";
        if (v.IsAny(i, "more", "fewer", "less") && v.Is(i + 1, "than")) { mod = v.Word(i).ToString().ToLowerInvariant(); i += 2; }
        else if (v.Is(i, "at") && v.IsAny(i + 1, "least")) { mod = "least"; i += 2; }
        else if (v.Is(i, "no") && v.IsAny(i + 1, "fewer", "less") && v.Is(i + 2, "than")) { mod = "least"; i += 3; }
        else if (v.Is(i, "up") && v.Is(i + 1, "to")) { mod = "upto"; i += 2; }
        else if (v.IsAny(i, "over", "about", "around", "approximately", "some", "nearly", "almost", "roughly")) { mod = v.Word(i).ToString().ToLowerInvariant(); i++; }
        else if (v.Is(i, "an") && v.Is(i + 1, "estimated")) { mod = "about"; i += 2; }
        var n = ReadNumber(v, i, out int after);
        if (n is null)
        {
            if (mod.Length > 0) return null;
            return null;
        }
        var (value, vague) = n.Value;
        if (v.Is(after, "of")) after++;
        // the counted noun: up to three modifiers ("30 Syrian rebels", "six pro-government fighters")
        int head = -1;
        for (int j = after; j < Math.Min(v.Count, after + 4); j++)
        {
            if (PersonNouns.ContainsKey(v.Word(j).ToString()) || IsAgentPlural(v.Word(j))) { head = j; break; }
            // an acronym names the group the counted people belong to ("18 IS jihadists"), whatever the tagger took it for ("is")
            if (IsAcronym(v.Word(j))) continue;
            if (v.TagAt(j) is Tag.Punct or Tag.Comma or Tag.Verb or Tag.Be or Tag.Prep or Tag.By or Tag.To) break;
        }
        // a bare number followed by nothing countable is not a count of people ("2019", "30 km")
        if (head < 0)
        {
            if (vague && !bareVague) return null;
            // "killed 12" / "the death toll rose to 70": caller decides; keep but mark no head
            if (after < v.Count && v.TagAt(after) is Tag.Noun or Tag.Proper) return null;
        }
        int min = value, max = value;
        int? maxOut = vague ? null : max;
        bool approx = false;
        switch (mod)
        {
            case "more": case "over": min = value + 1; maxOut = null; break;
            case "least": maxOut = null; break;
            case "fewer": case "less": min = 1; maxOut = Math.Max(1, value - 1); break;
            case "upto": min = 1; maxOut = value; break;
            case "": break;
            default: approx = true; break;
        }
        int end = head >= 0 ? head + 1 : after;
        return new CountPhrase(min, maxOut, new Chunk(start, end), head, approx || vague);
    }

    /// <summary>Reads a number at <paramref name="i"/>: digits, number words, "a dozen", "two hundred", "3 million", vague plurals.</summary>
    private static (int Value, bool Vague)? ReadNumber(SentenceView v, int i, out int after)
    {
        after = i;
        if (i >= v.Count) return null;
        var w = v.Word(i);
        if (Vague.TryGetValue(w.ToString(), out var vagueValue))
        {
            after = i + 1;
            // "tens of thousands", "hundreds of thousands": the vague figure counts thousands (millions), not people
            if (vagueValue < 1000 && v.Is(i + 1, "of") && v.IsAny(i + 2, "thousands", "millions"))
            {
                vagueValue *= v.Is(i + 2, "thousands") ? 1000 : 1_000_000;
                after = i + 3;
            }
            return (vagueValue, true);
        }
        long value;
        int j = i;
        if (v[i].Kind == Documents.TokenKind.Number)
        {
            var digits = w.ToString().Replace(",", "", StringComparison.Ordinal);
            if (!double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) return null;
            if (d != Math.Floor(d) && !v.IsAny(i + 1, "million", "thousand")) return null;
            // years and ordinals are not counts
            if (digits.Length == 4 && d is >= 1900 and <= 2100 && !v.IsAny(i + 1, "people", "civilians", "fighters", "soldiers", "troops")) return null;
            if (!char.IsDigit(digits[^1])) return null;
            if (IsDayOfMonth(v, i, d)) return null;
            value = (long)d;
            j = i + 1;
        }
        else if (v.IsAny(i, "a", "one") && v.Is(i + 1, "dozen")) { value = 12; j = i + 2; }
        else if (v.IsAny(i, "a") && v.IsAny(i + 1, "hundred", "thousand")) { value = v.Is(i + 1, "hundred") ? 100 : 1000; j = i + 2; }
        else
        {
            var word = w.ToString();
            int dash = word.IndexOf('-');
            if (dash > 0 && Units.TryGetValue(word[..dash], out var tens) && Units.TryGetValue(word[(dash + 1)..], out var unit) && tens >= 20 && unit < 10)
                value = tens + unit;
            else if (Units.TryGetValue(word, out var u)) value = u;
            else return null;
            j = i + 1;
            if (v.Is(j, "dozen")) { value *= 12; j++; }
        }
        if (v.Is(j, "hundred")) { value *= 100; j++; }
        if (v.Is(j, "thousand")) { value *= 1000; j++; }
        else if (v.Is(j, "million")) { value *= 1_000_000; j++; }
        if (value <= 0 || value > int.MaxValue) return null;
        after = j;
        return ((int)value, false);
    }

    private static bool IsAcronym(ReadOnlySpan<char> w)
    {
        if (w.Length is < 2 or > 5) return false;
        foreach (var ch in w) if (!char.IsAsciiLetterUpper(ch)) return false;
        return true;
    }

    /// <summary>
    /// A day of the month, not a count: a number 1-31 written in digits beside a capitalised month name ("June 12",
    /// "2 May", "Aug 1") or followed by a year ("12 2016"), as datelines and "Published ..." lines write dates.
    /// </summary>
    private static bool IsDayOfMonth(SentenceView v, int i, double d)
    {
        if (d is < 1 or > 31) return false;
        if (IsMonthName(v, i - 1) || IsMonthName(v, i + 1)) return true;
        if (i + 1 >= v.Count || v[i + 1].Kind != Documents.TokenKind.Number) return false;
        var next = v.Word(i + 1);
        return next.Length == 4 && int.TryParse(next, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1900 and <= 2100;
    }

    private static bool IsMonthName(SentenceView v, int k)
    {
        if (k < 0 || k >= v.Count) return false;
        var w = v.Word(k);
        return w.Length > 0 && char.IsUpper(w[0]) && (Time.TimeLexicon.Get(w).Kind & (Time.LexKind.Month | Time.LexKind.MonthAbbrev)) != 0;
    }

    /// <summary>Plural agent nouns by their form: activists, protesters, journalists, Iraqis, servicemen, detainees.</summary>
    public static bool IsAgentPlural(ReadOnlySpan<char> w) =>
        w.Length > 5 && (w.EndsWith("ists", StringComparison.OrdinalIgnoreCase) || w.EndsWith("ers", StringComparison.OrdinalIgnoreCase)
            || w.EndsWith("ians", StringComparison.OrdinalIgnoreCase) || w.EndsWith("men", StringComparison.OrdinalIgnoreCase)
            || w.EndsWith("ees", StringComparison.OrdinalIgnoreCase) || w.EndsWith("ants", StringComparison.OrdinalIgnoreCase))
        && !w.EndsWith("meters", StringComparison.OrdinalIgnoreCase) && !w.EndsWith("ometers", StringComparison.OrdinalIgnoreCase)
        && !w.EndsWith("centers", StringComparison.OrdinalIgnoreCase) && !w.EndsWith("numbers", StringComparison.OrdinalIgnoreCase);

    /// <summary>Person kind of the counted noun ("civilian", "child", "woman", "combatant") or null when unspecified.</summary>
    public static string? Who(SentenceView v, CountPhrase c)
    {
        if (c.HeadNoun < 0) return null;
        var kind = PersonNouns.GetValueOrDefault(v.Word(c.HeadNoun).ToString()) ?? "";
        if (kind.Length > 0) return kind;
        // "six civilian people", "12 pro-government fighters" handled by the noun; look at modifiers before the noun
        for (int j = c.Tokens.Start; j < c.HeadNoun; j++)
        {
            if (v.IsAny(j, "civilian")) return "civilian";
            if (v.IsAny(j, "military", "army", "armed", "pro-government", "opposition", "rebel", "regime")) return "combatant";
        }
        return null;
    }
}
