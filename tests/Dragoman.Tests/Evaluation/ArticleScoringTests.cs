using Dragoman.Documents;
using Dragoman.Evaluation;

namespace Dragoman.Tests.Evaluation;

/// <summary>The articles-gold scoring rules (../shared/data/articles-gold/README.md) on small hand-made cases.</summary>
public class ArticleScoringTests
{
    private static readonly ArticleFieldRules Rules = ArticleFieldRules.LoadBundled();

    [Theory]
    [InlineData("Government forces", "the government", true, "a shared content word ('government')")]
    [InlineData("the rebels", "the army", false, "only function words are shared")]
    [InlineData("Islamic State", "IS fighters", false, "no shared content word")]
    [InlineData(null, null, true, "gold leaves the role empty and so does the system")]
    [InlineData(null, "the army", false, "gold leaves the role empty, the system fills it")]
    [InlineData("police", null, false, "the system leaves a gold role empty")]
    public void Parties_match_by_content_word_overlap(string? gold, string? system, bool right, string why) =>
        Assert.True(Rules.PartyMatches(gold, [system]) == right, why);

    [Theory]
    [InlineData("2024-03-05", "2024-03-04", "2024-03-04", true, "a day before the gold day is within +-1 day")]
    [InlineData("2024-03-05", "2024-03-03", "2024-03-03", false, "two days before is outside")]
    [InlineData("2024-03-05", "2024-03-04", "2024-03-10", false, "a week-long interval does not lie within the day's window")]
    [InlineData("2024-03", "2024-02-10", "2024-04-20", true, "a month's gold allows the month before and after")]
    [InlineData("2024", "2023-06-01", "2023-06-01", true, "a year's gold allows the year before")]
    [InlineData("2024", "2026-01-01", "2026-01-01", false, "two years after is outside")]
    [InlineData("2024-03-05", null, null, false, "no system date is wrong where gold has one")]
    public void Dates_lie_within_the_gold_unit_plus_minus_one(string gold, string? start, string? end, bool right, string why) =>
        Assert.True(ArticleFieldRules.DateMatches(gold, start is null ? null : DateOnly.Parse(start), end is null ? null : DateOnly.Parse(end)) == right, why);

    [Theory]
    [InlineData(31, null, 31, null, true, "'more than 30' coded as min 31 on both sides")]
    [InlineData(31, null, 30, null, false, "a different lower bound")]
    [InlineData(null, 100, 0, 100, true, "'up to 100': gold has no lower bound, the upper bounds agree")]
    public void Counts_compare_the_lower_bound(int? gmin, int? gmax, int smin, int? smax, bool right, string why) =>
        Assert.True(ArticleFieldRules.CountMatches(new GoldCount(gmin, gmax, "killed"), [(smin, smax)]) == right, why);

    [Theory]
    [InlineData(33.51, 36.29, 33.51, 36.29, true, "the same point")]
    [InlineData(33.51, 36.29, 34.73, 36.71, true, "about 140 km away")]
    [InlineData(33.51, 36.29, 36.20, 37.16, false, "about 310 km away")]
    public void Places_are_right_within_161_km(double glat, double glon, double slat, double slon, bool right, string why) =>
        Assert.True(ArticleFieldRules.PlaceMatches(new GoldPlace("X", glat, glon, "SYR", "city"), slat, slon) == right, why);

    [Theory]
    [InlineData("Saada province", "Saada", true, "the text names the governorate with its noun, the gold by its name")]
    [InlineData("Duhok", "Duhok province", true, "the mention leaves out the noun the gold wrote")]
    [InlineData("Jonglei State", "Jonglei", true, "case of the noun does not matter")]
    [InlineData("Beirut port", "Beirut", false, "a feature noun names another place (the port, not the city)")]
    [InlineData("northern Nigeria", "Nigeria", false, "a part of a country is not the country")]
    [InlineData("Kareto Village", "Kareto", false, "a settlement noun is not a division noun")]
    [InlineData("Province", "Province", true, "a bare noun is kept, not stripped to nothing")]
    public void Gold_places_align_to_mentions_up_to_a_division_noun(string mention, string gold, bool same, string why) =>
        Assert.True(ArticleScorer.SamePlaceName(mention, gold) == same, why);

