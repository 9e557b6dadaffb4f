using System.Diagnostics;

namespace Dragoman.Tests.Cli;

/// <summary>
/// A data folder (DRAGOMAN_HOME / --data) that holds no gazetteer and cannot be written: the command stops with one
/// line naming the folder and the cause (exit 1), never a silently degraded gazetteer with exit 0 or a stack trace.
/// </summary>
public sealed class DataFolderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dragoman-datafolder-").FullName;

    public void Dispose()
    {
        try
        {
            if (OperatingSystem.IsLinux())
                foreach (var d in Directory.EnumerateDirectories(_dir, "*", SearchOption.AllDirectories))
                File.SetUnixFileMode(d, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException) { }
    }

    [Theory]
    [InlineData("under-a-file", "a data folder whose parent is a regular file (cannot be created, even by root)")]
    [InlineData("read-only", "a read-only folder (mode 555; root writes anyway, so the case is skipped there)")]
    public async Task An_unwritable_empty_data_folder_is_a_clear_error(string kind, string reason)
    {
        if (!OperatingSystem.IsLinux()) return;
        string data;
        if (kind == "under-a-file")
        {
            var file = Path.Combine(_dir, "plain-file");
            File.WriteAllText(file, "not a folder");
            data = Path.Combine(file, "home");
        }
        else
        {
            if (Environment.UserName == "root") return;
            data = Directory.CreateDirectory(Path.Combine(_dir, "locked")).FullName;
            File.SetUnixFileMode(data, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        }
        var article = Path.Combine(_dir, "a.txt");
        File.WriteAllText(article, "Market fire contained\n\nFirefighters contained a fire in Homs on Friday, officials said.");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _dir };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Dragoman.Cli.dll"));
        foreach (var a in new[] { "extract", article, "--data", data }) psi.ArgumentList.Add(a);
        psi.Environment["DRAGOMAN_HOME"] = data;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(180_000)) { p.Kill(true); Assert.Fail($"{reason}: still running after three minutes"); }
        string output = await stdout, errors = await stderr;
        Assert.True(p.ExitCode == 1, $"{reason}: exit code {p.ExitCode}; {errors}");
        Assert.True(errors.Contains($"the data folder {data} cannot be written", StringComparison.Ordinal), $"{reason}: {errors}");
        Assert.True(!errors.Contains("   at ", StringComparison.Ordinal) && output.Length == 0, $"{reason}: a stack trace or output: {errors} {output}");
    }
}
