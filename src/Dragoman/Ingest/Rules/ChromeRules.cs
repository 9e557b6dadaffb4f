using System.Text.RegularExpressions;

namespace Dragoman.Ingest.Rules;

/// <summary>
/// General rules for site chrome: blocks made only of interface words (logo alt texts, share/follow/subscribe
/// buttons, empty "keywords"/"related" labels, navigation), cookie notices, copyright footers, link menus.
/// Each rule gives the reason the block is dropped.
/// </summary>
public static partial class ChromeRules
{
    // Interface words and the strong ones with their reasons: data/ingest/interface-words.tsv, its source in its header.
    private static readonly Lazy<(HashSet<string> Interface, Dictionary<string, string> Strong)> Words = new(() =>
        ReadInterfaceWords(Path.Combine(AppContext.BaseDirectory, "data", "ingest", "interface-words.tsv")));

    private static HashSet<string> Interface => Words.Value.Interface;
    private static Dictionary<string, string> Strong => Words.Value.Strong;

    internal static (HashSet<string> Interface, Dictionary<string, string> Strong) ReadInterfaceWords(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"the interface words are missing: {path}", path);
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var strong = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        int n = 0;
        foreach (var line in File.ReadLines(path))
        {
            n++;
            if (line.Length == 0 || line[0] == '#') continue;
            var cols = line.Split('\t');
            var word = cols[0].Trim();
            if (cols.Length > 2 || word.Length == 0 || word.Contains(' ') || (cols.Length == 2 && cols[1].Trim().Length == 0))
                throw new InvalidDataException($"{path}:{n}: expected 'word' or 'word<TAB>reason'");
            words.Add(word);
            if (cols.Length == 2) strong[word] = cols[1].Trim();
        }
        return (words, strong);
    }


    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}'’\-]*", RegexOptions.CultureInvariant)]
    private static partial Regex Word();

    [GeneratedRegex(@"\bcookies?\b.{0,200}\b(?:use|uses|using|accept|consent|policy|privacy|experience|agree|settings)\b|\b(?:use|uses|accept|consent to)\b.{0,80}\bcookies?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Cookie();

    [GeneratedRegex(@"^(?:©|\(c\)|copyright\b)|\ball rights reserved\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Copyright();

    [GeneratedRegex(@"^(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?\s*)?(?<name>[^.|,]{2,60}?)\s*(?:[.|,]|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CopyrightHolder();

    [GeneratedRegex(@"^(?:read\s+(?:more|also)|see\s+also|related|more\s+on\s+this|watch|listen)\s*[:>»|\-–]\s*\S", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RelatedLink();

    [GeneratedRegex(@"^\(?(?:photo|image|picture|video|file\s+photo|credit)s?\s*:\s*[^.]{0,80}\)?\.?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PhotoCredit();

    [GeneratedRegex(@"\b(?:subscribe|newsletter|sign\s+up|sign\s+in|log\s+in|follow\s+us|download\s+(?:our|the)\s+app|support\s+our\s+journalism|donate)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Prompt();

    [GeneratedRegex(@"^(?<label>tags|keywords|key\s+words|topics|related\s+topics|filed\s+under|categories)\s*[:：]\s*(?<list>.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex KeywordLine();

    /// <summary>The reason a block is site chrome, or null when it is content.</summary>
    public static string? Classify(string text, double linkDensity = 0)
    {
        var t = text.AsSpan().Trim();
        if (t.IsEmpty) return "empty block";
        int words = 0, interfaceWords = 0;
        string? strong = null;
        foreach (var m in Word().EnumerateMatches(t))
        {
            words++;
            var w = t.Slice(m.Index, m.Length).ToString();
            // "logo-white" counts as its parts.
            var pieces = w.Contains('-') ? w.Split('-', StringSplitOptions.RemoveEmptyEntries) : [w];
            if (pieces.All(Interface.Contains)) interfaceWords++;
            foreach (var piece in pieces) if (strong is null && Strong.TryGetValue(piece, out var r)) strong = r;
            if (words > 12) break;
        }
        if (words == 0) return t.Length <= 3 ? "punctuation-only block" : null;
        if (words <= 8 && interfaceWords == words && strong is not null && t.Length <= 80) return strong;
        var s = t.ToString();
        if (s.Length <= 600 && Cookie().IsMatch(s)) return "cookie notice";
        if (s.Length <= 300 && Copyright().IsMatch(s)) return "copyright footer";
        if (s.Length <= 200 && RelatedLink().IsMatch(s)) return "related-content link";
        if (s.Length <= 120 && PhotoCredit().IsMatch(s)) return "photo credit";
        if (words <= 16 && s.Length <= 140 && Prompt().IsMatch(s) && !EndsLikeProse(s)) return "subscribe or follow prompt";
        if (IsMenu(s)) return "navigation menu";
        if (linkDensity >= 0.8 && words <= 25) return "link list";
        return null;
    }

    private static bool EndsLikeProse(string s) => s.Length > 60 && s.TrimEnd().EndsWith('.') && s.Contains(' ') && char.IsLower(s.TrimEnd()[^2]);

    /// <summary>Four or more short items separated by |, •, · or » (a menu or breadcrumb written out as text).</summary>
    private static bool IsMenu(string s)
    {
        if (s.Length > 300) return false;
        var parts = s.Split(['|', '•', '·', '»', '›'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 4) return false;
        foreach (var p in parts) if (p.Length > 30 || p.Count(c => c == ' ') > 3) return false;
        return true;
    }

    public const string KeywordLabelReason = "label of an empty keywords/related block";

    [GeneratedRegex(@"\b(?:keywords?|tags?|topics?|categories)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KeywordWord();

    /// <summary>True when a label names keywords or tags (not "Related articles").</summary>
    public static bool NamesKeywords(string label) => KeywordWord().IsMatch(label);

    /// <summary>
    /// A bare list of short items ("Syria, Daraa, Islamic State" or "Syria | Daraa"): at least two items of at most four words,
    /// no sentence punctuation. Null when the block reads like prose.
    /// </summary>
    public static IReadOnlyList<string>? BareKeywordList(string text)
    {
        if (text.Length > 300 || text.IndexOfAny(['.', '!', '?', '"', '“']) >= 0 && !text.TrimEnd().EndsWith('.')) return null;
        var items = text.TrimEnd('.').Split([',', ';', '|', '•', '·'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (items.Length < 2 || items.Any(i => i.Split(' ').Length > 4)) return null;
        return SplitKeywords(text.TrimEnd('.'));
    }

    /// <summary>The holder named by a copyright footer ("© 2019 The Daily Example. All rights reserved"), if any.</summary>
    public static string? CopyrightName(string text)
    {
        var m = CopyrightHolder().Match(text.Trim());
        if (!m.Success) return null;
        var name = m.Groups["name"].Value.Trim();
        return name.Length >= 2 && char.IsUpper(name[0]) && !name.StartsWith("All rights", StringComparison.OrdinalIgnoreCase) ? name : null;
    }

    /// <summary>Keywords from a "Tags: a, b" / "Keywords: a; b" line; null when the block is not such a line.</summary>
    public static IReadOnlyList<string>? KeywordList(string text)
    {
        if (text.Length > 400) return null;
        var m = KeywordLine().Match(text.Trim());
        if (!m.Success) return null;
        return SplitKeywords(m.Groups["list"].Value);
    }

    public static IReadOnlyList<string> SplitKeywords(string list) =>
        list.Split([',', ';', '|', '•', '·', '#'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(k => k.Trim('.', '"', '\'', ' '))
            .Where(k => k.Length is > 1 and <= 60)
            .ToList();
}
