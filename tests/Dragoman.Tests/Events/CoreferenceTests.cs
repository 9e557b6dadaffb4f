using Dragoman.Documents;
using Dragoman.Evaluation;
using Dragoman.Events.Coreference;
using Dragoman.Tests.Support;

namespace Dragoman.Tests.Events;

public class CoreferenceTests
{
    private static readonly PlaceKey Idlib = new("Idlib", ["SY", "07"]);
    private static readonly PlaceKey Saraqeb = new("Saraqeb", ["SY", "07", "0702", "163345"]);
    private static readonly PlaceKey SaraqebAgain = new("the town of Saraqeb", ["SY", "07", "0702", "163345"]);
    private static readonly PlaceKey Ariha = new("Ariha", ["SY", "07", "0702", "172059"]);
    private static readonly DateOnly Tue = new(2020, 2, 4);
    private static readonly DateOnly Wed = new(2020, 2, 5);
    private static readonly DateOnly Fri = new(2020, 2, 7);

    public static TheoryData<string, PlaceKey?, PlaceKey?, string> Places => new()
    {
        { "one gazetteer town named twice in other words is the same place", Saraqeb, SaraqebAgain, "same" },
        { "a town inside the province named elsewhere is nested, not the same", Saraqeb, Idlib, "nested" },
        { "two towns of one district differ", Saraqeb, Ariha, "differ" },
        { "unresolved places compare by their words, ignoring case", new("Kandahar", []), new("kandahar", []), "same" },
        { "an unresolved place inside another's words is nested", new("Kandahar", []), new("Kandahar province", []), "nested" },
        { "a place one telling leaves unsaid says nothing", Saraqeb, null, "unsaid" },
    };

    [Theory]
    [MemberData(nameof(Places))]
    public void Places_of_two_tellings_are_compared_by_gazetteer_path(string why, PlaceKey? a, PlaceKey? b, string relation)
    {
        Assert.True(CoreferenceFeatures.PlaceRelation(a, b) == relation, why);
        Assert.True(CoreferenceFeatures.PlaceRelation(b, a) == relation, $"{why} (either order)");
    }

    public static TheoryData<string, EventMention, EventMention, string> Dates => new()
    {
        { "a day apart is the same (\"overnight\", \"early on Wednesday\")", new(1, "ASSAULT") { Start = Tue }, new(3, "ASSAULT") { Start = Wed }, "same" },
        { "a later telling dated days before the first recalls an earlier incident", new(1, "ASSAULT") { Start = Fri }, new(3, "ASSAULT") { Start = Tue }, "recap" },
        { "a later telling dated days after the first is another day", new(1, "ASSAULT") { Start = Tue }, new(3, "ASSAULT") { Start = Fri }, "differ" },
        { "a span holding the other's day is the same", new(1, "ASSAULT") { Start = Tue, End = Fri }, new(3, "ASSAULT") { Start = Wed }, "same" },
        { "an undated telling says nothing", new(1, "ASSAULT") { Start = Tue }, new(3, "ASSAULT"), "unsaid" },
    };

    [Theory]
    [MemberData(nameof(Dates))]
    public void Dates_of_two_tellings_are_same_recap_or_different(string why, EventMention a, EventMention b, string relation) =>
        Assert.True(CoreferenceFeatures.DateRelation(a, b) == relation, $"{why}: got {CoreferenceFeatures.DateRelation(a, b)}");

