using System.Globalization;
using System.Text.RegularExpressions;
using Dragoman.Documents;

namespace Dragoman.Actors;

/// <summary>
/// Reads PETRARCH/TABARI actor dictionaries (Phoenix.*.actors.txt): a headword line, "+" synonym lines, and code
/// brackets inline or on indented lines ("[SYRGOV &gt;000717]"). Consecutive headwords without codes share the next
/// code line. Comments start with '#'. A block that lists a group's leaders as synonyms of the group
/// (as PETRARCH does to give them the group's code) is split: the leaders become their own person entries with the
/// group as parent, so linking never merges a person into a group.
/// </summary>
public static partial class PhoenixActorsReader
{
    [GeneratedRegex(@"\[([^\]]*)\]")]
    private static partial Regex Bracket();

    [GeneratedRegex(@"\(([^)]*)\)")]
    private static partial Regex Paren();

    private sealed class Block
    {
        public List<string> Phrases { get; } = [];
        public List<DatedCode> Codes { get; } = [];
        public int Line { get; init; }
    }

    public static Result<List<ActorEntry>> Read(string path, ActorSource source, NameShape shape)
    {
        if (!File.Exists(path)) return Result<List<ActorEntry>>.Fail($"{path}: no such file");
        return Parse(File.ReadLines(path), source, shape, Path.GetFileNameWithoutExtension(path));
    }

