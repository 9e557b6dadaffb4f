using System.Text;
using Dragoman.Documents;

namespace Dragoman.Evaluation;

/// <summary>
/// Finds a gold evidence string in the processed text. Reading the page may change whitespace, line breaks and
/// typographic quotes and dashes, so both sides are compared folded (whitespace runs as one space, curly quotes as
/// straight ones, dashes as '-'); every occurrence counts (a lede often repeats the first paragraph).
/// </summary>
public static class EvidenceLocator
{
    public static List<TextSpan> Find(string text, string evidence)
    {
        var (ft, map) = Fold(text);
        var (fe, _) = Fold(evidence.Trim());
        var found = new List<TextSpan>();
        if (fe.Length == 0) return found;
        int at = 0;
        while ((at = ft.IndexOf(fe, at, StringComparison.Ordinal)) >= 0)
        {
            found.Add(new TextSpan(map[at], map[at + fe.Length - 1] + 1));
            at += fe.Length;
        }
        return found;
    }

    /// <summary>The folded text and, for each of its characters, the offset of the original character it came from.</summary>
    private static (string Folded, int[] Map) Fold(string s)
    {
        var sb = new StringBuilder(s.Length);
        var map = new List<int>(s.Length);
        bool space = false;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (char.IsWhiteSpace(c)) { space = sb.Length > 0; continue; }
            if (space) { sb.Append(' '); map.Add(i); space = false; }
            sb.Append(c switch
            {
                '\u2018' or '\u2019' or '\u201B' or '\u2032' => '\'',
                '\u201C' or '\u201D' or '\u201F' or '\u2033' => '"',
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212' => '-',
                _ => c,
            });
            map.Add(i);
        }
        return (sb.ToString(), map.ToArray());
    }
}