    public static TheoryData<string, PartyKey?, PartyKey?, string> Parties => new()
    {
        { "one known actor code is the same party", new("Russian jets", "RUS"), new("Russia", "RUS"), "same" },
        { "two known codes are two parties even when words overlap", new("Syrian army", "SYRMIL"), new("Syrian rebels", "SYRREB"), "differ" },
        { "unknown parties sharing a content word are the same", new("Taliban fighters", null), new("the Taliban", null), "same" },
        { "unknown parties with no word in common differ", new("gunmen", null), new("police", null), "differ" },
        { "a party one telling leaves unsaid says nothing", new("gunmen", null), null, "unsaid" },
        { "a plural and its singular are one word", new("Zarovian separatists", null), new("a separatist commander", null), "same" },
        { "a possessive is its name", new("the colonel's militia", null), new("Colonel Vask", null), "same" },
        { "a demonym names its country", new("Syrian jets", null), new("Damascus", null) { Countries = new HashSet<string> { "SY" } }, "same" },
        { "two demonyms of different countries differ", new("Syrian jets", null), new("Turkish drones", null), "differ" },
        { "one party under two entity ids: one name inside the other", new("Marek Vask", "e4"), new("Marek Vask's air force", "e5"), "same" },
        { "two entity ids sharing a word but neither name inside the other differ", new("Northern Liberation Front", "e2"), new("Southern Liberation Army", "e6"), "differ" },
        { "two codes sharing only a nation stay two parties", new("Syrian soldiers", "SYRMIL"), new("Syrian rebel", "SYRREB"), "differ" },
    };

    // Word forms the party comparison folds together (a reason each).
    [Theory]
    [InlineData("Separatists", "separatist", "a plural -s")]
    [InlineData("militias", "militia", "a plural of a word in -a")]
    [InlineData("casualties", "casualty", "a plural in -ies")]
    [InlineData("Vask's", "vask", "a possessive")]
    [InlineData("fighters'", "fighter", "a plural possessive")]
    [InlineData("ISIS", "isis", "a word in -is is no plural")]
    [InlineData("Hamas", "hama", "a name in -as folds like a plural, on both sides alike")]
    [InlineData("press", "press", "-ss is no plural")]
    [InlineData("bus", "bus", "short words stay")]
    public void Party_words_fold_plural_and_possessive(string word, string folded, string reason) =>
        Assert.True(PartyWords.Fold(word) == folded, $"{reason}: got {PartyWords.Fold(word)}");

    [Fact]
    public void A_demonym_in_a_party_names_its_country_from_the_gazetteer_data()
    {
        Assert.Contains("SY", PartyWords.CountriesOf("Syrian jets"));
        Assert.Contains("SY", PartyWords.CountriesOf("the Syrians"));
        Assert.Empty(PartyWords.CountriesOf("unknown gunmen"));
        Assert.DoesNotContain("syrian", PartyWords.NameWords("Syrian army"));
    }

    [Theory]
    [MemberData(nameof(Parties))]
    public void Parties_of_two_tellings_are_compared_by_code_then_words(string why, PartyKey? a, PartyKey? b, string relation) =>
        Assert.True(CoreferenceFeatures.PartyRelation(a, b) == relation, why);

    // A party keeps its split words (once per event, not per pair); two parties are still equal by what they say.
    [Theory]
    [InlineData("Taliban fighters", null, "Taliban fighters", null, true, "the same words and no code: one party")]
    [InlineData("Russian jets", "RUS", "Russian jets", "RUS", true, "the same words and code: one party")]
    [InlineData("Russian jets", "RUS", "Russian jets", null, false, "a known code against none: two parties")]
    [InlineData("the Taliban", null, "Taliban fighters", null, false, "shared words are no equality: only the relation compares them")]
    public void Parties_are_equal_by_text_and_code_not_by_their_word_sets(string textA, string? codeA, string textB, string? codeB, bool equal, string reason)
    {
        PartyKey a = new(textA, codeA), b = new(textB, codeB);
        Assert.True(a.Equals(b) == equal && (a.GetHashCode() == b.GetHashCode() || !equal), reason);
    }

    public static TheoryData<string, string[], string[], string> Counts => new()
    {
        { "a figure both give is the same toll", ["5", "12"], ["12"], "same" },
        { "different figures differ (or update the toll: the model weighs it)", ["5"], ["7"], "differ" },
        { "a telling without a figure says nothing", ["5"], [], "unsaid" },
        { "a figure of one kind in both is the same toll", ["2 killed", "4 injured"], ["2 killed"], "same" },
        { "the dead and the wounded of one strike are no conflict", ["2 killed"], ["4 injured"], "unsaid" },
        { "two death tolls that disagree differ", ["2 killed"], ["5 killed"], "differ" },
        { "a figure without a kind compares with any kind", ["5"], ["5 killed"], "same" },
    };

