using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace Dragoman.Actors;

/// <summary>
/// The actor dictionary compiled once into a file of blocks (<see cref="BlockFile"/>) in the data folder: the phrase trie
/// as arrays, the word and id tables hashed (<see cref="PackedKeyTable"/>), each entry as one record decoded when it is
/// first used. Loading it reads the blocks and builds nothing, where loading the sources folds and inserts every phrase.
/// The file carries the key of what it was built from (the source files' bytes and this build of the code); another
/// key, another format version or a damaged file is rebuilt from the sources.
/// </summary>
internal static class CompiledActors
{
    private const int Magic = 0x4143_5244; // "DRCA"
    private const int Version = 1;
    private const int BlockCount = 18;

    /// <summary>The files <see cref="ActorDictionary.Load"/> reads from a source folder.</summary>
    private static readonly string[] SourceFiles = [ActorDictionary.CompiledFileName, "supplement.tsv", "leaders.tsv", "agents.tsv", "given-names.txt"];

    /// <summary>The end of the message of a file compiled from other sources or by another build (the usual reason to compile again).</summary>
    public const string Stale = "was compiled from other sources or another build";

    public static string DefaultPath(string dataDir) => Path.Combine(dataDir, "actors", "dictionary.bin");

    /// <summary>
    /// What a compiled file must have been built from: the source files' names and bytes, and this build of the code
    /// (its module version id changes with any change to the folding or the trie, so no version number has to be bumped).
    /// </summary>
    public static string SourceKey(string sourceDir)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes(typeof(CompiledActors).Assembly.ManifestModule.ModuleVersionId.ToString()));
        foreach (var name in SourceFiles)
        {
            var path = Path.Combine(sourceDir, name);
            sha.AppendData(Encoding.UTF8.GetBytes("\n" + name + "\n"));
            if (File.Exists(path)) sha.AppendData(File.ReadAllBytes(path));
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    public static void Write(string path, string key, ActorDictionary d)
    {
        var (childStart, childWord, childNext, hitStart, hits, caps) = d.Trie;
        var (recordOffsets, records) = Records(d.Entries);
        var blocks = new List<byte[]> { Encoding.UTF8.GetBytes(key) };
        Table(d.Words);
        blocks.AddRange([BlockFile.Bytes(childStart), BlockFile.Bytes(childWord), BlockFile.Bytes(childNext), BlockFile.Bytes(hitStart),
            hits.Select(h => (byte)h.Kind).ToArray(), BlockFile.Bytes(hits.Select(h => h.Index).ToArray()), caps]);
        blocks.AddRange([BlockFile.Bytes(recordOffsets), records]);
        Table(d.EntryIds);
        blocks.Add(BlockFile.Bytes(d.EntryOfId));
        blocks.Add(Small(d));
        BlockFile.Write(path, Magic, Version, blocks);

        void Table(PackedKeyTable t)
        {
            var keys = Enumerable.Range(0, t.Keys.Count).Select(i => t.Keys[i]).ToList();
            var (offsets, bytes) = PackedStrings.Pack(keys);
            blocks.AddRange([offsets, bytes, PackedKeyTable.BuildBuckets(new PackedStrings(offsets, bytes, "keys"))]);
        }
    }

    /// <summary>The dictionary compiled at <paramref name="path"/> for <paramref name="key"/>, or why it cannot be used.</summary>
    public static Result<ActorDictionary> Read(string path, string key)
    {
        if (!File.Exists(path)) return Result<ActorDictionary>.Fail($"no compiled actor dictionary at {path}");
        try
        {
            var (problem, detail, b) = BlockFile.Read(path, Magic, Version, BlockCount);
            if (problem != BlockFile.Problem.None)
                return Result<ActorDictionary>.Fail($"{path} {(problem == BlockFile.Problem.NotThisKind ? "is not a compiled actor dictionary" : problem == BlockFile.Problem.OtherVersion ? "has another format" : "is damaged")} {detail}".TrimEnd());
            if (Encoding.UTF8.GetString(b[0]) != key) return Result<ActorDictionary>.Fail($"{path} {Stale}");
            var words = Table(b, 1, "words");
            var childStart = BlockFile.Column<int>(b[4]); var childWord = BlockFile.Column<int>(b[5]); var childNext = BlockFile.Column<int>(b[6]);
            var hitStart = BlockFile.Column<int>(b[7]); var hitKinds = b[8]; var hitIndexes = BlockFile.Column<int>(b[9]); var caps = b[10];
            var entries = new RecordEntries(BlockFile.Column<int>(b[11]), b[12]);
            var entryIds = Table(b, 13, "entry ids");
            var entryOfId = BlockFile.Column<int>(b[16]);
            var (agents, countries, leaders, given) = ReadSmall(b[17]);
            int nodes = childStart.Length - 1;
            // every index the matcher follows stays in bounds, so a damaged file fails here and not in the middle of an article
            Check(nodes >= 1 && caps.Length == nodes && hitStart.Length == nodes + 1 && childWord.Length == childNext.Length
                && hitKinds.Length == hitIndexes.Length, "trie arrays of different lengths");
            Check(BlockFile.Monotone(childStart, childWord.Length) && BlockFile.Monotone(hitStart, hitIndexes.Length), "trie offsets out of order");
            foreach (var w in childWord) Check((uint)w < (uint)words.Keys.Count, "an edge names no word");
            foreach (var n in childNext) Check((uint)n < (uint)nodes, "an edge leads to no node");
            foreach (var r in caps) Check(r <= 2, "an unknown capitalisation rule");
            var hits = new PhraseHit[hitKinds.Length];
            for (int i = 0; i < hits.Length; i++)
            {
                var kind = (PhraseKind)hitKinds[i];
                int limit = kind switch
                {
                    PhraseKind.Actor => entries.Count, PhraseKind.Agent => agents.Count,
                    PhraseKind.Country or PhraseKind.Demonym or PhraseKind.Capital => countries.Count, _ => -1,
                };
                Check((uint)hitIndexes[i] < (uint)Math.Max(limit, 0), "a phrase names no entry");
                hits[i] = new PhraseHit(kind, hitIndexes[i]);
            }
            Check(entryOfId.Length == entryIds.Keys.Count, "entry ids of another length");
            foreach (var e in entryOfId) Check((uint)e < (uint)entries.Count, "an id names no entry");
            return new ActorDictionary(entries, agents, countries, leaders, new NameShape(given), entryIds, entryOfId, words,
                childStart, childWord, childNext, hitStart, hits, caps);
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or ArgumentException or OverflowException)
        {
            return Result<ActorDictionary>.Fail($"{path} is damaged: {ex.Message}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Result<ActorDictionary>.Fail($"cannot read {path}: {ex.Message}");
        }
    }

    private static void Check(bool ok, string what)
    {
        if (!ok) throw new InvalidDataException(what);
    }

    private static PackedKeyTable Table(byte[][] b, int at, string what) => new(new PackedStrings(b[at], b[at + 1], what), b[at + 2], what);

    // ---------------------------------------------------------------- entries, one record each

    private static (int[] Offsets, byte[] Records) Records(IReadOnlyList<ActorEntry> entries)
    {
        var offsets = new int[entries.Count + 1];
        using var ms = new MemoryStream();
        using var w = new BinaryWriter(ms, Encoding.UTF8);
        for (int i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            w.Write(e.Id); w.Write((byte)e.Type); w.Write(e.Name);
            Strings(w, e.Phrases);
            w.Write7BitEncodedInt(e.Codes.Count);
            foreach (var c in e.Codes) { w.Write(c.Code); Date(w, c.From); Date(w, c.To); }
            w.Write((byte)e.Source);
            Optional(w, e.Parent); Optional(w, e.Reference); Optional(w, e.Sector);
            w.Flush();
            offsets[i + 1] = checked((int)ms.Length);
        }
        return (offsets, ms.ToArray());
    }

    /// <summary>Entries decoded from their records when first asked for; one object per entry (published once).</summary>
    private sealed class RecordEntries : IReadOnlyList<ActorEntry>
    {
        private readonly int[] _offsets;
        private readonly byte[] _records;
        private readonly ActorEntry?[] _decoded;

        public RecordEntries(int[] offsets, byte[] records)
        {
            if (!BlockFile.Monotone(offsets, records.Length)) throw new InvalidDataException("entry records out of order");
            _offsets = offsets;
            _records = records;
            _decoded = new ActorEntry?[offsets.Length - 1];
        }

        public int Count => _decoded.Length;

        public ActorEntry this[int index]
        {
            get
            {
                if (_decoded[index] is { } done) return done;
                var decoded = Decode(index);
                return Interlocked.CompareExchange(ref _decoded[index], decoded, null) ?? decoded;
            }
        }

        private ActorEntry Decode(int i)
        {
            using var r = new BinaryReader(new MemoryStream(_records, _offsets[i], _offsets[i + 1] - _offsets[i], writable: false), Encoding.UTF8);
            try
            {
                var id = r.ReadString();
                var type = (Documents.EntityType)r.ReadByte();
                var name = r.ReadString();
                var phrases = ReadStrings(r);
                var codes = new DatedCode[r.Read7BitEncodedInt()];
                for (int c = 0; c < codes.Length; c++) codes[c] = new DatedCode(r.ReadString(), ReadDate(r), ReadDate(r));
                var source = (ActorSource)r.ReadByte();
                return new ActorEntry
                {
                    Id = id, Type = type, Name = name, Phrases = phrases, Codes = codes, Source = source,
                    Parent = ReadOptional(r), Reference = ReadOptional(r), Sector = ReadOptional(r),
                };
            }
            catch (Exception ex) when (ex is EndOfStreamException or ArgumentException)
            {
                // the file passed its checks at load; a record that still does not decode is a damaged file
                throw new InvalidDataException($"the compiled actor dictionary's entry {i} is damaged; delete it to rebuild");
            }
        }

        public IEnumerator<ActorEntry> GetEnumerator()
        {
            for (int i = 0; i < Count; i++) yield return this[i];
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    // ---------------------------------------------------------------- agents, countries, leaders, given names

    private static byte[] Small(ActorDictionary d)
    {
        using var ms = new MemoryStream();
        using (var w = new BinaryWriter(ms, Encoding.UTF8))
        {
            w.Write(d.Agents.Count);
            foreach (var a in d.Agents) { w.Write(a.Phrase); w.Write(a.Code); w.Write((byte)a.Source); }
            w.Write(d.Countries.Count);
            foreach (var c in d.Countries) { w.Write(c.Iso3); w.Write(c.Name); Strings(w, c.Names); Strings(w, c.Demonyms); Strings(w, c.Capitals); Optional(w, c.Iso2); }
            w.Write(d.Leaders.Count);
            foreach (var l in d.Leaders) { w.Write(l.Country); w.Write(l.Office); w.Write(l.Name); Strings(w, l.Variants); Date(w, l.From); Date(w, l.To); w.Write(l.Source); }
            Strings(w, [.. d.Shape.GivenNames]);
        }
        return ms.ToArray();
    }

    private static (List<AgentEntry>, List<CountryEntry>, List<LeaderTerm>, string[]) ReadSmall(byte[] block)
    {
        using var r = new BinaryReader(new MemoryStream(block, writable: false), Encoding.UTF8);
        var agents = new List<AgentEntry>(Count(r));
        for (int i = agents.Capacity; i > 0; i--) agents.Add(new AgentEntry(r.ReadString(), r.ReadString(), (ActorSource)r.ReadByte()));
        var countries = new List<CountryEntry>(Count(r));
        for (int i = countries.Capacity; i > 0; i--)
            countries.Add(new CountryEntry(r.ReadString(), r.ReadString(), ReadStrings(r), ReadStrings(r), ReadStrings(r)) { Iso2 = ReadOptional(r) });
        var leaders = new List<LeaderTerm>(Count(r));
        for (int i = leaders.Capacity; i > 0; i--)
            leaders.Add(new LeaderTerm(r.ReadString(), r.ReadString(), r.ReadString(), ReadStrings(r), ReadDate(r), ReadDate(r), r.ReadString()));
        var given = ReadStrings(r);
        if (r.BaseStream.Position != block.Length) throw new InvalidDataException("bytes left after the small tables");
        return (agents, countries, leaders, given);
    }

    private static int Count(BinaryReader r)
    {
        int n = r.ReadInt32();
        return n >= 0 && n <= r.BaseStream.Length ? n : throw new InvalidDataException($"a count of {n}");
    }

    private static void Strings(BinaryWriter w, IReadOnlyList<string> s)
    {
        w.Write7BitEncodedInt(s.Count);
        foreach (var x in s) w.Write(x);
    }

    private static string[] ReadStrings(BinaryReader r)
    {
        int n = r.Read7BitEncodedInt();
        if (n < 0 || n > r.BaseStream.Length) throw new InvalidDataException($"a list of {n} strings");
        var s = new string[n];
        for (int i = 0; i < n; i++) s[i] = r.ReadString();
        return s;
    }

    private static void Optional(BinaryWriter w, string? s)
    {
        w.Write(s is not null);
        if (s is not null) w.Write(s);
    }

    private static string? ReadOptional(BinaryReader r) => r.ReadBoolean() ? r.ReadString() : null;

    private static void Date(BinaryWriter w, DateOnly? d) => w.Write(d?.DayNumber ?? -1);

    private static DateOnly? ReadDate(BinaryReader r)
    {
        int n = r.ReadInt32();
        return n < 0 ? null : DateOnly.FromDayNumber(n);
    }
}
