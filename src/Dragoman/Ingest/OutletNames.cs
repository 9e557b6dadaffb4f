using System.Net;

namespace Dragoman.Ingest;

/// <summary>
/// The outlet a page's address names, for pages whose input gives no publisher: the registrable label of the address's
/// host ("english.aawsat.com" -> "aawsat", "cdn.saudigazette.com.sa" -> "saudigazette"), written as the page itself
/// writes it. A run of the page's words whose letters spell the label ("Bangkok Post" for "bangkokpost", "Al Jazeera"
/// for "aljazeera", "Kurdistan 24") is the name; else the label is split into words the page uses ("dabangasudan" ->
/// "Dabanga Sudan", "premiumtimesng" -> "Premium Times NG"); else the label itself. No list of outlets: the name comes
/// from the address and the page. Hosts that name no outlet (IP addresses, reserved names such as ".invalid",
/// "example.org", "localhost") give none.
/// </summary>
public static class OutletNames
{
    /// <summary>Second-level labels under which country registries sell names ("co.uk", "com.sa"): data/ingest/second-level-domains.txt.</summary>
    private static readonly Lazy<HashSet<string>> SecondLevel = new(() => ReadLabels(Path.Combine(AppContext.BaseDirectory, "data", "ingest", "second-level-domains.txt")));

    private static HashSet<string> ReadLabels(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"the second-level domain labels are missing: {path}", path);
        return File.ReadLines(path).Select(l => l.Trim()).Where(l => l.Length > 0 && l[0] != '#').ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Top-level and second-level names reserved for tests and examples (RFC 2606, RFC 6761): they name no outlet.</summary>
    private static bool IsReserved(string[] labels) =>
        labels[^1] is "invalid" or "test" or "example" or "localhost" or "local"
        || labels.Length >= 2 && labels[^2] == "example" && labels[^1] is "com" or "net" or "org";

    /// <summary>The registrable label of an http(s) address's host, lower case; null for hosts that name no outlet.</summary>
    public static string? Label(string? address)
    {
        if (string.IsNullOrWhiteSpace(address) || !Uri.TryCreate(address.Trim(), UriKind.Absolute, out var uri)) return null;
        if (uri.Scheme is not ("http" or "https") || uri.HostNameType != UriHostNameType.Dns) return null;
        var host = uri.IdnHost.TrimEnd('.').ToLowerInvariant();
        if (IPAddress.TryParse(host, out _)) return null;
        var labels = host.Split('.', StringSplitOptions.RemoveEmptyEntries);
        if (labels.Length < 2 || IsReserved(labels)) return null;
        int i = labels.Length - 2;
        // "co.uk", "com.sa": a registry's second level under a country code is no outlet's name
        if (i > 0 && labels[^1].Length == 2 && SecondLevel.Value.Contains(labels[i])) i--;
        return labels[i];
    }

    /// <summary>The outlet an address names, written as <paramref name="pageText"/> writes it where it does; null when the address names none.</summary>
    public static string? FromAddress(string? address, IEnumerable<string> pageText)
    {
        if (Label(address) is not { } label) return null;
        var words = Words(pageText);
        var parts = label.Split('-', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0) return null;
        if (Spelled(words, string.Concat(parts)) is { } run) return run;
        if (Abbreviated(words, string.Concat(parts)) is { } name) return name;
        return string.Join(" ", parts.Select(p => Spelled(words, p) ?? Split(words, p)));
    }

    /// <summary>The page's words, in order (letters and digits; a hyphen or apostrophe splits).</summary>
    private static List<string> Words(IEnumerable<string> texts)
    {
        var words = new List<string>();
        foreach (var text in texts)
        {
            int i = 0;
            while (i < text.Length)
            {
                if (!char.IsLetterOrDigit(text[i])) { i++; continue; }
                int s = i;
                while (i < text.Length && char.IsLetterOrDigit(text[i])) i++;
                words.Add(text[s..i]);
            }
        }
        return words;
    }

