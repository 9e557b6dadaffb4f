namespace Dragoman.Tests.Support;

/// <summary>Locates the repository root and ../shared beside it (development and CI data).</summary>
public static class Paths
{
    public static string RepoRoot { get; } = FindRoot();

    public static string Shared => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));
    public static string SharedData => Path.Combine(Shared, "data");
    public static string Seed => Directory.EnumerateFiles(Path.Combine(Shared, "seeds")).Order(StringComparer.Ordinal).First();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Dragoman.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Dragoman.slnx not found above the test binaries");
    }
}
