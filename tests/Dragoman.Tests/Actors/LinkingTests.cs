using Dragoman.Actors;
using Dragoman.Documents;
using static Dragoman.Tests.Actors.ActorTestKit;

namespace Dragoman.Tests.Actors;

public class LinkingTests
{
    [Theory]
    [InlineData("Security forces arrested Ahmed al-Hamwi, known as Abu Khaled al-Shami, in the city.", "Ahmed al-Hamwi", "Abu Khaled al-Shami", "kunya introduced with 'known as'")]
    [InlineData("The released men included Omar Haddad, also known as Abu Hafs, a local commander.", "Omar Haddad", "Abu Hafs", "kunya introduced with 'also known as'")]
    [InlineData("Abu Hassan al-Homsi, whose real name is Khaled Saleh, was killed.", "Abu Hassan al-Homsi", "Khaled Saleh", "real name given after the kunya")]
    [InlineData("Residents said the Central Reconciliation Committee (CRC) had met twice.", "Central Reconciliation Committee", "CRC", "acronym introduced in brackets after an unknown organisation")]
    [InlineData("Fighting involved the Syrian Democratic Forces (SDF) near the river.", "Syrian Democratic Forces", "SDF", "acronym in brackets, both in the dictionary")]
    [InlineData("Clashes with Hayat Tahrir al-Sham, formerly known as the Nusra Front, continued.", "Hayat Tahrir al-Sham", "Nusra Front", "a group renamed: two dictionary entries joined by 'formerly known as'")]
    [InlineData("The Free Tribes Brigade, previously known as the Tribes Battalion, withdrew on Monday.", "Free Tribes Brigade", "Tribes Battalion", "a renamed group no dictionary knows")]
    [InlineData("A branch released members of the Islamic State (ISIS), or what was known previously as the Khalid bin al-Waleed Army, last week.", "Islamic State", "Khalid bin al-Waleed Army", "an affiliate named as a former name joins the group")]
    public void Aliases_introduced_by_the_text_join_one_entity(string text, string name, string alias, string reason)
    {
        var d = Run(text, "2019-02-10");
        var e = Named(d, name);
        Assert.True(e is not null && e.Name == name && e.Aliases.Contains(alias), $"{reason}: {Dump(d)}");
        Assert.True(d.Entities.Count(x => x.Name == alias || x.Aliases.Contains(alias)) == 1, $"{reason}: the alias is not a second entity: {Dump(d)}");
    }

    // text, the entity's name, a short form that must be one of its mentions, reason
    [Theory]
    [InlineData("The Syrian Observatory for Human Rights said 12 were killed. The Observatory said the toll could rise.", "Syrian Observatory for Human Rights", "Observatory",
        "a one-word organisation name that is a word of exactly one organisation named before")]
    [InlineData("President Bashar al-Assad spoke on Monday. Bashar al-Assads forces shelled the town.", "Bashar al-Assad", "Bashar al-Assads",
        "a name plus the 's' of a possessive that lost its apostrophe is the same person")]
    [InlineData("Bashar al-Assads forces shelled the town on Monday.", "Bashar al-Assad", "Bashar al-Assads",
        "with no other mention, the dictionary still knows the name without the 's'")]
    public void Short_forms_of_names_join_their_entity(string text, string name, string shortForm, string reason)
    {
        // the short form as the NER model gives it (an ORG or PERSON mention of its own)
        int start = text.LastIndexOf(shortForm, StringComparison.Ordinal);
        var d = Run(text, "2019-02-10", beforeActors: doc =>
        {
            if (!doc.Mentions.Exists(m => m.Span.Start == start))
                doc.Mentions.Add(new Mention { Span = new TextSpan(start, start + shortForm.Length), Type = shortForm.StartsWith("Bashar", StringComparison.Ordinal) ? EntityType.PERSON : EntityType.ORG, Text = shortForm, Source = "ner", Confidence = 0.9 });
        });
        var e = d.Entities.Find(x => x.Name == name);
        Assert.True(e is not null && e.MentionIndexes.Any(i => d.Mentions[i].Text == shortForm), $"{reason}: {Dump(d)}");
    }

