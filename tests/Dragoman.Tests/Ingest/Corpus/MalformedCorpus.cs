using System.Diagnostics;
using System.Text;
using Dragoman.Tests.Ingest.Containers;

namespace Dragoman.Tests.Ingest.Corpus;

/// <summary>
/// One malformed (or awkward) input, written by code into a folder (no stored binaries): <see cref="Make"/> writes it
/// as <see cref="Name"/> (a file, or a folder for cases that need several entries). What must come of it:
/// <see cref="Stored"/> articles processed, and, when <see cref="Failure"/> is set, at least one failure naming the
/// input that contains that text (null: no failure at all).
/// </summary>
public sealed record CorpusCase(string Name, string Reason, Action<string> Make, int Stored, string? Failure, string? Warning = null)
{
    public override string ToString() => Name;
}

/// <summary>
/// The malformed-input corpus of issue 18: broken containers, encodings, markup, files that are not files. Every good
/// article in it carries a distinct tag, so that no two cases store the same text.
/// </summary>
public static class MalformedCorpus
{
    /// <summary>A plain article whose text is unique to <paramref name="tag"/>.</summary>
    public static string Good(string tag) =>
        $"Checkpoint attacked near Homs {tag}\n\nGunmen attacked a checkpoint near Homs on Monday, residents of district {tag} said.\n";

    public static string GoodHtml(string tag) => TestWarcWriter.Page($"Checkpoint attacked near Homs {tag}", $"Gunmen attacked a checkpoint near Homs on Monday, residents of district {tag} said.");

    private static byte[] U8(string s) => Encoding.UTF8.GetBytes(s);

    private static Action<string> File(string name, byte[] bytes) => dir => System.IO.File.WriteAllBytes(Path.Combine(dir, name), bytes);
    private static Action<string> File(string name, string text) => File(name, U8(text));

    private static CorpusCase Ok(string name, string reason, byte[] bytes, int stored = 1, string? warning = null) => new(name, reason, File(name, bytes), stored, null, warning);
    private static CorpusCase Ok(string name, string reason, string text, int stored = 1, string? warning = null) => Ok(name, reason, U8(text), stored, warning);
    private static CorpusCase Bad(string name, string reason, byte[] bytes, string failure, int stored = 0) => new(name, reason, File(name, bytes), stored, failure);
    private static CorpusCase Bad(string name, string reason, string text, string failure, int stored = 0) => Bad(name, reason, U8(text), failure, stored);

    private static byte[] Gzip(byte[] b) => TestWarcWriter.Gzip(b);
    private static byte[] Cut(byte[] b, double fraction) => b[..(int)(b.Length * fraction)];
    private static byte[] Flip(byte[] b, int at) { var c = (byte[])b.Clone(); c[at] ^= 0xFF; return c; }

    private static void Link(string dir, string name, string target) => System.IO.File.CreateSymbolicLink(Path.Combine(dir, name), target);
    private static void Fifo(string path) { using var p = Process.Start("mkfifo", [path]); p.WaitForExit(); }

    public static IEnumerable<CorpusCase> All() =>
        Empty().Concat(Gzips()).Concat(Warcs()).Concat(Feeds()).Concat(Csvs()).Concat(JsonLines()).Concat(JsonDocuments())
            .Concat(Texts()).Concat(Htmls()).Concat(NotFiles());

    private static IEnumerable<CorpusCase> Empty()
    {
        foreach (var ext in new[] { "txt", "html", "csv", "jsonl", "json", "xml", "warc" })
            yield return Bad($"empty.{ext}", $"a 0-byte .{ext} file", [], "empty input (0 bytes)");
        yield return Bad("blank.txt", "blank lines and tabs only", "\n\n \t \r\n", "empty input (only whitespace)");
        yield return Bad("bom-only.txt", "a UTF-8 byte order mark and nothing else", [0xEF, 0xBB, 0xBF], "empty input");
        yield return Bad("blank.jsonl", "a JSON Lines file of blank lines", "\n\n\n", "JSON Lines file has no records");
    }

