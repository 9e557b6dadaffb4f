using System.Text.Json;
using Dragoman.Output;
using Dragoman.Tests.Support;
using Json.Schema;

namespace Dragoman.Tests.Output;

/// <summary>Every document the pipeline produces validates against docs/schema.json, the published contract.</summary>
public class SchemaTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(Paths.RepoRoot, "docs", "schema.json")));

    public static TheoryData<string, string> Inputs()
    {
        var data = new TheoryData<string, string> { { Paths.Seed, "the seed: translated item with site chrome, no date" } };
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Paths.RepoRoot, "samples")).Where(f => !f.EndsWith(".md", StringComparison.Ordinal) && !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal))
            data.Add(file, "bundled sample " + Path.GetFileName(file));
        return data;
    }

    [SharedTheory]
    [MemberData(nameof(Inputs))]
    public void Output_validates_against_the_published_schema(string path, string reason)
    {
        foreach (var doc in TestPipeline.ProcessAll([path]))
        {
            using var json = JsonDocument.Parse(DocumentJson.Serialize(doc, indented: false));
            var result = Schema.Evaluate(json.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
            var errors = result.Details?.Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key} {e.Value}")) ?? [];
            Assert.True(result.IsValid, $"{reason}: {string.Join("; ", errors.Take(10))}");
        }
    }

    [Fact]
    public void The_schema_rejects_a_document_that_breaks_it()
    {
        using var json = JsonDocument.Parse("""{"schema":"1","article":{},"reference":{"date":"10 Feb 2019","known":true},"entities":[],"times":[],"events":[]}""");
        Assert.False(Schema.Evaluate(json.RootElement).IsValid);
    }
}