    [Theory]
    [InlineData("ASSAULT", "ASSAULT", null, true, "the same type")]
    [InlineData("ASSAULT", "COERCE", null, false, "another type")]
    [InlineData("CONCEDE", "RETREAT", "release", true, "a release coded RETREAT answers a gold CONCEDE (README)")]
    [InlineData("CONCEDE", "RETREAT", "withdraw", false, "a withdrawal is not a release")]
    public void Types_compare_the_plover_event(string gold, string system, string? mode, bool right, string why) =>
        Assert.True(ArticleFieldRules.TypeMatches(gold, system, mode) == right, why);

    [Theory]
    [InlineData("Title\n\nGunmen  killed\nfive people.", "Gunmen killed five people.", 1, "whitespace and line breaks differ")]
    [InlineData("He said \u201Cno\u201D \u2013 twice.", "He said \"no\" - twice.", 1, "typographic quotes and dashes")]
    [InlineData("Lede here. Body. Lede here.", "Lede here.", 2, "a repeated lede gives both places")]
    [InlineData("Something else.", "Gunmen killed five.", 0, "absent")]
    public void Evidence_is_found_despite_reading_changes(string text, string evidence, int occurrences, string why) =>
        Assert.True(EvidenceLocator.Find(text, evidence).Count == occurrences, why);

    // A made-up two-sentence article: sentence one holds the gold event, sentence two is noise.
    private const string Text = "Rebels shelled the town of Alpha on Monday, killing 4 people, police said. Officials met in Beta.";
    private static readonly TextSpan First = new(0, 74), Second = new(75, Text.Length);

    private static GoldArticle Gold(params GoldEvent[] events) => new("xx-01", null, new DateOnly(2024, 3, 6), [], [],
        [new GoldPlace("Alpha", 10, 10, "AAA", "town"), new GoldPlace("Beta", 20, 20, "BBB", "city")], events);

    private static readonly GoldEvent Shelling = new("rebels", "shelled", "ASSAULT", "the town", "Alpha", "2024-03-04",
        new GoldCount(4, 4, "killed"), "police", "reported", "Rebels shelled the town of Alpha on Monday, killing 4 people, police said.");

    private static SystemEvent Sys(string plover, TextSpan sentence, string? actor = "Rebels", double lat = 10, string date = "2024-03-04", string modality = "reported") =>
        new("ev", plover, null, [sentence], actor, "the town", ["police"], [(4, 4)], DateOnly.Parse(date), DateOnly.Parse(date), "Alpha", lat, 10, modality);

