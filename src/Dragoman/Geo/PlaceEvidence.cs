using Dragoman.Documents;
using Dragoman.Pipeline;

namespace Dragoman.Geo;

/// <summary>
/// Whether a name the recogniser typed PERSON or ORG is a place by the phrase around it, whether or not the gazetteer
/// knows it: the object of a locative ("in X", "near the village of X"), after a compass word or distance ("north of
/// X", "10 km from X"), before or ending in a settlement or division noun ("X district", "Y Township"), or a later member
/// of a list such a phrase opens that also holds a recogniser's place ("in Aleppo, Idlib and X"). Person evidence keeps
/// the person (a title before any mention of the name, a common given name first, a longer person's name that holds it,
/// the name as the subject of a verb or "X, who" elsewhere); organisation evidence keeps the organisation (a word such as
/// "Brigade" or "Party" in it, an acronym). The cue words are data (data/gazetteer/place-cues.tsv).
/// </summary>
public static class PlaceEvidence
{
    public static string BundledCuesPath => Path.Combine(PipelineResources.BundledDataDir, "gazetteer", "place-cues.tsv");

    /// <summary>Common given names (the actors stage's curated list, read as data): a name opening with one is a person's.</summary>
    public static string BundledGivenNamesPath => Path.Combine(PipelineResources.BundledDataDir, "actors", "given-names.txt");

    private sealed record Cues(HashSet<string> Locative, HashSet<string> Compass, HashSet<string> Distance, HashSet<string> Title,
        HashSet<string> Org, HashSet<string> GivenNames, HashSet<string> PlaceNouns);

    private static readonly Lazy<Cues> Bundled = new(() => Load(BundledCuesPath, BundledGivenNamesPath, StoryArea.BundledPlaceNounsPath));

    private static Cues Load(string cuesPath, string givenNamesPath, string placeNounsPath)
    {
        HashSet<string> Set() => new(StringComparer.OrdinalIgnoreCase);
        var c = new Cues(Set(), Set(), Set(), Set(), Set(), Set(), NameNouns.Load(placeNounsPath));
        if (File.Exists(cuesPath))
            foreach (var line in File.ReadLines(cuesPath))
            {
                if (line.StartsWith('#') || line.StartsWith("kind\t", StringComparison.Ordinal)) continue;
                var f = line.Split('\t');
                if (f.Length < 2 || f[1].Trim() is not { Length: > 0 } w) continue;
                (f[0] switch { "locative" => c.Locative, "compass" => c.Compass, "distance" => c.Distance, "title" => c.Title, "org" => c.Org, _ => null })?.Add(w);
            }
        if (File.Exists(givenNamesPath))
            foreach (var line in File.ReadLines(givenNamesPath))
                if (line.Trim() is { Length: > 0 } w && w[0] != '#') c.GivenNames.Add(w);
        return c;
    }

    /// <summary>
    /// Whether the mention at <paramref name="m"/>, typed PERSON or ORG, is a place by its phrase, with no person or
    /// organisation evidence against it. <paramref name="settlementNoun"/> says whether a word is a settlement or division noun.
    /// </summary>
    public static bool CallsPlace(Document document, int m, Func<string, bool> settlementNoun)
    {
        var mention = document.Mentions[m];
        if (mention.Type is not (EntityType.PERSON or EntityType.ORG)) return false;
        var cues = Bundled.Value;
        if (OrganisationName(mention.Text, cues) || PersonEvidence(document, mention, cues)) return false;
        return PlaceCue(document, mention.Span, mention.Text, cues, settlementNoun);
    }

    /// <summary>Whether the phrase around the span calls it a place (the cues of <see cref="CallsPlace"/> without the person and organisation checks).</summary>
    public static bool PhraseCallsPlace(Document document, TextSpan span, Func<string, bool> settlementNoun) =>
        span.End <= document.Text.Length && PlaceCue(document, span, document.Text[span.Start..span.End], Bundled.Value, settlementNoun);

