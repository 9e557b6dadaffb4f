using System.Text;

namespace Dragoman.Ingest.Text;

/// <summary>
/// A stream read as text in chunks, as <see cref="TextDecoding.Decode"/> reads a whole input: the encoding and BOM it
/// would pick (from the first 64 KB), CRLF and lone CR read as LF, NUL as U+FFFD. Memory is bounded by the chunk, so a
/// batch file of any size is never held whole.
/// </summary>
public sealed class StreamText : TextReader
{
    private readonly Stream stream;
    private readonly Decoder decoder;
    private readonly byte[] bytes;
    private readonly char[] chars;
    private int pos, count;
    private bool ended;

    private StreamText(Stream stream, Encoding encoding, int chunk)
    {
        this.stream = stream;
        decoder = encoding.GetDecoder();
        bytes = new byte[chunk];
        chars = new char[encoding.GetMaxCharCount(chunk) + 2];
    }

    /// <summary>Opens <paramref name="stream"/> (seekable, at its start) as text; the stream is disposed with the reader.</summary>
    public static StreamText Open(Stream stream, int chunk = 64 * 1024)
    {
        var head = new byte[TextDecoding.DecisionBytes];
        int n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var (encoding, skip) = TextDecoding.ForText(head.AsSpan(0, n));
        stream.Position = skip;
        return new StreamText(stream, encoding, chunk);
    }

    public override int Peek()
    {
        int c = Raw(peek: true);
        return c switch { '\r' => '\n', '\0' => '\uFFFD', _ => c };
    }

    public override int Read()
    {
        int c = Raw(peek: false);
        if (c == '\r')
        {
            if (Raw(peek: true) == '\n') Raw(peek: false);
            return '\n';
        }
        return c == '\0' ? '\uFFFD' : c;
    }

    private int Raw(bool peek)
    {
        if (pos == count && !Fill()) return -1;
        return peek ? chars[pos] : chars[pos++];
    }

    private bool Fill()
    {
        while (pos == count)
        {
            if (ended) return false;
            int n = stream.Read(bytes, 0, bytes.Length);
            ended = n == 0;
            pos = 0;
            count = decoder.GetChars(bytes, 0, n, chars, 0, flush: ended);
        }
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) stream.Dispose();
        base.Dispose(disposing);
    }
}
