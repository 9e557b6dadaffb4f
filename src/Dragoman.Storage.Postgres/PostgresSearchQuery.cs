using System.Text;

namespace Dragoman.Storage.Postgres;

/// <summary>
/// Turns the search language both providers share (SQLite FTS5's: words, "quoted phrases", AND, OR, NOT, parentheses,
/// prefix*, title:word / text:word, adjacent terms meaning AND) into a <c>to_tsquery('simple', ...)</c> text, or says
/// clearly what is wrong with it. PostgreSQL's own websearch_to_tsquery accepts anything and silently drops what it does
/// not understand, so an unbalanced quote or a stray operator would search for something else than the user typed.
/// The title is indexed with weight A and the text with weight B (PostgresMigrations), so a column filter is a weight.
/// </summary>
internal static class PostgresSearchQuery
{
    private const string Help = "Use words, \"quoted phrases\", AND, OR, NOT, (brackets), prefix* and title: or text:; quote words with punctuation.";

    public static Result<string> Translate(string query)
    {
        if (string.IsNullOrWhiteSpace(query)) return Result<string>.Fail("the search query is empty");
        var parser = new Parser(query);
        try
        {
            var tsquery = parser.Expression();
            if (!parser.AtEnd) throw new QueryError($"unexpected '{parser.Rest}'");
            return tsquery;
        }
        catch (QueryError ex)
        {
            return Result<string>.Fail($"cannot search for \"{query}\": {ex.Message}. {Help}");
        }
    }

    private sealed class QueryError(string message) : Exception(message);

    private sealed class Parser(string text)
    {
        private int _at;

        public bool AtEnd { get { SkipSpace(); return _at >= text.Length; } }
        public string Rest => text[_at..];

        // expression := and ( OR and )*
        public string Expression()
        {
            var parts = new List<string> { And() };
            while (Keyword("OR")) parts.Add(And());
            return parts.Count == 1 ? parts[0] : "(" + string.Join(" | ", parts) + ")";
        }

        // and := not ( [AND] not )*   -- adjacent terms mean AND, as in FTS5
        private string And()
        {
            var parts = new List<string> { Not() };
            while (true)
            {
                if (Keyword("AND")) { parts.Add(Not()); continue; }
                if (AtEnd || Peek(')') || IsKeywordAhead("OR") || IsKeywordAhead("NOT")) break;
                parts.Add(Not());
            }
            return parts.Count == 1 ? parts[0] : "(" + string.Join(" & ", parts) + ")";
        }

        // not := primary ( NOT primary )*   -- FTS5's NOT is binary: a NOT b
        private string Not()
        {
            var left = Primary();
            while (Keyword("NOT")) left = $"({left} & !{Primary()})";
            return left;
        }

        private string Primary()
        {
            SkipSpace();
            if (_at >= text.Length) throw new QueryError("the query ends where a word or phrase should follow");
            if (IsKeywordAhead("AND") || IsKeywordAhead("OR") || IsKeywordAhead("NOT"))
                throw new QueryError($"'{Word()}' needs a word or phrase on each side");
            if (text[_at] == '(')
            {
                _at++;
                var inner = Expression();
                SkipSpace();
                if (!Peek(')')) throw new QueryError("a '(' is not closed");
                _at++;
                return inner;
            }
            string weight = "";
            int save = _at;
            var word = Word();
            if (word.Length > 0 && _at < text.Length && text[_at] == ':')
            {
                weight = word.ToLowerInvariant() switch
                {
                    "title" => "A",
                    "text" => "B",
                    _ => throw new QueryError($"no such column: {word} (the columns are title and text)"),
                };
                _at++;
            }
            else
                _at = save;
            if (word.Equals("NEAR", StringComparison.Ordinal) && _at + 4 < text.Length && text[_at + 4] == '(')
                throw new QueryError("NEAR(...) is not supported on PostgreSQL; use a \"quoted phrase\" or AND");

            List<string> tokens;
            if (_at < text.Length && text[_at] == '"')
            {
                int end = text.IndexOf('"', _at + 1);
                if (end < 0) throw new QueryError("a quoted phrase is not closed");
                tokens = Tokens(text[(_at + 1)..end]);
                _at = end + 1;
                if (tokens.Count == 0) throw new QueryError("a quoted phrase holds no word");
            }
            else
            {
                var bare = Word();
                if (bare.Length == 0) throw new QueryError($"unexpected '{text[_at]}'");
                tokens = [bare];
            }
            bool prefix = _at < text.Length && text[_at] == '*';
            if (prefix) _at++;
            var lexemes = tokens.Select((t, i) => "'" + t + "'" + Suffix(prefix && i == tokens.Count - 1, weight));
            return tokens.Count == 1 ? lexemes.First() : "(" + string.Join(" <-> ", lexemes) + ")";
        }

        private static string Suffix(bool prefix, string weight) => prefix || weight.Length > 0 ? ":" + (prefix ? "*" : "") + weight : "";

        /// <summary>The words of a phrase: runs of letters and digits (punctuation separates, as the text indexer does).</summary>
        private static List<string> Tokens(string phrase)
        {
            var tokens = new List<string>();
            var sb = new StringBuilder();
            foreach (var c in phrase)
            {
                if (char.IsLetterOrDigit(c)) sb.Append(c);
                else if (sb.Length > 0) { tokens.Add(sb.ToString()); sb.Clear(); }
            }
            if (sb.Length > 0) tokens.Add(sb.ToString());
            return tokens;
        }

        /// <summary>A bare word: letters, digits, underscore (FTS5's barewords); empty when none starts here.</summary>
        private string Word()
        {
            SkipSpace();
            int start = _at;
            while (_at < text.Length && (char.IsLetterOrDigit(text[_at]) || text[_at] == '_')) _at++;
            if (_at < text.Length && start < _at && !char.IsWhiteSpace(text[_at]) && text[_at] is not (':' or '*' or ')' or '(' or '"'))
                throw new QueryError($"syntax error near \"{text[start..]}\"");
            if (start == _at && _at < text.Length && !char.IsWhiteSpace(text[_at]) && text[_at] is not ('(' or ')' or '"'))
                throw new QueryError($"syntax error near \"{text[_at..]}\"");
            return text[start.._at];
        }

        private bool Peek(char c) { SkipSpace(); return _at < text.Length && text[_at] == c; }

        private bool IsKeywordAhead(string keyword)
        {
            SkipSpace();
            int end = _at + keyword.Length;
            return end <= text.Length && string.CompareOrdinal(text, _at, keyword, 0, keyword.Length) == 0
                && (end == text.Length || char.IsWhiteSpace(text[end]) || text[end] is '(' or '"');
        }

        private bool Keyword(string keyword)
        {
            if (!IsKeywordAhead(keyword)) return false;
            _at += keyword.Length;
            return true;
        }

        private void SkipSpace()
        {
            while (_at < text.Length && char.IsWhiteSpace(text[_at])) _at++;
        }
    }
}
