using Dragoman.Documents;
using Dragoman.Tests.Support;

namespace Dragoman.Tests.Events;

/// <summary>
/// The seed article's events, with the Document layers other stages will fill (credits) built by hand. The text is the
/// seed's body as read from ../shared/seeds (chrome lines are left in: the events must not depend on them).
/// </summary>
public class SeedEventTests
{
    private static readonly Lazy<Document> Seed = new(() =>
        EventTestDocs.Run(File.ReadAllText(Paths.Seed), (CreditRole.OriginalOutlet, "Alsouria Net"), (CreditRole.Translator, "The Syrian Observer")));

    private static Document D => Seed.Value;

    private static string Sentence(Event e) => D.Slice(e.Evidence[0]);

    [SharedFact]
    public void Release_by_the_air_force_intelligence_of_more_than_30_fighters_is_reported_by_anonymous_sources()
    {
        // reason: passive "were released by", count "more than 30" (min 31), sources chain nearest first
        var e = D.Events.Single(e => e.Codes.Cameo == "0841" && e.Counts.Exists(c => c.Min == 31));
        Assert.Contains("Air Force Intelligence", e.Actor!.Text, StringComparison.Ordinal);
        Assert.Contains("30 fighters", e.Target!.Text, StringComparison.Ordinal);
        var count = e.Counts.Single(c => c.Min == 31);
        Assert.Null(count.Max);
        Assert.Equal("released", count.Kind);
        Assert.Equal(Modality.Reported, e.Modality);
        Assert.Equal([SourceKind.Anonymous, SourceKind.Outlet, SourceKind.Translator], e.Sources.Select(s => s.Kind));
        Assert.Equal(["Alsouria Net", "The Syrian Observer"], e.Sources.Skip(1).Select(s => s.Name));
        Assert.Equal("RETREAT", e.Codes.Plover!.Event);
        Assert.Equal("release", e.Codes.Plover.Mode);
        Assert.Equal(7, e.Codes.Goldstein);
    }

    [SharedFact]
    public void First_release_sentence_is_one_event_with_its_restatement_folded_in()
    {
        // reason: "The release of these members by the regime" restates the first release; no duplicate event
        // (the page's title-case headline line, read without a title span here, is an event of its own before it)
        var first = D.Events.First(e => e.Codes.Cameo == "0841" && Sentence(e).StartsWith("Over the last two weeks", StringComparison.Ordinal));
        Assert.Contains("Air Force Intelligence", first.Actor!.Text, StringComparison.Ordinal);
        Assert.Contains("Islamic State", first.Target!.Text, StringComparison.Ordinal);
        Assert.True(first.Evidence.Count >= 2);
        Assert.DoesNotContain(D.Events, e => D.Slice(e.Trigger) == "release" && Sentence(e).StartsWith("The release of these members", StringComparison.Ordinal));
    }

    [SharedFact]
    public void Attacks_on_checkpoints_are_expected_not_asserted()
    {
        var e = D.Events.Single(e => e.Target?.Text.Contains("checkpoints", StringComparison.Ordinal) == true);
        Assert.Equal(Modality.Expected, e.Modality);
        Assert.StartsWith("19", e.Codes.Cameo, StringComparison.Ordinal);
        Assert.Equal("anonymous", e.Sources[0].Kind);
    }

    [SharedFact]
    public void Limited_attacks_are_kept_as_an_expectation()
    {
        // reason: "attacks would be very limited in scope" is an expectation, never an attack that occurred
        var attacks = D.Events.Where(e => e.Evidence.Any(x => D.Slice(x).Contains("very limited in scope", StringComparison.Ordinal))).ToList();
        Assert.NotEmpty(attacks);
        Assert.All(attacks, e => Assert.Equal(Modality.Expected, e.Modality));
    }

    [SharedFact]
    public void Conscription_of_about_3000_fighters_by_the_russians()
    {
        var e = D.Events.Single(e => e.Codes.Cameo == "154");
        Assert.Equal("the Russians", e.Actor!.Text);
        var c = e.Counts.Single();
        Assert.Equal(3000, c.Min);
        Assert.Equal("fighters", c.Kind);
        Assert.Equal("MOBILIZE", e.Codes.Plover!.Event);
        Assert.Equal(Modality.Asserted, e.Modality);
    }

    [SharedFact]
    public void Arrest_campaign_is_expected()
    {
        var e = D.Events.Single(e => D.Slice(e.Trigger) == "arrest campaign");
        Assert.Equal("173", e.Codes.Cameo);
        Assert.Equal(Modality.Expected, e.Modality);
        Assert.Equal("Arrests", e.Codes.Acled!.SubEventType);
    }

    [SharedFact]
    public void Anonymous_sources_in_daraa_are_attributed_with_their_place()
    {
        var a = D.Attributions.Single(a => D.Slice(a.Scope).StartsWith("Alsouria Net’s sources in Daraa", StringComparison.Ordinal));
        Assert.Equal(new[] { "anonymous:sources@Daraa", "outlet:Alsouria Net", "translator:The Syrian Observer" },
            a.Chain.Select(s => $"{s.Kind}:{s.Name}" + (s.Location is null ? "" : "@" + s.Location)));
    }
}
