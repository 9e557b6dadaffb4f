using Dragoman.Storage;

namespace Dragoman.Tests.Storage;

public class StoreIdTests
{
    [Theory]
    [InlineData("a12", "12||||", "article number")]
    [InlineData("A7", "7||||", "upper-case a")]
    [InlineData("a12:ev3", "12||ev3||", "event id in an article")]
    [InlineData("a12:3", "12|||3|", "event position")]
    [InlineData("3FA9C0", "|3fa9c0|||", "hash prefix, folded to lower case")]
    [InlineData("3fa9c0d1:ev1", "|3fa9c0d1|ev1||", "hash prefix with an event")]
    [InlineData("a123456", "123456||||", "a + digits is an article number even though it is also hex")]
    [InlineData("abc", "error:at least 6", "too short a hash prefix")]
    [InlineData("", "error:empty", "nothing")]
    [InlineData("a0", "error:out of range", "article numbers start at 1")]
    [InlineData("a1:", "error:nothing after", "a dangling colon")]
    [InlineData("a1:0", "error:1 or more", "event positions start at 1")]
    [InlineData("a1:ev 3", "error:not an event id", "a space in the event id")]
    [InlineData("x12", "error:not an id", "an unknown form")]
    [InlineData("a1'; DROP TABLE articles;--", "error:", "injection text is refused before any query")]
    public void Ids_parse(string text, string expected, string reason)
    {
        var r = StoreId.Parse(text);
        var got = r.IsOk ? $"{r.Value!.ArticleNumber}|{r.Value.HashPrefix}|{r.Value.EventId}|{r.Value.EventOrdinal}|" : "error:" + r.Error;
        if (expected.StartsWith("error:", StringComparison.Ordinal))
            Assert.True(got.StartsWith("error:", StringComparison.Ordinal) && got.Contains(expected[6..]), $"{reason}: {got}");
        else
            Assert.True(expected == got, $"{reason}: expected {expected}, got {got}");
    }
}