    [Theory]
    [InlineData("The Free Syrian Army and the Syrian Arab Army clashed. The Army said it repelled the attack.", "Army", "a short form shared by two organisations named before stays apart")]
    public void Ambiguous_short_forms_stay_apart(string text, string shortForm, string reason)
    {
        int start = text.LastIndexOf(shortForm, StringComparison.Ordinal);
        var d = Run(text, "2019-02-10", beforeActors: doc =>
            doc.Mentions.Add(new Mention { Span = new TextSpan(start, start + shortForm.Length), Type = EntityType.ORG, Text = shortForm, Source = "ner", Confidence = 0.9 }));
        var holder = d.Entities.Find(x => x.MentionIndexes.Any(i => d.Mentions[i].Text == shortForm));
        Assert.True(holder is null || holder.MentionIndexes.All(i => d.Mentions[i].Text == shortForm), $"{reason}: {Dump(d)}");
    }

    [Theory]
    [InlineData("Syria said on Monday it would not negotiate. The president told parliament the war was over.", "2010-05-01", "Bashar al-Assad", "Syria, 2010: CountryInfo's open term")]
    [InlineData("Syria said on Monday it would not negotiate. The president told parliament the war was over.", "2025-06-01", "Ahmed al-Sharaa", "Syria, 2025: the curated successor")]
    [InlineData("The United States announced sanctions. The president said more would follow.", "2010-05-01", "Barack Obama", "US, 2010")]
    [InlineData("The United States announced sanctions. The president said more would follow.", "2024-05-01", "Joe Biden", "US, 2024: the curated term, not CountryInfo's stale open term")]
    [InlineData("The United States announced sanctions. The Syrian president rejected them.", "2010-05-01", "Bashar al-Assad", "a demonym before the title names the country")]
    public void The_president_resolves_by_country_and_date(string text, string date, string leader, string reason)
    {
        var d = Run(text, date);
        var e = d.Entities.Find(x => x.Name == leader);
        Assert.True(e is not null && e.Type == EntityType.PERSON, $"{reason}: {Dump(d)}");
        Assert.True(e!.MentionIndexes.Any(i => d.Mentions[i].Text.EndsWith("president", StringComparison.OrdinalIgnoreCase)), $"{reason}: the description is a mention of the leader");
    }

    [Theory]
    [InlineData("Fighting was reported along the Syrian-Jordanian border on Monday.", "Syrian-Jordanian", "SYR JOR", "two demonyms joined by a hyphen name a relation between two countries")]
    [InlineData("The Turkish-Syrian talks ended without agreement.", "Turkish-Syrian", "TUR SYR", "the order of the text is kept")]
    public void Joined_demonyms_give_each_country(string text, string name, string countries, string reason)
    {
        // the NER model tags such adjectives NORP (MISC); the mention is given here as it would give it
        int start = text.IndexOf(name, StringComparison.Ordinal);
        var d = Run(text, "2019-02-10", beforeActors: doc => doc.Mentions.Add(new Mention
        {
            Span = new TextSpan(start, start + name.Length), Type = EntityType.NORP, Text = name, Source = "ner", Confidence = 0.9,
        }));
        var e = d.Entities.Find(x => x.Name == name);
        Assert.True(e is not null, $"{reason}: no entity {name}: {Dump(d)}");
        Assert.True(countries == string.Join(' ', e!.Attributes.Where(a => a.Kind == "country").Select(a => a.Value)), $"{reason}: {string.Join(", ", e.Attributes)}");
    }

    [Fact]
    public void The_president_stays_unresolved_without_a_date()
    {
        var d = Run("Syria said on Monday it would not negotiate. The president told parliament the war was over.");
        Assert.True(d.Entities.TrueForAll(e => e.Type != EntityType.PERSON), "no reference date: no guess: " + Dump(d));
    }

    [Theory]
    [InlineData("Ahmed el-Hamwi was detained in March. Relatives said al-Hamwi was later freed.", "Ahmed el-Hamwi", "al-Hamwi", "el-/al- variants of the same surname")]
    [InlineData("Maher Kanhoush was released. Kanhoush had led a cell.", "Maher Kanhoush", "Kanhoush", "surname alone refers to the person named in full")]
    [InlineData("Khaled Abdel Karim was detained in March. Relatives said Abdel Karim was later freed.", "Khaled Abdel Karim", "Abdel Karim", "a two-word surname alone refers to the person named in full")]
    [InlineData("Fighters of Jabhat an-Nusra attacked. Jabhat al-Nusra later withdrew.", "Jabhat al-Nusra", "Jabhat an-Nusra", "sun-letter article an- folds to al-")]
    [InlineData("Hay'at Tahrir ash-Sham said it had captured the hill.", "Hayat Tahrir al-Sham", "Hay'at Tahrir ash-Sham", "apostrophe and ash- variants reach the dictionary entry")]
    public void Arabic_name_variants_link(string text, string name, string variant, string reason)
    {
        var d = Run(text, "2019-02-10");
        var e = Named(d, name);
        Assert.True(e is not null && (e.Aliases.Contains(variant) || e.MentionIndexes.Any(i => d.Mentions[i].Text == variant)), $"{reason}: {Dump(d)}");
        Assert.True(d.Entities.Count(x => x.Type == e!.Type) == 1, $"{reason}: one entity: {Dump(d)}");
    }

