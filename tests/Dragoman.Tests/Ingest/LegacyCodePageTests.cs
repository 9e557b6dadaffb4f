using System.Text;
using Dragoman.Documents;
using Dragoman.Ingest;

namespace Dragoman.Tests.Ingest;

/// <summary>
/// Arabic (windows-1256) and Cyrillic (windows-1251) files without a BOM or declaration are detected from their bytes;
/// Latin windows-1252 files and UTF-8 with a few stray bytes keep the UTF-8 + windows-1252 reading. Bytes are generated here.
/// </summary>
public class LegacyCodePageTests
{
    static LegacyCodePageTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static readonly string Arabic = UnicodeLayoutTests.Arabic.TrimEnd();
    private static readonly string Cyrillic = UnicodeLayoutTests.Cyrillic.TrimEnd();
    private const string French = "Les propri\u00e9taires ont rouvert le \u00ab vieux caf\u00e9 \u00bb \u00e0 Maarrat l\u2019\u00e9t\u00e9 dernier, a d\u00e9clar\u00e9 un habitant.";

    private static byte[] Cp(int codePage, string text) => Encoding.GetEncoding(codePage).GetBytes(text);

    public static TheoryData<string, byte[], string, string> Cases => new()
    {
        { "Arabic in windows-1256, plain text: was read as cp1252 mojibake", Cp(1256, Arabic + "\n"), ContentTypes.Text, Arabic },
        { "Cyrillic in windows-1251, plain text", Cp(1251, Cyrillic + "\n"), ContentTypes.Text, Cyrillic },
        { "Arabic in windows-1256 with English words and digits between", Cp(1256, "Reuters, 12 May: " + Arabic + " (AFP)\n"), ContentTypes.Text, Arabic },
        { "Arabic page in windows-1256 without a charset declaration", Cp(1256, $"<html><head><title>t</title></head><body><h1>Heading here</h1><p>{Arabic}</p></body></html>"), ContentTypes.Html, Arabic },
        { "Cyrillic page in windows-1251 without a charset declaration", Cp(1251, $"<html><head><title>t</title></head><body><h1>Heading here</h1><p>{Cyrillic}</p></body></html>"), ContentTypes.Html, Cyrillic },
        { "French in windows-1252: accents stand alone between ASCII letters, so it stays windows-1252", Cp(1252, French + "\n"), ContentTypes.Text, French },
        { "windows-1252 mojibake of UTF-8 quotes (\u201a\u00c4\u00f4 for \u2019, as in a CSV of the CAMEO codebook): runs of high bytes, but a third of them below the letter range", Cp(1252, string.Concat(Enumerable.Repeat("The group\u201a\u00c4\u00f4s leader said \u201a\u00c4\u00famore\u201a\u00c4\u00f9. ", 20))), ContentTypes.Text, "group\u201a\u00c4\u00f4s leader" },
        { "UTF-8 Arabic with one stray cp1252 quote byte: the valid UTF-8 outnumbers it, only that byte falls back", [.. Encoding.UTF8.GetBytes(Arabic), 0x92, .. Encoding.UTF8.GetBytes(" " + Arabic)], ContentTypes.Text, Arabic + "\u2019 " + Arabic },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Detects_the_code_page(string reason, byte[] bytes, string contentType, string expected)
    {
        var read = ArticleReader.Read(new RawDocument("test:", bytes, contentType, null, null));
        Assert.True(read.IsOk, $"{reason}: {read.Error}");
        Assert.True(read.Value!.Text.Contains(expected, StringComparison.Ordinal), $"{reason}: text was '{read.Value.Text}'");
    }

    [Fact]
    public void A_windows_1256_csv_is_detected_like_any_other_file()
    {
        var bytes = Cp(1256, "title,text\n\u062f\u0645\u0634\u0642," + Arabic + "\n");
        var row = Assert.Single(CsvArticles.Split(InputItem.Read(new RawDocument("ar.csv", bytes, ContentTypes.Text, null, null))));
        Assert.Contains(Arabic, Encoding.UTF8.GetString(row.Raw!.Bytes));
    }
}
