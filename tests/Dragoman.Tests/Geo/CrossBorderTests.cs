using Dragoman.Documents;
using Dragoman.Geo;
using Dragoman.Tests.Support;

namespace Dragoman.Tests.Geo;

/// <summary>
/// Naming a country is not placing the story there: a neighbour named as a party ("Turkish drones") vouches for no
/// village a spelling away across the border from all the story's towns; a dollar sign after a country's code is a
/// currency; a headline's abbreviated compass word ("S Sudan") belongs to the country's name. Invented sentences.
/// </summary>
public class CrossBorderTests
{
    [SharedTheory]
    [InlineData("Turkish drones struck Qamishli and Amuda, and a car was hit near Yalintash, Kurdish officials said.", "Turkish|Qamishli|Amuda|Yalintash", "Yalintash", "TR", false,
        "a spelling variant of a village across the border, where every town of the story lies in the other country, stays text")]
    [InlineData("Turkish drones struck Qamishli and Amuda, and a car was hit near Hasakeh, Kurdish officials said.", "Turkish|Qamishli|Amuda|Hasakeh", "Hasakeh", "SY", true,
        "a spelling variant in the country where the story's towns lie still resolves")]
    [InlineData("Air strikes hit Raqah, the group's stronghold in Syria, officials in Washington said.", "Raqah|Syria|Washington", "Raqah", "SY", true,
        "a variant in a country the text names as where things are (in Syria) resolves, though the only other town lies elsewhere")]
    public void A_variant_across_the_border_from_every_town_of_the_story_stays_text(string text, string mentions, string mention, string country, bool resolved, string reason)
    {
        var names = mentions.Split('|');
        var p = GeoFixture.Resolver.Resolve(text, GeoFixture.GivenQueries(text, names))[Array.IndexOf(names, mention)];
        // left as text, it still lists the candidate across the border: the rule, not a missing entry, kept it out
        Assert.True(resolved ? p is { IsResolved: true } && p.Country == country
            : p is { IsResolved: false } && p.Candidates.Any(c => c.EndsWith(":" + country, StringComparison.Ordinal)),
            $"{reason}: got {p?.Name} in {p?.Country}, candidates {string.Join(", ", p?.Candidates ?? [])}");
    }

    /// <summary>Runs the geo component over <paramref name="text"/> with one recogniser's GPE mention of <paramref name="name"/>.</summary>
    private static Document WithGpe(string text, string name)
    {
        var doc = new Document(new Article { Uri = "test:", Text = text }, null);
        new Dragoman.Text.TextComponent().Process(doc);
        int at = text.IndexOf(name, StringComparison.Ordinal);
        doc.Mentions.Add(new Mention { Span = new TextSpan(at, at + name.Length), Type = EntityType.GPE, Text = name, Source = "ner" });
        new GeoComponent(GeoFixture.Resolver).Process(doc);
        return doc;
    }

    [SharedTheory]
    [InlineData("Each family lost about US$200 when the market in Homs burned.", "US", "a code before a dollar sign: the currency, no place")]
    [InlineData("Traders in Homs were paid in HK$ and euros last year.", "HK", "the same with another code")]
    public void A_country_code_before_a_dollar_sign_is_no_place(string text, string code, string reason)
    {
        var doc = WithGpe(text, code);
        Assert.True(doc.Mentions[0].Type == EntityType.MISC && !doc.Places.Exists(p => p.Text == code), $"{reason}: {doc.Mentions[0].Type}, places {string.Join(", ", doc.Places.Select(p => p.Text))}");
    }

    [SharedTheory]
    [InlineData("Gunmen kill six in S Sudan cattle raid", "Sudan", "SS", "S Sudan", "a headline's S before Sudan is South Sudan, not Sudan")]
    [InlineData("N. Korea fires missile, says Seoul", "Korea", "KP", "N. Korea", "the same with a stop after the letter")]
    [InlineData("Sudan's army said on Monday that talks would resume.", "Sudan", "SD", "Sudan", "no letter before it: the name alone")]
    public void An_abbreviated_compass_word_belongs_to_the_name(string text, string name, string country, string span, string reason)
    {
        var doc = WithGpe(text, name);
        var p = doc.Places.First(x => x.Text.EndsWith(name, StringComparison.Ordinal));
        Assert.True(p.IsResolved && p.Country == country && p.Text == span, $"{reason}: got {p.Text} -> {p.Name} in {p.Country}");
    }
}