    [Theory]
    [MemberData(nameof(Counts))]
    public void Counts_of_two_tellings_are_compared_by_figure_of_one_kind(string why, string[] a, string[] b, string relation) =>
        Assert.True(CoreferenceFeatures.CountRelation(a.Select(Count).ToList(), b.Select(Count).ToList()) == relation, why);

    /// <summary>"5 killed" as a figure and its kind, "5" as a figure of no kind.</summary>
    private static CountKey Count(string text) => text.Split(' ') is [var n, var kind] ? new(int.Parse(n), kind) : new(int.Parse(text));

    public static TheoryData<string, EventMention, EventMention, string?> Vetoes => new()
    {
        { "two towns are two attacks", new(1, "ASSAULT") { Place = Saraqeb }, new(4, "ASSAULT") { Place = Ariha }, "place" },
        { "two provinces are two attacks", new(1, "ASSAULT") { Place = Idlib }, new(4, "ASSAULT") { Place = new("Hama", ["SY", "10"]) }, "place" },
        { "a town inside the province named elsewhere is no conflict", new(1, "ASSAULT") { Place = Idlib }, new(4, "ASSAULT") { Place = Saraqeb }, null },
        { "unresolved place words are left to the model", new(1, "ASSAULT") { Place = new("the village", []) }, new(4, "ASSAULT") { Place = Ariha }, null },
        { "dates days apart are two happenings", new(1, "ASSAULT") { Start = Tue }, new(4, "ASSAULT") { Start = Fri }, "date" },
        { "a recap dated before the first telling is an earlier incident", new(1, "ASSAULT") { Start = Fri }, new(4, "ASSAULT") { Start = Tue }, "date" },
        { "a day apart is no conflict (\"overnight\")", new(1, "ASSAULT") { Start = Tue }, new(4, "ASSAULT") { Start = Wed }, null },
        { "an undated telling is no conflict", new(1, "ASSAULT") { Start = Tue, Place = Saraqeb }, new(4, "ASSAULT") { Place = SaraqebAgain }, null },
    };

    [Theory]
    [MemberData(nameof(Vetoes))]
    public void Tellings_in_different_places_or_on_different_days_are_never_candidates(string why, EventMention a, EventMention b, string? veto)
    {
        Assert.True(CoreferenceFeatures.Incompatibility(a, b) == veto, why);
        Assert.True(CoreferenceFeatures.Candidates(a, b) == (veto is null), $"{why} (candidates)");
        Assert.True(CoreferenceFeatures.Comparable(a, b), $"{why} (still labelled for training and scoring)");
    }

    public static TheoryData<string, string?, string?, bool> Types => new()
    {
        { "the same PLOVER type can be one happening", "ASSAULT", "ASSAULT", true },
        { "a release coded RETREAT can tell a CONCEDE (the scorer's own equivalence)", "CONCEDE", "RETREAT", true },
        { "an assault and an arrest are never one happening", "ASSAULT", "COERCE", false },
        { "an event without a type is never compared", null, null, false },
    };

    [Theory]
    [MemberData(nameof(Types))]
    public void Only_compatible_types_are_compared(string why, string? a, string? b, bool candidates) =>
        Assert.True(CoreferenceFeatures.Candidates(new(1, a), new(2, b)) == candidates, why);

    public static TheoryData<string, Modality, Modality, string, bool> Modalities => new()
    {
        { "one modality twice is the same", Modality.Reported, Modality.Reported, "same", true },
        { "a headline asserts what the body attributes to a source: both say it happened", Modality.Asserted, Modality.Reported, "compatible", true },
        { "a party's claim of its own attack and the outlet's report of it: both say it happened", Modality.Claimed, Modality.Asserted, "compatible", true },
        { "a denial and a negation both say it did not happen", Modality.Denied, Modality.Negated, "compatible", true },
        { "an expected attack and a done one may be one (the model weighs it)", Modality.Expected, Modality.Asserted, "irrealis", true },
        { "a denied telling is never one happening with one that says it happened", Modality.Denied, Modality.Reported, "polarity-clash", false },
        { "a negated telling is never one happening with an expected one", Modality.Negated, Modality.Expected, "polarity-clash", false },
    };

