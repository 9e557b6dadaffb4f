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

    // The JsonDocument definitions the one-pass reader (StoredArray.Members) replaced.
    private static string DocumentSourceChain(EventRecord e)
    {
        using var doc = StoredArray.Parse(e.SourcesJson);
        return string.Join(" < ", StoredArray.Objects(doc).Select(s =>
            (StoredArray.Str(s, "name") ?? "?") + (StoredArray.Str(s, "location") is { } loc ? " in " + loc : "")));
    }

    private static string DocumentEvidenceText(EventRecord e)
    {
        using var doc = StoredArray.Parse(e.EvidenceJson);
        return string.Join(" ", StoredArray.Objects(doc).Select(x => StoredArray.Str(x, "text")).Where(t => !string.IsNullOrWhiteSpace(t)));
    }

    [Theory]
    [InlineData("""[{"meta":{"name":"inner","location":"inner"},"name":"outer"}]""", "outer", "a nested object's members are not the source's")]
    [InlineData("""[{"tags":["name",{"name":"x"}],"location":"Beit Sawa"}]""", "? in Beit Sawa", "a nested array is passed over")]
    [InlineData("""[{"name":"first","name":"second"}]""", "second", "a repeated name: the last, as JsonElement finds it")]
    [InlineData("""[{"n\u0061me":"escaped key"}]""", "escaped key", "a member name written with an escape")]
    [InlineData("""[{"name":-1.50e3,"location":false}]""", "-1.50e3", "a number keeps its written text; a boolean is none")]
    [InlineData("""{"name":"not a list"}""", "", "a root object holds no sources")]
    [InlineData("""  [ {"name":"spaced"} , [] , "x" ]  """, "spaced", "whitespace and non-object elements")]
    [InlineData("", "", "an empty column")]
    public void Source_chain_reads_as_the_document_did(string sources, string expected, string reason)
    {
        var e = Event(sources: sources);
        Assert.True(ExportFields.SourceChain(e) == expected, reason);
        Assert.True(DocumentSourceChain(e) == expected, reason + " (document reading)");
    }

    [Theory]
    [InlineData("""[{"text":"a"},{"text":{"text":"no"}},{"text":"b"}]""", "a b", "an object where the text should be is none, its inner text not read")]
    [InlineData("""[{"text":"tab\tand \ud83d\ude00"}]""", "tab\tand \ud83d\ude00", "escapes, a surrogate pair included")]
    public void Evidence_text_reads_as_the_document_did(string evidence, string expected, string reason)
    {
        var e = Event(evidence: evidence);
        Assert.True(ExportFields.EvidenceText(e) == expected, reason);
        Assert.True(DocumentEvidenceText(e) == expected, reason + " (document reading)");
    }

    [Theory]
    [InlineData("""[{"name":"a"}] x""", "trailing text after the array")]
    [InlineData("""[{"name":"a"}""", "an array never closed")]
    [InlineData("""[{"name":"a",}]""", "a trailing comma")]
    [InlineData("   ", "only whitespace")]
    public void Malformed_json_fails_as_the_document_did(string sources, string reason)
    {
        var e = Event(sources: sources);
        Assert.True(Record.Exception(() => DocumentSourceChain(e)) is System.Text.Json.JsonException, reason + " (document reading)");
        Assert.True(Record.Exception(() => ExportFields.SourceChain(e)) is System.Text.Json.JsonException, reason);
    }

    [Theory]
    [InlineData("2024-02-29", "a leap day")]
    [InlineData("2023-02-29", "no leap day that year")]
    [InlineData("2024-04-31", "a month of 30 days")]
    [InlineData("2024-13-01", "no thirteenth month")]
    [InlineData("0000-01-01", "no year 0")]
    [InlineData("0001-01-01", "the first day DateOnly holds")]
    [InlineData("9999-12-31", "the last")]
    [InlineData("2024-1-05", "one digit for the month")]
    [InlineData("2024/01/05", "slashes")]
    [InlineData("2024-01-05T00:00", "a time after the day")]
    [InlineData(" 2024-01-05", "a leading space")]
    [InlineData("2024-0\u0661-05", "a non-ASCII digit")]
    [InlineData("", "empty")]
    public void Dates_read_as_the_exact_parse_did(string iso, string reason)
    {
        DateOnly? exact = DateOnly.TryParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out var d) ? d : null;
        Assert.True(ExportFields.Date(iso) == exact, reason);
    }
}
