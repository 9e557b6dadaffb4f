using Dragoman.Documents;

namespace Dragoman.Geo;

/// <summary>
/// Finds place-name candidates by gazetteer lookup over capitalised token sequences (with inner Arabic articles
/// and "of"/"de" connectors, and trailing feature nouns such as "basin", "camp", "base", "province"). Longest match
/// first; a match that covers only part of a longer capitalised name is flagged so the resolver asks for more evidence.
/// </summary>
public static class PlaceSpotter
{
    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal)
    { "al", "el", "ad", "as", "ash", "ar", "an", "at", "az", "ez", "es", "ed", "de", "del", "da", "di", "du", "la", "le", "of", "upon", "bin", "ibn" };

    private static readonly HashSet<string> FeatureNouns = new(StringComparer.Ordinal)
    {
        "basin", "valley", "camp", "base", "airbase", "airport", "crossing", "heights", "river", "mountains", "mountain",
        "province", "governorate", "countryside", "region", "district", "city", "plain", "desert", "strip", "bank", "lake", "sea",
    };

    private static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "this", "that", "these", "those", "it", "its", "he", "she", "they", "we", "i", "you", "his", "her", "their", "our",
        "in", "on", "at", "of", "for", "by", "with", "from", "to", "and", "or", "but", "as", "if", "when", "while", "after", "before",
        "over", "under", "there", "here", "however", "meanwhile", "also", "additionally", "according", "sources", "source", "monday", "tuesday",
        "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december", "mr", "mrs", "ms", "dr", "said", "says", "new", "north", "south", "east", "west",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
        "sept", "oct", "nov", "dec", "most", "many", "some", "all", "both", "each", "every", "other", "such", "several", "few", "more",
        "much", "any", "no", "not", "one", "two", "three", "what", "which", "who", "why", "how", "where", "then", "thus", "yet", "so",
    };

    public static List<PlaceQuery> Spot(string text, Token[] tokens, Sentence[] sentences, Gazetteer g, Func<int, int, bool> blocked)
    {
        var found = new List<PlaceQuery>();
        foreach (var s in sentences.Length > 0 ? sentences : [new Sentence(0, text.Length, 0, tokens.Length)])
        {
            int i = s.FirstToken;
            while (i < s.EndToken)
            {
                if (!IsCap(text, tokens[i]) || blocked(tokens[i].Start, tokens[i].End)) { i++; continue; }
                // the capitalised run [i, j)
                int j = i + 1;
                while (j < s.EndToken)
                {
                    if (IsCap(text, tokens[j]) && !blocked(tokens[j].Start, tokens[j].End)) { j++; continue; }
                    if (j + 1 < s.EndToken && tokens[j].Kind == TokenKind.Word && Connectors.Contains(Lower(text, tokens[j]))
                        && IsCap(text, tokens[j + 1])) { j += 2; continue; }
                    break;
                }
                // trailing feature nouns
                int k = j;
                while (k < s.EndToken && k < j + 2 && tokens[k].Kind == TokenKind.Word && FeatureNouns.Contains(Lower(text, tokens[k]))) k++;
                MatchRun(text, tokens, i, j, k, g, found);
                i = j;
            }
        }
        return found;
    }

    private static void MatchRun(string text, Token[] tokens, int a, int b, int withNouns, Gazetteer g, List<PlaceQuery> found)
    {
        int s = a;
        while (s < b)
        {
            bool matched = false;
            for (int e = Math.Min(b, s + 6); e > s; e--)
            {
                // with the trailing feature noun(s) first ("Yarmouk basin"), then the bare name
                int[] ends = e == b && withNouns > b ? [withNouns, e] : [e];
                foreach (var end in ends)
                {
                    if (end - s == 1 && NotNames.Contains(Lower(text, tokens[s]))) continue;
                    if (!IsCap(text, tokens[s]) || (end <= b && !IsCap(text, tokens[end - 1]))) continue; // never start or end on a connector
                    var span = text[tokens[s].Start..tokens[end - 1].End];
                    var canon = NameFolder.Canon(span);
                    if (canon.Length < 2) continue;
                    bool hit = g.LookupCanon(canon).Length > 0 || g.LookupLoose(NameFolder.Loose(canon)).Length > 0;
                    if (!hit && end > b && canon.Length >= 8) hit = g.FuzzyKeys(NameFolder.Loose(canon)).Count > 0; // "Yamouk basin"
                    if (!hit) continue;
                    bool inside = (s > a || e < b) && !(e == b && end > b);
                    found.Add(new PlaceQuery(tokens[s].Start, tokens[end - 1].End, Given: false, InsideLongerName: inside));
                    s = Math.Min(end, b);
                    matched = true;
                    break;
                }
                if (matched) break;
            }
            if (!matched) s++;
        }
    }

    private static string Lower(string text, Token t) => text[t.Start..t.End].ToLowerInvariant();

    /// <summary>A capitalised word, an Arabic-script word, or an article-prefixed name ("al-Tanf").</summary>
    internal static bool IsCap(string text, Token t)
    {
        if (t.Kind != TokenKind.Word) return false;
        char c = text[t.Start];
        if (char.IsUpper(c)) return t.End - t.Start > 1 || (t.End < text.Length && text[t.End] == '.');
        if (c >= 0x0600 && c <= 0x06FF) return true;
        int dash = text.IndexOf('-', t.Start, t.End - t.Start);
        return dash > 0 && dash - t.Start <= 3 && dash + 1 < t.End && char.IsUpper(text[dash + 1]);
    }
}
