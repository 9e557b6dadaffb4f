namespace Dragoman.Events.Petrarch;

/// <summary>What a pattern element stands for.</summary>
public enum ElementKind : byte { Word, Synset, Source, Target, Compound }

/// <summary>
/// One element of a PETRARCH/TABARI verb pattern. <see cref="Connected"/> is true when the element was joined to
/// its neighbour toward the verb with '_' in the dictionary (it must then be adjacent in the text, no gap).
/// </summary>
public readonly record struct PatternElement(ElementKind Kind, string Value, bool Connected);

/// <summary>
/// A verb pattern such as <c>- GUNMEN * &amp;HOSTAGE [0841]</c>: elements before the verb (stored nearest the verb first)
/// and after it, and the code ("---" means: do not code).
/// </summary>
public sealed record VerbPattern(PatternElement[] Before, PatternElement[] After, string Code, int Line)
{
    /// <summary>Case-insensitive hashes of the pattern's literal words: a sentence lacking one cannot match (fast rejection).</summary>
    public int[] WordHashes { get; } = Before.Concat(After).Where(e => e.Kind == ElementKind.Word)
        .Select(e => string.GetHashCode(e.Value.AsSpan(), StringComparison.OrdinalIgnoreCase)).Distinct().ToArray();

    public int WordCount => Before.Count(e => e.Kind is ElementKind.Word or ElementKind.Synset) + After.Count(e => e.Kind is ElementKind.Word or ElementKind.Synset);
}

/// <summary>A verb block (<c>--- RELEASE [080] ---</c>): its default code and patterns.</summary>
public sealed class VerbBlock
{
    public required string Name { get; init; }
    public required string Code { get; init; }
    public List<VerbPattern> Patterns { get; } = [];
}

/// <summary>
/// One surface form of a verb: its head word (what the text index is keyed by), the words that must stand right
/// before / after it for multi-word verbs ("SET FREE"), its block and its own code when the verb line gives one.
/// </summary>
public sealed record VerbForm(string Head, string[] Before, string[] After, VerbBlock Block, string? OwnCode, bool IsBase)
{
    public string Code => OwnCode ?? Block.Code;
}

/// <summary>
/// A verb dictionary in the TABARI/PETRARCH syntax (CAMEO.2.0.txt, PETR.Validate.verbs.txt):
/// synsets (<c>&amp;NAME</c> then <c>+MEMBER</c> lines), verb blocks (<c>--- NAME [code] ---</c>), verb lines with
/// irregular forms in braces and multi-word verbs marked by '+', and patterns (<c>- pre * post [code] # comment</c>)
/// with '_' joining adjacent words, '$' source, '+' target and '%' compound markers; '(' ')' and '{' '}' group
/// prepositional and noun phrases and are read as plain word sequences.
/// Regular inflections (-S, -ED, -ING) are generated for every verb; irregular ones come from the braces.
/// </summary>
public sealed class VerbDictionary
{
    private readonly Dictionary<string, List<VerbForm>> _byHead = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<string[]>> _synsets = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<VerbForm>>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private VerbDictionary() => _lookup = _byHead.GetAlternateLookup<ReadOnlySpan<char>>();

    public List<VerbBlock> Blocks { get; } = [];
    public IReadOnlyDictionary<string, List<string[]>> Synsets => _synsets;
    public int PatternCount => Blocks.Sum(b => b.Patterns.Count);
    public int FormCount => _byHead.Values.Sum(l => l.Count);

    /// <summary>The verb forms whose head word is <paramref name="word"/> (case-insensitive), or null.</summary>
    public List<VerbForm>? Lookup(ReadOnlySpan<char> word) => _lookup.TryGetValue(word, out var l) ? l : null;

    /// <summary>The default code of the first verb block named <paramref name="name"/>, or null.</summary>
    public string? BlockCode(string name) => Blocks.Find(b => b.Name == name)?.Code;

    public bool TryGetSynset(string name, out List<string[]> members) => _synsets.TryGetValue(name, out members!);

    /// <summary>Parses several dictionary texts into one dictionary (later files extend earlier ones).</summary>
    public static Result<VerbDictionary> Parse(params string[] texts)
    {
        var dict = new VerbDictionary();
        foreach (var text in texts)
        {
            var r = dict.Add(text);
            if (!r.IsOk) return Result<VerbDictionary>.Fail(r.Error!);
        }
        return Result<VerbDictionary>.Ok(dict);
    }

