using System.Text;
using Dragoman.Text;

namespace Dragoman.Actors;

/// <summary>
/// Folds names so that spelling variants meet: case, Latin diacritics, apostrophes and dots dropped,
/// doubled letters collapsed, "ou" read as "u", and the hyphen-attached Arabic article (al-, el-, ul-, as-, ad-,
/// ash-, at-, az-, ar-, an-) read as "al". A token is split at hyphens into parts ("al-Waleed" -> "al", "walid").
/// Both dictionary phrases and text tokens go through the same function, so matching is symmetric.
/// </summary>
public static class NameFolding
{
    private static readonly char[] BaseChar = BuildBaseTable();

    private static char[] BuildBaseTable()
    {
        // string.Normalize does nothing under invariant globalization: the base letters come from a written-out table.
        var table = new char[0x1F00];
        for (int c = 0; c < table.Length; c++)
            table[c] = c >= 0xC0 && LatinLetters.BaseLetter((char)c) is var b and not '\0' ? b : (char)c;
        table[0xDF] = 's'; table[0xC6] = 'A'; table[0xE6] = 'a'; table[0xD8] = 'O'; table[0xF8] = 'o'; table[0x131] = 'i';
        return table;
    }

    private static readonly HashSet<string> HyphenArticles = new(StringComparer.Ordinal)
    { "al", "el", "ul", "as", "ad", "ash", "at", "az", "ar", "an", "adh", "ath", "ez", "es", "ed", "et", "er", "en" };

    /// <summary>
    /// Folds one part (no hyphens) into <paramref name="buffer"/>; returns the folded length (0 when nothing is left).
    /// </summary>
    public static int FoldPart(ReadOnlySpan<char> part, Span<char> buffer)
    {
        int n = 0;
        char prev = '\0';
        for (int i = 0; i < part.Length && n < buffer.Length; i++)
        {
            char c = part[i];
            if (c is '\'' or '’' or '‘' or 'ʼ' or 'ʿ' or 'ʾ' or '`' or '.' or '´') continue;
            if (c < BaseChar.Length) c = BaseChar[c];
            if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark) continue;
            c = char.ToLowerInvariant(c);
            if (c == prev && char.IsLetter(c)) continue; // doubled letters: Hemeimeem ~ Hmeimim, Youssef ~ Yousef
            if (c == 'u' && prev == 'o') { buffer[n - 1] = 'u'; prev = 'u'; continue; } // ou ~ u
            buffer[n++] = c;
            prev = c;
        }
        return n;
    }

    /// <summary>Splits a token or phrase word into folded parts (hyphens and underscores separate parts).</summary>
    public static List<string> FoldWord(ReadOnlySpan<char> word)
    {
        var parts = new List<string>(2);
        Span<char> buf = stackalloc char[64];
        int start = 0;
        int partIndex = 0;
        for (int i = 0; i <= word.Length; i++)
        {
            if (i < word.Length && word[i] is not ('-' or '_' or '‐' or '–' or '/')) continue;
            var raw = word[start..i];
            start = i + 1;
            if (raw.IsEmpty) continue;
            int n = FoldPart(raw.Length > 64 ? raw[..64] : raw, buf);
            if (n == 0) continue;
            var s = new string(buf[..n]);
            bool hyphenFollows = i < word.Length;
            if (hyphenFollows && partIndex == 0 && HyphenArticles.Contains(s)) s = "al";
            parts.Add(s);
            partIndex++;
        }
        return parts;
    }

    /// <summary>Folds a whole phrase (words separated by spaces or underscores) into parts joined by single spaces.</summary>
    public static string FoldPhrase(string phrase)
    {
        var sb = new StringBuilder(phrase.Length);
        foreach (var w in phrase.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var p in FoldWord(w))
            {
                if (sb.Length > 0) sb.Append(' ');
                sb.Append(p);
            }
        }
        return sb.ToString();
    }

    /// <summary>"BASHAR_AL-ASSAD" -> "Bashar al-Assad": a readable name from a dictionary headword.</summary>
    public static string Display(string phrase)
    {
        var words = phrase.Replace('_', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var sb = new StringBuilder();
        for (int w = 0; w < words.Length; w++)
        {
            if (w > 0) sb.Append(' ');
            var word = words[w];
            bool isUpper = word.Any(char.IsLetter) && !word.Any(char.IsLower);
            if (!isUpper) { sb.Append(word); continue; }
            var parts = word.Split('-');
            for (int p = 0; p < parts.Length; p++)
            {
                if (p > 0) sb.Append('-');
                var part = parts[p];
                var lower = part.ToLowerInvariant();
                bool keepCaps = part.Count(char.IsLetter) >= 2 && (part.Length <= 3 && words.Length == 1 || !HasVowel(part))
                    || part.Contains('.');
                if (keepCaps) sb.Append(part);
                else if (w > 0 && p == 0 && lower is "al" or "el" or "bin" or "ibn" or "of" or "the" or "and" or "for" or "in" or "de" or "wa" or "fi" && parts.Length >= 1)
                    sb.Append(lower);
                else if (p == 0 && lower is "al" or "el" && parts.Length > 1)
                    sb.Append(lower);
                else if (lower.Length > 0)
                    sb.Append(char.ToUpperInvariant(lower[0])).Append(lower.AsSpan(1));
            }
        }
        return sb.ToString();
    }

    private static bool HasVowel(string s) => s.Any(c => "AEIOUYaeiouy".Contains(c));
}
