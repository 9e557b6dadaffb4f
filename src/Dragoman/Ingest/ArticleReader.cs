using System.Security.Cryptography;
using System.Text;
using Dragoman.Documents;

namespace Dragoman.Ingest;

/// <summary>Turns a raw document into a clean Article (title, lede, body, credits, dropped chrome).</summary>
public static class ArticleReader
{
    public static Result<Article> Read(RawDocument raw)
    {
        if (raw.Bytes.Length == 0) return Result<Article>.Fail("empty input");
        var text = Encoding.UTF8.GetString(raw.Bytes).Replace("\r\n", "\n");
        var lines = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        if (lines.Count == 0) return Result<Article>.Fail("no text");
        var title = lines[0];
        var sb = new StringBuilder();
        var paragraphs = new List<TextSpan>();
        sb.Append(title);
        foreach (var line in lines.Skip(1))
        {
            sb.Append("\n\n");
            int start = sb.Length;
            sb.Append(line);
            paragraphs.Add(new TextSpan(start, sb.Length));
        }
        var clean = sb.ToString();
        return new Article
        {
            Uri = raw.Uri,
            Text = clean,
            Title = title,
            TitleSpan = new TextSpan(0, title.Length),
            Paragraphs = paragraphs,
            ContentHash = Hash(clean),
        };
    }

    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
