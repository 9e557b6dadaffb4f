using Dragoman.Events.Salience;
using Dragoman.Tests.Support;

namespace Dragoman.Tests.Events;

/// <summary>The salience model's background-aspect features: the past perfect and anteriority adverbs in the trigger's verb group, as a table of general cases.</summary>
public class BackgroundAspectTests
{
    private static readonly Lazy<BackgroundAspect> Aspect = new(() =>
    {
        var words = BackgroundAspect.Parse(File.ReadAllText(Path.Combine(Paths.RepoRoot, "data", "events", BackgroundAspect.FileName)));
        Assert.True(words.IsOk, words.Error);
        return words.Value!;
    });

    [Theory]
    [InlineData("The fighters had been captured by the army in the north.", "captured", true, false, "passive past perfect: before the report's own news")]
    [InlineData("Rebels had killed five soldiers near the border.", "killed", true, false, "active past perfect")]
    [InlineData("The men had previously been captured by the army.", "captured", true, true, "past perfect with an anteriority adverb in the verb group")]
    [InlineData("The commander was previously arrested by police.", "arrested", false, true, "an anteriority adverb after an auxiliary, simple past")]
    [InlineData("The army has released twenty prisoners in the south.", "released", false, false, "present perfect is the report's news")]
    [InlineData("The army released twenty prisoners in the south.", "released", false, false, "simple past is the report's news")]
    [InlineData("The army had, they said, released twenty prisoners.", "released", false, false, "a word outside the verb group ends the walk back to the auxiliary")]
    [InlineData("Troops attacked the town earlier on Tuesday.", "attacked", false, false, "'earlier' after the verb dates the news, it is no anteriority in the verb group")]
    public void The_verb_group_tells_background(string text, string trigger, bool perfect, bool anterior, string why)
    {
        var doc = EventTestDocs.Run(text);
        int at = text.IndexOf(trigger, StringComparison.Ordinal);
        var span = new Dragoman.Documents.TextSpan(at, at + trigger.Length);
        var got = Aspect.Value.Of(doc, span, doc.SentenceAt(at));
        Assert.True(got == (perfect, anterior), $"{why}: got {got}");
    }

    [Theory]
    [InlineData("perfect\thad\nverb-group\tbeen\nanteriority\tpreviously\n", "no 'auxiliary' words", "every list the walk reads must be there")]
    [InlineData("perfect had\n", "expected LIST<TAB>WORD", "a line without a tab is an error naming the line")]
    [InlineData("tense\thad\n", "unknown list 'tense'", "a misspelt list name is an error, not a silently ignored row")]
    public void A_bad_aspect_word_file_is_an_error_naming_the_problem(string tsv, string message, string why)
    {
        var r = BackgroundAspect.Parse(tsv);
        Assert.False(r.IsOk, why);
        Assert.Contains(message, r.Error!);
    }
}
