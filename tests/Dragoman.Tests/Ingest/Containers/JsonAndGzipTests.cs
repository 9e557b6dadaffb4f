using System.Text;
using Dragoman.Ingest;
using Dragoman.Ingest.Json;

namespace Dragoman.Tests.Ingest.Containers;

/// <summary>Gzip around any supported file, whole-file JSON (arrays and single objects), field maps and presets, unsupported formats.</summary>
public class JsonAndGzipTests
{
    private const string T1 = "Rebels shelled a village near Hama on Monday, residents said.";
    private const string T2 = "Police arrested two men in Salamiyah on Tuesday, officials said.";
    private static readonly string Jsonl = $"{{\"title\":\"One\",\"text\":\"{T1}\"}}\n{{\"title\":\"Two\",\"text\":\"{T2}\"}}\n";
    private static readonly string NewsPlease = $$"""
        {
          "authors": [], "date_download": "2026-12-01 10:00:00", "date_publish": "2026-11-30 08:00:00",
          "description": null, "language": "en", "maintext": "{{T1}}", "source_domain": "courier.example",
          "title": "One", "url": "https://courier.example/1"
        }
        """;

    public static TheoryData<string, byte[], string?, string?, string[], string> Cases => new()
    {
        { "batch.jsonl.gz", TestWarcWriter.Gzip(Encoding.UTF8.GetBytes(Jsonl)), null, null, ["One", "Two"], "gzip around JSON Lines (refused as binary before)" },
        { "page.html.gz", TestWarcWriter.Gzip(Encoding.UTF8.GetBytes(TestWarcWriter.Page("One", T1))), null, null, ["One"], "gzip around one HTML page" },
        { "multi.jsonl.gz", [.. TestWarcWriter.Gzip(Encoding.UTF8.GetBytes(Jsonl[..(Jsonl.IndexOf('\n') + 1)])), .. TestWarcWriter.Gzip(Encoding.UTF8.GetBytes(Jsonl[(Jsonl.IndexOf('\n') + 1)..]))], null, null, ["One", "Two"], "multi-member gzip is read to its end" },
        { "array.json", Encoding.UTF8.GetBytes($"[\n {{\"title\":\"One\",\"text\":\"{T1}\"}},\n {{\"title\":\"Two\",\"text\":\"{T2}\"}}\n]"), null, null, ["One", "Two"], "a JSON array is one article per element (CLIFF's bbc.json was one 54k article)" },
        { "np.json", Encoding.UTF8.GetBytes(NewsPlease), "news-please", null, ["One"], "one news-please object with the preset" },
        { "np2.json", Encoding.UTF8.GetBytes(NewsPlease), null, null, ["One"], "news-please names are among the usual ones even without the preset" },
        { "custom.json", Encoding.UTF8.GetBytes($"[{{\"headline_en\":\"One\",\"payload\":{{\"body\":\"{T1}\"}}}}]"), null, "text=payload.body,title=headline_en", ["One"], "--map with a dotted path into a nested object" },
        { "mc.csv", Encoding.UTF8.GetBytes($"stories_id,publish_date,title,url,media_name,text\n1,2026-11-30 08:00:00,One,https://m.example/1,Courier,\"{T1}\"\n"), "mediacloud", null, ["One"], "a MediaCloud export with story text" },
        { "np-lines.json", Encoding.UTF8.GetBytes(NewsPlease.Replace("\n", " ") + "\n" + NewsPlease.Replace("\n", " ").Replace("\"One\"", "\"Two\"") + "\n"), "news-please", null, ["One", "Two"], "a .json file with one object per line is JSON Lines" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Containers_and_mappings_give_one_article_per_record(string file, byte[] bytes, string? preset, string? map, string[] titles, string reason)
    {
        using var dir = new IngestHarness.TempDir();
        var fieldMap = FieldMap.Parse(preset, map);
        Assert.True(fieldMap.IsOk, fieldMap.Error);
        var outcomes = InputSources.Expand([dir.File(file, bytes)]).SelectMany(i => ArticleInputs.Split(i, fieldMap.Value!))
            .Select(i => (i.Input, Result: i.Raw is null ? Result<Dragoman.Documents.Article>.Fail(i.Error!) : ArticleReader.Read(i.Raw))).ToList();
        Assert.True(outcomes.All(o => o.Result.IsOk), $"{reason}: {string.Join("; ", outcomes.Select(o => o.Result.Error))}");
        Assert.Equal(titles, outcomes.Select(o => o.Result.Value!.Title));
        Assert.Contains("Hama", outcomes[0].Result.Value!.Text);
    }

    [Fact]
    public void A_news_please_record_keeps_its_date_publisher_and_url()
    {
        using var dir = new IngestHarness.TempDir();
        var item = Assert.Single(InputSources.Expand([dir.File("np.json", NewsPlease)]).SelectMany(i => ArticleInputs.Split(i, FieldMap.Parse("news-please", null).Value!)));
        var a = ArticleReader.Read(item.Raw!).Value!;
        Assert.Equal(new DateOnly(2026, 11, 30), a.Published);
        Assert.Equal("courier.example", a.Publisher);
        Assert.Equal("https://courier.example/1", a.Uri);
    }

    [Theory]
    [InlineData("truncated.jsonl.gz", "truncated", "gzip: ", "a gzip file cut short")]
    [InlineData("sitemap.xml", "sitemap", "unsupported format: an XML document with root element <urlset>", "XML that is not a feed is not read as text")]
    [InlineData("svg.txt", "svg", "unsupported format: an XML document with root element <svg>", "an SVG with a .txt name")]
    [InlineData("scalar.json", "scalar", "element 1 is JSON but not an object", "a JSON array of strings: each element fails")]
    [InlineData("broken.json", "broken", "not valid JSON", "a JSON document cut short")]
    [InlineData("nofield.json", "nofield", "has no non-empty \"text\" or \"html\" field", "an object with other field names and no --map")]
    [InlineData("double.gz", "double", "gzip inside gzip", "a gzip of a gzip")]
    public void Bad_containers_fail_with_what_they_look_like(string file, string kind, string message, string reason)
    {
        byte[] bytes = kind switch
        {
            "truncated" => TestWarcWriter.Gzip(Encoding.UTF8.GetBytes(Jsonl + Jsonl + Jsonl))[..30],
            "sitemap" => "<?xml version=\"1.0\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>https://x.example/</loc></url></urlset>"u8.ToArray(),
            "svg" => "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\"><text>Hama</text></svg>"u8.ToArray(),
            "scalar" => "[\"a\", \"b\"]"u8.ToArray(),
            "broken" => "[{\"text\": \"unfinished"u8.ToArray(),
            "nofield" => "{\n \"story\": \"x\"\n}"u8.ToArray(),
            _ => TestWarcWriter.Gzip(TestWarcWriter.Gzip("hello"u8.ToArray())),
        };
        using var dir = new IngestHarness.TempDir();
        var path = dir.File(file, bytes);
        var outcomes = IngestHarness.ReadAll([path]);
        Assert.DoesNotContain(outcomes, o => o.Article is not null);
        var failure = outcomes.First();
        Assert.True(failure.Error!.Contains(message, StringComparison.Ordinal), $"{reason}: '{failure.Error}'");
        Assert.StartsWith(path, failure.Input);
    }

    [Theory]
    [InlineData("news-please", "text=maintext", true, "a preset and a map together")]
    [InlineData("nyt", null, false, "an unknown preset")]
    [InlineData(null, "body", false, "a map entry without '='")]
    [InlineData(null, "colour=red", false, "a map field Dragoman does not have")]
    public void Field_maps_are_validated(string? preset, string? map, bool ok, string reason)
    {
        var r = FieldMap.Parse(preset, map);
        Assert.True(r.IsOk == ok, $"{reason}: {r.Error}");
    }
}
