using Dragoman.Documents;

namespace Dragoman.Text.Syntax;

/// <summary>Answers whether a lower-case word form is an ordinary English word (function word, verb, frequent common word).</summary>
public delegate bool KnownLowerWord(string lower);

/// <summary>
/// A case-normalised view of headline-cased lines ("Regime Forces Release 30 Prisoners Near Daraa", "POLICE ARREST
/// DOZENS IN KHARTOUM"): there capitalisation says nothing about names, yet the tagger reads a capitalised word as a name
/// and the part-of-speech model was trained on sentence case, so such a headline had no verb and no event. Each whole line
/// of a sentence (a sentence may hold a headline and the first body line) is judged on its own; in a headline-cased line every word
/// whose lower-case form is an ordinary word is read in lower case, the rest keep a capital (all-caps names become
/// "Daraa"). Lines in sentence case, and a sentence that runs on into more text on its line ("04-06-2016 40 Civilians Killed ...
/// in Aleppo. Terrorist groups fired ..."), are left alone.
/// </summary>
public static class HeadlineCase
{
    /// <summary>At least this many non-initial words of four letters or more decide a title-case line.</summary>
    private const int MinLongWords = 3;

    /// <summary>Share of those words that must be capitalised: sentence-case prose with many names stays well below.</summary>
    private const double TitleShare = 0.8;

    /// <summary>
    /// The words of tokens [first, end) as the tagger should read them, or null when no line among them is headline-cased.
    /// </summary>
    public static string[]? Fold(string text, Token[] tokens, int first, int end, KnownLowerWord known)
    {
        string[]? folded = null;
        int start = first;
        for (int i = first + 1; i <= end; i++)
        {
            if (i < end && !NewlineBetween(text, tokens[i - 1], tokens[i])) continue;
            // a headline stands on its own line; a capitalised sentence running on into body text is read as written
            var kind = LineStart(text, tokens[start].Start) && LineEnd(text, tokens[i - 1].End) ? Judge(text, tokens, start, i, known) : LineCase.Sentence;
            if (kind != LineCase.Sentence)
            {
                folded ??= Words(text, tokens, first, end);
                for (int k = start; k < i; k++) folded[k - first] = FoldWord(folded[k - first], kind, k == start, known);
            }
            start = i;
        }
        return folded;
    }

    private enum LineCase { Sentence, Title, Upper }

    private static LineCase Judge(string text, Token[] tokens, int start, int end, KnownLowerWord known)
    {
        int letters = 0, upperWords = 0, longWords = 0, capitalised = 0, knownCapitalised = 0;
        bool allUpper = true;
        for (int k = start; k < end; k++)
        {
            var t = tokens[k];
            if (t.Kind != TokenKind.Word) continue;
            var w = text.AsSpan(t.Start, t.End - t.Start);
            if (!char.IsLetter(w[0])) continue;
            foreach (var c in w) if (char.IsLetter(c) && !char.IsUpper(c)) { allUpper = false; break; }
            letters++;
            if (w.Length >= 2 && IsAllUpper(w)) upperWords++;
            if (k == start || w.Length < 4) continue;
            longWords++;
            if (!char.IsUpper(w[0])) continue;
            capitalised++;
            if (known(w.ToString().ToLowerInvariant())) knownCapitalised++;
        }
        if (allUpper && upperWords >= 3) return LineCase.Upper;
        // a list of names is capitalised too; a headline capitalises ordinary words ("Kill", "Prisoners")
        return longWords >= MinLongWords && capitalised >= TitleShare * longWords && knownCapitalised >= 2 ? LineCase.Title : LineCase.Sentence;
    }

    private static string FoldWord(string w, LineCase kind, bool initial, KnownLowerWord known)
    {
        if (w.Length == 0 || !char.IsLetter(w[0])) return w;
        var lower = w.ToLowerInvariant();
        if (known(lower)) return initial ? char.ToUpperInvariant(lower[0]) + lower[1..] : lower;
        return kind == LineCase.Upper ? char.ToUpperInvariant(lower[0]) + lower[1..] : w;
    }

    private static bool IsAllUpper(ReadOnlySpan<char> w)
    {
        foreach (var c in w) if (char.IsLetter(c) && !char.IsUpper(c)) return false;
        return true;
    }

    private static bool LineStart(string text, int at)
    {
        for (int p = at - 1; p >= 0 && text[p] != '\n'; p--) if (!char.IsWhiteSpace(text[p])) return false;
        return true;
    }

    private static bool LineEnd(string text, int at)
    {
        for (int p = at; p < text.Length && text[p] != '\n'; p++) if (!char.IsWhiteSpace(text[p])) return false;
        return true;
    }

    private static bool NewlineBetween(string text, Token a, Token b) => text.AsSpan(a.End, Math.Max(0, b.Start - a.End)).Contains('\n');

    private static string[] Words(string text, Token[] tokens, int first, int end)
    {
        var words = new string[end - first];
        for (int k = first; k < end; k++) words[k - first] = text[tokens[k].Start..tokens[k].End];
        return words;
    }
}
