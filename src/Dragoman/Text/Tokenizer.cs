using System.Globalization;
using Dragoman.Documents;

namespace Dragoman.Text;

/// <summary>
/// Splits text into word, number and punctuation tokens without allocating strings.
/// Keeps "al-Waleed", "3,000", "U.S." and "Assad’s" parts together where a reader would.
/// </summary>
public static class Tokenizer
{
    public static Token[] Tokenize(string text) => Tokenize(text, 0, text.Length);

    public static Token[] Tokenize(string text, int start, int end)
    {
        var tokens = new List<Token>(Math.Max(16, (end - start) / 5));
        int i = start;
        while (i < end)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (char.IsDigit(c))
            {
                int j = i + 1;
                while (j < end && (char.IsDigit(text[j])
                    || ((text[j] == ',' || text[j] == '.' || text[j] == ':') && j + 1 < end && char.IsDigit(text[j + 1]) && char.IsDigit(text[j - 1]))))
                    j++;
                // "30th", "1990s", "5km": a number glued to letters stays one token
                while (j < end && char.IsLetter(text[j])) j++;
                tokens.Add(new Token(i, j, TokenKind.Number));
                i = j;
                continue;
            }
            if (IsWordChar(c))
            {
                int j = i + 1;
                while (j < end)
                {
                    char d = text[j];
                    if (IsWordChar(d) || char.IsDigit(d)) { j++; continue; }
                    // inner hyphen or apostrophe joined by letters: al-Waleed, Dar'a, O'Brien
                    if ((d == '-' || d == '\'' || d == '’' || d == '‘') && j + 1 < end && IsWordChar(text[j + 1]))
                    {
                        // possessive 's is its own token
                        if ((d == '\'' || d == '’') && (text[j + 1] == 's' || text[j + 1] == 'S') && (j + 2 >= end || !IsWordChar(text[j + 2])))
                            break;
                        j += 2;
                        continue;
                    }
                    // abbreviations with inner dots: U.S., U.N.
                    if (d == '.' && j + 1 < end && char.IsUpper(text[j + 1]) && j - i == 1 && j + 2 < end && text[j + 2] == '.')
                    {
                        j += 3;
                        while (j + 1 < end && char.IsUpper(text[j]) && text[j + 1] == '.') j += 2;
                        break;
                    }
                    break;
                }
                tokens.Add(new Token(i, j, TokenKind.Word));
                i = j;
                continue;
            }
            if ((c == '\'' || c == '’') && i + 1 < end && (text[i + 1] == 's' || text[i + 1] == 'S') && (i + 2 >= end || !IsWordChar(text[i + 2])) && i > start && IsWordChar(text[i - 1]))
            {
                tokens.Add(new Token(i, i + 2, TokenKind.Word));
                i += 2;
                continue;
            }
            var kind = char.IsPunctuation(c) ? TokenKind.Punctuation : TokenKind.Symbol;
            int k = i + 1;
            if (char.IsSurrogate(c) && k < end) k++;
            tokens.Add(new Token(i, k, kind));
            i = k;
        }
        return [.. tokens];
    }

    public static bool IsWordChar(char c)
    {
        if (char.IsLetter(c)) return true;
        var cat = char.GetUnicodeCategory(c);
        // Arabic harakat and other combining marks belong to the word they mark
        return cat is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
    }
}
