using System.Text;
using Dragoman.Documents;
using Dragoman.Ingest;

namespace Dragoman.Tests.Ingest;

/// <summary>
/// Encodings that were refused as binary or misread: UTF-32 with BOM, BOM-less UTF-16 of non-Latin scripts (NULs only
/// in the high bytes of spaces and punctuation), and CSVs, which now go through the same decoding as every other file.
/// All bytes are generated here.
/// </summary>
public class UnicodeLayoutTests
{
    static UnicodeLayoutTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private const string Latin = "Caf\u00e9 owners return to Ma\u2019arrat\n\nOwners reopened the \u201cold caf\u00e9\u201d on Monday, residents said.\n";
    // "The convoy arrived in Damascus this morning. Residents said that shelling hit the market."
    // shared with LegacyCodePageTests (their text without the final newline)
    internal const string Arabic = "\u0648\u0635\u0644\u062a \u0627\u0644\u0642\u0627\u0641\u0644\u0629 \u0625\u0644\u0649 \u062f\u0645\u0634\u0642 \u0635\u0628\u0627\u062d \u0627\u0644\u064a\u0648\u0645. \u0648\u0642\u0627\u0644 \u0633\u0643\u0627\u0646 \u0625\u0646 \u0627\u0644\u0642\u0635\u0641 \u0623\u0635\u0627\u0628 \u0627\u0644\u0633\u0648\u0642.\n";
    // "The convoy left Moscow on Monday, residents said."
    internal const string Cyrillic = "\u041a\u043e\u043d\u0432\u043e\u0439 \u0432\u044b\u0448\u0435\u043b \u0438\u0437 \u041c\u043e\u0441\u043a\u0432\u044b \u0432 \u043f\u043e\u043d\u0435\u0434\u0435\u043b\u044c\u043d\u0438\u043a, \u0441\u043a\u0430\u0437\u0430\u043b\u0438 \u0436\u0438\u0442\u0435\u043b\u0438.\n";

    private static byte[] WithBom(Encoding e, string text) => [.. e.GetPreamble(), .. e.GetBytes(text)];
    private static readonly Encoding Utf32Le = new UTF32Encoding(bigEndian: false, byteOrderMark: true);
    private static readonly Encoding Utf32Be = new UTF32Encoding(bigEndian: true, byteOrderMark: true);

    public static TheoryData<string, byte[], string> Texts => new()
    {
        { "UTF-32 LE with BOM: was refused for its NULs", WithBom(Utf32Le, Latin), Latin },
        { "UTF-32 BE with BOM: was refused for its NULs", WithBom(Utf32Be, Latin), Latin },
        { "UTF-32 LE with BOM, Arabic", WithBom(Utf32Le, Arabic), Arabic },
        { "UTF-16 LE without BOM, Arabic: NULs only in the high bytes of spaces and the full stop", Encoding.Unicode.GetBytes(Arabic), Arabic },
        { "UTF-16 BE without BOM, Arabic: the same on the other parity", Encoding.BigEndianUnicode.GetBytes(Arabic), Arabic },
        { "UTF-16 LE without BOM, Cyrillic", Encoding.Unicode.GetBytes(Cyrillic), Cyrillic },
        { "UTF-16 LE without BOM, Latin: still detected as before", Encoding.Unicode.GetBytes(Latin), Latin },
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Decodes_instead_of_refusing(string reason, byte[] bytes, string expected)
    {
        var read = ArticleReader.Read(new RawDocument("test:", bytes, ContentTypes.Text, null, null));
        Assert.True(read.IsOk, $"{reason}: {read.Error}");
        Assert.True(read.Value!.Text.Contains(expected.Trim(), StringComparison.Ordinal), $"{reason}: text was '{read.Value.Text}'");
    }

    public static TheoryData<string, byte[], string> Binaries => new()
    {
        { "16-bit little-endian integers 1..255: NULs on one parity like UTF-16, but they decode to control characters", [.. Enumerable.Range(0, 600).SelectMany(i => new byte[] { (byte)(1 + i % 255), 0 })], "NUL bytes" },
        { "NULs on both parities", [.. Enumerable.Range(0, 600).SelectMany(i => new byte[] { (byte)'a', 0, 0, (byte)'b' })], "NUL bytes" },
    };

    [Theory]
    [MemberData(nameof(Binaries))]
    public void Binary_with_nuls_is_still_refused(string reason, byte[] bytes, string expected)
    {
        var read = ArticleReader.Read(new RawDocument("test:", bytes, ContentTypes.Text, null, null));
        Assert.False(read.IsOk, $"{reason}: read as '{read.Value?.Text[..Math.Min(40, read.Value.Text.Length)]}'");
        Assert.Contains(expected, read.Error);
    }

    private const string CsvText = "title,text\nCaf\u00e9 reopens,Owners reopened the \u201cold caf\u00e9\u201d in Ma\u2019arrat on Monday.\n";

    public static TheoryData<string, byte[], string> Csvs => new()
    {
        { "a Windows-1252 CSV: was read as UTF-8 with U+FFFD for every accented byte", Encoding.GetEncoding(1252).GetBytes(CsvText), "\u201cold caf\u00e9\u201d in Ma\u2019arrat" },
        { "a UTF-16 LE CSV with BOM: was read as UTF-8 (NULs between letters)", WithBom(Encoding.Unicode, CsvText), "\u201cold caf\u00e9\u201d in Ma\u2019arrat" },
        { "a UTF-16 LE CSV without BOM", Encoding.Unicode.GetBytes(CsvText), "\u201cold caf\u00e9\u201d in Ma\u2019arrat" },
        { "a UTF-32 BE CSV with BOM", WithBom(Utf32Be, CsvText), "\u201cold caf\u00e9\u201d in Ma\u2019arrat" },
        { "a UTF-8 CSV with BOM: the BOM is not part of the first column's name", WithBom(new UTF8Encoding(true), CsvText), "\u201cold caf\u00e9\u201d in Ma\u2019arrat" },
    };

    [Theory]
    [MemberData(nameof(Csvs))]
    public void Csv_is_decoded_like_every_other_file(string reason, byte[] bytes, string expected)
    {
        var rows = CsvArticles.Split(InputItem.Read(new RawDocument("articles.csv", bytes, ContentTypes.Text, null, null))).ToList();
        var row = Assert.Single(rows);
        Assert.True(row.Raw is not null, $"{reason}: {row.Error}");
        var text = Encoding.UTF8.GetString(row.Raw!.Bytes);
        Assert.True(text.Contains(expected, StringComparison.Ordinal), $"{reason}: row was '{text}'");
        Assert.Equal("Caf\u00e9 reopens", row.Raw.Hints?.Title);
    }

    [Fact]
    public void A_binary_file_named_csv_fails_with_the_reason()
    {
        byte[] png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
        var row = Assert.Single(CsvArticles.Split(InputItem.Read(new RawDocument("photo.csv", png, ContentTypes.Text, null, null))));
        Assert.Null(row.Raw);
        Assert.Contains("PNG image", row.Error);
    }
}
