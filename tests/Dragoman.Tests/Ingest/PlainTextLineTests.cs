namespace Dragoman.Tests.Ingest;

/// <summary>Plain-text pages: which lines are joined into one paragraph (hard wrapping) and which stand alone (a headline).</summary>
public class PlainTextLineTests
{
    private const string Story = "Gunmen attacked a convoy of grain trucks near the river crossing of Varnholt on Sunday, killing four drivers, the district governor said.";

    [Theory]
    [InlineData("Gunmen kill four drivers near the Varnholt river crossing\n" + Story, "Gunmen kill four drivers near the Varnholt river crossing", "Gunmen attacked a convoy",
        "a 40-100-character headline without a full stop, then an unwrapped paragraph: the paragraph's first word would have fitted on the headline's line, so the line ended there on purpose")]
    [InlineData("Drone strike kills five in Bordtown\n\nBORDTOWN, Ostland (Reuters) - A drone strike on a market killed\nfive people on Saturday, according to local officials who\nspoke on condition of anonymity to reporters.",
        "Drone strike kills five in Bordtown", "BORDTOWN, Ostland (Reuters) - A drone strike on a market killed five people on Saturday",
        "a paragraph hard-wrapped at 60 columns still joins: each line ends where the next word would not fit")]
    [InlineData("Drone strike kills five in Bordtown\n\nA drone strike on a market in the town of Bordtown killed\nfive people.",
        "Drone strike kills five in Bordtown", "A drone strike on a market in the town of Bordtown killed five people.",
        "a two-line wrapped paragraph: the second line is shorter, and its first word would not have fitted on the first")]
    public void Lines_join_only_where_the_page_wrapped_them(string page, string title, string ledeStart, string reason)
    {
        var article = IngestHarness.FromText(page);
        Assert.True(article.Title == title, $"{reason}: title '{article.Title}'");
        Assert.True((article.Lede ?? "").StartsWith(ledeStart, StringComparison.Ordinal), $"{reason}: lede '{article.Lede}'");
    }
}
