using Dragoman.Documents;
using Dragoman.Time;
using static Dragoman.Tests.Time.TimeTestSupport;

namespace Dragoman.Tests.Time;

public class EventTimeResolverTests
{
    [Theory]
    [InlineData("Militants attacked a checkpoint on Tuesday. The ministry reported the incident on 4 February.", "attacked", "Tuesday", "same sentence wins over an article's other date")]
    [InlineData("The group, which was founded in 2014, attacked the base last week.", "attacked", "last week", "a date inside a relative clause does not govern the main verb")]
    [InlineData("He was held for three years and released on Friday.", "released", "Friday", "a bare duration is never the event time")]
    [InlineData("Police said on Tuesday that rebels attacked the checkpoint on Monday.", "attacked", "Monday", "the report's date does not govern the reported event")]
    [InlineData("Over the last two weeks, the branch has released a number of members.", "released", "the last two weeks", "an anchored period governs")]
    [InlineData("Pupils who were kidnapped earlier this month have been freed, officials said on Tuesday.", "kidnapped", "earlier this month", "the relative clause's own time governs its verb")]
    public void Chooses_the_governing_expression(string text, string trigger, string expected, string reason)
    {
        var doc = Doc(text, "2019-02-10");
        int at = text.IndexOf(trigger, StringComparison.Ordinal);
        var t = EventTimeResolver.Resolve(doc, new TextSpan(at, at + trigger.Length));
        Assert.True(!t.Inherited && t.Text == expected, $"{reason}: got {t}");
    }

    [Theory]
    [InlineData("Rebels attacked the checkpoint, police said last week.", "2019-01-21", "2019-02-03", "a week on the reporting verb dates the report: the attack is on or shortly before it")]
    [InlineData("Rebels attacked the checkpoint, officials said last month.", "2018-12-25", "2019-01-31", "a month on the reporting verb bounds the event the same way")]
    public void A_report_date_bounds_the_event(string text, string start, string end, string reason)
    {
        var doc = Doc(text, "2019-02-10");
        int at = text.IndexOf("attacked", StringComparison.Ordinal);
        var t = EventTimeResolver.Resolve(doc, new TextSpan(at, at + 8));
        Assert.True(t.Inherited && t.Precision == TimePrecision.Week && t.Start?.ToString("yyyy-MM-dd") == start && t.End?.ToString("yyyy-MM-dd") == end, $"{reason}: got {t}");
    }

    // publication Sunday 2019-02-10
    [Theory]
    [InlineData("Rebels attacked the checkpoint, police said on Tuesday.", "attacked", "2019-02-05", "a weekday on the reporting verb dates the news: that day, not a week")]
    [InlineData("Rebels attacked the checkpoint, officials said Friday.", "attacked", "2019-02-08", "same without 'on'")]
    [InlineData("Rebels attacked the checkpoint early on Tuesday.", "attacked", "2019-02-05", "'early on Tuesday' is the day, not a window")]
    [InlineData("Drones struck the depot overnight.", "struck", "2019-02-09", "'overnight' on the publication day is the night before: the earlier day")]
    [InlineData("Rebels attacked a checkpoint on Tuesday, officials said.\nMilitants also shelled the market.", "shelled", "2019-02-05", "no time in the sentence: the lede's weekday dates the news")]
    [InlineData("Rebels attacked a checkpoint in the north.\nTroops shelled the town on Saturday, police said. Militants also burned a school.", "burned", "2019-02-09", "the paragraph's own lede comes before the article's")]
    public void A_weekday_or_overnight_gives_a_day(string text, string trigger, string day, string reason)
    {
        var paragraphs = Paragraphs(text);
        var doc = Doc(text.Replace("\n", " ", StringComparison.Ordinal), "2019-02-10", paragraphs);
        var flat = text.Replace("\n", " ", StringComparison.Ordinal);
        int at = flat.IndexOf(trigger, StringComparison.Ordinal);
        var t = EventTimeResolver.Resolve(doc, new TextSpan(at, at + trigger.Length));
        Assert.True(t.Precision == TimePrecision.Day && t.Start?.ToString("yyyy-MM-dd") == day && t.End == t.Start, $"{reason}: got {t}");
    }

