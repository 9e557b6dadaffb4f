using System.Text;
using Dragoman.Documents;
using Dragoman.Ingest;
using Dragoman.Tests.Support;

namespace Dragoman.Tests.Ingest;

/// <summary>Runs inputs through the ingest entry points the CLI uses: Expand, Split, Read.</summary>
internal static class IngestHarness
{
    public sealed record Outcome(string Input, Article? Article, string? Error);

    public static string Fixtures => Path.Combine(Paths.RepoRoot, "tests", "Dragoman.Tests", "Ingest", "Fixtures");
    public static string Samples => Path.Combine(Paths.RepoRoot, "samples");

    public static List<Outcome> ReadAll(IEnumerable<string> inputs, TextReader? stdin = null) =>
        InputSources.Expand(inputs, stdin).SelectMany(ArticleInputs.Split).Select(item =>
        {
            if (item.Raw is null) return new Outcome(item.Input, null, item.Error);
            var r = ArticleReader.Read(item.Raw);
            return new Outcome(item.Input, r.Value, r.Error);
        }).ToList();

    public static Article Fixture(string name)
    {
        var outcomes = ReadAll([Path.Combine(Fixtures, name)]);
        Assert.Single(outcomes);
        Assert.True(outcomes[0].Article is not null, $"{name}: {outcomes[0].Error}");
        return outcomes[0].Article!;
    }

    public static Article FromBytes(byte[] bytes, string contentType, ArticleHints? hints = null)
    {
        var r = ArticleReader.Read(new RawDocument("test:", bytes, contentType, null, hints));
        Assert.True(r.IsOk, r.Error);
        return r.Value!;
    }

    public static Article FromText(string text, string contentType = ContentTypes.Text) => FromBytes(Encoding.UTF8.GetBytes(text), contentType);

    /// <summary>A fresh temporary folder, removed by the caller's using.</summary>
    public sealed class TempDir : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("dragoman-ingest-").FullName;
        public string File(string name, string content) { var p = System.IO.Path.Combine(Path, name); Directory.CreateDirectory(System.IO.Path.GetDirectoryName(p)!); System.IO.File.WriteAllText(p, content); return p; }
        public string File(string name, byte[] content) { var p = System.IO.Path.Combine(Path, name); Directory.CreateDirectory(System.IO.Path.GetDirectoryName(p)!); System.IO.File.WriteAllBytes(p, content); return p; }
        public void Dispose() { try { Directory.Delete(Path, recursive: true); } catch (IOException) { } }
    }
}
