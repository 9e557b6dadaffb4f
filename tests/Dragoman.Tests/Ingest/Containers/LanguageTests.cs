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
}