    private static IEnumerable<CorpusCase> Gzips()
    {
        var packed = Gzip(U8(Good("gz-whole")));
        yield return Ok("good.txt.gz", "a gzipped article", packed);
        foreach (var f in new[] { 0.1, 0.3, 0.5, 0.8, 0.97 })
            yield return Bad($"truncated-{f * 100:0}.txt.gz", $"gzip cut at {f:P0} of its bytes", Cut(packed, f), "gzip");
        yield return Bad("bad-crc.txt.gz", "gzip whose CRC-32 does not match", Flip(packed, packed.Length - 6), "gzip");
        yield return Bad("bad-deflate.txt.gz", "gzip with a corrupt deflate stream", Flip(packed, 14), "gzip");
        yield return Bad("empty-inside.txt.gz", "gzip of nothing", Gzip([]), "empty input (0 bytes)");
        yield return Bad("gzip-in-gzip.txt.gz", "gzip inside gzip", Gzip(packed), "gzip inside gzip");
        yield return Bad("binary-inside.txt.gz", "gzip of an image", Gzip([0x89, (byte)'P', (byte)'N', (byte)'G', 13, 10, 26, 10, 0, 0, 0, 13, 1, 2, 3]), "binary file");
        yield return Ok("two-members.txt.gz", "two gzip members (concatenated .gz files) are one text", [.. Gzip(U8(Good("gz-members").Split("\n\n")[0] + "\n\n")), .. Gzip(U8(Good("gz-members").Split("\n\n")[1]))]);
        yield return Bad("trailing-garbage.txt.gz", "gzip followed by bytes that are not gzip", [.. packed, .. U8("garbage after the member")], "gzip");
        yield return Bad("fuzz-fextra.txt.gz", "a gzip header whose FEXTRA length runs past the end: found by the fuzzer, it threw and ended the batch", [0x1f, 0x8b, 0x08, 0x1f, 0xc2, 0x8b, 0, 0, 0, 0, 0, 0x04, 0x03, 0xab, 0x56, 0x2a, 0xc9], "gzip");
        yield return Ok("jsonl-inside.jsonl.gz", "gzipped JSON Lines", Gzip(U8(Line("gz-jsonl-1") + "\n" + Line("gz-jsonl-2") + "\n")), stored: 2);
    }

