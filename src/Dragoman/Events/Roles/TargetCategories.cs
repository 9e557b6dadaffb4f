using Dragoman.Documents;
using Dragoman.Events.Counts;
using Dragoman.Text.Syntax;

namespace Dragoman.Events.Roles;

/// <summary>
/// The party a coder codes for victims the text names only by a count ("five people", "at least 70", "Dozens") or as
/// women and children: ACLED's actor categories (data/events/target-categories.tsv, its source in the header).
/// Violence against such people is against civilians, and force used on people at a demonstration is against
/// protesters. The category is a coding convention, not the text's words: the argument keeps the victims' words as its
/// text and span, and carries the category as its name from the convention (<see cref="ArgumentName.Convention"/>,
/// supported by those words).
/// </summary>
internal static class TargetCategories
{
    public const string Civilians = "civilians";
    public const string Protesters = "protesters";
    public const string Government = "government";

    /// <summary>Person nouns that say nothing of who the people are (data/events/target-categories.tsv).</summary>
    private static readonly Lazy<HashSet<string>> Nouns = new(() => RoleWordFile.Installed("target-categories.tsv", "target categories"));

    /// <summary>
    /// The category of a target phrase, or null: the phrase counts people and says nothing of who they are ("five
    /// people", "12", "Dozens", "at least three persons") or names one such person ("a person"), and the event is a use of
    /// force (ACLED's violence against civilians, explosions and remote violence) or, next to a protest, force or coercion
    /// (ACLED's force against protesters: arrests too). Battles are not told apart: the coder's CAMEO 19x codes "killed
    /// five people" as a clash as well. Women and children ("two children", "a woman") are civilians, also next to a protest;
    /// people named by a civilian kind the count parser knows ("four residents", "two citizens", "villagers": CAMEO's CVL
    /// agents) are civilians, or protesters next to a protest; a phrase that says who else they are ("five soldiers",
    /// "12 armed people"), or that already names the category ("two civilians"), is the coder's answer as written.
    /// The category is ACLED's actor name, plural whatever the count ("Civilians (Syria)" for one person too).
    /// </summary>
    /// <summary>Whether a head noun counts people and says nothing of who they are ("people", "persons").</summary>
    public static bool SaysNothingOfWho(string noun) => Nouns.Value.Contains(noun);

    public static string? Of(SentenceView v, Chunk ch, string code, bool protestNear)
    {
        if (ch.IsEmpty) return null;
        string root = code.Length >= 2 ? code[..2] : code;
        bool force = root is "18" or "19" or "20";
        if (!force && !(protestNear && root == "17")) return null;
        bool nonCombatants;
        int start = v.IsAny(ch.Start, "another", "the") ? ch.Start + 1 : ch.Start;
        if (CountParser.ParseAt(v, start, bareVague: true) is { } count)
        {
            // the count must be the phrase ("12 houses in the town" counts things, "five of the fighters" is another head)
            if (count.Tokens.End < ch.End && v.TagAt(count.Tokens.End) is not (Tag.Prep or Tag.Comma or Tag.Rel)) return null;
            var who = CountParser.Who(v, count);
            if (count.HeadNoun >= 0 && !(Nouns.Value.Contains(v.Word(count.HeadNoun).ToString()) && who is null)
                && !NonCombatants(who) && !CivilianKind(v, count.HeadNoun, who)) return null;
            nonCombatants = NonCombatants(who);
        }
        else if (v.IsAny(start, "a", "an", "one") && start + 1 < ch.End && v.TagAt(start + 1) == Tag.Noun && OnePerson(v.Word(start + 1).ToString())
                 && (start + 2 == ch.End || v.TagAt(start + 2) is Tag.Prep or Tag.Comma or Tag.Rel))
            nonCombatants = NonCombatants(CountParser.PersonNouns.GetValueOrDefault(v.Word(start + 1).ToString()));
        else return null;
        // women and children are civilians also next to a protest: nothing says they took part in it
        return protestNear && !nonCombatants ? Protesters : Civilians;
    }

    /// <summary>
    /// People counted by a noun the count parser reads as civilians ("residents", "villagers", "citizens", "passengers":
    /// its person nouns of kind civilian, CAMEO's CVL agents) other than the category's own word ("two civilians"), which
    /// needs no category beside it.
    /// </summary>
    private static bool CivilianKind(SentenceView v, int headNoun, string? who) =>
        who == "civilian" && headNoun >= 0 && !v.IsAny(headNoun, "civilian", "civilians");

    /// <summary>
    /// People the count parser reads as women or children (<see cref="CountParser.Who"/>): ACLED codes them as civilians
    /// when nothing says they were armed; the text's words ("two children") stay the answer as written beside the category.
    /// </summary>
    private static bool NonCombatants(string? who) => who is "woman" or "child";

    /// <summary>One person who says nothing of who they are ("a person"), or a woman or a child ("a woman").</summary>
    private static bool OnePerson(string noun) =>
        Nouns.Value.Contains(noun) || NonCombatants(CountParser.PersonNouns.GetValueOrDefault(noun));

    /// <summary>
    /// Whom a protest is against when its sentence names no party for it: the government (CAMEO 14x codes a demonstration
    /// "against" a party, and the articles-gold coder writes the government or the authorities for 11 of the 16 development
    /// protest events; the text names another party, "the police", "supporters of X", for the rest). A protest whose chosen
    /// target is no party (none, a place it happened in, an issue it is about: "against the increasing violence") takes it.
    /// </summary>
    public static bool AddressesGovernment(string code, bool namesParty) => code.StartsWith("14", StringComparison.Ordinal) && !namesParty;

    /// <summary>
    /// The argument with its category as its name from the convention, supported by the victims' words (its text and
    /// span stay those words), or as it was.
    /// </summary>
    public static EventArgument? Apply(SentenceView v, Chunk ch, EventArgument? argument, string code, bool protestNear) =>
        argument is not null && argument.EntityId is null && Of(v, ch, code, protestNear) is { } category
            ? argument with { Name = new ArgumentName(category, ArgumentName.Convention, argument.Span) } : argument;

    /// <summary>
    /// A protest's unnamed addressee (<see cref="AddressesGovernment"/>): the text names no party, so the convention's
    /// word is its text as well as its name, and the protest's trigger the words that support it.
    /// </summary>
    public static EventArgument UnnamedGovernment(TextSpan trigger) =>
        new(Government, trigger) { Name = new ArgumentName(Government, ArgumentName.Convention, trigger) };
}
