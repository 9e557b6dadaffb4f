using Dragoman.Documents;

namespace Dragoman.Entities;

/// <summary>
/// Maps the tagger's CoNLL classes to the public entity types:
/// PER to PERSON; ORG to ORG; LOC to LOC for natural features and world regions ("the Golan Heights", "Yarmouk basin",
/// "Middle East"), else GPE (countries, provinces, towns: what news mostly names); MISC to NORP for nationalities,
/// ethnic, religious and political groups ("Syrian", "Russians", "Sunni", "Kurdish"), else MISC.
/// The model's own name lists (nationality, country, place) inform the choice.
/// </summary>
public static class EntityTypeMapper
{
    private static readonly HashSet<string> FeatureWords =
        WordListFile.Installed("entities", "feature-words.txt", "natural feature words", StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> Regions =
        WordListFile.Installed("entities", "world-regions.txt", "world region names", StringComparer.OrdinalIgnoreCase, phrases: true);

    /// <summary>Religious, ethnic and political group words that name people (NORP) without being nationalities.</summary>
    private static readonly HashSet<string> Groups =
        WordListFile.Installed("entities", "people-groups.txt", "religious, ethnic and political group words", StringComparer.OrdinalIgnoreCase);

    public static EntityType Map(string conllClass, string text, Gazetteer? lists = null) => conllClass switch
    {
        "PER" => EntityType.PERSON,
        "ORG" => EntityType.ORG,
        "LOC" => IsNaturalOrRegion(text, lists) ? EntityType.LOC : EntityType.GPE,
        "MISC" => IsGroupOfPeople(text, lists) ? EntityType.NORP : EntityType.MISC,
        _ => EntityType.MISC,
    };

    private static int Kind(string name) => Array.IndexOf(NameLists.Kinds, name);

    /// <summary>"Syrias", "Iraqs": a listed country name plus "s" that is not itself a listed name ("Honduras" is).</summary>
    public static bool CountryWithoutApostrophe(ReadOnlySpan<char> word, Gazetteer lists)
    {
        if (word.Length < 5 || word[^1] != 's' || !char.IsUpper(word[0])) return false;
        int country = 1 << Kind("country");
        var w = word.ToString();
        return (lists.KindsOf(w[..^1]) & country) != 0 && lists.KindsOf(w) == 0;
    }

    /// <summary>Whether the name is on the model's country or place lists.</summary>
    public static bool IsListedPlace(string text, Gazetteer lists) => (lists.KindsOf(text) & (1 << Kind("country") | 1 << Kind("place"))) != 0;

    public static bool IsNaturalOrRegion(string text, Gazetteer? lists)
    {
        var t = text.Trim();
        if (Regions.Contains(t)) return true;
        foreach (var w in t.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries))
            if (FeatureWords.Contains(w)) return true;
        return false;
    }

    public static bool IsGroupOfPeople(string text, Gazetteer? lists)
    {
        var t = text.Trim();
        if (Groups.Contains(t)) return true;
        if (lists is null) return false;
        int nat = Kind("nationality");
        if (nat < 0) return false;
        if ((lists.KindsOf(t) & (1 << nat)) != 0) return true;
        // plural of a listed adjective: "Russians", "Syrians"
        if (t.Length > 4 && t.EndsWith('s') && (lists.KindsOf(t[..^1]) & (1 << nat)) != 0) return true;
        // a compound of nationalities: "Syrian-Jordanian", "Lebanese-Israeli"
        var parts = t.Split('-');
        return parts.Length > 1 && parts.All(p => p.Length > 2 && ((lists.KindsOf(p) & (1 << nat)) != 0 || Groups.Contains(p)));
    }
}