    [Theory]
    [MemberData(nameof(Modalities))]
    public void Modalities_of_two_tellings_fall_in_compatibility_classes(string why, Modality a, Modality b, string relation, bool candidates)
    {
        Assert.True(CoreferenceFeatures.ModalityRelation(a, b) == relation && CoreferenceFeatures.ModalityRelation(b, a) == relation,
            $"{why}: got {CoreferenceFeatures.ModalityRelation(a, b)}");
        Assert.True(CoreferenceFeatures.Candidates(new(1, "ASSAULT") { Modality = a }, new(2, "ASSAULT") { Modality = b }) == candidates, $"{why} (candidates)");
    }

    [Fact]
    public void Pair_features_do_not_depend_on_the_order_of_the_two()
    {
        var a = new EventMention(0, "ASSAULT", "attack", "strike") { InTitle = true, Place = Saraqeb, Counts = [5] };
        var b = new EventMention(2, "ASSAULT", "attack", "strikes") { Definite = true, Place = SaraqebAgain, Counts = [5], Start = Tue };
        var ab = CoreferenceFeatures.Compute(a, b);
        var ba = CoreferenceFeatures.Compute(b, a);
        Assert.Equal(ab.OrderBy(p => p.Key), ba.OrderBy(p => p.Key));
        foreach (var expected in new[] { "headline-and-body", "same-trigger-stem", "later-definite", "place:same", "count:same", "date:unsaid" })
            Assert.True(ab.ContainsKey(expected), $"missing {expected}: {string.Join(", ", ab.Keys)}");
    }

    /// <summary>Mentions 0..n-1 of one type unless named; probabilities by pair, 0 for pairs not listed.</summary>
    public static TheoryData<string, string[], (int, int, double)[], int[]> Clusterings => new()
    {
        { "pairs above the threshold join", ["ASSAULT", "ASSAULT", "ASSAULT"], [(0, 1, 0.9), (1, 2, 0.1), (0, 2, 0.1)], [0, 0, 1] },
        { "a vague mention likely with each of two incidents that are unlike each other joins only one (average link)",
            ["ASSAULT", "ASSAULT", "ASSAULT"], [(0, 2, 0.8), (1, 2, 0.7), (0, 1, 0.0)], [0, 1, 0] },
        { "three tellings all alike form one happening", ["ASSAULT", "ASSAULT", "ASSAULT"], [(0, 1, 0.8), (1, 2, 0.8), (0, 2, 0.6)], [0, 0, 0] },
        { "incompatible types never join, whatever the probability", ["ASSAULT", "COERCE"], [(0, 1, 0.99)], [0, 1] },
        { "nothing above the threshold leaves every event its own", ["ASSAULT", "ASSAULT"], [(0, 1, 0.3)], [0, 1] },
    };

    [Theory]
    [MemberData(nameof(Clusterings))]
    public void Tellings_cluster_by_average_link_above_the_threshold(string why, string[] types, (int, int, double)[] probabilities, int[] expected)
    {
        var mentions = types.Select((t, i) => new EventMention(i, t, "x", $"w{i}")).ToList();
        double P(EventMention a, EventMention b)
        {
            foreach (var (i, j, p) in probabilities)
                if ((mentions[i] == a && mentions[j] == b) || (mentions[i] == b && mentions[j] == a)) return p;
            return 0;
        }
        var got = EventClustering.Cluster(mentions, P, 0.5);
        Assert.True(expected.SequenceEqual(got), $"{why}: got {string.Join(",", got)}");
    }

