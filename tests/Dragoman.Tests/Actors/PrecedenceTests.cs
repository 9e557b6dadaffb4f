using Dragoman.Actors;
using Dragoman.Documents;
using static Dragoman.Tests.Actors.ActorTestKit;

namespace Dragoman.Tests.Actors;

/// <summary>
/// Where the NER model and the actor stage disagree: which evidence wins. Each case feeds a model mention (Source "ner")
/// and, where needed, a place resolution, then runs actors and linking.
/// </summary>
public class PrecedenceTests
{
    private static Mention Ner(string text, string span, EntityType type, int nth = 0)
    {
        int s = -1;
        for (int k = 0; k <= nth; k++) s = text.IndexOf(span, s + 1, StringComparison.Ordinal);
        return new Mention { Span = new TextSpan(s, s + span.Length), Type = type, Text = span, Source = "ner", Confidence = 0.9 };
    }

    private static string Mentions(Document d) => string.Join(", ", d.Mentions.Select(m => $"{m.Text}/{m.Type}/{m.Source}"));

    [Theory]
    [InlineData("Attacks will resume in the south, reports Qasioun News.", "Qasioun News", EntityType.PERSON, "Qasioun News", EntityType.ORG, "a media head word beats the model's PERSON on the same words")]
    [InlineData("This article was translated by The Levant Observer.", "Levant Observer", EntityType.ORG, "The Levant Observer", EntityType.ORG, "a mid-sentence 'The' belongs to an outlet's name the model cut short")]
    [InlineData("The statement was issued by the Hawran Revolutionary Council yesterday.", "Hawran Revolutionary Council", EntityType.PERSON, "Hawran Revolutionary Council", EntityType.ORG, "an organisation head word beats the model's PERSON")]
    [InlineData("Speaking on Wednesday Russias Defense Ministry said the jets returned.", "Russias Defense Ministry", EntityType.ORG, "Russias Defense Ministry", EntityType.ORG, "run-on text: a longer capitalised run is no better evidence than the model's span")]
    [InlineData("He met Defense Minister Moshe Yaalon in the city.", "Moshe Yaalon", EntityType.PERSON, "Moshe Yaalon", EntityType.PERSON, "a person inside a run that ends in his name keeps his type")]
    [InlineData("Sources told Rami Abdel Rahman that the prisoners were freed.", "Rami Abdel Rahman", EntityType.PERSON, "Rami Abdel Rahman", EntityType.PERSON, "no organisation or media head word: the model's type stays")]
    public void Head_words_beat_model_types(string text, string ner, EntityType nerType, string expected, EntityType type, string reason)
    {
        var d = Run(text, "2019-02-10", beforeActors: doc => doc.Mentions.Add(Ner(text, ner, nerType)));
        Assert.True(d.Mentions.Exists(m => m.Text == expected && m.Type == type), $"{reason}: {Mentions(d)}");
        Assert.True(d.Mentions.Count(m => text.IndexOf(expected, StringComparison.Ordinal) is var s && m.Span.Overlaps(new TextSpan(s, s + expected.Length))) == 1, $"{reason}: one mention there: {Mentions(d)}");
    }

    [Theory]
    [InlineData("Regime Frees Hezbollah Prisoners After Talks\n\nThe men were released on Monday.", "Hezbollah Prisoners", "Hezbollah", true, "headline: a capitalised agent noun after a known organisation is a common noun")]
    [InlineData("Regime Frees Hezbollah Captives After Talks\n\nThe captives were released on Monday.", "Hezbollah Captives", "Hezbollah", true, "headline: a capitalised word the text also writes in lower case is a common noun")]
    [InlineData("It thought that the freed Hezbollah commanders will attack again.", "Hezbollah commanders", "Hezbollah", true, "body text: a lower-case tail after a known organisation is no part of its name")]
    [InlineData("The Hezbollah Central Council met on Monday in the south.", "Hezbollah Central Council", "Hezbollah Central Council", false, "body text: a capitalised tail is part of a longer name")]
    public void Known_organisation_absorbs_common_noun_tail(string text, string ner, string expected, bool trimmed, string reason)
    {
        var d = Run(text, "2019-02-10", beforeActors: doc => doc.Mentions.Add(Ner(text, ner, EntityType.ORG)));
        Assert.True(d.Mentions.Exists(m => m.Text == expected && m.Type == EntityType.ORG), $"{reason}: {Mentions(d)}");
        Assert.True(d.Mentions.Exists(m => m.Text == ner) != trimmed, $"{reason}: {Mentions(d)}");
        if (trimmed) Assert.True(Named(d, expected)?.Actor?.Code == "LBNREBMUSSHI", $"{reason}: the dictionary's entity: {Dump(d)}");
    }

