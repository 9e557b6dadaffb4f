using Dragoman.Documents;
using Dragoman.Geo;
using Dragoman.Tests.Support;
using Dragoman.Text;
using Xunit;

namespace Dragoman.Tests.Geo;

/// <summary>
/// A name the recogniser typed PERSON or ORG is a place when its phrase says so and nothing says it is a person or an
/// organisation (Geo/PlaceEvidence). Invented sentences and names.
/// </summary>
public class PlaceEvidenceTests
{
    private static bool CallsPlace(string text, string name, EntityType type, params (string Name, EntityType Type)[] others)
    {
        var doc = new Document(new Article { Uri = "test:", Text = text }, null);
        new TextComponent().Process(doc);
        foreach (var (n, t) in others)
        {
            int a = 0;
            while ((a = text.IndexOf(n, a, StringComparison.Ordinal)) >= 0)
            {
                doc.Mentions.Add(new Mention { Span = new TextSpan(a, a + n.Length), Type = t, Text = n, Source = "test" });
                a += n.Length;
            }
        }
        int at = text.LastIndexOf(name, StringComparison.Ordinal); // the name in question is its last occurrence
        doc.Mentions.Add(new Mention { Span = new TextSpan(at, at + name.Length), Type = type, Text = name, Source = "test" });
        return PlaceEvidence.CallsPlace(doc, doc.Mentions.Count - 1, w => w is "district" or "province" or "villages");
    }

    [SharedTheory]
    [InlineData("Shells fell near Qasr Dubayn on Monday.", "Qasr Dubayn", EntityType.PERSON, true, "the object of a locative")]
    [InlineData("Shells fell in the village of Qasr Dubayn on Monday.", "Qasr Dubayn", EntityType.PERSON, true, "a settlement noun and \"of\" before it")]
    [InlineData("The convoy was hit 12 km north of Tell Wardan.", "Tell Wardan", EntityType.ORG, true, "a compass word and \"of\" before it")]
    [InlineData("Gunmen came from the direction of Tell Wardan at dawn.", "Tell Wardan", EntityType.ORG, true, "\"the direction of\" says where")]
    [InlineData("A mine went off 10 km from Tell Wardan.", "Tell Wardan", EntityType.PERSON, true, "a distance and \"from\" before it")]
    [InlineData("Troops entered Tell Wardan district at noon.", "Tell Wardan", EntityType.PERSON, true, "a division noun after it")]
    [InlineData("Residents fled the Qasr Dubayn Area after the raid.", "Qasr Dubayn Area", EntityType.ORG, true, "the name ends in a place noun")]
    [InlineData("Strikes hit homes in Marj Fawqani, Qasr Dubayn and Tell Wardan overnight.", "Tell Wardan", EntityType.PERSON, true, "the last member of a list a locative opens")]
    [InlineData("Strikes hit homes in Marj Fawqani, Qasr Dubayn, and Tell Wardan overnight.", "Qasr Dubayn", EntityType.PERSON, true, "a middle member of such a list, after a comma, with \"and\" to come")]
    [InlineData("A drone hit a car between Qasr Dubayn and Tell Wardan villages.", "Qasr Dubayn", EntityType.PERSON, true, "an earlier member of a list a plural settlement noun ends")]
    [InlineData("In Marj Fawqani, Qasr Dubayn, the governor, spoke to reporters.", "Qasr Dubayn", EntityType.PERSON, false, "after a comma with no \"and\" to come: an apposition, not a list")]
    [InlineData("In Marj Fawqani and Qasr Dubayn said the talks had failed.", "Qasr Dubayn", EntityType.PERSON, false, "a list member that is the subject of a verb")]
    [InlineData("The talks in Geneva were led by Qasr Dubayn.", "Qasr Dubayn", EntityType.PERSON, false, "no place phrase around it")]
    [InlineData("Members of the Tell Wardan Brigade fought near Tell Wardan Brigade positions.", "Tell Wardan Brigade", EntityType.ORG, false, "an organisation's word in the name")]
    [InlineData("NATO troops stayed in NATO bases.", "NATO", EntityType.ORG, false, "an acronym is an organisation's")]
    public void Phrase_evidence_against_person_and_organisation_evidence(string text, string name, EntityType type, bool expected, string reason)
    {
        Assert.True(expected == CallsPlace(text, name, type), reason);
    }

    [SharedTheory]
    [InlineData("Shells fell near Ahmed Dubayn on Monday.", "Ahmed Dubayn", false, "a common given name first")]
    [InlineData("Gen. Qasr Dubayn toured the front. Shells later fell near Qasr Dubayn.", "Qasr Dubayn", false, "a title before another mention of the name")]
    [InlineData("Qasr Dubayn said the front held. Shells later fell near Qasr Dubayn.", "Qasr Dubayn", false, "another mention of the name is a verb's subject")]
    [InlineData("Qasr Dubayn, who leads the council, spoke. Shells later fell near Qasr Dubayn.", "Qasr Dubayn", false, "another mention is the subject of \"who\"")]
    [InlineData("Officials in Qasr Dubayn said the front held. Shells later fell near Qasr Dubayn.", "Qasr Dubayn", true, "a verb after the name where it is a locative's object does not make it the subject")]
    public void Person_evidence_anywhere_in_the_article_keeps_the_person(string text, string name, bool expected, string reason)
    {
        var doc = new Document(new Article { Uri = "test:", Text = text }, null);
        new TextComponent().Process(doc);
        int a = 0;
        while ((a = text.IndexOf(name, a, StringComparison.Ordinal)) >= 0)
        {
            doc.Mentions.Add(new Mention { Span = new TextSpan(a, a + name.Length), Type = EntityType.PERSON, Text = name, Source = "test" });
            a += name.Length;
        }
        Assert.True(expected == PlaceEvidence.CallsPlace(doc, doc.Mentions.Count - 1, _ => false), reason);
    }

    [SharedFact]
    public void A_longer_persons_name_that_holds_the_name_keeps_the_person()
    {
        const string text = "Qasr Dubayn met aides. Shells later fell near Dubayn.";
        Assert.False(CallsPlace(text, "Dubayn", EntityType.PERSON, ("Qasr Dubayn", EntityType.PERSON)), "\"Dubayn\" is a word of the person's name \"Qasr Dubayn\"");
        Assert.True(CallsPlace(text, "Dubayn", EntityType.PERSON), "without that longer name the locative decides");
    }
}
