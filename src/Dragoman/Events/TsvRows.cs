namespace Dragoman.Events;

/// <summary>The data rows of a tab-separated table of data/events: blank lines and '#' comments skipped, each with its 1-based line number.</summary>
public static class TsvRows
{
    public static IEnumerable<(int Line, string[] Fields)> Read(string tsv)
    {
        int n = 0;
        foreach (var raw in tsv.Split('\n'))
        {
            n++;
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#') continue;
            yield return (n, line.Split('\t'));
        }
    }
}