    [Theory]
    [InlineData("He had held an important position in the so-called \u201CAmniyat office\u201D of the group.", "Amniyat", EntityType.PERSON, false, "a capitalised word opening a quoted term after so-called modifies the term")]
    [InlineData("He worked in the so-called \"Hawala office\" for years.", "Hawala", EntityType.GPE, false, "straight quotes, and a place type is no better")]
    [InlineData("He met \u201CAmniyat\u201D members in the city.", "Amniyat", EntityType.PERSON, true, "no so-called: the model's mention stays")]
    [InlineData("He was sent by the so-called \u201CSalim\u201D to the city.", "Salim", EntityType.PERSON, true, "the quote holds the name alone: no term to modify")]
    public void So_called_terms(string text, string ner, EntityType nerType, bool kept, string reason)
    {
        var d = Run(text, "2019-02-10", beforeActors: doc => doc.Mentions.Add(Ner(text, ner, nerType)));
        Assert.True(d.Mentions.Exists(m => m.Text == ner) == kept, $"{reason}: {Mentions(d)}");
    }

    [Theory]
    [InlineData("Regime aircraft struck Douma near Damascus, killing 12 civilians.", "Douma", "SY", EntityType.GPE, "SYR", "a place resolved in the article's focus country beats Phoenix's Russian Duma")]
    [InlineData("Regime aircraft struck Douma near Damascus, killing 12 civilians.", "Douma", null, EntityType.ORG, "RUS", "without a place resolution the dictionary entry stands")]
    public void Place_in_focus_country_beats_out_of_context_actor(string text, string name, string? country, EntityType type, string codePrefix, string reason)
    {
        int s = text.IndexOf(name, StringComparison.Ordinal);
        int dam = text.IndexOf("Damascus", StringComparison.Ordinal);
        var d = Run(text, "2018-02-20",
            beforeActors: doc => { doc.Mentions.Add(Ner(text, name, EntityType.GPE)); doc.Mentions.Add(Ner(text, "Damascus", EntityType.GPE)); },
            beforeLink: doc =>
            {
                doc.Places.Add(new PlaceResolution { Span = new TextSpan(dam, dam + 8), Text = "Damascus", GeonameId = "170654", Lat = 33.5, Lon = 36.3, Country = "SY" });
                if (country is not null)
                    doc.Places.Add(new PlaceResolution { Span = new TextSpan(s, s + name.Length), Text = name, GeonameId = "170592", Lat = 33.57, Lon = 36.4, Country = country });
            });
        var e = d.Entities.Find(x => x.MentionIndexes.Exists(i => d.Mentions[i].Span.Start == s));
        Assert.True(e is not null && e.Type == type && e.Actor?.Code.StartsWith(codePrefix, StringComparison.Ordinal) == true, $"{reason}: {Dump(d)}");
    }

