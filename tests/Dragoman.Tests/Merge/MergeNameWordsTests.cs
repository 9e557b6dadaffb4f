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
