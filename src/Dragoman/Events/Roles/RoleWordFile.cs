namespace Dragoman.Events.Roles;

/// <summary>
/// The role stage's one-word lists (data/events/*.tsv: one word a line, '#' comments with the list's source), read once
/// from the install folder; a missing file or a malformed line is a clear error naming the file and the line.
/// </summary>
internal static class RoleWordFile
{
    /// <summary>The list in the install's data/events folder.</summary>
    public static HashSet<string> Installed(string fileName, string what) =>
        Read(Path.Combine(AppContext.BaseDirectory, "data", "events", fileName), what);

    public static HashSet<string> Read(string path, string what)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"the role stage's {what} are missing: {path}", path);
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (line, fields) in TsvRows.Read(File.ReadAllText(path)))
        {
            var word = fields[0].Trim();
            if (fields.Length != 1 || word.Length == 0 || word.Contains(' ')) throw new InvalidDataException($"{path}:{line}: expected one word a line");
            words.Add(word);
        }
        return words;
    }
}
