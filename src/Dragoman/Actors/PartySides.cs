using Dragoman.Documents;

namespace Dragoman.Actors;

/// <summary>
/// The side a phrase of the text stands for (an event's actor, a speaker), as an actor code: the codes of the entities
/// named inside it ("Turkey's National Defense Ministry": TUR + GOVMIL), else its own words read with the actor
/// dictionary's agents and demonyms ("the ministry": GOV, "Congolese forces": COD + MIL). A public service of the
/// actors stage for the events stage, which asks whether a speaker tells its own side's act (docs/actors.md, "Sides").
/// </summary>
public sealed class PartySides(ActorDictionary dictionary)
{
    private static readonly string[] StateRoles = ["GOV", "MIL", "COP", "SPY", "JUD", "LEG"];

    /// <summary>The code of the side <paramref name="phrase"/> names; null when neither a country nor a role can be read.</summary>
    public ActorCode? CodeOf(Document document, TextSpan phrase)
    {
        string? country = null, role = null;
        foreach (var m in document.MentionsBySpan.Inside(phrase))
        {
            if (document.EntityById(m.EntityId)?.Actor is not { } code) continue;
            country ??= code.Country;
            if (code.Sector is not null) role = code.Sector; // English names are head-final: the last coded one is the head
        }
        var tokens = document.Tokens;
        var (first, end) = ActorMentionComponent.TokenRange(tokens, phrase);
        string Word(int t) => document.Text[tokens[t].Start..tokens[t].End];
        // the head's agent, from the end backwards: "security forces", "the governor's office" (governor), "Police"
        for (int t = end - 1; t >= first && role is null; t--)
        {
            if (tokens[t].Kind != TokenKind.Word) continue;
            if (t > first && tokens[t - 1].Kind == TokenKind.Word) role = AgentOf(Word(t - 1) + " " + Word(t));
            role ??= AgentOf(Word(t));
        }
        for (int t = first; t < end && country is null; t++)
            if (tokens[t].Kind == TokenKind.Word && char.IsUpper(document.Text[tokens[t].Start]))
                foreach (var h in dictionary.Lookup(Word(t)))
                    if (h.Kind is PhraseKind.Demonym or PhraseKind.Country) { country = dictionary.Countries[h.Index].Iso3; break; }
        if (country is null && role is null) return null;
        return new ActorCode((country ?? "") + (role ?? ""), country, role, "dragoman-side");
    }

    private string? AgentOf(string words)
    {
        foreach (var h in dictionary.Lookup(words))
            if (h.Kind == PhraseKind.Agent) return dictionary.Agents[h.Index].Code;
        return null;
    }

    /// <summary>A state body: government, armed forces, police, intelligence, judiciary or legislature.</summary>
    public static bool IsState(ActorCode? code) =>
        code?.Sector is { Length: >= 3 } s && Array.IndexOf(StateRoles, s[..3]) >= 0;

    private static readonly string[] ExecutiveRoles = ["GOV", "MIL", "COP", "SPY"];

    /// <summary>A state body that acts or commands those who act: government, armed forces, police, intelligence.</summary>
    public static bool IsExecutive(ActorCode? code) =>
        code?.Sector is { Length: >= 3 } s && Array.IndexOf(ExecutiveRoles, s[..3]) >= 0;

    private static bool IsMedia(ActorCode code)
    {
        for (int i = 0; i + 3 <= code.Code.Length; i += 3)
            if (code.Code.AsSpan(i, 3) is "MED" or "JRN") return true;
        return false;
    }

    /// <summary>
    /// Whether a speaker and an actor are one side, so that the speaker telling the act claims it as its own: two executive
    /// state bodies (government, armed forces, police, intelligence) of one country (a ministry and its army; a body without a country is taken to be the article's focus
    /// country's: "the ministry", "security forces"), or one non-state party coded alike with its country (Hezbollah and
    /// Hezbollah). A state body and a non-state party, two bodies of different countries, or a speaker that is media (a state
    /// outlet's reporter), are not.
    /// </summary>
    public static bool SameSide(ActorCode? speaker, ActorCode? actor, string? focusCountry)
    {
        if (speaker?.Sector is null || actor?.Sector is null) return false;
        if (IsMedia(speaker)) return false; // state media ("SANA's reporter") is an outlet reporting, not the party telling its act
        // courts, lawyers and legislatures (JUD, LEG) command no forces: telling the army's or police's act, they report it
        bool speakerState = IsExecutive(speaker), actorState = IsExecutive(actor);
        if (speakerState && actorState)
            return (speaker.Country ?? focusCountry) is { } c && c == (actor.Country ?? focusCountry);
        return !speakerState && !actorState && speaker.Country is not null && speaker.Code == actor.Code;
    }
}
