using System.Globalization;
using System.Text.Json.Nodes;
using Dragoman.Ingest;
using Dragoman.Output;
using Dragoman.Pipeline;
using Dragoman.Tests.Support;

namespace Dragoman.Tests.Golden;

/// <summary>
/// Golden cases: each tests/Dragoman.Tests/Specs/NAME.expect.json names an input (beside it, in samples/, or in
/// ../shared) and the fragment of output it must produce (see JsonSubset for the matching rules), with a reason.
/// </summary>
public class GoldenTests
{
    // a corpus file (FA-KES CSV, a JSON Lines feed) is processed once for all the specs that pick articles from it
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string, DateOnly?), List<(JsonObject?, string?)>> Processed = new();

    private static string SpecsDir => Path.Combine(Paths.RepoRoot, "tests", "Dragoman.Tests", "Specs");

    /// <summary>The specs whose input is in the repository, or (<paramref name="shared"/>) in ../shared.</summary>
    public static TheoryData<string> Specs(bool shared)
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.EnumerateFiles(SpecsDir, "*.expect.json").Order(StringComparer.Ordinal))
        {
            var input = (string?)JsonNode.Parse(File.ReadAllText(f))?["input"] ?? "";
            if (input.StartsWith("../shared/", StringComparison.Ordinal) == shared) data.Add(Path.GetFileName(f));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Specs), false)]
    public void Produces_the_expected_output(string spec) => Check(spec);

    [SharedTheory]
    [MemberData(nameof(Specs), true)]
    public void Produces_the_expected_output_from_shared_data(string spec) => Check(spec);

    private static void Check(string spec)
    {
        var node = JsonNode.Parse(File.ReadAllText(Path.Combine(SpecsDir, spec)))!.AsObject();
        var reason = (string?)node["reason"] ?? throw new Xunit.Sdk.XunitException($"{spec}: every spec needs a reason");
        var input = ResolveInput((string)node["input"]!);
        DateOnly? published = node["published"] is { } p ? DateOnly.ParseExact((string)p!, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
        // failed articles keep their place (as their error) so that "index" counts the corpus's records
        var docs = Processed.GetOrAdd((input, published), _ => BatchProcessor.Process(InputSources.Expand([input]), TestPipeline.Instance, published)
            .Select(o => o.Document is { } d ? (DocumentJson.ToJson(d), (string?)null) : ((JsonObject?)null, o.Error)).ToList());
        int index = (int?)node["index"] ?? 0;
        Assert.True(index < docs.Count, $"{spec}: input gave {docs.Count} articles");
        var (actual, error) = docs[index];
        Assert.True(actual is not null, $"{spec}: article {index} failed: {error}");
        var errors = JsonSubset.Mismatches(node["expect"], actual);
        Assert.True(errors.Count == 0, $"{spec} ({reason}):\n  " + string.Join("\n  ", errors));
    }

    private static string ResolveInput(string input)
    {
        foreach (var candidate in new[] { Path.Combine(SpecsDir, input), Path.Combine(Paths.RepoRoot, input) })
            if (File.Exists(candidate) || Directory.Exists(candidate)) return Path.GetFullPath(candidate);
        throw new Xunit.Sdk.XunitException($"spec input not found: {input}");
    }
}
