using System.Text.RegularExpressions;

namespace Dragoman.Ingest.Rules;

/// <summary>The words of photo captions (data/ingest/caption-words.tsv), each phrase lower-cased with single spaces.</summary>
public sealed record CaptionWords(HashSet<string> Labels, HashSet<string> Openers, HashSet<string> Pictures, HashSet<string> Agencies, HashSet<string> Credits)
{
    private static readonly Lazy<CaptionWords> Bundled = new(() => Read(Path.Combine(AppContext.BaseDirectory, "data", "ingest", "caption-words.tsv")));

    public static CaptionWords Installed => Bundled.Value;

    public static CaptionWords Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"the caption words of the ingest stage are missing: {path}", path);
        var words = new CaptionWords([], [], [], [], []);
        int n = 0;
        foreach (var raw in File.ReadLines(path))
        {
            n++;
            if (raw.Length == 0 || raw[0] == '#') continue;
            var fields = raw.TrimEnd('\r').Split('\t');
            if (fields.Length != 2 || fields[0].Trim().Length == 0) throw new InvalidDataException($"{path}:{n}: expected PHRASE<TAB>kind");
            var set = fields[1].Trim() switch
            {
                "label" => words.Labels, "opener" => words.Openers, "picture" => words.Pictures, "agency" => words.Agencies, "credit" => words.Credits,
                _ => throw new InvalidDataException($"{path}:{n}: kind must be label, opener, picture, agency or credit"),
            };
            set.Add(CaptionRules.Normalise(fields[0]));
        }
        return words;
    }
}

/// <summary>
/// Photo captions that survive as lines of text (a plain-text page, or an HTML page whose captions are not in
/// figure/figcaption, which the HTML reader already drops): a line opened by a caption label ("FILE PHOTO: ...",
/// "Pictured: ..."), a line opened by "File photo of ...", a line closed by a picture credit ("... (File photo)",
/// "... (Agency/File)", "... . Jane Roe/Agency"), or a short line that is only a credit ("Agency photo").
/// A caption describes a picture, often of an older scene, yet coders code what it says when it is the only telling: the
/// line stays in the text and is marked (<see cref="Documents.Article.Captions"/>) as a weak telling for the events stage.
/// </summary>
public static partial class CaptionRules
{
    /// <summary>The most words of a closing credit group: more is a clause, not a credit.</summary>
    private const int MaxCreditWords = 6;

    /// <summary>The most words of a line that is only a credit ending in a picture word ("Agency photo").</summary>
    private const int MaxCreditLineWords = 4;

    /// <summary>The longest label before a colon, in characters.</summary>
    private const int MaxLabelLength = 20;

