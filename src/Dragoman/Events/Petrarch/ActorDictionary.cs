using System.Globalization;
using Dragoman.Text.Syntax;

namespace Dragoman.Events.Petrarch;

/// <summary>A code valid in a date range (inclusive bounds, null = open), as in <c>[USR &lt;911226]</c>.</summary>
public sealed record DatedCode(string Code, int? From, int? To)
{
    public bool ValidOn(int? date) => date is null || ((From is null || date >= From) && (To is null || date <= To));
}

/// <summary>One actor or agent phrase: words (a word without a trailing '_' also matches as a stem, TABARI style) and codes.</summary>
public sealed record ActorEntry(string[] Words, bool[] Exact, IReadOnlyList<DatedCode> Codes, bool IsAgent);

/// <summary>An actor found in a sentence: local token chunk and code.</summary>
public readonly record struct ActorMatch(Chunk Tokens, string Code, bool IsAgent);

/// <summary>
/// TABARI/PETRARCH actor and agent dictionaries (PETR.Validate.actors.txt / agents.txt, Phoenix.*.actors.txt):
/// <c>NAME [CODE]</c> lines, <c>+SYNONYM</c> lines that share the entry's code, codes on following lines with date
/// restrictions (<c>[USR &lt;911226]</c>, <c>[HOBELI &gt;20130119]</c>, <c>[SYR 20000717-20110101]</c>), agents
/// <c>NAME {PLURALS} [~GOV]</c> and <c>!MACRO! = A, B</c> substitutions. Only what evaluation and actor lookup need.
/// </summary>
public sealed class ActorDictionary
{
    private readonly Dictionary<string, List<ActorEntry>> _byKey = new(StringComparer.OrdinalIgnoreCase);

    public int Count { get; private set; }

    private static string Key(ReadOnlySpan<char> word) => word.Length <= 3 ? word.ToString().ToUpperInvariant() : word[..3].ToString().ToUpperInvariant();

    public static ActorDictionary Parse(string actorsText, string? agentsText = null)
    {
        var d = new ActorDictionary();
        d.AddActors(actorsText);
        if (agentsText is not null) d.AddAgents(agentsText);
        return d;
    }