    [Fact]
    public void A_person_whose_name_is_also_a_place()
    {
        var text = "Ahmed Hama was arrested in Hama on Sunday.";
        int place = text.LastIndexOf("Hama", StringComparison.Ordinal);
        var d = Run(text, "2019-02-10", beforeLink: doc => doc.Places.Add(new PlaceResolution
        {
            Span = new TextSpan(place, place + 4), Text = "Hama", GeonameId = "170017", Lat = 35.13, Lon = 36.75, Country = "SY",
        }));
        var person = d.Entities.Find(e => e.Type == EntityType.PERSON);
        var city = d.Entities.Find(e => e.Type == EntityType.GPE);
        Assert.True(person?.Name == "Ahmed Hama" && person.MentionIndexes.Count == 1, "the person keeps only his own mention: " + Dump(d));
        Assert.True(city?.Name == "Hama" && city.PlaceIndex == 0, "the place is its own entity with the geo resolution: " + Dump(d));
        Assert.True(person!.PlaceIndex is null, "a person never takes a place resolution");
    }

    [Theory]
    [InlineData("The Russians have imposed their presence in the south.", "Russia", "RUS", "a plural demonym names the country as actor")]
    [InlineData("Iran tries to expand its presence there.", "Iran", "IRN", "a country name")]
    [InlineData("The Lebanese militia Hezbollah is looking to clear the area.", "Hezbollah", "LBNREBMUSSHI", "supplement code for Hezbollah")]
    [InlineData("A branch of the Air Force Intelligence released them.", "Air Force Intelligence", "SYRMILSPY", "Syrian intelligence branch")]
    [InlineData("He joined the Fifth Corps last year.", "Fifth Corps", "SYRMIL", "Russian-backed corps of the Syrian army")]
    [InlineData("The White Helmets pulled survivors from the rubble.", "White Helmets", "SYRNGO", "civil defence")]
    public void Actor_codes(string text, string name, string code, string reason)
    {
        var d = Run(text, "2019-02-10");
        var e = Named(d, name);
        Assert.True(e?.Actor?.Code == code, $"{reason}: {Dump(d)}");
    }

    [Fact]
    public void Adjectival_demonyms_name_no_entity()
    {
        var d = Run("Russian jets struck a Syrian-Jordanian crossing.", "2019-02-10");
        Assert.True(d.Entities.TrueForAll(e => e.Name is not ("Russia" or "Syria" or "Jordan")), Dump(d));
    }

    [Theory]
    [InlineData("Clashes broke out with the Islamic State near the river. Officials said the group had withdrawn.", "the group", "Islamic State", "'the group' to the nearest non-state armed group")]
    [InlineData("The Islamic State released a video. Iran and Hezbollah condemned it. The Islamic State said the group would go on.", "the group", "Islamic State", "'the group' prefers the more salient group")]
    [InlineData("Syria rejected the plan, and the Assad regime arrested activists. Activists said the regime had tortured them.", "the regime", "Syrian government", "'the regime' in a Syrian article is the Syrian government")]
    public void Definite_descriptions_link_to_the_right_entity(string text, string description, string name, string reason)
    {
        var d = Run(text, "2019-02-10");
        int at = text.LastIndexOf(description, StringComparison.Ordinal);
        var m = d.Mentions.Find(x => x.Span.Start == at);
        Assert.True(m?.EntityId is { } id && d.EntityById(id)?.Name == name, $"{reason}: {Dump(d)}");
    }

