using Dragoman.Documents;
using Dragoman.Ingest;
using Dragoman.Pipeline;
using Dragoman.Tests.Support;

namespace Dragoman.Tests.Events;

/// <summary>
/// Issue 12's two date rules on whole real sets (every article of ../shared's pages and of the samples, each its own publication date):
/// no event dated after publication unless the text says it is expected or hypothetical, and no year outside
/// 1900..publication year + 1 read from a bare number ("resolution 2118", "the 1070 housing project" are no years).
/// A later year after a preposition of time stays a date of the time layer ("a term until 2031": a deadline, which
/// the time stage keeps and no event takes as its date), so later years are checked on the events' dates.
/// </summary>
public class EventDateRulesTests
{
    // input under ../shared/data, the least number of dated articles it must give (a reader that stops reading fails), reason
    [SharedTheory]
    [InlineData("articles-gold/input.jsonl", 65, "articles-gold: 120 real pages, 70 of them with a publication date in the gold (from the page or its address)")]
    [InlineData("fa-kes/fakes.dev.csv", 350, "FA-KES development rows: 402 reports on the Syrian war, dates from the date column")]
    public void No_event_after_publication_without_expected_or_hypothetical_modality_and_no_bare_number_year_out_of_range(string input, int leastDated, string reason) =>
        AssertDateRules(Path.Combine(Paths.SharedData, input), leastDated, reason);

    // the README's own sample inputs (in the repository, so no ../shared needed), least dated articles, reason
    [Theory]
    [InlineData("samples", 5, "the samples a new user ingests first: pages, wires, a feed batch, each with its date line or metadata date")]
    public void The_samples_keep_the_date_rules_too(string input, int leastDated, string reason) =>
        AssertDateRules(Path.Combine(Paths.RepoRoot, input), leastDated, reason);

    private static void AssertDateRules(string input, int leastDated, string reason)
    {
        var breaches = new List<string>();
        int dated = 0;
        foreach (var outcome in BatchProcessor.Process(InputSources.Expand([input]), TestPipeline.Instance, null))
        {
            if (outcome.Document is not { ReferenceDate: { } published } doc) continue;
            dated++;
            foreach (var e in doc.Events)
                if (e.Time is { Inherited: false, Start: { } start } t && start > published && e.Modality is not (Modality.Expected or Modality.Hypothetical))
                    breaches.Add($"{doc.Article.Uri}: '{doc.Slice(e.Trigger)}' dated {start:yyyy-MM-dd} ('{t.Text}') after {published:yyyy-MM-dd}, modality {e.Modality}");
            foreach (var x in doc.Times)
                if (IsBareNumber(x.Text) && x.Start is { Year: < 1900 } s)
                    breaches.Add($"{doc.Article.Uri}: year {s.Year} from the bare number '{x.Text}'");
            foreach (var e in doc.Events)
                if (e.Time is { Inherited: false, Start: { } es } et && IsBareNumber(et.Text) && (es.Year < 1900 || es.Year > published.Year + 1))
                    breaches.Add($"{doc.Article.Uri}: '{doc.Slice(e.Trigger)}' dated {es.Year} from the bare number '{et.Text}' (published {published:yyyy-MM-dd})");
        }
        Assert.True(dated >= leastDated, $"{reason}: only {dated} dated articles processed");
        Assert.True(breaches.Count == 0, $"{reason}:\n{string.Join('\n', breaches.Take(20))}");
    }

    // text, whether it is a bare number, reason
    [Theory]
    [InlineData("2118", true, "digits alone")]
    [InlineData("in 2011", false, "a preposition makes it a date expression")]
    [InlineData("March 2011", false, "a month name makes it a date expression")]
    [InlineData("", false, "no text is no number")]
    public void A_bare_number_is_digits_alone(string text, bool expected, string reason) =>
        Assert.True(IsBareNumber(text) == expected, reason);

    private static bool IsBareNumber(string text) => text.Length > 0 && text.All(char.IsAsciiDigit);
}