    [Theory]
    [InlineData("Regime forces shelled Duma again. A child was treated in Duma on Monday.", 0, EntityType.GPE, "SYR", "the mention without context joins the place that 'in Duma' made and geo resolved")]
    [InlineData("Regime forces shelled Duma again. A child was treated in Duma on Monday.", 1, EntityType.GPE, "SYR", "'in' before the name makes the model's ORG a place")]
    [InlineData("Regime forces shelled Duma again. A child was treated in the Duma on Monday.", 1, EntityType.ORG, "RUS", "'in the Duma' is no place context: the institution stays")]
    public void Place_context_retypes_an_external_actor_name(string text, int nth, EntityType type, string codePrefix, string reason)
    {
        int first = text.IndexOf("Duma", StringComparison.Ordinal), second = text.IndexOf("Duma", first + 1, StringComparison.Ordinal);
        var d = Run(text, "2018-02-20",
            beforeActors: doc => { doc.Mentions.Add(Ner(text, "Duma", EntityType.ORG, 0)); doc.Mentions.Add(Ner(text, "Duma", EntityType.ORG, 1)); },
            beforeLink: doc =>
            {
                // what geo does: it resolves only the mentions typed as places
                foreach (var m in doc.Mentions.Where(m => m.Text == "Duma" && m.Type == EntityType.GPE))
                    doc.Places.Add(new PlaceResolution { Span = m.Span, Text = "Duma", GeonameId = "170592", Lat = 33.57, Lon = 36.4, Country = "SY" });
            });
        int s = nth == 0 ? first : second;
        var e = d.Entities.Find(x => x.MentionIndexes.Exists(i => d.Mentions[i].Span.Start == s));
        Assert.True(e is not null && e.Type == type && e.Actor?.Code.StartsWith(codePrefix, StringComparison.Ordinal) == true, $"{reason}: {Dump(d)}");
    }

    [Fact]
    public void A_possessive_without_apostrophe_joins_the_place_under_its_bare_name()
    {
        var text = "Shelling hit Aleppos eastern districts. Rebels in Aleppo said it continued.";
        var d = Run(text, "2019-02-10", beforeActors: doc => { doc.Mentions.Add(Ner(text, "Aleppos", EntityType.GPE)); doc.Mentions.Add(Ner(text, "Aleppo", EntityType.GPE, 1)); });
        var e = d.Entities.Where(x => x.MentionIndexes.Exists(i => d.Mentions[i].Text.StartsWith("Aleppo", StringComparison.Ordinal))).ToList();
        Assert.True(e.Count == 1 && e[0].Name == "Aleppo", "one place named by the bare name: " + Dump(d));
    }

    [Theory]
    [InlineData("yarmuk", "yamuk", true, "one letter dropped inside the name")]
    [InlineData("qalamun", "qalamu", true, "one letter dropped at the end")]
    [InlineData("idlib", "idleb", false, "a changed letter is another spelling rule, not a dropped one")]
    [InlineData("homs", "hom", false, "too short to call a misspelling")]
    [InlineData("yarmuk", "armuk", false, "the first letter must agree")]
    [InlineData("tall rifat", "tal rifat", false, "multi-word names are left alone")]
    public void One_letter_dropped(string a, string b, bool same, string reason) =>
        Assert.True(LinkingComponent.OneLetterDropped(a, b) == same && LinkingComponent.OneLetterDropped(b, a) == same, reason);

    [Fact]
    public void A_misspelt_place_joins_the_place_and_keeps_the_focus_country_resolution()
    {
        var text = "Cells outside the Yamouk basin were hit. Fighting spread to the Yarmouk basin area near Daraa.";
        int a = text.IndexOf("Yarmouk", StringComparison.Ordinal), b = text.IndexOf("Yamouk", StringComparison.Ordinal), c = text.IndexOf("Daraa", StringComparison.Ordinal);
        var d = Run(text, "2019-02-10",
            beforeActors: doc => { doc.Mentions.Add(Ner(text, "Yarmouk", EntityType.GPE)); doc.Mentions.Add(Ner(text, "Yamouk", EntityType.GPE)); doc.Mentions.Add(Ner(text, "Daraa", EntityType.GPE)); },
            beforeLink: doc =>
            {
                doc.Places.Add(new PlaceResolution { Span = new TextSpan(a, a + 7), Text = "Yarmouk", GeonameId = "x1", Country = "SY" });
                doc.Places.Add(new PlaceResolution { Span = new TextSpan(c, c + 5), Text = "Daraa", GeonameId = "x3", Country = "SY" });
                doc.Places.Add(new PlaceResolution { Span = new TextSpan(b, b + 6), Text = "Yamouk", GeonameId = "x2", Country = "TR" });
            });
        var e = d.Entities.Where(x => x.MentionIndexes.Exists(i => d.Mentions[i].Text is "Yarmouk" or "Yamouk")).ToList();
        Assert.True(e.Count == 1 && e[0].MentionIndexes.Count == 2, "one place entity: " + Dump(d));
        Assert.True(e[0].PlaceIndex is { } p && d.Places[p].Country == "SY", "the resolution in the focus country: " + Dump(d));
    }
}
