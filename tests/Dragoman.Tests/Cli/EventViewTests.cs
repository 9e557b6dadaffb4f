using Dragoman.Cli.Commands;
using Dragoman.Storage;

namespace Dragoman.Tests.Cli;

public class EventViewTests
{
    // counts JSON as stored, the count column, reason
    [Theory]
    [InlineData("""[{"min":12,"text":"twelve detainees","kind":"released"}]""", "twelve detainees released", "the kind follows the figure's words")]
    [InlineData("""[{"min":3000,"text":"about 3,000 fighters","kind":"fighters"}]""", "about 3,000 fighters", "a kind the words already end with is not repeated")]
    [InlineData("""[{"min":17}]""", "17", "a figure without words shows its number")]
    [InlineData("[]", "", "no figure, an empty column")]
    public void The_count_column_reads_as_a_phrase(string countsJson, string expected, string reason)
        => Assert.True(EventView.CountText(new EventRecord { EventId = "a1:ev1", Ordinal = 1, Action = "release", Modality = "asserted", ArticleId = 1, ArticleHash = "h", CountsJson = countsJson }) == expected, reason);
}
