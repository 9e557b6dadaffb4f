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

    [Theory]
    [InlineData("none", 4096, 333, "larger than what is held: streamed as it inflates, 333 compressed bytes a read")]
    [InlineData("garbage", 4096, 16, "a broken record inside the streamed member, resynchronised, 16 bytes a read")]
    [InlineData("short-length", 4096, 4096, "a Content-Length too long for its block inside the streamed member")]
    [InlineData("none", GzipMembers.HoldAtMostBytes, 1 << 20, "small enough to hold: inflated whole, named the same way")]
    public void A_warc_gzipped_whole_as_one_member_gives_the_records_of_the_plain_file(string broken, int holdAtMost, int chunk, string reason)
    {
        var plain = Crawl(false, broken).ToArray();
        using var dir = new IngestHarness.TempDir();
        var plainPath = dir.File("crawl.warc", plain);
        var gzPath = dir.File("crawl.warc.gz", TestWarcWriter.Gzip(plain));
        // a record at offset X of the plain file is at X inside the one member at offset 0
        var expected = Describe(WarcInputs.SplitFile("crawl", plainPath)).Select(d => d.Replace("crawl@", "crawl@0+", StringComparison.Ordinal)).ToList();
        var streamed = Describe(WarcInputs.SplitFile("crawl", gzPath, chunk, holdAtMost));
        Assert.True(expected.SequenceEqual(streamed), $"{reason}:\nplain:\n{string.Join('\n', expected)}\none member:\n{string.Join('\n', streamed)}");
        Assert.Equal(10, streamed.Count(s => !s.Contains(" FAILED ", StringComparison.Ordinal)));
    }

    [Fact]
    public void One_large_member_is_read_as_it_inflates_not_inflated_whole_first()
    {
        var w = new TestWarcWriter(false);
        var random = new Random(7);
        // pages of random words so that the file does not compress to almost nothing
        string Words(int n) => string.Join(' ', Enumerable.Range(0, n).Select(_ => new string((char)('a' + random.Next(26)), 1 + random.Next(8)) + random.Next(1000)));
        for (int i = 0; i < 1500; i++) w.Response($"https://news.example/{i}", TestWarcWriter.Page($"Report {i}", Words(120)));
        var bytes = TestWarcWriter.Gzip(w.ToArray());
        const int chunk = 4096, hold = 64 * 1024;
        using var stream = new MemoryStream(bytes, writable: false);
        using var entries = WarcInputs.Entries("crawl", stream, chunk, hold).GetEnumerator();
        Assert.True(entries.MoveNext());
        long readForFirst = stream.Position;
        int n = 1;
        while (entries.MoveNext()) { Assert.NotNull(entries.Current.Entry.Record); n++; }
        Assert.Equal(1500, n);
        // what is held before the first record: the inflated head (64 KiB), a WARC header's 64 KiB, the inflater's and window's reads
        Assert.True(readForFirst < bytes.Length / 4, $"read {readForFirst} of {bytes.Length} compressed bytes before handing out the first record");
    }

    [Theory]
    [InlineData("truncated", "the file cut at 60%: the whole records before the cut are read, then one failure")]
    [InlineData("corrupt", "bytes overwritten at 60%: the records before are read, the fault is a failure, not an exception")]
    public void A_damaged_single_member_keeps_the_records_before_the_damage(string damage, string reason)
    {
        var w = new TestWarcWriter(false);
        for (int i = 0; i < 400; i++) w.Response($"https://news.example/{i}", Page(i) + i);
        var bytes = TestWarcWriter.Gzip(w.ToArray());
        int at = bytes.Length * 6 / 10;
        if (damage == "truncated") bytes = bytes[..at];
        else for (int i = at; i < at + 64; i++) bytes[i] = (byte)(bytes[i] ^ 0x5A);
        using var dir = new IngestHarness.TempDir();
        var outcomes = WarcInputs.SplitFile("crawl", dir.File("crawl.warc.gz", bytes), 4096, holdAtMost: 64 * 1024).ToList();
        int good = outcomes.Count(o => o.Raw is not null);
        Assert.True(good is > 100 and < 400, $"{reason}: {good} records read");
        Assert.True(outcomes.Take(good).All(o => o.Raw is not null), $"{reason}: the good records come first");
        Assert.Contains(outcomes, o => o.Raw is null && o.Error!.Contains("gzip member at offset 0", StringComparison.Ordinal));
    }

    [Fact]
    public void A_whole_file_gzip_over_the_hold_limit_is_streamed_by_default()
    {
        var w = new TestWarcWriter(false);
        var body = string.Concat(Enumerable.Repeat("The siege of the town went on for a third week, residents said. ", 1000));
        for (int i = 0; i < 300; i++) w.Response($"https://news.example/{i}", TestWarcWriter.Page($"Report {i}", body));
        var plain = w.ToArray();
        Assert.True(plain.Length > GzipMembers.HoldAtMostBytes, "the member must be over the hold limit for the case to mean anything");
        using var dir = new IngestHarness.TempDir();
        var item = InputSources.ReadFile(dir.File("crawl.warc.gz", TestWarcWriter.Gzip(plain)));
        Assert.NotNull(item.StreamedFile);
        var names = ArticleInputs.Split(item).Select(o => o.Raw is null ? "FAILED " + o.Error : o.Input[(o.Input.LastIndexOf('@') + 1)..]).ToList();
        Assert.Equal(w.Offsets.Select(o => $"0+{o}"), names);
    }
}
