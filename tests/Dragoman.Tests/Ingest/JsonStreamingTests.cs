using System.Text;
using Dragoman.Documents;
using Dragoman.Ingest;

namespace Dragoman.Tests.Ingest;

/// <summary>
/// JSON Lines and JSON array files on disk are read line by line / element by element (never whole); each case checks
/// that they give the inputs the whole-file reading gives for the same bytes (names, texts, hints, errors, order).
/// </summary>
public class JsonStreamingTests
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    private static byte[] U8(string s) => Encoding.UTF8.GetBytes(s);

    private static string Rec(string text, string title = "T") => $"{{\"title\":\"{title}\",\"text\":\"{text}\",\"published\":\"2017-04-05\"}}";

    private static readonly string Long = string.Concat(Enumerable.Repeat("A convoy stopped near the bridge at dawn. ", 5000)); // 210 KB

    public static TheoryData<string, byte[], StreamedFormat, int, string[], string> Same => new()
    {
        { "plain.jsonl", U8(Rec("First report.") + "\n" + Rec("Second report.") + "\n"), StreamedFormat.JsonLines, 2, [], "one input per line, named FILE:LINE" },
        { "crlf.jsonl", U8(Rec("One.") + "\r\n\r\n" + Rec("Two.") + "\r\n"), StreamedFormat.JsonLines, 2, [], "CRLF ends and a blank line: line numbers count it, as whole" },
        { "cr.jsonl", U8(Rec("One.") + "\r" + Rec("Two.")), StreamedFormat.JsonLines, 2, [], "lone CR line ends, no final newline" },
        { "bom.jsonl", [.. Bom, .. U8(Rec("After a byte order mark.") + "\n")], StreamedFormat.JsonLines, 1, [], "a UTF-8 BOM is skipped" },
        { "utf16.jsonl", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Rec("Stored as UTF-16.") + "\n" + Rec("Second.") + "\n")], StreamedFormat.JsonLines, 2, [], "UTF-16 with its BOM is decoded by chunks as whole" },
        { "cp1252.jsonl", [.. U8("{\"text\":\"Coffee at the caf"), 0xE9, .. U8(" nearby.\"}\n")], StreamedFormat.JsonLines, 1, [], "a stray windows-1252 byte in UTF-8 reads as that character" },
        { "bad-line.jsonl", U8(Rec("Good one.") + "\n{\"text\": oops}\n" + Rec("Good again.") + "\n"), StreamedFormat.JsonLines, 3,
            ["line 2 is not valid JSON: 'o' is an invalid start of a value."], "a bad line fails alone naming its line; the lines after it go on" },
        { "not-object.jsonl", U8(Rec("Good.") + "\n[1,2]\n\"just a string\"\n"), StreamedFormat.JsonLines, 3,
            ["line 2 is JSON but not an object (Array)", "line 3 is JSON but not an object (String)"], "a line that is JSON but no object fails alone" },
        { "nested.jsonl", U8("{\"meta\":{\"site\":\"x\",\"deep\":[[1],[2,{\"a\":[]}]]},\"text\":\"Nested fields are skipped.\",\"url\":\"https://example.org/a\"}\n"), StreamedFormat.JsonLines, 1, [], "nested objects and arrays in a record" },
        { "huge-line.jsonl", U8(Rec(Long, "first") + "\n" + Rec("Short.") + "\n" + Rec(Long + "end", "third") + "\n"), StreamedFormat.JsonLines, 3, [], "lines longer than the 8 KB head and the 64 KB chunks" },
        { "first-line.json", U8("{\"title\":\"no text here\"}\n" + Rec("Second.") + "\n"), StreamedFormat.JsonLines, 2,
            ["line 1 has no non-empty \"text\" or \"html\" field (looked for html, text, maintext, content, body, article; map other names with --map text=FIELD)"],
            "a .json file whose first line is a whole JSON value is JSON Lines, whatever its fields" },
        { "array.json", U8("[\n  " + Rec("One.") + ",\n  " + Rec("Two.") + "\n]\n"), StreamedFormat.JsonArray, 2, [], "one input per element, named FILE#N" },
        { "bom-array.json", [.. Bom, .. U8("[" + Rec("After a BOM.") + "]")], StreamedFormat.JsonArray, 1, [], "a BOM before the array" },
        { "trailing-comma.json", U8("[" + Rec("One.") + ",]"), StreamedFormat.JsonArray, 1, [], "a trailing comma is allowed in both" },
        { "mixed.json", U8("[\"a string\", 3, " + Rec("Real.") + ", {\"title\":\"no text\"}]"), StreamedFormat.JsonArray, 4,
            ["element 1 is JSON but not an object (String)", "element 2 is JSON but not an object (Number)",
             "element 4 has no non-empty \"text\" or \"html\" field (looked for html, text, maintext, content, body, article; map other names with --map text=FIELD)"],
            "elements that are no article fail alone; the others go on" },
        { "nested-array.json", U8("[[" + Rec("Inside.") + "]]"), StreamedFormat.JsonArray, 1, ["element 1 is JSON but not an object (Array)"], "an array of arrays is refused element by element" },
        { "nested.json", U8("[{\"meta\":{\"site\":\"x\",\"deep\":[[1],[2,{\"a\":[]}]]},\"text\":\"Nested.\"}]"), StreamedFormat.JsonArray, 1, [], "nested values inside an element" },
        { "huge.json", U8("[" + Rec(Long, "first") + "," + Rec("Short.") + "]"), StreamedFormat.JsonArray, 2, [], "an element longer than the reader's buffers" },
        { "empty.json", U8("[ ]"), StreamedFormat.JsonArray, 1, ["JSON array is empty"], "an empty array is reported" },
        { "escape.json", U8("[{\"text\":\"bad \\ud800 half\"}," + Rec("Fine.") + "]"), StreamedFormat.JsonArray, 2,
            ["element 1 has a field that is not valid text (Cannot read incomplete UTF-16 JSON text as string with missing low surrogate.)"], "a lone surrogate escape fails its element only" },
    };

    [Theory]
    [MemberData(nameof(Same))]
    public void A_json_file_read_as_a_stream_gives_what_the_whole_file_gives(string name, byte[] bytes, StreamedFormat format, int count, string[] errors, string reason)
    {
        var (streamed, whole) = Both(name, bytes, format, reason);
        Assert.True(count == streamed.Count, $"{reason}: {streamed.Count} inputs");
        Assert.True(Describe(whole) == Describe(streamed), $"{reason}:\n{Describe(whole)}\n---\n{Describe(streamed)}");
        var failed = streamed.Where(i => i.Error is not null).Select(i => i.Error!).ToList();
        Assert.True(failed.SequenceEqual(errors), $"{reason}: {string.Join("; ", failed)}");
    }

    /// <summary>
    /// Invalid JSON part way through an array: read whole, the file failed alone; streamed, the elements before the break
    /// stand and one failed input names the line (as a CSV quote never closed does). Deliberate: the elements before
    /// were read before the break could be seen.
    /// </summary>
    public static TheoryData<string, string, string[], string> Broken => new()
    {
        { "truncated.json", "[\n" + Rec("One.") + ",\n" + Rec("Two."), ["One.", "Two."], "an array cut before its end" },
        { "cut-element.json", "[\n" + Rec("One.") + ",\n{\"text\":\"Two", ["One."], "an array cut inside an element" },
        { "bad-element.json", "[\n" + Rec("One.") + ",\n{\"text\": oops},\n" + Rec("Three.") + "]", ["One."], "a broken element ends the elements there" },
        { "garbage-after.json", "[" + Rec("One.") + "] trailing", ["One."], "text after the array's end" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Invalid_json_part_way_ends_a_streamed_array_after_the_elements_before_it(string name, string json, string[] texts, string reason)
    {
        var (streamed, whole) = Both(name, U8(json), StreamedFormat.JsonArray, reason);
        Assert.True(whole.Count == 1 && whole[0].Error!.StartsWith("not valid JSON: ", StringComparison.Ordinal), $"{reason}: whole {Describe(whole)}");
        var read = streamed.Where(i => i.Raw is not null).Select(i => Encoding.UTF8.GetString(i.Raw!.Bytes).Split("\n\n")[^1]).ToList();
        Assert.True(read.SequenceEqual(texts), $"{reason}: {Describe(streamed)}");
        var last = streamed[^1];
        Assert.True(last.Raw is null && last.Error!.StartsWith($"not valid JSON after element {texts.Length}: ", StringComparison.Ordinal) && last.Error.Contains("(line ", StringComparison.Ordinal),
            $"{reason}: {last.Error}");
        Assert.Equal(texts.Length + 1, streamed.Count);
    }

    [Theory]
    [InlineData("object.json", "{\n  \"text\": \"One article spread over lines.\"\n}\n", "one JSON object over several lines is one article, read whole")]
    [InlineData("long-first.json", "{\"text\":\"x\",\"pad\":\"PAD\"}\n", "a first line longer than the 8 KB head cannot be decided from the head: read whole")]
    [InlineData("page.html", "{\"text\":\"braces in an html file\"}\n", "a .html name is never JSON Lines")]
    [InlineData("array.csv", "[{\"text\":\"x\"}]", "JSON named .csv is read whole, as before")]
    [InlineData("plain.txt", "Just a paragraph of text.\n", "plain text is one article")]
    public void Other_files_are_read_whole(string name, string content, string reason)
    {
        using var dir = new IngestHarness.TempDir();
        var path = dir.File(name, content.Replace("PAD", new string('p', 9000)));
        Assert.True(InputSources.ReadFile(path).StreamedFile is null, reason);
    }

    private static (List<InputItem> Streamed, List<InputItem> Whole) Both(string name, byte[] bytes, StreamedFormat format, string reason)
    {
        using var dir = new IngestHarness.TempDir();
        var path = dir.File(name, bytes);
        var file = InputSources.ReadFile(path);
        Assert.True(file.StreamedFile is not null && file.StreamedAs == format, $"{reason}: not streamed as {format} ({file.StreamedAs}, {file.StreamedFile})");
        var streamed = ArticleInputs.Split(file).ToList();
        var whole = ArticleInputs.Split(InputItem.Read(new RawDocument(Path.GetFullPath(path), bytes, ContentTypes.FromExtension(path)))).ToList();
        return (streamed, whole);
    }

    private static string Describe(List<InputItem> items) => string.Join("\n", items.Select(i =>
        $"{i.Input} | {i.Error} | {i.Raw?.Uri} | {i.Raw?.ContentType} | {(i.Raw is null ? "" : Encoding.UTF8.GetString(i.Raw.Bytes))} | {i.Raw?.Hints}"));
}
