using Dragoman.Documents;
using Dragoman.Events;
using Dragoman.Events.Roles;
using Dragoman.Text;
using Dragoman.Text.Syntax;

namespace Dragoman.Tests.Events;

/// <summary>
/// Issue 12 on roles: the victims of a passive or a casualty clause are never the actor, and counted victims that
/// say nothing of who they are take the party a coder codes, ACLED's civilians or protesters (data/events/target-categories.tsv).
/// </summary>
public class VictimsAndCategoriesTests
{
    private static IEnumerable<string> Candidates(string text, string trigger, RoleKind role) =>
        RoleRankerTests.Decisions(text).Find(x => text[x.Event.Trigger.Start..x.Event.Trigger.End] == trigger && x.Decision.Role == role).Decision?
            .Candidates.Where(x => !x.IsNone).Select(x => x.Argument!.Text)
        ?? throw new InvalidOperationException($"no {role} decision for '{trigger}' in: {text}");

    // text, trigger, a phrase that must not be an actor candidate, reason
    [Theory]
    [InlineData("A journalist and two soldiers were killed in an explosion in Alpha on Wednesday.", "killed", "A journalist",
        "the first conjunct of a passive's subject is a victim")]
    [InlineData("In the north, 22 people, reportedly including children, were killed late Sunday at Alpha.", "killed", "children",
        "the 'including' list between the subject and the passive verb names victims too")]
    [InlineData("At least 37 people were arrested overnight on Monday, including students, domestic media reported.", "arrested", "students",
        "the 'including' list after a passive verb of coercion names victims")]
    [InlineData("Six civilians and four soldiers died on Monday when gunmen attacked the village of Alpha.", "attacked", "four soldiers",
        "the subject of a verb of dying is a victim, not the actor of the attack it died in")]
    public void The_victims_of_a_passive_or_casualty_clause_are_never_actor_candidates(string text, string trigger, string victim, string why)
    {
        var texts = Candidates(text, trigger, RoleKind.Actor).ToList();
        Assert.True(!texts.Contains(victim), $"{why}: '{victim}' is among {string.Join(" | ", texts)}");
    }

    [Fact]
    public void The_subject_of_the_event_s_own_active_verb_stays_an_actor_candidate_though_a_relative_clause_makes_it_a_victim()
    {
        // "who were arrested" makes the rebels the victims of the arrest, but they are who attacked
        var texts = Candidates("Rebels who were arrested last year attacked the town of Alpha on Monday.", "attacked", RoleKind.Actor).ToList();
        Assert.True(texts.Contains("Rebels"), $"'Rebels' is not among {string.Join(" | ", texts)}");
    }

    private static SentenceView View(string text)
    {
        var tokens = Tokenizer.Tokenize(text);
        return new SentenceView(text, tokens, new Sentence(0, text.Length, 0, tokens.Length), new Tagger(null).TagSentence(text, tokens, 0, tokens.Length));
    }