    private static string[] Words(string name) => name.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries);

    /// <summary>An organisation's word in the name ("Quds Brigade") or a name all in capitals of up to six letters ("NATO").</summary>
    private static bool OrganisationName(string name, Cues cues)
    {
        if (Words(name).Any(cues.Org.Contains)) return true;
        return name.Length <= 6 && name.Count(char.IsLetter) >= 2 && name.All(ch => !char.IsLetter(ch) || char.IsUpper(ch));
    }

    private static bool PersonEvidence(Document document, Mention mention, Cues cues)
    {
        var name = mention.Text;
        var words = Words(name);
        if (words.Length > 0 && cues.GivenNames.Contains(words[0])) return true;
        foreach (var other in document.Mentions)
        {
            // "Magdalena" beside "Magdalena Andersson": her name, not a place
            if (other.Type == EntityType.PERSON && other.Text.Length > name.Length
                && $" {other.Text} ".Contains($" {name} ", StringComparison.Ordinal)) return true;
            if (!string.Equals(other.Text, name, StringComparison.Ordinal)) continue;
            // any mention of the name after a title, or as the subject of a verb or of "who", is a person's or group's
            int first = document.FirstTokenFrom(other.Span.Start), after = document.FirstTokenFrom(other.Span.End);
            if (first > 0 && cues.Title.Contains(Word(document, first - 1).TrimEnd('.'))) return true;
            if (first > 1 && Word(document, first - 1) == "." && cues.Title.Contains(Word(document, first - 2))) return true;
            if (other.Span != mention.Span && !AfterLocative(document, first, cues) && after < document.Tokens.Length && IsVerb(document, after)) return true;
            if (after + 1 < document.Tokens.Length && Word(document, after) == "," && Word(document, after + 1) is "who" or "whose") return true;
        }
        return false;
    }

    private static string Word(Document d, int k) => d.Text[d.Tokens[k].Start..d.Tokens[k].End];

    private static string Tag(Document d, int k) =>
        d.PartOfSpeech.Length == d.Tokens.Length && d.PartOfSpeech[k] < d.PartOfSpeechTagSet.Count ? d.PartOfSpeechTagSet[d.PartOfSpeech[k]] : "";

    private static bool IsVerb(Document d, int k) => Tag(d, k) is "VBD" or "VBZ" or "VBP" or "MD";

    private static bool AfterLocative(Document d, int first, Cues cues)
    {
        int k = first - 1;
        if (k >= 0 && Word(d, k) is "the" or "The") k--;
        return k >= 0 && cues.Locative.Contains(Word(d, k));
    }

    private static bool PlaceCue(Document document, TextSpan span, string name, Cues cues, Func<string, bool> settlementNoun)
    {
        var tokens = document.Tokens;
        var words = Words(name);
        // "Donga Mantung Division", "Kyaukpadaung Township": the name ends in a division noun written as part of it
        if (words.Length > 1 && char.IsUpper(words[^1][0]) && (settlementNoun(words[^1]) || cues.PlaceNouns.Contains(words[^1]))) return true;
        int first = document.FirstTokenFrom(span.Start), after = document.FirstTokenFrom(span.End);
        // "X district", "X area" (not "the X area office": a noun after it makes it a modifier)
        if (after < tokens.Length && Word(document, after) is { } next && char.IsLower(next[0]) && (settlementNoun(next) || cues.PlaceNouns.Contains(next))
            && (after + 1 >= tokens.Length || Tag(document, after + 1) is not ("NN" or "NNS"))) return true;
        if (Opener(document, first, cues, settlementNoun)) return true;
        // an earlier member of a list a settlement noun ends: "between X and Y villages"
        if (after < tokens.Length && Word(document, after) is "and" or "or" or ",")
        {
            int j = after;
            while (j < tokens.Length && j - after < 30 && ListWord(Word(document, j))) j++;
            if (j < tokens.Length && j > after + 1 && Word(document, j) is { } noun && char.IsLower(noun[0])
                && noun.EndsWith('s') && (settlementNoun(noun) || cues.PlaceNouns.Contains(noun))) return true;
        }
        // a later member of a list a locative or "the villages of" opens: "in Aleppo, Idlib and X" (not the subject of
        // the verb after it: "In Aleppo, X said")
        // a name after a comma only where an "and" or "or" follows in the list ("In Aleppo, X, the leader" is no list)
        int k = first - 1;
        if (k < 0 || Word(document, k) is not ("and" or "or" or ",")) return false;
        if (after < tokens.Length && IsVerb(document, after)) return false;
        if (Word(document, k) == ",")
        {
            int j = after;
            while (j < tokens.Length && j - after < 30 && ListWord(Word(document, j)) && Word(document, j) is not ("and" or "or")) j++;
            if (j >= tokens.Length || Word(document, j) is not ("and" or "or")) return false;
        }
        while (k >= 0 && first - k < 30 && ListWord(Word(document, k)) && !cues.Locative.Contains(Word(document, k))) k--;
        return Opener(document, k + 1, cues, settlementNoun);
    }

    /// <summary>A word that may stand inside a list of names: a capitalised word, "al-", a comma, "and", "or".</summary>
    private static bool ListWord(string w) =>
        w is "," or "and" or "or" or "al" or "-" || char.IsUpper(w[0]) || w.StartsWith("al-", StringComparison.Ordinal);

    /// <summary>Whether the words before token <paramref name="first"/> open a place: "in", "near the", "the village of", "north of", "10 km from".</summary>
    private static bool Opener(Document d, int first, Cues cues, Func<string, bool> settlementNoun)
    {
        int k = first - 1;
        if (k < 0) return false;
        var w = Word(d, k);
        if (w is "the" or "The" && k > 0) w = Word(d, --k);
        if (cues.Locative.Contains(w)) return true;
        if (k == 0) return false;
        var before = Word(d, k - 1);
        if (w == "of") return cues.Compass.Contains(before) || settlementNoun(before) || cues.PlaceNouns.Contains(before);
        return w == "from" && cues.Distance.Contains(before);
    }
}
