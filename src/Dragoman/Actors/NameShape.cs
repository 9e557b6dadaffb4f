namespace Dragoman.Actors;

/// <summary>
/// Tells a person's name from an organisation's by its words: organisation keywords (English and transliterated
/// Arabic), kunya and title markers, and a set of known given names. Used to split PETRARCH actor blocks, which list
/// a group's leaders as synonyms of the group, and to type capitalised name candidates.
/// </summary>
public sealed class NameShape
{
    /// <summary>Folded words that make a name an organisation's.</summary>
    public static readonly HashSet<string> OrgWords = Folded(
    [
        "army", "front", "state", "brigade", "brigades", "battalion", "battalions", "group", "groups", "council", "party",
        "movement", "organization", "organisation", "coalition", "forces", "force", "government", "regime", "ministry",
        "committee", "union", "league", "alliance", "declaration", "corps", "militia", "militias", "network", "agency",
        "bank", "company", "corporation", "association", "federation", "institute", "university", "commission",
        "observatory", "administration", "authority", "service", "services", "intelligence", "directorate", "branch",
        "office", "division", "regiment", "guard", "guards", "police", "fund", "programme", "program", "court",
        "tribunal", "assembly", "parliament", "congress", "senate", "cabinet", "faction", "cells", "nuclei", "nucleus",
        "unit", "units", "squad", "defence", "defense", "helmets", "net", "news", "observer", "times", "post", "press",
        "radio", "tv", "television", "channel", "media", "herald", "journal", "gazette", "tribune", "monitor",
        "foundation", "center", "centre", "society", "church", "mission", "order", "revolution", "resistance",
        "jihad", "emirate", "caliphate", "task", "crescent", "cross", "nations", "republic", "kingdom",
        // transliterated Arabic organisation words
        "jaish", "jaysh", "jabhat", "jabha", "harakat", "haraka", "hizb", "tanzim", "tanzem", "dawla", "liwa", "liwa",
        "katibat", "katiba", "kataib", "kataeb", "saraya", "sarayat", "jund", "ghuraba", "ahrar", "fursan", "suqur",
        "faylaq", "firqa", "alwiya", "majlis", "hayat", "haya", "tahrir", "ansar", "muhajirin", "mujahidin",
        "mujahiden", "shura", "jamaat", "jama", "jamaa", "ittihad", "tajamu", "quwat", "hashd", "room", "command", "house", "kremlin", "pentagon", "palace", "military", "elysee",
    ]);

    private static HashSet<string> Folded(string[] words) => new(words.Select(NameFolding.FoldPhrase), StringComparer.Ordinal);

    private static readonly HashSet<string> PersonMarkers = Folded(
        ["abu", "abd", "abdul", "abdel", "abdal", "umm", "sheikh", "sheik", "shaykh", "mr", "mrs", "dr", "imam", "mullah", "emir", "sayyid"]);

    private static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal)
    { "and", "of", "for", "the", "in", "on", "to", "with", "against", "from" };

    private readonly HashSet<string> _givenNames;

    public NameShape(IEnumerable<string> givenNames, IEnumerable<string>? placeNames = null)
    {
        _givenNames = new(givenNames, StringComparer.Ordinal);
        PlaceNames = new(placeNames ?? [], StringComparer.Ordinal);
    }

    /// <summary>Folded country names, capitals and demonyms: never a person's name.</summary>
    public HashSet<string> PlaceNames { get; }

    public bool IsGivenName(string folded) => _givenNames.Contains(folded);
    public IReadOnlyCollection<string> GivenNames => _givenNames;

    public static bool IsPersonMarker(string folded) => PersonMarkers.Contains(folded);

    /// <summary>True when a folded word names organisations.</summary>
    public static bool IsOrgWord(string folded) => OrgWords.Contains(folded);

    public static bool LooksLikeOrg(IReadOnlyList<string> folded)
    {
        foreach (var w in folded)
            if (OrgWords.Contains(w) || FunctionWords.Contains(w)) return true;
        return false;
    }

    /// <summary>
    /// Whether folded words name a person. <paramref name="defaultPerson"/> decides names with no evidence either way
    /// (true for national actor lists, which are mostly officials; false for lists of armed groups).
    /// </summary>
    public bool LooksLikePerson(IReadOnlyList<string> folded, bool defaultPerson)
    {
        if (folded.Count == 0 || LooksLikeOrg(folded) || PlaceNames.Contains(string.Join(' ', folded))) return false;
        if (PersonMarkers.Contains(folded[0]) || _givenNames.Contains(folded[0])) return true;
        if (folded.Count == 1)
            return defaultPerson || folded[0].Length > 6 && folded[0].EndsWith('i'); // a nisba surname: Zarqawi, Baghdadi
        if (folded.Count == 2 && folded[0] == "al" && folded[1].Length > 4 && folded[1].EndsWith('i')) return true; // al-Baghdadi
        return defaultPerson;
    }
}
