using Dragoman.Text.Syntax;

namespace Dragoman.Tests.Text;

public class SpeechLexiconTests
{
    [Theory]
    [InlineData("said", true, true, true, false, "the plain reporting verb does every speech job")]
    [InlineData("Told", true, true, true, false, "lookups ignore case")]
    [InlineData("confirmed", true, true, false, false, "a confirmation names a speaker but does not open a nearer speaker's clause")]
    [InlineData("denied", true, true, false, true, "a denial is a cue, frames its event and disputes it")]
    [InlineData("denying", false, false, false, true, "the participle only marks a denial")]
    [InlineData("warned", true, false, false, false, "a warning names a speaker, yet may be coded as an event itself")]
    [InlineData("hoped", false, true, false, false, "a stance verb frames an event but names no source")]
    [InlineData("continued", false, true, false, false, "an aspect verb frames an event")]
    [InlineData("tell", false, true, false, false, "a bare form frames but is no attribution cue")]
    [InlineData("killed", false, false, false, false, "an event verb is none of these")]
    public void Each_job_has_its_own_subset(string word, bool cue, bool framing, bool nearer, bool denial, string reason)
    {
        var got = (SpeechLexicon.Cues.Contains(word), SpeechLexicon.Framing.Contains(word),
            SpeechLexicon.NearerSpeech.Contains(word, StringComparer.OrdinalIgnoreCase), SpeechLexicon.Denial.Contains(word, StringComparer.OrdinalIgnoreCase));
        Assert.True((cue, framing, nearer, denial) == got, $"{reason}: {got}");
    }

    [Theory]
    [InlineData("condemned", true, "a reaction verb's inflection is matched by its stem")]
    [InlineData("denies", true, "'deni' covers denies and denied")]
    [InlineData("attacked", false, "an event verb is no reaction")]
    public void Reaction_stems_cover_inflections(string word, bool reaction, string reason) =>
        Assert.True(reaction == SpeechLexicon.ReactionStems.Any(s => word.StartsWith(s, StringComparison.OrdinalIgnoreCase)), reason);
}
