using Dragoman.Storage;

namespace Dragoman.Tests.Storage;

/// <summary>The box of --bbox and ?bbox=: south,west,north,east, and a clear refusal of anything else.</summary>
public sealed class BoundingBoxTests
{
    [Theory]
    [InlineData("32.3,35.7,37.3,42.4", 32.3, 35.7, 37.3, 42.4, "Syria in the documented order")]
    [InlineData(" -10 , -20 , 10 , 20 ", -10, -20, 10, 20, "spaces around numbers")]
    [InlineData("-90,-180,90,180", -90, -180, 90, 180, "the whole world")]
    [InlineData("5,5,5,5", 5, 5, 5, 5, "a point")]
    public void Boxes_in_the_documented_order_are_read(string text, double s, double w, double n, double e, string reason)
    {
        var box = BoundingBox.Parse(text);
        Assert.True(box.IsOk, $"{reason}: {box.Error}");
        Assert.Equal(new BoundingBox(s, w, n, e), box.Value);
    }

    [Theory]
    [InlineData("-125,24,-66,49", "looks like west,south,east,north; the order here is south,west,north,east: 24,-125,49,-66", "the USA as west,south,east,north")]
    [InlineData("100,-10,140,10", "looks like west,south,east,north", "Indonesia as west,south,east,north: south 100 is no latitude")]
    [InlineData("40,0,30,10", "south 40 is above north 30", "south above north, and swapping does not help")]
    [InlineData("0,0,95,100", "north 95 is not a latitude", "north beyond the pole")]
    [InlineData("0,0,95,10", "looks like west,south,east,north", "north beyond the pole, but a fine box read the other way")]
    [InlineData("0,10,5,-10", "west 10 is east of east -10", "west beyond east (a box across the antimeridian is not supported)")]
    [InlineData("1,2,3", "give four numbers", "three numbers")]
    [InlineData("1,2,3,NaN", "is not a number", "not a finite number")]
    [InlineData("a,b,c,d", "is not a number", "words")]
    public void Other_boxes_are_refused_with_the_reason(string text, string message, string reason)
    {
        var box = BoundingBox.Parse(text);
        Assert.False(box.IsOk, $"{reason}: accepted as {box.Value}");
        Assert.True(box.Error!.Contains(message, StringComparison.Ordinal), $"{reason}: '{box.Error}' lacks '{message}'");
    }
}
