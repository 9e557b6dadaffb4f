using System.Text;
using Dragoman.Ingest;
using Dragoman.Ingest.Json;

namespace Dragoman.Tests.Ingest;

/// <summary>The outlet a page's address names (Ingest/OutletNames): the host's registrable label, written as the page writes it.</summary>
public class OutletNameTests
{
    [Theory]
    [InlineData("https://www.bangkokpost.com/news/security/1", "Gunmen fired on a checkpoint, the Bangkok Post reported.", "Bangkok Post", "a run of the page's capitalised words spells the label")]
    [InlineData("https://cdn.saudigazette.com.sa/article/1", "RIYADH - Saudi Gazette report. Police arrested two men.", "Saudi Gazette", "a country registry's second level (com.sa) is not the outlet")]
    [InlineData("http://www.aljazeera.com/news/1", "Al-Jazeera's correspondent said the strike hit a market.", "Al Jazeera", "a hyphen in the page splits words that the label runs together")]
    [InlineData("https://www.kurdistan24.net/en/story/1", "ERBIL (Kurdistan 24) - Two fighters were killed.", "Kurdistan 24", "digits of the label are a word of the page")]
    [InlineData("https://dialogo-americas.com/articles/1", "Diálogo Américas learned that troops seized the boat.", "Diálogo Américas", "accents are folded when spelling; the label's hyphen joins its parts")]
    [InlineData("https://www.premiumtimesng.com/news/1", "Premium Times learnt that gunmen attacked the times of prayer.", "Premium Times NG", "no run spells it: split into the page's words, short leftovers in capitals")]
    [InlineData("https://dabangasudan.org/en/news/1", "Militias attacked a village in Sudan, Dabanga reported.", "Dabanga Sudan", "split into the page's words in the page's casing")]
    [InlineData("https://jurist.org/news/2024/1", "Police detained protesters on Monday.", "Jurist", "the page does not write it, and one word of news text: the label itself")]
    [InlineData("https://libyaobserver.ly/news/1", "An airstrike killed three civilians.", "Libya Observer", "the page does not write it: split into words of news text (data/ingest/word-frequencies.tsv)")]
    [InlineData("https://www.premiumtimesng.com/news/1", "Gunmen attacked two villages.", "Premium Times NG", "two loose letters close the label as a country code")]
    [InlineData("https://nycaribnews.com/haiti-1", "Gangs killed 70 people.", "Nycarib News", "letters the word list does not know stay one word with their neighbours ('ny' is no word of news text)")]
    [InlineData("https://haitify.com/1", "Two citizens were murdered.", "Haitify", "a coined name stays whole: no 'Haiti FY' (two letters inside or at the end that name no country)")]
    [InlineData("https://www.chroniclejournal.com/1", "Police said.", "Chronicle Journal", "no two-letter word inside a label ('chronic le journal')")]
    [InlineData("https://puertovallartareporter.com/1", "Gunmen killed three soldiers.", "Puerto Vallarta Reporter", "an unknown word between known ones")]
    [InlineData("https://www.syriahr.com/en/1", "The Syrian Observatory For Human Rights documented the deaths. SOHR said.", "Syrian Observatory For Human Rights", "the label abbreviates a name the page writes (prefixes of its words, one word giving none)")]
    [InlineData("https://english.aawsat.com/1", "Asharq Al-Awsat learned that the talks failed.", "Asharq Al Awsat", "an abbreviation reaching over a word that gives no letter")]
    [InlineData("https://www.jpost.com/1", "Jordan said the talks failed.", "J Post", "no run of the page's names abbreviates it: one letter of initials, then a word")]
    [InlineData("https://articles-gold.invalid/af-01.txt", "Radio Dabanga reported.", null, "a reserved top-level name (.invalid) names no outlet")]
    [InlineData("https://courier.example/1", "Courier staff", null, "a reserved example name names no outlet")]
    [InlineData("https://example.org/feed/1001", "Example staff", null, "example.org is reserved too")]
    [InlineData("http://192.168.1.4/story", "A story", null, "an IP address names no outlet")]
    [InlineData("file:///story.txt", "A story", null, "a file names no outlet")]
    [InlineData("story-17", "A story", null, "not an address")]
    public void An_address_names_its_outlet_as_the_page_writes_it(string address, string page, string? outlet, string reason)
    {
        Assert.True(outlet == OutletNames.FromAddress(address, [page]), $"{reason}: got '{OutletNames.FromAddress(address, [page])}'");
    }

    [Theory]
    [InlineData("{\"url\":\"https://local.invalid/a.txt\",\"source_url\":\"https://www.bangkokpost.com/news/1\",\"text\":\"Gunmen fired on a checkpoint, the Bangkok Post reported.\"}", "Bangkok Post", "source_url beside a local url is the page's address: the outlet it names is the publisher")]
    [InlineData("{\"url\":\"https://local.invalid/a.txt\",\"source_url\":\"https://www.bangkokpost.com/news/1\",\"source\":\"Post Wire\",\"text\":\"Gunmen fired on a checkpoint.\"}", "Post Wire", "the record's own source field comes first")]
    [InlineData("{\"url\":\"https://www.bangkokpost.com/news/1\",\"text\":\"Gunmen fired on a checkpoint, the Bangkok Post reported.\"}", "Bangkok Post", "without source_url the url is the address")]
    [InlineData("{\"url\":\"https://local.invalid/a.txt\",\"text\":\"Gunmen fired on a checkpoint.\"}", null, "a local name only: no publisher")]
    public void A_record_without_a_publisher_takes_the_outlet_its_address_names(string line, string? publisher, string reason)
    {
        using var dir = new IngestHarness.TempDir();
        var item = Assert.Single(InputSources.Expand([dir.File("batch.jsonl", Encoding.UTF8.GetBytes(line + "\n"))]).SelectMany(i => ArticleInputs.Split(i, FieldMap.None)));
        var article = ArticleReader.Read(item.Raw!).Value!;
        Assert.True(publisher == article.Publisher, $"{reason}: got '{article.Publisher}'");
    }
}
