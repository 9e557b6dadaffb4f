using Dragoman.Events.Counts;
using Dragoman.Text.Syntax;

namespace Dragoman.Events;

/// <summary>
/// Roles of casualty events that the dictionary's subject/object reading gets wrong on news text:
/// <list type="bullet">
/// <item>a bare or quantified number standing for people ("12 were killed", "At least 12 died", "Dozens were wounded")
/// is the victims, a party of the event, and their count;</item>
/// <item>the subject of a verb that happens to its subject ("die", "perish", "succumb") is the victim, not the actor;</item>
/// <item>a weapon or form of violence where a party would stand ("A car bomb killed 17", "Shelling killed five", "killed
/// by an air strike") is the event's means: the actor is unknown unless a party is named with the weapon ("Russian air
/// strikes"), as ACLED codes such events with an unidentified actor; a place phrase after the weapon ("Car bomb in
/// Syria kills ...") belongs to the place role, not to the means.</item>
/// </list>
/// </summary>
internal static class CasualtyRoles
{
    /// <summary>Verbs whose subject is what the event happens to: "Three died in the shelling".</summary>
    private static readonly string[] VictimSubjectVerbs = ["die", "dies", "died", "dying", "perish", "perishes", "perished", "perishing",
        "succumb", "succumbs", "succumbed", "succumbing"];

    /// <summary>Whether the word at <paramref name="k"/> is a verb of dying, whose subject is the victim.</summary>
    public static bool IsVictimSubjectVerb(SentenceView v, int k) => v.IsAny(k, VictimSubjectVerbs);

    /// <summary>Weapons and forms of violence that may stand as the subject (or "by" agent) of a casualty verb.</summary>
    private static readonly string[] WeaponNouns = ["bomb", "bombs", "bombing", "bombings", "shell", "shells", "shelling", "mine", "mines", "landmine",
        "landmines", "ied", "ieds", "rocket", "rockets", "missile", "missiles", "mortar", "mortars", "explosion", "explosions", "blast", "blasts",
        "explosive", "explosives", "device", "devices", "grenade", "grenades", "strike", "strikes", "airstrike", "airstrikes", "raid", "raids",
        "bombardment", "bombardments", "fire", "gunfire", "shelling", "barrage", "attack", "attacks", "drone", "drones", "munition", "munitions",
        "ordnance", "bullet", "bullets", "sniper", "shrapnel"];


    private static readonly string[] TimeWords = [.. Enum.GetNames<DayOfWeek>(), .. System.Globalization.CultureInfo.InvariantCulture.DateTimeFormat.MonthNames.Where(m => m.Length > 0)];

