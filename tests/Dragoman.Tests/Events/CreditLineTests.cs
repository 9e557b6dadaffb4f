using Dragoman.Documents;
using Dragoman.Events.Roles;

namespace Dragoman.Tests.Events;

/// <summary>
/// Picture credits (data/events/credit-words.tsv, Events/Roles/CreditLines): the forms a credit takes at a line's end
/// are found, prose is not. Invented wording and names.
/// </summary>
public class CreditLineTests
{
    private static readonly CreditWords Words = CreditWords.Installed;

    // line, the credit expected (null: none), reason
    [Theory]
    [InlineData("Guards stand at a gate in Eastvale on Monday. (Social Media)", "(Social Media)", "a parenthesised group with a credit word closes a caption line")]
    [InlineData("Smoke rises over the hills near Westbury (Hill Wire/File)", "(Hill Wire/File)", "an agency and 'File' joined by a slash, in parentheses")]
    [InlineData("Photo: Jana Morrow", "Photo: Jana Morrow", "a label and a short rest of the line")]
    [InlineData("Residents inspect a damaged roof. Image credit: Northern Daily", "Image credit: Northern Daily", "a two-word label after a caption")]
    [InlineData("Mourners gather in Eastvale. Jana Morrow/AFP", "Jana Morrow/AFP", "a photographer and an agency joined by a slash close the line")]
    [InlineData("A crowd waits outside the court. Tom Reed via Getty Images", "Tom Reed via Getty Images", "a 'via' group with a stock-photo word closes the line")]
    [InlineData("The council said the militia attacked a convoy near Westbury (the capital).", null, "a parenthesis of prose holds no credit word")]
    [InlineData("Fighters of the Red Hand Brigade (RHB) attacked the town.", null, "an acronym in parentheses inside the sentence is no credit")]
    [InlineData("The roads between Eastvale/Westbury were closed.", null, "a slash between place names names no agency")]
    [InlineData("The ministry released a photo of the site, officials said on Tuesday after a long meeting of the cabinet in the capital.", null, "a label word in prose, with no colon or 'by' after it")]
    public void A_picture_credit_is_found_by_its_form(string line, string? expected, string reason)
    {
        var text = "Headline of the day\n\n" + line + "\nThe next paragraph tells the news.";
        var found = CreditLines.Find(text, Words);
        var got = found.Count == 0 ? null : text[found[0].Start..found[0].End];
        Assert.True(got == expected, $"{reason}: got '{got ?? "(none)"}'");
    }

    [Fact]
    public void A_credit_word_file_with_an_unknown_kind_is_refused()
    {
        var path = Path.Combine(Path.GetTempPath(), $"credit-words-{Guid.NewGuid():N}.tsv");
        File.WriteAllText(path, "# test\nphoto\tlabel\nagency\tsomething\n");
        try
        {
            var e = Assert.Throws<InvalidDataException>(() => CreditWords.Read(path));
            Assert.Contains(":3:", e.Message, StringComparison.Ordinal); // names the line
        }
        finally { File.Delete(path); }
    }
}
