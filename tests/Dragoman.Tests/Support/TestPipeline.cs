using Dragoman.Documents;
using Dragoman.Ingest;
using Dragoman.Pipeline;

namespace Dragoman.Tests.Support;

/// <summary>The standard pipeline built once for all tests (resources load once, as in the product).</summary>
public static class TestPipeline
{
    private static readonly Lazy<DocumentPipeline> Standard = new(() => StandardPipeline.Build(PipelineResources.Load(null)));

    public static DocumentPipeline Instance => Standard.Value;

    /// <summary>
    /// The standard pipeline without within-article coreference: every telling stays its own event, as the rule tests
    /// of the stages before it (roles, counts, attribution, places) inspect each clause's event.
    /// </summary>
    private static readonly Lazy<DocumentPipeline> Tellings = new(() => StandardPipeline.Build(PipelineResources.Load(null), coreference: false));

    /// <summary>Reads and processes one file through the whole pipeline; fails the test with the reason when it cannot.</summary>
    public static Document ProcessFile(string path, DateOnly? published = null)
    {
        var outcome = BatchProcessor.ProcessOne(InputSources.ReadFile(path), Instance, published);
        return outcome.Document ?? throw new Xunit.Sdk.XunitException($"{path}: {outcome.Error}");
    }

    /// <summary>Reads and processes a plain text (title line, blank line, body) through the whole pipeline but coreference (<see cref="Tellings"/>).</summary>
    public static Document ProcessText(string text, DateOnly? published)
    {
        var raw = new RawDocument("test:text", System.Text.Encoding.UTF8.GetBytes(text), ContentTypes.Text);
        var outcome = BatchProcessor.ProcessOne(InputItem.Read(raw), Tellings.Value, published);
        return outcome.Document ?? throw new Xunit.Sdk.XunitException($"text input: {outcome.Error}");
    }

    public static IEnumerable<Document> ProcessAll(IEnumerable<string> inputs, DateOnly? published = null) =>
        BatchProcessor.Process(InputSources.Expand(inputs), Instance, published)
            .Select(o => o.Document ?? throw new Xunit.Sdk.XunitException($"{o.Input}: {o.Error}"));
}
