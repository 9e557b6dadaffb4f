using Dragoman.Ingest.Language;

namespace Dragoman.Tests.Ingest.Containers;

/// <summary>Article language from the text (Lingua), written for these tests in each language.</summary>
public class LanguageTests
{
    [Theory]
    [InlineData("An aid convoy reached the northern town on Sunday after a two-day delay, the agency said in a statement.", "en", true, "English")]
    [InlineData("وصلت قافلة مساعدات إلى البلدة الشمالية يوم الأحد بعد تأخير دام يومين، بحسب ما أعلنت الوكالة في بيان.", "ar", false, "Arabic")]
    [InlineData("Un convoi humanitaire est arrivé dimanche dans la ville du nord après deux jours de retard, a indiqué l'agence dans un communiqué.", "fr", false, "French")]
    [InlineData("Un convoy de ayuda llegó el domingo a la ciudad del norte tras dos días de retraso, según informó la agencia en un comunicado.", "es", false, "Spanish")]
    [InlineData("Гуманитарный конвой прибыл в северный город в воскресенье после двухдневной задержки, сообщило агентство.", "ru", false, "Russian")]
    public void The_text_decides_the_language(string text, string code, bool handled, string reason)
    {
        Assert.Equal(code, ArticleLanguages.Detect(text));
        Assert.True(ArticleLanguages.Handled.Contains(code) == handled, reason);
    }

    [Fact]
    public void An_empty_text_has_no_language() => Assert.Null(ArticleLanguages.Detect("   "));

    private const string English = "An aid convoy reached the northern town on Sunday after a two-day delay, the agency said in a statement. ";
    private const string French = "Un convoi humanitaire est arrivé dimanche dans la ville du nord après deux jours de retard, a indiqué l'agence. ";

    [Theory]
    [InlineData(1, 0, "en", "a short text is read whole")]
    [InlineData(40, 0, "en", "a long English text")]
    [InlineData(2, 40, "fr", "an English lead-in does not decide a long French text: the middle is read too")]
    public void A_long_text_is_decided_by_its_start_and_its_middle(int english, int french, string code, string reason) =>
        Assert.True(code == ArticleLanguages.Detect(string.Concat(Enumerable.Repeat(English, english)) + string.Concat(Enumerable.Repeat(French, french))), reason);

    [Fact]
    public void The_sample_is_two_slices_cut_at_spaces()
    {
        var text = string.Concat(Enumerable.Repeat(English, 40)) + string.Concat(Enumerable.Repeat(French, 40));
        var sample = ArticleLanguages.Sample(text);
        Assert.True(sample.Length <= ArticleLanguages.SampleChars + 1, $"{sample.Length} characters");
        var slices = sample.Split('\n');
        Assert.Equal(2, slices.Length);
        Assert.StartsWith("An aid convoy", slices[0]);
        Assert.Contains("convoi", slices[1]); // the middle of this text is French
        Assert.All(slices, s => Assert.False(s.EndsWith(' ') || s.StartsWith(' '), $"'{s}' is not cut at a space"));
        Assert.Same(English, ArticleLanguages.Sample(English));
    }
}

/// <summary>The English check that spares the detector's models (0.2-0.3 s of CPU at a start) for plain English prose.</summary>
public class EnglishCheckTests
{
    [Theory]
    [InlineData("Gunmen killed seven people near the checkpoint on Sunday, and officials said that they would send more troops to the area.", true, "English prose with its closed-class words")]
    [InlineData("Gunmen killed seven people near the checkpoint.", false, "too few words: left to the detector")]
    [InlineData("Protesters gathered outside the ministry in Khartoum after police fired tear gas, and organisers said they would march again on Friday.", true, "English news")]
    [InlineData("Un convoi humanitaire est arrivé dimanche dans la ville du nord après deux jours de retard, a indiqué l'agence dans un communiqué.", false, "French: no listed word, and accents")]
    [InlineData("Die Regierung hat am Sonntag erklärt, dass die Truppen in der Stadt bleiben werden, bis die Lage sich beruhigt hat und die Hilfe ankommt.", false, "German shares 'in', 'die' with the lists of others, none of this list")]
    [InlineData("The minister said that the army would stay. وصلت قافلة مساعدات إلى البلدة الشمالية يوم الأحد بعد تأخير دام يومين، بحسب ما أعلنت الوكالة في بيان.", false, "English words beside Arabic script: the detector decides")]
    [InlineData("Kathmandu Pokhara Biratnagar Lalitpur Bharatpur Birgunj Dharan Butwal Hetauda Janakpur Nepalgunj Itahari Bhairahawa Dhangadhi", false, "a list of names has no closed-class words and few common words")]
    [InlineData("Police arrested 12 protesters in Nairobi. Soldiers fired on a crowd in Goma. Rebels seized 3 towns in Darfur.", true, "no listed closed-class word, but most words are common words of news text")]
    [InlineData("Gunmen killed 7 people in a village. Gunmen killed 7 people in a village. Gunmen killed 7 people in a village.", true, "a wire line said again: decided by its common words, not by the models")]
    [InlineData("Il governo ha detto che le truppe resteranno nella citta fino a quando la situazione non sara calma e gli aiuti arriveranno", false, "Italian in ASCII letters: neither listed nor common English words")]
    [InlineData("El gobierno dijo que las tropas se quedaran en la ciudad hasta que la situacion se calme y llegue la ayuda", false, "Spanish in ASCII letters: 'en' and 'se' are not common English words")]
    [InlineData("He whare nui tenei, he maunga teitei tera, he awa roa kei waenganui, he rakau tawhito i te taha o te roto.", false, "Maori: its article 'he' is a listed English word, but one listed word alone decides nothing")]
    [InlineData("Soldiers shelled the market and police said it was closed, while the ministry kept silent on the count of dead.", true, "two different listed words ('the', 'and'...) make the share")]
    public void Only_plain_English_prose_is_decided_without_the_models(string text, bool decided, string reason) =>
        Assert.True(EnglishCheck.IsPlainEnglish(text) == decided, reason);

    [Theory]
    [InlineData("the", true, "the anchor of the list")]
    [InlineData("THE", true, "case does not matter")]
    [InlineData("in", false, "shared with German, Dutch, Italian: left out by the derivation")]
    [InlineData("a", false, "shared with the Romance languages")]
    [InlineData("to", false, "shared with Polish and Czech")]
    public void The_installed_list_holds_only_words_other_languages_do_not_share(string word, bool listed, string reason) =>
        Assert.True(EnglishCheck.Read(Path.Combine(AppContext.BaseDirectory, "data", "ingest", "english-function-words.txt")).Contains(word) == listed, reason);

    [Theory]
    [InlineData("killed", true, "seen in news text far more than the floor")]
    [InlineData("People", true, "case does not matter")]
    [InlineData("truppe", false, "not an English word")]
    [InlineData("a", false, "the counts hold words of two letters or more")]
    public void Common_words_are_the_frequent_words_of_news_text(string word, bool common, string reason) =>
        Assert.True(EnglishCheck.ReadCommon(Path.Combine(AppContext.BaseDirectory, "data", "ingest", "word-frequencies.tsv"), EnglishCheck.MinCommonCount).Contains(word) == common, reason);

    [Fact]
    public void A_missing_list_is_a_clear_error()
    {
        var ex = Assert.Throws<FileNotFoundException>(() => EnglishCheck.Read(Path.Combine(Path.GetTempPath(), "no-such-dir", "english-function-words.txt")));
        Assert.Contains("English function words", ex.Message);
    }
}
