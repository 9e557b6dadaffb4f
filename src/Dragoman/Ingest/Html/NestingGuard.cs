namespace Dragoman.Ingest.Html;

/// <summary>
/// Guards the HTML parser against pathological nesting (tens of thousands of unclosed &lt;div&gt;s make parsing take
/// minutes). Start tags nested deeper than <see cref="MaxDepth"/>, and the end tags that close them, are overwritten
/// with spaces: the text inside stays, offsets into the raw text stay valid, the page just gets flatter.
/// </summary>
internal static class NestingGuard
{
    public const int MaxDepth = 256;

    private static readonly HashSet<string> NotCounted = new(StringComparer.OrdinalIgnoreCase)
    {
        // void elements and elements whose end tag is usually left out
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "keygen",
        "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody", "thead", "tfoot", "colgroup", "rb", "rt", "rp", "html", "head", "body",
    };

    private static readonly string[] RawText = ["script", "style", "textarea", "title", "xmp", "plaintext", "noscript", "template"];

    /// <summary>Returns the text unchanged when nesting stays within bounds, else a copy with the excess tags blanked, and how many.</summary>
    public static (string Text, int Blanked, int FirstBlanked) Flatten(string raw)
    {
        char[]? copy = null;
        var stack = new List<string>(64);
        var blankedOpen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        int blanked = 0, first = -1, i = 0, n = raw.Length;
        while (i < n)
        {
            int lt = raw.IndexOf('<', i);
            if (lt < 0 || lt + 1 >= n) break;
            char c = raw[lt + 1];
            if (c == '!')
            {
                int end = raw.AsSpan(lt).StartsWith("<!--") ? raw.IndexOf("-->", lt + 4, StringComparison.Ordinal) : raw.IndexOf('>', lt);
                i = end < 0 ? n : end + 1;
                continue;
            }
            bool closing = c == '/';
            int nameStart = closing ? lt + 2 : lt + 1;
            int j = nameStart;
            while (j < n && (char.IsAsciiLetterOrDigit(raw[j]) || raw[j] is '-' or ':')) j++;
            if (j == nameStart || !char.IsAsciiLetter(raw[nameStart])) { i = lt + 1; continue; }
            var name = raw[nameStart..j].ToLowerInvariant();
            int gt = raw.IndexOf('>', j);
            if (gt < 0) break;
            if (closing)
            {
                if (blankedOpen.TryGetValue(name, out var open) && open > 0)
                {
                    blankedOpen[name] = open - 1;
                    Blank(raw, ref copy, lt, gt);
                    blanked++;
                }
                else
                {
                    int k = stack.LastIndexOf(name);
                    if (k >= 0 && stack.Count - k <= 16) stack.RemoveRange(k, stack.Count - k);
                }
                i = gt + 1;
                continue;
            }
            if (Array.IndexOf(RawText, name) >= 0)
            {
                int close = raw.IndexOf("</" + name, gt + 1, StringComparison.OrdinalIgnoreCase);
                i = close < 0 ? n : close;
                continue;
            }
            bool selfClosing = raw[gt - 1] == '/';
            if (!selfClosing && !NotCounted.Contains(name))
            {
                if (stack.Count >= MaxDepth)
                {
                    Blank(raw, ref copy, lt, gt);
                    blankedOpen[name] = blankedOpen.GetValueOrDefault(name) + 1;
                    if (first < 0) first = lt;
                    blanked++;
                }
                else stack.Add(name);
            }
            i = gt + 1;
        }
        return (copy is null ? raw : new string(copy), blanked, first);
    }

    private static void Blank(string raw, ref char[]? copy, int from, int to)
    {
        copy ??= raw.ToCharArray();
        for (int k = from; k <= to; k++) if (copy[k] != '\n') copy[k] = ' ';
    }
}
