using System.Text;

namespace Dragoman.Geo;

/// <summary>One gazetteer entry as a light view over the struct arrays.</summary>
public readonly record struct GazetteerEntry(
    int Index, string Id, string Name, double Lat, double Lon, int Population,
    char FeatureClass, string FeatureCode, string Country, string? Admin1, string? Admin2)
{
    /// <summary>Country, first-level, second-level division, or a large natural feature.</summary>
    public bool IsCountry => FeatureClass == 'A' && FeatureCode.StartsWith("PCL", StringComparison.Ordinal);
    public bool IsAdmin1 => FeatureClass == 'A' && FeatureCode == "ADM1";
    public bool IsAdmin2 => FeatureClass == 'A' && FeatureCode == "ADM2";
}

/// <summary>
/// A compact gazetteer: entries as parallel arrays, two name indexes (canon key and transliteration skeleton) from key to
/// entry indexes, and the names of admin divisions. Saved to and loaded from one binary file of blocks
/// (<see cref="Save"/>, <see cref="Load"/>): the arrays are copied out of their blocks, while names and indexes stay
/// packed (<see cref="PackedStrings"/>, <see cref="PackedKeyTable"/>), so that a start reads the file and builds no
/// dictionary of its hundreds of thousands of keys. Immutable and thread-safe after construction.
/// </summary>
public sealed class Gazetteer
{
    private const int Magic = 0x5A47_5244; // "DRGZ"
    /// <summary>4: packed blocks (hashed key tables, UTF-8 string blocks) instead of serialised dictionaries.</summary>
    private const int Version = 4;
    private const int BlockCount = 32;

    internal readonly int[] GeonameIds;      // > 0 GeoNames id; <= 0 supplement or synthetic (see _keys)
    internal readonly PackedStrings Names;
    internal readonly float[] Lats;
    internal readonly float[] Lons;
    internal readonly int[] Pops;
    internal readonly byte[] FClasses;
    internal readonly ushort[] FCodes;       // index into _strings
    internal readonly ushort[] Countries;    // index into _strings
    internal readonly int[] Admin1s;         // index into _strings, -1 none
    internal readonly int[] Admin2s;         // index into _strings, -1 none
    private readonly PackedStrings _strings;
    private readonly Dictionary<int, string> _keys;          // entry index -> non-GeoNames id ("dragoman:jabab")
    private readonly PackedPostings _exact;
    private readonly PackedPostings _loose;
    private readonly PackedKeyTable _adminKeys;              // "SY.06" -> its number in _adminNames
    private readonly PackedStrings _adminNames;              // -> "Daraa"
    private readonly Dictionary<string, int> _countryEntry;  // "SY" -> entry index
    private readonly Lazy<Dictionary<long, string[]>> _fuzzyBuckets;
    private readonly byte[][] _blocks;                       // what Save writes back