    /// <summary>A weekday or month, also in the possessive with its apostrophe lost ("Tuesdays attack", "Sunday's bombardment").</summary>
    private static bool IsTimeWord(ReadOnlySpan<char> w)
    {
        if (w.EndsWith("'s", StringComparison.Ordinal) || w.EndsWith("’s", StringComparison.Ordinal)) w = w[..^2];
        else if (w.EndsWith("s", StringComparison.OrdinalIgnoreCase)) w = w[..^1];
        foreach (var t in TimeWords) if (w.Equals(t, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static readonly string[] CasualtyKinds = ["killed", "injured", "detained"];

    /// <summary>
    /// Swaps the subject into the target where it is what the event happened to: the subject of a victim-subject verb
    /// ("Three died" has three victims and no actor), and a number before a bare past participle with no object, the
    /// passive of headlines and tallies ("12 killed in air strikes", "Three wounded").
    /// </summary>
    public static CodedEvent VictimSubject(SentenceView v, CodedEvent ce)
    {
        if (ce.Nominal || ce.Passive || ce.Reversed || ce.Actor.IsEmpty) return ce;
        // an intransitive verb of dying has no object: a phrase taken as its target is an adjunct ("died in an attack")
        if (v.IsAny(ce.Trigger.End - 1, VictimSubjectVerbs)) return ce with { Target = ce.Actor, Actor = Chunk.None };
        // the dictionary's "killed and" idiom before a second tally ("4 people killed and 15 injured") has no object either
        bool tally = ce.Target.IsEmpty || (v.Is(ce.Trigger.End - 1, "and") && ce.Target.Start == ce.Trigger.End && v.TagAt(ce.Target.Start) == Tag.Num);
        bool participle = v.Word(ce.Trigger.Start).EndsWith("ed", StringComparison.OrdinalIgnoreCase) && v.VerbGroupStart(ce.Trigger.Start) == ce.Trigger.Start;
        if (tally && participle && ce.Actor.End == ce.Trigger.Start && CountParser.ParseAt(v, ce.Actor.Start, bareVague: true) is { } count && count.Tokens.End == ce.Actor.End
            && (count.HeadNoun < 0 || CountParser.PersonNouns.ContainsKey(v.Word(count.HeadNoun).ToString())))
            return ce with { Target = ce.Actor, Actor = Chunk.None, Passive = true };
        return ce;
    }

    /// <summary>
    /// The count that a role made of a number stands for, when the verb's outcome is a casualty (killed, injured,
    /// detained): "12", "At least 12", "Dozens", "Five others". Null when the role has a counted noun that is not a person
    /// ("12 houses") or the verb counts no casualties.
    /// </summary>
    public static CountPhrase? VictimCount(SentenceView v, Chunk role, string? kind)
    {
        if (role.IsEmpty || kind is null || Array.IndexOf(CasualtyKinds, kind) < 0) return null;
        var c = CountParser.ParseAt(v, role.Start, bareVague: true);
        if (c is null || c.Tokens.End < role.End && v.TagAt(c.Tokens.End) is not (Tag.Of or Tag.Prep or Tag.Comma)) return null;
        if (v.IsMeasure(role)) return null;
        return c;
    }

    /// <summary>
    /// The kind of people a bare count stands for ("killing 15", "killing scores of them"): that of the nearest counted
    /// person noun before it in the sentence outside the actor ("ambushed a group of terrorists ..., killing 15": combatants),
    /// else null.
    /// </summary>
    public static string? AntecedentWho(SentenceView v, CountPhrase c, Chunk actor)
    {
        if (c.HeadNoun >= 0) return null;
        for (int i = c.Tokens.Start - 1; i >= 0; i--)
        {
            if (!actor.IsEmpty && i >= actor.Start && i < actor.End) continue;
            var w = v.Word(i).ToString();
            if (CountParser.PersonNouns.TryGetValue(w, out var kind)) return kind.Length > 0 ? kind : null;
        }
        return null;
    }

    /// <summary>
    /// The weapon or form of violence in the actor role of a violent verb, trimmed before any prepositional or "of" phrase
    /// ("Car bomb | in Syria", "the shelling | of the town"), or <see cref="Chunk.None"/> when the actor names a party.
    /// </summary>
    public static Chunk Means(SentenceView v, CodedEvent ce, List<CodedEvent> coded)
    {
        if (ce.Nominal || ce.Actor.IsEmpty || !CodeTables.IsForce(ce.Code)) return Chunk.None;
        return WeaponPhrase(v, ce.Actor, coded);
    }

    /// <summary>The part of <paramref name="a"/> before its prepositional phrases when a weapon or an event of force heads it ("Missiles", "A car bomb in Syria"), else <see cref="Chunk.None"/>.</summary>
    public static Chunk WeaponPhrase(SentenceView v, Chunk a, List<CodedEvent> coded)
    {
        if (a.IsEmpty) return Chunk.None;
        int end = a.End;
        for (int i = a.Start; i < a.End; i++)
            if (v.TagAt(i) is Tag.Prep or Tag.Of or Tag.Comma or Tag.Rel or Tag.By) { end = i; break; }
        // the head: the last noun before any "of" complement ("the shelling | of the town": the town is the target's, not the means)
        int head = end - 1;
        if (head < a.Start) return Chunk.None;
        // a party coordinated with the weapon ("Syrian regime forces and Russian raids") keeps the whole phrase the actor
        for (int i = a.Start; i < head; i++)
            if (v.IsAny(i + 1, "and", "or") && EventsComponent.PartyNouns.Contains(v.Word(i).ToString())) return Chunk.None;
        bool weapon = v.IsAny(head, WeaponNouns)
            || coded.Exists(n => n.Nominal && CodeTables.IsForce(n.Code) && n.Trigger.Start >= a.Start && n.Trigger.End - 1 == head);
        return weapon ? new Chunk(a.Start, end) : Chunk.None;
    }

    /// <summary>The event noun heading a means ("A minefield explosion": explosion), or null.</summary>
    public static CodedEvent? MeansEvent(Chunk means, List<CodedEvent> coded) =>
        means.IsEmpty ? null : coded.Find(n => n.Nominal && n.Trigger.Start >= means.Start && n.Trigger.End <= means.End);

    /// <summary>
    /// The party named with a means: the "by" agent of a participle after it ("bombs dropped by the regime", "a car bomb
    /// planted by ISIS"), else the actor of its event noun ("Russian air strikes", "the regime's barrel bombs").
    /// </summary>
    public static Chunk MeansActor(SentenceView v, Chunk means, List<CodedEvent> coded)
    {
        int p = means.End;
        if (v.TagAt(p) == Tag.Verb && v.Word(p).EndsWith("ed", StringComparison.OrdinalIgnoreCase) && v.TagAt(p + 1) == Tag.By && v.IsNominal(p + 2))
            return v.NounPhraseStartingAt(p + 2);
        foreach (var n in coded)
            if (n.Nominal && !n.Actor.IsEmpty && !IsTimeWord(v.Word(n.Actor.End - 1)) && n.Trigger.Start >= means.Start && n.Trigger.End <= means.End && n.Actor.Start >= means.Start && n.Actor.End <= means.End)
                return n.Actor;
        return Chunk.None;
    }

    /// <summary>
    /// The weapon phrase right after a casualty verb ("were killed in a Russian missile strike", "died in the shelling"),
    /// trimmed before its own prepositional phrases, or <see cref="Chunk.None"/>.
    /// </summary>
    public static Chunk MeansAfter(SentenceView v, Chunk trigger)
    {
        int p = trigger.End;
        while (v.TagAt(p) == Tag.Adv) p++;
        if (!v.IsAny(p, "in", "by", "during") || !v.IsNominal(p + 1)) return Chunk.None;
        var np = v.NounPhraseStartingAt(p + 1);
        int end = np.End;
        for (int i = np.Start; i < np.End; i++)
            if (v.TagAt(i) is Tag.Prep or Tag.Of or Tag.Comma or Tag.Rel or Tag.By) { end = i; break; }
        return end > np.Start && v.IsAny(end - 1, WeaponNouns) ? new Chunk(np.Start, end) : Chunk.None;
    }
}