    public static Result<List<ActorEntry>> Parse(IEnumerable<string> lines, ActorSource source, NameShape shape, string idPrefix)
    {
        var blocks = new List<Block>();
        var pending = new List<Block>();
        var lastCoded = new List<Block>();
        Block? current = null;
        int lineNo = 0;
        foreach (var rawLine in lines)
        {
            lineNo++;
            var line = rawLine;
            int hash = line.IndexOf('#');
            if (hash >= 0) line = line[..hash];
            if (string.IsNullOrWhiteSpace(line)) continue;
            var trimmed = line.Trim();
            var codes = new List<DatedCode>();
            foreach (Match m in Bracket().Matches(trimmed))
                if (DatedCode.Parse(m.Groups[1].Value) is { } dc) codes.Add(dc);
            bool hadBracket = trimmed.Contains('[');
            string text = hadBracket ? trimmed[..trimmed.IndexOf('[')].Trim() : trimmed;

            if (text.Length == 0)
            {
                // a code line: applies to every headword still waiting for codes
                if (pending.Count > 0) { lastCoded = [.. pending]; pending.Clear(); }
                foreach (var b in lastCoded) b.Codes.AddRange(codes);
                continue;
            }
            if (text[0] == '+')
            {
                if (current is null) continue;
                foreach (var syn in text.Split('+', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    AddPhrase(current, syn);
                if (hadBracket) { current.Codes.AddRange(codes); pending.Remove(current); }
                continue;
            }
            current = new Block { Line = lineNo };
            AddPhrase(current, text);
            if (current.Phrases.Count == 0) { current = null; continue; }
            blocks.Add(current);
            if (hadBracket) { current.Codes.AddRange(codes); lastCoded = [current]; }
            else pending.Add(current);
        }

        var entries = new List<ActorEntry>(blocks.Count);
        bool defaultPerson = source is ActorSource.PhoenixCountries;
        foreach (var b in blocks)
        {
            if (b.Codes.Count == 0) continue;
            // country blocks ("SYRIA_ [SYR]", "IRAQ_ [IRQ <20030320] [IRQOCC ...] [IRQ >20060520]") come from CountryInfo,
            // which keeps cities apart from country names: their synonyms (Mosul, Erbil, Leipzig) are places, not a person
            bool countryBlock = source == ActorSource.PhoenixCountries
                && b.Codes.TrueForAll(c => c.Code.Length == 3 || c.Code.Length == 6 && c.Code.EndsWith("OCC", StringComparison.Ordinal));
            if (countryBlock && b.Codes.Count == 1 && !b.Codes[0].IsDated) continue;
            Split(b, source, shape, defaultPerson, $"{idPrefix}:{b.Line}", entries, countryBlock);
        }
        return entries;
    }

    private static void AddPhrase(Block b, string raw)
    {
        var phrase = raw.Trim().Trim('_').Trim();
        // "ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_": the bracketed acronym is a synonym of its own
        foreach (Match m in Paren().Matches(phrase))
        {
            var inner = m.Groups[1].Value.Trim('_', ' ');
            if (inner.Length is >= 2 and <= 8 && inner.All(c => char.IsUpper(c) || c == '.')) AddClean(b, inner);
        }
        phrase = Paren().Replace(phrase, " ");
        AddClean(b, phrase);
    }

    private static void AddClean(Block b, string phrase)
    {
        phrase = phrase.Replace('_', ' ').Replace('\t', ' ').Replace('|', ' ').Trim();
        while (phrase.Contains("  ", StringComparison.Ordinal)) phrase = phrase.Replace("  ", " ", StringComparison.Ordinal);
        if (phrase.Length == 0 || NameFolding.FoldPhrase(phrase).Length == 0) return;
        if (!b.Phrases.Contains(phrase)) b.Phrases.Add(phrase);
    }

    /// <param name="countryBlock">A block coded only with country codes (dated for a state's historic forms): its
    /// names shaped like a state ("Czechoslovak Republic") are kept; the rest are places (Mosul, Erbil, Leipzig),
    /// never a person.</param>
    private static void Split(Block b, ActorSource source, NameShape shape, bool defaultPerson, string id, List<ActorEntry> into, bool countryBlock = false)
    {
        // country, capital and demonym names listed in a block ("IRAQ" under an official) name neither the block's
        // person nor its group: CountryInfo owns them
        b.Phrases.RemoveAll(p => shape.PlaceNames.Contains(NameFolding.FoldPhrase(p)));
        if (b.Phrases.Count == 0) return;
        var folded = b.Phrases.Select(p => NameFolding.FoldPhrase(p).Split(' ')).ToList();
        bool headPerson = shape.LooksLikePerson(folded[0], defaultPerson);
        var same = new List<string>();
        var otherOrgs = new List<string>();
        var persons = new List<(string Key, List<string> Phrases)>();
        for (int i = 0; i < b.Phrases.Count; i++)
        {
            bool person = i == 0 ? headPerson : shape.LooksLikePerson(folded[i], headPerson);
            if (person == headPerson) { same.Add(b.Phrases[i]); continue; }
            if (!person) { otherOrgs.Add(b.Phrases[i]); continue; }
            var key = folded[i][^1];
            var group = persons.Find(p => p.Key == key);
            if (group.Phrases is null) persons.Add((key, [b.Phrases[i]]));
            else group.Phrases.Add(b.Phrases[i]);
        }
        var codes = b.Codes.ToArray();
        string? sector = SectorOf(codes);
        if (countryBlock)
        {
            var stateNames = headPerson ? otherOrgs : same;
            if (stateNames.Count > 0)
                into.Add(new ActorEntry { Id = id, Type = EntityType.ORG, Name = NameFolding.Display(stateNames[0]), Phrases = stateNames, Codes = codes, Source = source, Sector = sector });
            return;
        }
        into.Add(new ActorEntry
        {
            Id = id, Type = headPerson ? EntityType.PERSON : EntityType.ORG, Name = NameFolding.Display(same[0]),
            Phrases = same, Codes = codes, Source = source, Sector = headPerson ? null : sector,
        });
        if (otherOrgs.Count > 0)
            into.Add(new ActorEntry
            {
                Id = id + ".org", Type = EntityType.ORG, Name = NameFolding.Display(otherOrgs[0]), Phrases = otherOrgs,
                Codes = codes, Source = source, Parent = id, Sector = sector,
            });
        for (int p = 0; p < persons.Count; p++)
            into.Add(new ActorEntry
            {
                Id = $"{id}.m{p + 1}", Type = EntityType.PERSON, Name = NameFolding.Display(persons[p].Phrases[0]),
                Phrases = persons[p].Phrases, Codes = codes, Source = source, Parent = id,
            });
    }

    internal static string? SectorOf(IReadOnlyList<DatedCode> codes)
    {
        foreach (var c in codes)
        {
            var parts = ActorCodes.Split(c.Code);
            if (parts.Contains("MED")) return "media";
            if (parts.Contains("SPY")) return "intelligence";
            if (parts.Contains("HRI")) return "human-rights";
        }
        return null;
    }
}

/// <summary>
/// Reads PETRARCH agent dictionaries (Phoenix.agents.txt, PLOVER_agents.txt): "PHRASE [~CODE]" lines with
/// substitution sets ("!PERSON! = MAN, MEN, ...") and regular plurals generated as PETRARCH does.
/// </summary>
public static partial class AgentsReader
{
    [GeneratedRegex(@"\[~?([A-Z0-9]*)\]")]
    private static partial Regex AgentCode();

    public static Result<List<AgentEntry>> Read(string path, ActorSource source)
    {
        if (!File.Exists(path)) return Result<List<AgentEntry>>.Fail($"{path}: no such file");
        return Parse(File.ReadLines(path), source);
    }

    public static Result<List<AgentEntry>> Parse(IEnumerable<string> lines, ActorSource source)
    {
        var sets = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var result = new List<AgentEntry>();
        foreach (var raw in lines)
        {
            var line = raw;
            int hash = line.IndexOf('#');
            if (hash >= 0) line = line[..hash];
            line = line.Trim();
            if (line.Length == 0) continue;
            if (line[0] == '!' && line.Contains('='))
            {
                int eq = line.IndexOf('=');
                sets[line[..eq].Trim()] = line[(eq + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                continue;
            }
            var m = AgentCode().Match(line);
            if (!m.Success || m.Groups[1].Value.Length == 0) continue;
            var phrase = line[..m.Index].Replace("{}", " ", StringComparison.Ordinal).Trim();
            foreach (var expanded in Expand(phrase, sets))
            {
                var clean = expanded.Replace('_', ' ').Trim();
                if (clean.Length == 0) continue;
                result.Add(new AgentEntry(clean, m.Groups[1].Value, source));
                var plural = Plural(clean);
                if (plural != clean) result.Add(new AgentEntry(plural, m.Groups[1].Value, source));
            }
        }
        return result;
    }

    private static IEnumerable<string> Expand(string phrase, Dictionary<string, string[]> sets)
    {
        int a = phrase.IndexOf('!');
        int b = a < 0 ? -1 : phrase.IndexOf('!', a + 1);
        if (b < 0) { yield return phrase; yield break; }
        var name = phrase[a..(b + 1)];
        if (!sets.TryGetValue(name, out var values)) { yield return phrase.Replace(name, " ", StringComparison.Ordinal); yield break; }
        foreach (var v in values)
            foreach (var e in Expand(phrase[..a] + v + phrase[(b + 1)..], sets))
                yield return e;
    }

    /// <summary>Regular English plural of the last word (MAN -> MEN, MILITIA -> MILITIAS, ARMY -> ARMIES).</summary>
    public static string Plural(string phrase)
    {
        int sp = phrase.LastIndexOf(' ');
        var head = phrase[..(sp + 1)];
        var last = phrase[(sp + 1)..];
        var lower = last.ToLowerInvariant();
        bool upper = last.Length > 0 && char.IsUpper(last[^1]);
        string suffix;
        if (lower.EndsWith("man", StringComparison.Ordinal)) return head + last[..^2] + (upper ? "EN" : "en");
        if (lower.EndsWith('s') || lower.EndsWith('x') || lower.EndsWith("ch", StringComparison.Ordinal) || lower.EndsWith("sh", StringComparison.Ordinal))
        {
            if (lower.EndsWith("ss", StringComparison.Ordinal) || !lower.EndsWith('s')) suffix = "es";
            else return phrase;
        }
        else if (lower.Length > 1 && lower.EndsWith('y') && !"aeiou".Contains(lower[^2])) return head + last[..^1] + (upper ? "IES" : "ies");
        else suffix = "s";
        return head + last + (upper ? suffix.ToUpperInvariant() : suffix);
    }
}

/// <summary>
/// Reads OEDA CountryInfo.txt: per country its ISO3 code, name, nationality forms, capitals, and dated leaders
/// (&lt;Leaders&gt; sub-blocks such as &lt;Presidents&gt; with "[date - date]" or "[&gt;date]").
/// </summary>
public static partial class CountryInfoReader
{
    [GeneratedRegex(@"\[([<>]?)\s*(\d{8})\s*(?:-\s*(\d{8}))?\s*\]")]
    private static partial Regex Term();

    public static Result<(List<CountryEntry> Countries, List<LeaderTerm> Leaders)> Read(string path)
    {
        if (!File.Exists(path)) return Result<(List<CountryEntry>, List<LeaderTerm>)>.Fail($"{path}: no such file");
        return Parse(File.ReadLines(path));
    }

    public static Result<(List<CountryEntry> Countries, List<LeaderTerm> Leaders)> Parse(IEnumerable<string> lines)
    {
        var countries = new List<CountryEntry>();
        var leaders = new List<LeaderTerm>();
        string? code = null, name = null, section = null, office = null, iso2 = null;
        var names = new List<string>();
        var nationality = new List<string>();
        var capitals = new List<string>();
        bool inDoc = false;
        void Flush()
        {
            if (code is { Length: 3 } && name is not null)
            {
                var demonyms = nationality.Where(IsDemonym).ToList();
                var variants = nationality.Where(n => !IsDemonym(n)).Prepend(name).Distinct().ToList();
                countries.Add(new CountryEntry(code, NameFolding.Display(name), variants, demonyms, capitals.ToList()) { Iso2 = iso2 is { Length: 2 } ? iso2 : null });
            }
            code = name = section = office = iso2 = null;
            names.Clear(); nationality.Clear(); capitals.Clear();
        }
        foreach (var raw in lines)
        {
            var line = raw;
            if (line.Contains("<!--", StringComparison.Ordinal)) inDoc = true;
            if (inDoc) { if (line.Contains("-->", StringComparison.Ordinal)) inDoc = false; continue; }
            int hash = line.IndexOf('#');
            if (hash >= 0) line = line[..hash];
            var t = line.Trim();
            if (t.Length == 0) continue;
            if (t == "<Country>") { Flush(); continue; }
            if (t == "</Country>") { Flush(); continue; }
            if (t.StartsWith("<CountryCode>", StringComparison.Ordinal)) { code = Inner(t); continue; }
            if (t.StartsWith("<ISO3166-alpha2>", StringComparison.Ordinal)) { iso2 = Inner(t); continue; }
            if (t.StartsWith("<CountryName>", StringComparison.Ordinal)) { name = Inner(t).Replace('_', ' ').Trim(); continue; }
            if (t.StartsWith("</", StringComparison.Ordinal))
            {
                var closing = t[2..].TrimEnd('>');
                if (closing == section) section = null;
                else if (closing == office) office = null;
                continue;
            }
            if (t[0] == '<' && t.EndsWith('>') && !t.Contains("</", StringComparison.Ordinal))
            {
                var tag = t[1..^1];
                if (section == "Leaders") office = tag;
                else section = tag;
                continue;
            }
            if (t[0] == '<') continue; // other one-line fields
            switch (section)
            {
                case "Nationality": nationality.Add(Clean(t)); break;
                case "Capital": capitals.Add(Clean(t)); break;
                case "Leaders" when office is not null && code is { Length: 3 }:
                {
                    var m = Term().Match(t);
                    var personPart = m.Success ? t[..m.Index] : t;
                    int bi = personPart.IndexOf('[');
                    if (bi >= 0) personPart = personPart[..bi];
                    var variants = personPart.Split(['{', '}'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                        .Select(Clean).Where(v => v.Length > 0).ToList();
                    if (variants.Count == 0) break;
                    DateOnly? from = null, to = null;
                    if (m.Success)
                    {
                        var d1 = DatedCode.ParseDate(m.Groups[2].Value);
                        if (m.Groups[1].Value == ">") from = d1;
                        else if (m.Groups[1].Value == "<") to = d1;
                        else { from = d1; to = m.Groups[3].Success ? DatedCode.ParseDate(m.Groups[3].Value) : null; }
                    }
                    leaders.Add(new LeaderTerm(code, NormaliseOffice(office), NameFolding.Display(variants[0]), variants, from, to, "countryinfo"));
                    break;
                }
            }
        }
        Flush();
        return (countries, leaders);
    }

    private static string Inner(string t)
    {
        int a = t.IndexOf('>') + 1, b = t.IndexOf("</", StringComparison.Ordinal);
        return b > a ? t[a..b].Trim() : "";
    }

    private static string Clean(string s) => s.Replace('_', ' ').Trim().Trim(',').Trim();

    /// <summary>"Prime ministers" -> "prime minister", "Presidents" -> "president".</summary>
    public static string NormaliseOffice(string office)
    {
        var o = office.Replace('_', ' ').ToLowerInvariant().Trim();
        int paren = o.IndexOf('(');
        if (paren > 0) o = o[..paren].Trim();
        var words = o.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return o;
        int head = Array.FindIndex(words, w => w is "of" or "for");
        int idx = head > 0 ? head - 1 : words.Length - 1;
        var w0 = words[idx];
        if (w0.EndsWith("ies", StringComparison.Ordinal)) w0 = w0[..^3] + "y";
        else if (w0.EndsWith("men", StringComparison.Ordinal)) w0 = w0[..^3] + "man";
        else if (w0.EndsWith('s') && !w0.EndsWith("ss", StringComparison.Ordinal)) w0 = w0[..^1];
        words[idx] = w0;
        return string.Join(' ', words);
    }

    /// <summary>Nationality adjectives and people nouns: Syrian, Lebanese, Iraqi, Turkish, French, Russians.</summary>
    public static bool IsDemonym(string s)
    {
        var w = s.Trim().ToLowerInvariant();
        if (w.Contains(' ') || w.Contains('(') || w.Length < 4) return false;
        return w.EndsWith("an", StringComparison.Ordinal) || w.EndsWith("ans", StringComparison.Ordinal) || w.EndsWith("ese", StringComparison.Ordinal)
            || w.EndsWith('i') || w.EndsWith("ish", StringComparison.Ordinal) || w.EndsWith("ch", StringComparison.Ordinal)
            || w.EndsWith("ic", StringComparison.Ordinal) || w.EndsWith("ot", StringComparison.Ordinal);
    }
}

/// <summary>
/// Reads the project's curated supplement (data/actors/supplement.tsv): id, type, codes, name, aliases, parent,
/// sector, reference. Codes are "SYRGOVSPY" or dated "SYRGOV@20000717~20241208", several separated by ';'.
/// </summary>
public static class SupplementReader
{
    public static Result<List<ActorEntry>> Read(string path)
    {
        if (!File.Exists(path)) return Result<List<ActorEntry>>.Fail($"{path}: no such file");
        return Parse(File.ReadLines(path), Path.GetFileName(path));
    }

    public static Result<List<ActorEntry>> Parse(IEnumerable<string> lines, string name)
    {
        var result = new List<ActorEntry>();
        int n = 0;
        foreach (var line in lines)
        {
            n++;
            if (line.Length == 0 || line[0] == '#' || line.StartsWith("id\t", StringComparison.Ordinal)) continue;
            var f = line.Split('\t');
            if (f.Length < 8) return Result<List<ActorEntry>>.Fail($"{name}:{n}: expected 8 tab-separated columns, found {f.Length}");
            if (!Enum.TryParse<EntityType>(f[1], out var type)) return Result<List<ActorEntry>>.Fail($"{name}:{n}: unknown type '{f[1]}'");
            var codes = f[2].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(DatedCode.FromCompiled).OfType<DatedCode>().ToList();
            var phrases = f[4].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Prepend(f[3].Trim()).Distinct().ToList();
            result.Add(new ActorEntry
            {
                Id = "sup:" + f[0].Trim(), Type = type, Codes = codes, Name = f[3].Trim(), Phrases = phrases,
                Parent = f[5].Length > 0 ? "sup:" + f[5].Trim() : null, Sector = f[6].Length > 0 ? f[6].Trim() : null,
                Reference = f[7].Trim(), Source = ActorSource.Supplement,
            });
        }
        return result;
    }

    /// <summary>Curated leader terms (data/actors/leaders.tsv): country, office, name, variants, from, to, reference.</summary>
    public static Result<List<LeaderTerm>> ReadLeaders(string path)
    {
        if (!File.Exists(path)) return Result<List<LeaderTerm>>.Fail($"{path}: no such file");
        var result = new List<LeaderTerm>();
        int n = 0;
        foreach (var line in File.ReadLines(path))
        {
            n++;
            if (line.Length == 0 || line[0] == '#' || line.StartsWith("country\t", StringComparison.Ordinal)) continue;
            var f = line.Split('\t');
            if (f.Length < 7) return Result<List<LeaderTerm>>.Fail($"{path}:{n}: expected 7 tab-separated columns");
            var variants = f[3].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Prepend(f[2]).Distinct().ToList();
            result.Add(new LeaderTerm(f[0], f[1], f[2], variants, DatedCode.ParseDate(f[4].Replace("-", "", StringComparison.Ordinal)),
                DatedCode.ParseDate(f[5].Replace("-", "", StringComparison.Ordinal)), f[6]));
        }
        return result;
    }
}

/// <summary>Helpers for CAMEO actor codes: 3-letter parts, country detection.</summary>
public static class ActorCodes
{
    /// <summary>Three-letter parts of a code: "SYRGOVMIL" -> SYR, GOV, MIL.</summary>
    public static string[] Split(string code)
    {
        var parts = new string[(code.Length + 2) / 3];
        for (int i = 0; i < parts.Length; i++) parts[i] = code.Substring(i * 3, Math.Min(3, code.Length - i * 3));
        return parts;
    }

    private static readonly HashSet<string> NonCountryPrefixes = new(StringComparer.Ordinal)
    { "IGO", "NGO", "IMG", "MNC", "UIS", "ELI", "GOV", "MIL", "REB", "OPP", "INS", "SPY", "MED", "BUS", "CVL", "COP", "JUD", "LEG", "REL", "EDU", "HLH", "HRI", "LAB", "AGR", "REF", "CRM", "UAF", "PTY", "MOD", "RAD", "SEP", "NGM", "IJR", "INT" };

    public static Documents.ActorCode ToActorCode(string code, string dictionary)
    {
        string? country = null;
        string sector = code;
        if (code.Length >= 3 && !NonCountryPrefixes.Contains(code[..3]))
        {
            country = code[..3];
            sector = code[3..];
        }
        return new Documents.ActorCode(code, country, sector.Length == 0 ? null : sector, dictionary);
    }

    public static string Describe(ActorSource s) => s switch
    {
        ActorSource.Supplement => "dragoman-supplement",
        ActorSource.CountryInfo => "countryinfo",
        ActorSource.PhoenixMilNonState => "phoenix-milnonstate",
        ActorSource.PhoenixCountries => "phoenix-countries",
        ActorSource.PhoenixInternational => "phoenix-international",
        _ => "other",
    };

    internal static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
