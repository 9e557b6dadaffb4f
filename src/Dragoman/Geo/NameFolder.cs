using Dragoman.Text;
using System.Text;

namespace Dragoman.Geo;

/// <summary>
/// Name keys for gazetteer lookup. Three levels, each looser than the last:
/// <list type="bullet">
/// <item><see cref="Fold"/>: lower case, Latin diacritics removed, apostrophes and ayn/hamza marks dropped,
/// other punctuation to single spaces, Arabic script folded (harakat, tatweel, alef/hamza forms, ta marbuta, alef maqsura).</item>
/// <item><see cref="Canon"/>: <see cref="Fold"/> without Arabic articles (al-, el-, as-, ad-, ...; Arabic "ال") and a leading "the".</item>
/// <item><see cref="Loose"/>: a transliteration skeleton of <see cref="Canon"/>: vowel runs become one vowel,
/// doubled letters collapse, kh/gh/q/sh/th/dh/ph digraphs simplify, a final -h after a vowel goes, and the vowel
/// right after a word's first consonant goes (Hemeimeem, Hmeimim, Khmeimim and Humaymim meet; so do Deraa, Daraa and Dar'a).</item>
/// </list>
/// </summary>
public static class NameFolder
{
    private static readonly string[] LatinMap = BuildLatinMap();

    private static readonly HashSet<string> Articles = new(StringComparer.Ordinal)
    {
        "al", "el", "as", "ad", "ar", "an", "at", "az", "ash", "ath", "adh", "ed", "es", "ez", "er", "en", "et", "ul", "il",
    };

    /// <summary>Whether a folded word is an Arabic article ("al", "el", "ash"), not a name.</summary>
    public static bool IsArticle(string foldedWord) => Articles.Contains(foldedWord);

    /// <summary>Folds case, diacritics, punctuation and Arabic letter forms.</summary>
    public static string Fold(ReadOnlySpan<char> s)
    {
        var sb = new StringBuilder(s.Length);
        bool space = true; // suppress leading separator
        foreach (char c in s)
        {
            if (c < 128)
            {
                if (c is >= 'a' and <= 'z' or >= '0' and <= '9') { sb.Append(c); space = false; }
                else if (c is >= 'A' and <= 'Z') { sb.Append((char)(c + 32)); space = false; }
                else if (c is '\'' or '`') { }
                else if (!space) { sb.Append(' '); space = true; }
                continue;
            }
            if (c is '’' or '‘' or 'ʿ' or 'ʾ' or 'ʻ' or 'ʼ' or '´' or 'ʹ' or '′') continue;
            if (c >= 0x0600 && c <= 0x06FF)
            {
                char a = FoldArabic(c);
                if (a != '\0') { sb.Append(a); space = false; }
                continue;
            }
            if (c < LatinMap.Length && LatinMap[c] is { } mapped)
            {
                if (mapped.Length == 0) continue;
                sb.Append(mapped);
                space = false;
                continue;
            }
            if (char.IsLetterOrDigit(c)) { sb.Append(char.ToLowerInvariant(c)); space = false; }
            else if (char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark) { }
            else if (!space) { sb.Append(' '); space = true; }
        }
        if (sb.Length > 0 && sb[^1] == ' ') sb.Length--;
        return sb.ToString();
    }

    /// <summary>Fold, then drop Arabic articles (as separate words or the Arabic prefix) and a leading "the".</summary>
    public static string Canon(ReadOnlySpan<char> s) => StripArticles(Fold(s));

    public static string StripArticles(string folded)
    {
        if (folded.Length == 0) return folded;
        if (folded.IndexOf(' ') < 0 && !(folded.Length > 3 && folded[0] == 'ا' && folded[1] == 'ل')) return folded; // one word, no article
        var words = folded.Split(' ');
        var kept = new List<string>(words.Length);
        for (int i = 0; i < words.Length; i++)
        {
            var w = words[i];
            if (i == 0 && w == "the" && words.Length > 1) continue;
            if (Articles.Contains(w) && i + 1 < words.Length) continue;
            if (w.Length > 3 && w[0] == 'ا' && w[1] == 'ل') w = w[2..];
            kept.Add(w);
        }
        return kept.Count == 0 ? folded : string.Join(' ', kept);
    }

    /// <summary>
    /// A canon key of two names joined by "and" without the "and" ("sistan and baluchestan" -> "sistan baluchestan"),
    /// or null: news joins such pairs with a hyphen or a slash ("Sistan-Baluchestan", "Bosnia-Herzegovina"), which
    /// fold to a space. The "and" must stand between words, never first or last.
    /// </summary>
    public static string? WithoutAnd(string canon)
    {
        if (!canon.Contains(" and ", StringComparison.Ordinal)) return null;
        var words = canon.Split(' ');
        if (words[0] == "and" || words[^1] == "and") return null;
        return string.Join(' ', words.Where(w => w != "and"));
    }

