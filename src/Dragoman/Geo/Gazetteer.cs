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
/// A compact in-memory gazetteer: entries as parallel arrays, two name indexes (canon key and transliteration
/// skeleton) from key to entry indexes. Immutable and thread-safe after construction. Saved to and loaded from one
/// binary file (<see cref="Save"/>, <see cref="Load"/>).
/// </summary>
public sealed class Gazetteer
{
    private const int Magic = 0x5A47_5244; // "DRGZ"
    private const int Version = 3;

    internal readonly int[] GeonameIds;      // > 0 GeoNames id; <= 0 supplement or synthetic (see _keys)
    internal readonly string[] Names;
    internal readonly float[] Lats;
    internal readonly float[] Lons;
    internal readonly int[] Pops;
    internal readonly byte[] FClasses;
    internal readonly ushort[] FCodes;       // index into _strings
    internal readonly ushort[] Countries;    // index into _strings
    internal readonly int[] Admin1s;         // index into _strings, -1 none
    internal readonly int[] Admin2s;         // index into _strings, -1 none
    private readonly string[] _strings;
    private readonly Dictionary<int, string> _keys;          // entry index -> non-GeoNames id ("dragoman:jabab")
    private readonly Dictionary<string, int[]> _exact;
    private readonly Dictionary<string, int[]> _loose;
    private readonly Dictionary<string, string> _adminNames; // "SY.06" -> "Daraa"
    private readonly Dictionary<string, int> _countryEntry;  // "SY" -> entry index
    private readonly Lazy<Dictionary<long, string[]>> _fuzzyBuckets;