    /// <summary>
    /// Whether a page word spells <paramref name="label"/> at <paramref name="at"/>: letter for letter ignoring case, a
    /// letter outside ASCII standing for any one letter of the label (hosts are ASCII: "Diálogo" spells "dialogo").
    /// </summary>
    private static bool SpellsAt(string label, int at, string word)
    {
        if (at + word.Length > label.Length) return false;
        for (int k = 0; k < word.Length; k++)
        {
            char w = word[k], l = label[at + k];
            if (w > 0x7F ? !char.IsLetter(w) || !char.IsAsciiLetter(l) : char.ToLowerInvariant(w) != l) return false;
        }
        return true;
    }

    /// <summary>
    /// The first run of up to five page words that spells <paramref name="label"/> with every word capitalised ("Bangkok
    /// Post"), else the first run that spells it in any case; null when none does.
    /// </summary>
    private static string? Spelled(List<string> words, string label)
    {
        string? anyCase = null;
        for (int i = 0; i < words.Count; i++)
        {
            int at = 0;
            for (int j = i; j < Math.Min(words.Count, i + 5); j++)
            {
                if (!SpellsAt(label, at, words[j])) break;
                at += words[j].Length;
                if (at < label.Length) continue;
                var run = words.GetRange(i, j - i + 1);
                if (run.TrueForAll(w => char.IsUpper(w[0]) || char.IsDigit(w[0]))) return string.Join(" ", run);
                anyCase ??= string.Join(" ", run);
                break;
            }
        }
        return anyCase;
    }

    /// <summary>Words a name may hold that give no letter to its abbreviation ("Syrian Observatory for Human Rights").</summary>
    private static readonly HashSet<string> NameLinks = new(StringComparer.OrdinalIgnoreCase) { "for", "of", "the", "and", "on", "in" };

    /// <summary>
    /// The first run of the page's capitalised words (two to seven, linked by "for", "of" ...) that <paramref name="label"/>
    /// abbreviates: each word gives the next letters of the label from its start ("syriahr": "Syria|n Observatory for
    /// H|uman R|ights"), the first word at least one, the last one at least one, at most one capitalised word none, at
    /// least two words some. The name an outlet's address shortens is usually written on its own pages.
    /// </summary>
    private static string? Abbreviated(List<string> words, string label)
    {
        for (int i = 0; i < words.Count; i++)
        {
            if (!char.IsUpper(words[i][0]) || char.ToLowerInvariant(words[i][0]) != label[0]) continue;
            if (AbbreviationEnd(words, label, i, i, 0, skipped: false, giving: 0) is int end && end - i >= 2)
                return string.Join(" ", words.GetRange(i, end - i));
        }
        return null;
    }

    /// <summary>Where a run from word <paramref name="j"/> that spells label[at..] ends (exclusive), or null.</summary>
    private static int? AbbreviationEnd(List<string> words, string label, int start, int j, int at, bool skipped, int giving)
    {
        if (at == label.Length) return giving >= 2 ? j : null;
        if (j >= words.Count || j - start >= 7) return null;
        var w = words[j];
        bool link = NameLinks.Contains(w);
        if (!link && !char.IsUpper(w[0])) return null;
        // the longest prefix first: "Syrian" gives "syria" before "s"
        int most = 0;
        while (most < w.Length && at + most < label.Length && char.ToLowerInvariant(w[most]) == label[at + most]) most++;
        for (int take = most; take >= 1; take--)
            if (AbbreviationEnd(words, label, start, j + 1, at + take, skipped, giving + 1) is int end) return end;
        if (at == 0) return null;
        if (link) return AbbreviationEnd(words, label, start, j + 1, at, skipped, giving);
        return skipped ? null : AbbreviationEnd(words, label, start, j + 1, at, skipped: true, giving);
    }

