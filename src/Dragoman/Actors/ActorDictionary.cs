using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Dragoman.Actors;

/// <summary>What a dictionary phrase names.</summary>
public enum PhraseKind : byte { Actor, Country, Demonym, Capital, Agent }

/// <summary>A dictionary phrase's target: an index into <see cref="ActorDictionary"/>'s entries, countries or agents.</summary>
public readonly record struct PhraseHit(PhraseKind Kind, int Index);

/// <summary>
/// All actor knowledge, loaded once and shared read-only: named actors (PETRARCH Phoenix dictionaries, the project's
/// supplement), agents (Phoenix and PLOVER), countries and dated leaders (OEDA CountryInfo). Phrases are indexed in a
/// trie over folded word ids (<see cref="NameFolding"/>), so a text is matched in one pass without building strings.
/// </summary>
public sealed class ActorDictionary
{
    public const string CompiledFileName = "actors.tsv.gz";
    /// <summary>CountryInfo 120116 describes offices as of its last update; open terms are not extended past it.</summary>
    public static readonly DateOnly CountryInfoHorizon = new(2012, 1, 16);

    // The phrase trie, frozen into arrays: word ids are key numbers of _words; a node's edges are
    // _childWord/_childNext[_childStart[node].._childStart[node + 1]] sorted by word id; its hits likewise.
    private readonly PackedKeyTable _words;
    private readonly int[] _childStart, _childWord, _childNext;
    private readonly int[] _hitStart;
    private readonly PhraseHit[] _hits;
    private readonly byte[] _capsRule;       // per node: 0 none, 1 capital initial, 2 all capitals

    public IReadOnlyList<ActorEntry> Entries { get; }
    public IReadOnlyList<AgentEntry> Agents { get; }
    public IReadOnlyList<CountryEntry> Countries { get; }
    public IReadOnlyList<LeaderTerm> Leaders { get; }
    public NameShape Shape { get; }
    private readonly PackedKeyTable _entryIds;   // distinct entry ids, first occurrence first
    private readonly int[] _entryOfId;           // id number -> entry index
    private readonly Dictionary<string, int> _countryByIso = new(StringComparer.Ordinal);

