using Dragoman.Ingest;
using Dragoman.Ingest.Rules;

namespace Dragoman.Tests.Ingest;

/// <summary>
/// A share or counter widget flattened into the start of a body (Ingest/Rules/LeadingChrome.cs): cut as chrome by the
/// intake, and by the FA-KES eval, which reads the body the same way. Invented sentences and widgets.
/// </summary>
public class IntakeLeadingChromeTests
{
    [Theory]
    [InlineData("03.11.2016Get short URL 0 42 The convoy was hit near Varnholt.", "The convoy was hit near Varnholt.",
        "a date glued to the widget, two counters, then a sentence opener: all of the run is chrome")]
    [InlineData("03.11.2016(updated 0915 03.11.2016) Get short URL 517 An explosion shook the port.", "An explosion shook the port.",
        "an update stamp in brackets and one counter")]
    [InlineData("Get short URL 0 61 14 fighters died when the bridge collapsed.", "14 fighters died when the bridge collapsed.",
        "the number right before a word that opens no sentence is the body's own figure, not a counter")]
    [InlineData("Print email 3 The mayor resigned on Friday.", "The mayor resigned on Friday.",
        "two interface words and a counter")]
    [InlineData("Share prices fell sharply in Varnholt on Monday.", "Share prices fell sharply in Varnholt on Monday.",
        "one interface word alone opens prose")]
    [InlineData("Updated figures show 30 dead in Varnholt.", "Updated figures show 30 dead in Varnholt.",
        "one interface word without a date or counter is prose too")]
    [InlineData("12 fighters died when the bridge collapsed.", "12 fighters died when the bridge collapsed.",
        "no interface word: a number opening a sentence is not chrome")]
    [InlineData("Get short URL 0 42", "Get short URL 0 42",
        "a block that is all interface run is left to the whole-block chrome rules")]
    public void The_leading_interface_run_is_cut_and_the_body_kept(string text, string body, string reason)
    {
        var kept = LeadingChrome.Strip(text);
        Assert.True(kept == body, $"{reason}: '{kept}'");
    }

    [Fact]
    public void The_text_intake_drops_the_widget_and_keeps_it_as_a_dropped_span()
    {
        var article = IngestHarness.FromText("Bridge collapse in Varnholt\n\n03.11.2016Get short URL 0 61 The bridge over the Varn collapsed on Thursday, killing nine workers, officials said.");
        Assert.True(!article.Text.Contains("short URL", StringComparison.Ordinal) && !article.Text.Contains(" 61 ", StringComparison.Ordinal),
            $"the widget and its counters are not in the article text: '{article.Text}'");
        Assert.True(article.Text.Contains("The bridge over the Varn collapsed", StringComparison.Ordinal), $"the body stays: '{article.Text}'");
        Assert.Contains(article.Dropped, d => d.Reason.StartsWith("interface run", StringComparison.Ordinal) && d.Text.Contains("Get short URL", StringComparison.Ordinal));
    }

    [Fact]
    public void A_csv_row_goes_through_the_same_cut()
    {
        using var dir = new IngestHarness.TempDir();
        var path = dir.File("rows.csv", "article_title,article_content,date\nBridge collapse in Varnholt,\"03.11.2016Get short URL 0 61 The bridge over the Varn collapsed on Thursday, killing nine workers, officials said.\",11/03/2016\n");
        var raw = CsvArticles.Split(InputSources.ReadFile(path)).Single().Raw!;
        var read = ArticleReader.Read(raw);
        Assert.True(read.IsOk, read.Error);
        Assert.True(!read.Value!.Text.Contains("short URL", StringComparison.Ordinal) && read.Value.Text.Contains("The bridge over the Varn", StringComparison.Ordinal),
            $"a CSV row's body is read as plain text, widget cut: '{read.Value.Text}'");
    }
}
