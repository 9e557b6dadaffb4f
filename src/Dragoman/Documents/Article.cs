namespace Dragoman.Documents;

/// <summary>What one input was before reading: bytes plus where they came from.</summary>
public sealed record RawDocument(
    string Uri,
    byte[] Bytes,
    string ContentType,
    DateTimeOffset? FetchedAt = null,
    ArticleHints? Hints = null);

/// <summary>
/// Metadata a container (a JSON Lines record, a feed item) gives beside the content. <see cref="Address"/> is the page's
/// real address where the record names the input otherwise (<c>source_url</c> beside a local <c>url</c>).
/// </summary>
public sealed record ArticleHints(string? Title = null, string? Published = null, string? Source = null, string? Url = null, string? Address = null);

/// <summary>Roles a credit line can give a party in the making of an article.</summary>
public static class CreditRole
{
    public const string Translator = "translator";
    public const string OriginalOutlet = "original-outlet";
    public const string Author = "author";
    public const string Publisher = "publisher";
    public const string Disclaimer = "disclaimer";
}

/// <summary>A party credited for the article, with the span of the credit line in the clean text (or raw text when dropped).</summary>
public sealed record Credit(string Role, string Name, TextSpan Evidence);

/// <summary>Raw-text range removed as site chrome, kept so the user can see what was dropped and why.</summary>
public sealed record DroppedSpan(int Start, int End, string Reason, string Text);

/// <summary>
/// A read article. <see cref="Text"/> is the clean text every annotation offset refers to:
/// title, blank line, lede, blank line, body paragraphs separated by blank lines.
/// </summary>
public sealed record Article
{
    public required string Uri { get; init; }
    public required string Text { get; init; }
    public string? Title { get; init; }
    public TextSpan? TitleSpan { get; init; }
    public string? Lede { get; init; }
    public TextSpan? LedeSpan { get; init; }
    /// <summary>Body paragraphs as spans into <see cref="Text"/>.</summary>
    public IReadOnlyList<TextSpan> Paragraphs { get; init; } = [];
    public string? Byline { get; init; }
    /// <summary>The outlet: the input's source field, the page's own metadata or copyright line, else the name its address gives.</summary>
    public string? Publisher { get; init; }
    /// <summary>Publication date as the source gave it, when any; null means unknown.</summary>
    public DateOnly? Published { get; init; }
    /// <summary>Where the publication date came from (meta tag, JSON-LD, dateline, user).</summary>
    public string? PublishedSource { get; init; }
    public IReadOnlyList<string> Keywords { get; init; } = [];
    public IReadOnlyList<Credit> Credits { get; init; } = [];
    public IReadOnlyList<DroppedSpan> Dropped { get; init; } = [];
    public string Language { get; init; } = "en";
    /// <summary>A wire dateline opening the lede ("DAMASCUS, Aug. 4 (Reuters) -"), as a span into <see cref="Text"/>, when there is one.</summary>
    public TextSpan? DatelineSpan { get; init; }
    /// <summary>What the reader noticed and set aside while keeping the article (a <c>published</c> value that is no date), for the user.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
    /// <summary>SHA-256 of the clean text, hex: the identity used to store an article once.</summary>
    public string ContentHash { get; init; } = "";
}
