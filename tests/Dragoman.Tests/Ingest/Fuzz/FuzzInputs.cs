using System.IO.Compression;
using System.Text;
using CsCheck;
using Dragoman.Tests.Ingest.Containers;

namespace Dragoman.Tests.Ingest.Fuzz;

/// <summary>One change to a seed input: what to do, where (a position taken modulo the length) and with what.</summary>
internal readonly record struct Mutation(int Kind, int Position, int Argument);

/// <summary>
/// Inputs for fuzzing one reader: well-formed seeds built in code (no stored binaries) and the tokens its format is
/// made of. Generated inputs are either a seed with a few mutations (flips, cuts, inserted tokens, repeated ranges) or
/// a soup of the format's tokens, so that both the common and the malformed paths of the reader are reached.
/// </summary>
internal sealed record FuzzReader(string Name, string FileName, byte[][] Seeds, string[] Tokens, Func<byte[], byte[]>? Wrap = null)
{
    private const string Words = "Rebels shelled Homs on Monday , residents said . Police arrested 3 men in Aleppo \u0627\u0644\u0642\u0635\u0641 \u00e9t\u00e9 \u201cquoted\u201d";

    public Gen<byte[]> Inputs()
    {
        var mutated = MutatedFrom(Seeds);
        var words = Words.Split(' ');
        var token = Gen.OneOf(Gen.Int[0, Tokens.Length - 1].Select(i => Tokens[i]), Gen.Int[0, words.Length - 1].Select(i => words[i] + " "));
        var soup = token.Array[0, 60].Select(ts => Encoding.UTF8.GetBytes(string.Concat(ts)));
        var raw = Gen.Frequency((6, mutated), (3, soup), (1, Gen.Byte.Array[0, 256]));
        if (Wrap is null) return raw;
        // wrapped: the inner bytes mutated then packed (reaches the inner readers), or the packed bytes mutated
        return Gen.Frequency((3, raw.Select(Wrap)), (2, MutatedFrom([.. Seeds.Select(Wrap)])));
    }

