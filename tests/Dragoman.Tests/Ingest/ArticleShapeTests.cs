using Dragoman.Documents;
using Dragoman.Tests.Support;

namespace Dragoman.Tests.Ingest;

/// <summary>Title, lede, credits, dropped chrome, date and keywords per page shape (fixtures written by the project).</summary>
public class ArticleShapeTests
{
    [Theory]
    [InlineData("html_article_jsonld_graph.html", "Water station repaired in Hasakah", "Engineers restored pumping", "h1 inside <article><header>; dek class makes the lede")]
    [InlineData("html_divsoup_meta.html", "Curfew imposed in Deir ez-Zor villages", "Local authorities imposed", "no h1: og:title with its ' - Site' suffix cut")]
    [InlineData("html_plain_paragraphs.html", "Convoy reaches besieged camp", "A convoy of twelve trucks", "h1 outside the paragraph container is still the title")]
    [InlineData("html_jsonld_body_only.html", "Bridge over the Khabur reopened", "Engineers reopened the bridge", "empty app shell: title and body from JSON-LD")]
    [InlineData("text_wire_dateline.txt", "Fighters seize hilltop near Kabani after clashes", "ALEPPO, Aug. 4 (Northern Wire) -", "byline between title and lede is not the lede")]
    [InlineData("text_hardwrapped_translated.txt", "Teachers arrested in Idlib countryside", "Security men belonging to an armed faction arrested three school teachers", "hard-wrapped lines joined into one paragraph")]
    [InlineData("text_dateline_august.txt", "Refugees return to Jarabulus after border opens", "Several hundred families", "menu line and date line before the title are not the title")]
    [InlineData("html_wordpress_translated.html", "Checkpoint Raids Spread in Rural Hama", "Military Security patrols stopped buses", "entry-title outside entry-content; title repeated after the lede")]
    public void Title_and_lede(string fixture, string title, string ledeStart, string reason)
    {
        var a = IngestHarness.Fixture(fixture);
        Assert.True(a.Title == title, $"{reason}: title was '{a.Title}'");
        Assert.True(a.Lede is not null && a.Lede.StartsWith(ledeStart, StringComparison.Ordinal), $"{reason}: lede was '{a.Lede}'");
        Assert.Equal(a.Title, a.TitleSpan!.Value.Of(a.Text));
        Assert.Equal(a.Lede, a.LedeSpan!.Value.Of(a.Text));
        Assert.Equal(1, CountOf(a.Text, title));
    }

