using System.Text.RegularExpressions;
using Dragoman.Actors;
using Dragoman.Documents;
using Dragoman.Pipeline;
using Dragoman.Text;

namespace Dragoman.Events;

/// <summary>
/// Gives an event's actor and target the full name an analyst needs where the text shows a short form ("the LNA",
/// "ADF rebels"): the long form the article itself defines (<see cref="Abbreviations"/>, with the span of the
/// definition), else the name of the one actor-dictionary group the short form links to. The written text and its
/// span stay as they were; the full name goes beside them (<see cref="EventArgument.Name"/>).
/// </summary>
public sealed partial class PartyNamesComponent(ActorDictionary dictionary) : IDocumentComponent
{
    public string Name => "party-names";
    public Layer Requires => Layer.Events;
    public Layer Provides => Layer.None;
    public bool Refines => true;

    public void Process(Document document)
    {
        if (document.Events.Count == 0) return;
        var table = Abbreviations.Find(document.Text);
        // computed first, then applied: a refining stage leaves the document unchanged when its budget stops it
        var named = document.Events.Select(e => (Event: e, Actor: e.Actor is { } a ? Named(a, table) : null,
            Target: e.Target is { } t ? Named(t, table) : null)).ToList();
        // each telling of a joined event keeps its own parties (Event.Tellings): they are named the same way
        var tellings = document.Events.Select(e => e.Tellings.ConvertAll(t => t with { Actor = WithName(t.Actor, table), Target = WithName(t.Target, table) })).ToList();
        for (int i = 0; i < named.Count; i++)
        {
            var (e, actor, target) = named[i];
            if (actor is not null) e.Actor = e.Actor! with { Name = actor };
            if (target is not null) e.Target = e.Target! with { Name = target };
            for (int k = 0; k < e.Tellings.Count; k++) e.Tellings[k] = tellings[i][k];
        }
    }

    private EventArgument? WithName(EventArgument? a, IReadOnlyDictionary<string, Abbreviation> table) =>
        a is not null && Named(a, table) is { } name ? a with { Name = name } : a;

    /// <summary>
    /// The argument's full name, or null when it shows no short form the article or the dictionary expands. Every short
    /// form in it is expanded ("the IS-affiliated ADF group"); the name tells where the last one (the head's) came from.
    /// </summary>
    public ArgumentName? Named(EventArgument argument, IReadOnlyDictionary<string, Abbreviation> table)
    {
        var text = argument.Text;
        var expanded = new System.Text.StringBuilder();
        int copied = 0;
        ArgumentName? last = null;
        foreach (Match w in Word().Matches(text))
        {
            string? longForm = null;
            ArgumentName? how = null;
            if (table.TryGetValue(w.Value, out var abbreviation))
                (longForm, how) = (abbreviation.Long, new ArgumentName("", "article", abbreviation.LongSpan));
            else if (IsAcronym(w.Value) && DictionaryName(w.Value) is { } name)
                (longForm, how) = (name, new ArgumentName("", "dictionary", null));
            // a mention that already holds the long form, or defines the short form itself ("... Group (CIDG)"), needs no name
            if (longForm is null || text.Contains(longForm, StringComparison.OrdinalIgnoreCase) || (w.Index > 0 && text[w.Index - 1] == '(')) continue;
            expanded.Append(text, copied, w.Index - copied);
            MatchArticle(expanded, longForm);
            expanded.Append(longForm);
            copied = w.Index + w.Length;
            // "ADF's" -> "Allied Democratic Forces'": a long form ending in s takes the bare apostrophe
            if (longForm.EndsWith('s') && copied + 1 < text.Length && text[copied] is '\'' or '\u2019' && text[copied + 1] is 's'
                && (copied + 2 == text.Length || !char.IsLetter(text[copied + 2])))
            {
                expanded.Append(text[copied]);
                copied += 2;
            }
            last = how;
        }
        if (last is null) return argument.Name is null ? CountryOfDemonym(text) : null;
        return last with { Text = expanded.Append(text, copied, text.Length - copied).ToString() };
    }

    /// <summary>
    /// The country a party names only by its demonym ("Israeli", "the Russians", "an Israeli drone strike": the state
    /// whose means they are), as the actor dictionary's country name; null when another word names who acted ("Syrian
    /// rebels" are rebels, not Syria). A coder codes the state ("Israel", "Russia"): the adjective alone shared no word
    /// with it (actors16: 3 of 40 development actor errors).
    /// </summary>
    public ArgumentName? CountryOfDemonym(string text)
    {
        var words = Word().Matches(text).Select(m => m.Value).ToList();
        if (words.Count > 0 && words[0].ToLowerInvariant() is "a" or "an" or "the") words.RemoveAt(0);
        if (words.Count == 0 || !char.IsUpper(words[0][0]) || !words.Skip(1).All(w => MeansWords.Value.Contains(w))) return null;
        // a plural people ("the Russians") is looked up by its singular
        foreach (var form in words[0].EndsWith('s') ? [words[0], words[0][..^1]] : new[] { words[0] })
            foreach (var hit in dictionary.Lookup(form))
                if (hit.Kind == PhraseKind.Demonym && hit.Index < dictionary.Countries.Count)
                    return new ArgumentName(dictionary.Countries[hit.Index].Name, "dictionary", null);
        return null;
    }

    /// <summary>Weapons and forms of violence (data/events/weapon-heads.tsv): the means a demonym's state used, no other party.</summary>
    private static readonly Lazy<HashSet<string>> MeansWords = new(() => Roles.RoleWordFile.Installed("weapon-heads.tsv", "weapon words"));

    /// <summary>
    /// "an FC" -> "a Frontier Corps": the indefinite article written right before the short form follows the long form's
    /// first letter (by spelling: a vowel letter takes "an").
    /// </summary>
    private static void MatchArticle(System.Text.StringBuilder expanded, string longForm)
    {
        int n = expanded.Length;
        bool an = n >= 3 && expanded[n - 1] == ' ' && (expanded[n - 3] is 'a' or 'A') && expanded[n - 2] is 'n' && (n == 3 || !char.IsLetter(expanded[n - 4]));
        bool a = !an && n >= 2 && expanded[n - 1] == ' ' && (expanded[n - 2] is 'a' or 'A') && (n == 2 || !char.IsLetter(expanded[n - 3]));
        if (!an && !a || longForm.Length == 0) return;
        bool vowel = "aeiouAEIOU".Contains(longForm[0]);
        if (an && !vowel) expanded.Remove(n - 2, 1);
        else if (a && vowel) expanded.Insert(n - 1, 'n');
    }

    /// <summary>All capitals (digits allowed), two to six characters: the shape of a group's short form.</summary>
    private static bool IsAcronym(string w) =>
        w.Length is >= 2 and <= 6 && w.All(c => char.IsUpper(c) || char.IsDigit(c)) && w.Count(char.IsLetter) >= 2;

    /// <summary>The name of the dictionary group the short form names, when all its entries agree on one longer name.</summary>
    private string? DictionaryName(string acronym)
    {
        string? found = null;
        foreach (var hit in dictionary.Lookup(acronym))
        {
            if (hit.Kind != PhraseKind.Actor) continue;
            var entry = dictionary.Entries[hit.Index];
            // a name of one word after "the" ("The Un") is the short form again, not its expansion
            var words = entry.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (entry.Type != EntityType.ORG || words.Length - (words[0].Equals("the", StringComparison.OrdinalIgnoreCase) ? 1 : 0) < 2) continue;
            if (found is not null && !string.Equals(found, entry.Name, StringComparison.OrdinalIgnoreCase)) return null;
            found = entry.Name;
        }
        return found;
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
