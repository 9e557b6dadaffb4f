using System.Runtime.InteropServices;
using System.Text;

namespace Dragoman;

/// <summary>
/// Strings stored as one UTF-8 block and their offsets, as read from a file: nothing is built at load, and each string
/// is decoded on first use and kept (a start that resolves ten places decodes ten names, not the gazetteer's 200,000).
/// Thread-safe: two threads decoding the same string at once store equal values.
/// </summary>
internal sealed class PackedStrings
{
    private readonly byte[] _offsets; // int[Count + 1], byte offsets into _bytes
    private readonly byte[] _bytes;
    private readonly string?[] _decoded;

    public PackedStrings(byte[] offsets, byte[] bytes, string what)
    {
        _offsets = offsets;
        _bytes = bytes;
        if (!BlockFile.Monotone(Offsets, bytes.Length)) throw new InvalidDataException($"{what}: string offsets out of order or not covering the string block");
        _decoded = new string?[Offsets.Length - 1];
    }

    public int Count => _decoded.Length;

    private ReadOnlySpan<int> Offsets => MemoryMarshal.Cast<byte, int>(_offsets);

    public string this[int i] => _decoded[i] ??= Encoding.UTF8.GetString(Bytes(i));

    public ReadOnlySpan<byte> Bytes(int i)
    {
        var o = Offsets;
        return _bytes.AsSpan(o[i], o[i + 1] - o[i]);
    }

    /// <summary>The two blocks (offsets, UTF-8 bytes) of <paramref name="strings"/>, in order.</summary>
    public static (byte[] Offsets, byte[] Bytes) Pack(IReadOnlyCollection<string> strings)
    {
        var offsets = new int[strings.Count + 1];
        var bytes = new MemoryStream();
        int i = 0;
        foreach (var s in strings)
        {
            var b = Encoding.UTF8.GetBytes(s);
            bytes.Write(b);
            offsets[++i] = checked((int)bytes.Length);
        }
        return (MemoryMarshal.AsBytes(offsets.AsSpan()).ToArray(), bytes.ToArray());
    }
}

/// <summary>
/// A read-only hash table from string keys to key numbers, stored as blocks of a file: the keys (<see cref="PackedStrings"/>)
/// and an open-addressing bucket array (key number + 1, 0 empty; FNV-1a over the key's UTF-8 bytes, linear probing).
/// Looking a key up hashes it and compares bytes; loading it builds nothing.
/// </summary>
internal sealed class PackedKeyTable
{
    private readonly byte[] _buckets; // int[power of two], key number + 1, 0 for an empty bucket

    public PackedKeyTable(PackedStrings keys, byte[] buckets, string what)
    {
        Keys = keys;
        _buckets = buckets;
        var b = Buckets;
        if (b.Length == 0 || (b.Length & (b.Length - 1)) != 0) throw new InvalidDataException($"{what}: bucket count {b.Length} is not a power of two");
        int used = 0;
        foreach (var e in b)
        {
            if (e < 0 || e > keys.Count) throw new InvalidDataException($"{what}: a bucket names key {e - 1} of {keys.Count}");
            if (e != 0) used++;
        }
        // an empty bucket ends every probe; a full table would never end one that misses
        if (used != keys.Count || used >= b.Length) throw new InvalidDataException($"{what}: {used} buckets used for {keys.Count} keys in {b.Length}");
    }

    public PackedStrings Keys { get; }

    private ReadOnlySpan<int> Buckets => MemoryMarshal.Cast<byte, int>(_buckets);

    /// <summary>The key number of <paramref name="key"/>, or -1.</summary>
    public int Find(ReadOnlySpan<char> key)
    {
        int max = Encoding.UTF8.GetMaxByteCount(key.Length);
        Span<byte> utf8 = max <= 512 ? stackalloc byte[max] : new byte[max];
        utf8 = utf8[..Encoding.UTF8.GetBytes(key, utf8)];
        var buckets = Buckets;
        int mask = buckets.Length - 1;
        for (int b = (int)(Hash(utf8) & (uint)mask); ; b = (b + 1) & mask)
        {
            int e = buckets[b];
            if (e == 0) return -1;
            if (Keys.Bytes(e - 1).SequenceEqual(utf8)) return e - 1;
        }
    }