    internal Gazetteer(int[] ids, string[] names, float[] lats, float[] lons, int[] pops, byte[] fclasses, ushort[] fcodes,
        ushort[] countries, int[] admin1s, int[] admin2s, string[] strings, Dictionary<int, string> keys,
        Dictionary<string, int[]> exact, Dictionary<string, int[]> loose, Dictionary<string, string> adminNames, string source)
    {
        GeonameIds = ids; Names = names; Lats = lats; Lons = lons; Pops = pops; FClasses = fclasses; FCodes = fcodes;
        Countries = countries; Admin1s = admin1s; Admin2s = admin2s; _strings = strings; _keys = keys;
        _exact = exact; _loose = loose; _adminNames = adminNames; Source = source;
        _countryEntry = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < ids.Length; i++)
        {
            if (FClasses[i] == (byte)'A' && _strings[FCodes[i]].StartsWith("PCL", StringComparison.Ordinal))
            {
                var cc = _strings[Countries[i]];
                if (!_countryEntry.TryGetValue(cc, out var old) || Pops[i] > Pops[old]) _countryEntry[cc] = i;
            }
        }
        _fuzzyBuckets = new Lazy<Dictionary<long, string[]>>(BuildFuzzyBuckets, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Where the gazetteer came from (for messages and benchmarks).</summary>
    public string Source { get; }
    public int Count => GeonameIds.Length;
    public int KeyCount => _exact.Count + _loose.Count;

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
    public string? AdminName(string? key) => key is not null && _adminNames.TryGetValue(key, out var n) ? n : null;

    /// <summary>The entry of a country (ISO alpha-2), or -1.</summary>
    public int CountryEntry(string iso2) => _countryEntry.TryGetValue(iso2, out var i) ? i : -1;

    /// <summary>Entries whose name has this canon key (see <see cref="NameFolder.Canon"/>).</summary>
    public ReadOnlySpan<int> LookupCanon(string canon) => _exact.TryGetValue(canon, out var p) ? p : [];

    /// <summary>Entries whose name has this transliteration skeleton (see <see cref="NameFolder.Loose"/>).</summary>
    public ReadOnlySpan<int> LookupLoose(string loose) => _loose.TryGetValue(loose, out var p) ? p : [];

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
                if (NameFolder.BoundedDistance(loose, k, maxDistance) <= maxDistance) found.Add(k);
        }
        return found;
    }

    private static long BucketKey(char first, int length) => ((long)first << 32) | (uint)length;

    private Dictionary<long, string[]> BuildFuzzyBuckets()
    {
        var lists = new Dictionary<long, List<string>>();
        foreach (var k in _loose.Keys)
        {
            if (k.Length < 4) continue;
            var bk = BucketKey(k[0], k.Length);
            if (!lists.TryGetValue(bk, out var l)) lists[bk] = l = [];
            l.Add(k);
        }
        return lists.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray());
    }

    // ---------------------------------------------------------------- binary file

    public static string DefaultPath(string dataDir) => Path.Combine(dataDir, "gazetteer", "gazetteer.bin");

    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var tmp = path + ".tmp";
        using (var fs = new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        using (var w = new BinaryWriter(fs, Encoding.UTF8))
        {
            w.Write(Magic); w.Write(Version);
            w.Write(Source);
            w.Write(_strings.Length); foreach (var s in _strings) w.Write(s);
            int n = Count;
            w.Write(n);
            WriteArray(w, GeonameIds); WriteArray(w, Lats); WriteArray(w, Lons); WriteArray(w, Pops);
            WriteArray(w, FClasses); WriteArray(w, FCodes); WriteArray(w, Countries); WriteArray(w, Admin1s); WriteArray(w, Admin2s);
            foreach (var s in Names) w.Write(s);
            w.Write(_keys.Count); foreach (var (i, k) in _keys) { w.Write(i); w.Write(k); }
            w.Write(_adminNames.Count); foreach (var (k, v) in _adminNames) { w.Write(k); w.Write(v); }
            WriteIndex(w, _exact); WriteIndex(w, _loose);
        }
        File.Move(tmp, path, overwrite: true);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static Result<Gazetteer> Load(string path)
    {
        if (!File.Exists(path)) return Result<Gazetteer>.Fail($"no gazetteer at {path}");
        try
        {
            using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            using var r = new BinaryReader(fs, Encoding.UTF8);
            if (r.ReadInt32() != Magic) return Result<Gazetteer>.Fail($"{path} is not a Dragoman gazetteer");
            if (r.ReadInt32() != Version) return Result<Gazetteer>.Fail($"{path} has an old format; rebuild it with `dragoman gazetteer install` or `gazetteer import`");
            var source = r.ReadString();
            var strings = new string[r.ReadInt32()];
            for (int i = 0; i < strings.Length; i++) strings[i] = string.Intern(r.ReadString());
            int n = r.ReadInt32();
            var ids = ReadArray<int>(r, n); var lats = ReadArray<float>(r, n); var lons = ReadArray<float>(r, n); var pops = ReadArray<int>(r, n);
            var fcl = ReadArray<byte>(r, n); var fco = ReadArray<ushort>(r, n); var cty = ReadArray<ushort>(r, n);
            var a1 = ReadArray<int>(r, n); var a2 = ReadArray<int>(r, n);
            var names = new string[n];
            for (int i = 0; i < n; i++) names[i] = r.ReadString();
            int kc = r.ReadInt32();
            var keys = new Dictionary<int, string>(kc);
            for (int i = 0; i < kc; i++) { int idx = r.ReadInt32(); keys[idx] = r.ReadString(); }
            int ac = r.ReadInt32();
            var admin = new Dictionary<string, string>(ac, StringComparer.Ordinal);
            for (int i = 0; i < ac; i++) { var k = r.ReadString(); admin[k] = r.ReadString(); }
            var exact = ReadIndex(r); var loose = ReadIndex(r);
            return new Gazetteer(ids, names, lats, lons, pops, fcl, fco, cty, a1, a2, strings, keys, exact, loose, admin, source);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or EndOfStreamException or FormatException)
        {
            return Result<Gazetteer>.Fail($"cannot read gazetteer {path}: {ex.Message}");
        }
    }

    private static void WriteArray<T>(BinaryWriter w, T[] a) where T : unmanaged =>
        w.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(a.AsSpan()));

    private static T[] ReadArray<T>(BinaryReader r, int n) where T : unmanaged
    {
        var a = new T[n];
        var bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(a.AsSpan());
        int read = 0;
        while (read < bytes.Length)
        {
            int k = r.Read(bytes[read..]);
            if (k <= 0) throw new EndOfStreamException();
            read += k;
        }
        return a;
    }

    private static void WriteIndex(BinaryWriter w, Dictionary<string, int[]> index)
    {
        w.Write(index.Count);
        foreach (var (k, v) in index)
        {
            w.Write(k);
            w.Write7BitEncodedInt(v.Length);
            foreach (var x in v) w.Write7BitEncodedInt(x);
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static Dictionary<string, int[]> ReadIndex(BinaryReader r)
    {
        int n = r.ReadInt32();
        var d = new Dictionary<string, int[]>(n, StringComparer.Ordinal);
        for (int i = 0; i < n; i++)
        {
            var k = r.ReadString();
            var v = new int[r.Read7BitEncodedInt()];
            for (int j = 0; j < v.Length; j++) v[j] = r.Read7BitEncodedInt();
            d[k] = v;
        }
        return d;
    }
}
