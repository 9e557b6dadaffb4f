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
