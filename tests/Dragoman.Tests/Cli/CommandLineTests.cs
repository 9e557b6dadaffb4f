using Dragoman.Cli.Commands;
using Dragoman.Storage.Sqlite;

namespace Dragoman.Tests.Cli;

/// <summary>How the command line treats what a user types: unknown options, suggestions, FTS5 quoting, limits.</summary>
public sealed class CommandLineTests
{
    [Theory]
    [InlineData("events --form 2019-01-01", "form", "--from", "a swap of two letters is one edit")]
    [InlineData("events --limt 5", "limt", "--limit", "a dropped letter")]
    [InlineData("export --fromat csv", "fromat", "--format", "a swap in the export command's own option")]
    [InlineData("train ner --epoch 3", "epoch", "--epochs", "a branch command's options (train ner)")]
    [InlineData("gazetteer admin-names --dta x", "dta", "--data", "a hyphenated command name finds its class (GazetteerAdminNamesCommand)")]
    [InlineData("events --zzzzzz", "zzzzzz", null, "nothing near")]
    public void Nearest_option_is_that_of_the_named_command(string line, string unknown, string? expected, string reason)
    {
        Assert.True(expected == OptionSuggestions.Nearest(line.Split(' '), unknown), reason);
    }

    [Theory]
    [InlineData("events", typeof(EventsSettings), "one word")]
    [InlineData("train ner", typeof(TrainNerSettings), "a branch and its command")]
    [InlineData("bench", typeof(BenchSettings), "the bench branch's default command")]
    [InlineData("nosuchcommand", null, "an unknown command has no options to suggest")]
    public void Command_words_find_their_settings(string words, Type? expected, string reason)
    {
        Assert.True(expected == OptionSuggestions.SettingsFor(words.Split(' ')), reason);
    }

    [Theory]
    [InlineData("form", "from", 1, "a swap of neighbours is one edit")]
    [InlineData("limt", "limit", 1, "one insertion")]
    [InlineData("abc", "abc", 0, "the same")]
    [InlineData("format", "from", 3, "two deletions and a swap")]
    public void Distance_counts_a_swap_as_one_edit(string a, string b, int expected, string reason)
    {
        Assert.True(expected == OptionSuggestions.Distance(a, b), $"{reason}: {OptionSuggestions.Distance(a, b)}");
    }

    [Theory]
    [InlineData("al-Nablusi", "\"al-Nablusi\"", "a hyphen is not a bareword character: a phrase")]
    [InlineData("\"Air Force Intelligence\" AND release*", "\"Air Force Intelligence\" AND release*", "a valid query passes unchanged")]
    [InlineData("al-Nab*", "\"al-Nab\"*", "the prefix star stays outside the quotes")]
    [InlineData("title:al-Qaeda", "title:\"al-Qaeda\"", "a column filter keeps its column")]
    [InlineData("nosuchcolumn:soap", "nosuchcolumn:soap", "an unknown column stays a column filter, for FTS5 to report")]
    [InlineData("U.S. strikes", "\"U.S.\" strikes", "dots")]
    [InlineData("\"unclosed phrase", "\"unclosed phrase\"", "an unclosed quote is closed")]
    [InlineData("NEAR(army town, 5)", "NEAR(army town, 5)", "NEAR keeps its comma")]
    [InlineData("Homs, Hama", "Homs Hama", "a comma outside NEAR separates words")]
    [InlineData("(strike OR shelling) NOT drill", "(strike OR shelling) NOT drill", "groups and operators")]
    [InlineData("Ḥamāh", "Ḥamāh", "letters beyond ASCII are barewords")]
    [InlineData("\"one two\"*", "\"one two\"*", "a prefix phrase")]
    public void Fts5_query_quotes_only_what_fts5_cannot_read(string query, string expected, string reason)
    {
        Assert.True(expected == Fts5Query.Quote(query), $"{reason}: got {Fts5Query.Quote(query)}");
    }

