using Dragoman.Documents;
using Dragoman.Events;
using Dragoman.Tests.Actors;
using Dragoman.Text;

namespace Dragoman.Tests.Events;

/// <summary>An actor or target written as a short form gets the full name (the article's definition, else the dictionary's).</summary>
public class PartyNamesTests
{
    private static readonly PartyNamesComponent Names = new(ActorTestKit.Dictionary);

    private const string Article = "The Libyan National Army (LNA) said the Allied Democratic Forces (ADF) attacked.";

    [Theory]
    [InlineData("the LNA", "the Libyan National Army", "article", "a defined short form is replaced in the written text")]
    [InlineData("ADF rebels", "Allied Democratic Forces rebels", "article", "the short form inside a longer mention")]
    [InlineData("LNA's forces", "Libyan National Army's forces", "article", "a possessive keeps its ending")]
    [InlineData("the Libyan National Army (LNA)", null, null, "the mention already holds the long form: nothing to add")]
    [InlineData("the army", null, null, "no short form")]
    [InlineData("the Army (LNA)", null, null, "the mention defines the short form itself: its own words are the name")]
    [InlineData("the LNA-backed ADF group", "the Libyan National Army-backed Allied Democratic Forces group", "article", "every short form is expanded, not only the first")]
    [InlineData("Lna", null, null, "a table match is case-sensitive: a word that only looks like the short form")]
    [InlineData("ADF's fighters", "Allied Democratic Forces' fighters", "article", "a possessive after a long form ending in s is the bare apostrophe")]
    [InlineData("an LNA unit", "a Libyan National Army unit", "article", "'an' before a short form read letter by letter becomes 'a' before a consonant")]
    [InlineData("a ADF cell", "an Allied Democratic Forces cell", "article", "'a' becomes 'an' before a long form opening with a vowel")]
    [InlineData("Kenya LNA talks", "Kenya Libyan National Army talks", "article", "a word ending in 'a' before the short form is no article")]
    public void The_article_definition_names_the_party(string written, string? name, string? from, string why)
    {
        var got = Names.Named(new EventArgument(written, new TextSpan(0, written.Length)), Abbreviations.Find(Article));
        Assert.True(got?.Text == name && got?.From == from, $"{why}: got {got?.Text ?? "none"}");
        if (got is { From: "article" }) Assert.True(got.Defined is { } d && Article[d.Start..d.End].Length > 0 && name!.Contains(Article[d.Start..d.End]), $"{why}: the definition's span");
    }

    [Fact]
    public void An_undefined_acronym_takes_the_one_dictionary_group_it_names()
    {
        var hits = ActorTestKit.Dictionary.Lookup("HTS").ToArray();
        var entry = hits.Where(h => h.Kind == Dragoman.Actors.PhraseKind.Actor).Select(h => ActorTestKit.Dictionary.Entries[h.Index]).FirstOrDefault();
        Assert.True(entry is not null, "the shipped dictionary lists HTS (Hayat Tahrir al-Sham) among its groups");
        var got = Names.Named(new EventArgument("HTS", new TextSpan(0, 3)), new Dictionary<string, Abbreviation>());
        Assert.True(got is { From: "dictionary", Defined: null } && got.Text == entry!.Name, $"got {got?.Text ?? "none"}, entry {entry!.Name}");
    }

    /// <summary>The country a demonym party names (actors16): the state whose means they are, unless another word says who acted.</summary>
    [Theory]
    [InlineData("Israeli", "Israel", "a bare demonym (the adjective the ranker took from 'an Israeli raid') names the state")]
    [InlineData("a Turkish drone strike", "Turkey", "a demonym with only the means after it: the state used them")]
    [InlineData("the Syrians", "Syria", "a plural people is looked up by its singular")]
    [InlineData("Syrian rebels", null, "rebels are another party than the state: no country name")]
    [InlineData("Kenyan police officers", null, "a party noun after the demonym names who acted")]
    [InlineData("the drone strike", null, "no demonym: nothing to name")]
    [InlineData("israeli", null, "a lower-case word is no demonym of a party here")]
    public void A_demonym_party_takes_its_country_name(string written, string? country, string why)
    {
        var got = Names.Named(new EventArgument(written, new TextSpan(0, written.Length)), new Dictionary<string, Abbreviation>());
        Assert.True(country is null ? got is null : got is { From: "dictionary" } && got.Text.Contains(country, StringComparison.Ordinal),
            $"{why}: got {got?.Text ?? "none"}");
    }

    [Fact]
    public void A_convention_name_is_kept_over_a_demonym()
    {
        var written = "Syrian";
        var convention = new ArgumentName("civilians", ArgumentName.Convention, new TextSpan(0, 6));
        var got = Names.Named(new EventArgument(written, new TextSpan(0, 6)) { Name = convention }, new Dictionary<string, Abbreviation>());
        Assert.True(got is null, $"a target that already carries a convention's category keeps it: got {got?.Text ?? "none"}");
    }
}
