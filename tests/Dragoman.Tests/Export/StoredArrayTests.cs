using Dragoman.Export;
using Dragoman.Storage;

namespace Dragoman.Tests.Export;

/// <summary>
/// The exports read the stored counts, sources and evidence columns with JsonDocument (issue 19: JsonNode trees were most
/// of the field work); each case also reads the column the old way, through JsonNode and <see cref="DocumentRows"/>, and
/// expects the same value, so that the exported files stay as they were.
/// </summary>
public sealed class StoredArrayTests
{
    private static EventRecord Event(string counts = "[]", string sources = "[]", string evidence = "[]", bool occurred = true) => new()
    {
        ArticleId = 1, ArticleHash = "ab", EventId = "ev1", Ordinal = 1, Action = "attack", Modality = "asserted",
        Occurred = occurred, CountsJson = counts, SourcesJson = sources, EvidenceJson = evidence,
    };

    // The definitions the exports used before: JsonNode objects read with DocumentRows.
    private static int NodeFatalities(EventRecord e)
    {
        if (!e.Occurred) return 0;
        foreach (var c in ExportFields.Objects(e.CountsJson))
            if (DocumentRows.Str(c, "kind") is "killed" or "dead" or "fatalities" && DocumentRows.Int(c, "min") is int min)
                return Math.Max(0, min);
        return 0;
    }

    private static string NodeSourceChain(EventRecord e) => string.Join(" < ", ExportFields.Objects(e.SourcesJson).Select(s =>
        (DocumentRows.Str(s, "name") ?? "?") + (DocumentRows.Str(s, "location") is { } loc ? " in " + loc : "")));

    private static string NodeEvidenceText(EventRecord e) =>
        string.Join(" ", ExportFields.Objects(e.EvidenceJson).Select(x => DocumentRows.Str(x, "text")).Where(t => !string.IsNullOrWhiteSpace(t)));

    [Theory]
    [InlineData("""[{"kind":"killed","min":4,"max":6}]""", true, 4, "the lowest figure of a killed count")]
    [InlineData("""[{"kind":"injured","min":9},{"kind":"dead","min":2}]""", true, 2, "the first count of the dead, past an injured one")]
    [InlineData("""[{"kind":"killed","min":3.7}]""", true, 3, "a fractional figure is truncated, as the node reading did")]
    [InlineData("""[{"kind":"killed","min":-2}]""", true, 0, "a negative figure counts as none")]
    [InlineData("""[{"kind":"killed","min":"5"}]""", true, 0, "a figure written as text is not a number")]
    [InlineData("""[{"kind":"killed"},{"kind":"fatalities","min":7}]""", true, 7, "a count without a figure is passed over")]
    [InlineData("""[{"kind":"killed","min":4}]""", false, 0, "an event that did not occur has no fatalities")]
    [InlineData("", true, 0, "an empty column reads as no counts")]
    [InlineData("""{"kind":"killed","min":4}""", true, 0, "a column that is not an array holds no counts")]
    [InlineData("""[null,5,{"kind":"killed","min":1}]""", true, 1, "elements that are not objects are skipped")]
    public void Fatalities_read_as_before(string counts, bool occurred, int expected, string reason)
    {
        var e = Event(counts: counts, occurred: occurred);
        Assert.True(ExportFields.Fatalities(e) == expected, reason);
        Assert.True(NodeFatalities(e) == expected, reason + " (node reading)");
    }

    [Theory]
    [InlineData("""[{"name":"a local council","location":"Tall Hamra"},{"name":"Invented Daily"}]""", "a local council in Tall Hamra < Invented Daily", "names with their place, nearest first")]
    [InlineData("""[{"location":"Kafr Zeit"}]""", "? in Kafr Zeit", "a source without a name")]
    [InlineData("""[{"name":12,"location":null}]""", "12", "a number as its JSON text; a null location is none")]
    [InlineData("""[{"name":"quote \"inside\" \u00e9"}]""", "quote \"inside\" é", "escapes are read as characters")]
    [InlineData("[]", "", "no sources")]
    public void Source_chain_reads_as_before(string sources, string expected, string reason)
    {
        var e = Event(sources: sources);
        Assert.True(ExportFields.SourceChain(e) == expected, reason);
        Assert.True(NodeSourceChain(e) == expected, reason + " (node reading)");
    }

    [Theory]
    [InlineData("""[{"field":"action","text":"shelled"},{"field":"place","text":"  "},{"field":"time","text":"on Monday"}]""", "shelled on Monday", "blank spans are left out")]
    [InlineData("""[{"field":"actor"},{"text":true}]""", "", "spans without text, or text that is not a string")]
    public void Evidence_text_reads_as_before(string evidence, string expected, string reason)
    {
        var e = Event(evidence: evidence);
        Assert.True(ExportFields.EvidenceText(e) == expected, reason);
        Assert.True(NodeEvidenceText(e) == expected, reason + " (node reading)");
    }
}
