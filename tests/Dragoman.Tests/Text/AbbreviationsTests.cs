using Dragoman.Text;

namespace Dragoman.Tests.Text;

/// <summary>The article-level abbreviation table (Schwartz-Hearst): which short forms a text defines, and as what.</summary>
public class AbbreviationsTests
{
    [Theory]
    [InlineData("Forces of the Libyan National Army (LNA) advanced.", "LNA", "Libyan National Army", "long form before the parenthesised short form; 'Forces of the' do not belong to it")]
    [InlineData("Fighters of the Allied Democratic Forces (ADF) attacked.", "ADF", "Allied Democratic Forces", "three initials, three words")]
    [InlineData("The jihadist group Hayat Tahrir al-Sham (HTS) said.", "HTS", "Hayat Tahrir al-Sham", "a letter matched inside a hyphenated word ('al-Sham')")]
    [InlineData("Claimed by the Islamic State (IS) group.", "IS", "Islamic State", "a two-letter short form")]
    [InlineData("The Syrian Democratic Forces (SDF, led by Kurds) moved.", "SDF", "Syrian Democratic Forces", "the parenthesis goes on after a comma")]
    [InlineData("Rebels of HTS (Hayat Tahrir al-Sham) moved.", "HTS", "Hayat Tahrir al-Sham", "the reverse order: short form, then its long form in the parenthesis")]
    [InlineData("The \"Islamic State\" (IS) claimed it.", "IS", "Islamic State", "quotes around the long form are not part of it")]
    public void A_defined_short_form_gets_its_long_form(string text, string shortForm, string longForm, string why)
    {
        var table = Abbreviations.Find(text);
        Assert.True(table.TryGetValue(shortForm, out var a) && a.Long == longForm
            && text[a.LongSpan.Start..a.LongSpan.End] == longForm && text[a.ShortSpan.Start..a.ShortSpan.End] == shortForm,
            $"{why}: got {(a is null ? "nothing" : a.Long)}");
    }

    [Theory]
    [InlineData("Government forces (GF) shelled the town.", "GF", "initials match: a definition", true)]
    [InlineData("Heavy clashes. (LNA) forces fired.", "LNA", "a sentence boundary stops the long form: no words before the parenthesis", false)]
    [InlineData("The army said (Reuters) that five died.", "Reuters", "a capitalised word is not a short form (only its first letter is a capital)", false)]
    [InlineData("Troops of the army (LNA) fired.", "LNA", "the words before do not hold the letters in order", false)]
    [InlineData("Troops of Iraq (IQ) moved.", "IQ", "the letters fit one word ('Iraq'), and one word is not a long form", false)]
    [InlineData("Five people (2 children) died.", "2", "a number is not a short form", false)]
    [InlineData("It was claimed by the Northern Coast Drug Cartel (CNCDC).", "CNCDC", "a lower-case clause word before a capitalised name is not its first word", false)]
    [InlineData("The deputy superintendent of police (DSP) said.", "DSP", "a long form all in lower case is kept", true)]
    public void Short_forms_are_defined_only_where_the_letters_fit(string text, string shortForm, string why, bool defined) =>
        Assert.True(Abbreviations.Find(text).ContainsKey(shortForm) == defined, why);

    [Fact]
    public void The_first_definition_of_a_short_form_wins()
    {
        var text = "The Libyan National Army (LNA) fought. Later the Libyan Navy Authority (LNA) spoke.";
        Assert.Equal("Libyan National Army", Abbreviations.Find(text)["LNA"].Long);
    }
}
