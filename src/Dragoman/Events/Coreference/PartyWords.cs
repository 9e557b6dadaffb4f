using Dragoman.Geo;
using Dragoman.Pipeline;

namespace Dragoman.Events.Coreference;

/// <summary>
/// The word forms two tellings' parties are compared by (<see cref="CoreferenceFeatures.PartyRelation"/>): a word's
/// possessive and plural fold into its base form ("Islamists", "the Islamist's" and "Islamist" agree), and a demonym
/// names its country ("Israeli" and "Israel" agree; the demonyms are the gazetteer's data/gazetteer/demonyms.tsv).
/// Before, the comparison was on raw four-letter words and kept apart a singular and a plural, a demonym and its
/// country's name, and a possessive (coref13: 4 of 47 development `actor:differ` pulls). Pure; the demonym table is
/// read once per process.
/// </summary>
public static class PartyWords
{
    private static readonly Lazy<Demonyms> Bundled = new(() =>
        Demonyms.Load(GazetteerInstaller.DemonymsPath(PipelineResources.BundledDataDir)) is { IsOk: true, Value: { } d } ? d : Demonyms.Empty);

    /// <summary>
    /// One word's compared form: lower case, letters and digits only, without a possessive ("Haftar's": haftar) and
    /// a plural "-s" or "-ies" ("forces": force, "militias": militia, "casualties": casualty). Words in "-ss", "-us"
    /// and "-is" keep their "s"; a name in "-as" loses it, on both sides alike, so it still matches itself.
    /// </summary>
    public static string Fold(string word)
    {
        var w = word;
        foreach (var possessive in Possessives)
            if (w.EndsWith(possessive, StringComparison.OrdinalIgnoreCase)) { w = w[..^possessive.Length]; break; }
        w = new string(w.Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant();
        if (w.Length > 4 && w.EndsWith("ies", StringComparison.Ordinal)) return w[..^3] + "y";
        if (w.Length > 4 && w[^1] == 's' && w[^2] is not ('s' or 'u' or 'i')) return w[..^1];
        return w;
    }

    private static readonly string[] Possessives = ["'s", "’s", "s'", "s’"];

    /// <summary>The countries a party's words name as demonyms ("Israeli", "Syrians", "Syrian-Jordanian").</summary>
    public static IReadOnlySet<string> CountriesOf(string text)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var w in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            found.UnionWith(Bundled.Value.CountriesOf(w.Trim(Punctuation)));
        return found;
    }

    /// <summary>The party's compared words that are no demonym: its name ("Syrian army" and "Syrian rebels" share only a nation).</summary>
    public static IReadOnlySet<string> NameWords(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !Bundled.Value.CountriesOf(w.Trim(Punctuation)).Any())
            .Select(Fold).Where(w => w.Length >= 4).ToHashSet(StringComparer.Ordinal);

    private static readonly char[] Punctuation = ['"', '“', '”', '(', ')', ',', '.', ';', ':', '\'', '‘', '’'];
}