    /// <summary>The gazetteer held by the file's blocks; throws <see cref="InvalidDataException"/> naming what does not fit.</summary>
    private Gazetteer(byte[][] blocks)
    {
        if (blocks.Length != BlockCount) throw new InvalidDataException($"{blocks.Length} blocks instead of {BlockCount}");
        _blocks = blocks;
        Source = Encoding.UTF8.GetString(blocks[0]);
        _strings = new PackedStrings(blocks[1], blocks[2], "codes");
        GeonameIds = BlockFile.Column<int>(blocks[3]);
        int n = GeonameIds.Length;
        Lats = BlockFile.Column<float>(blocks[4], n); Lons = BlockFile.Column<float>(blocks[5], n); Pops = BlockFile.Column<int>(blocks[6], n);
        FClasses = BlockFile.Column<byte>(blocks[7], n); FCodes = BlockFile.Column<ushort>(blocks[8], n); Countries = BlockFile.Column<ushort>(blocks[9], n);
        Admin1s = BlockFile.Column<int>(blocks[10], n); Admin2s = BlockFile.Column<int>(blocks[11], n);
        foreach (var c in FCodes) if (c >= _strings.Count) throw new InvalidDataException($"a feature code names code {c} of {_strings.Count}");
        foreach (var c in Countries) if (c >= _strings.Count) throw new InvalidDataException($"a country names code {c} of {_strings.Count}");
        foreach (var c in Admin1s) if (c < -1 || c >= _strings.Count) throw new InvalidDataException($"a division names code {c} of {_strings.Count}");
        foreach (var c in Admin2s) if (c < -1 || c >= _strings.Count) throw new InvalidDataException($"a division names code {c} of {_strings.Count}");
        Names = new PackedStrings(blocks[12], blocks[13], "names");
        if (Names.Count != n) throw new InvalidDataException($"{Names.Count} names for {n} entries");
        var keyEntries = BlockFile.Column<int>(blocks[14]);
        var keyNames = new PackedStrings(blocks[15], blocks[16], "ids");
        if (keyNames.Count != keyEntries.Length) throw new InvalidDataException($"{keyNames.Count} ids for {keyEntries.Length} entries");
        _keys = new Dictionary<int, string>(keyEntries.Length);
        for (int i = 0; i < keyEntries.Length; i++)
        {
            if ((uint)keyEntries[i] >= (uint)n) throw new InvalidDataException($"an id names entry {keyEntries[i]} of {n}");
            _keys[keyEntries[i]] = keyNames[i];
        }
        _adminKeys = new PackedKeyTable(new PackedStrings(blocks[17], blocks[18], "division keys"), blocks[19], "division keys");
        _adminNames = new PackedStrings(blocks[20], blocks[21], "division names");
        if (_adminNames.Count != _adminKeys.Keys.Count) throw new InvalidDataException($"{_adminNames.Count} division names for {_adminKeys.Keys.Count} keys");
        _exact = Postings(blocks, 22, n, "name keys");
        _loose = Postings(blocks, 27, n, "skeleton keys");
        _countryEntry = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < n; i++)
        {
            if (FClasses[i] == (byte)'A' && _strings[FCodes[i]].StartsWith("PCL", StringComparison.Ordinal))
            {
                var cc = _strings[Countries[i]];
                if (!_countryEntry.TryGetValue(cc, out var old) || Pops[i] > Pops[old]) _countryEntry[cc] = i;
            }
        }
        _fuzzyBuckets = new Lazy<Dictionary<long, string[]>>(BuildFuzzyBuckets, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    private static PackedPostings Postings(byte[][] blocks, int at, int entryCount, string what) =>
        new(new PackedKeyTable(new PackedStrings(blocks[at], blocks[at + 1], what), blocks[at + 2], what), blocks[at + 3], blocks[at + 4], entryCount, what);

    /// <summary>The gazetteer of built parts (<see cref="GazetteerBuilder"/>): packed into the blocks a file holds, so a
    /// built and a loaded gazetteer are one form.</summary>
    internal static Gazetteer Create(int[] ids, string[] names, float[] lats, float[] lons, int[] pops, byte[] fclasses, ushort[] fcodes,
        ushort[] countries, int[] admin1s, int[] admin2s, string[] strings, Dictionary<int, string> keys,
        Dictionary<string, int[]> exact, Dictionary<string, int[]> loose, Dictionary<string, string> adminNames, string source)
    {
        var blocks = new List<byte[]> { Encoding.UTF8.GetBytes(source) };
        Add(PackedStrings.Pack(strings));
        blocks.AddRange([BlockFile.Bytes(ids), BlockFile.Bytes(lats), BlockFile.Bytes(lons), BlockFile.Bytes(pops), BlockFile.Bytes(fclasses), BlockFile.Bytes(fcodes), BlockFile.Bytes(countries), BlockFile.Bytes(admin1s), BlockFile.Bytes(admin2s)]);
        Add(PackedStrings.Pack(names));
        blocks.Add(BlockFile.Bytes(keys.Keys.ToArray()));
        Add(PackedStrings.Pack(keys.Values.ToList()));
        var (adminKeyOffsets, adminKeyBytes) = PackedStrings.Pack(adminNames.Keys.ToList());
        blocks.AddRange([adminKeyOffsets, adminKeyBytes, PackedKeyTable.BuildBuckets(new PackedStrings(adminKeyOffsets, adminKeyBytes, "division keys"))]);
        Add(PackedStrings.Pack(adminNames.Values.ToList()));
        blocks.AddRange(PackedPostings.Pack(exact));
        blocks.AddRange(PackedPostings.Pack(loose));
        return new Gazetteer([.. blocks]);

        void Add((byte[] Offsets, byte[] Bytes) packed) => blocks.AddRange([packed.Offsets, packed.Bytes]);
    }

    /// <summary>Where the gazetteer came from (for messages and benchmarks).</summary>
    public string Source { get; }
    public int Count => GeonameIds.Length;
    public int KeyCount => _exact.Table.Keys.Count + _loose.Table.Keys.Count;

    public GazetteerEntry this[int index] => new(
        index, IdOf(index), Names[index], Lats[index], Lons[index], Pops[index], (char)FClasses[index], _strings[FCodes[index]],
        _strings[Countries[index]], Admin1s[index] < 0 ? null : _strings[Admin1s[index]], Admin2s[index] < 0 ? null : _strings[Admin2s[index]]);

    public string IdOf(int index) => _keys.TryGetValue(index, out var k) ? k : GeonameIds[index].ToString(System.Globalization.CultureInfo.InvariantCulture);
    public string FeatureCodeOf(int index) => _strings[FCodes[index]];
    public string CountryOf(int index) => _strings[Countries[index]];
    public char FeatureClassOf(int index) => (char)FClasses[index];

    /// <summary>The admin key ("SY.06", "US.LA.079") of an entry at level 1 or 2, or null.</summary>
    public string? AdminKey(int index, int level)
    {
        int k = level == 1 ? Admin1s[index] : Admin2s[index];
        return k < 0 ? null : _strings[k];
    }

    /// <summary>The name of an admin key such as "SY.06" or "US.LA.079", or null.</summary>
    public string? AdminName(string? key) => key is not null && _adminKeys.Find(key) is var k and >= 0 ? _adminNames[k] : null;

    /// <summary>The entry of a country (ISO alpha-2), or -1.</summary>
    public int CountryEntry(string iso2) => _countryEntry.TryGetValue(iso2, out var i) ? i : -1;

    /// <summary>Entries whose name has this canon key (see <see cref="NameFolder.Canon"/>).</summary>
    public ReadOnlySpan<int> LookupCanon(string canon) => _exact.Lookup(canon);

    /// <summary>Entries whose name has this transliteration skeleton (see <see cref="NameFolder.Loose"/>).</summary>
    public ReadOnlySpan<int> LookupLoose(string loose) => _loose.Lookup(loose);

    /// <summary>Skeleton keys within edit distance 1 of <paramref name="loose"/> (same first letter, length at least 5).</summary>
    public List<string> FuzzyKeys(string loose, int maxDistance = 1)
    {
        var found = new List<string>();
        if (loose.Length < 5) return found;
        var buckets = _fuzzyBuckets.Value;
        for (int len = loose.Length - maxDistance; len <= loose.Length + maxDistance; len++)
        {
            if (!buckets.TryGetValue(BucketKey(loose[0], len), out var keys)) continue;
            foreach (var k in keys)
                if (maxDistance == 1 ? NameFolder.WithinOneEdit(loose, k) : NameFolder.BoundedDistance(loose, k, maxDistance) <= maxDistance)
                    found.Add(k);
        }
        return found;
    }

    private static long BucketKey(char first, int length) => ((long)first << 32) | (uint)length;

    private Dictionary<long, string[]> BuildFuzzyBuckets()
    {
        var lists = new Dictionary<long, List<string>>();
        var keys = _loose.Table.Keys;
        for (int i = 0; i < keys.Count; i++)
        {
            var k = keys[i];
            if (k.Length < 4) continue;
            var bk = BucketKey(k[0], k.Length);
            if (!lists.TryGetValue(bk, out var l)) lists[bk] = l = [];
            l.Add(k);
        }
        return lists.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray());
    }

