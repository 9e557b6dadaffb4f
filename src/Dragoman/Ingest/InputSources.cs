using System.Text;
using System.Text.RegularExpressions;
using Dragoman.Documents;
using Dragoman.Ingest.Containers;
using Dragoman.Ingest.Warc;

namespace Dragoman.Ingest;

/// <summary>
/// Expands command-line inputs (files, folders recursively, globs such as samples/*.html or data/**/*.txt, "-" for
/// standard input) into raw documents. Never throws for one bad input: it yields a failed item naming the input and
/// the reason, and goes on with the others.
/// </summary>
public static class InputSources
{
    /// <summary>Files larger than this are refused (a JSON Lines batch may be large; a single article never is).</summary>
    public const long MaxFileBytes = 256L * 1024 * 1024;

    /// <summary>What a lone "-" becomes before the command-line parser sees it (which would take "-" for an option).</summary>
    public const string StdinToken = "stdin:";

    /// <summary>Replaces a lone "-" argument by <see cref="StdinToken"/> so the CLI parser passes it through as a path.</summary>
    public static string[] ProtectStdinArgument(string[] args) => args.Select(a => a == "-" ? StdinToken : a).ToArray();

    public static IEnumerable<InputItem> Expand(IEnumerable<string> inputs, TextReader? stdin = null)
    {
        foreach (var input in inputs)
        {
            if (input is "-" or StdinToken)
            {
                yield return ReadStdin(stdin);
                continue;
            }
            if (Directory.Exists(input))
            {
                foreach (var item in Folder(input)) yield return item;
                continue;
            }
            if (File.Exists(input))
            {
                yield return ReadFile(input);
                continue;
            }
            if (IsGlob(input))
            {
                int n = 0;
                foreach (var item in Glob(input)) { n++; yield return item; }
                if (n == 0) yield return InputItem.Failed(input, "no files match this pattern");
                continue;
            }
            if (IsDanglingLink(input, out var target))
            {
                yield return InputItem.Failed(input, $"unreadable: broken symbolic link (its target '{target}' does not exist)");
                continue;
            }
            yield return InputItem.Failed(input, "no such file or folder");
        }
    }

    private static InputItem ReadStdin(TextReader? stdin)
    {
        try
        {
            byte[] bytes;
            if (stdin is not null) bytes = Encoding.UTF8.GetBytes(stdin.ReadToEnd());
            else
            {
                using var s = Console.OpenStandardInput();
                using var ms = new MemoryStream();
                var buffer = new byte[81920];
                int n;
                while ((n = s.Read(buffer, 0, buffer.Length)) > 0)
                {
                    if (ms.Length + n > MaxFileBytes) return InputItem.Failed("stdin", $"too large: standard input exceeds {MaxFileBytes / (1024 * 1024)} MiB");
                    ms.Write(buffer, 0, n);
                }
                bytes = ms.ToArray();
            }
            return InputItem.Read(new RawDocument("stdin", bytes, ContentTypes.Sniff(bytes, ContentTypes.Text)));
        }
        catch (IOException ex) { return InputItem.Failed("stdin", "unreadable: " + ex.Message); }
    }

