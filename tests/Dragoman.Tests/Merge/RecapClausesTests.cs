using Dragoman.Merge;

namespace Dragoman.Tests.Merge;

/// <summary>
/// A clause opened by a span of time and a temporal preposition tells of another event: the merge stage takes no names
/// or nouns from it (RecapClauses, data/merge/recap-markers.tsv), unless the report's own trigger is in it.
/// </summary>
public sealed class RecapClausesTests
{
    public static TheoryData<string, string, string?, string> Cases() => new()
    {
        { "a later event's sentence: the earlier attack's clause runs to the sentence's end",
            "Police detained a man who fired shots, hours after a gunman shot Ambassador Ivanov. He was held.", "fired",
            "Police detained a man who fired shots, " + new string(' ', "hours after a gunman shot Ambassador Ivanov".Length) + ". He was held." },
        { "a clause that opens the sentence ends at its comma",
            "Days after the Bakara bombing, gunmen stormed a hotel.", "stormed",
            new string(' ', "Days after the Bakara bombing".Length) + ", gunmen stormed a hotel." },
        { "the report's own trigger in the clause: it is the report's event and stays",
            "Three days after twin bombings hit the Jolo cathedral, police arrested a suspect.", "bombings",
            "Three days after twin bombings hit the Jolo cathedral, police arrested a suspect." },
        { "a preposition without a span of time is the same event's cause, kept",
            "Twenty died after a missile hit the Amstor mall.", "died",
            "Twenty died after a missile hit the Amstor mall." },
        { "no trigger known: every recap clause goes",
            "The toll rose, a week before the Kuje raid.", null,
            "The toll rose, a " + new string(' ', "week before the Kuje raid".Length) + "." },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Names_of_a_recap_clause_are_not_the_reports(string reason, string text, string? trigger, string expected)
    {
        int? at = trigger is null ? null : text.IndexOf(trigger, StringComparison.Ordinal);
        var own = RecapClauses.Shipped.OwnPart(text, at);
        Assert.True(expected == own, $"{reason}: got \"{own}\"");
        Assert.Equal(text.Length, own.Length);
    }

    [Fact]
    public void A_markers_file_with_an_unknown_kind_is_refused_with_its_line()
    {
        var path = Path.Combine(Path.GetTempPath(), $"recap-{Guid.NewGuid():N}.tsv");
        File.WriteAllLines(path, ["# header", "unit\thours", "adverb\tsoon"]);
        try
        {
            var r = RecapClauses.Load(path);
            Assert.False(r.IsOk);
            Assert.Contains(path + ":3", r.Error, StringComparison.Ordinal);
        }
        finally { File.Delete(path); }
    }
}
