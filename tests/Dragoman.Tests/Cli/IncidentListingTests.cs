using Dragoman.Cli.Commands;
using Dragoman.Export;

namespace Dragoman.Tests.Cli;

/// <summary>The incident list's "actors -> targets" column: a side nobody named never lets the other read as the actor.</summary>
public sealed class IncidentListingTests
{
    public static TheoryData<string[], string[], string, string> Sides => new()
    {
        { ["Government forces"], ["three outposts"], "Government forces -> three outposts", "both sides named" },
        { [], ["six people"], "? -> six people", "victims with no named perpetrator stay on the target side" },
        { ["Authorities"], [], "Authorities", "an actor alone" },
        { [], [], "", "nobody named" },
        { ["A", "B"], ["C"], "A; B -> C", "several actors joined" },
    };

    [Theory]
    [MemberData(nameof(Sides))]
    public void Actors_and_targets_keep_their_sides(string[] actors, string[] targets, string expected, string reason)
    {
        var item = new IncidentItem("i1", "attack", null, null, new IncidentDate(null, null, "day", "test"), null,
            actors, targets, null, 1, 1, 1, [], null, null, "reported by 1 article, 1 outlet");
        Assert.True(IncidentListing.ActorsText(item) == expected, $"{reason}: '{IncidentListing.ActorsText(item)}'");
    }
}
