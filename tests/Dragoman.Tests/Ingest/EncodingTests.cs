using System.Text;

namespace Dragoman.Tests.Ingest;

/// <summary>How input bytes become text: BOM, declared charset, UTF-8 with a Windows-1252 fallback, UTF-16 detection.</summary>
public class EncodingTests
{
    static EncodingTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private const string Body = "Caf\u00e9 owners return to Ma\u2019arrat\n\nOwners reopened the \u201cold caf\u00e9\u201d on Monday, residents said.\n";

    [Theory]
    [InlineData("utf8", "old caf\u00e9", "plain UTF-8")]
    [InlineData("utf8-bom", "old caf\u00e9", "UTF-8 BOM is skipped, not text")]
    [InlineData("utf16le-bom", "old caf\u00e9", "UTF-16 LE with BOM")]
    [InlineData("utf16be-bom", "old caf\u00e9", "UTF-16 BE with BOM")]
    [InlineData("utf16le-nobom", "old caf\u00e9", "UTF-16 LE without BOM detected from the NUL layout (not called binary)")]
    [InlineData("cp1252", "\u201cold caf\u00e9\u201d", "a whole Windows-1252 file: every invalid byte read as cp1252")]
    [InlineData("utf8-with-stray-cp1252", "Ma\u2019arrat", "UTF-8 text with one stray cp1252 quote byte: only that byte falls back")]
    [InlineData("html-meta-1256", "\u062f\u0645\u0634\u0642", "Arabic page declaring windows-1256 in <meta charset>")]
    [InlineData("html-http-equiv-1251", "\u041c\u043e\u0441\u043a\u0432\u0430", "Cyrillic page declaring windows-1251 in http-equiv")]
    [InlineData("html-meta-latin1", "\u201cold caf\u00e9\u201d", "iso-8859-1 label means windows-1252 (as browsers do)")]
    [InlineData("xhtml-xml-decl", "\u201cold caf\u00e9\u201d", "XML declaration encoding")]
    [InlineData("html-utf8-declared-invalid", "\u201cold caf\u00e9\u201d", "declared utf-8 but cp1252 bytes: fallback still applies")]
    public void Decodes(string kind, string expected, string reason)
    {
        var cp1252 = Encoding.GetEncoding(1252);
        string Html(string charsetDecl, string text) => $"<html><head>{charsetDecl}<title>t</title></head><body><h1>Heading here</h1><p>{text}</p></body></html>";
        var (bytes, type) = kind switch
        {
            "utf8" => (Encoding.UTF8.GetBytes(Body), "text/plain"),
            "utf8-bom" => ([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Body)], "text/plain"),
            "utf16le-bom" => ([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Body)], "text/plain"),
            "utf16be-bom" => ([.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(Body)], "text/plain"),
            "utf16le-nobom" => (Encoding.Unicode.GetBytes(Body), "text/plain"),
            "cp1252" => (cp1252.GetBytes(Body), "text/plain"),
            "utf8-with-stray-cp1252" => (Encoding.UTF8.GetBytes(Body).AsSpan().ToArray() is var b ? Replace(b, Encoding.UTF8.GetBytes("\u2019"), [0x92]) : [], "text/plain"),
            "html-meta-1256" => (Encoding.GetEncoding(1256).GetBytes(Html("<meta charset=\"windows-1256\">", "\u0648\u0635\u0644\u062a \u0627\u0644\u0642\u0627\u0641\u0644\u0629 \u0625\u0644\u0649 \u062f\u0645\u0634\u0642 \u0635\u0628\u0627\u062d \u0627\u0644\u064a\u0648\u0645.")), "text/html"),
            "html-http-equiv-1251" => (Encoding.GetEncoding(1251).GetBytes(Html("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">", "\u041a\u043e\u043d\u0432\u043e\u0439 \u0432\u044b\u0448\u0435\u043b \u0438\u0437 \u041c\u043e\u0441\u043a\u0432\u0430.")), "text/html"),
            "html-meta-latin1" => (cp1252.GetBytes(Html("<meta charset=\"ISO-8859-1\">", "Owners reopened the \u201cold caf\u00e9\u201d.")), "text/html"),
            "xhtml-xml-decl" => (cp1252.GetBytes("<?xml version=\"1.0\" encoding=\"windows-1252\"?>\n" + Html("", "Owners reopened the \u201cold caf\u00e9\u201d.")), "text/html"),
            "html-utf8-declared-invalid" => (cp1252.GetBytes(Html("<meta charset=\"utf-8\">", "Owners reopened the \u201cold caf\u00e9\u201d.")), "text/html"),
            _ => throw new ArgumentException(kind),
        };
        var a = IngestHarness.FromBytes(bytes, type);
        Assert.True(a.Text.Contains(expected, StringComparison.Ordinal), $"{reason}: text was '{a.Text}'");
        Assert.DoesNotContain('\uFFFD', a.Text);
        Assert.DoesNotContain('\uFEFF', a.Text);
    }

    private static byte[] Replace(byte[] src, byte[] what, byte[] with)
    {
        var list = new List<byte>(src.Length);
        for (int i = 0; i < src.Length; i++)
        {
            if (i + what.Length <= src.Length && src.AsSpan(i, what.Length).SequenceEqual(what)) { list.AddRange(with); i += what.Length - 1; }
            else list.Add(src[i]);
        }
        return [.. list];
    }
}