    // the target phrase (the whole text), the event's CAMEO code, whether a protest is coded next to it, the category, reason
    [Theory]
    [InlineData("five people", "1823", false, "civilians", "a count of people that says nothing of who they are, the victims of force: ACLED's civilians")]
    [InlineData("at least 70", "1823", false, "civilians", "a bare count of victims of force")]
    [InlineData("a person", "180", false, "civilians", "one person is civilians too: ACLED's actor name is plural whatever the count")]
    [InlineData("two children", "1823", false, "civilians", "children are civilians (their words stay the text beside the category)")]
    [InlineData("a woman", "190", false, "civilians", "one woman killed is in the civilians category, as ACLED names it")]
    [InlineData("four residents", "1823", false, "civilians", "residents are a civilian kind (CAMEO's CVL agents): the category beside their words")]
    [InlineData("two passengers", "190", false, "civilians", "passengers are civilians as well")]
    [InlineData("dozens of villagers", "1823", false, "civilians", "a vague count of villagers")]
    [InlineData("40 students", "173", true, "protesters", "a civilian kind arrested next to a protest is force against protesters")]
    [InlineData("30 children", "175", true, "civilians", "children next to a protest are civilians: nothing says they protested")]
    [InlineData("two civilians", "1823", false, "", "a noun that already names the category is the answer as written")]
    [InlineData("a soldier", "190", false, "", "one soldier is a party of his own")]
    [InlineData("five soldiers", "1823", false, "", "soldiers are a party of their own, not civilians")]
    [InlineData("12 armed people", "1823", false, "", "a modifier that says who they are keeps the phrase")]
    [InlineData("12 houses", "180", false, "", "a count of things is no party of people")]
    [InlineData("20 people", "173", false, "", "an arrest away from a protest takes no category (ACLED codes arrests by who is held)")]
    [InlineData("20 people", "173", true, "protesters", "arrests next to a protest are force against protesters")]
    [InlineData("three people", "1823", true, "protesters", "force used on people next to a protest is force against protesters")]
    [InlineData("five people", "042", false, "", "only acts of force (or coercion at a protest) have victims to categorise")]
    public void Counted_victims_that_say_nothing_of_who_they_are_take_acled_s_category(string phrase, string code, bool protestNear, string expected, string why)
    {
        var v = View(phrase);
        var got = TargetCategories.Of(v, new Chunk(0, v.Count), code, protestNear) ?? "";
        Assert.True(expected == got, $"{why}: got '{got}'");
    }

    // text, trigger, the target's text (the victims' words), its category from the convention, reason
    [Theory]
    [InlineData("Gunmen killed five people in the village of Alpha on Monday.", "killed", "five people", "civilians",
        "counted people who are no one in particular: the words stay the text, ACLED's category is the name from the convention")]
    [InlineData("Rebels shot dead two women near the town of Alpha on Friday.", "shot", "two women", "civilians",
        "women killed by an armed party are civilians by the same convention")]
    public void The_category_is_a_name_from_the_convention_and_the_victims_words_stay_the_text(string text, string trigger, string words, string category, string why)
    {
        var d = EventTestDocs.Run(text);
        var e = d.Events.First(x => EventTestDocs.TriggerText(d, x) == trigger);
        Assert.True(e.Target?.Text == words, $"{why}: target '{e.Target?.Text}'");
        Assert.Equal(words, d.Slice(e.Target!.Span));
        Assert.True(e.Target.Name is { From: ArgumentName.Convention } n && n.Text == category, $"{why}: name {e.Target.Name}");
        Assert.Equal(e.Target.Span, e.Target.Name!.Defined);
        Assert.Equal(category, e.Target.PartyText);
    }

    // text, casualty trigger, the target's text, reason
    [Theory]
    [InlineData("Three gunmen were killed during clashes between the army and the Delta militia in Alpha on Monday.", "killed", "the Delta militia",
        "casualties of a clash between two named sides: the clash is coded from one side to the other, the second side is the target")]
    [InlineData("Four fighters died in fighting between rival factions and government troops near Alpha.", "died", "government troops",
        "a verb of dying with an event noun of force and its 'between' sides")]
    [InlineData("Gunmen killed five people in Alpha on Monday during a raid on the market.", "killed", "five people",
        "no 'between' sides: the counted victims stay the target")]
    [InlineData("Five people were killed in Alpha on Monday, and clashes between the army and rebels went on.", "killed", "Five people",
        "the clash is another clause: the casualties keep their own target")]
    public void Casualties_of_a_clash_between_two_sides_have_the_other_side_as_target(string text, string trigger, string target, string why)
    {
        var d = EventTestDocs.Run(text);
        var e = d.Events.FirstOrDefault(x => EventTestDocs.TriggerText(d, x) == trigger);
        Assert.True(e is not null, $"{why}: no '{trigger}' event among {string.Join(", ", d.Events.Select(x => EventTestDocs.TriggerText(d, x)))}");
        Assert.True(e!.Target?.Text == target, $"{why}: target '{e.Target?.Text}'");
    }

