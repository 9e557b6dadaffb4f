using Dragoman.Documents;

namespace Dragoman.Tests.Pipeline;

/// <summary>
/// A layer indexed by span answers what a scan of the layer answers, in the layer's order: the stages after linking ask
/// it once per event and candidate phrase instead of scanning all mentions, places and times (issue 18).
/// </summary>
public class SpanIndexTests
{
    // a layer out of text order, with equal starts, a long item and an empty one
    private static readonly TextSpan[] Layer =
        [new(40, 45), new(10, 20), new(10, 14), new(0, 100), new(12, 18), new(30, 30), new(50, 60), new(18, 25)];

    private static readonly SpanIndex<TextSpan> Index = new(Layer, s => s);

    [Theory]
    [InlineData(10, 20, "1,2,4", "inside: both items starting at 10 and the one within them, in layer order")]
    [InlineData(0, 100, "0,1,2,3,4,5,6,7", "inside the whole text: every item, the empty one too")]
    [InlineData(19, 24, "", "inside nothing: no item fits in a span that cuts them")]
    [InlineData(30, 31, "5", "an empty item lies inside a span that holds its place")]
    public void Inside_lists_the_items_a_span_holds(int start, int end, string expected, string why) =>
        Assert.True(Positions(Index.Inside(new TextSpan(start, end))) == expected, $"{why}: {Positions(Index.Inside(new TextSpan(start, end)))}");

    [Theory]
    [InlineData(19, 24, "1,3,7", "overlapping: the item 10-20 ends after 19, the long item and 18-25")]
    [InlineData(60, 70, "3", "only the long item reaches past 60 (50-60 ends where the span starts)")]
    [InlineData(100, 120, "", "nothing reaches past the text's end")]
    public void Overlapping_lists_the_items_that_share_a_character(int start, int end, string expected, string why) =>
        Assert.True(Positions(Index.Overlapping(new TextSpan(start, end))) == expected, $"{why}: {Positions(Index.Overlapping(new TextSpan(start, end)))}");

    [Theory]
    [InlineData(12, 14, "1,2,3,4", "holding: 10-20, 10-14, the long item and 12-18 all hold 12-14")]
    [InlineData(41, 42, "0,3", "a point inside 40-45 and the long item")]
    [InlineData(95, 101, "", "no item holds a span past the text's end")]
    public void Holding_lists_the_items_a_span_lies_in(int start, int end, string expected, string why) =>
        Assert.True(Positions(Index.Holding(new TextSpan(start, end))) == expected, $"{why}: {Positions(Index.Holding(new TextSpan(start, end)))}");

    [Fact]
    public void Every_answer_agrees_with_a_scan_of_the_layer_on_random_layers_and_spans()
    {
        var random = new Random(18);
        for (int round = 0; round < 200; round++)
        {
            var layer = Enumerable.Range(0, random.Next(0, 30)).Select(_ => { int s = random.Next(0, 200); return new TextSpan(s, s + random.Next(0, round % 5 == 0 ? 150 : 12)); }).ToArray();
            var index = new SpanIndex<TextSpan>(layer, s => s);
            for (int q = 0; q < 20; q++)
            {
                int s = random.Next(-10, 220);
                var span = new TextSpan(s, s + random.Next(0, 40));
                Assert.Equal(layer.Where(x => span.Contains(x)), index.Inside(span));
                Assert.Equal(layer.Where(x => span.Overlaps(x)), index.Overlapping(span));
                Assert.Equal(layer.Where(x => x.Contains(span)), index.Holding(span));
                Assert.Equal(Enumerable.Range(0, layer.Length).Where(i => span.Contains(layer[i])), index.PositionsInside(span));
                Assert.Equal(layer.Any(x => span.Contains(x)), index.AnyInside(span));
                Assert.Equal(layer.Any(x => span.Overlaps(x)), index.AnyOverlapping(span));
                Assert.Equal(layer.Any(x => x.Contains(span)), index.AnyHolding(span));
            }
        }
    }

    [Fact]
    public void A_documents_index_follows_its_layer_between_stages()
    {
        var d = new Document(new Article { Uri = "t", Text = "Gunmen attacked Homs and Hama." }, null);
        d.Mentions.Add(new Mention { Span = new TextSpan(16, 20), Type = EntityType.GPE, Text = "Homs", Source = "test" });
        Assert.Single(d.MentionsBySpan.Inside(new TextSpan(0, 30)));
        d.Mentions.Add(new Mention { Span = new TextSpan(25, 29), Type = EntityType.GPE, Text = "Hama", Source = "test" });
        Assert.True(d.MentionsBySpan.Inside(new TextSpan(0, 30)).Count == 2, "an appended mention is seen: the layer's count changed");
        d.Mentions[1] = new Mention { Span = new TextSpan(0, 6), Type = EntityType.PERSON, Text = "Gunmen", Source = "test" };
        d.LayersChanged();
        Assert.True(d.MentionsBySpan.Inside(new TextSpan(0, 6)).Count == 1, "a mention replaced in place is seen once the pipeline starts the next stage");
    }

    private static string Positions(List<TextSpan> hits) => string.Join(",", hits.Select(h => Array.IndexOf(Layer, h)));
}
