namespace Dragoman.Events;

/// <summary>
/// The cue words of <see cref="ModalityRules"/> (data/events/modality-cues.tsv, list TAB word, sources in its header):
/// "hypothesis" words make an event in their clause hypothetical, "expectation" words make it expected.
/// Immutable, thread-safe.
/// </summary>
public sealed class ModalityCues
{
    public const string FileName = "modality-cues.tsv";

    private static readonly string[] Lists = ["expectation", "hypothesis", "evidential"];

    /// <summary>Lists the file must fill (the evidential words are read only by the modality model's features).</summary>
    private static readonly string[] Required = ["expectation", "hypothesis"];

    /// <summary>Words that put the event in their clause in the future or in someone's intent ("plans", "vowed", "urged").</summary>
    public string[] Expectation { get; }

    /// <summary>Words that make the event in their clause a possibility or a condition ("if", "could", "perhaps").</summary>
    public string[] Hypothesis { get; }

    /// <summary>Adverbs and adjectives that hedge the event as hearsay or suspicion ("reportedly", "allegedly", "suspected").</summary>
    public string[] Evidential { get; }

    private ModalityCues(string[] expectation, string[] hypothesis, string[] evidential) =>
        (Expectation, Hypothesis, Evidential) = (expectation, hypothesis, evidential);

    public static Result<ModalityCues> Parse(string tsv)
    {
        var lists = Lists.ToDictionary(l => l, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var (n, f) in TsvRows.Read(tsv))
        {
            if (f.Length != 2 || f[1].Trim().Length == 0) return Result<ModalityCues>.Fail($"{FileName} line {n}: expected LIST<TAB>WORD");
            if (!lists.TryGetValue(f[0], out var words)) return Result<ModalityCues>.Fail($"{FileName} line {n}: unknown list '{f[0]}' (expected {string.Join(", ", Lists)})");
            words.Add(f[1].Trim());
        }
        foreach (var l in Required)
            if (lists[l].Count == 0) return Result<ModalityCues>.Fail($"{FileName}: no '{l}' words");
        return new ModalityCues([.. lists["expectation"]], [.. lists["hypothesis"]], [.. lists["evidential"]]);
    }
}
