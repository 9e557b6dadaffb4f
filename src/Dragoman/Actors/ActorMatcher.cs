using Dragoman.Documents;

namespace Dragoman.Actors;

/// <summary>A dictionary phrase found in the text: token range [FirstToken, EndToken), span, and the trie node holding its hits.</summary>
public readonly record struct PhraseMatch(int FirstToken, int EndToken, TextSpan Span, int Node);

/// <summary>
/// Finds dictionary phrases in a tokenised text: each word token is split at hyphens into parts, each part folded into
/// a stack buffer and mapped to a word id (no strings are built), then the trie is walked from every token start and
/// the longest phrase ending at a token end wins. Punctuation ends a walk.
/// </summary>
public static class ActorMatcher
{
    private static readonly HashSet<string> HyphenArticles = new(StringComparer.Ordinal)
    { "al", "el", "ul", "as", "ad", "ash", "at", "az", "ar", "an", "adh", "ath", "ez", "es", "ed", "et", "er", "en" };

    /// <summary>Word-id parts of a text's tokens: for part i, its id and token; tokens map to their first part.</summary>
    public sealed class Parts
    {
        public required int[] Ids { get; init; }
        public required int[] Token { get; init; }
        public required int[] FirstPart { get; init; }
        public required int Count { get; init; }
    }

    public static Parts Prepare(string text, Token[] tokens, ActorDictionary dict)
    {
        var ids = new int[tokens.Length * 2 + 1];
        var tok = new int[ids.Length];
        var first = new int[tokens.Length + 1];
        int n = 0;
        Span<char> buf = stackalloc char[64];
        Span<char> al = ['a', 'l'];
        for (int t = 0; t < tokens.Length; t++)
        {
            first[t] = n;
            var token = tokens[t];
            if (n + 4 >= ids.Length) { Array.Resize(ref ids, ids.Length * 2); Array.Resize(ref tok, tok.Length * 2); }
            if (token.Kind is not (TokenKind.Word or TokenKind.Number))
            {
                ids[n] = -2; tok[n] = t; n++;
                continue;
            }
            var s = text.AsSpan(token.Start, token.End - token.Start);
            int start = 0, partIndex = 0;
            for (int i = 0; i <= s.Length; i++)
            {
                if (i < s.Length && s[i] is not ('-' or '‐' or '–' or '/')) continue;
                var raw = s[start..i];
                start = i + 1;
                if (raw.IsEmpty) continue;
                int len = NameFolding.FoldPart(raw.Length > 64 ? raw[..64] : raw, buf);
                if (len == 0) continue;
                var folded = buf[..len];
                if (i < s.Length && partIndex == 0 && len <= 3 && IsArticle(folded)) folded = al;
                if (n + 2 >= ids.Length) { Array.Resize(ref ids, ids.Length * 2); Array.Resize(ref tok, tok.Length * 2); }
                ids[n] = dict.WordId(folded);
                tok[n] = t;
                n++;
                partIndex++;
            }
            if (partIndex == 0) { ids[n] = -2; tok[n] = t; n++; }
        }
        first[tokens.Length] = n;
        return new Parts { Ids = ids, Token = tok, FirstPart = first, Count = n };
    }

    private static bool IsArticle(ReadOnlySpan<char> s)
    {
        foreach (var a in HyphenArticles) if (s.SequenceEqual(a)) return true;
        return false;
    }

    /// <summary>
    /// Longest non-overlapping matches, left to right. <paramref name="proper"/> selects named actors (countries,
    /// groups, persons: capitalisation rules apply) or agents (generic nouns: any case).
    /// </summary>
    public static List<PhraseMatch> Find(string text, Token[] tokens, Parts parts, ActorDictionary dict, bool proper)
    {
        var result = new List<PhraseMatch>();
        int t = 0;
        while (t < tokens.Length)
        {
            int best = -1, bestNode = -1;
            int node = 0;
            for (int p = parts.FirstPart[t]; p < parts.Count; p++)
            {
                node = dict.Step(node, parts.Ids[p]);
                if (node < 0) break;
                int tokIdx = parts.Token[p];
                bool tokenEnd = p + 1 >= parts.Count || parts.Token[p + 1] != tokIdx;
                if (!tokenEnd) continue;
                if (Accept(text, tokens, t, tokIdx + 1, node, dict, proper)) { best = tokIdx + 1; bestNode = node; }
            }
            if (best > 0)
            {
                result.Add(new PhraseMatch(t, best, new TextSpan(tokens[t].Start, tokens[best - 1].End), bestNode));
                t = best;
            }
            else t++;
        }
        return result;
    }

