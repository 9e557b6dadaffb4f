using Dragoman.Events;
using Dragoman.Export;
using Dragoman.Storage;

namespace Dragoman.Tests.Export;

/// <summary>
/// An implied actor (the text names none; the coder's category the event implies, UnnamedActorsComponent) is told apart
/// from a named one in every export: marked where the format has room for it, left out where the format's actor is text
/// of the story.
/// </summary>
public sealed class ImpliedActorExportTests
{
    private static EventRecord Record(string? actor, bool implied, string cameo = "190", string acledType = "Violence against civilians") => new()
    {
        ArticleId = 3, ArticleHash = "cd", EventId = "ev1", Ordinal = 1, Action = "kill", Modality = "asserted", Occurred = true,
        AcledType = acledType, Country = "SY", Published = "2021-06-01", Cameo = cameo, Actor = actor, ActorImplied = implied,
        Target = "two farmers",
    };

    private static string? Acled(EventRecord e, string column) => AcledCsvExporter.Row(e)[Array.IndexOf([.. AcledCsvExporter.Columns], column)];

    private static string? Gdelt(EventRecord e, string column) => GdeltTsvExporter.Row(e)[Array.IndexOf(GdeltTsvExporter.Columns, column)];

    // actor, implied, cameo, expected actor1, expected inter1, expected dragoman_actor_implied, reason
    public static TheoryData<string, bool, string, string, string, string, string> AcledCases => new()
    {
        { UnnamedActorsComponent.UnidentifiedArmedGroup, true, "190", "Unidentified Armed Group (Syria)", "3", "true", "ACLED's own name of the category, with the country; a political militia" },
        { UnnamedActorsComponent.Police, true, "173", "Police Forces of Syria", "1", "true", "ACLED's police category: state forces" },
        { "Hill Front gunmen", false, "190", "Hill Front gunmen", "", "false", "a named actor is written as the text names it, no inter code guessed" },
    };

    [Theory]
    [MemberData(nameof(AcledCases))]
    public void Acled_writes_an_implied_actor_as_its_category_and_marks_it(string actor, bool implied, string cameo, string actor1, string inter1, string marked, string reason)
    {
        var e = Record(actor, implied, cameo);
        Assert.True(actor1 == Acled(e, "actor1"), $"{reason}: actor1 '{Acled(e, "actor1")}'");
        Assert.True(inter1 == (Acled(e, "inter1") ?? ""), $"{reason}: inter1 '{Acled(e, "inter1")}'");
        Assert.True(marked == Acled(e, "dragoman_actor_implied"), $"{reason}: dragoman_actor_implied '{Acled(e, "dragoman_actor_implied")}'");
    }

    [Theory]
    [InlineData(true, "", "GDELT leaves an actor the story does not name blank")]
    [InlineData(false, "HILL FRONT GUNMEN", "a named actor in capitals, as GDELT writes names")]
    public void Gdelt_writes_no_name_for_an_implied_actor(bool implied, string expected, string reason)
    {
        var e = Record(implied ? UnnamedActorsComponent.UnidentifiedArmedGroup : "Hill Front gunmen", implied);
        Assert.True(expected == (Gdelt(e, "Actor1Name") ?? ""), $"{reason}: '{Gdelt(e, "Actor1Name")}'");
    }

    [Theory]
    [InlineData(true, "", "POLECAT's actor name is text of the story")]
    [InlineData(false, "Hill Front gunmen", "a named actor as written")]
    public void Polecat_writes_no_name_for_an_implied_actor(bool implied, string expected, string reason)
    {
        var e = Record(implied ? UnnamedActorsComponent.UnidentifiedArmedGroup : "Hill Front gunmen", implied) with { PloverEvent = "ASSAULT" };
        var row = PolecatTsvExporter.Row(e, CountryCodes.Default, ActorCodes.Default);
        var name = row[Array.IndexOf(PolecatTsvExporter.Columns, "Actor Name")];
        Assert.True(expected == (name ?? ""), $"{reason}: '{name}'");
    }

    [Theory]
    [InlineData(true, 0, "PLOVER's entity_text is text of the story: no entity for an implied actor")]
    [InlineData(false, 1, "a named actor is one entity")]
    public void Plover_lists_no_entity_for_an_implied_actor(bool implied, int entities, string reason)
    {
        var e = Record(implied ? UnnamedActorsComponent.UnidentifiedArmedGroup : "Hill Front gunmen", implied);
        var actor = EventJson.Plover(e)["actor"]!.AsArray();
        Assert.True(entities == actor.Count, $"{reason}: {actor.ToJsonString()}");
    }

    [Theory]
    [InlineData(true, "the JSON Lines / API event says the actor is implied")]
    [InlineData(false, "a named actor is not implied")]
    public void Json_lines_and_the_api_carry_the_mark(bool implied, string reason)
    {
        var o = EventJson.Flat(Record(implied ? UnnamedActorsComponent.Police : "Hill Front gunmen", implied, "173"));
        Assert.True(implied == o["actor"]!["implied"]!.GetValue<bool>(), $"{reason}: {o["actor"]!.ToJsonString()}");
        Assert.True(implied == ParquetEventRow.From(Record("x", implied)).actor_implied, $"{reason}: parquet actor_implied");
    }

    [Theory]
    [InlineData(true, "police", "the map's feature marks an actor the text does not name")]
    [InlineData(false, "Hill Front gunmen", "a named actor is not marked")]
    public void The_geojson_feature_marks_an_implied_actor(bool implied, string actor, string reason)
    {
        var e = Record(implied ? UnnamedActorsComponent.Police : "Hill Front gunmen", implied, "173") with { Lat = 33.5, Lon = 36.3 };
        var p = System.Text.Json.JsonSerializer.SerializeToNode(EventFeature.From(e)!, EventFeature.Json)!["properties"]!;
        Assert.True(implied == p["actor_implied"]!.GetValue<bool>(), $"{reason}: {p.ToJsonString()}");
        Assert.True(actor == p["actor"]!.GetValue<string>(), $"{reason}: the actor's text stays, the mark tells it apart");
    }

    [Fact]
    public void An_incident_lists_only_the_actors_its_reports_name()
    {
        var named = Record("Hill Front gunmen", false);
        var implied = Record(UnnamedActorsComponent.UnidentifiedArmedGroup, true) with { EventId = "ev2" };
        var incident = new IncidentSummary(7, new Dragoman.Merge.IncidentFacts { Action = "kill", DateBasis = "test" }, []);
        Assert.Equal(["Hill Front gunmen"], IncidentViews.Item(incident, [named, implied]).Actors);
    }
}
