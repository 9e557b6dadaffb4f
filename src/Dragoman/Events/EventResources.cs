using Dragoman.Events.Petrarch;

namespace Dragoman.Events;

/// <summary>
/// The event coder's resources, loaded once from data/events (PipelineResources.BundledDataDir):
/// the CAMEO 2.0 verb dictionary plus the project's supplement, nominal triggers, the code tables and the modality cue words.
/// </summary>
public sealed class EventResources
{
    public required VerbDictionary Verbs { get; init; }
    public required NominalTriggers Nouns { get; init; }
    public required CodeTables Codes { get; init; }
    public required ModalityCues ModalityCues { get; init; }

    public const string VerbFile = "cameo-verbs.txt";
    public const string SupplementFile = "verbs-supplement.txt";
    public const string NominalFile = "nominal-triggers.tsv";
    /// <summary>Event nouns derived from the verb dictionary with WordNet (tools/derive-nominal-triggers.py).</summary>
    public const string DerivedNominalFile = "nominal-triggers-derived.tsv";

    public static Result<EventResources> Load(string dataDir)
    {
        var dir = Path.Combine(dataDir, "events");
        string Read(string name) => File.ReadAllText(Path.Combine(dir, name));
        try
        {
            var verbs = VerbDictionary.Parse(Read(VerbFile), Read(SupplementFile));
            if (!verbs.IsOk) return Result<EventResources>.Fail(verbs.Error!);
            var nouns = NominalTriggers.Parse(Read(NominalFile), Read(DerivedNominalFile));
            if (!nouns.IsOk) return Result<EventResources>.Fail(nouns.Error!);
            var codes = CodeTables.Parse(Read("cameo-codes.tsv"), Read("cameo-plover.tsv"), Read("cameo-acled.tsv"));
            if (!codes.IsOk) return Result<EventResources>.Fail(codes.Error!);
            var cues = ModalityCues.Parse(Read(ModalityCues.FileName));
            if (!cues.IsOk) return Result<EventResources>.Fail(cues.Error!);
            return new EventResources { Verbs = verbs.Value!, Nouns = nouns.Value!, Codes = codes.Value!, ModalityCues = cues.Value! };
        }
        catch (IOException ex)
        {
            return Result<EventResources>.Fail($"event data in {dir}: {ex.Message}");
        }
        catch (UnauthorizedAccessException ex)
        {
            return Result<EventResources>.Fail($"event data in {dir}: {ex.Message}");
        }
    }

    private static readonly Lazy<Result<EventResources>> Bundled = new(() => Load(Pipeline.PipelineResources.BundledDataDir));

    /// <summary>The bundled resources, loaded once per process.</summary>
    public static EventResources LoadBundled()
    {
        var r = Bundled.Value;
        return r.IsOk ? r.Value! : throw new InvalidOperationException(r.Error);
    }
}
