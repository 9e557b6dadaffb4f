using Dragoman.Documents;
using Dragoman.Ingest;
using Dragoman.Pipeline;
using Dragoman.Tests.Support;
using static Dragoman.Tests.Actors.ActorTestKit;

namespace Dragoman.Tests.Actors;

/// <summary>
/// The seed article through the standard pipeline: its persons, groups and outlets with aliases and actor codes
/// (issue 2 item 6 and issue 4). Nothing here is specific to the seed's wording: the dictionary, the alias patterns
/// and the capitalised-name rules produce it.
/// </summary>
public class SeedActorsTests
{
    private static readonly Lazy<Document> Seed = new(() =>
    {
        var path = Paths.Seed;
        var article = ArticleReader.Read(new RawDocument(path, File.ReadAllBytes(path), "text/plain")).Value!;
        var pipeline = StandardPipeline.Build(PipelineResources.Load(null));
        return pipeline.Process(DocumentFactory.Create(article, new DateOnly(2019, 2, 10)));
    });

    [SharedTheory]
    [InlineData("Maher Kanhoush", "PERSON", null, null, "person named by a given name and surname")]
    [InlineData("Youssef al-Nablusi", "PERSON", "Abu al-Baraa", null, "kunya introduced with 'known as'")]
    [InlineData("Islamic State", "ORG", "ISIS", "IMGMUSISI", "acronym in brackets")]
    [InlineData("Islamic State", "ORG", "Khalid bin al-Waleed Army", "IMGMUSISI", "former name introduced with 'or what was known previously as'")]
    [InlineData("Air Force Intelligence", "ORG", null, "SYRMILSPY", "Syrian state intelligence branch")]
    [InlineData("Hezbollah", "ORG", null, "LBNREBMUSSHI", "Lebanese Shia armed group")]
    [InlineData("Fifth Corps", "ORG", null, "SYRMIL", "Russian-backed corps of the Syrian army")]
    [InlineData("Iran", "GPE", null, "IRN", "country as actor")]
    [InlineData("Russia", "GPE", "Russians", "RUS", "plural demonym as actor")]
    [InlineData("Alsouria Net", "ORG", null, "SYRMED", "outlet: media head word, country from al-Souria")]
    [InlineData("The Syrian Observer", "ORG", null, "SYRMED", "outlet: media head word, country from the demonym")]
    public void Seed_entities(string name, string type, string? alias, string? code, string reason)
    {
        var d = Seed.Value;
        var matches = d.Entities.Where(e => e.Name == name).ToList();
        Assert.True(matches.Count == 1, $"{reason}: exactly one '{name}': {Dump(d)}");
        var e = matches[0];
        Assert.True(e.Type.ToString() == type, $"{reason}: type {e.Type}");
        if (alias is not null) Assert.True(e.Aliases.Contains(alias), $"{reason}: aliases {string.Join("|", e.Aliases)}");
        if (code is not null) Assert.True(e.Actor?.Code == code, $"{reason}: code {e.Actor?.Code}");
    }

    [SharedFact]
    public void Islamic_State_is_one_entity_not_three()
    {
        var d = Seed.Value;
        var names = new[] { "Islamic State", "ISIS", "Khalid bin al-Waleed Army" };
        var ids = d.Mentions.Where(m => names.Contains(m.Text)).Select(m => m.EntityId).Distinct().ToList();
        Assert.True(ids.Count == 1 && ids[0] is not null, Dump(d));
    }

    [SharedFact]
    public void Persons_carry_roles_with_evidence()
    {
        var d = Seed.Value;
        var kanhoush = d.Entities.Single(e => e.Name == "Maher Kanhoush");
        Assert.True(kanhoush.Attributes.Exists(a => a.Kind == "role" && a.Value.Contains("commander", StringComparison.Ordinal)), "role");
        Assert.True(kanhoush.Attributes.Exists(a => a.Kind == "origin" && a.Value == "Jabab"), "origin");
        foreach (var a in kanhoush.Attributes.Where(a => a.Kind != "affiliation"))
            Assert.True(a.Evidence.End <= d.Text.Length && d.Text[a.Evidence.Start..a.Evidence.End].Contains(a.Value, StringComparison.Ordinal), $"{a.Kind} evidence covers its value");
        var affiliation = kanhoush.Attributes.Single(a => a.Kind == "affiliation");
        Assert.True(d.Text[affiliation.Evidence.Start..affiliation.Evidence.End].Contains("ISIS", StringComparison.Ordinal), "affiliation evidence names the group as the text does");
    }
}