    // As the reader builds an article: headline, lede paragraph (LedeSpan), body paragraphs (Article.Paragraphs); the
    // headline and the lede are not among the body paragraphs. Publication Sunday 2019-02-10.
    [Theory]
    [InlineData("Rebels attack village", "Rebels raided the village on the night of Tuesday. Eleven civilians were killed, residents said.", "Troops arrived later.", "killed", "2019-02-05", "an event in the lede paragraph takes the lede's weekday")]
    [InlineData("Rebels attack village on Friday", "Rebels raided the village on Tuesday.", "Troops burned houses.", "burned", "2019-02-05", "the article's lede is the lede paragraph, not the headline")]
    public void The_lede_paragraph_dates_its_news(string title, string lede, string body, string trigger, string day, string reason)
    {
        var text = title + "\n\n" + lede + "\n\n" + body;
        var titleSpan = new TextSpan(0, title.Length);
        var ledeSpan = new TextSpan(title.Length + 2, title.Length + 2 + lede.Length);
        var bodySpan = new TextSpan(ledeSpan.End + 2, text.Length);
        var doc = Doc(text, "2019-02-10", [bodySpan], titleSpan, ledeSpan);
        int at = text.IndexOf(trigger, StringComparison.Ordinal);
        var t = EventTimeResolver.Resolve(doc, new TextSpan(at, at + trigger.Length));
        Assert.True(t.Precision == TimePrecision.Day && t.Start?.ToString("yyyy-MM-dd") == day && !t.Inherited, $"{reason}: got {t}");
    }

    [Theory]
    [InlineData("The army will attack the town on Tuesday.", "attack", "a planned attack after publication: no date after it, the modality says future")]
    [InlineData("Talks that could end the siege are due to resume in March.", "end", "a hypothetical after publication stays undated")]
    public void No_event_date_after_publication(string text, string trigger, string reason)
    {
        var doc = Doc(text, "2019-02-10");
        int at = text.IndexOf(trigger, StringComparison.Ordinal);
        var t = EventTimeResolver.Resolve(doc, new TextSpan(at, at + trigger.Length));
        Assert.True(t.Start is null && t.End is null && t.Relative == "FUTURE_REF", $"{reason}: got {t}");
    }

    // The paragraph ledes are walked once per document and kept: every trigger of one document must resolve as it does
    // in a fresh document of the same text (where nothing was kept), whichever trigger asked first. Publication Sunday 2019-02-10.
    [Theory]
    [InlineData("Rebels attacked a checkpoint on Tuesday, officials said.\nMilitants shelled the market. Troops burned houses.\nGunmen raided a village on Friday. Police arrested two men.", "the article's lede and a later paragraph's own lede date different events")]
    [InlineData("Rebels attacked a checkpoint in the north.\nTroops shelled the town on Saturday, police said. Militants also burned a school.\nDrones struck a depot.", "an undated lede: each paragraph falls back to its own lede or none")]
    [InlineData("Gunmen raided a village overnight. Police arrested two men.", "one paragraph, no body paragraphs: sentences in no paragraph keep their own sentence")]
    public void Kept_ledes_resolve_as_a_fresh_document(string text, string reason)
    {
        var flat = text.Replace("\n", " ", StringComparison.Ordinal);
        var paragraphs = text.Contains('\n', StringComparison.Ordinal) ? Paragraphs(text) : null;
        var kept = Doc(flat, "2019-02-10", paragraphs);
        var triggers = kept.Tokens.Where(t => t.Kind == TokenKind.Word).Select(t => t.Span).ToArray();
        foreach (var trigger in triggers.Reverse())
        {
            var fresh = EventTimeResolver.Resolve(Doc(flat, "2019-02-10", paragraphs), trigger);
            var again = EventTimeResolver.Resolve(kept, trigger);
            Assert.True(fresh == again, $"{reason}: '{flat[trigger.Start..trigger.End]}' at {trigger.Start}: fresh {fresh}, kept {again}");
        }
    }

