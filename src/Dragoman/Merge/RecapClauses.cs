using System.Text.RegularExpressions;
using Dragoman.Pipeline;

namespace Dragoman.Merge;

/// <summary>
/// The clauses of an evidence sentence that tell of another event than the report's own: a span of time and a temporal
/// preposition ("hours after", "a day before") open a recap of an earlier or a later event ("a man fired shots outside the
/// US embassy, hours after a policeman shot the Russian ambassador"). The ambassador's name is that other event's, and
/// two reports sharing it are no more one incident than the shots and the assassination are. The markers are data
/// (data/merge/recap-markers.tsv).
/// </summary>
public sealed class RecapClauses
{
    private readonly Regex _marker;

    public RecapClauses(IEnumerable<string> units, IEnumerable<string> prepositions)
    {
        static string Alt(IEnumerable<string> words) => string.Join('|', words.Select(Regex.Escape));
        // interpreted, not compiled: compiling emits and jits code at the first merge of every process (ingest of one
        // article), and the markers are matched once per stored event only
        _marker = new Regex($@"\b(?:{Alt(units)})\s+(?:{Alt(prepositions)})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }

    public static string BundledPath => Path.Combine(PipelineResources.BundledDataDir, "merge", "recap-markers.tsv");

    private static readonly Lazy<RecapClauses> Bundled = new(() => Load(BundledPath) is { IsOk: true, Value: { } r }
        ? r : throw new InvalidOperationException(Load(BundledPath).Error));

    /// <summary>The shipped markers, loaded once per process; a missing or bad file is a broken install.</summary>
    public static RecapClauses Shipped => Bundled.Value;

    public static Result<RecapClauses> Load(string path)
    {
        if (!File.Exists(path)) return Result<RecapClauses>.Fail($"recap markers not found: {path}");
        var units = new List<string>();
        var prepositions = new List<string>();
        int line = 0;
        foreach (var raw in File.ReadLines(path))
        {
            line++;
            if (raw.Length == 0 || raw[0] == '#') continue;
            var cells = raw.Split('\t');
            if (cells.Length != 2 || cells[1].Length == 0) return Result<RecapClauses>.Fail($"{path}:{line}: expected KIND<TAB>WORD");
            if (cells[0] == "unit") units.Add(cells[1]);
            else if (cells[0] == "preposition") prepositions.Add(cells[1]);
            else return Result<RecapClauses>.Fail($"{path}:{line}: unknown kind '{cells[0]}' (unit or preposition)");
        }
        if (units.Count == 0 || prepositions.Count == 0) return Result<RecapClauses>.Fail($"{path}: needs at least one unit and one preposition");
        return Result<RecapClauses>.Ok(new RecapClauses(units, prepositions));
    }

    /// <summary>
    /// The text with every recap clause blanked (spaces, so that offsets hold): from the marker to the sentence's end, or
    /// to the first comma when the marker opens the sentence ("Hours after ..., a man fired ..."). A clause that holds
    /// <paramref name="trigger"/> (an offset into <paramref name="text"/>) is the report's own event and is kept.
    /// </summary>
    public string OwnPart(string text, int? trigger)
    {
        char[]? blanked = null;
        foreach (Match m in _marker.Matches(text))
        {
            int sentence = m.Index;
            while (sentence > 0 && text[sentence - 1] is not ('.' or '!' or '?' or '\n' or ';')) sentence--;
            bool opens = text.AsSpan(sentence, m.Index - sentence).Trim().Trim("\"'“‘").IsEmpty;
            int end = m.Index + m.Length;
            while (end < text.Length && text[end] is not ('.' or '!' or '?' or '\n' or ';') && !(opens && text[end] == ',')) end++;
            if (trigger is { } t && t >= m.Index && t < end) continue;
            blanked ??= text.ToCharArray();
            for (int i = m.Index; i < end; i++) blanked[i] = ' ';
        }
        return blanked is null ? text : new string(blanked);
    }
}