    [Fact]
    public void Roles_and_origins_are_attributes_with_evidence()
    {
        var text = "Sources said those released included Maher Kanhoush from the town of Jabab, who was a prominent commander in ISIS and had held an important position in the so-called \"Hisbah diwan.\"";
        var d = Run(text, "2019-02-10");
        var p = Named(d, "Maher Kanhoush");
        Assert.NotNull(p);
        var role = p!.Attributes.Find(a => a.Kind == "role");
        Assert.True(role is not null && text[role.Evidence.Start..role.Evidence.End] == role.Value && role.Value.Contains("commander in ISIS"), "role with its evidence span");
        Assert.True(p.Attributes.Exists(a => a.Kind == "origin" && a.Value == "Jabab"), "origin from 'from the town of'");
        Assert.True(p.Attributes.Exists(a => a.Kind == "position" && a.Value == "Hisbah diwan"), "held position");
        Assert.True(p.Attributes.Exists(a => a.Kind == "affiliation" && a.Value == "Islamic State") && p.Actor?.Code == "IMGMUSISI", "affiliation gives the group's code");
    }

    [Fact]
    public void Entity_ids_follow_first_mention_and_every_mention_points_back()
    {
        var d = Run("Iran and Hezbollah backed the Fifth Corps. Hezbollah denied it.", "2019-02-10");
        Assert.True(d.Entities.Select(e => e.Id).SequenceEqual(d.Entities.Select((_, i) => $"e{i + 1}")), "ids e1, e2, ...");
        Assert.True(d.Entities[0].Name == "Iran", "first mention first");
        foreach (var e in d.Entities)
            foreach (var i in e.MentionIndexes)
                Assert.True(d.Mentions[i].EntityId == e.Id, $"mention {i} points to {e.Id}");
    }
}

public class ActorMentionPrecedenceTests
{
    private static Mention Ner(string text, string span, EntityType type)
    {
        int s = text.IndexOf(span, StringComparison.Ordinal);
        return new Mention { Span = new TextSpan(s, s + span.Length), Type = type, Text = span, Source = "ner" };
    }

    [Theory]
    [InlineData("Members of the Khalid bin al-Waleed Army surrendered.", "Khalid", EntityType.PERSON, "Khalid bin al-Waleed Army", EntityType.ORG, "a model mention inside a longer dictionary name is extended")]
    [InlineData("Hezbollah fighters arrived.", "Hezbollah", EntityType.PERSON, "Hezbollah", EntityType.ORG, "same span: the dictionary's type wins")]
    [InlineData("The Assad regime's Air Force Intelligence Branch 5 acted.", "Air Force Intelligence Branch 5", EntityType.ORG, "Air Force Intelligence Branch 5", EntityType.ORG, "a dictionary name inside a model mention yields to it")]
    [InlineData("Ali Mamlouk met Rami Makhlouf.", "Ali Mamlouk", EntityType.PERSON, "Ali Mamlouk", EntityType.PERSON, "model mentions are kept where the dictionary has nothing")]
    public void Dictionary_and_model_mentions(string text, string ner, EntityType nerType, string expected, EntityType type, string reason)
    {
        var d = Run(text, "2019-02-10", beforeActors: doc => doc.Mentions.Add(Ner(text, ner, nerType)));
        Assert.True(d.Mentions.Exists(m => m.Text == expected && m.Type == type), $"{reason}: {string.Join(", ", d.Mentions.Select(m => $"{m.Text}/{m.Type}/{m.Source}"))}");
        Assert.False(d.Mentions.Exists(m => m.Span.Overlaps(new TextSpan(text.IndexOf(expected, StringComparison.Ordinal), text.IndexOf(expected, StringComparison.Ordinal) + expected.Length)) && m.Text != expected),
            $"{reason}: no overlapping leftover mention");
    }

    [Theory]
    [InlineData("US forces left, and the UN said so.", "US", "short acronyms match only in capitals")]
    [InlineData("Tell us more about it.", null, "'us' in lower case is not the United States")]
    [InlineData("It is what IS fighters wanted.", "IS", "IS in capitals is the Islamic State")]
    public void Capitalisation_rules(string text, string? expected, string reason)
    {
        var d = Run(text, "2019-02-10");
        if (expected is null) Assert.True(d.Mentions.Count == 0, $"{reason}: {string.Join(",", d.Mentions.Select(m => m.Text))}");
        else Assert.True(d.Mentions.Exists(m => m.Text == expected), reason);
    }
}

public class CandidateRuleTests
{
    [Theory]
    [InlineData("Some cases appear to show signs of exposure.", "Finland", "a capitalised common word that folds onto a country variant ('Soome') is not the country")]
    [InlineData("Hassan left the meeting early.", "Hassan", "a lone given name is not the dictionary's person of that name")]
    [InlineData("Assad Regime Releases Islamic State Prisoners", "Assad Regime Releases Islamic State Prisoners", "a title-case headline yields no capitalised-run candidate")]
    public void Does_not_invent_entities(string text, string absent, string reason)
    {
        var d = Run(text, "2019-02-10");
        Assert.True(d.Entities.TrueForAll(e => e.Name != absent && !e.Aliases.Contains(absent)), $"{reason}: {Dump(d)}");
    }