    private Result<bool> Add(string text)
    {
        var lines = text.Split('\n');
        string? synset = null;
        VerbBlock? block = null;
        bool inXmlComment = false;
        for (int n = 0; n < lines.Length; n++)
        {
            var raw = lines[n].TrimEnd('\r');
            var line = raw.Trim();
            if (inXmlComment)
            {
                if (line.Contains("-->", StringComparison.Ordinal)) inXmlComment = false;
                continue;
            }
            if (line.StartsWith("<!--", StringComparison.Ordinal))
            {
                if (!line.Contains("-->", StringComparison.Ordinal)) inXmlComment = true;
                continue;
            }
            line = StripComment(line);
            if (line.Length == 0)
            {
                synset = null;
                continue;
            }
            if (line.StartsWith("---", StringComparison.Ordinal))
            {
                synset = null;
                var name = line.Trim('-', ' ', '\t');
                var code = ExtractCode(ref name) ?? "---";
                block = new VerbBlock { Name = name.Trim(), Code = code };
                Blocks.Add(block);
                continue;
            }
            if (line[0] == '&')
            {
                synset = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)[0][1..].TrimEnd('_');
                if (!_synsets.ContainsKey(synset)) _synsets[synset] = [];
                block = null;
                continue;
            }
            if (synset is not null && line[0] == '+')
            {
                var member = line[1..].Trim().TrimEnd('_');
                var words = member.Split(['_', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
                if (words.Length > 0) _synsets[synset].Add(words);
                continue;
            }
            if (block is null) continue; // text outside any block (headers): ignored
            if (line[0] == '-')
            {
                var p = ParsePattern(line[1..], n + 1);
                if (p is not null) block.Patterns.Add(p);
                continue;
            }
            AddVerbLine(line, block);
        }
        return Result<bool>.Ok(true);
    }

    private static string StripComment(string line)
    {
        int hash = line.IndexOf('#');
        return (hash >= 0 ? line[..hash] : line).Trim();
    }

    private static string? ExtractCode(ref string text)
    {
        int open = text.IndexOf('[');
        if (open < 0) return null;
        int close = text.IndexOf(']', open + 1);
        if (close < 0) return null;
        var code = text[(open + 1)..close].Trim();
        text = text[..open] + text[(close + 1)..];
        return code.Length == 0 ? null : code;
    }

    private void AddVerbLine(string line, VerbBlock block)
    {
        var code = ExtractCode(ref line);
        var irregular = new List<string>();
        int brace = line.IndexOf('{');
        if (brace >= 0)
        {
            int close = line.IndexOf('}', brace + 1);
            var inner = close > brace ? line[(brace + 1)..close] : line[(brace + 1)..];
            irregular.AddRange(inner.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries));
            line = line[..brace];
        }
        var main = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (main.Length == 0) return;
        var (head, before, after) = SplitMultiWord(main[0]);
        if (head.Length == 0) return;
        var heads = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var f in Inflections(head)) heads.Add(f);
        foreach (var irr in irregular)
        {
            var (h, _, _) = SplitMultiWord(irr);
            if (h.Length > 0) heads.Add(h);
        }
        foreach (var h in heads)
        {
            var form = new VerbForm(h, before, after, block, code, string.Equals(h, head, StringComparison.OrdinalIgnoreCase));
            if (!_byHead.TryGetValue(h, out var list)) _byHead[h] = list = [];
            list.Add(form);
        }
    }

    /// <summary>"+SET_FREE" -> SET + [FREE]; "KLM_NOP_+RST" -> RST after [KLM NOP]; "RELEASE" -> RELEASE.</summary>
    internal static (string Head, string[] Before, string[] After) SplitMultiWord(string token)
    {
        var parts = token.Split('_', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0) return ("", [], []);
        int headIdx = Array.FindIndex(parts, p => p.StartsWith('+'));
        if (headIdx < 0) headIdx = 0;
        var head = parts[headIdx].TrimStart('+');
        var before = parts[..headIdx].Select(p => p.TrimStart('+')).ToArray();
        var after = parts[(headIdx + 1)..].Select(p => p.TrimStart('+')).ToArray();
        return (head, before, after);
    }

    /// <summary>Regular English verb inflections of a base form (upper case in, upper case out).</summary>
    public static IEnumerable<string> Inflections(string verb)
    {
        var v = verb.ToUpperInvariant();
        yield return v;
        if (v.Length < 2) yield break;
        char last = v[^1], prev = v[^2];
        bool consonantY = last == 'Y' && !IsVowel(prev);
        // third person
        if (v.EndsWith('S') || v.EndsWith("SH", StringComparison.Ordinal) || v.EndsWith("CH", StringComparison.Ordinal) || last is 'X' or 'Z' or 'O')
            yield return v + "ES";
        else if (consonantY) yield return v[..^1] + "IES";
        else yield return v + "S";
        // past
        if (last == 'E') yield return v + "D";
        else if (consonantY) yield return v[..^1] + "IED";
        else yield return v + "ED";
        // gerund
        if (last == 'E' && prev != 'E') yield return v[..^1] + "ING";
        else yield return v + "ING";
        // consonant doubling for short CVC stems (BAN -> BANNED); harmless when wrong
        if (v.Length >= 3 && !IsVowel(last) && last is not ('W' or 'X' or 'Y') && IsVowel(prev) && !IsVowel(v[^3]))
        {
            yield return v + last + "ED";
            yield return v + last + "ING";
        }
    }

    private static bool IsVowel(char c) => c is 'A' or 'E' or 'I' or 'O' or 'U';

    internal static VerbPattern? ParsePattern(string body, int line)
    {
        var code = ExtractCode(ref body);
        if (code is null) return null;
        // groups are read as plain word sequences
        body = body.Replace('(', ' ').Replace(')', ' ').Replace('{', ' ').Replace('}', ' ');
        int star = body.IndexOf('*');
        if (star < 0) return null;
        var before = ParseSide(body[..star], beforeVerb: true);
        var after = ParseSide(body[(star + 1)..], beforeVerb: false);
        return new VerbPattern(before, after, code, line);
    }

    /// <summary>
    /// Parses one side of '*'. Elements are returned in matching order: for the side before the verb, nearest the
    /// verb first. Connected means "no gap between this element and the previous one in matching order (or the verb)".
    /// </summary>
    private static PatternElement[] ParseSide(string side, bool beforeVerb)
    {
        // Walk the raw characters: tokens separated by spaces (gap allowed) or '_' (adjacent).
        var items = new List<(string Tok, bool JoinedLeft)>();
        var sb = new System.Text.StringBuilder();
        bool joinedLeft = false, pendingJoin = false;
        void Flush()
        {
            if (sb.Length > 0) { items.Add((sb.ToString(), joinedLeft)); sb.Clear(); }
        }
        bool startOfSide = true;
        foreach (char c in side)
        {
            if (c == '_')
            {
                if (sb.Length > 0) { Flush(); }
                pendingJoin = true;
                if (startOfSide && !beforeVerb) pendingJoin = true; // "*_OUT": joined to the verb
                continue;
            }
            if (char.IsWhiteSpace(c))
            {
                Flush();
                pendingJoin = false;
                continue;
            }
            if (sb.Length == 0) { joinedLeft = pendingJoin; pendingJoin = false; }
            startOfSide = false;
            sb.Append(c);
        }
        Flush();
        bool trailingJoin = pendingJoin; // "IN_*": last element joined to the verb

        var elements = new List<PatternElement>(items.Count);
        for (int i = 0; i < items.Count; i++)
        {
            var (tok, left) = items[i];
            // a token like "+" or "$" glued to words: "SUGGESTED_+" was split already by '_'
            elements.AddRange(ToElements(tok, left));
        }
        if (!beforeVerb) return [.. elements];
        // before the verb: reverse so that index 0 is nearest the verb; connection is to the right neighbour
        var rev = new PatternElement[elements.Count];
        for (int i = 0; i < elements.Count; i++)
        {
            var e = elements[elements.Count - 1 - i];
            bool connectedRight = i == 0 ? trailingJoin : elements[elements.Count - i].Connected;
            rev[i] = e with { Connected = connectedRight };
        }
        return rev;
    }

    private static IEnumerable<PatternElement> ToElements(string tok, bool connected)
    {
        if (tok == "$") { yield return new PatternElement(ElementKind.Source, "$", connected); yield break; }
        if (tok == "+") { yield return new PatternElement(ElementKind.Target, "+", connected); yield break; }
        if (tok == "%") { yield return new PatternElement(ElementKind.Compound, "%", connected); yield break; }
        if (tok[0] == '&') { yield return new PatternElement(ElementKind.Synset, tok[1..].TrimEnd('_'), connected); yield break; }
        var w = tok.TrimStart('+', '$');
        if (w.Length == 0) yield break;
        yield return new PatternElement(ElementKind.Word, w, connected);
    }
}
