namespace Dragoman.Events.Roles;

/// <summary>
/// The role stage's one-word lists (data/events/*.tsv: one word a line, '#' comments with the list's source), read once
/// from the install folder and matched without case; a missing file or a malformed line is a clear error naming the
/// file and the line.
/// </summary>
internal static class RoleWordFile
{
    /// <summary>The list in the install's data/events folder.</summary>
    public static HashSet<string> Installed(string fileName, string what) =>
        WordListFile.Installed("events", fileName, what, StringComparer.OrdinalIgnoreCase);

    public static HashSet<string> Read(string path, string what) => WordListFile.Read(path, what, StringComparer.OrdinalIgnoreCase);
}
