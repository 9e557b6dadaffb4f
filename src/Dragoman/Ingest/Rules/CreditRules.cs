using System.Text.RegularExpressions;
using Dragoman.Documents;
using Dragoman.Time;

namespace Dragoman.Ingest.Rules;

/// <summary>A credit found in a piece of text: role, name, and the span of the name's sentence/line in that text.</summary>
public readonly record struct CreditMatch(string Role, string Name, int Start, int End);

/// <summary>
/// Credit lines: translators ("translated and edited by X"), original outlets ("... reports Y." closing a lede,
/// "(Source: Y)", "Originally published by Y"), bylines ("By X and Z"), and disclaimers.
/// </summary>
public static partial class CreditRules
{
    // A proper name: capitalised words, allowing inner particles (of, al-, bin, the) and a leading "The".
    private const string Name = @"(?<name>(?:[Tt]he\s+)?(?:al-|Al-|el-|El-)?[A-Z][\p{L}\p{N}'’&\-]*(?:\s+(?:(?:of|the|for|al|bin|ibn|de|la|du|and)\s+)?(?:al-|Al-|el-|El-)?[A-Z0-9][\p{L}\p{N}'’&\-]*){0,6})";

    [GeneratedRegex(@"\b(?i:translated|translation)(?:\s+(?i:from)\s+[A-Z]\w+)?(?:\s+(?i:and\s+(?:edited|adapted|abridged)))?\s+(?:(?i:into)\s+English\s+)?(?i:by)\s+" + Name, RegexOptions.CultureInvariant)]
    private static partial Regex Translator();

    [GeneratedRegex(@"\b(?i:edited\s+and\s+translated|English\s+translation)\s+(?i:by)\s+" + Name, RegexOptions.CultureInvariant)]
    private static partial Regex TranslatorAlt();

