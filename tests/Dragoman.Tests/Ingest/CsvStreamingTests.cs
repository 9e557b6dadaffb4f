using System.Text;
using Dragoman.Documents;
using Dragoman.Ingest;
using Dragoman.Ingest.Text;

namespace Dragoman.Tests.Ingest;

/// <summary>
/// A .csv file on disk is read row by row (never whole); each case checks that it gives the inputs the whole-file
/// reading gives for the same bytes (names, texts, hints, errors, order), and what those are.
/// </summary>
public class CsvStreamingTests
{
    private const string Header = "title,text,date\n";
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    private static byte[] U8(string s) => Encoding.UTF8.GetBytes(s);

    public static TheoryData<string, byte[], int, string?, string> Cases => new()
    {
        { "quoted.csv", U8(Header + "\"Market fire\",\"Smoke rose over the old market.\nTraders ran, a guard said.\",4/5/17\nB,\"A \"\"quoted\"\" word, and a comma\",1/2/18\n"), 2, null,
            "quoted cells hold newlines, commas and doubled quotes" },
        { "crlf.csv", U8((Header + "A,\"One line\ntwo lines\",4/5/17\nB,Plain text here,4/5/17\n").Replace("\n", "\r\n")), 2, null,
            "CRLF row ends and CRLF inside a quoted cell read as LF, as the whole-file decoding normalises them" },
        { "cr.csv", U8((Header + "A,Text one,4/5/17\nB,Text two,4/5/17\n").Replace("\n", "\r")), 2, null, "lone CR row ends (old Mac files)" },
        { "bom.csv", [.. Bom, .. U8(Header + "A,Text after a byte order mark,4/5/17\n")], 1, null, "a UTF-8 BOM is skipped, not read into the first column's name" },
        { "utf16.csv", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Header + "A,Text stored as UTF-16,4/5/17\n")], 1, null, "a UTF-16 file with its BOM is decoded by chunks as whole" },
        { "cp1252.csv", [.. U8(Header + "A,Coffee at the caf"), 0xE9, .. U8(" in the square,4/5/17\n")], 1, null, "a stray windows-1252 byte in UTF-8 reads as that character, as whole-file decoding does" },
        { "broken-middle.csv", U8(Header + "A,\"First text,\nover two lines\",4/5/17\nOnly a title\nC,Third text,4/5/17\n"), 3, "CSV: row has 1 columns, header has 3 (line 4)",
            "a short row in the middle is one failed input naming its line (4: the row before spans two), the rows around it stand" },
        { "empty-text.csv", U8(Header + "A,,4/5/17\nB,Some text,4/5/17\n"), 2, "CSV: empty text (line 2)", "a row without text fails alone, naming its line" },
        { "open-quote.csv", U8(Header + "A,Good text,4/5/17\nB,\"never closed\nC,more,4/5/17\n"), 2, "CSV: unterminated quoted field starting on line 3",
            "a quote never closed ends the file's rows: the rows before stand, the error names where the quote opened" },
        { "newlines.csv", U8("\n\n"), 1, "CSV: empty file", "a file of blank lines has no header" },
        { "header.csv", U8(Header), 1, "CSV: a header and no rows", "a header alone is reported" },
        { "nul.csv", U8(Header + "A," + string.Concat(Enumerable.Repeat("Some words. ", 800)) + "a \0 inside,4/5/17\n"), 1, null,
            "a NUL past the first 8 KB (where no binary check looks) reads as U+FFFD, as whole-file decoding does" },
        { "nul-head.csv", U8(Header + "A,Text with a \0 inside,4/5/17\n"), 1, "CSV: binary file (1 NUL bytes in the first 46 bytes), not text",
            "a NUL in the first 8 KB: the file is refused as binary, as before" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_csv_file_read_row_by_row_gives_what_the_whole_file_gives(string name, byte[] bytes, int count, string? error, string reason)
    {
        using var dir = new IngestHarness.TempDir();
        var path = dir.File(name, bytes);
        var file = InputSources.ReadFile(path);
        Assert.True(file.StreamedFile is not null && file.StreamedAs == StreamedFormat.Csv, $"{reason}: not streamed");
        var streamed = ArticleInputs.Split(file).ToList();
        var whole = ArticleInputs.Split(InputItem.Read(new RawDocument(Path.GetFullPath(path), bytes, ContentTypes.Text))).ToList();
        Assert.True(count == streamed.Count, $"{reason}: {streamed.Count} inputs");
        Assert.True(Describe(whole) == Describe(streamed), $"{reason}:\n{Describe(whole)}\n---\n{Describe(streamed)}");
        var failed = streamed.Where(i => i.Error is not null).Select(i => i.Error).ToList();
        if (error is null) Assert.True(failed.Count == 0, $"{reason}: {string.Join("; ", failed)}");
        else Assert.True(failed.SequenceEqual([error]), $"{reason}: {string.Join("; ", failed)}");
    }

    [Fact]
    public void An_empty_csv_file_is_not_opened_as_a_stream()
    {
        // a length of 0 may be a FIFO; it is never opened and fails later as an empty input, as before
        using var dir = new IngestHarness.TempDir();
        var item = InputSources.ReadFile(dir.File("empty.csv", ""));
        Assert.Null(item.StreamedFile);
        Assert.Empty(item.Raw!.Bytes);
    }

    [Theory]
    [InlineData("gz.csv", new byte[] { 0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, "a gzip file named .csv is unpacked whole, as before")]
    [InlineData("json.csv", new byte[] { (byte)' ', (byte)'[', (byte)'{', (byte)'}', (byte)']' }, "JSON named .csv is read as JSON, as before")]
    public void Other_containers_named_csv_are_read_whole(string name, byte[] bytes, string reason)
    {
        using var dir = new IngestHarness.TempDir();
        Assert.True(InputSources.ReadFile(dir.File(name, bytes)).StreamedFile is null, reason);
    }

    [Theory]
    [InlineData("a\r\nb\rc\n", "CRLF and CR, one split between chunks at every size")]
    [InlineData("Caf\u00e9 \u0645\u0631\u062d\u0628\u0627 \U0001F600 end", "multibyte characters cut by chunk edges")]
    [InlineData("x\0y", "a NUL")]
    public void Text_decoded_by_chunks_is_the_whole_decoding(string text, string reason)
    {
        foreach (var bytes in new[] { U8(text), [.. Bom, .. U8(text)], [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(text)] })
        {
            var whole = TextDecoding.Decode(bytes, isHtml: false).Text;
            for (int chunk = 1; chunk <= 7; chunk++)
            {
                using var reader = StreamText.Open(new MemoryStream(bytes), chunk);
                var read = reader.ReadToEnd();
                Assert.True(whole == read, $"{reason}, chunk {chunk}: '{read}'");
            }
        }
    }

    private static string Describe(List<InputItem> items) => string.Join("\n", items.Select(i =>
        $"{i.Input} | {i.Error} | {(i.Raw is null ? "" : Encoding.UTF8.GetString(i.Raw.Bytes))} | {i.Raw?.Hints}"));
}