    private void Add(string phrase, List<DatedCode> codes, bool agent)
    {
        var parts = phrase.Split(['_', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0) return;
        // a trailing underscore on the phrase marks the last word exact
        bool exactLast = phrase.TrimEnd().EndsWith('_');
        var exact = new bool[parts.Length];
        // agents match exactly (their plurals are listed or generated); actor words without '_' also match as stems
        for (int i = 0; i < parts.Length; i++) exact[i] = agent || i < parts.Length - 1 || exactLast || parts[i].Length <= 3;
        var entry = new ActorEntry(parts.Select(p => p.ToUpperInvariant()).ToArray(), exact, codes, agent);
        var key = Key(parts[0]);
        if (!_byKey.TryGetValue(key, out var list)) _byKey[key] = list = [];
        list.Add(entry);
        Count++;
    }

    private void AddActors(string text)
    {
        List<DatedCode>? current = null;
        var pendingNames = new List<string>();
        void Flush()
        {
            if (current is not null && current.Count > 0)
                foreach (var n in pendingNames) Add(n, current, false);
            pendingNames.Clear();
        }
        foreach (var raw in Lines(text))
        {
            var line = raw.Trim();
            if (line.StartsWith('['))
            {
                current ??= [];
                current.AddRange(ParseCodes(line));
                continue;
            }
            if (line.StartsWith('+'))
            {
                var syn = StripCodes(line[1..], out var c);
                if (c.Count > 0) Add(syn, c, false);
                else pendingNames.Add(syn);
                continue;
            }
            Flush();
            var name = StripCodes(line, out var codes);
            if (name.Length == 0) { current = null; continue; }
            current = codes;
            pendingNames.Add(name);
        }
        Flush();
    }

    private void AddAgents(string text)
    {
        var macros = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var raw in Lines(text))
        {
            var line = raw.Trim();
            if (line.StartsWith('!') && line.Contains('='))
            {
                int eq = line.IndexOf('=');
                macros[line[..eq].Trim()] = line[(eq + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                continue;
            }
            int brace = line.IndexOf('{');
            var plurals = new List<string>();
            if (brace >= 0)
            {
                int close = line.IndexOf('}', brace);
                if (close > brace) plurals.AddRange(line[(brace + 1)..close].Split(' ', StringSplitOptions.RemoveEmptyEntries));
                line = line[..brace] + (close > brace ? line[(close + 1)..] : "");
            }
            var name = StripCodes(line, out var codes);
            if (name.Length == 0 || codes.Count == 0) continue;
            codes = codes.Select(c => c with { Code = c.Code.TrimStart('~').Trim() }).ToList();
            var names = new List<string> { name };
            names.AddRange(plurals);
            if (!name.EndsWith('_') && !name.EndsWith('S')) names.Add(name + "S");
            foreach (var n in names)
            {
                var expanded = new List<string> { n };
                foreach (var (macro, values) in macros)
                    if (n.Contains(macro, StringComparison.OrdinalIgnoreCase))
                        expanded = expanded.SelectMany(e => values.Select(v => e.Replace(macro, v, StringComparison.OrdinalIgnoreCase))).ToList();
                foreach (var e in expanded) Add(e, codes, true);
            }
        }
    }

    private static IEnumerable<string> Lines(string text)
    {
        bool xml = false;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            var t = line.Trim();
            if (xml) { if (t.Contains("-->", StringComparison.Ordinal)) xml = false; continue; }
            if (t.StartsWith("<!--", StringComparison.Ordinal)) { if (!t.Contains("-->", StringComparison.Ordinal)) xml = true; continue; }
            int hash = line.IndexOf('#');
            if (hash >= 0) line = line[..hash];
            if (line.Trim().Length == 0) continue;
            yield return line;
        }
    }

    private static string StripCodes(string line, out List<DatedCode> codes)
    {
        codes = [];
        int open = line.IndexOf('[');
        if (open < 0) return line.Trim();
        codes.AddRange(ParseCodes(line[open..]));
        return line[..open].Trim();
    }

    private static IEnumerable<DatedCode> ParseCodes(string s)
    {
        int i = 0;
        while ((i = s.IndexOf('[', i)) >= 0)
        {
            int j = s.IndexOf(']', i);
            if (j < 0) yield break;
            var body = s[(i + 1)..j].Trim();
            i = j + 1;
            var parts = body.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0) continue;
            var code = parts[0];
            if (code == "~" && parts.Length > 1) code = "~" + parts[1];
            int? from = null, to = null;
            var restr = parts.Length > 1 ? parts[^1] : "";
            if (restr.StartsWith('<')) to = Date(restr[1..]);
            else if (restr.StartsWith('>')) from = Date(restr[1..]);
            else if (restr.Contains('-')) { var ab = restr.Split('-'); from = Date(ab[0]); to = Date(ab[1]); }
            if (code.Length > 0) yield return new DatedCode(code, from, to);
        }
    }

    private static int? Date(string s)
    {
        if (!int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v)) return null;
        if (s.Length == 6) return (v / 10000 > 30 ? 19000000 : 20000000) + v;
        return s.Length == 8 ? v : null;
    }

    /// <summary>Longest dictionary matches over the sentence, left to right, codes chosen for <paramref name="date"/> (yyyymmdd).</summary>
    public List<ActorMatch> Find(SentenceView v, int? date)
    {
        var found = new List<ActorMatch>();
        for (int k = 0; k < v.Count; k++)
        {
            var w = v.Word(k);
            if (w.Length == 0 || !char.IsLetter(w[0])) continue;
            if (!_byKey.TryGetValue(Key(w), out var list)) continue;
            ActorEntry? best = null;
            foreach (var e in list)
            {
                if (best is not null && e.Words.Length <= best.Words.Length) continue;
                if (Matches(v, k, e)) best = e;
            }
            if (best is null) continue;
            var code = best.Codes.FirstOrDefault(c => c.ValidOn(date)) ?? best.Codes[0];
            if (code.Code is "---" or "+++") { k += best.Words.Length - 1; continue; }
            found.Add(new ActorMatch(new Chunk(k, k + best.Words.Length), code.Code, best.IsAgent));
            k += best.Words.Length - 1;
        }
        return found;
    }

    private static bool Matches(SentenceView v, int k, ActorEntry e)
    {
        for (int i = 0; i < e.Words.Length; i++)
        {
            if (k + i >= v.Count) return false;
            var w = v.Word(k + i);
            var d = e.Words[i];
            if (w.Equals(d, StringComparison.OrdinalIgnoreCase)) continue;
            if (!e.Exact[i] && w.StartsWith(d, StringComparison.OrdinalIgnoreCase)) continue;
            return false;
        }
        return true;
    }
}
