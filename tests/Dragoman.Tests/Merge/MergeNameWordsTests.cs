using Dragoman.Merge;

namespace Dragoman.Tests.Merge;

/// <summary>
/// Which capitalised words of an evidence sentence count as shared names between two reports: a word that many
/// different names share (a frequent common word, a nationality) would link different incidents of one country.
/// </summary>
public sealed class MergeNameWordsTests
{
    [Theory]
    [InlineData("Government", false, "\"Chikun Local Government Area\" and \"Gada Local Government Area\" are two districts: the shared words are common ones")]
    [InlineData("Local", false, "a common adjective inside a name")]
    [InlineData("Area", false, "a common noun inside a name")]
    [InlineData("Russian", false, "a nationality the entity stage missed: the assassination and a shooting the next day both mention it")]
    [InlineData("Bangladeshi", false, "a nationality: two attacks in Bangladesh the same week")]
    [InlineData("Russians", false, "a demonym's plural")]
    [InlineData("Karlov", true, "a person's name")]
    [InlineData("Chikun", true, "a district's own name")]
    [InlineData("Amstor", true, "a mall's name")]
    public void A_name_word_is_one_few_names_share(string word, bool isName, string reason) =>
        Assert.True(isName == !MergeReports.IsCommonOrNationality(word, word.ToLowerInvariant()), reason);
}

/// <summary>Two reports share a name word whatever each outlet's spelling habits (MergeReports.FoldName).</summary>
public sealed class MergeNameFoldingTests
{
    [Theory]
    [InlineData("buhari's", "buhari", "a possessive is the name itself: \"Buhari's advance team\" and \"President Buhari\"")]
    [InlineData("buhari’s", "buhari", "the typographic apostrophe's possessive")]
    [InlineData("shabaab", "shabab", "a transliteration's doubled letter: al-Shabaab and al-Shabab")]
    [InlineData("karlov", "karlov", "a plain name is unchanged")]
    [InlineData("ross", "ros", "doubled letters read as one, as the actor stage folds names")]
    [InlineData("news", "news", "a final s without an apostrophe is kept")]
    public void A_name_word_is_folded(string word, string folded, string reason) =>
        Assert.True(folded == MergeReports.FoldName(word), $"{reason}: got '{MergeReports.FoldName(word)}'");
}