    [Theory]
    [InlineData("html_article_jsonld_graph.html", "author=Leila Barakat", "JSON-LD author array")]
    [InlineData("html_divsoup_meta.html", "author=Marwan Saleh|original-outlet=Euphrates Voice", "author-name class; 'Source: Y' line")]
    [InlineData("html_plain_paragraphs.html", "original-outlet=Badia Bulletin", "'originally published by the Y' sentence")]
    [InlineData("text_wire_dateline.txt", "author=Hana Saleh|author=Tom Reed|original-outlet=Northern Wire", "'By X and Y' byline; agency in the wire dateline")]
    [InlineData("text_hardwrapped_translated.txt", "original-outlet=Qasioun Daily|translator=Sami Aziz", "'(Source: Y)' line; 'Translated from Arabic by X'")]
    [InlineData("text_dateline_august.txt", "disclaimer=The opinions expressed here are solely those of the author and do not reflect the position of this website.", "opinion disclaimer")]
    [InlineData("html_jsonld_body_only.html", "", "no credits at all")]
    [InlineData("html_wordpress_translated.html", "disclaimer=Responsibility for the information and views set out in this report lies entirely with the author.|original-outlet=Hama Now|translator=The Orontes Review", "HTML translated item: 'writes Y' lede, translation credit, disclaimer")]
    public void Credits(string fixture, string expected, string reason)
    {
        var a = IngestHarness.Fixture(fixture);
        var got = string.Join("|", a.Credits.Select(c => $"{c.Role}={c.Name}").Order(StringComparer.Ordinal));
        var want = string.Join("|", expected.Split('|', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
        Assert.True(got == want, $"{reason}: got '{got}'");
    }

    [Theory]
    [InlineData("html_article_jsonld_graph.html", "Brand Logo=logo or image alt text outside the article¦Sign up for our newsletter=site chrome (newsletter)¦Most read=sidebar", "masthead logo, newsletter box, sidebar")]
    [InlineData("html_divsoup_meta.html", "Home | News=outside the article body¦cookies=outside the article (cookie)¦Read more:=related-content link¦Photo: Eastern Mirror=figure or photo caption", "menu, cookie notice, related link, caption")]
    [InlineData("text_wire_dateline.txt", "By Hana Saleh=byline (kept as author credit)¦Keywords:=keyword list (kept as keywords)¦All rights reserved=copyright footer", "byline, keyword line, copyright")]
    [InlineData("text_hardwrapped_translated.txt", "Advertisement=advertisement label¦Subscribe to our newsletter=subscribe or follow prompt¦(Source: Qasioun Daily)=source line (kept as original-outlet credit)", "ad label, newsletter prompt, source line")]
    [InlineData("text_dateline_august.txt", "Home | News=navigation menu¦August 1 2011=date line (read as publication date)¦Refugees return=title repeated in the body¦opinions expressed=disclaimer (kept as credit)¦cookies=cookie notice", "menu, date line, repeated title, disclaimer, cookies")]
    [InlineData("html_wordpress_translated.html", "Skip to content=outside the article (skip-link)¦Logo Wide=page header¦ADVERTISEMENT=advertisement label¦Helpful keywords=label of an empty keywords/related block¦Hama, Salamiyah, detentions=keyword list (kept as keywords)¦Share this:=share buttons¦Leave a Reply=outside the article (comments)¦Responsibility for the information=disclaimer (kept as credit)", "WordPress page: skip link, masthead, ad label, keywords label and items, share box, comments")]
    public void Dropped_chrome_with_reasons(string fixture, string expected, string reason)
    {
        var a = IngestHarness.Fixture(fixture);
        var raw = File.ReadAllText(Path.Combine(IngestHarness.Fixtures, fixture), System.Text.Encoding.Latin1).Replace("\r\n", "\n");
        foreach (var pair in expected.Split('¦'))
        {
            var (text, why) = (pair[..pair.IndexOf('=')], pair[(pair.IndexOf('=') + 1)..]);
            var hit = a.Dropped.FirstOrDefault(d => d.Text.Contains(text, StringComparison.Ordinal));
            Assert.True(hit is not null, $"{reason}: nothing dropped containing '{text}'");
            Assert.True(hit.Reason == why, $"{reason}: '{text}' dropped as '{hit.Reason}', expected '{why}'");
            Assert.True(hit.Start >= 0 && hit.End <= raw.Length + 1 && hit.End > hit.Start, $"{reason}: span {hit.Start}-{hit.End} outside the raw text");
            Assert.DoesNotContain(text == "Refugees return" ? "\n\nRefugees return" : text, a.Text);
            if (hit.Reason.StartsWith("disclaimer", StringComparison.Ordinal)) Assert.Contains(text, raw[hit.Start..hit.End]);
            if (hit.Reason.StartsWith("disclaimer", StringComparison.Ordinal)) Assert.DoesNotContain("translated", raw[hit.Start..hit.End]);
        }
    }

    [Theory]
    [InlineData("html_article_jsonld_graph.html", "2021-09-02", "json-ld datePublished", "JSON-LD in @graph beats everything else")]
    [InlineData("html_divsoup_meta.html", "2022-01-17", "meta article:published_time", "meta tag; the date as the source wrote it (+03:00), not converted to UTC")]
    [InlineData("html_plain_paragraphs.html", "2018-02-11", "time element", "only a <time datetime>")]
    [InlineData("text_dateline_august.txt", "2011-08-01", "date line", "'August 1 2011' line")]
    [InlineData("html_wordpress_translated.html", "2020-11-03", "meta article:published_time", "meta tag beats the entry-date <time>")]
    [InlineData("text_wire_dateline.txt", null, null, "'Aug. 4' dateline has no year: unknown, not guessed")]
    [InlineData("text_hardwrapped_translated.txt", null, null, "no date anywhere")]
    public void Publication_date(string fixture, string? date, string? source, string reason)
    {
        var a = IngestHarness.Fixture(fixture);
        Assert.True(a.Published?.ToString("yyyy-MM-dd") == date, $"{reason}: got {a.Published}");
        Assert.True(a.PublishedSource == source, $"{reason}: source {a.PublishedSource}");
    }

    [Theory]
    [InlineData("html_article_jsonld_graph.html", "Hasakah|water|infrastructure", "Frontline Gazette", "JSON-LD keywords string and publisher")]
    [InlineData("html_divsoup_meta.html", "Deir ez-Zor|curfew", "Eastern Mirror", "news_keywords with ';' and og:site_name")]
    [InlineData("text_wire_dateline.txt", "Latakia|Kabani|clashes", "Northern Wire", "'Keywords:' line; publisher from the copyright footer")]
    [InlineData("html_plain_paragraphs.html", "", "Desert Media Group", "copyright line outside the container names the publisher")]
    [InlineData("html_wordpress_translated.html", "Hama|Salamiyah|detentions", "The Orontes Review", "items under a 'Helpful keywords' heading; publisher from the footer")]
    public void Keywords_and_publisher(string fixture, string keywords, string publisher, string reason)
    {
        var a = IngestHarness.Fixture(fixture);
        Assert.True(string.Join("|", a.Keywords) == keywords, $"{reason}: keywords {string.Join("|", a.Keywords)}");
        Assert.True(a.Publisher == publisher, $"{reason}: publisher {a.Publisher}");
    }

    [Theory]
    [InlineData("html_article_jsonld_graph.html", "dek + 3 paragraphs")]
    [InlineData("text_wire_dateline.txt", "lede + 2 paragraphs")]
    [InlineData("text_hardwrapped_translated.txt", "wrapped paragraphs")]
    public void Layout_is_title_lede_paragraphs_with_blank_lines(string fixture, string reason)
    {
        var a = IngestHarness.Fixture(fixture);
        var expected = string.Join("\n\n", new[] { a.Title!, a.Lede! }.Concat(a.Paragraphs.Select(p => p.Of(a.Text))));
        Assert.True(a.Text == expected, reason);
        Assert.DoesNotContain("\n\n\n", a.Text);
        Assert.Equal(Dragoman.Ingest.ArticleReader.Hash(a.Text), a.ContentHash);
    }

    [SharedFact]
    public void Seed_reads_as_the_issue_requires()
    {
        var a = IngestHarness.ReadAll([Paths.Seed]).Single().Article!;
        const string title = "Assad Regime Releases Islamic State Prisoners";
        Assert.Equal(title, a.Title);
        Assert.Equal(1, CountOf(a.Text, title));
        Assert.StartsWith("It thought that", a.Lede);
        Assert.EndsWith("reports Alsouria Net.", a.Lede);
        Assert.Contains(a.Credits, c => c.Role == CreditRole.Translator && c.Name == "The Syrian Observer");
        Assert.Contains(a.Credits, c => c.Role == CreditRole.OriginalOutlet && c.Name == "Alsouria Net");
        Assert.Contains(a.Dropped, d => d.Text == "Logo Wide" && d.Reason.Length > 0);
        Assert.Contains(a.Dropped, d => d.Text == "Helpful keywords" && d.Reason.Length > 0);
        Assert.Contains(a.Dropped, d => d.Reason.StartsWith("disclaimer", StringComparison.Ordinal));
        Assert.DoesNotContain("Logo Wide", a.Text);
        Assert.DoesNotContain("Helpful keywords", a.Text);
        Assert.DoesNotContain("Responsibility for the information", a.Text);
        Assert.Null(a.Published);
        var raw = File.ReadAllText(Paths.Seed).Replace("\r\n", "\n");
        foreach (var d in a.Dropped) Assert.Equal(d.Text, raw[d.Start..d.End]);
    }

    private static int CountOf(string text, string part)
    {
        int n = 0, i = 0;
        while ((i = text.IndexOf(part, i, StringComparison.Ordinal)) >= 0) { n++; i += part.Length; }
        return n;
    }
}
