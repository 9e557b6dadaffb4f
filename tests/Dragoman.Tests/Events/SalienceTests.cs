using Dragoman.Documents;
using Dragoman.Events.Salience;

namespace Dragoman.Tests.Events;

/// <summary>The salience stage: historical background, date relations, the logistic model's file and fitting.</summary>
public class SalienceTests
{
    private static readonly DateOnly Published = new(2024, 3, 6);

    private static EventTime Time(string text, string? start, string? end = null, bool inherited = false) =>
        new(text, new TextSpan(0, text.Length), start is null ? null : DateOnly.Parse(start), end is null ? null : DateOnly.Parse(end), TimePrecision.Day, inherited);

    [Theory]
    [InlineData("1982", "1982-01-01", "1982-12-31", false, true, "a year long before publication is background")]
    [InlineData("since 2011", "2011-01-01", "2024-03-06", false, true, "a span opened by 'since' years ago is a state of affairs, not news")]
    [InlineData("since Monday", "2024-03-04", "2024-03-06", false, false, "'since' a few days ago is current")]
    [InlineData("on Tuesday", "2024-03-05", null, false, false, "the day before publication")]
    [InlineData("last year", "2023-01-01", "2023-12-31", false, false, "last year ends within a year of publication")]
    [InlineData("1982", "1982-01-01", "1982-12-31", true, false, "an inherited time says nothing of the event")]
    [InlineData("a date", null, null, false, false, "an unresolved time cannot make an event historical")]
    public void Historical_events_lie_before_the_reports_time_frame(string text, string? start, string? end, bool inherited, bool historical, string why) =>
        Assert.True(SalienceComponent.IsHistorical(Published, Time(text, start, end, inherited)) == historical, why);

    [Theory]
    [InlineData("at the start of August", null, false, true, true, "no publication date: an own date told in the past perfect lies before the news")]
    [InlineData("at the start of August", null, false, false, false, "no publication date and the report's own tense: current")]
    [InlineData("at the start of August", null, true, true, false, "an inherited time is no date of the background event's own")]
    [InlineData("1982", "1982-01-01", false, false, false, "no publication date: not even an old year can be measured, the tense alone decides")]
    public void Without_a_publication_date_the_verb_groups_tense_decides_what_is_background(string text, string? start, bool inherited, bool toldAsBackground, bool historical, string why) =>
        Assert.True(SalienceComponent.IsHistorical(null, Time(text, start, null, inherited), toldAsBackground) == historical, why);

    [Theory]
    [InlineData("on Saturday", "before:XXXX-WXX-6", false, "no publication date, but a weekday places it in the report's week whatever the tense")]
    [InlineData("in the past few days", "-PXD/P0D", false, "the past few days are the week's news")]
    [InlineData("at the start of August", "before:XXXX-08", true, "a month name is no recent time: the tense decides")]
    public void Without_a_publication_date_a_recent_own_time_outweighs_the_tense(string text, string relative, bool historical, string why) =>
        Assert.True(SalienceComponent.IsHistorical(null, new EventTime(text, new TextSpan(0, text.Length), null, null, TimePrecision.Day, false, relative), toldAsBackground: true) == historical, why);

    [Theory]
    [InlineData("on Tuesday", "2024-03-05", "with a publication date the distance decides, not the tense ('said the gunmen had killed five on Tuesday')")]
    public void With_a_publication_date_the_tense_does_not_make_news_background(string text, string start, string why) =>
        Assert.False(SalienceComponent.IsHistorical(Published, Time(text, start), toldAsBackground: true), why);

    [Theory]
    [InlineData("2024-03-05", null, "week", "the day before publication")]
    [InlineData("2024-01-10", null, "quarter", "two months before")]
    [InlineData("2023-06-01", null, "year", "nine months before")]
    [InlineData("2020-06-01", null, "older", "years before")]
    [InlineData("2024-03-20", null, "future", "after publication")]
    public void Date_relations_bucket_the_distance_to_publication(string start, string? end, string relation, string why) =>
        Assert.True(SalienceFeatures.DateRelation(Published, Time("t", start, end)) == relation, why);