    /// <summary>Transliteration skeleton of a canon key (see the class summary).</summary>
    public static string Loose(string canon)
    {
        var sb = new StringBuilder(canon.Length);
        int wordStart = 0;
        for (int i = 0; i <= canon.Length; i++)
        {
            if (i == canon.Length || canon[i] == ' ')
            {
                if (i > wordStart)
                {
                    if (sb.Length > 0) sb.Append(' ');
                    LooseWord(canon.AsSpan(wordStart, i - wordStart), sb);
                }
                wordStart = i + 1;
            }
        }
        return sb.ToString();
    }

    private static void LooseWord(ReadOnlySpan<char> w, StringBuilder sb)
    {
        // Arabic-script words are already folded; keep them as they are.
        if (w.Length > 0 && w[0] >= 0x0600 && w[0] <= 0x06FF) { sb.Append(w); return; }
        int start = sb.Length;
        char prev = '\0';
        for (int i = 0; i < w.Length; i++)
        {
            char c = w[i];
            char next = i + 1 < w.Length ? w[i + 1] : '\0';
            char o;
            if (IsVowel(c, i)) o = 'a';
            else if (next == 'h' && c is 'k' or 'g' or 's' or 't' or 'd' or 'p' or 'z')
            {
                o = c switch { 'k' => 'h', 'p' => 'f', _ => c };
                i++;
            }
            else if (c == 'q' || c == 'c' && next != 'h') o = 'k';
            else if (c == 'h' && i == w.Length - 1 && prev == 'a') continue; // -ah / -eh ending
            else o = c;
            if (o == prev) continue; // vowel runs and doubled letters
            sb.Append(o);
            prev = o;
        }
        // drop the vowel right after the first consonant when a consonant follows (Hemeimeem ~ Hmeimim, Deraa ~ Draa)
        if (sb.Length - start >= 4 && sb[start] != 'a' && sb[start + 1] == 'a' && sb[start + 2] != 'a')
            sb.Remove(start + 1, 1);
    }

    private static bool IsVowel(char c, int index) =>
        c is 'a' or 'e' or 'i' or 'o' or 'u' || (c == 'y' && index > 0);

    private static char FoldArabic(char c) => c switch
    {
        >= '\u064B' and <= '\u065F' => '\0', // harakat
        '\u0670' or '\u0640' => '\0',         // superscript alef, tatweel
        '\u0622' or '\u0623' or '\u0625' or '\u0671' => '\u0627', // alef forms
        '\u0629' => '\u0647',                 // ta marbuta -> ha
        '\u0649' => '\u064A',                 // alef maqsura -> ya
        '\u0624' => '\u0648',                 // waw with hamza
        '\u0626' => '\u064A',                 // ya with hamza
        '\u0621' => '\0',                     // lone hamza
        '\u06CC' => '\u064A',                 // Persian ya
        '\u06A9' => '\u0643',                 // keheh
        '\u060C' or '\u061B' or '\u061F' or '\u06D4' => ' ',
        _ => c,
    };

    private static string[] BuildLatinMap()
    {
        var map = new string[0x2000];
        for (int c = 0xC0; c < map.Length; c++) if (LatinLetters.BaseLetter((char)c) is var b and not '\0') map[c] = b.ToString();
        for (int c = 0x0300; c <= 0x036F; c++) map[c] = "";
        void Set(char c, string v) => map[c] = v;
        Set('ß', "ss"); Set('æ', "ae"); Set('Æ', "ae"); Set('ø', "o"); Set('Ø', "o"); Set('đ', "d"); Set('Đ', "d");
        Set('ł', "l"); Set('Ł', "l"); Set('ı', "i"); Set('þ', "th"); Set('Þ', "th"); Set('ð', "d"); Set('Ð', "d");
        Set('œ', "oe"); Set('Œ', "oe"); Set('ħ', "h"); Set('Ħ', "h"); Set('×', " "); Set('÷', " ");
        return map;
    }

    /// <summary>Whether a and b are at most one insertion, deletion or substitution apart: the same answer as
    /// <c>BoundedDistance(a, b, 1) &lt;= 1</c> in one pass over the common prefix, without the table. The fuzzy gazetteer
    /// search asks it of every key of a bucket (thousands a name), where the table's rows were most of the geo stage's CPU.</summary>
    public static bool WithinOneEdit(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length < b.Length) { var t = a; a = b; b = t; } // a is the longer (or as long)
        if (a.Length - b.Length > 1) return false;
        int p = a.CommonPrefixLength(b);
        if (p == b.Length) return true; // equal, or a is b with one char added at the end
        // past the first difference the rest must match: after one substitution, or after a's one extra char
        return a.Length == b.Length ? a[(p + 1)..].SequenceEqual(b[(p + 1)..]) : a[(p + 1)..].SequenceEqual(b[p..]);
    }

    /// <summary>Levenshtein distance, giving up (returning max+1) once it exceeds <paramref name="max"/>.</summary>
    public static int BoundedDistance(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max) return max + 1;
        Span<int> prev = stackalloc int[b.Length + 1];
        Span<int> cur = stackalloc int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) prev[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                cur[j] = Math.Min(Math.Min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (cur[j] < rowMin) rowMin = cur[j];
            }
            if (rowMin > max) return max + 1;
            cur.CopyTo(prev);
        }
        return prev[b.Length];
    }
}
