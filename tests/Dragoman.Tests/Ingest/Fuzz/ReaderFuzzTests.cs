using System.Diagnostics;
using System.Globalization;
using System.Text;
using CsCheck;
using Dragoman.Documents;
using Dragoman.Ingest;

namespace Dragoman.Tests.Ingest.Fuzz;

/// <summary>
/// Property-based fuzzing of the readers (CsCheck): for any bytes under a reader's file name, splitting and reading
/// never throw, every failure is a clear reason naming the input, no reader bug reaches the safety net of
/// <see cref="ArticleReader.Read"/>, every span of a read article lies inside its text, and no input takes 10 s.
/// CI runs a bounded share (<see cref="DefaultIterations"/> per reader); by hand, as many as you like:
/// <c>DRAGOMAN_FUZZ_ITER=125000 dotnet test Dragoman.slnx --filter "FullyQualifiedName~ReaderFuzzTests"</c>
/// (per reader; CsCheck prints the seed of a failure, and <c>DRAGOMAN_FUZZ_SEED</c> replays it).
/// </summary>
public class ReaderFuzzTests
{
    public const long DefaultIterations = 150;

    public static long Iterations =>
        long.TryParse(Environment.GetEnvironmentVariable("DRAGOMAN_FUZZ_ITER"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : DefaultIterations;

    public static TheoryData<string, string> Readers() => new()
    {
        { "html", "HTML pages: tags, entities, scripts, JSON-LD, meta dates, nesting" },
        { "feed", "RSS 2.0, Atom and RSS 1.0 feeds: broken XML, entities, CDATA, encodings" },
        { "csv", "CSV articles: quoting, line ends, missing columns, bad dates" },
        { "jsonl", "JSON Lines: broken lines, wrong types, huge numbers, lone surrogates" },
        { "json", "whole-file JSON arrays and objects" },
        { "warc", "WARC records: lengths that lie, broken headers, HTTP responses inside" },
        { "gzip", "gzip around text, JSON Lines and WARC, and corrupt gzip itself" },
        { "text", "plain text: NULs, BOMs, UTF-16, terminal escapes, datelines, credits" },
    };

    [Theory]
    [MemberData(nameof(Readers))]
    public void Any_bytes_are_read_or_refused_with_a_reason(string name, string reason)
    {
        var reader = FuzzReader.All.Single(r => r.Name == name);
        long iterations = Iterations;
        var clock = Stopwatch.StartNew();
        reader.Inputs().Sample(bytes => Check(reader, bytes), iter: iterations,
            seed: Environment.GetEnvironmentVariable("DRAGOMAN_FUZZ_SEED"), print: Show);
        // one line per reader for docs/benchmarks.md when run by hand
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fuzz {name}: {iterations:N0} inputs, 0 failures, {clock.Elapsed.TotalSeconds:0.0} s ({reason})"));
    }

    /// <summary>Everything a reader must hold for one input; throws with what went wrong.</summary>
    internal static void Check(FuzzReader reader, byte[] bytes)
    {
        var input = "fuzz/" + reader.FileName;
        var clock = Stopwatch.StartNew();
        var items = ArticleInputs.Split(InputItem.Read(new RawDocument(input, bytes, ContentTypes.FromExtension(input)))).Take(10_000).ToList();
        foreach (var item in items)
        {
            if (!item.Input.StartsWith(input, StringComparison.Ordinal)) throw new InvalidOperationException($"item '{item.Input}' does not name its input");
            if (item.Raw is null)
            {
                if (string.IsNullOrWhiteSpace(item.Error)) throw new InvalidOperationException($"{item.Input}: failed without a reason");
                continue;
            }
            var read = ArticleReader.Read(item.Raw);
            if (!read.IsOk)
            {
                if (string.IsNullOrWhiteSpace(read.Error)) throw new InvalidOperationException($"{item.Input}: failed without a reason");
                if (read.Error.StartsWith("could not be read (", StringComparison.Ordinal)) throw new InvalidOperationException($"{item.Input}: a reader threw: {read.Error}");
                continue;
            }
            var a = read.Value!;
            if (string.IsNullOrWhiteSpace(a.Text)) throw new InvalidOperationException($"{item.Input}: an article with no text");
            foreach (var span in new[] { a.TitleSpan, a.LedeSpan, a.DatelineSpan }.OfType<TextSpan>().Concat(a.Paragraphs))
                if (span.Start < 0 || span.End > a.Text.Length || span.Start > span.End)
                    throw new InvalidOperationException($"{item.Input}: span {span.Start}..{span.End} outside the text of {a.Text.Length} characters");
        }
        if (clock.Elapsed > TimeSpan.FromSeconds(10)) throw new InvalidOperationException($"took {clock.Elapsed.TotalSeconds:0.0} s");
    }

    /// <summary>A failing input as a C# string literal (the first 2,000 bytes, Latin-1) and its length, to make a corpus case of it.</summary>
    public static string Show(byte[] bytes)
    {
        var sb = new StringBuilder($"{bytes.Length} bytes: \"");
        foreach (var b in bytes.Take(2000))
            sb.Append(b is >= 0x20 and < 0x7f and not (byte)'"' and not (byte)'\\' ? ((char)b).ToString() : $"\\x{b:x2}");
        return sb.Append('"').ToString();
    }
}
