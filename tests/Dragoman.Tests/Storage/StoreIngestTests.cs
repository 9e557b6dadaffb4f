using Dragoman.Ingest;
using Dragoman.Storage;
using Dragoman.Storage.Sqlite;
using Dragoman.Tests.Support;

namespace Dragoman.Tests.Storage;

/// <summary>Batches with bad inputs: the others are stored, failures are named with a reason, nothing is stored twice.</summary>
public sealed class StoreIngestTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("dragoman-ingest-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private string Good(string name, string subject) => Write(name,
        $"{subject} reopens after repairs\n\nWorkers said the {subject} reopened on Sunday after two months of repairs paid for by local traders.");

    private static IngestSummary Ingest(IEventStore store, IEnumerable<string> inputs, int batchSize = 128) =>
        new StoreIngest(store, TestPipeline.Instance, null) { BatchSize = batchSize }.Run(StoreIngest.Prepare(InputSources.Expand(inputs)));

    [Theory]
    [InlineData("ar", "وصلت قافلة\n\nوصلت قافلة مساعدات إلى البلدة الشمالية يوم الأحد بعد تأخير دام يومين، بحسب ما أعلنت الوكالة في بيان.", "Arabic: stored with its language and a warning")]
    [InlineData("fr", "Convoi arrivé\n\nUn convoi humanitaire est arrivé dimanche dans la ville du nord après deux jours de retard, a indiqué l'agence.", "French: stored with its language and a warning")]
    public void An_article_in_a_language_the_pipeline_does_not_handle_is_stored_with_a_warning_and_counted(string code, string text, string reason)
    {
        var good = Good("lang/en.txt", "bakery");
        var other = Write($"lang/{code}.txt", text);
        using var store = SqliteEventStore.Open(Path.Combine(_dir, "t.db"));
        var s = Ingest(store, [good, other]);
        Assert.True((s.Stored, s.Failed) == (2, 0), $"{reason}: {s}");
        var warning = Assert.Single(s.Warnings);
        Assert.EndsWith($"{code}.txt", warning.Input);
        Assert.Contains($"language {code}", warning.Reason);
        Assert.Equal(new Dictionary<string, int> { [code] = 1 }, s.UnhandledLanguages);
    }

    [Theory]
    [InlineData("empty", "empty input", "an empty file")]
    [InlineData("missing", "no such file", "a path that does not exist")]
    public void A_failing_input_is_reported_and_the_others_are_stored(string kind, string because, string reason)
    {
        var a = Good("in/a.txt", "bakery");
        var b = Good("in/b.txt", "school");
        var bad = kind == "empty" ? Write("in/c.txt", "") : Path.Combine(_dir, "nope.txt");
        using var store = SqliteEventStore.Open(Path.Combine(_dir, "t.db"));

        var s = Ingest(store, [a, bad, b], batchSize: 1);
        Assert.True((s.Read, s.Stored, s.Duplicate, s.Failed) == (3, 2, 0, 1), $"{reason}: {s}");
        var failure = Assert.Single(s.Failures);
        Assert.Contains(Path.GetFileName(bad), failure.Input);
        Assert.Contains(because, failure.Reason);
        Assert.Equal(2, store.Counts().Articles);
    }

    [Fact]
    public void Ingesting_again_stores_nothing_twice_and_keeps_what_was_stored()
    {
        var folder = Path.Combine(_dir, "corpus");
        Good("corpus/a.txt", "bakery");
        Good("corpus/b.txt", "school");
        Good("corpus/sub/c.txt", "clinic");
        Write("corpus/d.txt", "");
        var db = Path.Combine(_dir, "t.db");

        IngestSummary first, second;
        using (var store = SqliteEventStore.Open(db)) first = Ingest(store, [folder]);
        Good("corpus/e.txt", "market");
        using (var store = SqliteEventStore.Open(db))
        {
            second = Ingest(store, [folder]);
            Assert.Equal(4, store.Counts().Articles);
        }
        Assert.Equal((4, 3, 0, 1), (first.Read, first.Stored, first.Duplicate, first.Failed));
        Assert.Equal((5, 1, 3, 1), (second.Read, second.Stored, second.Duplicate, second.Failed));
    }

    [Fact]
    public void The_same_text_under_two_names_is_one_article()
    {
        var a = Good("x/one.txt", "bakery");
        var b = Write("x/two.txt", File.ReadAllText(a));
        using var store = SqliteEventStore.Open(Path.Combine(_dir, "t.db"));
        var s = Ingest(store, [a, b]);
        Assert.Equal((2, 1, 1, 0), (s.Read, s.Stored, s.Duplicate, s.Failed));
    }

    [Fact]
    public void A_csv_with_a_bad_row_stores_the_good_rows()
    {
        var csv = Write("f.csv", "article_title,article_content,date\n" +
                                 "Bakery reopens,\"Workers said the bakery reopened, after repairs.\",4/5/17\n" +
                                 "Empty one,,4/6/17\n" +
                                 "School reopens,\"The school reopened on Sunday, staff said.\",4/7/17\n");
        using var store = SqliteEventStore.Open(Path.Combine(_dir, "t.db"));
        var s = Ingest(store, [csv]);
        Assert.Equal((3, 2, 0, 1), (s.Read, s.Stored, s.Duplicate, s.Failed));
        Assert.EndsWith("f.csv#row2", s.Failures[0].Input);
        Assert.Contains("empty text", s.Failures[0].Reason);
    }
}
