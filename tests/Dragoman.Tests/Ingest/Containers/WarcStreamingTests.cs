using Dragoman.Documents;
using Dragoman.Ingest;
using Dragoman.Ingest.Warc;

namespace Dragoman.Tests.Ingest.Containers;

/// <summary>
/// WARC files are read from disk record by record (never loaded whole): the same inputs as reading the bytes in memory,
/// whatever the read size, with the reader never far ahead of the record it hands out.
/// </summary>
public class WarcStreamingTests
{
    private static string Page(int i) => TestWarcWriter.Page($"Report {i} from Idlib", $"Shelling hit a market in Idlib on Sunday, report {i} said. " + new string('x', 40 * (i % 7)));

    /// <summary>Good records, a broken one in the middle (of the kind asked), a record far larger than the read size.</summary>
    private static TestWarcWriter Crawl(bool gzip, string broken)
    {
        var w = new TestWarcWriter(gzip).Record("warcinfo", "", "application/warc-fields", "software: test\r\n"u8.ToArray());
        for (int i = 0; i < 6; i++) w.Request($"https://news.example/{i}").Response($"https://news.example/{i}", Page(i));
        switch (broken)
        {
            case "short-length": w.Record("response", "https://news.example/x", "application/http; msgtype=response", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>x</p>"u8.ToArray(), lengthDelta: 40); break;
            case "garbage": w.Raw("this is not a WARC record\r\n\r\n"u8.ToArray()); break;
        }
        w.Response("https://news.example/big", TestWarcWriter.Page("A long report", string.Concat(Enumerable.Repeat("The siege of the town went on for a third week, residents said. ", 400))));
        for (int i = 6; i < 9; i++) w.Response($"https://news.example/{i}", Page(i));
        return w;
    }

    private static List<string> Describe(IEnumerable<InputItem> items) =>
        [.. items.Select(i => i.Raw is { } raw ? $"{i.Input} {raw.Uri} {Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(raw.Bytes))}" : $"{i.Input} FAILED {i.Error}")];

    [Theory]
    [InlineData(false, "none", 16, "plain WARC read 16 bytes at a time: every header, block and separator straddles reads")]
    [InlineData(false, "short-length", 100, "a Content-Length too long for its block, found and skipped across reads")]
    [InlineData(false, "garbage", 4096, "bytes that are not a record, resynchronised at the next record across reads")]
    [InlineData(true, "none", 16, "gzip members 16 compressed bytes at a time: headers and trailers straddle reads")]
    [InlineData(true, "garbage", 333, "bytes between gzip members, resynchronised at the next member header")]
    [InlineData(true, "none", 1 << 20, "the default read size: the whole file in one read")]
    public void Reading_from_disk_gives_the_inputs_reading_the_bytes_gives(bool gzip, string broken, int chunk, string reason)
    {
        var bytes = Crawl(gzip, broken).ToArray();
        using var dir = new IngestHarness.TempDir();
        var path = dir.File(gzip ? "crawl.warc.gz" : "crawl.warc", bytes);
        var inMemory = Describe(WarcInputs.Split(new InputItem(path, new RawDocument(path, bytes, ContentTypes.Text), null)));
        var streamed = Describe(WarcInputs.SplitFile(path, path, chunk));
        Assert.True(inMemory.SequenceEqual(streamed), $"{reason}:\nin memory:\n{string.Join('\n', inMemory)}\nstreamed:\n{string.Join('\n', streamed)}");
        Assert.Equal(broken == "none" ? 0 : 1, streamed.Count(s => s.Contains(" FAILED ", StringComparison.Ordinal)));
        Assert.Equal(10, streamed.Count(s => !s.Contains(" FAILED ", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(false, "plain WARC")]
    [InlineData(true, "one gzip member per record")]
    public void The_reader_stays_within_a_record_and_a_read_of_what_it_hands_out(bool gzip, string reason)
    {
        var w = new TestWarcWriter(gzip);
        for (int i = 0; i < 2000; i++) w.Response($"https://news.example/{i}", Page(i));
        var bytes = w.ToArray();
        const int chunk = 4096;
        using var stream = new MemoryStream(bytes, writable: false);
        long worst = 0;
        int n = 0;
        foreach (var (_, entry) in WarcInputs.Entries("crawl", stream, chunk))
        {
            Assert.NotNull(entry.Record);
            long recordEnd = n + 1 < w.Offsets.Count ? w.Offsets[n + 1] : bytes.Length;
            worst = Math.Max(worst, stream.Position - recordEnd);
            n++;
        }
        Assert.Equal(2000, n);
        // the inflater's own read-ahead (8 KiB) and the window's reads (up to the 64 KiB a header may need) bound it
        Assert.True(worst <= 2 * 64 * 1024 + 3 * chunk, $"{reason}: read {worst} bytes past the record in hand of a {bytes.Length}-byte file");
        Assert.True(bytes.Length > 4 * (2 * 64 * 1024 + 3 * chunk), "the file must be larger than the bound for the check to mean anything");
    }

    [Fact]
    public void A_warc_file_is_streamed_not_loaded_and_is_not_held_to_the_file_size_limit()
    {
        using var dir = new IngestHarness.TempDir();
        var path = dir.File("huge.warc", new TestWarcWriter(false).Response("https://news.example/a", Page(1)).ToArray());
        using (var f = new FileStream(path, FileMode.Open)) f.SetLength(InputSources.MaxFileBytes + (1 << 20)); // sparse zeros after the record
        var item = InputSources.ReadFile(path);
        Assert.Null(item.Raw);
        Assert.Equal(path, item.StreamedFile);
        var outcomes = ArticleInputs.Split(item).ToList();
        Assert.Equal("https://news.example/a", Assert.Single(outcomes, o => o.Raw is not null).Raw!.Uri);
        Assert.Contains("no WARC record at offset", Assert.Single(outcomes, o => o.Raw is null).Error);
    }

    [Theory]
    [InlineData(0.5, "cut in the middle of the last member")]
    [InlineData(0.97, "cut inside the last member's trailer")]
    public void A_truncated_warc_gz_file_keeps_the_whole_records(double keep, string reason)
    {
        var w = new TestWarcWriter(true).Response("https://news.example/a", Page(1)).Response("https://news.example/b", Page(2));
        var bytes = w.ToArray();
        int cut = (int)(w.Offsets[1] + (bytes.Length - w.Offsets[1]) * keep);
        using var dir = new IngestHarness.TempDir();
        var outcomes = IngestHarness.ReadAll([dir.File("cut.warc.gz", bytes[..cut])]);
        Assert.Equal("https://news.example/a", Assert.Single(outcomes, o => o.Article is not null).Article!.Uri);
        var failure = Assert.Single(outcomes, o => o.Article is null);
        Assert.True(failure.Error!.Contains($"gzip member at offset {w.Offsets[1]}", StringComparison.Ordinal), $"{reason}: {failure.Error}");
    }
}
