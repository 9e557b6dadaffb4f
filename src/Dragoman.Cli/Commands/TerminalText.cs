using System.Text;

namespace Dragoman.Cli.Commands;

/// <summary>
/// Article text reaches a terminal only with its control characters made visible: an escape sequence in a scraped
/// page must not move the cursor, retitle the window or hide what follows.
/// </summary>
public static class TerminalText
{
    /// <summary>C0 controls (but newline and tab), DEL and C1 controls written as \u escapes; the rest unchanged.</summary>
    public static string Clean(string? text, bool keepLineBreaks = true)
    {
        if (string.IsNullOrEmpty(text)) return "";
        int i = 0;
        while (i < text.Length && !IsUnsafe(text[i], keepLineBreaks)) i++;
        if (i == text.Length) return text;
        var sb = new StringBuilder(text.Length + 16).Append(text, 0, i);
        for (; i < text.Length; i++)
        {
            char c = text[i];
            if (IsUnsafe(c, keepLineBreaks)) sb.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
            else sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>Cleaned and escaped for Spectre markup.</summary>
    public static string Markup(string? text) => Spectre.Console.Markup.Escape(Clean(text));

    private static bool IsUnsafe(char c, bool keepLineBreaks) =>
        (c < 0x20 && !(keepLineBreaks && c is '\n' or '\t')) || (c >= 0x7F && c <= 0x9F);
}
