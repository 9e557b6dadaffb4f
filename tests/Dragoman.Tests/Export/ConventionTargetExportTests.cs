using Dragoman.Events.Roles;
using Dragoman.Export;
using Dragoman.Storage;

namespace Dragoman.Tests.Export;

/// <summary>
/// A target the text names only generically ("two herders"; the convention's category civilians, protesters or
/// government, EventRecord.TargetConvention) is written in the ACLED CSV as ACLED names the category, with its inter
/// code and civilian_targeting to match, and marked dragoman_target_convention; a target the text names is written as is.
/// </summary>
public sealed class ConventionTargetExportTests
{
    private static EventRecord Record(string target, bool convention, string acledType, string? country = "SY") => new()
    {
        ArticleId = 4, ArticleHash = "ef", EventId = "ev1", Ordinal = 1, Action = "kill", Modality = "asserted", Occurred = true,
        AcledType = acledType, Country = country, Published = "2021-06-01", Cameo = "190", Actor = "Hill Front gunmen",
        Target = target, TargetConvention = convention,
    };

    private static string Acled(EventRecord e, string column) => AcledCsvExporter.Row(e)[Array.IndexOf([.. AcledCsvExporter.Columns], column)] ?? "";

    // target, convention, ACLED type, country, expected actor2, inter2, civilian_targeting, dragoman_target_convention, reason
    public static TheoryData<string, bool, string, string?, string, string, string, string, string> Cases => new()
    {
        { TargetCategories.Civilians, true, "Violence against civilians", "SY", "Civilians (Syria)", "7", "Civilian targeting", "true", "ACLED's name of the civilians category, with the country" },
        { TargetCategories.Civilians, true, "Explosions/Remote violence", "SY", "Civilians (Syria)", "7", "Civilian targeting", "true", "a shelling whose target is the civilians category targets civilians, as ACLED marks it" },
        { TargetCategories.Protesters, true, "Explosions/Remote violence", "SY", "Protesters (Syria)", "6", "", "true", "ACLED's protesters category and its inter code; protesters are not marked as civilian targeting" },
        { TargetCategories.Civilians, true, "Battles", "SY", "Civilians (Syria)", "7", "", "true", "ACLED marks civilian targeting only in violence against civilians and explosions" },
        { TargetCategories.Government, true, "Protests", "SY", "government", "", "", "true", "ACLED's government names carry a regime's period the event does not give: the category stays, marked" },
        { TargetCategories.Civilians, true, "Violence against civilians", null, "Civilians", "7", "Civilian targeting", "true", "no country known: the category alone (the row is left out of the file, the column still well formed)" },
        { "two herders", false, "Explosions/Remote violence", "SY", "two herders", "", "", "false", "a target the text names is written as named, no category guessed" },
        { TargetCategories.Civilians, false, "Violence against civilians", "SY", "civilians", "7", "Civilian targeting", "false", "the written word civilians is the text's, not the convention's: as written, unmarked" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Acled_writes_a_convention_target_as_its_category_and_marks_it(string target, bool convention, string acledType, string? country,
        string actor2, string inter2, string civilianTargeting, string marked, string reason)
    {
        var e = Record(target, convention, acledType, country);
        Assert.True(actor2 == Acled(e, "actor2"), $"{reason}: actor2 '{Acled(e, "actor2")}'");
        Assert.True(inter2 == Acled(e, "inter2"), $"{reason}: inter2 '{Acled(e, "inter2")}'");
        Assert.True(civilianTargeting == Acled(e, "civilian_targeting"), $"{reason}: civilian_targeting '{Acled(e, "civilian_targeting")}'");
        Assert.True(marked == Acled(e, "dragoman_target_convention"), $"{reason}: dragoman_target_convention '{Acled(e, "dragoman_target_convention")}'");
    }

    [Theory]
    [InlineData(true, "the parquet row says the target is the convention's category")]
    [InlineData(false, "a written target is not")]
    public void Parquet_carries_the_mark(bool convention, string reason) =>
        Assert.True(convention == ParquetEventRow.From(Record(TargetCategories.Civilians, convention, "Battles")).target_convention, reason);

    [Theory]
    [InlineData(true, "the JSON Lines / API event says the target is the convention's category")]
    [InlineData(false, "a written target is not marked")]
    public void Json_lines_and_the_api_carry_the_mark(bool convention, string reason)
    {
        var target = EventJson.Flat(Record(TargetCategories.Civilians, convention, "Battles"))["target"]!;
        Assert.True(convention == target["convention"]!.GetValue<bool>(), $"{reason}: {target.ToJsonString()}");
        Assert.False(target["implied"]!.GetValue<bool>(), $"{reason}: a target is never an implied party: {target.ToJsonString()}");
    }
}
