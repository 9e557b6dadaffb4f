using System.Text;

namespace Dragoman.Storage.Sqlite;

/// <summary>
/// Makes a user's search text a valid FTS5 query without changing what a valid one means: phrases, AND/OR/NOT,
/// NEAR(...), prefix*, ^initial, column filters (title:) and parentheses pass through; a word FTS5 cannot read
/// as a bareword ("al-Nablusi", "U.S.", "2019-03-01") becomes a quoted phrase, its prefix star kept outside the quotes;
/// an unclosed quote is closed; commas outside NEAR(...) separate words.
/// </summary>
public static class Fts5Query
{
    public static string Quote(string query)
    {
        var sb = new StringBuilder(query.Length + 8);
        int nearDepth = 0, depth = 0;
        for (int i = 0; i < query.Length;)
        {
            char c = query[i];
            if (char.IsWhiteSpace(c) || (c == ',' && nearDepth == 0)) { if (sb.Length > 0 && sb[^1] != ' ') sb.Append(' '); i++; continue; }
            if (c == '"')
            {
                int end = i + 1;
                while (end < query.Length && !(query[end] == '"' && (end + 1 >= query.Length || query[end + 1] != '"'))) end += query[end] == '"' ? 2 : 1;
                if (end >= query.Length) { sb.Append(query, i, query.Length - i).Append('"'); break; } // close what the user left open
                sb.Append(query, i, end - i + 1);
                i = end + 1;
                if (i < query.Length && query[i] == '*') sb.Append(query[i++]); // "phrase"* is a prefix phrase
                continue;
            }
            if (c == '(') { depth++; sb.Append(c); i++; continue; }
            if (c == ')') { if (depth == nearDepth && nearDepth > 0) nearDepth = 0; depth = Math.Max(0, depth - 1); sb.Append(c); i++; continue; }
            if (c == ',') { sb.Append(','); i++; continue; }
            int start = i;
            while (i < query.Length && !char.IsWhiteSpace(query[i]) && query[i] is not ('"' or '(' or ')' or ',')) i++;
            var word = query[start..i];
            if (word == "NEAR" && i < query.Length && query[i] == '(') { sb.Append(word); nearDepth = depth + 1; continue; }
            sb.Append(Word(word));
        }
        return sb.ToString().Trim();
    }

    private static string Word(string word)
    {
        if (word is "AND" or "OR" or "NOT" or "+") return word;
        int colon = word.IndexOf(':');
        // a column filter (title:word); an unknown column name stays one, so that FTS5 reports it rather than a phrase hiding it
        if (colon > 0 && word[..colon].All(IsBareword))
            return word[..(colon + 1)] + (colon + 1 < word.Length ? Word(word[(colon + 1)..]) : "");
        var caret = word.StartsWith('^') ? "^" : "";
        var core = word[caret.Length..];
        var star = core.EndsWith('*') ? "*" : "";
        core = core.TrimEnd('*');
        if (core.Length == 0) return "";
        return core.All(IsBareword) ? caret + core + star : caret + "\"" + core.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" + star;
    }

    /// <summary>FTS5 barewords: ASCII letters and digits, underscore, the substitute character, anything beyond ASCII.</summary>
    private static bool IsBareword(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '\u001a' || c > 127;
}