    private Gen<byte[]> MutatedFrom(byte[][] seeds)
    {
        var mutation = Gen.Select(Gen.Int[0, 8], Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue], (k, p, a) => new Mutation(k, p, a));
        return Gen.Select(Gen.Int[0, seeds.Length - 1], mutation.Array[0, 8], (s, ms) => Mutate(seeds[s], ms));
    }

    /// <summary>Applies the mutations in order; every position is taken modulo the current length, so any list applies.</summary>
    public byte[] Mutate(byte[] seed, Mutation[] mutations)
    {
        var b = new List<byte>(seed);
        foreach (var m in mutations)
        {
            int n = b.Count, at = n == 0 ? 0 : m.Position % (n + 1);
            switch (m.Kind)
            {
                case 0: if (n > 0) b[m.Position % n] ^= (byte)(1 << (m.Argument % 8)); break;                 // flip a bit
                case 1: b.RemoveRange(at, n - at); break;                                                         // truncate
                case 2: b.InsertRange(at, Encoding.UTF8.GetBytes(Tokens[m.Argument % Tokens.Length])); break;  // insert a format token
                case 3: b.RemoveRange(at, Math.Min(n - at, m.Argument % 64)); break;                             // delete a range
                case 4: { var len = Math.Min(n - at, m.Argument % 128); var range = b.GetRange(at, len); for (int r = 0; r < 1 + m.Argument % 5; r++) b.InsertRange(at, range); break; } // repeat a range
                case 5: b.Insert(at, (byte)(m.Argument % 256)); break;                                            // insert any byte (NUL, high bytes)
                case 6: if (n > 0) b[m.Position % n] = (byte)(m.Argument % 256); break;                          // overwrite a byte
                case 7: b.InsertRange(at, Encoding.UTF8.GetBytes(new string('\n', 1 + m.Argument % 3))); break;  // break a line
                default: { var half = b.GetRange(at, n - at); b.RemoveRange(at, n - at); b.InsertRange(0, half); break; } // rotate
            }
        }
        return [.. b];
    }

    public static readonly string Page = TestWarcWriter.Page("Rebels shell Homs", "Rebels shelled the outskirts of Homs on Monday, residents said.");

    public static readonly FuzzReader Html = new("html", "page.html",
        [U8(Page), U8("<html><head><meta property=\"article:published_time\" content=\"2026-11-30\"><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Clash near Idlib\",\"datePublished\":\"2026-11-30\"}</script></head><body><nav>Home | World</nav><article><p class=\"byline\">By Jane Doe</p><p>IDLIB, Nov. 30 (Reuters) - Clashes near Idlib killed 4, a monitor said.</p><p>Translated by Sam.</p></article></body></html>")],
        ["<p>", "</p>", "<div>", "</div>", "<article>", "<script>", "</script>", "<style>", "<!--", "-->", "<![CDATA[", "<meta charset=\"windows-1256\">", "<meta property=\"article:published_time\" content=\"", "\">", "&amp;", "&#0;", "&#x110000;", "<br>", "<table><tr><td>", "<h1>", "<title>", "<script type=\"application/ld+json\">", "{\"@type\":\"NewsArticle\",\"headline\":", "\"", "<", ">", "/", "\u0000", "\uFEFF"]);

    public static readonly FuzzReader Feed = new("feed", "feed.xml",
        [U8("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title><item><title>Clash in Daraa</title><link>https://example.org/a</link><pubDate>Mon, 30 Nov 2026 10:00:00 GMT</pubDate><description>&lt;p&gt;Clashes in Daraa killed two, residents said.&lt;/p&gt;</description></item></channel></rss>"),
         U8("<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Atom</title><entry><title>Strike in Raqqa</title><id>urn:x</id><updated>2026-11-30T10:00:00Z</updated><content type=\"html\">&lt;p&gt;An air strike hit Raqqa on Sunday, residents said.&lt;/p&gt;</content></entry></feed>"),
         U8("<?xml version=\"1.0\"?><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\"><item rdf:about=\"https://example.org/b\"><title>Protest in Suwayda</title><description>Protesters gathered in Suwayda on Friday, residents said.</description></item></rdf:RDF>")],
        ["<item>", "</item>", "<entry>", "</entry>", "<title>", "</title>", "<description>", "</description>", "<content:encoded>", "<![CDATA[", "]]>", "<pubDate>", "</pubDate>", "&lt;p&gt;", "&bogus;", "<!DOCTYPE x [<!ENTITY e \"eeeeeeeeee\">]>", "&e;", "<?xml version=\"1.0\" encoding=\"utf-16\"?>", "xmlns=\"http://www.w3.org/2005/Atom\"", "<", ">", "\"", "\u0000"]);

    public static readonly FuzzReader Csv = new("csv", "rows.csv",
        [U8("article_title,article_content,source,date\n\"Clash in Hama\",\"Clashes near Hama killed two, residents said.\",SANA,3/4/17\nStrike,\"An air strike hit Idlib, \"\"sources\"\" said.\",AFP,2017-03-05\n"),
         U8("title,text\r\nOnly a title,\r\n,\"Text without a title, residents said.\"\r\n")],
        [",", "\"", "\"\"", "\n", "\r\n", "\r", "article_content", "title", "date", "text", "13/45/2017", "not a date", "\u0000", "\uFEFF"]);

    public static readonly FuzzReader JsonLines = new("jsonl", "lines.jsonl",
        [U8("{\"title\":\"One\",\"text\":\"Rebels shelled a village near Hama on Monday, residents said.\",\"published\":\"2026-11-30\"}\n{\"title\":\"Two\",\"html\":\"<p>Police arrested two men in Salamiyah on Tuesday.</p>\",\"url\":\"https://example.org/2\"}\n")],
        ["{", "}", "[", "]", "\"text\":", "\"html\":", "\"published\":", "\"title\":", "\"", ":", ",", "\n", "null", "1e999", "\"\\u0000\"", "\"\\ud800\"", "true", "\\", "\u0000"]);

    public static readonly FuzzReader Json = new("json", "array.json",
        [U8("[{\"title\":\"One\",\"text\":\"Rebels shelled a village near Hama on Monday, residents said.\"},{\"title\":\"Two\",\"text\":\"Police arrested two men in Salamiyah.\"}]"),
         U8("{\n  \"title\": \"Obj\",\n  \"text\": \"Gunmen attacked a checkpoint in Daraa, residents said.\"\n}\n")],
        ["{", "}", "[", "]", "\"text\":", "\"title\":", "\"", ":", ",", "null", "[[[[[[[[[[", "\"\\ud800\""]);

    public static readonly FuzzReader Warc = new("warc", "crawl.warc",
        [new TestWarcWriter(gzip: false).Request("https://example.org/a").Response("https://example.org/a", Page).Response("https://example.org/b", TestWarcWriter.Page("Protest in Suwayda", "Protesters gathered in Suwayda on Friday.")).ToArray()],
        ["WARC/1.0\r\n", "WARC-Type: response\r\n", "Content-Length: 99999999\r\n", "Content-Length: -5\r\n", "Content-Length: x\r\n", "\r\n\r\n", "HTTP/1.1 200 OK\r\n", "Content-Type: text/html; charset=windows-1251\r\n", "Transfer-Encoding: chunked\r\n", "Content-Encoding: gzip\r\n", "\r\n"]);

    /// <summary>gzip around mutated text, JSON Lines or WARC (and mutations of the compressed bytes themselves).</summary>
    public static readonly FuzzReader Gzip = new("gzip", "packed.txt.gz",
        [U8("Market fire contained\n\nFirefighters contained a fire in Homs on Friday."), U8("{\"title\":\"One\",\"text\":\"Rebels shelled a village near Hama.\"}\n{\"text\":\"Two\"}\n"),
         new TestWarcWriter(gzip: false).Response("https://example.org/a", Page).Response("https://example.org/b", Page.Replace("Homs", "Hama")).ToArray()],
        ["\u001f\u008b", "\u0000", "\n", "WARC/1.0\r\n", "<p>", "{\"text\":\"x\"}\n"], TestWarcWriter.Gzip);

    public static readonly FuzzReader PlainText = new("text", "article.txt",
        [U8("Militia withdraws from checkpoint\n\nDAMASCUS, Aug. 4 (Reuters) - A militia withdrew from a checkpoint near Qamishli on Sunday, residents said.\n\nBy Jane Doe\nTranslated by Sam\n"),
         Encoding.Unicode.GetBytes("\u0627\u0644\u0642\u0635\u0641 \u0641\u064a \u062d\u0645\u0635\n\n\u0642\u0627\u0644 \u0633\u0643\u0627\u0646.")],
        ["\n\n", "\r\n", "\u0000", "\uFEFF", "\u00e9", "\u200f", "\u001b[31m", "Published: 2026-13-45", "(Reuters) -", "By ", "Translated by ", "\ufffd"]);

    public static readonly FuzzReader[] All = [Html, Feed, Csv, JsonLines, Json, Warc, Gzip, PlainText];

    private static byte[] U8(string s) => Encoding.UTF8.GetBytes(s);
}