    /// <summary>The bucket block of keys already packed (<paramref name="keys"/> in key-number order, distinct).</summary>
    public static byte[] BuildBuckets(PackedStrings keys)
    {
        int size = 1;
        while (size < 2 * keys.Count + 1) size <<= 1;
        var buckets = new int[size];
        int mask = size - 1;
        for (int k = 0; k < keys.Count; k++)
        {
            int b = (int)(Hash(keys.Bytes(k)) & (uint)mask);
            while (buckets[b] != 0) b = (b + 1) & mask;
            buckets[b] = k + 1;
        }
        return MemoryMarshal.AsBytes(buckets.AsSpan()).ToArray();
    }

    /// <summary>FNV-1a (32 bits): fixed across processes and runtimes, unlike string.GetHashCode.</summary>
    private static uint Hash(ReadOnlySpan<byte> bytes)
    {
        uint h = 2166136261;
        foreach (var x in bytes) h = (h ^ x) * 16777619;
        return h;
    }
}

/// <summary>Key -> list of entry indexes, as three blocks: a <see cref="PackedKeyTable"/>, list offsets and the lists.</summary>
internal sealed class PackedPostings
{
    private readonly byte[] _offsets;  // int[keys + 1], offsets into _postings in ints
    private readonly byte[] _postings; // int[]

    public PackedPostings(PackedKeyTable table, byte[] offsets, byte[] postings, int entryCount, string what)
    {
        Table = table;
        _offsets = offsets;
        _postings = postings;
        var o = MemoryMarshal.Cast<byte, int>(offsets);
        var p = MemoryMarshal.Cast<byte, int>(postings);
        if (o.Length != table.Keys.Count + 1 || !BlockFile.Monotone(o, p.Length)) throw new InvalidDataException($"{what}: list offsets out of order or not covering the lists");
        foreach (var x in p)
            if ((uint)x >= (uint)entryCount) throw new InvalidDataException($"{what}: a list names entry {x} of {entryCount}");
    }

    public PackedKeyTable Table { get; }

    public ReadOnlySpan<int> Lookup(ReadOnlySpan<char> key)
    {
        int k = Table.Find(key);
        if (k < 0) return [];
        var o = MemoryMarshal.Cast<byte, int>(_offsets);
        return MemoryMarshal.Cast<byte, int>(_postings)[o[k]..o[k + 1]];
    }

    /// <summary>The blocks of <paramref name="index"/>, keys in its enumeration order: keys' offsets, keys, buckets, list offsets, lists.</summary>
    public static byte[][] Pack(IReadOnlyDictionary<string, int[]> index)
    {
        var (keyOffsets, keyBytes) = PackedStrings.Pack(index.Keys.ToList());
        var buckets = PackedKeyTable.BuildBuckets(new PackedStrings(keyOffsets, keyBytes, "index"));
        var offsets = new int[index.Count + 1];
        var lists = new List<int>();
        int k = 0;
        foreach (var v in index.Values)
        {
            lists.AddRange(v);
            offsets[++k] = lists.Count;
        }
        return [keyOffsets, keyBytes, buckets, MemoryMarshal.AsBytes(offsets.AsSpan()).ToArray(), MemoryMarshal.AsBytes(lists.ToArray().AsSpan()).ToArray()];
    }
}

/// <summary>
/// A file of blocks: magic, format version, block count, each block's length, then the blocks. Each block is read in one
/// read into its own array (so a block can be cast to a column of numbers); written to a temporary file and moved into place.
/// </summary>
internal static class BlockFile
{
    public enum Problem { None, NotThisKind, OtherVersion, Damaged }