    public ActorDictionary(IReadOnlyList<ActorEntry> entries, IReadOnlyList<AgentEntry> agents, IReadOnlyList<CountryEntry> countries,
        IReadOnlyList<LeaderTerm> leaders, IEnumerable<string> givenNames)
    {
        Entries = entries;
        Agents = agents;
        Countries = countries;
        Leaders = CloseOpenTerms(leaders);
        Shape = new NameShape(givenNames.Select(NameFolding.FoldPhrase).Where(n => n.Length > 1 && !n.Contains(' ') && !NameShape.IsOrgWord(n)));
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < entries.Count; i++) ids.TryAdd(entries[i].Id, i);
        (_entryIds, _entryOfId) = (KeyTable(ids.Keys), [.. ids.Values]);
        for (int i = 0; i < countries.Count; i++) _countryByIso.TryAdd(countries[i].Iso3, i);
        var trie = new TrieBuilder();
        // lower precedence first, so that a phrase's hits are ordered best-first after the stable sort below
        for (int i = 0; i < entries.Count; i++)
            foreach (var p in entries[i].Phrases) trie.Insert(p, new PhraseHit(PhraseKind.Actor, i), true);
        for (int i = 0; i < countries.Count; i++)
        {
            foreach (var n in countries[i].Names) trie.Insert(n, new PhraseHit(PhraseKind.Country, i), true);
            foreach (var d in countries[i].Demonyms)
            {
                trie.Insert(d, new PhraseHit(PhraseKind.Demonym, i), true);
                if (!d.EndsWith('s') && !d.EndsWith("ese", StringComparison.OrdinalIgnoreCase) && !d.EndsWith("ish", StringComparison.OrdinalIgnoreCase) && !d.EndsWith("ch", StringComparison.OrdinalIgnoreCase))
                    trie.Insert(d + "s", new PhraseHit(PhraseKind.Demonym, i), true);
            }
            foreach (var c in countries[i].Capitals) trie.Insert(c, new PhraseHit(PhraseKind.Capital, i), true);
        }
        for (int i = 0; i < agents.Count; i++) trie.Insert(agents[i].Phrase, new PhraseHit(PhraseKind.Agent, i), false);
        _words = KeyTable(trie.Words.Keys);
        (_childStart, _childWord, _childNext) = trie.Edges();
        (_hitStart, _hits) = trie.Hits(Rank);
        _capsRule = trie.CapsRules();
    }

    /// <summary>A dictionary read back from its compiled file (<see cref="CompiledActors"/>): nothing is rebuilt.</summary>
    internal ActorDictionary(IReadOnlyList<ActorEntry> entries, IReadOnlyList<AgentEntry> agents, IReadOnlyList<CountryEntry> countries,
        IReadOnlyList<LeaderTerm> closedLeaders, NameShape shape, PackedKeyTable entryIds, int[] entryOfId, PackedKeyTable words,
        int[] childStart, int[] childWord, int[] childNext, int[] hitStart, PhraseHit[] hits, byte[] capsRule)
    {
        Entries = entries; Agents = agents; Countries = countries; Leaders = closedLeaders; Shape = shape;
        _entryIds = entryIds; _entryOfId = entryOfId; _words = words;
        _childStart = childStart; _childWord = childWord; _childNext = childNext; _hitStart = hitStart; _hits = hits; _capsRule = capsRule;
        for (int i = 0; i < countries.Count; i++) _countryByIso.TryAdd(countries[i].Iso3, i);
    }

    internal PackedKeyTable Words => _words;
    internal PackedKeyTable EntryIds => _entryIds;
    internal int[] EntryOfId => _entryOfId;
    internal (int[] ChildStart, int[] ChildWord, int[] ChildNext, int[] HitStart, PhraseHit[] Hits, byte[] CapsRule) Trie =>
        (_childStart, _childWord, _childNext, _hitStart, _hits, _capsRule);

    private static PackedKeyTable KeyTable(IEnumerable<string> keys)
    {
        var (offsets, bytes) = PackedStrings.Pack(keys.ToList());
        var packed = new PackedStrings(offsets, bytes, "actor keys");
        return new PackedKeyTable(packed, PackedKeyTable.BuildBuckets(packed), "actor keys");
    }

    private int Rank(PhraseHit h) => h.Kind switch
    {
        PhraseKind.Actor => (int)Entries[h.Index].Source * 10,
        PhraseKind.Country => 5,
        PhraseKind.Demonym => 6,
        PhraseKind.Capital => 7,
        _ => 100 + (int)Agents[h.Index].Source,
    };

    public ActorEntry? EntryById(string id) => _entryIds.Find(id) is var k and >= 0 ? Entries[_entryOfId[k]] : null;
    public CountryEntry? CountryByIso(string? iso) => iso is not null && _countryByIso.TryGetValue(iso, out var i) ? Countries[i] : null;

    /// <summary>A country by ISO alpha-2 or alpha-3 code (GeoNames gives alpha-2).</summary>
    public CountryEntry? CountryByCode(string? code) =>
        code is null ? null : code.Length == 3 ? CountryByIso(code) : Countries.FirstOrDefault(c => string.Equals(c.Iso2, code, StringComparison.OrdinalIgnoreCase));
    public int WordCount => _words.Keys.Count;
    public int NodeCount => _childStart.Length - 1;

    /// <summary>The phrase trie while the dictionary is built: folded words to ids, edges, hits and capitalisation rules by node.</summary>
    private sealed class TrieBuilder
    {
        public readonly Dictionary<string, int> Words = new(StringComparer.Ordinal);
        private readonly Dictionary<long, int> _edges = [];
        private readonly Dictionary<int, PhraseHit[]> _terminals = [];
        private readonly Dictionary<int, byte> _capsRule = [];
        private int _nodeCount = 1;

        public void Insert(string phrase, PhraseHit hit, bool proper)
        {
            var folded = new List<string>();
            foreach (var w in phrase.Split([' ', '_'], StringSplitOptions.RemoveEmptyEntries))
                folded.AddRange(NameFolding.FoldWord(w));
            if (folded.Count > 1 && folded[0] == "the") folded.RemoveAt(0);
            if (folded.Count == 0) return;
            int node = 0;
            foreach (var w in folded)
            {
                if (!Words.TryGetValue(w, out var id)) { id = Words.Count; Words[w] = id; }
                long key = ((long)node << 32) | (uint)id;
                if (!_edges.TryGetValue(key, out var next)) { next = _nodeCount++; _edges[key] = next; }
                node = next;
            }
            _terminals[node] = _terminals.TryGetValue(node, out var list) ? [.. list, hit] : [hit];
            // short single-word proper names must be written in capitals ("US", "UN", "IS"); others need a capital initial
            byte rule = !proper ? (byte)0 : folded.Count == 1 && folded[0].Length <= 3 ? (byte)2 : (byte)1;
            _capsRule[node] = _capsRule.TryGetValue(node, out var old) ? Math.Max(old, rule) : rule;
        }

        /// <summary>Each node's edges, sorted by word id within the node.</summary>
        public (int[] Start, int[] Word, int[] Next) Edges()
        {
            var start = new int[_nodeCount + 1];
            foreach (var key in _edges.Keys) start[(int)(key >> 32) + 1]++;
            for (int i = 0; i < _nodeCount; i++) start[i + 1] += start[i];
            var word = new int[_edges.Count];
            var next = new int[_edges.Count];
            var fill = (int[])start.Clone();
            foreach (var (key, to) in _edges)
            {
                int at = fill[(int)(key >> 32)]++;
                word[at] = (int)key;
                next[at] = to;
            }
            for (int n = 0; n < _nodeCount; n++) Array.Sort(word, next, start[n], start[n + 1] - start[n]);
            return (start, word, next);
        }

        /// <summary>Each node's hits, distinct, best first by <paramref name="rank"/> (a stable sort).</summary>
        public (int[] Start, PhraseHit[] Hits) Hits(Func<PhraseHit, int> rank)
        {
            var start = new int[_nodeCount + 1];
            var hits = new List<PhraseHit>();
            for (int n = 0; n < _nodeCount; n++)
            {
                if (_terminals.TryGetValue(n, out var h)) hits.AddRange(h.Distinct().OrderBy(rank));
                start[n + 1] = hits.Count;
            }
            return (start, [.. hits]);
        }

        public byte[] CapsRules()
        {
            var rules = new byte[_nodeCount];
            foreach (var (node, rule) in _capsRule) rules[node] = rule;
            return rules;
        }
    }

    /// <summary>Word id of a folded part, or -1 when no phrase uses it.</summary>
    public int WordId(ReadOnlySpan<char> folded) => _words.Find(folded);

    /// <summary>Follows one word from a trie node; -1 when no phrase continues that way.</summary>
    public int Step(int node, int wordId)
    {
        if (wordId < 0) return -1;
        int from = _childStart[node];
        int at = Array.BinarySearch(_childWord, from, _childStart[node + 1] - from, wordId);
        return at >= 0 ? _childNext[at] : -1;
    }

    public ReadOnlySpan<PhraseHit> HitsAt(int node) => _hits.AsSpan(_hitStart[node], _hitStart[node + 1] - _hitStart[node]);

    /// <summary>0 none, 1 capital initial, 2 all capitals (short acronyms).</summary>
    public byte CapsRuleAt(int node) => _capsRule[node];

    /// <summary>Looks up a whole phrase (folded the same way as text).</summary>
    public ReadOnlySpan<PhraseHit> Lookup(string phrase)
    {
        int node = 0;
        var words = new List<string>();
        foreach (var w in phrase.Split([' ', '_'], StringSplitOptions.RemoveEmptyEntries)) words.AddRange(NameFolding.FoldWord(w));
        if (words.Count > 1 && words[0] == "the") words.RemoveAt(0);
        foreach (var w in words)
        {
            node = Step(node, WordId(w));
            if (node < 0) return [];
        }
        return HitsAt(node);
    }

    // ---------------------------------------------------------------- leaders

    private static List<LeaderTerm> CloseOpenTerms(IReadOnlyList<LeaderTerm> terms)
    {
        // the supplement's rows replace CountryInfo's for the same person in the same office
        var curated = terms.Where(t => t.Source != "countryinfo").ToList();
        var kept = terms.Where(t => t.Source != "countryinfo" || !curated.Exists(c => c.Country == t.Country && c.Office == t.Office
            && NameFolding.FoldPhrase(c.Name) == NameFolding.FoldPhrase(t.Name))).ToList();
        var result = new List<LeaderTerm>(kept.Count);
        foreach (var group in kept.GroupBy(t => (t.Country, t.Office)))
        {
            var ordered = group.OrderBy(t => t.From ?? DateOnly.MinValue).ToList();
            for (int i = 0; i < ordered.Count; i++)
            {
                var t = ordered[i];
                if (t.To is null && t.From is not null)
                {
                    var next = ordered.Skip(i + 1).FirstOrDefault(n => n.From > t.From);
                    if (next is not null) t = t with { To = next.From!.Value.AddDays(-1) };
                    else if (t.Source == "countryinfo") t = t with { To = CountryInfoHorizon };
                }
                result.Add(t);
            }
        }
        return result;
    }

    /// <summary>Who held <paramref name="office"/> in <paramref name="country"/> on <paramref name="date"/>; null when unknown.</summary>
    public LeaderTerm? LeaderOn(string country, string office, DateOnly date)
    {
        LeaderTerm? best = null;
        foreach (var t in Leaders)
        {
            if (t.Country != country || t.Office != office) continue;
            if ((t.From is null || t.From <= date) && (t.To is null || date <= t.To))
                if (best is null || (t.From ?? DateOnly.MinValue) > (best.From ?? DateOnly.MinValue)) best = t;
        }
        return best;
    }

    // ---------------------------------------------------------------- compiled form

    /// <summary>Writes the compact compiled dictionary (gzip TSV) that the product loads at run time.</summary>
    public void WriteCompiled(string path, string provenance)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var file = File.Create(path);
        using var gz = new GZipStream(file, CompressionLevel.SmallestSize);
        using var w = new StreamWriter(gz, new UTF8Encoding(false));
        w.NewLine = "\n";
        w.WriteLine("#dragoman-actors\t1\t" + provenance.Replace('\n', ' '));
        foreach (var e in Entries.Where(e => e.Source != ActorSource.Supplement))
            w.WriteLine(string.Join('\t', "A", e.Id, e.Type, e.Name, string.Join('|', e.Phrases), string.Join(';', e.Codes.Select(c => c.Format())),
                (int)e.Source, e.Parent ?? "", e.Sector ?? "", e.Reference ?? ""));
        foreach (var a in Agents.Where(a => a.Source != ActorSource.Supplement)) w.WriteLine(string.Join('\t', "G", a.Phrase, a.Code, (int)a.Source));
        foreach (var c in Countries)
            w.WriteLine(string.Join('\t', "C", c.Iso3, c.Name, string.Join('|', c.Names), string.Join('|', c.Demonyms), string.Join('|', c.Capitals), c.Iso2 ?? ""));
        foreach (var l in Leaders.Where(l => l.Source == "countryinfo"))
            w.WriteLine(string.Join('\t', "L", l.Country, l.Office, l.Name, string.Join('|', l.Variants), Date(l.From), Date(l.To), l.Source));
        foreach (var n in Shape.GivenNames.Order(StringComparer.Ordinal)) w.WriteLine("N\t" + n);
    }

    private static string Date(DateOnly? d) => d?.ToString("yyyyMMdd", CultureInfo.InvariantCulture) ?? "";

    /// <summary>
    /// Loads the compiled dictionary plus the project's curated files from <paramref name="dir"/>
    /// (actors.tsv.gz, supplement.tsv, leaders.tsv, given-names.txt).
    /// </summary>
    public static Result<ActorDictionary> Load(string dir)
    {
        var compiled = Path.Combine(dir, CompiledFileName);
        var entries = new List<ActorEntry>();
        var agents = new List<AgentEntry>();
        var countries = new List<CountryEntry>();
        var leaders = new List<LeaderTerm>();
        var given = new List<string>();
        if (File.Exists(compiled))
        {
            try
            {
                using var file = File.OpenRead(compiled);
                using var gz = new GZipStream(file, CompressionMode.Decompress);
                using var r = new StreamReader(gz, Encoding.UTF8);
                string? line;
                int n = 0;
                while ((line = r.ReadLine()) is not null)
                {
                    n++;
                    if (line.Length == 0 || line[0] == '#') continue;
                    var f = line.Split('\t');
                    switch (f[0])
                    {
                        case "A" when f.Length >= 10:
                            entries.Add(new ActorEntry
                            {
                                Id = f[1], Type = Enum.Parse<Documents.EntityType>(f[2]), Name = f[3], Phrases = f[4].Split('|'),
                                Codes = f[5].Split(';', StringSplitOptions.RemoveEmptyEntries).Select(DatedCode.FromCompiled).OfType<DatedCode>().ToArray(),
                                Source = (ActorSource)int.Parse(f[6], CultureInfo.InvariantCulture), Parent = f[7].Length > 0 ? f[7] : null,
                                Sector = f[8].Length > 0 ? f[8] : null, Reference = f[9].Length > 0 ? f[9] : null,
                            });
                            break;
                        case "G" when f.Length >= 4: agents.Add(new AgentEntry(f[1], f[2], (ActorSource)int.Parse(f[3], CultureInfo.InvariantCulture))); break;
                        case "C" when f.Length >= 6: countries.Add(new CountryEntry(f[1], f[2], Split(f[3]), Split(f[4]), Split(f[5])) { Iso2 = f.Length > 6 && f[6].Length == 2 ? f[6] : null }); break;
                        case "L" when f.Length >= 8: leaders.Add(new LeaderTerm(f[1], f[2], f[3], Split(f[4]), DatedCode.ParseDate(f[5]), DatedCode.ParseDate(f[6]), f[7])); break;
                        case "N" when f.Length >= 2: given.Add(f[1]); break;
                        default: return Result<ActorDictionary>.Fail($"{compiled}:{n}: unrecognised line");
                    }
                }
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException or FormatException or ArgumentException)
            {
                return Result<ActorDictionary>.Fail($"{compiled}: {ex.Message}");
            }
        }
        var sup = Path.Combine(dir, "supplement.tsv");
        if (File.Exists(sup))
        {
            var s = SupplementReader.Read(sup);
            if (!s.IsOk) return Result<ActorDictionary>.Fail(s.Error!);
            entries.InsertRange(0, s.Value!);
        }
        var lead = Path.Combine(dir, "leaders.tsv");
        if (File.Exists(lead))
        {
            var l = SupplementReader.ReadLeaders(lead);
            if (!l.IsOk) return Result<ActorDictionary>.Fail(l.Error!);
            leaders.AddRange(l.Value!);
        }
        agents.InsertRange(0, ReadCuratedAgents(dir));
        var names = Path.Combine(dir, "given-names.txt");
        if (File.Exists(names)) given.AddRange(File.ReadLines(names).Where(l => l.Length > 0 && l[0] != '#'));
        return new ActorDictionary(entries, agents, countries, leaders, given);
    }

    private static string[] Split(string s) => s.Length == 0 ? [] : s.Split('|');

    /// <summary>data/actors/agents.tsv: phrase, code, note (the project's own agent nouns).</summary>
    private static IEnumerable<AgentEntry> ReadCuratedAgents(string dir)
    {
        var path = Path.Combine(dir, "agents.tsv");
        if (!File.Exists(path)) yield break;
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var f = line.Split('\t');
            if (f.Length >= 2 && f[0].Length > 0 && f[1].Length > 0) yield return new AgentEntry(f[0].Trim(), f[1].Trim(), ActorSource.Supplement);
        }
    }

    /// <summary>
    /// Builds the dictionary from the field's sources in their own syntax, as found under <paramref name="sharedData"/>
    /// (petrarch2/, ngec-plover/, countryinfo/), plus the project's curated files in <paramref name="curatedDir"/>.
    /// </summary>
    public static Result<ActorDictionary> BuildFromSources(string sharedData, string curatedDir)
    {
        var ci = CountryInfoReader.Read(Path.Combine(sharedData, "countryinfo", "CountryInfo.120116.txt"));
        if (!ci.IsOk) return Result<ActorDictionary>.Fail(ci.Error!);
        var (countries, leaders) = ci.Value;
        var given = new List<string>();
        var curatedNames = Path.Combine(curatedDir, "given-names.txt");
        if (File.Exists(curatedNames)) given.AddRange(File.ReadLines(curatedNames).Where(l => l.Length > 0 && l[0] != '#'));
        foreach (var l in leaders)
        {
            var first = NameFolding.FoldPhrase(l.Name).Split(' ')[0];
            if (first.Length > 2) given.Add(first);
        }
        var places = countries.SelectMany(c => c.Names.Concat(c.Capitals).Concat(c.Demonyms)).Select(NameFolding.FoldPhrase);
        var shape = new NameShape(given.Select(NameFolding.FoldPhrase).Where(n => !NameShape.IsOrgWord(n)), places);
        var entries = new List<ActorEntry>();
        var p2 = Path.Combine(sharedData, "petrarch2");
        foreach (var (file, src) in new[]
        {
            ("Phoenix.MilNonState.actors.txt", ActorSource.PhoenixMilNonState),
            ("Phoenix.Countries.actors.txt", ActorSource.PhoenixCountries),
            ("Phoenix.International.actors.txt", ActorSource.PhoenixInternational),
        })
        {
            var r = PhoenixActorsReader.Read(Path.Combine(p2, file), src, shape);
            if (!r.IsOk) return Result<ActorDictionary>.Fail(r.Error!);
            entries.AddRange(r.Value!);
        }
        var agents = new List<AgentEntry>(ReadCuratedAgents(curatedDir));
        var seenAgents = new HashSet<string>(agents.Select(a => a.Phrase.ToUpperInvariant()), StringComparer.Ordinal);
        foreach (var (file, src) in new[]
        {
            (Path.Combine(sharedData, "ngec-plover", "PLOVER_agents.txt"), ActorSource.Other),
            (Path.Combine(p2, "Phoenix.agents.txt"), ActorSource.Other),
        })
        {
            var r = AgentsReader.Read(file, src);
            if (!r.IsOk) return Result<ActorDictionary>.Fail(r.Error!);
            foreach (var a in r.Value!)
                if (seenAgents.Add(a.Phrase.ToUpperInvariant())) agents.Add(a);
        }
        var sup = Path.Combine(curatedDir, "supplement.tsv");
        if (File.Exists(sup))
        {
            var s = SupplementReader.Read(sup);
            if (!s.IsOk) return Result<ActorDictionary>.Fail(s.Error!);
            entries.InsertRange(0, s.Value!);
        }
        var lead = Path.Combine(curatedDir, "leaders.tsv");
        if (File.Exists(lead))
        {
            var l = SupplementReader.ReadLeaders(lead);
            if (!l.IsOk) return Result<ActorDictionary>.Fail(l.Error!);
            leaders.AddRange(l.Value!);
        }
        return new ActorDictionary(entries, agents, countries, leaders, shape.GivenNames);
    }
}
