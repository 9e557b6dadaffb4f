namespace Dragoman.Tests.Support;

/// <summary>
/// Whether ../shared (development and evaluation data beside the checkout, not part of the repository: article texts
/// are publishers' copyright) is there. Tests that read it are skipped with this reason when it is not, so that a new
/// user's `dotnet test Dragoman.slnx` ends green and says what the skipped tests need.
/// </summary>
public static class SharedData
{
    public static string? MissingReason { get; } =
        Directory.Exists(Paths.SharedData) && Directory.Exists(Path.Combine(Paths.Shared, "seeds"))
            ? null
            : $"needs the development data in {Paths.Shared} (data/ and seeds/ beside the checkout; not in the repository, see README)";
}

/// <summary>A fact that reads ../shared: skipped, saying why, when it is missing.</summary>
public sealed class SharedFactAttribute : FactAttribute
{
    public SharedFactAttribute()
    {
        if (SharedData.MissingReason is { } reason) Skip = reason;
    }
}

/// <summary>A theory that reads ../shared (in its cases or its data): skipped, saying why, when it is missing.</summary>
public sealed class SharedTheoryAttribute : TheoryAttribute
{
    public SharedTheoryAttribute()
    {
        if (SharedData.MissingReason is { } reason) Skip = reason;
    }
}

/// <summary>A fact that runs a program from the system (GDAL's ogrinfo): skipped, saying how to install it, when it is not on PATH.</summary>
public sealed class ToolFactAttribute : FactAttribute
{
    public ToolFactAttribute(string program, string package)
    {
        if (Find(program) is null) Skip = $"needs `{program}` on PATH (Debian: apt-get install -y {package}; .ci/setup installs it)";
    }

    public static string? Find(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, program)).FirstOrDefault(File.Exists);
}

/// <summary>
/// A fact that drives the page in headless Chromium (<see cref="Web.Cdp"/>): skipped, saying how to install it, when
/// Chromium is missing; with <c>needsShared</c>, also when ../shared is.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute(bool needsShared = false)
    {
        Skip = BrowserMissing.Reason(needsShared);
    }
}

/// <summary>A theory that drives the page in headless Chromium: skipped like <see cref="BrowserFactAttribute"/>.</summary>
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute(bool needsShared = false)
    {
        Skip = BrowserMissing.Reason(needsShared);
    }
}

internal static class BrowserMissing
{
    public static string? Reason(bool needsShared) =>
        needsShared && SharedData.MissingReason is { } shared ? shared
        : File.Exists(Web.Cdp.ChromiumPath) ? null
        : $"needs headless Chromium at {Web.Cdp.ChromiumPath} (Debian: apt-get install -y chromium; .ci/setup installs it; or set DRAGOMAN_CHROMIUM)";
}
