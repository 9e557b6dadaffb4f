using System.Diagnostics;
using Dragoman.Ingest;

namespace Dragoman.Tests.Ingest;

/// <summary>
/// Links are followed before every guard: a link to a FIFO, a device or a huge file is refused like the thing itself,
/// with a clear reason, and nothing hangs or reads without end.
/// </summary>
public sealed class FileSafetyTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dragoman-files-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private string Make(string kind)
    {
        var path = Path.Combine(_dir, kind);
        switch (kind)
        {
            case "regular": File.WriteAllText(path, "Market fire contained\n\nFirefighters contained a fire on Friday."); break;
            case "fifo": Run("mkfifo", path); break;
            case "link-to-fifo": Run("mkfifo", path + ".target"); File.CreateSymbolicLink(path, path + ".target"); break;
            case "link-to-zero": File.CreateSymbolicLink(path, "/dev/zero"); break;
            case "link-to-huge":
                using (var f = new FileStream(path + ".target", FileMode.Create)) f.SetLength(300L << 20); // sparse: no disk used
                File.CreateSymbolicLink(path, path + ".target");
                break;
            case "link-to-regular": File.WriteAllText(path + ".target", "Bridge reopens\n\nEngineers said the bridge reopened."); File.CreateSymbolicLink(path, path + ".target"); break;
            case "broken-link": File.CreateSymbolicLink(path, path + ".missing"); break;
            case "header-only.csv": File.WriteAllText(path, "title,article_content,date\n"); break;
            default: throw new ArgumentException(kind);
        }
        return path;
    }

    private static void Run(string tool, string arg)
    {
        using var p = Process.Start(tool, [arg]);
        p.WaitForExit();
    }

    [Theory]
    [InlineData("regular", null, "a plain file is read")]
    [InlineData("link-to-regular", null, "a link to a plain file is read")]
    [InlineData("fifo", "a named pipe (FIFO)", "a FIFO is never opened (opening it would wait for a writer)")]
    [InlineData("link-to-fifo", "a named pipe (FIFO)", "a link to a FIFO is refused like the FIFO")]
    [InlineData("link-to-zero", "a character device", "a link to /dev/zero is refused, not read until memory runs out")]
    [InlineData("link-to-huge", "too large: 300 MiB", "the size checked is the target's, not the link's own few bytes")]
    [InlineData("broken-link", "broken symbolic link", "a link to nothing says so")]
    [InlineData("header-only.csv", "CSV: a header and no rows", "a CSV with only its header is reported, not passed in silence")]
    public async Task Every_guard_looks_at_what_would_be_read(string kind, string? failure, string reason)
    {
        if (!OperatingSystem.IsLinux()) return; // FIFOs, /dev/zero and statx are Linux's
        var path = Make(kind);
        var task = Task.Run(() => StoreItems(path));
        var items = await task.WaitAsync(TimeSpan.FromSeconds(30)); // a hang fails here with a timeout
        if (failure is null) Assert.True(items.All(i => i.Raw is not null), $"{reason}: {string.Join("; ", items.Select(i => i.Error))}");
        else Assert.True(items.Any(i => i.Error?.Contains(failure, StringComparison.Ordinal) == true), $"{reason}: got {string.Join("; ", items.Select(i => i.Error ?? "read"))}");
    }

    private static List<InputItem> StoreItems(string path) => [.. InputSources.Expand([path]).SelectMany(ArticleInputs.Split)];

    [Theory]
    [InlineData("*.txt", 2, "a glob over a folder reads each match")]
    [InlineData("**/*.txt", 3, "a recursive glob walks into subfolders")]
    public void Globs_match_files_and_name_unreadable_folders(string pattern, int expected, string reason)
    {
        File.WriteAllText(Path.Combine(_dir, "a.txt"), "A\n\nOne.");
        File.WriteAllText(Path.Combine(_dir, "b.txt"), "B\n\nTwo.");
        Directory.CreateDirectory(Path.Combine(_dir, "sub"));
        File.WriteAllText(Path.Combine(_dir, "sub", "c.txt"), "C\n\nThree.");
        var items = InputSources.Expand([Path.Combine(_dir, pattern)]).ToList();
        Assert.True(items.Count(i => i.Raw is not null) == expected, $"{reason}: {items.Count} items");
    }

    [Fact]
    public void An_unreadable_folder_inside_a_recursive_glob_is_reported()
    {
        // root reads every folder whatever its mode: the case cannot be made there
        if (!OperatingSystem.IsLinux() || Environment.UserName == "root") return;
        var locked = Directory.CreateDirectory(Path.Combine(_dir, "locked")).FullName;
        File.WriteAllText(Path.Combine(_dir, "a.txt"), "A\n\nOne.");
        File.SetUnixFileMode(locked, UnixFileMode.None);
        try
        {
            var items = InputSources.Expand([Path.Combine(_dir, "**/*.txt")]).ToList();
            Assert.Contains(items, i => i.Error?.StartsWith("unreadable folder", StringComparison.Ordinal) == true);
            Assert.Contains(items, i => i.Raw is not null);
        }
        finally
        {
            File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
