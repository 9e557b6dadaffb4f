using Dragoman.Documents;
using Dragoman.Actors;
using Dragoman.Entities;

namespace Dragoman.Tests.Support;

public class WordListFileTests
{
    [Theory]
    [InlineData("# source\nriver\n\nvalley\r\n", false, "river|valley", 0, "comment lines, blank lines and a CRLF ending are not entries")]
    [InlineData("# source\nmiddle east\n", true, "middle east", 0, "a phrase list keeps an entry of two words")]
    [InlineData("# source\nmiddle east\n", false, "", 2, "a one-word list refuses a phrase and names its line")]
    [InlineData("river\tLOC\n", false, "", 1, "a second column is not part of a word list")]
    [InlineData("# a\n# b\nmiddle  east\n", true, "", 3, "a doubled space would never match a folded phrase")]
    public void A_list_file_gives_its_entries_or_names_the_bad_line(string text, bool phrases, string expected, int badLine, string reason)
    {
        var path = Path.Combine(Path.GetTempPath(), $"wordlist-{Guid.NewGuid():N}.txt");
        try
        {
            File.WriteAllText(path, text);
            if (badLine > 0)
            {
                var e = Assert.Throws<InvalidDataException>(() => WordListFile.Read(path, "test", StringComparer.Ordinal, phrases));
                Assert.True(e.Message.Contains($"{path}:{badLine}:"), $"{reason}: {e.Message}");
            }
            else
            {
                var entries = WordListFile.Read(path, "test", StringComparer.Ordinal, phrases);
                Assert.True(expected.Split('|').ToHashSet().SetEquals(entries), $"{reason}: {string.Join("|", entries)}");
            }
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void A_missing_list_names_what_it_is_and_where_it_was_looked_for()
    {
        var path = Path.Combine(Path.GetTempPath(), $"wordlist-missing-{Guid.NewGuid():N}.txt");
        var e = Assert.Throws<FileNotFoundException>(() => WordListFile.Read(path, "natural feature words", StringComparer.Ordinal));
        Assert.Contains("natural feature words", e.Message);
        Assert.Contains(path, e.Message);
    }

    // The shipped lists load from the install folder and still decide what they decided in code.
    [Theory]
    [InlineData("LOC", "Yarmouk basin", EntityType.LOC, "feature-words.txt: a basin is a natural feature")]
    [InlineData("LOC", "the Sahel", EntityType.LOC, "world-regions.txt: a region phrase with its article")]
    [InlineData("LOC", "Middle East", EntityType.LOC, "world-regions.txt: a two-word region, matched without case")]
    [InlineData("LOC", "Qardaha", EntityType.GPE, "no feature word and no region: a populated place")]
    [InlineData("MISC", "Houthis", EntityType.NORP, "people-groups.txt: a movement's members name people")]
    [InlineData("MISC", "Ramadan", EntityType.MISC, "a month of the calendar names no people")]
    public void The_installed_entity_lists_type_names(string conllClass, string text, EntityType expected, string reason) =>
        Assert.True(EntityTypeMapper.Map(conllClass, text) == expected, reason);

    [Theory]
    [InlineData("jaish", true, false, "org-words.txt: transliterated Arabic for army")]
    [InlineData("observatory", true, false, "org-words.txt: a monitor's head noun")]
    [InlineData("abu", false, true, "person-markers.txt: a kunya opens a person's name")]
    [InlineData("sheikh", false, true, "person-markers.txt: a title")]
    [InlineData("daraa", false, false, "a town is neither")]
    public void The_installed_name_lists_tell_organisations_from_persons(string folded, bool org, bool person, string reason)
    {
        Assert.True(NameShape.IsOrgWord(folded) == org, reason);
        Assert.True(NameShape.IsPersonMarker(folded) == person, reason);
    }
}
