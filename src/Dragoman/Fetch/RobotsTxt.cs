namespace Dragoman.Fetch;

/// <summary>
/// robots.txt rules for one agent (RFC 9309): the group naming the agent's token, else the '*' group; the longest
/// matching Allow/Disallow path wins, Allow on a tie; '*' and a final '$' in paths. Crawl-delay is read (not in the RFC, widely used).
/// </summary>
public sealed class RobotsTxt
{
    private readonly List<(string Path, bool Allow)> _rules;

    public TimeSpan? CrawlDelay { get; }

    public static readonly RobotsTxt AllowAll = new([], null);

    /// <summary>Why the robots.txt could not be read (a 5xx, a timeout, no connection), when that is why everything is disallowed; else null.</summary>
    public string? Unreadable { get; private init; }

    /// <summary>RFC 9309: a robots.txt that cannot be read disallows everything, until it is read again.</summary>
    public static RobotsTxt UnreadableBecause(string reason) => new([("/", false)], null) { Unreadable = reason };

    private RobotsTxt(List<(string, bool)> rules, TimeSpan? delay) { _rules = rules; CrawlDelay = delay; }

    public static RobotsTxt Parse(string text, string token)
    {
        List<(string, bool)>? mine = null, star = null;
        TimeSpan? myDelay = null, starDelay = null;
        var agents = new List<string>();
        bool inRules = false;
        List<(string, bool)>? current = null;
        bool currentMine = false, currentStar = false;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Split('#')[0].Trim();
            int colon = line.IndexOf(':');
            if (colon <= 0) continue;
            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            if (key == "user-agent")
            {
                if (inRules) { agents.Clear(); inRules = false; }
                agents.Add(value.ToLowerInvariant());
                currentMine = agents.Any(a => a != "*" && token.Contains(a, StringComparison.OrdinalIgnoreCase));
                currentStar = agents.Contains("*");
                current = currentMine ? (mine ??= []) : currentStar ? (star ??= []) : null;
                continue;
            }
            inRules = true;
            if (current is null) continue;
            if (key is "allow" or "disallow" && value.Length > 0) current.Add((value, key == "allow"));
            else if (key == "crawl-delay" && double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var s) && s >= 0)
            {
                var d = TimeSpan.FromSeconds(Math.Min(s, 60));
                if (currentMine) myDelay = d; else starDelay = d;
            }
        }
        return new RobotsTxt(mine ?? star ?? [], mine is not null ? myDelay : starDelay);
    }

    public bool Allows(string pathAndQuery)
    {
        int best = -1;
        bool allow = true;
        foreach (var (path, isAllow) in _rules)
        {
            if (!Matches(pathAndQuery, path)) continue;
            if (path.Length > best || path.Length == best && isAllow) { best = path.Length; allow = isAllow; }
        }
        return allow;
    }

    private static bool Matches(string url, string pattern)
    {
        bool anchored = pattern.EndsWith('$');
        if (anchored) pattern = pattern[..^1];
        var parts = pattern.Split('*');
        int pos = 0;
        for (int i = 0; i < parts.Length; i++)
        {
            if (i == 0)
            {
                if (!url.StartsWith(parts[0], StringComparison.Ordinal)) return false;
                pos = parts[0].Length;
                continue;
            }
            int k = url.IndexOf(parts[i], pos, StringComparison.Ordinal);
            if (k < 0) return false;
            pos = k + parts[i].Length;
        }
        return !anchored || pos == url.Length || parts[^1].Length == 0;
    }
}
