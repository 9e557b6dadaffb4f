namespace Dragoman.Pipeline;

/// <summary>
/// What one article may cost: its input's size and the pipeline's time. An article over budget fails with the reason
/// and the batch goes on. The defaults are generous: the largest real article seen is far below both.
/// </summary>
public sealed record ArticleBudget(TimeSpan Time, long MaxBytes)
{
    /// <summary>60 s and 16 MiB: an article of 20,000 lines takes about 2 s and 0.7 MiB.</summary>
    public static readonly ArticleBudget Default = new(TimeSpan.FromSeconds(60), 16L << 20);

    public static readonly ArticleBudget Unlimited = new(Timeout.InfiniteTimeSpan, long.MaxValue);

    /// <summary>The failure text for an input over the size budget, or null when it fits.</summary>
    public string? OverSize(long bytes) => bytes <= MaxBytes ? null
        : $"article is {Size(bytes)}, over the size budget of {Size(MaxBytes)} per article (--max-article-mb)";

    /// <summary>The failure text for an article stopped by the time budget before (or, <paramref name="during"/>, in) <paramref name="stage"/>.</summary>
    public string OverTime(string stage, bool during = false) =>
        $"article took longer than the time budget of {Time.TotalSeconds:0.###} s per article and was stopped {(during ? "in" : "before")} stage '{stage}' (--max-article-seconds)";

    /// <summary>The warning of an article stopped by the time budget before or in a refining <paramref name="stage"/>, kept as the stages before it left it.</summary>
    public string Partial(string stage, bool during = false) =>
        OverTime(stage, during) + $"; kept as a partial result, without stage '{stage}' and the stages after it";

    private static string Size(long bytes) => bytes >= 1048576
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / 1048576.0:0.##} MiB")
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.##} KiB");
}

/// <summary>Thrown when the article's time budget or the batch's cancellation stops it, between stages or inside one.</summary>
public sealed class StageCancelledException(string stage, CancellationToken token)
    : OperationCanceledException($"stopped at stage '{stage}'", token)
{
    public string Stage { get; } = stage;

    /// <summary>True when the stage had started and stopped itself in a loop (<see cref="Documents.Document.Cancellation"/>).</summary>
    public bool During { get; init; }

    /// <summary>The document as the stages before <see cref="Stage"/> left it, when that stage and every one after it only refine (<see cref="IDocumentComponent.Refines"/>); else null.</summary>
    public Documents.Document? Partial { get; init; }
}
