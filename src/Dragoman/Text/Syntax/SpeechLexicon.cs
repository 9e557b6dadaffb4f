using System.Collections.Frozen;

namespace Dragoman.Text.Syntax;

/// <summary>
/// Reporting, stance and framing verbs in one place, each word marked with the jobs the stages give it:
/// <see cref="Cues"/> (Attribution: a verb that names who says a clause), <see cref="Framing"/> (Events: a verb that frames,
/// reports or aspects another event and is never an event itself), <see cref="NearerSpeech"/> (ModalityRules: a verb that
/// opens a clause of its own speaker), <see cref="Denial"/> (ModalityRules: a cue that disputes what it governs), and
/// <see cref="ReactionStems"/> (EventCoder: stems of verbs whose object is someone else's event). The subsets differ on
/// purpose: a framing verb ("hope", "continue") names no speaker; a cue ("warned", "insisted") may still be coded as an event.
/// </summary>
public static class SpeechLexicon
{
    [Flags]
    private enum Use : byte
    {
        Cue = 1,
        Framing = 2,
        Nearer = 4,
        Denial = 8,
    }

    private const Use CueFraming = Use.Cue | Use.Framing;
    private const Use Speech = Use.Cue | Use.Framing | Use.Nearer;

    private static readonly (string Word, Use Use)[] Words =
    [
        // saying and telling
        ("say", Speech), ("says", Speech), ("said", Speech),
        ("tell", Use.Framing), ("tells", CueFraming), ("told", Speech),
        ("add", Use.Framing), ("adds", CueFraming), ("added", Speech),
        ("report", Use.Framing), ("reports", Speech), ("reported", Speech),
        ("state", Use.Framing), ("states", CueFraming), ("stated", Speech),
        ("announce", Use.Framing), ("announces", CueFraming), ("announced", Speech),
        ("confirm", Use.Framing), ("confirms", CueFraming), ("confirmed", CueFraming),
        ("note", Use.Framing), ("noted", CueFraming),
        ("wrote", Use.Cue), ("writes", Use.Cue), ("documented", Use.Cue),
        ("explained", Use.Cue), ("quoted", Use.Cue), ("insisted", Use.Cue), ("warned", Use.Cue), ("acknowledged", Use.Cue),
        // claiming and disputing
        ("claim", Use.Framing), ("claims", CueFraming), ("claimed", CueFraming),
        ("alleged", Use.Cue), ("alleges", Use.Cue),
        ("deny", CueFraming | Use.Denial), ("denies", CueFraming | Use.Denial), ("denied", CueFraming | Use.Denial),
        ("denying", Use.Denial), ("refuted", Use.Denial), ("dismissed", Use.Denial),
        // stance and intention
        ("think", Use.Framing), ("thought", Use.Framing), ("thinks", Use.Framing),
        ("believe", Use.Framing), ("believed", Use.Framing), ("believes", Use.Framing),
        ("expect", Use.Framing), ("expected", Use.Framing), ("expects", Use.Framing),
        ("aim", Use.Framing), ("aims", Use.Framing), ("aimed", Use.Framing),
        ("plan", Use.Framing), ("plans", Use.Framing), ("planned", Use.Framing),
        ("intend", Use.Framing), ("intends", Use.Framing), ("intended", Use.Framing),
        ("seek", Use.Framing), ("seeks", Use.Framing), ("sought", Use.Framing),
        ("want", Use.Framing), ("wants", Use.Framing), ("wanted", Use.Framing),
        ("hope", Use.Framing), ("hopes", Use.Framing), ("hoped", Use.Framing),
        ("seem", Use.Framing), ("seems", Use.Framing), ("seemed", Use.Framing),
        ("appear", Use.Framing), ("appears", Use.Framing), ("appeared", Use.Framing),
        // aspect and light verbs that frame another event
        ("try", Use.Framing), ("tries", Use.Framing), ("tried", Use.Framing),
        ("continue", Use.Framing), ("continues", Use.Framing), ("continued", Use.Framing),
        ("attempt", Use.Framing), ("attempts", Use.Framing), ("attempted", Use.Framing),
        ("include", Use.Framing), ("includes", Use.Framing), ("included", Use.Framing), ("including", Use.Framing),
        ("help", Use.Framing), ("helps", Use.Framing), ("helped", Use.Framing),
        ("come", Use.Framing), ("comes", Use.Framing), ("came", Use.Framing),
        ("serve", Use.Framing), ("serves", Use.Framing), ("served", Use.Framing),
        ("face", Use.Framing), ("faces", Use.Framing), ("faced", Use.Framing),
        ("issue", Use.Framing), ("issued", Use.Framing), ("issues", Use.Framing),
        ("according", Use.Framing),
    ];

    private static FrozenSet<string> Set(Use use) =>
        Words.Where(w => (w.Use & use) != 0).Select(w => w.Word).ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static string[] Array(Use use) => Words.Where(w => (w.Use & use) != 0).Select(w => w.Word).ToArray();

    /// <summary>Attribution's reporting cues ("said", "told", "denied", "warned" ...): a speaker says the clause they govern.</summary>
    internal static readonly FrozenSet<string> Cues = Set(Use.Cue);

    /// <summary>Events' framing verbs: report, stance, intention or aspect of another event, never an event themselves.</summary>
    internal static readonly FrozenSet<string> Framing = Set(Use.Framing);

    /// <summary>ModalityRules' speech verbs that open a clause of their own (nearer) speaker.</summary>
    internal static readonly string[] NearerSpeech = Array(Use.Nearer);

    /// <summary>ModalityRules' denial cues.</summary>
    internal static readonly string[] Denial = Array(Use.Denial);

    /// <summary>
    /// EventCoder's reaction verbs as stems, so every inflection counts: speech, stance, reaction and inquiry verbs whose
    /// object is someone else's event ("the ministry denies an air strike", "Russia condemned the bombing").
    /// </summary>
    internal static readonly string[] ReactionStems =
    [
        "deni", "deny", "claim", "report", "say", "condemn", "critici", "denounc", "welcom", "prais", "investigat", "accus",
        "blam", "protest", "reject", "confirm", "document", "monitor", "verif", "disput", "witness", "surviv", "fear",
        "expect", "warn", "describ", "dismiss", "deplor", "mourn", "probe", "discuss", "debat", "cite", "decr", "regret",
    ];
}
