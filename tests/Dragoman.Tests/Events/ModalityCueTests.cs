using Dragoman.Events;
using Dragoman.Tests.Support;

namespace Dragoman.Tests.Events;

/// <summary>The modality rules' cue words read from data/events/modality-cues.tsv: what a good file gives, and the errors a bad one is.</summary>
public class ModalityCueTests
{
    [Theory]
    [InlineData("# a comment line\nhypothesis\tif\n\nexpectation\tvowed\nexpectation\tplans\n", "vowed,plans", "if", "comments and blank lines are skipped; each list keeps its words")]
    [InlineData("hypothesis\tperhaps \r\nexpectation\t upcoming\r\n", "upcoming", "perhaps", "Windows line ends and spaces around a word are not part of it")]
    public void A_good_cue_file_gives_both_lists(string tsv, string expectation, string hypothesis, string why)
    {
        var r = ModalityCues.Parse(tsv);
        Assert.True(r.IsOk, $"{why}: {r.Error}");
        Assert.Equal(expectation.Split(','), r.Value!.Expectation);
        Assert.Equal(hypothesis.Split(','), r.Value!.Hypothesis);
    }

    [Theory]
    [InlineData("hypothesis\tif\nexpectation\tplans\n", "", "the evidential list is optional: the rules never read it")]
    [InlineData("hypothesis\tif\nexpectation\tplans\nevidential\treportedly\nevidential\tallegedly\n", "reportedly,allegedly", "evidential words kept in file order")]
    public void The_evidential_list_is_read_when_present(string tsv, string evidential, string why)
    {
        var r = ModalityCues.Parse(tsv);
        Assert.True(r.IsOk, $"{why}: {r.Error}");
        Assert.Equal(evidential.Split(',', StringSplitOptions.RemoveEmptyEntries), r.Value!.Evidential);
    }

    [Theory]
    [InlineData("hypothesis\tif\n", "modality-cues.tsv: no 'expectation' words", "a missing list is an error, not a rule that never fires")]
    [InlineData("# only comments\n", "modality-cues.tsv: no 'expectation' words", "an empty file is an error")]
    [InlineData("expectation\tplans\n", "modality-cues.tsv: no 'hypothesis' words", "each list the rules read must be there")]
    [InlineData("hypothesis\tif\nexpectation plans\n", "modality-cues.tsv line 2: expected LIST<TAB>WORD", "a line without a tab is an error naming the file and the line")]
    [InlineData("hypothesis\tif\nexpectation\t\n", "modality-cues.tsv line 2: expected LIST<TAB>WORD", "an empty word is an error naming the line")]
    [InlineData("hypothesis\tif\texpectation\n", "modality-cues.tsv line 1: expected LIST<TAB>WORD", "a third column is an error, not a silently dropped word")]
    [InlineData("hypothesis\tif\nexpectations\tplans\n", "modality-cues.tsv line 2: unknown list 'expectations'", "a misspelt list name is an error, not a silently ignored row")]
    public void A_bad_cue_file_is_an_error_naming_the_problem(string tsv, string message, string why)
    {
        var r = ModalityCues.Parse(tsv);
        Assert.False(r.IsOk, why);
        Assert.Contains(message, r.Error!);
    }

    [Fact]
    public void The_shipped_cue_file_parses()
    {
        var r = ModalityCues.Parse(File.ReadAllText(Path.Combine(Paths.RepoRoot, "data", "events", ModalityCues.FileName)));
        Assert.True(r.IsOk, r.Error);
        Assert.Contains("if", r.Value!.Hypothesis);
        Assert.Contains("vowed", r.Value!.Expectation);
        Assert.Contains("reportedly", r.Value!.Evidential);
    }
}