    [Theory]
    [InlineData("Peter Salama Executive Director of the agency spoke.", "Peter Salama", EntityType.PERSON, "a title after the name is cut off")]
    [InlineData("Youssef Diab said the talks failed.", "Youssef Diab", EntityType.PERSON, "a short sentence starting with a name is not a headline")]
    [InlineData("The report was published by Enab Baladi News on Monday.", "Enab Baladi News", EntityType.ORG, "an outlet by its media head word")]
    [InlineData("He was born in the village of Kafr Nabl, relatives said.", "Kafr Nabl", EntityType.GPE, "a place after 'the village of'")]
    public void Capitalised_candidates(string text, string name, EntityType type, string reason)
    {
        var d = Run(text, "2019-02-10");
        Assert.True(d.Entities.Exists(e => e.Name == name && e.Type == type), $"{reason}: {Dump(d)}");
    }
}

public class CompositeActorTests
{
    [Theory]
    [InlineData("Russian forces shelled the town.", "Russian forces", "RUSMIL", "demonym + armed-forces noun")]
    [InlineData("Turkish troops crossed the border.", "Turkish troops", "TURMIL", "demonym + PETRARCH agent TROOPS")]
    [InlineData("Syrian rebels said they held the hill.", "Syrian rebels", "SYRREB", "demonym + REB agent")]
    [InlineData("Syrian civilians fled the shelling.", "Syrian civilians", "SYRCVL", "demonym + civilians, a group of people")]
    [InlineData("The Aleppo Police Command said two men were held.", "Aleppo Police Command", "COP", "unknown organisation coded by the agent word inside its name")]
    public void Demonym_and_agent_compose_a_code(string text, string name, string code, string reason)
    {
        var d = Run(text, "2019-02-10");
        Assert.True(d.Entities.Exists(e => e.Name == name && e.Actor?.Code == code), $"{reason}: {Dump(d)}");
    }

    [Theory]
    [InlineData("Shells fell on the Syrian capital overnight.", "a capital is a place, not PETRARCH's metonymic GOV actor")]
    [InlineData("Shelling hit the Turkish border.", "a border is no actor")]
    public void Place_nouns_make_no_composite_actor(string text, string reason)
    {
        var d = Run(text, "2019-02-10");
        Assert.True(d.Entities.Count == 0, $"{reason}: {Dump(d)}");
    }

    [Fact]
    public void An_apposition_before_a_name_is_not_a_second_actor()
    {
        var d = Run("The Lebanese militia Hezbollah is looking to clear the area.", "2019-02-10");
        Assert.True(d.Entities.Count == 1 && d.Entities[0].Name == "Hezbollah", Dump(d));
    }
}

public class DescriptionGuardTests
{
    [Theory]
    [InlineData("Fighters of the Islamic State withdrew. Meanwhile, the Lebanese militia Hezbollah moved in.", "the Lebanese militia", "a description followed by the name it qualifies is an apposition, not an anaphor")]
    [InlineData("The Islamic State shelled the town. The regime army responded.", "the regime", "'regime' modifying an agent noun is not the government")]
    public void Descriptions_that_are_not_anaphors(string text, string description, string reason)
    {
        var d = Run(text, "2019-02-10");
        Assert.False(d.Mentions.Exists(m => m.Text.Equals(description, StringComparison.OrdinalIgnoreCase) && m.Source == LinkingComponent.SourceName), $"{reason}: {Dump(d)}");
    }
}

public class ModelMentionLinkingTests
{
    [Fact]
    public void A_longer_model_mention_takes_the_code_of_the_organisation_it_ends_with()
    {
        var text = "The Assad regime's Air Force Intelligence released them.";
        var span = "Assad regime's Air Force Intelligence";
        int s = text.IndexOf(span, StringComparison.Ordinal);
        var d = Run(text, "2019-02-10", beforeActors: doc => doc.Mentions.Add(new Mention { Span = new TextSpan(s, s + span.Length), Type = EntityType.ORG, Text = span, Source = "ner" }));
        var e = d.Entities.Find(x => x.MentionIndexes.Any(i => d.Mentions[i].Text == span));
        Assert.True(e?.Actor?.Code == "SYRMILSPY" && e.Name == "Air Force Intelligence", Dump(d));
    }

