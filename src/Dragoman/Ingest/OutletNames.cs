using System.Net;
using System.Text;

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

    /// <summary>
    /// A label split into the page's words of three letters or more, covering as many of its letters as can be covered with
    /// as few words as possible; the letters left over stand as words of their own (upper case when short: "NG").
    /// </summary>
    private static string Split(List<string> words, string label)
    {
        // the page's distinct words by length, a capitalised form first
        var byLength = new Dictionary<int, List<string>>();
        foreach (var w in words.Where(w => w.Length >= 3 && w.Length <= label.Length).Distinct(StringComparer.Ordinal).OrderBy(w => char.IsUpper(w[0]) ? 0 : 1))
        {
            if (!byLength.TryGetValue(w.Length, out var list)) byLength[w.Length] = list = [];
            list.Add(w);
        }
        string? WordAt(int i, int j) => byLength.TryGetValue(j - i, out var list) ? list.Find(w => SpellsAt(label, i, w)) : null;
        int n = label.Length;
        // best[i]: (letters left uncovered, pieces) for label[i..], where its first piece ends, and its word (null: one loose letter)
        var best = new (int Left, int Pieces, int Next, string? Word)[n + 1];
        best[n] = (0, 0, n, null);
        for (int i = n - 1; i >= 0; i--)
        {
            best[i] = (best[i + 1].Left + 1, best[i + 1].Pieces + 1, i + 1, null);
            for (int j = i + 3; j <= n; j++)
                if (WordAt(i, j) is { } word && (best[j].Left < best[i].Left || best[j].Left == best[i].Left && best[j].Pieces + 1 < best[i].Pieces))
                    best[i] = (best[j].Left, best[j].Pieces + 1, j, word);
        }
        if (2 * best[0].Left > n) return Capitalised(label);
        var pieces = new List<string>();
        var loose = new StringBuilder();
        for (int i = 0; i < n; i = best[i].Next)
        {
            if (best[i].Word is { } word)
            {
                if (loose.Length > 0) { pieces.Add(Loose(loose.ToString())); loose.Clear(); }
                pieces.Add(word);
            }
            else loose.Append(label[i]);
        }
        if (loose.Length > 0) pieces.Add(Loose(loose.ToString()));
        return string.Join(" ", pieces);
    }

    private static string Loose(string letters) => letters.Length <= 3 ? letters.ToUpperInvariant() : Capitalised(letters);

    private static string Capitalised(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
