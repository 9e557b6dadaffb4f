using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Dragoman.Ingest;
using Dragoman.Ingest.Warc;
using Spectre.Console.Cli;

namespace Dragoman.Cli.Commands;

public sealed class BenchWarcSettings : CommandSettings
{
    [CommandArgument(0, "<FILE>")]
    [Description("A .warc or .warc.gz file (tools/make-bench-warc.py builds one from text pages).")]
    public string File { get; init; } = "";

    [CommandOption("--rounds <N>")]
    [Description("Passes over the file (each timed; the best is reported).")]
    [DefaultValue(3)]
    public int Rounds { get; init; } = 3;
}

/// <summary>
/// Read-only WARC throughput: the file is read from disk record by record, as ingest reads it (gzip members inflated,
/// records and HTTP headers parsed, charsets applied), without the article reader or the pipeline. Reports MB/s of
/// compressed and of decompressed bytes, and the peak resident set. Last line: one JSON object.
/// </summary>
public sealed class BenchWarcCommand : Command<BenchWarcSettings>
{
    public override int Execute(CommandContext context, BenchWarcSettings settings, CancellationToken cancellationToken)
    {
        long length;
        try { length = new FileInfo(settings.File).Length; }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { Console.Error.WriteLine($"dragoman: {settings.File}: {ex.Message}"); return 2; }
        double best = double.MaxValue, bestCpu = double.MaxValue;
        var process = System.Diagnostics.Process.GetCurrentProcess();
        long articles = 0, failed = 0, payload = 0;
        for (int round = 0; round < Math.Max(1, settings.Rounds); round++)
        {
            articles = failed = payload = 0;
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            foreach (var input in WarcInputs.SplitFile(settings.File, settings.File))
            {
                if (input.Raw is { } raw) { articles++; payload += raw.Bytes.Length; }
                else failed++;
            }
            clock.Stop();
            process.Refresh();
            var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
            bestCpu = Math.Min(bestCpu, cpu);
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round + 1}: {clock.Elapsed.TotalSeconds:0.00} s wall, {cpu:0.00} s CPU"));
        }
        process.Refresh();
        double mb = length / 1e6, payloadMb = payload / 1e6, peakMib = process.PeakWorkingSet64 / 1048576.0;
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"bench warc: {settings.File}: {mb:0.0} MB on disk, {articles} articles ({payloadMb:0.0} MB of pages), {failed} failed; best of {settings.Rounds}: {best:0.00} s = {mb / best:0.0} MB/s of file, {payloadMb / best:0.0} MB/s of pages, {articles / best:0} records/s; per CPU-second (best {bestCpu:0.00} s, one thread): {mb / bestCpu:0.0} MB/s of file; peak resident {peakMib:0} MiB"));
        Console.Out.WriteLine(new JsonObject
        {
            ["file"] = settings.File, ["file_mb"] = Math.Round(mb, 1), ["articles"] = articles, ["failed"] = failed,
            ["seconds"] = Math.Round(best, 3), ["file_mb_per_s"] = Math.Round(mb / best, 1), ["page_mb_per_s"] = Math.Round(payloadMb / best, 1),
            ["cpu_seconds"] = Math.Round(bestCpu, 3), ["file_mb_per_cpu_s"] = Math.Round(mb / bestCpu, 1), ["peak_rss_mib"] = Math.Round(peakMib),
        }.ToJsonString());
        return failed > 0 ? 1 : 0;
    }
}
