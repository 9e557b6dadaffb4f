using Dragoman.Pipeline;

namespace Dragoman.Geo;

/// <summary>
/// Generic nouns that news text writes after a place's name as part of what it names ("Zamzam camp", "the Beirut port",
/// "the al-Ghab plain"; data/gazetteer/name-nouns.txt), and numbered parts ("Ngarbuh 1"): the mention is the whole
/// phrase, and it is looked up by its head when the gazetteer does not know the phrase itself.
/// </summary>
public static class NameNouns
{
    public static string BundledPath => Path.Combine(PipelineResources.BundledDataDir, "gazetteer", "name-nouns.txt");

    private static readonly Lazy<HashSet<string>> Bundled = new(() => Load(BundledPath));

    /// <summary>The nouns of a list file (one a line, '#' comments); none when it is absent.</summary>
    public static HashSet<string> Load(string path)
    {
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (!File.Exists(path)) return words;
        foreach (var line in File.ReadLines(path))
            if (line.Trim() is { Length: > 0 } w && w[0] != '#') words.Add(w);
        return words;
    }

    public static bool IsNameNoun(string word) => Bundled.Value.Contains(word);

    /// <summary>
    /// Where the phrase that a place name opens ends: after a name noun ("Zamzam" + " camp", "Beirut" + " Port") that is
    /// not followed by "of" ("the X valley of Y" names Y) or by another capitalised word (a name of its
    /// own: "Beirut Airport Hotel"), or after a one-digit numbered part ("Ngarbuh" + " 2") that a number, unit or noun does
    /// not follow. -1 when there is none.
    /// </summary>
    public static int PhraseEnd(string text, int end)
    {
        if (end + 2 > text.Length || text[end] != ' ') return -1;
        int s = end + 1, e = s;
        while (e < text.Length && char.IsLetterOrDigit(text[e])) e++;
        if (e == s) return -1;
        var word = text[s..e];
        int n = e;
        while (n < text.Length && text[n] == ' ') n++;
        int ne = n;
        while (ne < text.Length && char.IsLetterOrDigit(text[ne])) ne++;
        var next = text[n..ne];
        if (word.Length == 1 && word[0] is >= '1' and <= '9')
        {
            // "Ngarbuh 2," / "Ngarbuh 1 and 2": a part's number; "Aleppo 5 km", "Homs 3 killed" are no parts
            if (e < text.Length && text[e] is '.' && e + 1 < text.Length && char.IsDigit(text[e + 1])) return -1;
            return next.Length == 0 || next is "and" or "or" ? e : -1;
        }
        if (!IsNameNoun(word)) return -1;
        if (next.Equals("of", StringComparison.OrdinalIgnoreCase) || (next.Length > 0 && char.IsUpper(next[0]) && n == e + 1)) return -1;
        return e;
    }

    /// <summary>The head of a phrase that ends with a name noun or a numbered part ("Beirut port" -> "Beirut"), or null.</summary>
    public static string? Head(string name)
    {
        int sp = name.LastIndexOf(' ');
        if (sp <= 0) return null;
        var last = name[(sp + 1)..];
        return IsNameNoun(last) || (last.Length == 1 && last[0] is >= '1' and <= '9') ? name[..sp].TrimEnd() : null;
    }
}
