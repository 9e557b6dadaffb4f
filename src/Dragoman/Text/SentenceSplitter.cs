using Dragoman.Documents;

namespace Dragoman.Text;

/// <summary>
/// Splits tokens into sentences: at line breaks between paragraphs, and after '.', '!' or '?'
/// unless the dot ends a known abbreviation or an initial.
/// </summary>
public static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "maj", "capt", "sgt", "cpl", "brig", "adm", "gov", "sen", "rep",
        "st", "mt", "ft", "jr", "sr", "vs", "etc", "no", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
        "oct", "nov", "dec", "inc", "ltd", "co", "corp", "dept", "est", "approx", "u.s", "u.n", "u.k", "e.g", "i.e", "al",
    };

    public static Sentence[] Split(string text, Token[] tokens)
    {
        var sentences = new List<Sentence>();
        int first = 0;
        for (int i = 0; i < tokens.Length; i++)
        {
            bool boundary = false;
            var t = tokens[i];
            if (i + 1 < tokens.Length && HasParagraphBreak(text, t.End, tokens[i + 1].Start))
                boundary = true;
            else if (t.Kind == TokenKind.Punctuation && IsTerminal(text[t.Start]))
            {
                // absorb closing quotes and brackets that follow the terminal mark
                while (i + 1 < tokens.Length && tokens[i + 1].Start == tokens[i].End && IsCloser(text[tokens[i + 1].Start])) i++;
                boundary = i + 1 >= tokens.Length || StartsSentence(text, tokens[i + 1]);
                if (boundary && text[t.Start] == '.' && i > first && EndsWithAbbreviation(text, tokens, t, first))
                    boundary = false;
            }
            if (boundary || i == tokens.Length - 1)
            {
                sentences.Add(new Sentence(tokens[first].Start, tokens[i].End, first, i - first + 1));
                first = i + 1;
            }
        }
        return [.. sentences];
    }

    private static bool IsTerminal(char c) => c is '.' or '!' or '?' or '…';
    private static bool IsCloser(char c) => c is '"' or '\'' or '”' or '’' or ')' or ']' or '»';

    private static bool StartsSentence(string text, Token next)
    {
        char c = text[next.Start];
        return char.IsUpper(c) || char.IsDigit(c) || c is '"' or '“' or '‘' or '(' or '[' or '«' || !char.IsLetter(c) && !char.IsPunctuation(c);
    }

    private static bool HasParagraphBreak(string text, int from, int to)
    {
        for (int i = from; i < to; i++) if (text[i] == '\n') return true;
        return false;
    }

    private static bool EndsWithAbbreviation(string text, Token[] tokens, Token dot, int first)
    {
        int idx = Array.IndexOf(tokens, dot, first);
        if (idx <= 0) return false;
        var prev = tokens[idx - 1];
        if (prev.End != dot.Start || prev.Kind != TokenKind.Word) return false;
        var word = text.AsSpan(prev.Start, prev.Length());
        if (word.Length == 1 && char.IsUpper(word[0])) return true; // an initial: "George W. Bush"
        return Abbreviations.Contains(word.ToString());
    }

    private static int Length(this Token t) => t.End - t.Start;
}
