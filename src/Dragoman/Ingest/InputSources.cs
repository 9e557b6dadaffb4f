using Dragoman.Documents;

namespace Dragoman.Ingest;

/// <summary>
/// Expands command-line inputs (files, folders, globs, "-") into raw documents.
/// Never throws for one bad input: it yields a failed item naming the input and the reason.
/// </summary>
public static class InputSources
{
    public static IEnumerable<InputItem> Expand(IEnumerable<string> inputs, TextReader? stdin = null)
    {
        foreach (var input in inputs)
        {
            if (input == "-")
            {
                var text = (stdin ?? Console.In).ReadToEnd();
                yield return InputItem.Read(new RawDocument("stdin:", System.Text.Encoding.UTF8.GetBytes(text), "text/plain"));
                continue;
            }
            if (Directory.Exists(input))
            {
                foreach (var file in Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                    yield return ReadFile(file);
                continue;
            }
            if (File.Exists(input))
            {
                yield return ReadFile(input);
                continue;
            }
            yield return InputItem.Failed(input, "no such file or folder");
        }
    }

    public static InputItem ReadFile(string path)
    {
        try
        {
            var bytes = File.ReadAllBytes(path);
            return InputItem.Read(new RawDocument(Path.GetFullPath(path), bytes, ContentTypes.FromExtension(path)));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return InputItem.Failed(path, ex.Message);
        }
    }
}

public static class ContentTypes
{
    public const string Text = "text/plain";
    public const string Html = "text/html";
    public const string JsonLines = "application/jsonl";

    public static string FromExtension(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".html" or ".htm" or ".xhtml" => Html,
        ".jsonl" or ".ndjson" => JsonLines,
        _ => Text,
    };
}
