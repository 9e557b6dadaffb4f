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
}
