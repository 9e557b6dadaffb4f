using Dragoman.Storage.Postgres;

namespace Dragoman.Tests.Storage;

/// <summary>What --db may name for PostgreSQL, and how the shared search language becomes a tsquery (no server needed).</summary>
public sealed class PostgresLocationTests
{
    [Theory]
    [InlineData("dragoman.db", false, "a SQLite file name")]
    [InlineData("data/host=1.db", false, "a file name with '=' and 'host' that is no connection string")]
    [InlineData("postgres://u@db/dragoman", true, "a postgres:// URL")]
    [InlineData("postgresql://u@db/dragoman", true, "a postgresql:// URL")]
    [InlineData("Host=db;Database=dragoman", true, "an Npgsql keyword connection string")]
    public void Db_names_a_server_or_a_file(string db, bool postgres, string reason) =>
        Assert.True(PostgresLocation.IsPostgres(db) == postgres, reason);

    [Theory]
    [InlineData("postgres://ann:s%40cret@db.example.org:6543/news?sslmode=require", "Host=db.example.org;Port=6543;Username=ann;Password=s@cret;Database=news;SSL Mode=Require", "every part, the password unescaped")]
    [InlineData("postgres://db/news", "Host=db;Database=news", "host and database only")]
    [InlineData("postgres://db/news?colour=red", "error:'colour' is not understood", "an unknown parameter is an error, not ignored")]
    [InlineData("postgres://db/news?sslmode=sometimes", "error:sslmode=sometimes", "a bad value names itself")]
    public void A_url_becomes_a_connection_string(string url, string expected, string reason)
        => AssertValueOrError(PostgresLocation.ConnectionString(url), expected, reason);

    /// <summary><paramref name="expected"/> is the value, or "error:" and a part of the error message.</summary>
    private static void AssertValueOrError(Result<string> result, string expected, string reason)
    {
        var got = result.IsOk ? result.Value! : "error:" + result.Error;
        if (expected.StartsWith("error:", StringComparison.Ordinal)) Assert.True(!result.IsOk && got.Contains(expected[6..], StringComparison.Ordinal), $"{reason}: {got}");
        else Assert.True(expected == got, $"{reason}: got {got}");
    }

    [Theory]
    [InlineData("postgres://ann:secret@db/news", "postgres://ann:***@db/news", "a URL's password")]
    [InlineData("Host=db;Password=secret;Database=news", "Host=db;Password=***;Database=news", "a connection string's password")]
    public void Passwords_are_not_shown(string db, string expected, string reason) =>
        Assert.True(expected == PostgresLocation.Redact(db), $"{reason}: got {PostgresLocation.Redact(db)}");

    [Theory]
    [InlineData("soap", "'soap'", "a word")]
    [InlineData("soap aleppo", "('soap' & 'aleppo')", "adjacent words mean AND")]
    [InlineData("soap OR oil NOT olive", "('soap' | ('oil' & !'olive'))", "OR binds loosest, NOT is binary")]
    [InlineData("\"olive-oil soap\"", "('olive' <-> 'oil' <-> 'soap')", "a phrase, punctuation separating its words")]
    [InlineData("workshop*", "'workshop':*", "a prefix")]
    [InlineData("title:idlib", "'idlib':A", "a column filter is the title's weight")]
    [InlineData("text:\"air force\"*", "('air':B <-> 'force':*B)", "a column, a phrase and a prefix together")]
    [InlineData("(a OR b) c", "(('a' | 'b') & 'c')", "brackets")]
    [InlineData("\"unbalanced", "error:not closed", "an unterminated phrase")]
    [InlineData("AND", "error:needs a word", "an operator alone")]
    [InlineData("soap AND (", "error:ends where a word", "an unclosed bracket")]
    [InlineData("nosuchcolumn:soap", "error:no such column", "an unknown column")]
    [InlineData("it's", "error:syntax error", "punctuation outside quotes")]
    [InlineData("NEAR(a b)", "error:NEAR", "NEAR is not available on PostgreSQL")]
    public void Search_queries_become_tsqueries_or_clear_errors(string query, string expected, string reason)
        => AssertValueOrError(PostgresSearchQuery.Translate(query), expected, reason);
}
