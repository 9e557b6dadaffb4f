using Dragoman.Entities;

namespace Dragoman.Tests.Entities;

public class NerLabelsTests
{
    [Theory]
    [InlineData(5, "0-2-0;3-4-2", "B-PER L-PER O U-LOC O", "a two-token and a one-token entity")]
    [InlineData(4, "0-4-1", "B-ORG I-ORG I-ORG L-ORG", "a long entity has inside labels")]
    [InlineData(2, "0-1-3;1-2-3", "U-MISC U-MISC", "adjacent entities stay apart")]
    public void Encodes_bilou(int length, string spans, string expected, string reason)
    {
        var parsed = spans.Split(';').Select(p => p.Split('-').Select(int.Parse).ToArray()).Select(a => new TagSpan(a[0], a[1], a[2])).ToList();
        var labels = NerLabels.Encode(length, parsed);
        Assert.True(string.Join(" ", labels.Select(NerLabels.Name)) == expected, $"{reason}: got {string.Join(" ", labels.Select(NerLabels.Name))}");
        Assert.True(NerLabels.Decode(labels).SequenceEqual(parsed), $"{reason}: decoding does not give the spans back");
    }

    [Theory]
    [InlineData("O", "B-PER", true, "an entity may begin after O")]
    [InlineData("B-PER", "L-PER", true, "a begun entity may end")]
    [InlineData("B-PER", "O", false, "a begun entity must end before O")]
    [InlineData("I-PER", "L-ORG", false, "an entity cannot change class inside")]
    [InlineData("L-LOC", "U-LOC", true, "a new entity may follow a finished one")]
    [InlineData("U-LOC", "I-LOC", false, "inside cannot follow a finished entity")]
    public void Allows_only_well_formed_sequences(string prev, string next, bool allowed, string reason)
    {
        int Label(string n) => n == "O" ? 0 : NerLabels.Make(Enum.Parse<NerLabels.Part>(n[..1]), NerLabels.ClassIndex(n[2..]));
        Assert.True(NerLabels.Allowed(Label(prev), Label(next)) == allowed, reason);
    }
}
