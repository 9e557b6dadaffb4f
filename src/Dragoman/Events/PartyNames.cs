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
        foreach (var e in document.Events)
        {
            if (e.Actor is { } a && Named(a, table) is { } an) e.Actor = a with { Name = an };
            if (e.Target is { } t && Named(t, table) is { } tn) e.Target = t with { Name = tn };
        }
    }

    /// <summary>The argument's full name, or null when it shows no short form the article or the dictionary expands.</summary>
    public ArgumentName? Named(EventArgument argument, IReadOnlyDictionary<string, Abbreviation> table)
    {
        var text = argument.Text;
        foreach (Match w in Word().Matches(text))
        {
            if (table.TryGetValue(w.Value, out var abbreviation))
            {
                if (text.Contains(abbreviation.Long, StringComparison.OrdinalIgnoreCase)) return null;
                return new ArgumentName(Expand(text, w, abbreviation.Long), "article", abbreviation.LongSpan);
            }
            if (IsAcronym(w.Value) && DictionaryName(w.Value) is { } name && !text.Contains(name, StringComparison.OrdinalIgnoreCase))
                return new ArgumentName(Expand(text, w, name), "dictionary", null);
        }
        return null;
    }

    /// <summary>The written text with the short form replaced by the long one ("the LNA's forces": "the Libyan National Army's forces").</summary>
    private static string Expand(string text, Match word, string longForm) =>
        string.Concat(text.AsSpan(0, word.Index), longForm, text.AsSpan(word.Index + word.Length));

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
            if (entry.Type != EntityType.ORG || !entry.Name.Contains(' ')) continue;
            if (found is not null && !string.Equals(found, entry.Name, StringComparison.OrdinalIgnoreCase)) return null;
            found = entry.Name;
        }
        return found;
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
