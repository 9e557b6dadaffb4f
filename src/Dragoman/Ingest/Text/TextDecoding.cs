using System.Text;

namespace Dragoman.Ingest.Text;

/// <summary>The decoded text of an input and how it was decoded.</summary>
public sealed record DecodedText(string Text, string Encoding, int FallbackBytes, bool Truncated, long OriginalBytes);

/// <summary>
/// Turns input bytes into text: BOM first (UTF-8, UTF-16, UTF-32), BOM-less UTF-16 by its NUL layout, then (for HTML) a meta/XML charset declaration, then windows-1256 / windows-1251 by detection, else UTF-8 where
/// every invalid byte is read as Windows-1252 (the usual mix on the web). Binary content is refused with a reason.
/// Line endings are normalised to \n; this normalised string is the "raw text" that dropped spans point into.
/// </summary>
public static class TextDecoding
{
    static TextDecoding() => System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static readonly UTF8Encoding Utf8WithCp1252 = (UTF8Encoding)System.Text.Encoding.GetEncoding(
        "utf-8", EncoderFallback.ReplacementFallback, new Cp1252Fallback());

    /// <summary>Recognises binary content from its first bytes; returns the reason or null for text.</summary>
    public static string? BinaryReason(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 0) return null;
        var magic = Magic(bytes);
        if (magic is not null) return $"binary file ({magic}), not text";
        if (Bom(bytes) is not null || Utf16Layout(bytes) is not null) return null;
        var sample = bytes[..Math.Min(bytes.Length, 8192)];
        int nul = 0, control = 0;
        foreach (var b in sample)
        {
            if (b == 0) nul++;
            else if (b < 0x20 && b is not (byte)'\t' and not (byte)'\n' and not (byte)'\r' and not 0x0C and not 0x1B) control++;
        }
        if (nul > 0) return $"binary file ({nul} NUL bytes in the first {sample.Length} bytes), not text";
        if (control * 10 > sample.Length) return $"binary file ({control} control bytes in the first {sample.Length} bytes), not text";
        return null;
    }

    private static string? Magic(ReadOnlySpan<byte> b)
    {
        if (b.StartsWith("%PDF"u8)) return "PDF document";
        if (b.StartsWith("PK\u0003\u0004"u8)) return "ZIP archive or office document";
        if (b.Length > 2 && b[0] == 0x1F && b[1] == 0x8B) return "gzip archive";
        if (b.StartsWith("\u0089PNG"u8) || (b.Length > 4 && b[0] == 0x89 && b[1] == (byte)'P' && b[2] == (byte)'N' && b[3] == (byte)'G')) return "PNG image";
        if (b.Length > 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF) return "JPEG image";
        if (b.StartsWith("GIF8"u8)) return "GIF image";
        if (b.StartsWith("\u007FELF"u8)) return "ELF executable";
        if (b.Length > 8 && b[4] == (byte)'f' && b[5] == (byte)'t' && b[6] == (byte)'y' && b[7] == (byte)'p') return "MP4/QuickTime media";
        return null;
    }

    /// <summary>The encoding a byte order mark names, how many bytes it takes and a label; null without one. UTF-32 LE before UTF-16 LE: its BOM starts with UTF-16 LE's.</summary>
    private static (Encoding Encoding, int Skip, string Name)? Bom(ReadOnlySpan<byte> b)
    {
        if (b.StartsWith("\uFEFF"u8)) return (Utf8WithCp1252, 3, "utf-8 (BOM)");
        if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0, 0])) return (new UTF32Encoding(bigEndian: false, byteOrderMark: false), 4, "utf-32le (BOM)");
        if (b.StartsWith((ReadOnlySpan<byte>)[0, 0, 0xFE, 0xFF])) return (new UTF32Encoding(bigEndian: true, byteOrderMark: false), 4, "utf-32be (BOM)");
        if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return (System.Text.Encoding.Unicode, 2, "utf-16le (BOM)");
        if (b.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return (System.Text.Encoding.BigEndianUnicode, 2, "utf-16be (BOM)");
        return null;
    }

    /// <summary>
    /// UTF-16 without BOM: NULs on one byte parity only. ASCII text has a NUL in nearly every high byte; Arabic or Cyrillic
    /// text only in those of spaces, digits and punctuation, so 5% is enough when the sample then decodes to plausible text.
    /// </summary>
    private static Encoding? Utf16Layout(ReadOnlySpan<byte> b)
    {
        int n = Math.Min(b.Length, 4096) & ~1;
        if (n < 8) return null;
        int evenNul = 0, oddNul = 0;
        for (int i = 0; i < n; i += 2) { if (b[i] == 0) evenNul++; if (b[i + 1] == 0) oddNul++; }
        var enc = (evenNul, oddNul) switch
        {
            (0, > 0) => System.Text.Encoding.Unicode,
            (> 0, 0) => System.Text.Encoding.BigEndianUnicode,
            _ => null,
        };
        if (enc is null || Math.Max(evenNul, oddNul) * 20 < n / 2) return null;
        return PlausibleText(enc.GetString(b[..n])) ? enc : null;
    }

    /// <summary>At most 2% of the characters are controls (other than whitespace), unassigned, private use or invalid: binary decoded as UTF-16 is full of them.</summary>
    private static bool PlausibleText(string sample)
    {
        int odd = 0;
        foreach (var c in sample)
        {
            if (c is '\t' or '\n' or '\r' or '\f') continue;
            if (c == '\uFFFD' || char.IsControl(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.OtherNotAssigned or System.Globalization.UnicodeCategory.PrivateUse) odd++;
        }
        return odd * 50 <= sample.Length;
    }

    private static readonly byte[] HighBytes = [.. Enumerable.Range(0x80, 128).Select(b => (byte)b)];

    /// <summary>
    /// A file that is not UTF-8 and whose invalid bytes come in runs (whole words over 0x7F, as an Arabic or Cyrillic
    /// single-byte code page gives, 80% of them in the letter range 0xC0-0xFF; Latin accents in windows-1252 stand alone
    /// between ASCII letters): windows-1256 when at least 90% of those letters read as Arabic there, else windows-1251
    /// (Cyrillic). Null keeps UTF-8 with the windows-1252 fallback, as for UTF-8 with a few stray bytes (its valid
    /// sequences outnumber them).
    /// </summary>
    private static Encoding? LegacyCodePage(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..Math.Min(bytes.Length, 65536)];
        if (System.Text.Unicode.Utf8.IsValid(sample)) return null;
        int validMultiByte = 0, invalid = 0, inRuns = 0, run = 0;
        for (int i = 0; i < sample.Length;)
        {
            if (Rune.DecodeFromUtf8(sample[i..], out _, out var used) == System.Buffers.OperationStatus.Done)
            {
                if (used > 1) validMultiByte++;
                if (run > 1) inRuns += run;
                run = 0;
            }
            else { invalid += used; run += used; }
            i += used;
        }
        if (run > 1) inRuns += run;
        if (invalid < 8 || invalid < 4 * validMultiByte || inRuns * 10 < invalid * 6) return null;
        // both code pages put their letters at 0xC0-0xFF; runs of other high bytes are punctuation or mojibake ("‚Äô")
        int high = 0, letterRange = 0;
        foreach (var b in sample) { if (b >= 0x80) high++; if (b >= 0xC0) letterRange++; }
        if (letterRange * 10 < high * 8) return null;
        var arabic = System.Text.Encoding.GetEncoding(1256);
        var upper = arabic.GetString(HighBytes);
        int letters = 0, arabicLetters = 0;
        foreach (var b in sample)
        {
            if (b < 0x80) continue;
            var c = upper[b - 0x80];
            if (!char.IsLetter(c)) continue;
            letters++;
            if (c is >= '\u0600' and <= '\u06FF') arabicLetters++;
        }
        return arabicLetters * 10 >= letters * 9 ? arabic : System.Text.Encoding.GetEncoding(1251);
    }

    /// <summary>Decodes at most <paramref name="maxBytes"/> bytes (cut at a character boundary) and normalises line endings.</summary>
    public static DecodedText Decode(ReadOnlySpan<byte> bytes, bool isHtml, int maxBytes = int.MaxValue)
    {
        long original = bytes.Length;
        var (enc, skip, name) = Choose(bytes, isHtml);
        var body = bytes[skip..];
        bool truncated = false;
        if (body.Length > maxBytes)
        {
            int cut = maxBytes;
            if (enc is UTF8Encoding) while (cut > 0 && (body[cut] & 0xC0) == 0x80) cut--; // not inside a UTF-8 sequence
            else if (enc.IsSingleByte) { }
            else cut &= ~3;
            body = body[..cut];
            truncated = true;
        }
        int fallback = 0;
        string text;
        if (enc is UTF8Encoding)
        {
            var decoder = Utf8WithCp1252.GetDecoder();
            var chars = new char[Utf8WithCp1252.GetMaxCharCount(body.Length)];
            int count = decoder.GetChars(body, chars, flush: true);
            fallback = ((Cp1252Fallback.Buffer?)decoder.FallbackBuffer)?.Replaced ?? 0;
            text = new string(chars, 0, count);
            if (fallback > 0) name = $"utf-8 with {fallback} invalid byte(s) read as windows-1252";
        }
        else text = enc.GetString(body);
        if (text.Contains('\r')) text = text.Replace("\r\n", "\n").Replace('\r', '\n');
        if (text.Contains('\0')) text = text.Replace('\0', '\uFFFD');
        return new DecodedText(text, name, fallback, truncated, original);
    }

    /// <summary>
    /// The encoding <see cref="Decode"/> picks for a text (not HTML) that begins with <paramref name="head"/>, and the
    /// BOM bytes it skips. Every test looks at the first 64 KB at most, so a head of that many bytes (or the whole
    /// input) decides as the whole input would: a file decoded in chunks with it reads as Decode reads it whole.
    /// </summary>
    public static (Encoding Encoding, int Skip) ForText(ReadOnlySpan<byte> head)
    {
        var (enc, skip, _) = Choose(head, isHtml: false);
        return (enc, skip);
    }

    /// <summary>How many first bytes <see cref="ForText"/> needs to decide as it would on the whole input.</summary>
    public const int DecisionBytes = 65536;

    private static (Encoding Encoding, int Skip, string Name) Choose(ReadOnlySpan<byte> bytes, bool isHtml)
    {
        if (Bom(bytes) is { } bom) return bom;
        if (Utf16Layout(bytes) is { } u16) return (u16, 0, u16.WebName + " (detected)");
        if (isHtml && DeclaredCharset(bytes) is { } declared && Lookup(declared) is { } decl)
            return (decl.CodePage == 65001 ? Utf8WithCp1252 : decl, 0, decl.WebName + " (declared)");
        if (LegacyCodePage(bytes) is { } legacy) return (legacy, 0, legacy.WebName + " (detected)");
        return (Utf8WithCp1252, 0, "utf-8");
    }

    private static Encoding? Lookup(string label)
    {
        label = label.Trim().ToLowerInvariant();
        // WHATWG: these labels mean windows-1252 on the web.
        if (label is "iso-8859-1" or "latin1" or "us-ascii" or "ascii" or "iso8859-1" or "l1") label = "windows-1252";
        try { return System.Text.Encoding.GetEncoding(label); }
        catch (ArgumentException) { return null; }
    }

    /// <summary>Finds &lt;meta charset&gt;, &lt;meta http-equiv content="...charset=..."&gt; or an XML declaration in the first 4 KB.</summary>
    public static string? DeclaredCharset(ReadOnlySpan<byte> bytes)
    {
        var head = System.Text.Encoding.ASCII.GetString(bytes[..Math.Min(bytes.Length, 4096)]);
        int i = head.IndexOf("charset", StringComparison.OrdinalIgnoreCase);
        if (i < 0)
        {
            int x = head.IndexOf("<?xml", StringComparison.OrdinalIgnoreCase);
            if (x < 0) return null;
            i = head.IndexOf("encoding", x, StringComparison.OrdinalIgnoreCase);
            if (i < 0) return null;
            i += "encoding".Length;
        }
        else i += "charset".Length;
        while (i < head.Length && head[i] is ' ' or '=' or '"' or '\'') i++;
        int s = i;
        while (i < head.Length && (char.IsAsciiLetterOrDigit(head[i]) || head[i] is '-' or '_' or ':' or '.')) i++;
        return i > s ? head[s..i] : null;
    }

    /// <summary>Windows-1252 for the bytes 0x80-0x9F; other bytes map to the same code point (Latin-1).</summary>
    internal static char Cp1252(byte b) => b is >= 0x80 and <= 0x9F ? Cp1252High[b - 0x80] : (char)b;

    private static readonly char[] Cp1252High =
    [
        '\u20AC', '\u0081', '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021', '\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', '\u008D', '\u017D', '\u008F',
        '\u0090', '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014', '\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', '\u009D', '\u017E', '\u0178',
    ];

    /// <summary>Decoder fallback that reads each invalid UTF-8 byte as Windows-1252.</summary>
    private sealed class Cp1252Fallback : DecoderFallback
    {
        public override int MaxCharCount => 4;
        public override DecoderFallbackBuffer CreateFallbackBuffer() => new Buffer();

        internal sealed class Buffer : DecoderFallbackBuffer
        {
            private readonly char[] _pending = new char[8];
            private int _count, _pos;
            public int Replaced { get; private set; }

            public override bool Fallback(byte[] bytesUnknown, int index)
            {
                _count = 0; _pos = 0;
                foreach (var b in bytesUnknown)
                {
                    if (_count == _pending.Length) break;
                    _pending[_count++] = Cp1252(b);
                }
                Replaced += bytesUnknown.Length;
                return _count > 0;
            }

            public override char GetNextChar() => _pos < _count ? _pending[_pos++] : '\0';
            public override bool MovePrevious() { if (_pos == 0) return false; _pos--; return true; }
            public override int Remaining => _count - _pos;
            public override void Reset() { _count = 0; _pos = 0; }
        }
    }
}