    /// <summary>
    /// A label split into words by the likeliest reading (Norvig's unigram segmentation): each piece a word of news text
    /// (data/ingest/word-frequencies.tsv, with the page's own words of three letters or more at least as likely as a
    /// word seen <see cref="PageWordCount"/> times) or an unknown word, whose likelihood falls by a factor of
    /// <see cref="UnknownLetterFactor"/> a letter; each piece also costs <see cref="PiecePenalty"/> (log10), so a coined
    /// name stays whole ("haitify", "sundiatas") unless known words explain most of it. A piece of one or two letters only
    /// opens the label (initials: "NY Carib News") or closes it as a country code ("Premium Times NG"): short words inside
    /// a name split it wrongly far more often ("chronic le journal"). Pieces written as the page writes them, else
    /// capitalised (short ones in capitals).
    /// </summary>
    private static string Split(List<string> pageWords, string label)
    {
        var page = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var w in pageWords.Where(w => w.Length >= 3 && w.Length <= label.Length).OrderBy(w => char.IsUpper(w[0]) ? 0 : 1))
            if (w.All(char.IsAscii)) page.TryAdd(w.ToLowerInvariant(), w);
        var freq = WordFrequencies.Value;
        double total = freq.Total;
        int n = label.Length;
        // best[j]: the log10 likelihood of label[..j] and where its last piece starts
        var best = new (double Score, int From)[n + 1];
        for (int j = 1; j <= n; j++)
        {
            best[j] = (double.NegativeInfinity, -1);
            for (int i = 0; i < j; i++)
            {
                if (i > 0 && best[i].From < 0) continue;
                var piece = label[i..j];
                if (piece.Length <= 2 && !(i == 0 || j == n && CountryCodes.Value.Contains(piece))) continue;
                long count = freq.Counts.GetValueOrDefault(piece);
                if (page.ContainsKey(piece)) count = Math.Max(count, PageWordCount);
                double p = count > 0 ? Math.Log10(count / total) : -Math.Log10(total) - piece.Length * Math.Log10(UnknownLetterFactor);
                double score = (i == 0 ? 0 : best[i].Score) + p - PiecePenalty;
                if (score > best[j].Score) best[j] = (score, i);
            }
        }
        var pieces = new List<string>();
        for (int j = n; j > 0; j = best[j].From) pieces.Add(label[best[j].From..j]);
        pieces.Reverse();
        if (pieces.Count == 1) return page.GetValueOrDefault(label) ?? Capitalised(label);
        // a word of news text capitalised ("Al Jazeera", "New Arab"), loose letters as initials or a country code ("NY", "NG")
        return string.Join(" ", pieces.Select(x => page.GetValueOrDefault(x) ?? (x.Length <= 2 && !freq.Counts.ContainsKey(x) ? x.ToUpperInvariant() : Capitalised(x))));
    }

    /// <summary>The likelihood model of <see cref="Split"/>: measured on the development part of articles-gold's host labels (docs/ingest.md).</summary>
    private const double UnknownLetterFactor = 20, PiecePenalty = 1.5;

    /// <summary>How often a word the page itself uses counts at least, as if seen that many times in news text.</summary>
    private const long PageWordCount = 20;

    private sealed record Frequencies(Dictionary<string, long> Counts, long Total);

    /// <summary>Word counts of news text (data/ingest/word-frequencies.tsv: "word TAB count", '#' comments).</summary>
    private static readonly Lazy<Frequencies> WordFrequencies = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "data", "ingest", "word-frequencies.tsv");
        if (!File.Exists(path)) throw new FileNotFoundException($"the word frequencies are missing: {path}", path);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line[0] == '#') continue;
            int tab = line.IndexOf('\t');
            if (tab <= 0 || !long.TryParse(line.AsSpan(tab + 1), out long c) || c <= 0)
                throw new InvalidDataException($"{path}: expected 'word<TAB>count', got '{line}'");
            counts[line[..tab]] = c;
        }
        return new Frequencies(counts, counts.Values.Sum());
    });

    /// <summary>ISO 3166 alpha-2 codes, lower case (data/export/countries.tsv): the country an outlet appends ("premiumtimesng").</summary>
    private static readonly Lazy<HashSet<string>> CountryCodes = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "data", "export", "countries.tsv");
        if (!File.Exists(path)) throw new FileNotFoundException($"the country codes are missing: {path}", path);
        return File.ReadLines(path).Skip(1).Select(l => l.Split('\t')[0].Trim().ToLowerInvariant()).Where(c => c.Length == 2).ToHashSet(StringComparer.Ordinal);
    });

    private static string Capitalised(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