    [Fact]
    public void A_person_is_never_merged_into_a_namesake_by_a_surname_inside_the_mention()
    {
        var d = Run("Maher al-Assad commands the Fourth Division.", "2019-02-10");
        Assert.True(d.Entities.Exists(e => e.Name == "Maher al-Assad" && e.Type == EntityType.PERSON), Dump(d));
        Assert.False(d.Entities.Exists(e => e.Name == "Bashar al-Assad"), "his brother is not named: " + Dump(d));
    }
}

public class PlaceOrPersonTests
{
    [Theory]
    [InlineData("Shelling hit Jisr al-Shughour and Bab al-Nasr overnight.", "Jisr al-Shughour", "an Arabic place prefix (Jisr, Bab) makes a place, not a person")]
    [InlineData("Rebels shelled Deir al-Zor on Monday.", "Deir al-Zor", "Deir is a place prefix")]
    public void Arabic_place_names_are_not_persons(string text, string name, string reason)
    {
        var d = Run(text, "2019-02-10");
        Assert.False(d.Entities.Exists(e => e.Name == name && e.Type == EntityType.PERSON), $"{reason}: {Dump(d)}");
    }

    [Fact]
    public void A_resolved_place_wins_over_a_weak_person_guess()
    {
        var text = "Clashes erupted in Tal Tamr al-Gharbi yesterday.";
        var d = Run(text, "2019-02-10", beforeLink: doc =>
        {
            foreach (var m in doc.Mentions.Where(m => m.Text.StartsWith("Tal", StringComparison.Ordinal)))
                doc.Places.Add(new PlaceResolution { Span = m.Span, Text = m.Text, GeonameId = "1", Lat = 36.6, Lon = 40.4, Country = "SY" });
        });
        var e = d.Entities.Find(x => x.Name.StartsWith("Tal", StringComparison.Ordinal));
        Assert.True(e is not null && e.Type == EntityType.GPE && e.PlaceIndex == 0 && e.Actor?.Code == "SYR", "place entity coded by its country: " + Dump(d));
    }
}

public class DatedActorCodeTests
{
    [Theory]
    [InlineData("Ahmed al-Sharaa spoke in Idlib.", "2019-02-10", "SYRREBMUS", "HTS leader before 2025: the rebel code")]
    [InlineData("Ahmed al-Sharaa spoke in Damascus.", "2025-06-01", "SYRGOV", "president of Syria from 29 January 2025: the government code")]
    [InlineData("Bashar al-Assad spoke in Damascus.", "1995-06-01", "SYRELI", "before his presidency: elite")]
    [InlineData("Bashar al-Assad spoke in Damascus.", "2012-06-01", "SYRGOV", "in office")]
    public void Codes_resolve_by_the_article_date(string text, string date, string code, string reason)
    {
        var d = Run(text, date);
        Assert.True(d.Entities.Exists(e => e.Type == EntityType.PERSON && e.Actor?.Code == code), $"{reason}: {Dump(d)}");
    }
}

public class OddInputTests
{
    [Theory]
    [InlineData("", "empty text")]
    [InlineData("(((( ,,, ))) ...", "punctuation only")]
    [InlineData("the the the group the regime the president", "descriptions with no antecedent and no focus country")]
    [InlineData("Abu", "a lone kunya marker")]
    [InlineData("X (Y", "an unclosed bracket")]
    public void Odd_texts_give_no_entities_and_no_errors(string text, string reason)
    {
        var d = Run(text, "2019-02-10");
        Assert.True(d.Entities.Count == 0, $"{reason}: {Dump(d)}");
    }

    [Fact]
    public void A_long_run_on_text_is_processed_with_every_mention_linked_once()
    {
        var words = new[] { "Maher", "Kanhoush", "the", "group", "ISIS", "(", ")", "known", "as", ",", "Syrian", "forces", "who", "was", "a", "commander", "in", "Hezbollah" };
        var rnd = new Random(7);
        var text = string.Join(' ', Enumerable.Range(0, 20000).Select(_ => words[rnd.Next(words.Length)]));
        var d = Run(text, "2019-02-10");
        var linked = d.Entities.SelectMany(e => e.MentionIndexes).ToList();
        Assert.True(linked.Count == linked.Distinct().Count(), "no mention belongs to two entities");
        Assert.True(d.Mentions.Exists(m => m.Text == "ISIS" && m.EntityId is not null), "dictionary names are still found and linked in run-on text");
    }
}