    // "..., reports Alsouria Net." at the end of a sentence.
    [GeneratedRegex(@"(?:,\s*|\s)(?<verb>reports|reported|writes|wrote|said|says|told|according\s+to|as\s+reported\s+by)\s+" + Name + @"\s*[.!]?[”""’']?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex ClosingOutlet();

    [GeneratedRegex(@"^\(?\s*(?i:source|sources|via|courtesy(?:\s+of)?)\s*[:：]\s*" + Name + @"\s*\)?\.?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex SourceLabel();

    [GeneratedRegex(@"\((?i:source|via)\s*:\s*" + Name + @"\s*\)", RegexOptions.CultureInvariant)]
    private static partial Regex SourceInline();

    [GeneratedRegex(@"\b(?i:(?:originally|first)\s+(?:published|appeared|ran)\s+(?:in|on|by|at))\s+" + Name, RegexOptions.CultureInvariant)]
    private static partial Regex OriginallyPublished();

    [GeneratedRegex(@"^(?i:by|written\s+by|words\s+by|reporting\s+by)\s+(?<names>[A-Z][\p{L}'’\-\.]*(?:\s+(?:al-|el-|bin\s+|de\s+|van\s+)?[A-Z][\p{L}'’\-\.]*){0,4}(?:\s*(?:,|and|&)\s*[A-Z][\p{L}'’\-\.]*(?:\s+(?:al-|el-|bin\s+|de\s+|van\s+)?[A-Z][\p{L}'’\-\.]*){0,4}){0,4})(?<rest>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Byline();

    [GeneratedRegex(@"^(?:The|A|An|This|That|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Then|Now|Late|Early|Mid)\b", RegexOptions.CultureInvariant)]
    private static partial Regex NotAName();

    [GeneratedRegex(@"\b\p{Ll}{4,}\b.*\.$", RegexOptions.CultureInvariant)]
    private static partial Regex ProseTail();

    [GeneratedRegex(@"responsibility\s+for\s+(?:the\s+)?(?:information|content|contents|views|opinions).{0,80}\blies?\b|\b(?:views|opinions)\s+(?:and\s+opinions\s+)?expressed\b.{0,80}\b(?:are\s+(?:solely\s+)?(?:those|the\s+author)|do\s+not\s+necessarily|does\s+not\s+necessarily)|\bdo(?:es)?\s+not\s+necessarily\s+(?:reflect|represent)\b|\bfor\s+(?:general\s+)?information(?:al)?\s+purposes\s+only\b|\bis\s+not\s+responsible\s+for\s+the\s+content", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Disclaimer();

    [GeneratedRegex(@"(?<=[.!?][”""’']?)\s+(?=[\p{Lu}“""'(\d])", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceBreak();

    // Words that make a following name an outlet rather than a person ("said Alsouria Net", "according to SANA").
    [GeneratedRegex(@"\b(?:Net|News|Agency|Times|Post|Observer|Press|TV|Television|Radio|Channel|Daily|Herald|Journal|Gazette|Network|Media|Online|Monitor|Tribune|Telegraph|Guardian|Independent|Review|Report|Wire|Dispatch|Bulletin|Service|Courier|Desk|Chronicle|Mirror|Star|Express|Standard|Voice|Today|Weekly|Magazine|Bureau|Reuters|Bloomberg|Xinhua|Anadolu|Interfax|TASS|Sputnik|Al[- ]\p{Lu}\w+)\b|^[A-Z]{2,6}$", RegexOptions.CultureInvariant)]
    private static partial Regex OutletCue();

    [GeneratedRegex(@"[\s,;:\-–—|]+(?:the|of|for|and|al|bin|ibn|de|la|du)?$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingJunk();

    // Explicit forms only ("Jane" is no month); "May", "Sun" and "Sat" are left out because names and outlets use them.
    [GeneratedRegex(@"^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|January|February|March|April|June|July|August|September|October|November|December|Jan|Feb|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Today|Tonight|Yesterday|Tomorrow|Earlier|Later)\.?$", RegexOptions.CultureInvariant)]
    private static partial Regex CalendarWord();

    private static string Clean(string name)
    {
        name = name.Trim();
        // Calendar words are not part of a name: "said Sunday", "Catholic News Agency Feb".
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        while (words.Count > 0 && CalendarWord().IsMatch(words[^1])) words.RemoveAt(words.Count - 1);
        while (words.Count > 0 && CalendarWord().IsMatch(words[0])) words.RemoveAt(0);
        name = string.Join(' ', words);
        if (name.StartsWith("the ", StringComparison.Ordinal)) name = name[4..];
        for (int i = 0; i < 3; i++) name = TrailingJunk().Replace(name, "").Trim();
        return name.TrimEnd('.', ',', '’', '\'', '”', '"');
    }

    /// <summary>Sentence ranges of a block, by a light splitter (enough for credit and disclaimer lines).</summary>
    public static IEnumerable<(int Start, int End)> Sentences(string text)
    {
        int start = 0;
        foreach (Match m in SentenceBreak().Matches(text))
        {
            yield return (start, m.Index);
            start = m.Index + m.Length;
        }
        if (start < text.Length) yield return (start, text.Length);
    }

    /// <summary>Disclaimer sentences as ranges of the block text.</summary>
    public static List<(int Start, int End)> Disclaimers(string text)
    {
        var list = new List<(int, int)>();
        if (!Disclaimer().IsMatch(text)) return list;
        foreach (var (s, e) in Sentences(text))
            if (Disclaimer().IsMatch(text.AsSpan(s, e - s).ToString())) list.Add((s, e));
        return list;
    }

    /// <summary>Translator and "originally published" credits anywhere in a block; "(Source: Y)" inline.</summary>
    public static IEnumerable<CreditMatch> Credits(string text) => AllCredits(text).DistinctBy(c => (c.Role, c.Name));

    private static IEnumerable<CreditMatch> AllCredits(string text)
    {
        foreach (Match m in Translator().Matches(text)) yield return Make(CreditRole.Translator, m, text);
        foreach (Match m in TranslatorAlt().Matches(text)) yield return Make(CreditRole.Translator, m, text);
        foreach (Match m in OriginallyPublished().Matches(text)) yield return Make(CreditRole.OriginalOutlet, m, text);
        foreach (Match m in SourceInline().Matches(text)) yield return Make(CreditRole.OriginalOutlet, m, text);
    }

    private static CreditMatch Make(string role, Match m, string text)
    {
        var (s, e) = SentenceAround(text, m.Index);
        return new CreditMatch(role, Clean(m.Groups["name"].Value), s, e);
    }

    private static (int, int) SentenceAround(string text, int index)
    {
        foreach (var (s, e) in Sentences(text)) if (index >= s && index < e) return (s, e);
        return (0, text.Length);
    }

    /// <summary>"Source: Y" or "(Source: Y)" making up a whole short block.</summary>
    public static CreditMatch? SourceLine(string text)
    {
        if (text.Length > 100) return null;
        var m = SourceLabel().Match(text);
        return m.Success ? new CreditMatch(CreditRole.OriginalOutlet, Clean(m.Groups["name"].Value), 0, text.Length) : null;
    }

    private static readonly string[] OutletVerbs = ["report", "writes", "wrote", "said", "says", "told", "according"];

    private static bool HasOutletVerb(ReadOnlySpan<char> tail)
    {
        foreach (var v in OutletVerbs) if (tail.Contains(v, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>
    /// The outlet named at the close of a lede sentence ("... in the south reports Alsouria Net."). With "reports"/"writes"
    /// any proper name counts; with "said"/"according to" the name must look like an outlet (so "said John Smith" is no outlet).
    /// </summary>
    public static CreditMatch? ClosingOutletOf(string paragraph)
    {
        foreach (var (s, e) in Sentences(paragraph))
        {
            // The credit closes the sentence: only its last 120 characters can hold it.
            int from = Math.Max(s, e - 120);
            if (!HasOutletVerb(paragraph.AsSpan(from, e - from))) continue;
            var m = ClosingOutlet().Match(paragraph, from, e - from);
            if (!m.Success) continue;
            var name = Clean(m.Groups["name"].Value);
            if (name.Length < 2) continue;
            var verb = m.Groups["verb"].Value;
            bool outletVerb = verb is "reports" or "reported" or "writes" or "wrote" || verb.StartsWith("as ", StringComparison.Ordinal);
            if (!outletVerb && !OutletCue().IsMatch(name)) continue;
            if (verb == "told" && !OutletCue().IsMatch(name)) continue;
            if (name.StartsWith("the ", StringComparison.Ordinal)) name = name[4..];
            return new CreditMatch(CreditRole.OriginalOutlet, name, s, e);
        }
        return null;
    }

    /// <summary>Author names of a byline block ("By Jane Doe and Sami Haddad, Beirut"); null when the block is no byline.</summary>
    public static IReadOnlyList<string>? BylineNames(string text, bool markedAsByline = false)
    {
        var t = text.Trim();
        if (t.Length > 140) return null;
        var m = Byline().Match(t);
        if (!m.Success)
        {
            if (!markedAsByline) return null;
            // A block the page marks as author/byline without "By": take it whole when it is name-like.
            var words = t.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length is 0 or > 6 || !words.All(w => char.IsUpper(w[0]) || w is "al-" or "bin" or "and" or "de")) return null;
            return [t];
        }
        var rest = m.Groups["rest"].Value.Trim();
        // After the names only a place, an outlet, a date or separators may follow.
        if (rest.Length > 0 && !(rest[0] is ',' or ';' or '|' or '-' or '–' or '—' or '(' or '/' or '·' || rest.StartsWith("in ", StringComparison.OrdinalIgnoreCase)
                                 || rest.StartsWith("for ", StringComparison.OrdinalIgnoreCase)))
            return null;
        if (rest.Length > 60 || ProseTail().IsMatch(rest) && Datelines.Find(rest) is null) return null;
        if (NotAName().IsMatch(m.Groups["names"].Value)) return null;
        // "X and Y" joins names; after a comma a single word is a place or an outlet ("By X, Beirut"), not a name.
        var names = new List<string>();
        var commaParts = m.Groups["names"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        for (int i = 0; i < commaParts.Length; i++)
        {
            if (i > 0 && !commaParts[i].Contains(' ')) continue;
            foreach (var n in commaParts[i].Split([" and ", " And ", "&"], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                if (Clean(n) is { Length: > 1 } c && Datelines.Find(c) is null) names.Add(c);
        }
        return names.Count > 0 ? names : null;
    }
}
