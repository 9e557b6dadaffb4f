using Dragoman.Documents;

namespace Dragoman.Tests.Attribution;

/// <summary>How the attribution tests read a document's attributions: a chain as one comparable line, and the attribution an event at a word would take.</summary>
internal static class AttributionChains
{
    /// <summary>"kind:name@location > ..." for each link of the chain; "(none)" for no attribution.</summary>
    public static string Chain(Documents.Attribution? a) =>
        a is null ? "(none)" : string.Join(" > ", a.Chain.Select(s => $"{s.Kind}:{s.Name}" + (s.Location is null ? "" : "@" + s.Location)));

    /// <summary>The attribution with the smallest scope holding the first occurrence of <paramref name="word"/> (as events choose).</summary>
    public static Documents.Attribution? Governing(Document d, string word)
    {
        int at = d.Text.IndexOf(word, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{word}' not in the text");
        return d.Attributions.Where(a => a.Scope.Contains(at)).OrderBy(a => a.Scope.Length).FirstOrDefault();
    }
}