    private static List<TextSpan> Paragraphs(string text)
    {
        var spans = new List<TextSpan>();
        int start = 0;
        foreach (var part in text.Split('\n'))
        {
            spans.Add(new TextSpan(start, start + part.Length));
            start += part.Length + 1;
        }
        return spans;
    }

    [Theory]
    [InlineData("Pupils who were kidnapped earlier this month have been freed.", "freed", "2019-02-09", "2019-02-10", "a time ending a relative clause does not date the main clause after it")]
    [InlineData("Pupils that were seized in 2018 were released.", "released", "2019-02-09", "2019-02-10", "same with 'that'")]
    public void A_relative_clause_keeps_its_time(string text, string trigger, string start, string end, string reason)
    {
        var doc = Doc(text, "2019-02-10");
        int at = text.IndexOf(trigger, StringComparison.Ordinal);
        var t = EventTimeResolver.Resolve(doc, new TextSpan(at, at + trigger.Length));
        Assert.True(t.Inherited && t.Start?.ToString("yyyy-MM-dd") == start && t.End?.ToString("yyyy-MM-dd") == end, $"{reason}: got {t}");
    }

    [Theory]
    [InlineData("Militants attacked a checkpoint near the border.", "2019-02-10", "2019-02-09", "2019-02-10", "no expression: inherits the publication day and the day before")]
    [InlineData("Militants attacked a checkpoint. The war began in 2011.", "2019-02-10", "2019-02-09", "2019-02-10", "a date in another sentence does not govern")]
    [InlineData("Fighters were held for about a month before they attacked.", "2019-02-10", "2019-02-09", "2019-02-10", "only a duration in the sentence: inherited")]
    [InlineData("Militants attacked a checkpoint near the border.", "2019-01-01", "2018-12-31", "2019-01-01", "the window crosses a year boundary")]
    public void Falls_back_to_inherited_publication_time(string text, string reference, string start, string end, string reason)
    {
        var doc = Doc(text, reference);
        int at = text.IndexOf("attacked", StringComparison.Ordinal);
        var t = EventTimeResolver.Resolve(doc, new TextSpan(at, at + 8));
        Assert.True(t.Inherited && t.Precision == TimePrecision.Week && t.Start?.ToString("yyyy-MM-dd") == start && t.End?.ToString("yyyy-MM-dd") == end, $"{reason}: got {t}");
    }

    [Fact]
    public void Inherited_time_without_reference_is_relative()
    {
        var doc = Doc("Militants attacked a checkpoint.", null);
        var t = EventTimeResolver.Resolve(doc, new TextSpan(10, 18));
        Assert.True(t.Inherited && t.Start is null && t.Relative == "-P1D/P0D", $"unknown reference keeps the inherited time relative: {t}");
    }

    // Publication Sunday 2019-02-10.
    [Theory]
    [InlineData("Gunmen raided a farm near Oldbridge. The attack on Tuesday left two dead.", "raided", "2019-02-05", "2019-02-05", "the next sentence restates the event with a definite noun and dates it")]
    [InlineData("Envoys held talks with the new governor. The mayor also attended the meeting on Thursday.", "held", "2019-02-07", "2019-02-07", "a restating object carries its weekday")]
    [InlineData("Gunmen burned a village. Many were hurt in the attack that occurred early on Friday.", "burned", "2019-02-08", "2019-02-08", "a relative clause on the restating noun itself dates it")]
    [InlineData("Troops detained five men in a village. The joint operation took place in early January.", "detained", "2019-01-01", "2019-01-10", "a restating subject carries a partial date with its own precision")]
    [InlineData("In January the valley saw two separate raids.\nThe first raid wounded a shepherd.", "wounded", "2019-01-01", "2019-01-31", "a sentence opening with a definite restatement takes the time of the sentence that told the event")]
    public void An_undated_event_takes_the_time_of_its_next_telling(string text, string trigger, string start, string end, string reason)
    {
        var flat = text.Replace("\n", " ", StringComparison.Ordinal);
        var doc = Doc(flat, "2019-02-10", text.Contains('\n', StringComparison.Ordinal) ? Paragraphs(text) : null);
        int at = flat.IndexOf(trigger, StringComparison.Ordinal);
        var t = EventTimeResolver.Resolve(doc, new TextSpan(at, at + trigger.Length));
        Assert.True(!t.Inherited && t.Start?.ToString("yyyy-MM-dd") == start && t.End?.ToString("yyyy-MM-dd") == end, $"{reason}: got {t}");
    }

