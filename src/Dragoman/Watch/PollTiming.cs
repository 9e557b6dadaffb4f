namespace Dragoman.Watch;

/// <summary>
/// When a source is due again: the configured interval, raised to what the feed or server asks for (RSS ttl,
/// Cache-Control max-age, Retry-After; each capped at a day), doubled for each failed poll in a row (up to 32 times, at
/// most an hour more than the interval), and never below the floor.
/// </summary>
public sealed record PollTiming(TimeSpan Interval, TimeSpan Floor)
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan DefaultFloor = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxHint = TimeSpan.FromDays(1);

    public static PollTiming Default => new(DefaultInterval, DefaultFloor);

    /// <summary>
    /// How long a started watcher waits before a source's first poll: until the next poll the store kept (a restart
    /// resumes the source's schedule, with its ttl and back-off), nothing when that time has passed or none was kept.
    /// </summary>
    public static TimeSpan FirstWait(SourceState? saved, DateTimeOffset now) =>
        saved?.NextPoll is { } due && due > now ? due - now : TimeSpan.Zero;

    public TimeSpan Next(TimeSpan? ttl, TimeSpan? maxAge, TimeSpan? retryAfter, int failedPolls)
    {
        var wait = Interval;
        foreach (var hint in new[] { ttl, maxAge, retryAfter })
            if (hint is { } h && h > wait) wait = h < MaxHint ? h : MaxHint;
        if (failedPolls > 0)
        {
            var backoff = TimeSpan.FromTicks(Interval.Ticks * (1L << Math.Min(failedPolls - 1, 5)));
            var cap = Interval + TimeSpan.FromHours(1);
            if (backoff > cap) backoff = cap;
            if (backoff > wait) wait = backoff;
        }
        return wait < Floor ? Floor : wait;
    }
}
