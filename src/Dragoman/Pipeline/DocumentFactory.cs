using Dragoman.Documents;

namespace Dragoman.Pipeline;

/// <summary>Builds the Document for an article with its reference date: the user's date wins over the article's own.</summary>
public static class DocumentFactory
{
    public static Document Create(Article article, DateOnly? userReference) =>
        new(article, userReference ?? article.Published);
}
