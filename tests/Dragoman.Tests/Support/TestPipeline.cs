using Dragoman.Documents;
using Dragoman.Ingest;
using Dragoman.Pipeline;

namespace Dragoman.Tests.Support;

/// <summary>The standard pipeline built once for all tests (resources load once, as in the product).</summary>
public static class TestPipeline
{
    private static readonly Lazy<DocumentPipeline> Standard = new(() => StandardPipeline.Build(PipelineResources.Load(null)));

    public static DocumentPipeline Instance => Standard.Value;

    /// <summary>Reads and processes one file through the whole pipeline; fails the test with the reason when it cannot.</summary>
    public static Document ProcessFile(string path, DateOnly? published = null)
    {
        var outcome = BatchProcessor.ProcessOne(InputSources.ReadFile(path), Instance, published);
        return outcome.Document ?? throw new Xunit.Sdk.XunitException($"{path}: {outcome.Error}");
    }

    /// <summary>Reads and processes a plain text (title line, blank line, body) through the whole pipeline.</summary>
    public static Document ProcessText(string text, DateOnly? published)
    {
        var raw = new RawDocument("test:text", System.Text.Encoding.UTF8.GetBytes(text), ContentTypes.Text);
        var outcome = BatchProcessor.ProcessOne(InputItem.Read(raw), Instance, published);
        return outcome.Document ?? throw new Xunit.Sdk.XunitException($"text input: {outcome.Error}");
    }

    public static IEnumerable<Document> ProcessAll(IEnumerable<string> inputs, DateOnly? published = null) =>
        BatchProcessor.Process(InputSources.Expand(inputs), Instance, published)
            .Select(o => o.Document ?? throw new Xunit.Sdk.XunitException($"{o.Input}: {o.Error}"));
}
