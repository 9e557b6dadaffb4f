using Dragoman.Ingest.Rules;

namespace Dragoman.Tests.Ingest;

/// <summary>Photo captions and picture credits that survive as lines of text are found at intake and kept, marked as captions (a weak telling), case by case.</summary>
public class CaptionRuleTests
{
    [Theory]
    [InlineData("FILE PHOTO: Villagers gather beside a burnt truck near Oldbridge in an earlier year.", "caption label", "wire file-photo label over an older scene")]
    [InlineData("File: Militia fighters parade through the market of Greenvale.", "caption label", "a bare file label")]
    [InlineData("Pictured: the mayor of Eastmoor speaks to reporters after the flood.", "caption label", "pictured label")]
    [InlineData("File photo of police officers guarding a checkpoint outside Redhill.", "opens like a caption", "file photo opener without a colon")]
    [InlineData("Image used for illustration only", "opens like a caption", "illustration notice")]
    [InlineData("Protesters march through Lowton after the vote. (File photo)", "closing picture credit", "parenthesised file-photo credit")]
    [InlineData("Smoke rises over the port of Westhaven after a strike (AFP/File)", "closing picture credit", "agency and file in one group")]
    [InlineData("Soldiers patrol a road near Ashford (photo credit: AGENCY STAFF)", "closing picture credit", "photo-credit label in parentheses")]
    [InlineData("Rescuers search the rubble in Northfield on May 3. Jane Roe/Reuters", "closing agency credit", "slash credit after the sentence")]
    [InlineData("JOHN DOE/AFP via Getty Images", "closing agency credit", "a line that is only a slash credit")]
    [InlineData("Ministry handout", "credit line", "a short line ending in a picture word")]
    [InlineData("0412-harbour-fire-800.jpg Firefighters spray water on a burning warehouse in Portlow.", "image file name", "a picture's file name left before its caption")]
    [InlineData("BURNT MARKET. Traders look at the ruins of their stalls in Kelby on Sunday.", "capitals label", "a caption's own label in capitals")]
    [InlineData("The rebels said they had taken the bridge at Dunmore / Photo: Agency", "closing caption label", "a label and credit closing the caption after a slash")]
    [InlineData("Kelby district map courtesy of a mapping service", "credit line", "a short courtesy credit")]
    [InlineData("UN. Peacekeepers arrived in the town.", null, "a two-letter abbreviation is no capitals label")]
    [InlineData("The minister said: Police will stay in the town", null, "a colon after prose is no caption label")]
    [InlineData("Aid arrived courtesy of the neighbouring council, officials said.", null, "a courtesy in a sentence")]
    [InlineData("The report was saved as report.pdf by the ministry.", null, "a file name that is no picture")]
    [InlineData("Gunmen attacked a police post in Southby on Friday, killing two officers.", null, "a plain news sentence")]
    [InlineData("The army said the rebels fled, Reuters reported.", null, "an outlet named in prose is no credit")]
    [InlineData("Police detained five people (AFP)", null, "a parenthesised agency alone is a story credit, not a picture's")]
    [InlineData("Photos show the damage in Kingsbury", null, "a headline opening with a picture word has no colon")]
    [InlineData("A poll by Reuters/Ipsos found most voters undecided about the referendum in the region.", null, "a slash pair inside a long sentence")]
    [InlineData("The team filed a new complaint.", null, "a sentence ending in a full stop is no credit line")]
    public void Captions(string line, string? expected, string reason)
    {
        var got = CaptionRules.Classify(line);
        Assert.True(expected is null ? got is null : got == $"photo caption ({expected})", $"{reason}: got {got ?? "null"}");
    }

    public static TheoryData<string, string, string?, string> Pages => new()
    {
        { "a file-photo caption between the headline and the story: kept and marked, the story's first paragraph is the lede",
          "Clashes in Farrow Valley\n"
          + "File: Troops stand near a damaged bridge outside Farrow in an earlier offensive.\n"
          + "Fighters attacked an army post in Farrow Valley on Monday, killing three soldiers, officials said.\n"
          + "The army said it had sent reinforcements to the valley.\n",
          "Troops stand near a damaged bridge", "Fighters attacked an army post" },
        { "a caption closed by an agency credit in the body",
          "Floods reach Marlow\n"
          + "Heavy rain flooded the low streets of Marlow on Sunday, the town council said.\n"
          + "Residents wade through a street in Marlow on Sunday. Jane Roe/Reuters\n"
          + "The council opened two shelters for families.\n",
          "Residents wade through a street", "Heavy rain flooded" },
        { "a page without captions marks none",
          "Strike on Hollin\n"
          + "A drone struck a depot in Hollin on Tuesday, the ministry said.\n"
          + "No one was hurt, it added.\n",
          null, "A drone struck a depot" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public void A_caption_line_stays_in_the_text_marked_as_a_caption(string reason, string page, string? caption, string ledeStart)
    {
        var a = IngestHarness.FromText(page);
        var marked = a.Captions.Select(c => a.Text[c.Start..c.End]).ToList();
        if (caption is null) Assert.True(marked.Count == 0, $"{reason}: marked {string.Join(" | ", marked)}");
        else
        {
            Assert.True(a.Text.Contains(caption, StringComparison.Ordinal), $"{reason}: the caption left the text: {a.Text}");
            Assert.True(marked.Count == 1 && marked[0].Contains(caption, StringComparison.Ordinal),
                $"{reason}: marked {string.Join(" | ", marked)}");
            Assert.DoesNotContain(a.Dropped, d => d.Text.Contains(caption, StringComparison.Ordinal));
        }
        Assert.True(a.Lede?.StartsWith(ledeStart, StringComparison.Ordinal) == true, $"{reason}: lede {a.Lede}");
    }
}
