using System.Text.Json.Nodes;
using Dragoman.Storage;

namespace Dragoman.Tests.Storage;

/// <summary>
/// A stored event's flat actor/target columns (exports, panels, actor and target search) hold the party an analyst reads:
/// a coding convention's category over the written words, as EventArgument.PartyText; other names leave the text.
/// </summary>
public sealed class FlatPartyTextTests
{
    private static JsonObject Document(JsonObject target) => new()
    {
        ["article"] = new JsonObject { ["text"] = "Gunmen shot two herders near the well of Tarbu." },
        ["events"] = new JsonArray(new JsonObject
        {
            ["id"] = "ev1", ["action"] = "kill",
            ["trigger"] = new JsonObject { ["text"] = "shot", ["start"] = 7, ["end"] = 11 },
            ["target"] = target,
        }),
    };

    private static JsonObject Target(string text, string? nameText, string? from)
    {
        var t = new JsonObject { ["text"] = text, ["start"] = 12, ["end"] = 23 };
        if (nameText is not null) t["name"] = new JsonObject { ["text"] = nameText, ["from"] = from, ["start"] = 12, ["end"] = 23 };
        return t;
    }

    // written text, name text, name's from, expected flat target, expected target_convention, reason
    public static TheoryData<string, string?, string?, string, bool, string> Cases => new()
    {
        { "two herders", "civilians", "convention", "civilians", true, "a convention's category is the party an export writes, marked as the convention's" },
        { "the HF", "Hill Front", "article", "the HF", false, "a short form keeps its written text in the flat column; the full name is searched through the entity; a name from the article is no convention" },
        { "two herders", null, null, "two herders", false, "no name: the written words, no convention" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_flat_target_is_the_party_an_analyst_reads(string text, string? nameText, string? from, string expected, bool convention, string reason)
    {
        var rows = DocumentRows.Flatten(new StorableDocument("h1", Document(Target(text, nameText, from))));
        var row = rows.Events.Single();
        Assert.True(expected == row.Target, $"{reason}: '{row.Target}'");
        Assert.True(convention == row.TargetConvention, $"{reason}: target_convention {row.TargetConvention}");
    }
}
