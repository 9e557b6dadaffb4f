using System.Text;
using Dragoman.Documents;
using Dragoman.Ingest;
using Dragoman.Pipeline;
using Dragoman.Tests.Support;

namespace Dragoman.Tests.Pipeline;

/// <summary>
/// BatchProcessor.Process gives one outcome per article in input order, whether it runs one article on the calling
/// thread (the `extract FILE` start-up path) or several through the parallel query.
/// </summary>
public class BatchProcessorTests
{
    private static InputItem Text(string name, string text) =>
        InputItem.Read(new RawDocument(name, Encoding.UTF8.GetBytes(text), ContentTypes.Text, null, null));

    private static InputItem Lines(string name, int count) =>
        InputItem.Read(new RawDocument(name, Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(1, count).Select(i =>
            $"{{\"url\":\"https://example.org/{i}\",\"text\":\"Report {i}\\n\\nPolice detained {i} protesters in a northern town on Friday, a spokesman said.\"}}\n"))),
            ContentTypes.JsonLines, null, null));

    public static TheoryData<string, Func<InputItem[]>, string[]> Cases => new()
    {
        // reason, inputs, expected outcome names in order
        { "no input: no outcome", () => [], [] },
        { "one article: processed on the calling thread", () => [Text("one.txt", "Clashes\n\nTwo soldiers were wounded in clashes near the border on Tuesday.")], ["one.txt"] },
        { "one unreadable input: its failure, named", () => [InputItem.Failed("gone.txt", "no such file")], ["gone.txt"] },
        { "one file of three records: split first, so the parallel path, in record order", () => [Lines("feed.jsonl", 3)],
            ["feed.jsonl:1", "feed.jsonl:2", "feed.jsonl:3"] },
        { "two files: the parallel path keeps input order", () => [Text("a.txt", "Protest\n\nHundreds marched in the capital on Sunday."), Text("b.txt", "Arrests\n\nPolice arrested four men in the port city on Monday.")],
            ["a.txt", "b.txt"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void One_outcome_per_article_in_input_order(string reason, Func<InputItem[]> inputs, string[] expected)
    {
        var outcomes = BatchProcessor.Process(inputs(), TestPipeline.Instance, null).ToList();
        Assert.True(expected.SequenceEqual(outcomes.Select(o => o.Input)), $"{reason}: got [{string.Join(", ", outcomes.Select(o => o.Input))}]");
    }

    [Fact]
    public void A_cancelled_batch_of_one_article_throws_as_the_parallel_query_does()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        var batch = BatchProcessor.Process([Text("one.txt", "Clashes\n\nTwo soldiers were wounded in clashes near the border on Tuesday.")], TestPipeline.Instance, null, cancel.Token);
        Assert.ThrowsAny<OperationCanceledException>(() => batch.ToList());
    }
}