    [Theory]
    [InlineData(EventClustering.MaxBlock, 1, "up to a block, every pair is weighed and alike tellings form one happening")]
    [InlineData(EventClustering.MaxBlock + 1, 2, "one telling past the block starts the next block: tellings in different blocks stay apart")]
    [InlineData(EventClustering.MaxBlock * 10, 10, "ten blocks: the pairs weighed grow with the events, not their square (issue 18)")]
    public void Articles_with_very_many_events_are_clustered_block_by_block(int events, int happenings, string why)
    {
        var mentions = Enumerable.Range(0, events).Select(i => new EventMention(i, "ASSAULT", "x", "killed")).ToList();
        long weighed = 0;
        var got = EventClustering.Cluster(mentions, (_, _) => { weighed++; return 0.9; }, 0.5);
        int blocks = (events + EventClustering.MaxBlock - 1) / EventClustering.MaxBlock;
        Assert.True(got.Distinct().Count() == happenings, $"{why}: {got.Distinct().Count()} happenings");
        Assert.True(got.Zip(got.Skip(1)).All(p => p.Second >= p.First), $"{why}: cluster numbers follow the first mentions");
        Assert.True(weighed <= (long)blocks * EventClustering.MaxBlock * (EventClustering.MaxBlock - 1) / 2, $"{why}: {weighed} pairs weighed");
    }

    private static CoreferenceTraining.Reference Ref(int[] refers, int[] contradicts) => new(refers.ToHashSet(), contradicts.ToHashSet());

    public static TheoryData<string, int[], int[], int[], int[], bool?> Labels => new()
    {
        { "two events referring to one gold event are one happening", [0], [], [0], [], true },
        { "events referring to different gold events are two", [0], [1], [1], [0], false },
        { "an event that contradicts the other's gold event is another happening", [0], [], [], [0], false },
        { "an event referring to nothing and contradicting nothing is not labelled", [0], [], [], [], null },
        { "two events referring to nothing are not labelled", [], [0], [], [0], null },
    };

    [Theory]
    [MemberData(nameof(Labels))]
    public void Gold_labels_pairs_by_the_gold_events_they_refer_to(string why, int[] aRefers, int[] aContradicts, int[] bRefers, int[] bContradicts, bool? label)
    {
        Assert.True(CoreferenceTraining.Label(Ref(aRefers, aContradicts), Ref(bRefers, bContradicts)) == label, why);
        Assert.True(CoreferenceTraining.Label(Ref(bRefers, bContradicts), Ref(aRefers, aContradicts)) == label, $"{why} (either order)");
    }

    [Fact]
    public void A_merged_happening_takes_each_field_from_the_mention_that_tells_it_with_that_field_s_own_span()
    {
        const string text = "Gunmen attack police in Kabul. On Monday gunmen attacked a police post. The attack killed five officers, officials said.";
        var doc = new Document(new Article { Uri = "test", Text = text, TitleSpan = new TextSpan(0, 30) }, new DateOnly(2020, 3, 4));
        TextSpan At(string s, int from = 0) { int i = text.IndexOf(s, from, StringComparison.Ordinal); return new TextSpan(i, i + s.Length); }
        var headline = new Event { Id = "e1", Action = "attack", Trigger = At("attack"), Actor = new("Gunmen", At("Gunmen")), Place = new("Kabul", At("Kabul")),
            Modality = Modality.Asserted };
        headline.Evidence.Add(new TextSpan(0, 30));
        var lede = new Event { Id = "e2", Action = "attack", Trigger = At("attacked"), Actor = new("gunmen", At("gunmen")),
            Time = new EventTime("On Monday", At("On Monday"), new DateOnly(2020, 3, 2), null, TimePrecision.Day, false),
            Place = new("Afghanistan", new TextSpan(0, 0)) { Inherited = true } };
        lede.Evidence.Add(new TextSpan(31, 72));
        var toll = new Event { Id = "e3", Action = "kill", Trigger = At("killed"), Means = new("The attack", At("The attack")), Modality = Modality.Reported };
        toll.Counts.Add(new EventCount(5, 5, "five", At("five"), "killed"));
        toll.Sources.Add(new SourceRef("official", "officials", null, At("officials")));
        toll.Evidence.Add(new TextSpan(73, text.Length));

        var merged = EventMerging.One(doc, [headline, lede, toll]);

        Assert.True(merged.Id == "e2", "the lede tells most itself (actor, own date): it is the representative");
        Assert.True(merged.Place?.Text == "Kabul" && merged.Place.Span == At("Kabul"), "the headline's own place beats the lede's inherited country, with the headline's span");
        Assert.True(merged.Time?.Span == At("On Monday"), "the date comes from the lede with its span");
        Assert.True(merged.Counts is [{ Min: 5 }] && merged.Counts[0].Span == At("five"), "the count comes from the toll sentence with its span");
        Assert.True(merged.Sources is [{ Name: "officials" }], "sources of every telling stay");
        Assert.True(merged.Evidence.Count == 3, $"every telling's evidence stays: {merged.Evidence.Count}");
        Assert.True(merged.AllTellings.Select(t => (t.Trigger, t.Evidence, t.Modality)).SequenceEqual(
            [(At("attack"), new TextSpan(0, 30), Modality.Asserted), (At("attacked"), new TextSpan(31, 72), Modality.Asserted), (At("killed"), new TextSpan(73, text.Length), Modality.Reported)]),
            "every telling stays with its own trigger, sentence and modality (the toll sentence's is reported, the joined event's the lede's)");
        Assert.True(merged.Modality == lede.Modality, "the joined event's one modality is the representative's");
    }