    /// <summary>Offsets that start at 0, never decrease and end at <paramref name="end"/> (and there is at least one).</summary>
    public static bool Monotone(ReadOnlySpan<int> offsets, int end)
    {
        if (offsets.Length == 0 || offsets[0] != 0 || offsets[^1] != end) return false;
        for (int i = 1; i < offsets.Length; i++)
            if (offsets[i] < offsets[i - 1]) return false;
        return true;
    }

    /// <summary>A column of numbers as a block.</summary>
    public static byte[] Bytes<T>(T[] column) where T : unmanaged => MemoryMarshal.AsBytes(column.AsSpan()).ToArray();

    /// <summary>A block read as a column of numbers (copied out), of <paramref name="expected"/> values when that is given.</summary>
    public static T[] Column<T>(byte[] block, int expected = -1) where T : unmanaged
    {
        int size = System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
        if (block.Length % size != 0 || (expected >= 0 && block.Length / size != expected))
            throw new InvalidDataException($"a column of {block.Length} bytes where {(expected >= 0 ? expected.ToString(System.Globalization.CultureInfo.InvariantCulture) : "whole")} values of {size} bytes belong");
        return MemoryMarshal.Cast<byte, T>(block).ToArray();
    }

    public static void Write(string path, int magic, int version, IReadOnlyList<byte[]> blocks)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var tmp = $"{path}.{Environment.ProcessId}.tmp";
        try
        {
            using (var fs = new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            using (var w = new BinaryWriter(fs))
            {
                w.Write(magic); w.Write(version); w.Write(blocks.Count);
                foreach (var b in blocks) w.Write((long)b.Length);
                foreach (var b in blocks) w.Write(b);
            }
            File.Move(tmp, path, overwrite: true);
        }
        finally
        {
            // a write that failed (disk full) leaves no partial file behind; after the move there is nothing to delete
            try { File.Delete(tmp); } catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
    }

    /// <summary>The blocks of <paramref name="path"/>, or the problem and what it is; I/O errors are thrown.</summary>
    public static (Problem Problem, string Detail, byte[][] Blocks) Read(string path, int magic, int version, int blockCount)
    {
        using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        Span<byte> head = stackalloc byte[12];
        if (fs.Length < 12 || fs.ReadAtLeast(head, 12, throwOnEndOfStream: false) < 12 || BitConverter.ToInt32(head) != magic) return (Problem.NotThisKind, "", []);
        if (BitConverter.ToInt32(head[4..]) != version) return (Problem.OtherVersion, $"format {BitConverter.ToInt32(head[4..])}, this build reads {version}", []);
        int count = BitConverter.ToInt32(head[8..]);
        if (count != blockCount) return (Problem.Damaged, $"{count} blocks instead of {blockCount}", []);
        var lengthBytes = new byte[8 * count];
        if (fs.ReadAtLeast(lengthBytes, lengthBytes.Length, throwOnEndOfStream: false) < lengthBytes.Length) return (Problem.Damaged, "truncated block table", []);
        var lengths = MemoryMarshal.Cast<byte, long>(lengthBytes);
        long total = 12 + 8L * count;
        for (int i = 0; i < count; i++)
        {
            if (lengths[i] < 0 || lengths[i] > Array.MaxLength) return (Problem.Damaged, $"block {i} claims {lengths[i]} bytes", []);
            total += lengths[i];
        }
        if (total != fs.Length) return (Problem.Damaged, $"damaged or truncated: its blocks need {total} bytes, the file has {fs.Length}", []);
        var blocks = new byte[count][];
        for (int i = 0; i < count; i++)
        {
            blocks[i] = GC.AllocateUninitializedArray<byte>((int)lengths[i]);
            fs.ReadExactly(blocks[i]);
        }
        return (Problem.None, "", blocks);
    }
}
