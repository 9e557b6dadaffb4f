namespace Dragoman.Actors;

/// <summary>
/// Tells a person's name from an organisation's by its words: organisation keywords (English and transliterated
/// Arabic), kunya and title markers, and a set of known given names. Used to split PETRARCH actor blocks, which list
/// a group's leaders as synonyms of the group, and to type capitalised name candidates.
/// </summary>
public sealed class NameShape
{
    /// <summary>Folded words that make a name an organisation's: data/actors/org-words.txt, its source in its header.</summary>
    public static readonly HashSet<string> OrgWords = Folded(InstalledList("org-words.txt", "organisation name words"));

    private static HashSet<string> Folded(IEnumerable<string> words) => new(words.Select(NameFolding.FoldPhrase), StringComparer.Ordinal);

    private static HashSet<string> InstalledList(string fileName, string what) =>
        WordListFile.Installed("actors", fileName, what, StringComparer.Ordinal);

    /// <summary>Folded words that open a person's name or title: data/actors/person-markers.txt.</summary>
    private static readonly HashSet<string> PersonMarkers = Folded(InstalledList("person-markers.txt", "person name markers"));

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