    [Theory]
    [InlineData(CoreferenceModel.ModelHeader + "\nbias\t1\n", "threshold")]
    [InlineData(CoreferenceModel.ModelHeader + "\nthreshold\t1.5\n", "threshold")]
    [InlineData("# some other model\nthreshold\t0.5\n", "not an event coreference model")]
    public void A_bad_model_file_is_refused_naming_the_problem(string content, string expected)
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, content);
            var r = CoreferenceModel.Load(path);
            Assert.True(!r.IsOk && r.Error!.Contains(expected, StringComparison.Ordinal) && r.Error.Contains(path, StringComparison.Ordinal), r.Error ?? "loaded");
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void The_shipped_model_loads_and_joins_a_same_sentence_retelling_more_readily_than_a_distant_one()
    {
        var model = CoreferenceModel.Load(Path.Combine(Paths.RepoRoot, "models", "coreference", "coreference.tsv"));
        Assert.True(model.IsOk, model.Error);
        var first = new EventMention(1, "ASSAULT", "attack", "attacked") { Place = Saraqeb };
        var near = new EventMention(1, "ASSAULT", "kill", "killing") { Counts = [5] };
        var far = new EventMention(12, "ASSAULT", "kill", "killed") { Place = Ariha };
        Assert.True(model.Value!.Probability(first, near) > model.Value.Probability(first, far), "a clause of the same sentence is likelier the same happening than a distant one in another town");
        Assert.True(model.Value.Threshold is > 0 and < 1, "threshold in (0, 1)");
    }
    public static TheoryData<string, EventMention, EventMention, double?> FirstOfType => new()
    {
        { "a body telling five sentences after the article's first of the type: the gap is offered again", new(0, "ASSAULT") { FirstOfType = true }, new(5, "ASSAULT"), Math.Log(6) },
        { "either order: the earlier telling is the one that counts", new(5, "ASSAULT"), new(0, "ASSAULT") { FirstOfType = true }, Math.Log(6) },
        { "two later tellings of the type: distance alone speaks", new(2, "ASSAULT"), new(7, "ASSAULT"), null },
        { "two first tellings in one sentence: no gap to weigh", new(0, "ASSAULT") { FirstOfType = true }, new(0, "ASSAULT") { FirstOfType = true }, null },
    };

    [Theory]
    [MemberData(nameof(FirstOfType))]
    public void A_retelling_of_the_first_telling_of_its_type_gets_its_own_distance_feature(string why, EventMention a, EventMention b, double? expected)
    {
        var f = CoreferenceFeatures.Compute(a, b);
        Assert.True(f.TryGetValue("from-first-of-type:log-gap", out var v) == expected.HasValue && (expected is null || Math.Abs(v - expected.Value) < 1e-9), why);
    }
}
