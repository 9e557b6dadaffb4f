using Dragoman.Events.Evaluation;
using Dragoman.Tests.Support;

namespace Dragoman.Tests.Events;

public class GovernorateTests
{
    [Theory]
    [InlineData("Shelling kills five\n\nShelling on Douma killed five civilians on Monday.", "damascus", "Douma lies in Rif Dimashq, which FA-KES files under damascus")]
    [InlineData("Car bomb\n\nA car bomb in Qamishli killed four people on Tuesday.", "hasakeh", "a town resolved to its governorate by the gazetteer's admin1 code")]
    [InlineData("Talks\n\nDiplomats met in Geneva on Monday to discuss the talks.", null, "no place in Syria: no governorate")]
    public void The_resolved_places_give_the_governorate(string text, string? expected, string reason)
    {
        var doc = TestPipeline.ProcessText(text, new DateOnly(2016, 5, 2));
        Assert.True(expected == Governorates.FromPlaces(doc), $"{reason}: got {Governorates.FromPlaces(doc)}");
    }
}