    [Theory]
    [InlineData("Gunmen raided a farm near Oldbridge. An attack on Tuesday hit another farm.", "raided", "an indefinite noun tells another event, not this one again")]
    [InlineData("Gunmen raided a farm near Oldbridge. The attack recalled the massacre of 2011.", "raided", "a year in the restating sentence is background, not the event's date")]
    [InlineData("Gunmen raided a farm near Oldbridge. Police said on Tuesday that the raid was planned.", "raided", "the time dates the report across 'that': not the restatement's own")]
    [InlineData("Gunmen raided a farm near Oldbridge. The governor will visit the area on Friday.", "raided", "a restating noun with a time after publication gives nothing")]
    [InlineData("Gunmen raided a farm near Oldbridge. The latest raids come despite a truce that took effect on 2 February.", "raided", "a date inside a relative clause on another noun is not the restatement's")]
    [InlineData("Gunmen raided a farm near Oldbridge. The raids brought the toll to nine since soldiers stormed a camp on 2 February.", "raided", "a date behind 'since' dates the earlier happening")]
    [InlineData("Pupils who were kidnapped from a school have been freed. The kidnapping on 3 February shocked the town.", "freed", "the restating noun shares its stem with the relative clause's verb: it restates the kidnapping, not the release")]
    public void A_restatement_gives_only_its_own_past_date(string text, string trigger, string reason)
    {
        var doc = Doc(text, "2019-02-10");
        int at = text.IndexOf(trigger, StringComparison.Ordinal);
        var t = EventTimeResolver.Resolve(doc, new TextSpan(at, at + trigger.Length));
        Assert.True(t.Inherited, $"{reason}: got {t}");
    }

    [Theory]
    [InlineData("Gunmen raided a farm early on Thursday. Officials spoke to reporters on Saturday, 5 October 2024.", "raided", "2024-10-03", "no publication date: a weekday is the one on or before the latest day the text states in full")]
    [InlineData("A photo taken on 19 July 2021 shows the market. Forty people were killed on Monday, sources said.", "killed", "2021-07-19", "the stated day itself when it is that weekday")]
    public void Without_a_reference_a_weekday_hangs_on_the_latest_stated_day(string text, string trigger, string day, string reason)
    {
        var doc = Doc(text, null);
        int at = text.IndexOf(trigger, StringComparison.Ordinal);
        var t = EventTimeResolver.Resolve(doc, new TextSpan(at, at + trigger.Length));
        Assert.True(t.Precision == TimePrecision.Day && t.Start?.ToString("yyyy-MM-dd") == day && t.End == t.Start, $"{reason}: got {t}");
    }

    [Fact]
    public void Without_a_reference_or_a_stated_day_a_weekday_stays_relative()
    {
        var doc = Doc("Gunmen raided a farm early on Thursday.", null);
        var t = EventTimeResolver.Resolve(doc, new TextSpan(7, 13));
        Assert.True(t.Start is null && t.Relative is not null, $"nothing is invented without a reference or a full date: {t}");
    }

    [Theory]
    [InlineData(TimePrecision.Day, 1, "a day is ACLED 1")]
    [InlineData(TimePrecision.Week, 2, "a week is ACLED 2")]
    [InlineData(TimePrecision.Month, 3, "a month is ACLED 3")]
    [InlineData(TimePrecision.Season, 3, "coarser than a month is ACLED 3")]
    [InlineData(TimePrecision.Unknown, 3, "unknown is ACLED's coarsest")]
    public void Maps_precision_to_acled(TimePrecision p, int acled, string reason)
        => Assert.True(TimePrecisions.ToAcled(p) == acled, reason);
}