    [Fact]
    public void A_named_party_takes_no_category()
    {
        var d = EventTestDocs.Run("Gunmen killed five soldiers in the village of Alpha on Monday.");
        var e = d.Events.First(x => EventTestDocs.TriggerText(d, x) == "killed");
        Assert.True(e.Target?.Name is null, $"soldiers are who they are: name {e.Target?.Name}");
    }

    // CAMEO code, whether the chosen target names a party, whether the protest is taken to be against the government, reason
    [Theory]
    [InlineData("141", false, true, "a demonstration whose sentence names no party it is against is against the government")]
    [InlineData("14", false, true, "the root code alone is a protest too")]
    [InlineData("141", true, false, "a party the text names ('protested against the police') stays the target")]
    [InlineData("173", false, false, "an arrest is no protest: its target stays as chosen")]
    [InlineData("1823", false, false, "force is no protest")]
    public void A_protest_that_names_no_party_is_against_the_government(string code, bool namesParty, bool expected, string why) =>
        Assert.True(expected == TargetCategories.AddressesGovernment(code, namesParty), why);

    // text, protest trigger, the target's text, the words its evidence span covers, reason
    [Theory]
    [InlineData("On Saturday, residents held a protest over rising bread prices in Alpha.", "protest", "government", "protest",
        "an issue and a place are no party: the protest's own trigger is the evidence of its unnamed addressee")]
    [InlineData("Hundreds of students held a large rally in the eastern town of Alpha on Monday.", "rally", "government", "rally",
        "a rally held in a city is not against the city")]
    [InlineData("After anti-government protests in Alpha on Tuesday, riot police shot dead four men.", "protests", "government", "government",
        "an 'anti-' modifier names whom the protest is against, over the clause's other parties")]
    [InlineData("Thousands joined an anti-Beta rally in Alpha on Sunday.", "rally", "Beta", "Beta",
        "an 'anti-' modifier with a name gives that name")]
    public void A_protest_whose_sentence_names_no_party_has_the_government_as_its_target(string text, string trigger, string target, string evidence, string why)
    {
        var d = EventTestDocs.Run(text);
        var e = d.Events.FirstOrDefault(x => EventTestDocs.TriggerText(d, x) == trigger);
        Assert.True(e is not null, $"{why}: no '{trigger}' event among {string.Join(", ", d.Events.Select(x => EventTestDocs.TriggerText(d, x)))}");
        Assert.True(e!.Target?.Text == target, $"{why}: target '{e.Target?.Text}'");
        Assert.Equal(evidence, d.Slice(e.Target!.Span));
        // the unnamed addressee is the convention's; a party the text names ("anti-Beta") is none
        Assert.True((e.Target.Name?.From == ArgumentName.Convention) == (evidence == trigger), $"{why}: name {e.Target.Name}");
    }

    [Fact]
    public void A_protest_against_a_named_party_keeps_that_party()
    {
        var d = EventTestDocs.Run("Hundreds of students protested against the police in Alpha on Monday.");
        var e = d.Events.First(x => EventTestDocs.TriggerText(d, x) == "protested");
        Assert.True(e.Target?.Text.Contains("police") == true, $"the text names the party the protest is against: target '{e.Target?.Text}'");
    }

    [Fact]
    public void A_noun_list_with_a_line_that_is_not_one_word_is_an_error_naming_the_line()
    {
        var path = Path.Combine(Path.GetTempPath(), $"categories-{Guid.NewGuid():N}.tsv");
        try
        {
            File.WriteAllText(path, "# header\npeople\nfive persons\n");
            var e = Assert.Throws<InvalidDataException>(() => RoleWordFile.Read(path, "target categories"));
            Assert.Contains(":3:", e.Message);
        }
        finally { File.Delete(path); }
    }
}
