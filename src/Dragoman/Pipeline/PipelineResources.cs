namespace Dragoman.Pipeline;

/// <summary>
/// Runtime data the components need (gazetteer, models, dictionaries), loaded once and shared read-only.
/// The data folder is $DRAGOMAN_HOME, else ~/.local/share/dragoman; data shipped in the repo sits beside the binary.
/// </summary>
public sealed class PipelineResources
{
    private PipelineResources(string dataDir) => DataDir = dataDir;

    public string DataDir { get; }

    /// <summary>Folder of the project's own curated files (copied next to the binary at build time).</summary>
    public static string BundledDataDir => Path.Combine(AppContext.BaseDirectory, "data");

    public static string DefaultDataDir()
    {
        var home = Environment.GetEnvironmentVariable("DRAGOMAN_HOME");
        if (!string.IsNullOrWhiteSpace(home)) return home;
        var xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        var root = string.IsNullOrWhiteSpace(xdg)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share")
            : xdg;
        return Path.Combine(root, "dragoman");
    }

    public static PipelineResources Load(string? dataDir) => new(dataDir ?? DefaultDataDir());
}

/// <summary>The runtime data folder cannot serve the pipeline (nothing installed and not writable); the message says what to do.</summary>
public sealed class DataFolderException(string message) : Exception(message);
