namespace Dragoman.Watch;

/// <summary>
/// What the watcher knows of one source between polls: the validators of the last feed it read (for a conditional GET),
/// when it was last polled and is next due, the last error and how many polls in a row failed.
/// </summary>
public sealed record SourceState(string Url, string? ETag, string? LastModified, DateTimeOffset? LastPoll, DateTimeOffset? NextPoll, string? LastError, int FailedPolls)
{
    public static SourceState New(string url) => new(url, null, null, null, null, null, 0);
}

/// <summary>
/// The watcher's memory, kept in the event store so that a restart neither loses nor repeats an item: the sources'
/// states and the feed items already taken in (by source and item key). A store that cannot keep it is not an
/// <see cref="IWatchState"/>, and <c>watch</c> says so.
/// </summary>
public interface IWatchState
{
    SourceState? GetSource(string url);

    void SaveSource(SourceState state);

    /// <summary>Those of <paramref name="keys"/> already taken in from <paramref name="source"/>.</summary>
    IReadOnlySet<string> SeenKeys(string source, IReadOnlyCollection<string> keys);

    /// <summary>Records an item as taken in (stored, a duplicate, or failed for good); marking it again changes nothing.</summary>
    void MarkSeen(string source, string key, long? articleId, DateTimeOffset at);

    /// <summary>
    /// Forgets the items of <paramref name="source"/> taken in at or before <paramref name="before"/> that are not among
    /// <paramref name="current"/> (the keys its feed lists now); returns how many. An item the feed still lists is kept
    /// whatever its age, so the table holds at most a feed's items plus those that left it within the retention.
    /// </summary>
    int ForgetSeen(string source, IReadOnlyCollection<string> current, DateTimeOffset before);

    /// <summary>The id of a stored article with this URL, if any: an item stored just before a crash, not yet marked seen.</summary>
    long? ArticleWithUrl(string url);
}
