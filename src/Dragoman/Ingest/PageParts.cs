using Dragoman.Documents;

namespace Dragoman.Ingest;

/// <summary>What a block is on the page, as far as its reader can tell.</summary>
internal enum BlockKind { Paragraph, Title, Heading, ListItem, Dek, Byline, Caption, Quote }

/// <summary>
/// One block of text (a paragraph, heading, list item or text line) with its range in the raw text.
/// <see cref="Map"/>, when present, gives the raw offset of each character of <see cref="Text"/> (plain-text reader).
/// </summary>
internal sealed class Block(string text, int rawStart, int rawEnd, BlockKind kind = BlockKind.Paragraph, int[]? map = null, double linkDensity = 0)
{
    public string Text { get; set; } = text;
    public int RawStart { get; } = rawStart;
    public int RawEnd { get; } = rawEnd;
    public BlockKind Kind { get; } = kind;
    public int[]? Map { get; set; } = map;
    public double LinkDensity { get; } = linkDensity;

    /// <summary>The raw range of [start, end) of this block's text: exact with a map, else the whole block.</summary>
    public (int Start, int End) RawRange(int start, int end)
    {
        if (Map is null || Map.Length == 0 || end <= start) return (RawStart, RawEnd);
        return (Map[Math.Clamp(start, 0, Map.Length - 1)], Map[Math.Clamp(end - 1, 0, Map.Length - 1)] + 1);
    }
}

/// <summary>What a reader found beside the blocks: metadata candidates and chrome it already removed.</summary>
internal sealed class PageParts
{
    public required string RawText { get; init; }
    public List<Block> Blocks { get; } = [];
    public List<DroppedSpan> Dropped { get; } = [];
    /// <summary>Title candidates from metadata (JSON-LD headline, og:title, &lt;title&gt;), best first.</summary>
    public List<string> MetaTitles { get; } = [];
    /// <summary>Publication date candidates, best first, with where each came from.</summary>
    public List<(DateOnly Date, string Source)> Dates { get; } = [];
    public List<string> Publishers { get; } = [];
    public List<string> Keywords { get; } = [];
    public List<string> Authors { get; } = [];
    public string? Language { get; set; }
    /// <summary>Article body text from metadata (JSON-LD articleBody), used only when the page has no body blocks.</summary>
    public string? MetaBody { get; set; }
    public string? Notice { get; set; }
    /// <summary>Plain text has no markup for the headline: a short first block may be it. HTML paragraphs never are.</summary>
    public bool FirstBlockMayBeTitle { get; init; }
}
