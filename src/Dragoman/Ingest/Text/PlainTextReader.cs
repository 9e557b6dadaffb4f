using System.Text;

namespace Dragoman.Ingest.Text;

/// <summary>
/// Splits plain text into blocks: every non-empty line is a block, except that hard-wrapped lines of one
/// paragraph (a blank-line separated group whose lines break at 40-100 characters mid-sentence, where the next line's
/// first word would not have fitted) are joined.
/// Each block keeps a map from its characters to the raw text, so dropped sentences point back exactly.
/// </summary>
internal static class PlainTextReader
{
    public static PageParts Read(string raw)
    {
        var parts = new PageParts { RawText = raw, FirstBlockMayBeTitle = true };
        var group = new List<(int Start, int End)>();
        int pos = 0;
        while (pos <= raw.Length)
        {
            int nl = raw.IndexOf('\n', pos);
            int end = nl < 0 ? raw.Length : nl;
            var (s, e) = Trim(raw, pos, end);
            if (e > s) group.Add((s, e));
            else { Flush(raw, group, parts); group.Clear(); }
            if (nl < 0) break;
            pos = nl + 1;
        }
        Flush(raw, group, parts);
        return parts;
    }

    private static (int, int) Trim(string raw, int s, int e)
    {
        while (s < e && (char.IsWhiteSpace(raw[s]) || raw[s] == '\uFEFF')) s++;
        while (e > s && char.IsWhiteSpace(raw[e - 1])) e--;
        return (s, e);
    }

    private static void Flush(string raw, List<(int Start, int End)> lines, PageParts parts)
    {
        if (lines.Count == 0) return;
        bool wrappedGroup = lines.Count >= 3 && lines.Take(lines.Count - 1).All(l => l.End - l.Start is >= 40 and <= 100);
        // the group's wrap width: a line without a sentence mark was wrapped only when the next line's first word would
        // not have fitted on it; otherwise it is a line of its own ("Headline\nBody ..." on an unwrapped page)
        int width = lines.Max(l => l.End - l.Start);
        var current = new List<(int, int)> { lines[0] };
        for (int i = 1; i < lines.Count; i++)
        {
            var prev = lines[i - 1];
            int len = prev.End - prev.Start;
            bool nextWordFits = len + 1 + FirstWordLength(raw, lines[i]) <= width;
            bool merge = wrappedGroup || (len is >= 40 and <= 100
                && ((!EndsSentence(raw, prev.End) && !nextWordFits) || char.IsLower(raw[lines[i].Start])));
            if (!merge)
            {
                Emit(raw, current, parts);
                current = [];
            }
            current.Add(lines[i]);
        }
        Emit(raw, current, parts);
    }

    private static int FirstWordLength(string raw, (int Start, int End) line)
    {
        int i = line.Start;
        while (i < line.End && !char.IsWhiteSpace(raw[i])) i++;
        return i - line.Start;
    }

    private static bool EndsSentence(string raw, int end) => raw[end - 1] is '.' or '!' or '?' or ':' or '"' or '”' or '’' or ')';

    private static void Emit(string raw, List<(int Start, int End)> segments, PageParts parts)
    {
        var sb = new StringBuilder();
        var map = new List<int>();
        var kind = BlockKind.Paragraph;
        int first = segments[0].Start;
        // A Markdown heading marker is not text.
        if (raw[first] == '#')
        {
            int h = first;
            while (h < segments[0].End && raw[h] == '#') h++;
            if (h < segments[0].End && raw[h] == ' ' && h - first <= 6)
            {
                kind = parts.Blocks.Count == 0 && h - first == 1 ? BlockKind.Title : BlockKind.Heading;
                segments[0] = (h + 1, segments[0].End);
            }
        }
        int pendingSpace = -1;
        foreach (var (s, e) in segments)
        {
            if (sb.Length > 0 && pendingSpace < 0) pendingSpace = s - 1;
            for (int i = s; i < e; i++)
            {
                char c = raw[i];
                if (char.IsWhiteSpace(c) || c == '\u200B' || c == '\uFEFF') { if (pendingSpace < 0 && sb.Length > 0) pendingSpace = i; continue; }
                if (pendingSpace >= 0 && sb.Length > 0) { sb.Append(' '); map.Add(pendingSpace); }
                pendingSpace = -1;
                sb.Append(c);
                map.Add(i);
            }
        }
        if (sb.Length == 0) return;
        parts.Blocks.Add(new Block(sb.ToString(), segments[0].Start, segments[^1].End, kind, map.ToArray()));
    }
}