    [Fact]
    public void A_fitted_model_separates_separable_data_and_round_trips_through_its_file()
    {
        var data = new List<(IReadOnlyDictionary<string, double>, bool)>();
        for (int i = 0; i < 20; i++)
        {
            data.Add((new Dictionary<string, double> { ["bias"] = 1, ["has-count"] = 1 }, true));
            data.Add((new Dictionary<string, double> { ["bias"] = 1, ["date:older"] = 1 }, false));
        }
        var model = SalienceModel.Train(data, 0.4);
        Assert.True(model.Probability(new Dictionary<string, double> { ["bias"] = 1, ["has-count"] = 1 }) > 0.8, "positives score high");
        Assert.True(model.Probability(new Dictionary<string, double> { ["bias"] = 1, ["date:older"] = 1 }) < 0.2, "negatives score low");
        var path = Path.Combine(Path.GetTempPath(), $"salience-{Guid.NewGuid():N}.tsv");
        try
        {
            model.Save(path, ["test model"]);
            var back = SalienceModel.Load(path);
            Assert.True(back.IsOk, back.Error);
            Assert.Equal(0.4, back.Value!.Threshold);
            Assert.Equal(model.Rule, back.Value.Rule);
            Assert.Equal(model.Weights.Keys.Order(), back.Value.Weights.Keys.Order());
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void The_penalty_is_the_one_with_the_lowest_out_of_fold_log_loss()
    {
        // ten articles; "has-count" makes main 4 times in 5, its absence 1 in 5: any light penalty learns it, a crushing
        // one (1: a hundred times the shipped) pulls it toward the base rate and must lose on the held-out folds
        var dev = new List<Dragoman.Evaluation.SalienceExample>();
        for (int a = 0; a < 10; a++)
            for (int i = 0; i < 10; i++)
                dev.Add(new("a" + a, new Dictionary<string, double> { ["bias"] = 1, ["has-count"] = i % 2 }, i % 2 == 1 ? i != 9 : i == 0, false));
        var (l2, losses) = Dragoman.Evaluation.SalienceTraining.ChooseL2(dev, 5, [0.001, 0.01, 1]);
        Assert.Equal(3, losses.Count);
        Assert.True(l2 != 1, $"a penalty that ignores the feature won: {string.Join(", ", losses)}");
        Assert.Equal(losses.Min(x => x.LogLoss), losses.Single(x => x.L2 == l2).LogLoss);
    }

    [Theory]
    [InlineData("not a model\nthreshold\t0.5\n", "first line must be")]
    [InlineData(SalienceModel.ModelHeader + "\nbias 1\n", "expected FEATURE<TAB>WEIGHT")]
    [InlineData(SalienceModel.ModelHeader + "\nthreshold\t1.5\n", "threshold must lie in (0, 1)")]
    [InlineData(SalienceModel.ModelHeader + "\nthreshold\t0.5\ntop-per-article\t1.5\n", "top-per-article must be a whole number")]
    [InlineData(SalienceModel.ModelHeader + "\nthreshold\t0.5\ncap-per-article\t-1\n", "cap-per-article must be a whole number")]
    [InlineData(SalienceModel.ModelHeader + "\nthreshold\t0.5\none-per-sentence\t2\n", "one-per-sentence must be 0 or 1")]
    public void A_bad_model_file_is_an_error_naming_the_problem(string content, string message)
    {
        var path = Path.Combine(Path.GetTempPath(), $"salience-{Guid.NewGuid():N}.tsv");
        try
        {
            File.WriteAllText(path, content);
            var r = SalienceModel.Load(path);
            Assert.False(r.IsOk);
            Assert.Contains(message, r.Error);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void The_shipped_model_loads_and_every_event_of_a_processed_article_gets_a_probability()
    {
        var model = SalienceModel.LoadBundled();
        Assert.True(model.IsOk, model.Error);
        var doc = Support.TestPipeline.ProcessText("Rebels attack town\n\nRebels attacked the town of Alpha on Tuesday, killing five people, police said. In 1982, the army killed hundreds there.", Published);
        Assert.NotEmpty(doc.Events);
        Assert.All(doc.Events, e => Assert.InRange(e.Confidence, 0.0, 1.0));
        Assert.All(doc.Events.Where(e => e.Historical), e => Assert.False(e.Main));
    }

    [Theory]
    [InlineData("3", 3, "the trainer's choice of best-ranked events always shown is read back")]
    [InlineData(null, SalienceComponent.DefaultTopPerArticle, "an older file without the line keeps the previous rule")]
    public void The_model_file_carries_how_many_best_events_are_always_shown(string? top, int expected, string why)
    {
        var path = Path.Combine(Path.GetTempPath(), $"salience-{Guid.NewGuid():N}.tsv");
        try
        {
            File.WriteAllText(path, SalienceModel.ModelHeader + "\nthreshold\t0.5\nbias\t-1\n" + (top is null ? "" : "top-per-article\t" + top + "\n"));
            var r = SalienceModel.Load(path);
            Assert.True(r.IsOk, r.Error);
            Assert.True(r.Value!.TopPerArticle == expected, $"{why}: got {r.Value.TopPerArticle}");
            Assert.False(r.Value.Weights.ContainsKey(SalienceModel.TopPerArticleKey), $"{why}: the line is a rule, not a feature weight");
        }
        finally { File.Delete(path); }
    }

    [Theory]
    [InlineData(0.5, 0, 0, false, new[] { true, true, false, true, false }, "threshold only: the two events of sentence 0 and type A are one news item, the best of them is shown")]
    [InlineData(0.5, 0, 2, false, new[] { true, true, false, false, false }, "a cap of 2 keeps the article's two best distinct events")]
    [InlineData(0.5, 0, 0, true, new[] { true, false, false, true, false }, "one per sentence: sentence 0's type-B event restates its type-A news")]
    [InlineData(0.95, 1, 0, false, new[] { true, false, false, false, false }, "nothing reaches the threshold: the one best event is still shown")]
    [InlineData(0.1, 4, 3, false, new[] { true, true, false, true, false }, "the cap binds before the threshold and the best-shown count")]
    public void The_rule_picks_main_events_by_threshold_best_shown_cap_and_grouping(double threshold, int top, int cap, bool perSentence, bool[] expected, string why)
    {
        // (confidence, sentence, type): sorted 0.9 A@0, 0.8 B@0, 0.7 A@0, 0.6 A@1, 0.3 A@2
        var events = new[] { (0.9, 0, "A"), (0.8, 0, "B"), (0.7, 0, "A"), (0.6, 1, "A"), (0.3, 2, "A") };
        var got = SalienceComponent.SelectMain(events, e => e.Item1, _ => false, e => (e.Item2, (string?)e.Item3), new MainRule(threshold, top, cap, perSentence));
        Assert.True(expected.SequenceEqual(got), $"{why}: got {string.Join(",", got)}");
    }

    [Theory]
    [InlineData(new[] { 0.50, 0.50, 0.50 }, new[] { 0.20, 0.20, 0.20 }, 0.40, "a flat curve within the bound: ties go to fewer events per article (the highest threshold shows fewest)")]
    [InlineData(new[] { 0.50, 0.60, 0.70, 0.75, 0.80 }, new[] { 0.20, 0.22, 0.25, 0.29, 0.35 }, 0.35, "recall rises as the threshold falls, but 0.30 has a neighbour over the bound: the bound holds on the plateau, not at one point")]
    [InlineData(new[] { 0.50, 0.60, 0.70, 0.75, 0.80 }, new[] { 0.20, 0.22, 0.24, 0.26, 0.27 }, 0.20, "everything within the bound (0.27 is at it): the lowest threshold has the most recall, averaged over its neighbours")]
    [InlineData(new[] { 0.30, 0.90, 0.30, 0.62, 0.62, 0.62 }, new[] { 0.20, 0.20, 0.20, 0.20, 0.20, 0.20 }, 0.20, "a spike between two poor thresholds loses to a plateau a little lower: recall is averaged over neighbours")]
    [InlineData(new[] { 0.50, 0.60, 0.70 }, new[] { 0.31, 0.33, 0.40 }, 0.40, "no rule within the bound: the one with the least outside")]
    public void The_chosen_rule_has_the_most_recall_within_the_outside_bound_at_it_and_its_neighbours(double[] recall, double[] outside, double chosen, string why)
    {
        // thresholds 0.40, 0.35, 0.30, ... with events per article rising as the threshold falls
        var points = recall.Select((r, i) => new Dragoman.Evaluation.SalienceTraining.RulePoint(new MainRule(0.40 - 0.05 * i), r, 2 + i * 0.1, outside[i])).ToList();
        var best = Dragoman.Evaluation.SalienceTraining.BestRule(Dragoman.Evaluation.SalienceTraining.Smoothed(points), 0.27);
        Assert.True(Math.Abs(best.Rule.Threshold - chosen) < 1e-9, $"{why}: got {best.Rule.Threshold}");
    }

    [Theory]
    [InlineData(0, false, new[] { true, false, true, true }, "the joined event (sentences 0 and 2) counts once; the type-A event of sentence 2 is its telling left unjoined, so it is not shown")]
    [InlineData(2, false, new[] { true, false, true, false }, "a cap of 2 counts joined events: the unjoined telling takes no place under it, the next distinct event does")]
    [InlineData(0, true, new[] { true, false, false, true }, "one per sentence: sentence 2's type-B event stands in a sentence the joined event tells")]
    public void The_cap_and_grouping_count_a_joined_event_by_all_its_tellings(int cap, bool perSentence, bool[] expected, string why)
    {
        // (confidence, trigger sentence, type, telling sentences): a joined A told in 0 and 2, an unjoined A in 2, a B in 2, an A in 3
        var events = new[] { (0.9, 0, "A", new[] { 0, 2 }), (0.8, 2, "A", new[] { 2 }), (0.7, 2, "B", new[] { 2 }), (0.6, 3, "A", new[] { 3 }) };
        var got = SalienceComponent.SelectMain(events, e => e.Item1, _ => false, e => (e.Item2, (string?)e.Item3), new MainRule(0.5, 0, cap, perSentence), e => e.Item4);
        Assert.True(expected.SequenceEqual(got), $"{why}: got {string.Join(",", got)}");
    }

    [Theory]
    [InlineData("0.35,2,4", 0.35, 2, 4, "the shipped rule: threshold, best always shown, cap")]
    [InlineData(" 0.4 , 1 , 3 ", 0.4, 1, 3, "spaces around the parts are allowed")]
    [InlineData("0.35,2", -1, 0, 0, "a cap is required")]
    [InlineData("0.35,2,5", -1, 0, 0, "a cap over the issue's bound of 4 per article is refused")]
    [InlineData("0.35,3,2", -1, 0, 0, "more best always shown than the cap allows is no rule")]
    [InlineData("1.2,1,4", -1, 0, 0, "a threshold must be a probability strictly inside (0, 1)")]
    [InlineData("0,35,2,4", -1, 0, 0, "a decimal comma is not read as a threshold")]
    public void A_fixed_display_rule_is_read_from_its_short_form(string text, double threshold, int top, int cap, string why)
    {
        var rule = Dragoman.Evaluation.SalienceTraining.ParseRule(text);
        if (threshold < 0) { Assert.True(rule is null, $"{why}: got {rule}"); return; }
        Assert.True(rule == new MainRule(threshold, top, cap), $"{why}: got {rule}");
    }

    [Theory]
    [InlineData(0.6, 0.4, 0.6, "equal recall and share inside: F is that value")]
    [InlineData(0.0, 0.0, 0.0, "nothing found: F is 0 however clean the output")]
    [InlineData(1.0, 0.5, 0.667, "all found, half of the shown events outside: the harmonic mean of 1 and 0.5")]
    public void The_objective_is_the_harmonic_mean_of_recall_and_share_inside_gold_sentences(double recall, double outside, double f, string why) =>
        Assert.True(Math.Abs(new Dragoman.Evaluation.SalienceTraining.RulePoint(new MainRule(0.5), recall, 2, outside).F - f) < 1e-3, why);

    [Theory]
    [InlineData("cap-per-article\t3\none-per-sentence\t1\n", 3, true, "the trainer's cap and grouping are read back")]
    [InlineData("", 0, false, "an older file without the lines has no cap and groups by sentence and type, as before")]
    public void The_model_file_carries_the_cap_and_the_grouping(string lines, int cap, bool perSentence, string why)
    {
        var path = Path.Combine(Path.GetTempPath(), $"salience-{Guid.NewGuid():N}.tsv");
        try
        {
            File.WriteAllText(path, SalienceModel.ModelHeader + "\nthreshold\t0.5\nbias\t-1\n" + lines);
            var r = SalienceModel.Load(path);
            Assert.True(r.IsOk, r.Error);
            Assert.True(r.Value!.Rule.Cap == cap && r.Value.Rule.OnePerSentence == perSentence, $"{why}: got {r.Value.Rule}");
            Assert.True(r.Value.Weights.Count == 1, $"{why}: the rule's lines are no feature weights");
        }
        finally { File.Delete(path); }
    }

    [Theory]
    [InlineData("Rebels attack town\n\nRebels attacked the town of Alpha on Tuesday. Later the army arrested ten people.", "attacked", "log-tellings", true, "the coreference stage merges the headline's attack with the lede's: an event told twice")]
    [InlineData("Rebels attack town\n\nRebels attacked the town of Alpha on Tuesday. Later the army arrested ten people.", "arrested", "title-event-same-type", false, "an arrest is not the headline's attack")]
    [InlineData("Rebels attack town\n\nRebels attacked the town of Alpha on Tuesday. Later the army arrested ten people.", "arrested", "log-tellings", false, "the arrest is told once")]
    [InlineData("Rebels attack town\n\nRebels attacked the town of Alpha on Tuesday. Later the army arrested ten people.", "attacked", "first-body-event", true, "the body's first event opens the report")]
    [InlineData("Rebels attack town\n\nRebels attacked the town of Alpha on Tuesday. Later the army arrested ten people.", "arrested", "first-body-event", false, "an event after another one in the body is not first")]
    [InlineData("Rebels attack town\n\nRebels attacked the town of Alpha on Tuesday. Later the army arrested ten people.", "arrested", "participant-in-title", false, "the army is not named in the headline")]
    [InlineData("Army holds rebels\n\nOn Tuesday the army arrested ten rebels in Alpha.", "arrested", "participant-in-title", true, "its target, the rebels, is named in the headline")]
    [InlineData(RetoldPlace, "shelled", "retold-place", true, "a further attack at Alpha after the lede's summary of the attack there")]
    [InlineData(RetoldPlace, "attacked", "retold-place", false, "the first attack told at Alpha")]
    [InlineData(RetoldPlace, "arrested", "retold-place", false, "no earlier arrest at Alpha: another type")]
    public void Article_features_place_the_event_among_the_headline_and_the_other_events(string text, string trigger, string feature, bool present, string why)
    {
        var doc = Support.TestPipeline.ProcessText(text, Published);
        var e = doc.Events.Find(x => doc.Slice(x.Trigger) == trigger);
        Assert.True(e is not null, $"{why}: no event on '{trigger}' ({string.Join(", ", doc.Events.Select(x => doc.Slice(x.Trigger)))})");
        var f = SalienceFeatures.Compute(doc, e!, doc.Events, SalienceFeatures.TitleWords(doc));
        Assert.True(f.ContainsKey(feature) == present, $"{why}: features {string.Join(", ", f.Keys)}");
    }

    private const string RetoldPlace = "Fighting goes on\n\nRebels attacked the town of Alpha on Tuesday. "
        + "Police arrested two men in Alpha on Wednesday. Gunmen shelled a market in Alpha on Wednesday.";

    private const string ThreeAttacks = "Rebels attack town\n\nRebels attacked the town of Alpha on Tuesday. Later the army arrested ten people. "
        + "Rebels attacked a checkpoint in Beta. Rebels attacked a convoy near Gamma.";

    /// <summary>
    /// The features that count over the article's other events (counted once per article by <see cref="SalienceFeatures.EventTally"/>,
    /// issue 18), for the event on <paramref name="trigger"/> in body sentence <paramref name="sentence"/> (1 = the first after the headline).
    /// </summary>
    [Theory]
    [InlineData(1, "attacked", "log-sentences-same-type", 2.0, "two later attacks (the events stage folds the headline's attack into this one)")]
    [InlineData(3, "attacked", "log-sentences-same-type", 2.0, "two other body attacks, one before and one after")]
    [InlineData(2, "arrested", "log-sentences-same-type", 0.0, "no other arrest")]
    [InlineData(1, "attacked", "type-share", 0.75, "three of the four events are attacks")]
    [InlineData(1, "attacked", "first-of-type", 1.0, "the body's first attack")]
    [InlineData(3, "attacked", "first-of-type", null, "an attack came before it in the body")]
    [InlineData(2, "arrested", "first-of-type", 1.0, "the first arrest, though other events came before it")]
    [InlineData(1, "attacked", "log-event-sentence-rank", 0.0, "no body sentence with an event comes before the first")]
    [InlineData(4, "attacked", "log-event-sentence-rank", 3.0, "three body sentences with events come before the last")]
    [InlineData(4, "attacked", "first-body-event", null, "not the body's first event")]
    [InlineData(2, "arrested", "title-event-same-type", null, "the headline's event is an attack")]
    [InlineData(4, "attacked", "title-event-same-type", null, "the headline's attack was folded into the first body attack: none is left there")]
    [InlineData(3, "attacked", "log-events-in-sentence", 0.0, "alone in its sentence")]
    public void Counts_over_the_other_events_place_the_event_in_its_article(int sentence, string trigger, string feature, double? value, string why)
    {
        var doc = Support.TestPipeline.ProcessText(ThreeAttacks, Published);
        var e = doc.Events.Find(x => doc.Slice(x.Trigger) == trigger && doc.SentenceAt(x.Trigger.Start) == sentence);
        Assert.True(e is not null, $"{why}: no event on '{trigger}' in sentence {sentence} ({string.Join(", ", doc.Events.Select(x => $"{doc.Slice(x.Trigger)}@{doc.SentenceAt(x.Trigger.Start)}"))})");
        var title = SalienceFeatures.TitleWords(doc);
        var f = SalienceFeatures.Compute(doc, e!, doc.Events, title, tally: new SalienceFeatures.EventTally(doc, doc.Events, title));
        double? got = f.TryGetValue(feature, out var v) ? v : null;
        // log features are given as what their log takes (1 + a count)
        if (feature.StartsWith("log-", StringComparison.Ordinal) && got is { } g) got = Math.Round(Math.Exp(g), 6) - 1;
        Assert.True(got == value, $"{why}: {feature} = {got?.ToString() ?? "absent"}, expected {value?.ToString() ?? "absent"}");
        Assert.Equal(f, SalienceFeatures.Compute(doc, e!, doc.Events, title));
    }
}