    private static bool Accept(string text, Token[] tokens, int first, int end, int node, ActorDictionary dict, bool proper)
    {
        var hits = dict.HitsAt(node);
        if (hits.IsEmpty) return false;
        bool any = false;
        foreach (var h in hits)
            if ((h.Kind == PhraseKind.Agent) != proper) { any = true; break; }
        if (!any) return false;
        if (!proper) return true;
        byte rule = dict.CapsRuleAt(node);
        if (end - first == 1 && rule != 2 && IsCommonWord(text.AsSpan(tokens[first].Start, tokens[first].End - tokens[first].Start))) return false;
        if (end - first == 1 && IsLoneGivenName(text, tokens[first], hits, dict)) return false;
        if (rule == 2)
        {
            for (int t = first; t < end; t++)
                foreach (var c in text.AsSpan(tokens[t].Start, tokens[t].End - tokens[t].Start))
                    if (char.IsLower(c)) return false;
            return true;
        }
        return rule == 0 || IsCapitalised(text, tokens[first]) || (end - first > 1 && IsCapitalised(text, tokens[first + 1]));
    }

    // Capitalised common English words that fold onto dictionary variants ("Some" ~ Finnish "Soome", "May", "Will").
    private static readonly HashSet<string> CommonWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "some", "any", "all", "many", "most", "more", "much", "other", "others", "one", "two", "new", "old",
        "may", "will", "can", "could", "would", "should", "must", "might", "shall", "do", "does", "did", "is", "are", "was",
        "were", "be", "been", "has", "have", "had", "it", "its", "he", "she", "we", "they", "you", "his", "her", "their",
        "our", "this", "that", "these", "those", "there", "here", "then", "than", "so", "but", "and", "or", "nor", "not",
        "no", "yes", "also", "as", "at", "by", "for", "from", "in", "into", "of", "on", "onto", "over", "under", "up", "down",
        "out", "off", "to", "with", "without", "about", "after", "before", "since", "until", "while", "when", "where", "who",
        "what", "which", "why", "how", "if", "because", "though", "although", "said", "says", "man", "men", "good", "last",
        "next", "first", "second", "same", "such", "only", "even", "still", "just", "now", "today", "yesterday", "sources",
        "source", "police", "army", "government", "state", "people", "president", "minister",
    };

    /// <summary>"Hassan" alone is a given name shared by thousands, not the dictionary's Prince Hassan.</summary>
    private static bool IsLoneGivenName(string text, Token token, ReadOnlySpan<PhraseHit> hits, ActorDictionary dict)
    {
        foreach (var h in hits)
            if (h.Kind == PhraseKind.Actor && dict.Entries[h.Index].Type == Documents.EntityType.PERSON)
            {
                var parts = NameFolding.FoldWord(text.AsSpan(token.Start, token.End - token.Start));
                return parts.Count == 1 && dict.Shape.IsGivenName(parts[0]);
            }
        return false;
    }

    private static bool IsCommonWord(ReadOnlySpan<char> word)
    {
        var lookup = CommonWords.GetAlternateLookup<ReadOnlySpan<char>>();
        return lookup.Contains(word) && !(word.Length > 1 && char.IsUpper(word[1]));
    }

    /// <summary>"Maher", "al-Nablusi" (capital after the article), "ISIS".</summary>
    public static bool IsCapitalised(string text, Token token)
    {
        if (token.Kind != TokenKind.Word) return false;
        char c = text[token.Start];
        if (char.IsUpper(c)) return true;
        int h = text.IndexOf('-', token.Start, token.End - token.Start);
        return h > token.Start && h + 1 < token.End && h - token.Start <= 3 && char.IsUpper(text[h + 1]);
    }

    /// <summary>The best hit of a match for the wanted family.</summary>
    public static PhraseHit? BestHit(ActorDictionary dict, int node, bool proper)
    {
        foreach (var h in dict.HitsAt(node))
            if ((h.Kind == PhraseKind.Agent) != proper) return h;
        return null;
    }
}