    /// <summary>All files under a folder, recursively, in ordinal path order; hidden files and folders are skipped.</summary>
    private static IEnumerable<InputItem> Folder(string root)
    {
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            string[] files = [], dirs = [];
            string? error = null;
            try
            {
                files = Directory.GetFiles(dir);
                dirs = Directory.GetDirectories(dir);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                error = ex.Message;
            }
            // An unreadable folder is reported and the walk goes on with the others.
            if (error is not null) yield return InputItem.Failed(dir, "unreadable folder: " + error);
            Array.Sort(files, StringComparer.Ordinal);
            foreach (var f in files)
                if (!IsHousekeeping(Path.GetFileName(f))) yield return ReadFile(f);
            Array.Sort(dirs, StringComparer.Ordinal);
            for (int i = dirs.Length - 1; i >= 0; i--)
                if (!Path.GetFileName(dirs[i]).StartsWith('.')) pending.Push(dirs[i]);
        }
    }

    /// <summary>
    /// Files a folder walk skips: hidden files and the folder's own documentation (README, LICENSE, NOTICE, CHANGELOG).
    /// Named explicitly on the command line they are read like any file.
    /// </summary>
    public static bool IsHousekeeping(string fileName)
    {
        if (fileName.StartsWith('.')) return true;
        var stem = Path.GetFileNameWithoutExtension(fileName).ToUpperInvariant();
        return stem is "README" or "LICENSE" or "LICENCE" or "NOTICE" or "CHANGELOG" or "COPYING";
    }

    /// <summary>
    /// Reads one file. Links are followed first, so that every guard (kind, size) looks at what will be read: a link
    /// to a FIFO, a device or a huge file is refused like the thing itself.
    /// </summary>
    public static InputItem ReadFile(string path)
    {
        try
        {
            var info = new FileInfo(path);
            string target = path, via = "";
            if (info.LinkTarget is { } link)
            {
                var final = info.ResolveLinkTarget(returnFinalTarget: true);
                if (final is null || !final.Exists)
                    return InputItem.Failed(path, $"unreadable: broken symbolic link (its target '{link}' does not exist)");
                target = final.FullName;
                via = $" (a symbolic link to {target})";
                info = new FileInfo(target);
            }
            if (!info.Exists) return InputItem.Failed(path, "no such file");
            var kind = FileKinds.Of(target);
            if (kind is not (FileKind.Regular or FileKind.Unknown))
                return InputItem.Failed(path, $"not read: {FileKinds.Describe(kind)}{via}; only regular files are read");
            long length = info.Length;
            var full = Path.GetFullPath(path);
            if (length > 0 && Streamed(target, full) is { } format) return InputItem.Streamed(full, target, format);
            if (length > MaxFileBytes)
                return InputItem.Failed(path, $"too large: {length / (1024.0 * 1024.0):F0} MiB{via} (inputs over {MaxFileBytes / (1024 * 1024)} MiB are not read)");
            // A length of 0 is an empty file, or (where the kind is unknown) a FIFO or device: never opened, so it cannot hang the batch.
            var bytes = length == 0 ? [] : ReadAtMost(target, MaxFileBytes);
            if (bytes is null) return InputItem.Failed(path, $"too large: grew past {MaxFileBytes / (1024 * 1024)} MiB while being read{via}");
            return InputItem.Read(new RawDocument(full, bytes, ContentTypes.FromExtension(path)));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            return InputItem.Failed(path, "unreadable: " + ex.Message);
        }
    }

    /// <summary>
    /// Whether a file is read as it is split, never loaded whole: a WARC or gzipped WARC by its first bytes, a .csv
    /// file whose first bytes are text of no other container kind (gzip, feed, JSON: those are read whole as before), a
    /// JSON array, or JSON Lines where the first bytes decide it as the whole-file reading does (<see cref="JsonLinesHead"/>).
    /// </summary>
    private static StreamedFormat? Streamed(string path, string name)
    {
        var head = new byte[8192];
        int n;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0))
            n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var format = ContainerFormats.Sniff(head.AsSpan(0, n));
        if (format.Kind == ContainerKind.Warc || (format.Kind == ContainerKind.Gzip && WarcReader.IsWarc(ContainerFormats.PeekGzip(head[..n]))))
            return StreamedFormat.Warc;
        if (format.Kind == ContainerKind.None && CsvArticles.IsCsvName(name) && !StartsLikeJson(head.AsSpan(0, n))) return StreamedFormat.Csv;
        if (format.Kind == ContainerKind.JsonDocument && !CsvArticles.IsCsvName(name)) return StreamedFormat.JsonArray;
        if (format.Kind == ContainerKind.None && JsonLinesHead(head.AsSpan(0, n), name, whole: n < head.Length)) return StreamedFormat.JsonLines;
        return null;
    }

    /// <summary>
    /// Whether a file beginning with <paramref name="head"/> (8 KB, or the <paramref name="whole"/> file) is JSON Lines
    /// for <see cref="ArticleInputs.Split(InputItem, Json.FieldMap)"/> reading it whole: a first line of a JSON object
    /// with a text or html field (or a .jsonl name) in a file that is not binary, or a first line that is a whole JSON
    /// value. Where the head cannot decide as the whole file would (a first line longer than the head), false: read whole.
    /// </summary>
    private static bool JsonLinesHead(ReadOnlySpan<byte> head, string name, bool whole)
    {
        var declared = ContentTypes.FromExtension(name);
        if (declared == ContentTypes.Html || CsvArticles.IsCsvName(name)) return false;
        int start = head.StartsWith("\uFEFF"u8) ? 3 : 0;
        while (start < head.Length && head[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') start++;
        if (!whole && start + 2048 > head.Length) return false; // Sniff looks at 2 KB after the white space
        var sniffed = ContentTypes.Sniff(head, declared);
        if (sniffed == ContentTypes.JsonLines) return Text.TextDecoding.BinaryReason(head) is null; // which looks at 8 KB
        return ContainerFormats.IsJsonObjectDocument(head, sniffed) && ContainerInputs.FirstLineIsJson(head);
    }

    /// <summary>Whether the first character after a BOM and white space opens a JSON object or array.</summary>
    private static bool StartsLikeJson(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("\uFEFF"u8)) head = head[3..];
        head = head.TrimStart(" \t\r\n"u8);
        return !head.IsEmpty && head[0] is (byte)'{' or (byte)'[';
    }

    /// <summary>The file's bytes, or null when it holds more than <paramref name="max"/> (it may grow after the size check).</summary>
    private static byte[]? ReadAtMost(string path, long max)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var copy = new MemoryStream();
        var buffer = new byte[81920];
        int n;
        while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (copy.Length + n > max) return null;
            copy.Write(buffer, 0, n);
        }
        return copy.ToArray();
    }

    private static bool IsDanglingLink(string path, out string? target)
    {
        target = null;
        try
        {
            var info = new FileInfo(path);
            target = info.LinkTarget;
            return target is not null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException) { return false; }
    }

    private static bool IsGlob(string s) => s.IndexOfAny(['*', '?', '[']) >= 0;

    /// <summary>
    /// Expands a glob: '*' and '?' within one path segment, '**' across folders, '[abc]' a character class.
    /// The folder part before the first wildcard is where the search starts.
    /// </summary>
    private static IEnumerable<InputItem> Glob(string pattern)
    {
        var normalized = pattern.Replace('\\', '/');
        var segments = normalized.Split('/');
        int firstWild = Array.FindIndex(segments, s => IsGlob(s));
        var baseDir = string.Join('/', segments.Take(firstWild));
        if (baseDir.Length == 0) baseDir = normalized.StartsWith('/') ? "/" : ".";
        if (!Directory.Exists(baseDir)) yield break;
        var rest = string.Join('/', segments.Skip(firstWild));
        var regex = new Regex("^" + GlobToRegex(rest) + "$", RegexOptions.CultureInvariant);
        bool recursive = rest.Contains('/') || rest.Contains("**");
        // walked by hand so that a folder that cannot be read is reported, not skipped in silence
        var files = new List<string>();
        var unreadable = new List<InputItem>();
        var pending = new Stack<string>();
        pending.Push(baseDir);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            try
            {
                foreach (var f in Directory.GetFiles(dir))
                    if (!Path.GetFileName(f).StartsWith('.') && regex.IsMatch(Path.GetRelativePath(baseDir, f).Replace('\\', '/'))) files.Add(f);
                if (recursive)
                    foreach (var d in Directory.GetDirectories(dir))
                        if (!Path.GetFileName(d).StartsWith('.') && new DirectoryInfo(d).LinkTarget is null) pending.Push(d);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                unreadable.Add(InputItem.Failed(dir, "unreadable folder: " + ex.Message));
            }
        }
        files.Sort(StringComparer.Ordinal);
        foreach (var item in unreadable) yield return item;
        foreach (var f in files) yield return ReadFile(f);
    }

    private static string GlobToRegex(string glob)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < glob.Length; i++)
        {
            char c = glob[i];
            if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                i++;
                if (i + 1 < glob.Length && glob[i + 1] == '/') { i++; sb.Append("(?:.*/)?"); }
                else sb.Append(".*");
            }
            else if (c == '*') sb.Append("[^/]*");
            else if (c == '?') sb.Append("[^/]");
            else if (c == '[')
            {
                int close = glob.IndexOf(']', i + 1);
                if (close < 0) { sb.Append(@"\["); continue; }
                var cls = glob[(i + 1)..close];
                sb.Append('[').Append(cls.StartsWith('!') ? "^" + Regex.Escape(cls[1..]) : Regex.Escape(cls)).Append(']');
                i = close;
            }
            else sb.Append(Regex.Escape(c.ToString()));
        }
        return sb.ToString();
    }
}