    private static string Line(string tag, string? published = null) =>
        System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string?> { ["title"] = $"Checkpoint attacked {tag}", ["text"] = Good(tag).Split("\n\n")[1], ["published"] = published }.Where(p => p.Value is not null).ToDictionary());

    private static IEnumerable<CorpusCase> Warcs()
    {
        TestWarcWriter Three(bool gz, string tag) => new TestWarcWriter(gz).Response("https://example.org/1", GoodHtml(tag + "-1")).Response("https://example.org/2", GoodHtml(tag + "-2")).Response("https://example.org/3", GoodHtml(tag + "-3"));
        yield return Ok("good.warc", "three response records", Three(false, "warc-good").ToArray(), stored: 3);
        yield return Ok("good.warc.gz", "three records, one gzip member each", Three(true, "warcgz-good").ToArray(), stored: 3);
        var w = new TestWarcWriter(false).Response("https://example.org/a", GoodHtml("warc-len-a"));
        w.Record("response", "https://example.org/b", "application/http; msgtype=response", U8("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + GoodHtml("warc-len-b")), lengthDelta: 40);
        w.Response("https://example.org/c", GoodHtml("warc-len-c"));
        yield return Bad("length-lies.warc", "a record in the middle whose Content-Length is 40 bytes too long: the reader finds the next record", w.ToArray(), "does not end at the record's end", stored: 2);
        var g = new TestWarcWriter(false).Response("https://example.org/a", GoodHtml("warc-junk-a")).Raw(U8("this is not a WARC record\r\n\r\n")).Response("https://example.org/c", GoodHtml("warc-junk-c"));
        yield return Bad("junk-between.warc", "garbage between two records", g.ToArray(), "WARC", stored: 2);
        var full = Three(false, "warc-cut").ToArray();
        yield return Bad("truncated.warc", "the last record cut in half", Cut(full, 0.85), "WARC", stored: 2);
        var neg = new TestWarcWriter(false).Response("https://example.org/a", GoodHtml("warc-neg-a")).Raw(U8("WARC/1.0\r\nWARC-Type: response\r\nContent-Length: -5\r\n\r\n")).Response("https://example.org/c", GoodHtml("warc-neg-c"));
        yield return Bad("negative-length.warc", "a record with a negative Content-Length", neg.ToArray(), "no valid Content-Length header", stored: 2);
        var nan = new TestWarcWriter(false).Response("https://example.org/a", GoodHtml("warc-nan-a")).Raw(U8("WARC/1.0\r\nWARC-Type: response\r\nContent-Length: lots\r\n\r\n")).Response("https://example.org/c", GoodHtml("warc-nan-c"));
        yield return Bad("length-not-a-number.warc", "a record whose Content-Length is not a number", nan.ToArray(), "no valid Content-Length header", stored: 2);
        var huge = new TestWarcWriter(false).Response("https://example.org/a", GoodHtml("warc-huge-a")).Raw(U8("WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999999999\r\n\r\nshort"));
        yield return Bad("length-huge.warc", "a record claiming 93 GB", huge.ToArray(), "WARC", stored: 1);
        yield return Ok("status-404.warc", "a 404 response between good ones is skipped, not an article", new TestWarcWriter(false).Response("https://example.org/a", GoodHtml("warc-404-a")).Response("https://example.org/x", "<html><body><p>Not found</p></body></html>", status: 404).ToArray());
        yield return Bad("http-broken.warc", "a response record whose HTTP head is garbage", new TestWarcWriter(false).Record("response", "https://example.org/b", "application/http; msgtype=response", U8("NOT HTTP AT ALL")).Response("https://example.org/a", GoodHtml("warc-http-a")).ToArray(), "WARC response record", stored: 1);
        yield return Bad("requests-only.warc", "a WARC with requests only", new TestWarcWriter(false).Request("https://example.org/a").ToArray(), "no HTML or text response");
        var members = Three(true, "warcgz-member");
        var bytes = members.ToArray();
        int mid = (int)members.Offsets[1];
        yield return Bad("bad-member.warc.gz", "the middle gzip member corrupted", Flip(bytes, mid + 20), "gzip member", stored: 2);
        yield return Bad("empty-body.warc", "a response with an empty body", new TestWarcWriter(false).Response("https://example.org/e", "").Response("https://example.org/a", GoodHtml("warc-empty-a")).ToArray(), "empty body", stored: 1);
        yield return Ok("windows-1251.warc", "the HTTP charset names windows-1251", new TestWarcWriter(false).Response("https://example.org/r", GoodHtml("warc-1251") + "<p>\u041f\u0440\u0438\u0432\u0435\u0442</p>", "text/html; charset=windows-1251", encoding: CodePages("windows-1251")).ToArray());
    }

    private static Encoding CodePages(string name)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(name);
    }

    private static IEnumerable<CorpusCase> Feeds()
    {
        string Item(string tag) => $"<item><title>Checkpoint attacked {tag}</title><link>https://example.org/{tag}</link><description>{System.Net.WebUtility.HtmlEncode("<p>" + Good(tag).Split("\n\n")[1] + "</p>")}</description></item>";
        string Rss(params string[] items) => $"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title>{string.Concat(items)}</channel></rss>";
        yield return Ok("good.rss", "an RSS 2.0 feed with two items", Rss(Item("rss-1"), Item("rss-2")), stored: 2);
        var whole = Rss(Item("rss-cut-1"), Item("rss-cut-2"));
        yield return Bad("cut-after-first.rss", "XML cut after the first item", whole[..(whole.IndexOf("</item>", StringComparison.Ordinal) + 7)], "feed", stored: 1);
        yield return Bad("cut-in-tag.rss", "XML cut inside a tag", whole[..(whole.IndexOf("<title>Checkpoint", StringComparison.Ordinal) + 3)], "feed");
        yield return Bad("mismatched.rss", "an end tag that does not match", Rss(Item("rss-mis-1")).Replace("</channel>", "</chanel>"), "feed", stored: 1);
        yield return Bad("undefined-entity.rss", "an entity XML does not define", Rss(Item("rss-ent-1")).Replace("Wire", "Wire &nbsp; news"), "feed");
        var bomb = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\"><!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\"><!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\"><!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\"><!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\"><!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\"><!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\"><!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">]><rss version=\"2.0\"><channel><title>&lol9;</title><item><title>x</title><description>&lol9;</description></item></channel></rss>";
        yield return Bad("entity-bomb.rss", "nested entities that would expand to gigabytes (billion laughs)", bomb, "feed");
        yield return Bad("no-items.rss", "a feed with a channel and no items", Rss(), "feed has no items");
        yield return Bad("item-without-text.rss", "an item with a title and a link but no text", Rss("<item><title>Only a title</title><link>https://example.org/t</link></item>", Item("rss-notext-2")), "has no content or summary", stored: 1);
        yield return Ok("cdata.rss", "content:encoded in CDATA", Rss("<item xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><title>CDATA item</title><content:encoded><![CDATA[<p>" + Good("rss-cdata").Split("\n\n")[1] + "</p>]]></content:encoded></item>"));
        yield return Ok("good.atom", "an Atom feed", $"<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>A</title><entry><title>Atom entry</title><id>urn:a</id><content type=\"text\">{Good("atom-1").Split("\n\n")[1]}</content></entry></feed>");
        yield return Bad("broken.atom", "an Atom feed cut in an entry", $"<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>A</title><entry><title>Atom", "feed");
        yield return Bad("other-xml.xml", "XML that is no feed (an SVG)", "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><rect/></svg>", "unsupported format");
        yield return Ok("bad-published.rss", "an item whose pubDate is no date: kept, with a warning naming the value", Rss(Item("rss-date").Replace("</title>", "</title><pubDate>the day after tomorrow</pubDate>")), warning: "the day after tomorrow");
    }

    private static IEnumerable<CorpusCase> Csvs()
    {
        const string header = "title,article_content,date\n";
        string Row(string tag, string date = "3/4/17") => $"\"Checkpoint attacked {tag}\",\"{Good(tag).Split("\n\n")[1].Trim()}\",{date}\n";
        yield return Ok("good.csv", "two rows", header + Row("csv-1") + Row("csv-2"), stored: 2);
        yield return Bad("header-only.csv", "a header and no rows", header, "CSV: a header and no rows");
        yield return Bad("title-only.csv", "rows with a title and no text", header + "\"Only a title\",,3/4/17\n" + Row("csv-title-2"), "CSV: empty text", stored: 1);
        yield return Ok("unclosed-quote.csv", "a quote never closed is read to the end as one cell (the rows before it stand)", header + Row("csv-q-1") + "\"Broken,\"text that never ends about Homs csv-q-2,3/4/17\n", stored: 2);
        yield return Ok("stray-quote.csv", "a quote inside an unquoted field is kept as a character (as spreadsheets read it)", header + Row("csv-s-1") + "Stray \"quote\" here,Some text about Homs csv-s-2,3/4/17\n", stored: 2);
        yield return Bad("short-row.csv", "a row with fewer columns than the header", header + "Only title\n" + Row("csv-short-2"), "columns", stored: 1);
        yield return Ok("long-row.csv", "a row with more columns than the header", header + Row("csv-long-1").TrimEnd('\n') + ",extra,more\n");
        yield return Bad("no-text-column.csv", "no column holds article text", "name,age\nSam,4\n", "CSV: no text column");
        yield return Ok("crlf.csv", "CRLF line ends", (header + Row("csv-crlf")).Replace("\n", "\r\n"));
        yield return Ok("bom.csv", "a UTF-8 BOM before the header", [0xEF, 0xBB, 0xBF, .. U8(header + Row("csv-bom"))]);
        yield return Ok("cp1252.csv", "a windows-1252 CSV (Caf\u00e9)", CodePages("windows-1252").GetBytes(header + Row("csv-caf\u00e9")));
        yield return Ok("blank-lines.csv", "blank lines between rows", header + "\n" + Row("csv-blank-1") + "\n\n" + Row("csv-blank-2"), stored: 2);
        yield return Bad("nul-in-cell.csv", "NUL bytes inside a cell", header + "\"Nul\",\"Text with \0\0\0\0 NULs about Homs\",3/4/17\n", "NUL");
        yield return Ok("bad-date.csv", "a date that is no date: the row is kept, with a warning naming the value", header + Row("csv-date", "31/31/2017"), warning: "31/31/2017");
        yield return Bad("only-newline.csv", "a CSV of one newline", "\n", "CSV: empty file");
        var cell = string.Concat(Enumerable.Repeat("Shelling was reported near Homs, residents said. ", 350_000));
        yield return Bad("huge-cell.csv", "a 17 MB cell: over the size budget, the other row is stored", header + Row("csv-huge-1") + $"\"Huge\",\"{cell}\",3/4/17\n", "over the size budget", stored: 1);
    }

    private static IEnumerable<CorpusCase> JsonLines()
    {
        yield return Ok("good.jsonl", "two records", Line("jsonl-1") + "\n" + Line("jsonl-2") + "\n", stored: 2);
        yield return Bad("broken-middle.jsonl", "a broken line between good ones", Line("jsonl-b-1") + "\n{\"title\":\"x\",\"text\":\"unterminated\n" + Line("jsonl-b-3") + "\n", "line 2 is not valid JSON", stored: 2);
        yield return Bad("array-line.jsonl", "a line that is an array", Line("jsonl-a-1") + "\n[1,2,3]\n", "not an object", stored: 1);
        yield return Bad("number-text.jsonl", "a text field that is an object", Line("jsonl-n-1") + "\n{\"text\":{\"a\":1}}\n", "no non-empty \"text\"", stored: 1);
        yield return Bad("lone-surrogate.jsonl", "a text with an escaped lone surrogate", Line("jsonl-s-1") + "\n{\"text\":\"bad \\ud800 text about Homs\"}\n", "not valid text", stored: 1);
        yield return Bad("deep.jsonl", "a line nested 10,000 deep", Line("jsonl-d-1") + "\n" + new string('[', 10_000) + new string(']', 10_000) + "\n", "line 2 is not valid JSON", stored: 1);
        yield return Ok("crlf.jsonl", "CRLF line ends", Line("jsonl-crlf-1") + "\r\n" + Line("jsonl-crlf-2") + "\r\n", stored: 2);
        yield return Ok("bom.jsonl", "a BOM before the first record", [0xEF, 0xBB, 0xBF, .. U8(Line("jsonl-bom") + "\n")]);
        yield return Bad("trailing-comma.jsonl", "a line with a trailing comma", Line("jsonl-tc-1") + "\n{\"text\":\"x\",}\n", "line 2 is not valid JSON", stored: 1);
        var big = "{\"title\":\"Huge\",\"text\":\"" + string.Concat(Enumerable.Repeat("Shelling was reported near Homs. ", 600_000)) + "\"}";
        yield return Bad("huge-line.jsonl", "a 20 MB line: over the size budget", Line("jsonl-h-1") + "\n" + big + "\n", "over the size budget", stored: 1);
        yield return Ok("bad-published.jsonl", "a published value that is no date: kept, with a warning", Line("jsonl-date", "not-a-date") + "\n", warning: "not-a-date");
        yield return Ok("utf16.jsonl", "JSON Lines in UTF-16 with a BOM", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Line("jsonl-utf16") + "\n")]);
    }

    private static IEnumerable<CorpusCase> JsonDocuments()
    {
        yield return Bad("one-bad-element.json", "an array with one element that is not an object", "[" + Line("json-1") + ",42," + Line("json-3") + "]", "element 2", stored: 2);
        yield return Bad("empty-array.json", "an empty array", "[]", "JSON array is empty");
        yield return Bad("deep.json", "an array nested 1,000 deep", new string('[', 1000) + new string(']', 1000), "not valid JSON");
        yield return Ok("invalid-utf8.json", "an object whose text has a byte that is not UTF-8 (found by the fuzzer: it escaped the reader and would have ended the batch)", [.. U8("{\n  \"title\": \"Obj\",\n  \"text\": \"Gun"), 0xF3, .. U8("en attacked a checkpoint in Daraa, residents of json-utf8 said.\"\n}\n")]);
        yield return Bad("cut.json", "an array cut in the middle", ("[" + Line("json-cut-1") + "," + Line("json-cut-2") + "]")[..60], "not valid JSON");
        yield return Bad("object-no-text.json", "an object without text", "{\n\"title\": \"No text\"\n}\n", "has no non-empty \"text\"");
    }

    private static IEnumerable<CorpusCase> Texts()
    {
        yield return Ok("good.txt", "a plain article", Good("txt-good"));
        var nuls = new byte[4096];
        new Random(18).NextBytes(nuls);
        nuls[0] = (byte)'A';
        yield return Bad("random.txt", "random bytes with NULs", nuls, "NUL bytes");
        yield return Bad("nul-laden.txt", "text with NULs between words", U8(Good("txt-nul").Replace(" ", "\0\0")), "NUL bytes");
        yield return Bad("few-nuls.txt", "one NUL in a text marks it as binary, and says how many", U8(Good("txt-onenul") + "\0" + string.Concat(Enumerable.Repeat("Residents said the road was open. ", 40))), "binary file (1 NUL bytes");
        yield return Ok("utf16le-bom.txt", "UTF-16 LE with a BOM", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Good("txt-u16le"))]);
        yield return Ok("utf16be-bom.txt", "UTF-16 BE with a BOM", [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(Good("txt-u16be"))]);
        yield return Ok("utf16-nobom.txt", "UTF-16 LE without a BOM", Encoding.Unicode.GetBytes(Good("txt-u16nobom")));
        yield return Ok("utf32-bom.txt", "UTF-32 LE with a BOM", [0xFF, 0xFE, 0, 0, .. Encoding.UTF32.GetBytes(Good("txt-u32"))]);
        yield return Ok("cp1256.txt", "Arabic in windows-1256", CodePages("windows-1256").GetBytes("\u0647\u062c\u0648\u0645 \u0639\u0644\u0649 \u062d\u0627\u062c\u0632 \u0642\u0631\u0628 \u062d\u0645\u0635\n\n\u0647\u0627\u062c\u0645 \u0645\u0633\u0644\u062d\u0648\u0646 \u062d\u0627\u062c\u0632\u0627 \u0642\u0631\u0628 \u0645\u062f\u064a\u0646\u0629 \u062d\u0645\u0635 \u064a\u0648\u0645 \u0627\u0644\u0627\u062b\u0646\u064a\u0646\u060c \u062d\u0633\u0628\u0645\u0627 \u0642\u0627\u0644 \u0627\u0644\u0633\u0643\u0627\u0646.\n"), warning: "not handled");
        yield return Ok("cp1251.txt", "Russian in windows-1251", CodePages("windows-1251").GetBytes("\u041d\u0430\u043f\u0430\u0434\u0435\u043d\u0438\u0435 \u043d\u0430 \u0431\u043b\u043e\u043a\u043f\u043e\u0441\u0442\n\n\u0412\u043e\u043e\u0440\u0443\u0436\u0435\u043d\u043d\u044b\u0435 \u043b\u044e\u0434\u0438 \u043d\u0430\u043f\u0430\u043b\u0438 \u043d\u0430 \u0431\u043b\u043e\u043a\u043f\u043e\u0441\u0442 \u0432\u043e\u0437\u043b\u0435 \u0425\u043e\u043c\u0441\u0430 \u0432 \u043f\u043e\u043d\u0435\u0434\u0435\u043b\u044c\u043d\u0438\u043a, \u0441\u043e\u043e\u0431\u0449\u0438\u043b\u0438 \u0436\u0438\u0442\u0435\u043b\u0438.\n"), warning: "not handled");
        yield return Ok("mixed-encodings.txt", "UTF-8 with windows-1252 bytes mixed in", [.. U8(Good("txt-mixed")), .. CodePages("windows-1252").GetBytes("The caf\u00e9\u2019s owner said so.\n")]);
        yield return Ok("invalid-utf8.txt", "overlong and truncated UTF-8 sequences", [.. U8(Good("txt-badutf8")), 0xC0, 0xAF, 0xE2, 0x82, (byte)'\n']);
        yield return Ok("terminal-escapes.txt", "terminal escape sequences in the text (escaped on output)", Good("txt-esc").Replace("Gunmen", "\u001b[2J\u001b]0;pwned\u0007Gunmen"));
        yield return Ok("title-only.txt", "one line and nothing else", "Checkpoint attacked near Homs txt-titleonly");
        yield return Ok("one-long-line.txt", "3 KB without a full stop: one sentence (100 KB still takes minutes in the events stage; docs/benchmarks.md)", string.Concat(Enumerable.Repeat("Gunmen attacked a checkpoint near Homs txt-long and residents said so ", 45)));
        yield return Ok("cr-only.txt", "old Mac line ends (CR only)", Good("txt-cr").Replace("\n", "\r"));
        yield return Ok("form-feeds.txt", "a form feed between paragraphs and a bell (old text files)", Good("txt-ctl").Replace("\n\n", "\n\f\n").Replace("Monday", "Monday\a"));
        yield return Bad("control-chars.txt", "control characters between every word are binary, not text", Good("txt-ctl2").Replace(" ", " \f\v\a "), "control bytes");
        yield return Ok("rtl-marks.txt", "bidi controls and zero-width characters", Good("txt-bidi").Replace(" ", "\u200f \u200b\u202e"));
        yield return Bad("png.txt", "a PNG renamed .txt", [0x89, (byte)'P', (byte)'N', (byte)'G', 13, 10, 26, 10, 0, 0, 0, 13, 1, 2, 3], "binary file (PNG image)");
        yield return Bad("pdf.txt", "a PDF renamed .txt", U8("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<<>>\nendobj\n\0\0\0"), "PDF");
        yield return Bad("zip.txt", "a ZIP renamed .txt", [(byte)'P', (byte)'K', 3, 4, 20, 0, 0, 0, 8, 0, 0, 0, 0, 0], "binary file");
        yield return Bad("elf.txt", "a program renamed .txt", [0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0], "binary file");
    }

    private static IEnumerable<CorpusCase> Htmls()
    {
        yield return Ok("good.html", "a plain page", GoodHtml("html-good"));
        yield return Ok("nested.html", "100,000 nested divs", "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 100_000)) + $"<p>{Good("html-nested").Split("\n\n")[1]}</p></body></html>");
        yield return Bad("head-only.html", "a head and no body", "<html><head><title>Only a title</title></head></html>", "no article text found in this HTML page");
        yield return Bad("script-only.html", "a body of scripts", "<html><body><script>var x = 1;</script><div id=\"root\"></div></body></html>", "no article text found");
        yield return Ok("unclosed.html", "tags never closed, stray end tags", $"<html><body><div><p>{Good("html-unclosed").Split("\n\n")[1]}<div></span></td><p>More text here.</html></body>");
        yield return Ok("comment-never-closed.html", "a comment that never ends swallows the rest", $"<html><body><p>{Good("html-comment").Split("\n\n")[1]}</p><!-- never closed <p>hidden</p></body></html>");
        yield return Ok("charset-lies.html", "a page declaring UTF-16 in a meta tag but written in UTF-8", $"<html><head><meta charset=\"utf-16\"></head><body><p>{Good("html-charset").Split("\n\n")[1]}</p></body></html>");
        yield return Ok("windows-1256.html", "an Arabic page declaring windows-1256", CodePages("windows-1256").GetBytes("<html><head><meta charset=\"windows-1256\"></head><body><p>\u0647\u0627\u062c\u0645 \u0645\u0633\u0644\u062d\u0648\u0646 \u062d\u0627\u062c\u0632\u0627 \u0642\u0631\u0628 \u0645\u062f\u064a\u0646\u0629 \u062d\u0645\u0635 \u064a\u0648\u0645 \u0627\u0644\u0627\u062b\u0646\u064a\u0646\u060c \u062d\u0633\u0628\u0645\u0627 \u0642\u0627\u0644 \u0627\u0644\u0633\u0643\u0627\u0646.</p></body></html>"), warning: "not handled");
        yield return Ok("jsonld-garbage.html", "JSON-LD that is not JSON", $"<html><head><script type=\"application/ld+json\">{{not json</script><script type=\"application/ld+json\">{new string('[', 5000)}</script></head><body><p>{Good("html-jsonld").Split("\n\n")[1]}</p></body></html>");
        yield return Ok("huge-attribute.html", "a 1 MB attribute", $"<html><body><p data-x=\"{new string('x', 1 << 20)}\">{Good("html-attr").Split("\n\n")[1]}</p></body></html>");
        yield return Ok("entities.html", "entities out of range and unknown", $"<html><body><p>&#0;&#x110000;&bogus;&#xD800; {Good("html-ent").Split("\n\n")[1]}</p></body></html>");
        yield return Bad("frameset.html", "a frameset page: its frames are other files", "<html><frameset><frame src=\"a.html\"><frame src=\"b.html\"></frameset></html>", "no article text found");
        var paras = string.Concat(Enumerable.Range(0, 1000).Select(i => $"<p>Paragraph {i} of a long page about Homs, residents said.</p>"));
        yield return Ok("many-paragraphs.html", "1,000 paragraphs", $"<html><body><article><h1>Long page html-long</h1>{paras}</article></body></html>");
        yield return Ok("fuzz-pubdate.rss", "a pubDate with a one-digit minute ('10:0'): found by the fuzzer, the reader threw", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title><item><title>Clash in Daraa</title><link>https://example.org/a</link><pubDate>Mon, 30 Nov 2026 10:0 30 Nov 2026 10:00:00 GMT</pubDate><description>&lt;p&gt;Clashes in Daraa killed two, residents of fuzz-pubdate said.&lt;/p&gt;</description></item></channel></rss>");
        yield return Bad("text-in-html-name.html", "a .html file holding a NUL-laden blob", U8("<html>\0\0\0\0\0\0\0\0\0\0\0\0"), "NUL bytes");
    }

    private static IEnumerable<CorpusCase> NotFiles()
    {
        yield return new("fifo.txt", "a FIFO is never opened (it would block the batch)", dir => Fifo(Path.Combine(dir, "fifo.txt")), 0, "a named pipe (FIFO)");
        yield return new("link-to-fifo.txt", "a link to a FIFO is refused like the FIFO", dir => { Fifo(Path.Combine(dir, "link-to-fifo.target")); Link(dir, "link-to-fifo.txt", Path.Combine(dir, "link-to-fifo.target")); }, 0, "a named pipe (FIFO)");
        yield return new("link-to-zero.txt", "a link to /dev/zero is not read until memory runs out", dir => Link(dir, "link-to-zero.txt", "/dev/zero"), 0, "a character device");
        yield return new("dangling.txt", "a link to nothing", dir => Link(dir, "dangling.txt", Path.Combine(dir, "nowhere")), 0, "broken symbolic link");
        yield return new("loop-a.txt", "two links pointing at each other", dir => { Link(dir, "loop-a.txt", Path.Combine(dir, "loop-b.link")); Link(dir, "loop-b.link", Path.Combine(dir, "loop-a.txt")); }, 0, "link");
        yield return new("link-to-good.txt", "a link to a good article is read", dir => { System.IO.File.WriteAllText(Path.Combine(dir, "link-to-good.target"), Good("link-good")); Link(dir, "link-to-good.txt", Path.Combine(dir, "link-to-good.target")); }, 1, null);
        yield return new("huge-sparse.txt", "a 300 MiB file is refused by size, not read", dir => { using var f = new FileStream(Path.Combine(dir, "huge-sparse.txt"), FileMode.Create); f.SetLength(300L << 20); }, 0, "too large");
    }
}
