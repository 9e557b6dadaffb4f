using Dragoman.Events.Context;
using Dragoman.Events.Salience;
using Dragoman.Tests.Support;

namespace Dragoman.Tests.Events;

/// <summary>Event types from the sentence's situation, and the one-main-event-per-sentence-and-type rule, as tables of general cases.</summary>
public class EventContextTests
{
    private static readonly Lazy<EventContextComponent> Context = new(() =>
    {
        var words = ContextWords.Parse(File.ReadAllText(Path.Combine(Paths.RepoRoot, "data", "events", ContextWords.FileName)));
        Assert.True(words.IsOk, words.Error);
        return new EventContextComponent(EventTestDocs.Res.Codes, words.Value);
    });

    [Theory]
    [InlineData("Police fired tear gas at the protesters in the capital.", "fired", "COERCE", "force by police on a protest is repression (articles-gold rules, ACLED excessive force)")]
    [InlineData("Soldiers shot dead two demonstrators near the square.", "shot", "COERCE", "security forces killing demonstrators: repression, not battle")]
    [InlineData("Protesters attacked the governor's office with stones.", "attacked", "PROTEST", "violence by the protesters themselves is a violent protest (CAMEO 145)")]
    [InlineData("Gunmen attacked the convoy near the border.", "attacked", "ASSAULT", "no protest in the sentence: the verb's type stays")]
    [InlineData("Rebels seized the town of Alpha after heavy fighting.", "seized", "ASSAULT", "a town taken by force is fighting (CAMEO 192), not a seizure of goods")]
    [InlineData("The police seized the weapons of the gang in a raid on Friday.", "seized", "COERCE", "goods seized, no place as object: the seizure stays COERCE")]
    [InlineData("The militia overran the village of Dorlo on Sunday.", "overran", "ASSAULT", "a village overrun is territory taken by force, whatever target the role ranker picks")]
    [InlineData("Soldiers fired rubber bullets at villagers in Kelpa on Friday, wounding six.", "fired", "COERCE", "crowd-control weapons used by troops: repression (CAMEO 175, the dictionary's FIRE * {TEAR GAS})")]
    [InlineData("Gunmen attacked officers with machetes near the court, and the police answered with tear gas.", "attacked", "ASSAULT", "tear gas in the sentence, but the attack is the gunmen's, named as its actor")]
    [InlineData("Gunmen attacked a police station in Kelpa on Friday, killing two officers.", "attacked", "ASSAULT", "police as the victims and no crowd-control weapon: the attack stays")]
    [InlineData("Air forces neutralized two militants in the region.", "neutralized", "ASSAULT", "'neutralized' is how official statements report enemies killed (verbs-supplement.txt)")]
    [InlineData("Customs officers seized weapons at the port.", "seized", "COERCE", "goods seized: the seizure stays COERCE")]
    [InlineData("Gunmen looted dozens of shops in the market on Friday.", "looted", "COERCE", "looting by armed men is the seizure of property (CAMEO 1711), not a riot")]
    [InlineData("Angry protesters looted shops in the capital on Friday.", "looted", "PROTEST", "looting by protesters is a riot (CAMEO 145)")]
    public void A_sentence_situation_sets_the_type_the_verb_cannot(string text, string trigger, string plover, string why)
    {
        var doc = EventTestDocs.Run(text);
        Context.Value.Process(doc);
        var e = doc.Events.Find(x => EventTestDocs.TriggerText(doc, x) == trigger);
        Assert.True(e is not null, $"{why}: no event on '{trigger}' ({string.Join(", ", doc.Events.Select(x => EventTestDocs.TriggerText(doc, x)))})");
        Assert.True(e!.Codes.Plover?.Event == plover, $"{why}: got {e.Codes.Plover?.Event}");
    }

    [Theory]
    [InlineData("Troops invaded the border district of Dorlo in February.", "invaded", "ASSAULT", "the dictionary's 192 (occupy territory) with a place right after the verb is fighting, whatever target was chosen")]
    [InlineData("Rebels seized the town of Dorlo after heavy fighting.", "seized", "ASSAULT", "the same for 'seized the town of'")]
    [InlineData("Customs officers seized weapons and cash in a raid on Friday.", "seized", "COERCE", "goods as the object and no place: the seizure stays COERCE")]
    public void Territory_taken_needs_a_place_object_not_the_chosen_target(string text, string trigger, string plover, string why)
    {
        var doc = EventTestDocs.Run(text);
        var e = doc.Events.Find(x => EventTestDocs.TriggerText(doc, x) == trigger);
        Assert.True(e is not null, $"{why}: no event on '{trigger}'");
        e!.Target = null; // as when the role ranker picks another phrase ("Congolese forces") as the target
        Context.Value.Process(doc);
        Assert.True(e.Codes.Plover?.Event == plover, $"{why}: got {e.Codes.Cameo} {e.Codes.Plover?.Event}");
    }

    [Theory]
    [InlineData("a", "news is one per sentence and type: the second, less confident, restates it", new[] { 0.8, 0.7, 0.6 }, new[] { 0, 0, 1 }, new[] { "ASSAULT", "ASSAULT", "ASSAULT" }, 0.5, new[] { true, false, true })]
    [InlineData("b", "another type in the same sentence is other news", new[] { 0.8, 0.7 }, new[] { 0, 0 }, new[] { "ASSAULT", "COERCE" }, 0.5, new[] { true, true })]
    [InlineData("c", "below the threshold, the article's two best distinct events are still shown", new[] { 0.2, 0.1, 0.05 }, new[] { 0, 1, 2 }, new[] { "ASSAULT", "ASSAULT", "ASSAULT" }, 0.5, new[] { true, true, false })]
    public void Main_events_are_one_per_sentence_and_type_above_the_threshold(string _, string why, double[] confidence, int[] sentence, string[] type, double threshold, bool[] main)
    {
        var idx = Enumerable.Range(0, confidence.Length).ToList();
        var got = SalienceComponent.SelectMain(idx, i => confidence[i], _ => false, i => (sentence[i], (string?)type[i]), new MainRule(threshold));
        Assert.True(main.SequenceEqual(got), $"{why}: got {string.Join(",", got)}");
    }

    [Theory]
    [InlineData("before:XXXX-WXX-5", true, "a weekday without a publication date is still the week before the report")]
    [InlineData("P0D", true, "today")]
    [InlineData("-P1W", true, "last week")]
    [InlineData("-P2W/P0D", true, "the last two weeks, up to now")]
    [InlineData("-PXD/P0D", true, "the past few days")]
    [InlineData("-P6M", false, "six months ago is not the week's news")]
    [InlineData("before:XXXX-06", false, "a month name could be any year")]
    [InlineData(null, false, "no relative value")]
    public void An_unresolved_weekday_still_reads_as_recent(string? relative, bool recent, string why) =>
        Assert.True(SalienceFeatures.RecentWithoutReference(relative) == recent, why);

    [Theory]
    [InlineData("protest\tcrowd\n", "no 'security' words", "every list the rules read must be there")]
    [InlineData("protest crowd\n", "expected LIST<TAB>WORD", "a line without a tab is an error naming the line")]
    public void A_bad_context_word_file_is_an_error_naming_the_problem(string tsv, string message, string why)
    {
        var r = ContextWords.Parse(tsv);
        Assert.False(r.IsOk, why);
        Assert.Contains(message, r.Error);
    }
}
