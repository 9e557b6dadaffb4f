namespace Dragoman.Documents;

/// <summary>A half-open character range [Start, End) into a text.</summary>
public readonly record struct TextSpan(int Start, int End)
{
    public int Length => End - Start;
    public bool IsEmpty => End <= Start;
    public bool Contains(int offset) => offset >= Start && offset < End;
    public bool Contains(TextSpan other) => other.Start >= Start && other.End <= End;
    public bool Overlaps(TextSpan other) => Start < other.End && other.Start < End;
    public string Of(string text) => text[Start..End];
    public override string ToString() => $"[{Start},{End})";
}
