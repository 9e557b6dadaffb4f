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