    [Theory]
    [InlineData(100, 4642, "events", "a7:ev2", "100 of 4,642 events; --after a7:ev2 for the next page, --limit N or --no-limit for more", "the issue's own example, thousands separated")]
    [InlineData(1, 2, "events", "a1:ev1", "1 of 2 events; --after a1:ev1 for the next page, --limit N or --no-limit for more", "small")]
    [InlineData(100, 9999, "events", "a7:ev2", "100 of 9,999 events; --after a7:ev2 for the next page, --limit N or --no-limit for more", "just under the count's bound: exact")]
    [InlineData(100, 10000, "incidents", "i7", "100 of at least 10,000 incidents; --after i7 for the next page, --limit N or --no-limit for more", "the count stopped at its bound")]
    public void Limit_note_says_how_many_match(int shown, int total, string what, string last, string expected, string reason)
    {
        Assert.True(expected == EventsCommand.LimitNote(shown, total, EventsSettings.CountBound, what, last), reason);
    }
}

/// <summary>The same, end to end: a real process as a user runs it.</summary>
public sealed class CommandLineProcessTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dragoman-cmdline-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    [Theory]
    [InlineData("events --form 2019-01-01", 2, "did you mean --from?", "an unknown option is an error with the nearest known option, never ignored")]
    [InlineData("evnts", 2, "Did you mean 'events'?", "an unknown command gets Spectre's suggestion")]
    [InlineData("--version", 0, "1.", "the build's version")]
    [InlineData("train ner --help", 0, "--unlabelled", "help of every option renders (a bracket in a description once crashed it)")]
    [InlineData("search al-Nablusi --db missing.db", 1, "no database at missing.db", "a missing database is reported, not a parse error")]
    [InlineData("watch", 2, "name at least one feed URL, or --sources FILE", "watch without a source says what it needs (a usage error: 2)")]
    [InlineData("watch feed.xml", 2, "not an http(s) URL: 'feed.xml'", "watch follows URLs; a file is ingested, not watched")]
    [InlineData("watch http://127.0.0.1:9/f.xml --interval soon", 2, "--interval must be a time such as 30s, 5m or 1h", "an interval that is not a time")]
    [InlineData("watch http://127.0.0.1:9/f.xml --db postgres://u@127.0.0.1:9/x --once", 1, "cannot open database", "a PostgreSQL server that does not answer is named, its password never")]
    [InlineData("watch --sources missing.txt --once", 1, "missing.txt: unreadable", "a sources file that is not there")]
    [InlineData("serve --watch feed.xml", 2, "--watch: not an http(s) URL", "serve --watch takes URLs too")]
    [InlineData("eval merge . --db other.db", 2, "--db must be a PostgreSQL connection string", "eval merge's --db names a PostgreSQL server; the SQLite run needs none")]
    [InlineData("eval merge . --db postgres://u@127.0.0.1/x --keep kept.db", 2, "--store and --keep are for SQLite files", "a PostgreSQL run keeps nothing on disk")]
    [InlineData("eval merge . --model missing.tsv", 2, "--model: no pair model at missing.tsv", "a replacement pair model that is not there is a usage error before any ingest")]
    [InlineData("train merge . --out m.tsv --without-fold 5", 2, "--without-fold must be a fold number from 0 to --folds - 1", "5 folds are numbered 0 to 4: fold 5 would hold out nothing")]
    [InlineData("events --reports --after i7", 2, "--after with --reports takes an event id such as a12:ev3", "the reports' cursor is an event, not an incident")]
    [InlineData("events --after a12:ev3", 2, "--after takes an incident id such as i7", "the incidents' cursor is an incident")]
    [InlineData("events --reports --after a12", 2, "--after with --reports takes an event id", "an article alone names no event to list after")]
    public void Command_lines(string line, int code, string expected, string reason)
    {
        var (exit, stdout, stderr) = CliProcess.Run(_dir, null, line.Split(' '));
        Assert.True(code == exit, $"{reason}: exit {exit}\n{stdout}\n{stderr}");
        Assert.True((stdout + stderr).Contains(expected, StringComparison.Ordinal), $"{reason}:\n{stdout}\n{stderr}");
    }
}
