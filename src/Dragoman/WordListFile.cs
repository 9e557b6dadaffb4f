namespace Dragoman;

/// <summary>
/// A word list shipped as data (data/FOLDER/NAME: one entry a line, '#' comment lines naming the list's source), read
/// from the copy next to the binary. A missing file or a malformed line is a clear error naming the file and the line.
/// </summary>
public static class WordListFile
{
    /// <summary>The list in the install's data/<paramref name="folder"/> folder.</summary>
    public static HashSet<string> Installed(string folder, string fileName, string what, StringComparer comparer, bool phrases = false) =>
        Read(Path.Combine(AppContext.BaseDirectory, "data", folder, fileName), what, comparer, phrases);

    /// <summary>Entries of one word, or of words separated by single spaces when <paramref name="phrases"/> is set.</summary>
    public static HashSet<string> Read(string path, string what, StringComparer comparer, bool phrases = false)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"the {what} list is missing: {path}", path);
        var entries = new HashSet<string>(comparer);
        int line = 0;
        foreach (var raw in File.ReadAllText(path).Split('\n'))
        {
            line++;
            var text = raw.TrimEnd('\r');
            if (text.Length == 0 || text[0] == '#') continue;
            var entry = text.Trim();
            bool wellFormed = entry.Length > 0 && !entry.Contains('\t') && !entry.Contains("  ") && (phrases || !entry.Contains(' '));
            if (!wellFormed) throw new InvalidDataException($"{path}:{line}: expected one {(phrases ? "word or phrase" : "word")} a line");
            entries.Add(entry);
        }
        return entries;
    }
}
