using Dragoman.Events;
using Dragoman.Tests.Support;

namespace Dragoman.Tests.Events;

/// <summary>
/// Event nouns derived from the verb dictionary with WordNet (data/events/nominal-triggers-derived.tsv, written by
/// tools/derive-nominal-triggers.py): each derived noun carries its verb's code, and only act nouns become events.
/// </summary>
public class DerivedNominalTriggerTests
{
    private static string Listing(Dragoman.Documents.Document d) => string.Join("; ", d.Events.Select(e => $"{EventTestDocs.TriggerText(d, e)}={e.Codes.Cameo}/{e.Codes.Plover?.Event}"));

    [Theory]
    [InlineData("The ELN was accused of the murder of two soldiers in the north last Friday.", "murder", "ASSAULT", "'murder' is the act noun WordNet derives from the dictionary's MURDER (190)")]
    [InlineData("Rebels killed four soldiers in an ambush on a convoy near the border on Monday.", "killed", "ASSAULT", "an ambush in the verb's prepositional phrase stays the means of the killing")]
    [InlineData("The eviction of 40 families by police began on Tuesday.", "eviction", "COERCE", "'eviction' derives from EVICT (174)")]
    [InlineData("The destruction of the bridge by rebels cut the road.", "destruction", "ASSAULT", "'destruction' derives from DESTROY (190)")]
    [InlineData("The expulsion of 300 migrants from the camp began on Tuesday.", "expulsion", "COERCE", "'expulsion' derives from EXPEL (174)")]
    public void Codes_a_derived_noun_with_its_verbs_type(string text, string trigger, string plover, string reason)
    {
        var d = EventTestDocs.Run(text);
        Assert.True(d.Events.Exists(e => EventTestDocs.TriggerText(d, e) == trigger && e.Codes.Plover?.Event == plover), $"{reason}: {Listing(d)}");
    }

    [Theory]
    [InlineData("A tropical storm of rare force flooded the valley on Monday.", "storm", "STORM is a dictionary verb (190), but the noun's first sense is weather, not an act")]
    [InlineData("The prosecution of the case said on Monday that the hearing would resume.", "prosecution", "'the prosecution' names the prosecutors: left out with its reason")]
    [InlineData("The target of the campaign is a lower budget deficit.", "target", "TARGET's noun is a goal, not an act")]
    public void Leaves_out_nouns_that_are_no_act(string text, string word, string reason)
    {
        var d = EventTestDocs.Run(text);
        Assert.False(d.Events.Exists(e => EventTestDocs.TriggerText(d, e) == word), $"{reason}: {Listing(d)}");
    }

    [Fact]
    public void Every_derived_noun_has_a_force_or_coercion_code_and_is_not_in_the_projects_list()
    {
        var dir = Path.Combine(Paths.RepoRoot, "data", "events");
        var own = TsvRows.Read(File.ReadAllText(Path.Combine(dir, EventResources.NominalFile))).Select(r => r.Fields[0]).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var rows = TsvRows.Read(File.ReadAllText(Path.Combine(dir, EventResources.DerivedNominalFile))).ToList();
        Assert.NotEmpty(rows);
        foreach (var (line, f) in rows)
        {
            Assert.True(f.Length == 5, $"line {line}: noun, cameo, of_role, cancel_before, verb");
            Assert.False(own.Contains(f[0]), $"line {line}: '{f[0]}' is in the project's own list, which decides it");
            Assert.True(EventTestDocs.Res.Codes.Cameo(f[1]) is not null && f[1][..2] is "14" or "15" or "17" or "18" or "19" or "20", $"line {line}: code {f[1]} is no CAMEO 14-15/17-20 code");
            Assert.True(EventTestDocs.Res.Verbs.Lookup(f[4]) is not null, $"line {line}: verb '{f[4]}' is not in the verb dictionary");
        }
    }
}