    public static TheoryData<string, SystemEvent[], int, int, int, string> Cases => new()
    {
        { "all right", [Sys("ASSAULT", First)], 1, 1, 0, "type, actor, place and date right: matched in full" },
        { "wrong type", [Sys("COERCE", First)], 0, 0, 0, "a system event of another type does not match" },
        { "other sentence", [Sys("ASSAULT", Second)], 0, 0, 1, "the right type in a sentence without the gold evidence neither matches nor counts as inside" },
        { "wrong actor", [Sys("ASSAULT", First, actor: "police")], 1, 0, 0, "matched by type, but the actor is wrong: not full" },
        { "far place", [Sys("ASSAULT", First, lat: 15)], 1, 0, 0, "a place 550 km away is wrong: not full" },
        { "late date", [Sys("ASSAULT", First, date: "2024-03-06")], 1, 0, 0, "two days after the gold day is wrong: not full" },
        { "modality only", [Sys("ASSAULT", First, modality: "asserted")], 1, 1, 0, "modality is scored but is not part of full" },
        { "best of two", [Sys("ASSAULT", First, actor: "police"), Sys("ASSAULT", First)], 1, 1, 0, "the better of two candidates counts" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_gold_event_is_matched_by_type_and_sentence(string name, SystemEvent[] events, int typeMatched, int full, int outside, string why)
    {
        var sys = new SystemArticle("xx-01", Text, events, [], [], []);
        var (t, _) = new ArticleScorer(Rules).Score(Gold(Shelling), sys);
        Assert.True(t.TypeMatched == typeMatched && t.FullMatched == full && t.SystemEventsOutsideGold == outside,
            $"{name}: {why} (type {t.TypeMatched}, full {t.FullMatched}, outside {t.SystemEventsOutsideGold})");
    }

    [Theory]
    [InlineData("the RF", "the Rebels Front", true, "the written short form shares no word, its full name does")]
    [InlineData("the RF", null, false, "no full name: the short form alone shares no word")]
    [InlineData("Rebels", "the Rebels Front", true, "the written text is right on its own; the name takes nothing away")]
    [InlineData("the PF", "the Police Forces", false, "a full name that shares no word is still wrong")]
    public void An_actor_is_judged_on_its_text_or_its_full_name(string written, string? name, bool right, string why)
    {
        var (t, _) = new ArticleScorer(Rules).Score(Gold(Shelling), new SystemArticle("xx-01", Text, [Sys("ASSAULT", First, actor: written) with { ActorName = name }], [], [], []));
        Assert.True(t.Field["actor"].Right == (right ? 1 : 0), why);
    }

    public static TheoryData<string, SystemEvent, bool, bool, string> TellingCases => new()
    {
        { "told once", Sys("ASSAULT", First), true, true, "an event told once: its modality is its telling's" },
        { "joined, gold sentence told as reported", Sys("ASSAULT", First, modality: "asserted") with
            { Sentences = [First, Second], Tellings = [new(Second, "asserted"), new(First, "reported")] }, false, true,
            "the joined event took the other telling's modality; its telling in the gold sentence says reported" },
        { "joined, gold sentence told as asserted", Sys("ASSAULT", First) with
            { Sentences = [First, Second], Tellings = [new(First, "asserted"), new(Second, "reported")] }, true, false,
            "the joined event's modality happens to be right, the telling in the gold sentence is not" },
    };

    [Theory]
    [MemberData(nameof(TellingCases))]
    public void Modality_is_scored_for_the_event_and_for_its_telling_in_the_gold_sentence(string name, SystemEvent e, bool eventRight, bool tellingRight, string why)
    {
        var (t, _) = new ArticleScorer(Rules).Score(Gold(Shelling), new SystemArticle("xx-01", Text, [e], [], [], []));
        Assert.True(t.Field["modality"].Right == (eventRight ? 1 : 0) && t.Field["modality_telling"].Right == (tellingRight ? 1 : 0)
            && t.Field["modality_telling"].Scored == 1, $"{name}: {why}");
    }

    public static TheoryData<string, SystemEvent, int, int, string> OutsideCases => new()
    {
        { "joined, shown by the gold sentence", Sys("ASSAULT", First) with { Sentences = [First, Second], TriggerSentence = First }, 0, 0,
            "its shown sentence holds the gold event" },
        { "joined, answering gold through another telling", Sys("ASSAULT", First) with { Sentences = [First, Second], TriggerSentence = Second }, 0, 0,
            "it answers the gold event (type and a telling's sentence): a hit is never noise" },
        { "joined, of another type, one telling in the gold sentence", Sys("COERCE", First) with { Sentences = [First, Second], TriggerSentence = Second }, 1, 0,
            "it answers no gold event and is shown by a sentence without one: a telling joined into the gold sentence does not hide it (the old rule counted it inside)" },
        { "one sentence without gold", Sys("ASSAULT", Second) with { TriggerSentence = Second }, 1, 1, "outside by both rules" },
    };

    [Theory]
    [MemberData(nameof(OutsideCases))]
    public void An_event_is_outside_when_it_answers_no_gold_event_and_its_shown_sentence_holds_none(string name, SystemEvent e, int outside, int outsideAnyTelling, string why)
    {
        var (t, _) = new ArticleScorer(Rules).Score(Gold(Shelling), new SystemArticle("xx-01", Text, [e], [], [], []));
        Assert.True(t.SystemEventsOutsideGold == outside && t.SystemEventsOutsideGoldAnyTelling == outsideAnyTelling,
            $"{name}: {why} (outside {t.SystemEventsOutsideGold}, any telling {t.SystemEventsOutsideGoldAnyTelling})");
    }

    private static readonly GoldEvent Meeting = new("officials", "met", "ASSAULT", null, null, null, null, null, "asserted", "Officials met in Beta.");

    public static TheoryData<string, SystemEvent[], int, int, int, string> OneToOneCases => new()
    {
        { "one joined event over both sentences", [Sys("ASSAULT", First) with { Sentences = [First, Second] }], 2, 1, 1,
            "a joined event whose tellings cover two gold events' sentences answers both by the README's rule, but only one one-to-one" },
        { "one event per sentence", [Sys("ASSAULT", First), Sys("ASSAULT", Second) with { Id = "ev2" }], 2, 2, 0,
            "two events, one in each gold sentence: both rules count two" },
    };

    [Theory]
    [MemberData(nameof(OneToOneCases))]
    public void One_to_one_matching_counts_each_system_event_once(string name, SystemEvent[] events, int typeMatched, int oneToOne, int overJoined, string why)
    {
        var sys = new SystemArticle("xx-01", Text, events, [], [], []);
        var (t, errors) = new ArticleScorer(Rules).Score(Gold(Shelling, Meeting), sys);
        Assert.True(t.TypeMatched == typeMatched && t.TypeMatchedOneToOne == oneToOne,
            $"{name}: {why} (type {t.TypeMatched}, one-to-one {t.TypeMatchedOneToOne})");
        Assert.True(t.JoinedEventsAnsweringSeveral == overJoined && errors.Count(x => x.Field == "joined") == overJoined,
            $"{name}: joined events answering several gold events {t.JoinedEventsAnsweringSeveral}, listed {errors.Count(x => x.Field == "joined")}");
    }

    [Fact]
    public void Places_count_resolved_right_and_outside_the_gold_countries()
    {
        var sys = new SystemArticle("xx-01", Text, [],
            [new SystemPlace("Alpha", 10.5, 10, "AAA"), new SystemPlace("Beta", null, null, null), new SystemPlace("Gamma", 0, 0, "CCC"), new SystemPlace("Gamma", 0, 0, "CCC")],
            [], []);
        var (t, _) = new ArticleScorer(Rules).Score(Gold(), sys);
        Assert.Equal((2, 1, 1, 1, 0), (t.GoldPlaces, t.PlacesResolved, t.PlacesRight161, t.ResolvedOutsideGoldCountries, t.ResolvedOutsideGoldCountriesWhole));
    }

    public static TheoryData<SystemPlace, int, string, string> OutsideKinds => new()
    {
        { new SystemPlace("Deltaland", 5, 5, "DDD", WholeCountry: true), 1, "country", "a whole country the text names: counted apart as a country" },
        { new SystemPlace("Deltaville", 5, 5, "DDD"), 0, "finer", "a town in another country stays a finer place outside" },
    };

    [Theory]
    [MemberData(nameof(OutsideKinds))]
    public void A_place_outside_the_gold_countries_is_counted_and_listed_by_its_kind(SystemPlace place, int whole, string kind, string why)
    {
        var sys = new SystemArticle("xx-01", Text, [], [new SystemPlace("Alpha", 10, 10, "AAA"), place], [], []);
        var (t, errors) = new ArticleScorer(Rules).Score(Gold(), sys);
        var listed = errors.Where(e => e.Field == "outside_place").ToList();
        Assert.True(t.ResolvedOutsideGoldCountries == 1 && t.ResolvedOutsideGoldCountriesWhole == whole
            && listed.Count == 1 && listed[0].System.StartsWith(kind + ":", StringComparison.Ordinal),
            $"{why}: outside {t.ResolvedOutsideGoldCountries}, whole {t.ResolvedOutsideGoldCountriesWhole}, listed {string.Join("; ", listed.Select(l => l.System))}");
    }

    public static TheoryData<SystemPlace[], string[], string, string> Misses => new()
    {
        { [new SystemPlace("Beta", 0, 0, "CCC")], [], "wrong", "resolved over 161 km away" },
        { [new SystemPlace("Beta", null, null, null, 3)], [], "abstained", "left as text with candidates" },
        { [new SystemPlace("Beta", null, null, null)], [], "no-candidate", "left as text, the gazetteer knows no such name" },
        { [], ["Beta"], "typed", "the recogniser made it a person" },
        { [new SystemPlace("Beta airport", 20, 20, "BBB")], [], "other-span", "found with a longer span, so its name differs" },
        { [new SystemPlace("Beta province", 0, 0, "CCC")], [], "wrong", "the same name with a division noun is that mention, judged by its point" },
        { [], [], "not-found", "nothing names it" },
    };

    [Theory]
    [MemberData(nameof(Misses))]
    public void A_gold_place_not_within_161_km_is_listed_with_the_kind_of_miss(SystemPlace[] places, string[] persons, string kind, string why)
    {
        var sys = new SystemArticle("xx-01", Text, [], [new SystemPlace("Alpha", 10, 10, "AAA"), .. places], persons, []);
        var (_, errors) = new ArticleScorer(Rules).Score(Gold(), sys);
        var misses = errors.Where(e => e.Field == "gold_place").ToList();
        Assert.True(misses.Count == 1 && misses[0].Gold.StartsWith("Beta") && misses[0].System.StartsWith(kind + ":", StringComparison.Ordinal),
            $"{why}: {string.Join("; ", misses.Select(m => m.Gold + " -> " + m.System))}");
    }

    [Fact]
    public void The_split_holds_back_30_percent_of_each_prefix_by_a_stable_hash()
    {
        var names = Enumerable.Range(1, 20).SelectMany(i => new[] { $"aa-{i:00}", $"bb-{i:00}" }).ToList();
        var held = ArticleSplit.ChooseHeld(names);
        Assert.Equal((6, 6), (held.Count(n => n.StartsWith("aa-")), held.Count(n => n.StartsWith("bb-"))));
        Assert.Equal(held, ArticleSplit.ChooseHeld(Enumerable.Reverse(names)));
        Assert.Equal(0xaf63dc4c8601ec8cUL, ArticleSplit.StableHash("a")); // FNV-1a 64 reference value
    }

    public static TheoryData<string, int[][], int[], bool[]> OneToOneLabelCases => new()
    {
        // sentence of each event's trigger (0: the gold sentence, 1: the other), the gold events each matches, expected labels
        { "a second telling of one gold event is not main", [[0], [0]], [0, 0], [true, false] },
        { "the telling in the gold sentence is main before an earlier one elsewhere", [[0], [0]], [1, 0], [false, true] },
        { "two gold events, one event each", [[0], [1]], [0, 0], [true, true] },
        { "an event answering a gold event already taken is not main", [[0, 1], [0], [1]], [0, 0, 0], [true, false, true] },
    };

    [Theory]
    [MemberData(nameof(OneToOneLabelCases))]
    public void One_to_one_labels_make_one_event_main_per_gold_event(string why, int[][] matches, int[] shownIn, bool[] labels)
    {
        var list = matches.Select(m => new SalienceExample("xx-01", new Dictionary<string, double>(), m.Length > 0, false) { GoldMatches = m }).ToList();
        var view = new SystemArticle("xx-01", Text, shownIn.Select((si, k) => Sys("ASSAULT", First) with { Id = $"ev{k}", Sentences = [First, Second], TriggerSentence = si == 0 ? First : Second }).ToList(), [], [], []);
        IReadOnlyList<TextSpan>[] goldSpans = [[First], [First]];
        SalienceTraining.OneToOneLabels(list, 0, view, goldSpans);
        Assert.True(list.Select(x => x.Label).SequenceEqual(labels), $"{why}: {string.Join(",", list.Select(x => x.Label))}");
    }

    [Theory]
    [InlineData(true, false, new[] { 0, 2 }, "a development event answering two gold events keeps both indexes")]
    [InlineData(false, true, new int[0], "a held-back event answering none keeps its part and an empty list")]
    public void An_example_line_carries_what_the_trainer_sees(bool label, bool held, int[] gold, string why)
    {
        var x = new SalienceExample("xx-01", new Dictionary<string, double> { ["has-count"] = 1, ["bias"] = 1 }, label, held)
        { Group = (3, "ASSAULT"), GoldMatches = gold, InGoldSentence = label, Trigger = "killed" };
        var json = SalienceTraining.ExampleJson(x);
        Assert.True((string?)json["article"] == "xx-01" && (bool?)json["label"] == label && (bool?)json["held"] == held
            && (int?)json["sentence"] == 3 && (string?)json["type"] == "ASSAULT" && (string?)json["trigger"] == "killed", why);
        Assert.True(json["gold_matches"]!.AsArray().Select(n => (int)n!).SequenceEqual(gold), why);
        Assert.True(json["features"]!.AsObject().Select(p => p.Key).SequenceEqual(["bias", "has-count"]), $"{why}: features by name, in name order");
    }

    [Theory]
    [InlineData("dev-a|dev-b", "", "dev-a|dev-b", "every development example is written")]
    [InlineData("dev-a", "held-a|held-b", "dev-a", "held-back examples are never written, whatever their label")]
    [InlineData("", "held-a", "", "a held-back part alone writes nothing")]
    public void The_examples_file_holds_the_development_part_only(string dev, string held, string written, string why)
    {
        static IEnumerable<SalienceExample> Of(string names, bool isHeld) =>
            names.Split('|', StringSplitOptions.RemoveEmptyEntries).Select(n => new SalienceExample(n, new Dictionary<string, double>(), isHeld, isHeld));
        var lines = SalienceTraining.DevelopmentJsonLines(Of(dev, false).Concat(Of(held, true))).ToList();
        Assert.True(string.Join("|", lines.Select(l => (string?)l["article"])) == written, why);
        Assert.DoesNotContain(lines, l => (bool?)l["held"] == true);
    }
}
