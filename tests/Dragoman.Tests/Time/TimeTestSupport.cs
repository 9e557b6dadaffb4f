using Dragoman.Documents;
using Dragoman.Text;
using Dragoman.Time;

namespace Dragoman.Tests.Time;

internal static class TimeTestSupport
{
    public static Document Doc(string text, string? reference, IReadOnlyList<TextSpan>? paragraphs = null, TextSpan? title = null, TextSpan? lede = null)
    {
        var article = new Article { Uri = "test", Text = text, Paragraphs = paragraphs ?? [], TitleSpan = title, LedeSpan = lede };
        var doc = new Document(article, reference is null ? null : DateOnly.Parse(reference, System.Globalization.CultureInfo.InvariantCulture));
        doc.Tokens = Tokenizer.Tokenize(text);
        doc.Sentences = SentenceSplitter.Split(text, doc.Tokens);
        new TimeComponent().Process(doc);
        return doc;
    }

    public static TimeExpression Find(Document doc, string phrase)
    {
        var found = doc.Times.FirstOrDefault(t => t.Text.Contains(phrase, StringComparison.Ordinal) || phrase.Contains(t.Text, StringComparison.Ordinal));
        Assert.True(found is not null, $"no time expression for '{phrase}'; found: {string.Join(" | ", doc.Times.Select(Describe))}");
        return found!;
    }

    public static string Describe(TimeExpression t) =>
        $"{t.Text} => {t.Type} {t.Value} {t.Start:yyyy-MM-dd}..{t.End:yyyy-MM-dd} {t.Precision} rel={t.Relative}";
}
