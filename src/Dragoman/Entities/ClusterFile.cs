using System.Globalization;

namespace Dragoman.Entities;

/// <summary>Reads and writes word clusters as text: word TAB id TAB id ... (one id per level, coarse to fine).</summary>
public static class ClusterFile
{
    public static Result<WordClusters> Read(string path)
    {
        if (!File.Exists(path)) return Result<WordClusters>.Fail($"{path}: no such file");
        WordClusters? c = null;
        int lineNo = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNo++;
            if (line.Length == 0) continue;
            var cols = line.Split('\t');
            c ??= new WordClusters(cols.Length - 1);
            if (cols.Length - 1 != c.Levels || c.Levels == 0) return Result<WordClusters>.Fail($"{path}:{lineNo}: expected word and {c.Levels} ids");
            var ids = new ushort[c.Levels];
            for (int l = 0; l < ids.Length; l++)
                if (!ushort.TryParse(cols[l + 1], NumberStyles.None, CultureInfo.InvariantCulture, out ids[l]))
                    return Result<WordClusters>.Fail($"{path}:{lineNo}: '{cols[l + 1]}' is not a cluster id");
            c.Add(cols[0], ids);
        }
        return c ?? Result<WordClusters>.Fail($"{path}: empty");
    }

    public static void Write(string path, IEnumerable<(string Word, ushort[] Ids)> rows)
    {
        using var w = new StreamWriter(path);
        foreach (var (word, ids) in rows) w.WriteLine(word + "\t" + string.Join('\t', ids));
    }
}
