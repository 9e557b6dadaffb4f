using System.Text.RegularExpressions;

namespace Dragoman.Ingest.Rules;

/// <summary>
/// Interface text glued to the start of a body block: a flattened share or counter widget ("18.10.2014 (updated 1041
/// 18.10.2014) Get short URL 0 85 The army said ..."), whose counters the event stage would read as counts. The run is
/// made of dates, bare numbers, brackets and interface words (data/ingest/leading-chrome-words.tsv, `cue`), holds at
/// least one interface word, and ends at the first other word; a bare number just before that word is a counter only
/// when the word opens a sentence (an `opener`: "191 The ..."), else it is the body's own figure ("12 fighters ...").
/// </summary>
public static partial class LeadingChrome
{
    private static readonly Lazy<(HashSet<string> Cues, HashSet<string> Openers)> Words = new(() =>
        Read(Path.Combine(AppContext.BaseDirectory, "data", "ingest", "leading-chrome-words.tsv")));

    internal static (HashSet<string> Cues, HashSet<string> Openers) Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"the leading-chrome words are missing: {path}", path);
        var cues = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var openers = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var cols = line.Split('\t');
            if (cols.Length != 2 || cols[0] is not ("cue" or "opener")) throw new InvalidDataException($"{path}: expected 'cue|opener<TAB>word', got '{line}'");
            (cols[0] == "cue" ? cues : openers).Add(cols[1].Trim());
        }
        return (cues, openers);
    }

    // one token of the run: a date (dd.mm.yyyy), a bare number, a word, or a bracket / separator
    [GeneratedRegex(@"\G\s*(?:(?<date>\d{1,2}[./-]\d{1,2}[./-]\d{2,4})|(?<num>\d+)(?![\p{L}\d.,/:-]\d)|(?<word>\p{L}[\p{L}-]*)|(?<punct>[()\[\]|:·•,-]))", RegexOptions.CultureInvariant)]
    private static partial Regex Token();

    /// <summary>Characters of <paramref name="text"/>'s leading interface run (0 when there is none).</summary>
    public static int Length(string text) => Length(text, Words.Value.Cues, Words.Value.Openers);

    internal static int Length(string text, HashSet<string> cues, HashSet<string> openers)
    {
        int pos = 0, end = 0, cueCount = 0, others = 0;
        int lastNumberStart = -1; // a bare number ending the run so far
        while (Token().Match(text, pos) is { Success: true } m)
        {
            if (m.Groups["word"].Success)
            {
                var w = m.Groups["word"].Value;
                if (!cues.Contains(w))
                {
                    // the body starts here; a number just before it is the body's figure unless the word opens a sentence
                    if (lastNumberStart >= 0 && !(char.IsUpper(w[0]) && openers.Contains(w))) end = lastNumberStart;
                    // one interface word alone ("Share prices fell") is prose: a run needs two, or one with a date or counter
                    return (cueCount >= 2 || cueCount == 1 && others > 0) && end > 0 ? end : 0;
                }
                cueCount++;
                lastNumberStart = -1;
            }
            else if (m.Groups["num"].Success) { lastNumberStart = m.Groups["num"].Index; others++; }
            else if (m.Groups["date"].Success) { lastNumberStart = -1; others++; }
            pos = end = m.Index + m.Length;
        }
        return 0; // the whole block is such a run: the block rules judge it
    }

    /// <summary>The text without its leading interface run (what the intake keeps of a body block that starts with one).</summary>
    public static string Strip(string text) => Length(text) is var n and > 0 ? text[n..].TrimStart() : text;
}
