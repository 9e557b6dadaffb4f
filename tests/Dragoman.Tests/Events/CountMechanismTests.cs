using Dragoman.Documents;
using Dragoman.Tests.Support;

namespace Dragoman.Tests.Events;

/// <summary>
/// How a casualty sentence's figures reach its event, with their kinds (articles-gold README: ACLED counts people).
/// Each row is an invented body sentence under a neutral headline; some event of the sentence must carry the figure.
/// </summary>
public class CountMechanismTests
{
    private static Document Run(string sentence) => TestPipeline.ProcessText("Report\n\n" + sentence, new DateOnly(2024, 3, 5));

    private static string Listing(Document d) =>
        string.Join("; ", d.Events.Select(e => $"{d.Slice(e.Trigger)}={e.Codes.Cameo}:{string.Join(",", e.Counts.Select(c => $"{c.Min}/{c.Kind}"))}"));

    [Theory]
    [InlineData("On Monday, a teacher and four farmers were killed in the attack.", 5, "killed",
        "a fronted time phrase closed by a comma is not part of the first conjunct: one teacher and four farmers are five")]
    [InlineData("Later, a nurse and two guards were wounded in the blast.", 3, "injured",
        "conjuncts after a fronted adverb are summed")]
    [InlineData("There were 12 dead and seven wounded in the raid on Odoro, the mayor said.", 12, "killed",
        "an existential figure whose counted noun is 'dead' counts the killed, though the sentence's verb is 'wounded'")]
    [InlineData("There were 12 dead and seven wounded in the raid on Odoro, the mayor said.", 7, "injured",
        "the figure right before 'wounded' counts the injured")]
    [InlineData("An army air strike on a market in the village of Tamar killed more than 40 people and wounded dozens on Sunday.", 41, "killed",
        "an event noun that is the subject of a casualty verb takes the verb's figures: 'more than 40' is 41")]
    [InlineData("An army air strike on a market in the village of Tamar killed more than 40 people and wounded dozens on Sunday.", 12, "injured",
        "the second coordinated verb's figure keeps its own kind: 'dozens' wounded is 12 injured")]
    [InlineData("A gunman killed 14 people injured 30 at a fair in Bolano on Friday.", 14, "killed",
        "comma-less: a participle that takes its own figure ('injured 30') is the next clause's verb, not the outcome of the 14")]
    [InlineData("A car bombing near a bakery in Tamar killed 31 people and 6 policemen on Sunday.", 6, "killed",
        "a figure joined by a bare conjunction to the one before is a second count of the same verb")]
    public void A_sentence_figure_reaches_its_event_with_its_kind(string sentence, int min, string kind, string reason)
    {
        var d = Run(sentence);
        Assert.True(d.Events.Exists(e => e.Counts.Exists(c => c.Min == min && c.Kind == kind)), $"{reason}: {Listing(d)}");
    }

    [Theory]
    [InlineData("There were 12 dead and seven wounded in the raid on Odoro, the mayor said.", 12, "injured",
        "a figure of the dead is not a count of the wounded")]
    [InlineData("An army air strike on a market in the village of Tamar killed more than 40 people and wounded dozens on Sunday.", 41, "injured",
        "the killed figure of the first verb is not counted as injured")]
    [InlineData("A gunman killed 14 people injured 30 at a fair in Bolano on Friday.", 14, "injured",
        "the victims of 'killed' are not counted as injured because the next clause's verb follows them")]
    [InlineData("An army air strike on a school in the village of Tamar killed 31 people among them 9 pupils on Sunday.", 9, "killed",
        "an event noun's casualty verb: a figure stated about the one before ('among them 9') is a part of the 31, not a second killed count")]
    public void A_figure_is_not_given_another_kind(string sentence, int min, string kind, string reason)
    {
        var d = Run(sentence);
        Assert.False(d.Events.Exists(e => e.Counts.Exists(c => c.Min == min && c.Kind == kind)), $"{reason}: {Listing(d)}");
    }
    [Theory]
    [InlineData("Published June 12 2024 At least 9 people were killed in an air strike on Tamar.", 12, 9,
        "a number after a capitalised month name is the day of a dateline, not a count of people")]
    [InlineData("Published March 14 2024 At least six people were killed and 9 others were wounded in shelling on Odoro.", 14, 6,
        "a dateline's day before a coordinated casualty clause is not its subject")]
    [InlineData("2 May 2024 At least 30 people were killed on Monday in a raid near a camp in Tamar a monitor said.", 2, 30,
        "a number before a month name is a day of the month")]
    [InlineData("2 May 2024 Twenty villagers were killed when shells hit a market in Odoro.", 2, 20,
        "a number before a month name is a day of the month (number-word figure)")]
    [InlineData("Posted September 24 2024 Thirty farmers were killed in shelling of Odoro.", 24, 30,
        "a day followed by a year is a date even when the counted noun follows the year")]
    [InlineData("Posted October 3 2024 Twenty-one Odoro rebels were killed in clashes with the army.", 3, 21,
        "a dateline's day before a sentence about fighters")]
    public void A_day_of_the_month_is_not_a_count(string sentence, int day, int figure, string reason)
    {
        var d = EventTestDocs.Run(sentence); // the article opens with its dateline, no title line before it
        Assert.False(d.Events.Exists(e => e.Counts.Exists(c => c.Min == day)), $"{reason}: {Listing(d)}");
        Assert.True(d.Events.Exists(e => e.Counts.Exists(c => c.Kind == "killed" && c.Min == figure)), $"the sentence's own figure is still read: {Listing(d)}");
    }

    [Theory]
    [InlineData("An air strike killed 18 IS militants near Tamar on Monday.", 18, "combatant",
        "an acronym between the figure and its noun names the group; the noun still says who was counted")]
    [InlineData("Shelling killed 7 civilians near Tamar on Monday.", 7, "civilian",
        "guard: a figure right before its noun keeps the noun's kind")]
    public void The_counted_noun_is_found_past_an_acronym(string sentence, int min, string who, string reason)
    {
        var d = Run(sentence);
        Assert.True(d.Events.Exists(e => e.Counts.Exists(c => c.Min == min && c.Who == who)), $"{reason}: {Listing(d)}");
    }

    [Theory]
    [InlineData("An air strike on a market in Tamar killed 12 people on Monday. The mayor of Tamar said the town was calm on Tuesday. Last year 80 civilians were killed in shelling of Odoro.", 12,
        "a civilian figure three sentences on tells another incident; the lede's unspecified toll stands")]
    [InlineData("An air strike on a market in Tamar killed 22 people on Monday. In the old quarter 6 civilians were killed in the raid.", 6,
        "a civilian figure in the next sentence breaks the lede's toll down and wins")]
    public void The_main_incidents_civilians_come_from_its_own_sentences(string text, int civilians, string reason)
    {
        var d = Run(text);
        Assert.True(Dragoman.Events.Evaluation.EventEvaluation.Civilians(d) == civilians,
            $"{reason}: got {Dragoman.Events.Evaluation.EventEvaluation.Civilians(d)}; {string.Join("; ", d.Events.Select(e => $"{e.Modality} " + string.Join(",", e.Counts.Select(c => $"{c.Min}/{c.Kind}/{c.Who}"))))}");
    }
}
