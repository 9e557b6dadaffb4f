namespace Dragoman.Entities;

/// <summary>
/// The tagger's entity classes (CoNLL-2003's four) and their BILOU encoding.
/// Label 0 is O; for class c (0..3) the labels are B=1+4c, I=2+4c, L=3+4c, U=4+4c.
/// </summary>
public static class NerLabels
{
    public static readonly string[] Classes = ["PER", "ORG", "LOC", "MISC"];
    public const int ClassCount = 4;
    public const int Count = 1 + 4 * ClassCount;
    public const int O = 0;

    public enum Part : byte { O, B, I, L, U }

    public static int Make(Part part, int cls) => part == Part.O ? O : 1 + 4 * cls + ((int)part - 1);

    public static Part PartOf(int label) => label == O ? Part.O : (Part)(1 + (label - 1) % 4);

    public static int ClassOf(int label) => label == O ? -1 : (label - 1) / 4;

    public static int ClassIndex(string cls) => Array.IndexOf(Classes, cls);

    public static string Name(int label) => label == O ? "O" : $"{PartOf(label)}-{Classes[ClassOf(label)]}";

    // Allowed and CanEnd as tables: the tagger asks them Count x Count times per token
    private static readonly bool[] AllowedTable = BuildAllowed();
    private static readonly bool[] CanEndTable = [.. Enumerable.Range(0, Count).Select(l => PartOf(l) is Part.O or Part.L or Part.U)];

    private static bool[] BuildAllowed()
    {
        var t = new bool[Count * Count];
        for (int p = 0; p < Count; p++)
            for (int n = 0; n < Count; n++) t[p * Count + n] = AllowedRule(p, n);
        return t;
    }

    // per label, the labels allowed before / after it, ascending: the decoder loops over these (97 of 289 pairs)
    private static readonly int[][] BeforeTable = [.. Enumerable.Range(0, Count).Select(n => Enumerable.Range(0, Count).Where(p => AllowedRule(p, n)).ToArray())];
    private static readonly int[][] AfterTable = [.. Enumerable.Range(0, Count).Select(p => Enumerable.Range(0, Count).Where(n => AllowedRule(p, n)).ToArray())];

    /// <summary>The labels that may precede <paramref name="next"/>, ascending.</summary>
    public static ReadOnlySpan<int> Before(int next) => BeforeTable[next];

    /// <summary>The labels that may follow <paramref name="prev"/>, ascending.</summary>
    public static ReadOnlySpan<int> After(int prev) => AfterTable[prev];

    /// <summary>Whether <paramref name="next"/> may follow <paramref name="prev"/> in a well-formed BILOU sequence.</summary>
    public static bool Allowed(int prev, int next) => AllowedTable[prev * Count + next];

    private static bool AllowedRule(int prev, int next)
    {
        var pp = PartOf(prev);
        var np = PartOf(next);
        bool open = pp is Part.B or Part.I;
        if (open) return (np is Part.I or Part.L) && ClassOf(next) == ClassOf(prev);
        return np is Part.O or Part.B or Part.U;
    }

    /// <summary>Whether <paramref name="label"/> may end a sentence.</summary>
    public static bool CanEnd(int label) => CanEndTable[label];

    /// <summary>Encodes entity spans (token ranges with a class) as BILOU labels.</summary>
    public static int[] Encode(int length, IEnumerable<TagSpan> spans)
    {
        var labels = new int[length];
        foreach (var s in spans)
        {
            if (s.End - s.Start == 1) { labels[s.Start] = Make(Part.U, s.Class); continue; }
            labels[s.Start] = Make(Part.B, s.Class);
            for (int i = s.Start + 1; i < s.End - 1; i++) labels[i] = Make(Part.I, s.Class);
            labels[s.End - 1] = Make(Part.L, s.Class);
        }
        return labels;
    }

    /// <summary>Decodes BILOU labels to spans leniently: a class change or an O closes an open span.</summary>
    public static List<TagSpan> Decode(ReadOnlySpan<int> labels)
    {
        var spans = new List<TagSpan>();
        int start = -1, cls = -1;
        for (int i = 0; i < labels.Length; i++)
        {
            var part = PartOf(labels[i]);
            int c = ClassOf(labels[i]);
            if (start >= 0 && (part is Part.O or Part.B or Part.U || c != cls))
            {
                spans.Add(new TagSpan(start, i, cls));
                start = -1;
            }
            switch (part)
            {
                case Part.U: spans.Add(new TagSpan(i, i + 1, c)); break;
                case Part.B: start = i; cls = c; break;
                case Part.I or Part.L when start < 0: start = i; cls = c; break;
            }
            if (part == Part.L && start >= 0) { spans.Add(new TagSpan(start, i + 1, cls)); start = -1; }
        }
        if (start >= 0) spans.Add(new TagSpan(start, labels.Length, cls));
        return spans;
    }
}

/// <summary>An entity as a token range [Start, End) of one sentence with its class index (see <see cref="NerLabels.Classes"/>).</summary>
public readonly record struct TagSpan(int Start, int End, int Class);