    [GeneratedRegex(@"[\p{L}\p{N}]+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();

    [GeneratedRegex(@"^\(?\s*(?<label>[\p{L} ]+?)\s*[:：]\s*\S", RegexOptions.CultureInvariant)]
    private static partial Regex LabelOpening();

    /// <summary>A picture's file name left in the text ("120301-strike-620.jpg"): the line is the picture's caption.</summary>
    [GeneratedRegex(@"(?:^|\s)[\w.-]+\.(?:jpe?g|png|gif|webp)(?:\s|$)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ImageFileName();

    /// <summary>A caption label with its credit closing the line after a separator ("... officials / Photo: Agency").</summary>
    [GeneratedRegex(@"(?:\s[/|–—-]\s|[.!?]\s)(?<label>[\p{L} ]{1,20}?)\s*[:：]\s*[^.:!?]{1,40}$", RegexOptions.CultureInvariant)]
    private static partial Regex ClosingLabel();

    /// <summary>
    /// A caption's own label in capitals, closed by a full stop, before the sentence ("SCENE OF THE BLAST. Police ..."):
    /// two or more capital words, or one of four letters or more; a one-word abbreviation ("U.") is too short.
    /// </summary>
    [GeneratedRegex(@"^(?<label>\p{Lu}[\p{Lu}\p{N}'’-]+(?: \p{Lu}[\p{Lu}\p{N}'’-]*){0,3})\.\s+\p{Lu}\p{Ll}", RegexOptions.CultureInvariant)]
    private static partial Regex CapitalsLabel();

    internal static string Normalise(string phrase) => string.Join(' ', Words(phrase));

    private static List<string> Words(string text) => Word().Matches(text).Select(m => m.Value.ToLowerInvariant()).ToList();

    /// <summary>Why a line is a photo caption, or null when it is not one.</summary>
    public static string? Classify(string text) => Classify(text, CaptionWords.Installed);

    public static string? Classify(string text, CaptionWords words)
    {
        var t = text.Trim();
        if (t.Length == 0) return null;
        if (LabelOpening().Match(t) is { Success: true } m && m.Groups["label"].Length <= MaxLabelLength
            && words.Labels.Contains(Normalise(m.Groups["label"].Value)))
            return "photo caption (caption label)";
        if (ImageFileName().IsMatch(t)) return "photo caption (image file name)";
        if (CapitalsLabel().Match(t) is { Success: true } caps && (caps.Groups["label"].Value.Contains(' ') || caps.Groups["label"].Length >= 4))
            return "photo caption (capitals label)";
        if (ClosingLabel().Match(t) is { Success: true } closing && words.Labels.Contains(Normalise(closing.Groups["label"].Value)))
            return "photo caption (closing caption label)";
        var lineWords = Words(t);
        if (lineWords.Count is > 0 and <= MaxCreditWords + 2 && t[^1] is not ('.' or '!' or '?') && words.Credits.Any(c => Contains(lineWords, c)))
            return "photo caption (credit line)";
        if (words.Openers.Any(o => StartsWith(lineWords, o))) return "photo caption (opens like a caption)";
        var body = t.TrimEnd('.', ' ');
        if (body.EndsWith(')') && body.LastIndexOf('(') is var open and >= 0)
        {
            var group = Words(body[(open + 1)..]);
            if (group.Count is > 0 and <= MaxCreditWords && HoldsAny(group, words.Pictures)) return "photo caption (closing picture credit)";
        }
        var segment = ClosingSegment(body);
        var credit = Words(segment);
        bool joined = segment.Contains('/') || credit.Contains("via");
        if (credit.Count is > 0 and <= MaxCreditWords && joined && HoldsAny(credit, words.Agencies)) return "photo caption (closing agency credit)";
        if (lineWords.Count is > 0 and <= MaxCreditLineWords && t[^1] is not ('.' or '!' or '?') && words.Pictures.Contains(lineWords[^1]))
            return "photo caption (credit line)";
        return null;
    }

    /// <summary>What follows the line's last sentence end ("... in the capital. Jane Roe/Agency"), or the whole line.</summary>
    private static string ClosingSegment(string body)
    {
        int cut = -1;
        for (int i = body.Length - 2; i > 0; i--)
            if (body[i] == ' ' && body[i - 1] is '.' or '!' or '?' or '”' or '"') { cut = i; break; }
        return cut < 0 ? body : body[(cut + 1)..];
    }

    private static bool Contains(List<string> words, string phrase)
    {
        var parts = phrase.Split(' ');
        for (int i = 0; i + parts.Length <= words.Count; i++)
            if (Enumerable.Range(0, parts.Length).All(k => words[i + k] == parts[k])) return true;
        return false;
    }

    private static bool StartsWith(List<string> words, string phrase)
    {
        var parts = phrase.Split(' ');
        if (parts.Length > words.Count) return false;
        for (int i = 0; i < parts.Length; i++) if (words[i] != parts[i]) return false;
        return true;
    }

    /// <summary>Whether the words hold one of the phrases (one word, or two in a row).</summary>
    private static bool HoldsAny(List<string> words, HashSet<string> phrases)
    {
        for (int i = 0; i < words.Count; i++)
            if (phrases.Contains(words[i]) || (i + 1 < words.Count && phrases.Contains(words[i] + " " + words[i + 1]))) return true;
        return false;
    }
}