    // ---------------------------------------------------------------- binary file

    public static string DefaultPath(string dataDir) => Path.Combine(dataDir, "gazetteer", "gazetteer.bin");

    public void Save(string path) => BlockFile.Write(path, Magic, Version, _blocks);

    /// <summary>Reads the file's blocks, each in one read, and checks that every offset and index in them stays in bounds
    /// (a damaged file is an error naming the file, never a wrong answer or a crash later).</summary>
    public static Result<Gazetteer> Load(string path)
    {
        if (!File.Exists(path)) return Result<Gazetteer>.Fail($"no gazetteer at {path}");
        try
        {
            var (problem, detail, blocks) = BlockFile.Read(path, Magic, Version, BlockCount);
            return problem switch
            {
                BlockFile.Problem.NotThisKind => Result<Gazetteer>.Fail($"{path} is not a Dragoman gazetteer"),
                BlockFile.Problem.OtherVersion => Result<Gazetteer>.Fail($"{path} has an old format ({detail}); rebuild it with `dragoman gazetteer install` or `gazetteer import`"),
                BlockFile.Problem.Damaged => Result<Gazetteer>.Fail($"{path} is damaged: {detail}"),
                _ => new Gazetteer(blocks),
            };
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or OverflowException)
        {
            return Result<Gazetteer>.Fail($"{path} is damaged: {ex.Message}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Result<Gazetteer>.Fail($"cannot read gazetteer {path}: {ex.Message}");
        }
    }
}
