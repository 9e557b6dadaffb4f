using System.Collections.Concurrent;
using Dragoman.Documents;
using Dragoman.Ingest;
using Dragoman.Pipeline;

namespace Dragoman.Tests.Events;

/// <summary>
/// The features the modality model reads of each telling (`train modality --dump`): the rules' step that gave their
/// answer, the trigger verb's form, hearsay words before it. Invented sentences through the pipeline without coreference.
/// </summary>
public class ModalityStepTests
{
    private static readonly ConcurrentDictionary<Event, IReadOnlyDictionary<string, double>> Traced = new(ReferenceEqualityComparer.Instance);

    private static readonly Lazy<DocumentPipeline> Pipeline = new(() =>
        StandardPipeline.Build(PipelineResources.Load(null), coreference: false, modalityTrace: (e, f) => Traced[e] = f));

    private static IReadOnlyDictionary<string, double> FeaturesOf(string text, string trigger)
    {
        var raw = new RawDocument("test:text", System.Text.Encoding.UTF8.GetBytes(text), ContentTypes.Text);
        var doc = BatchProcessor.ProcessOne(InputItem.Read(raw), Pipeline.Value, new DateOnly(2023, 3, 14)).Document
            ?? throw new Xunit.Sdk.XunitException("text input failed");
        var ev = doc.Events.Find(e => doc.Slice(e.Trigger).StartsWith(trigger, StringComparison.Ordinal))
            ?? throw new Xunit.Sdk.XunitException($"no '{trigger}' event in {string.Join(", ", doc.Events.Select(e => doc.Slice(e.Trigger)))}");
        return Traced.TryGetValue(ev, out var f) ? f : throw new Xunit.Sdk.XunitException($"'{trigger}': no features traced");
    }

    [Theory]
    [InlineData("Bandits raided a cattle market outside the town on Thursday.", "raided", "step:none", "rule:asserted",
        "no cue, hedge or claim: the outlet's own voice, the rules' last step")]
    [InlineData("Bandits raided a cattle market outside the town on Thursday, a local chief said.", "raided", "step:cue", "rule:reported",
        "a speaker's cue governs the clause: reported by the cue step")]
    [InlineData("Bandits will raid the cattle market again next month.", "raid", "step:expectation", "rule:expected",
        "a future auxiliary before the trigger: the expectation step")]
    [InlineData("Bandits might raid the cattle market again, traders fear.", "raid", "step:hypothesis", "rule:hypothetical",
        "a modal of possibility before the trigger: the hypothesis step, before the cue")]
    [InlineData("The Hill Brigade claimed responsibility for the bombing of the fuel depot.", "bombing", "step:claim-responsibility", "rule:claimed",
        "a claim of responsibility before the trigger")]
    public void The_rules_step_is_a_feature(string text, string trigger, string step, string rule, string reason)
    {
        var f = FeaturesOf(text, trigger);
        Assert.True(f.ContainsKey(step), $"{reason}: features {string.Join(' ', f.Keys)}");
        Assert.True(f.ContainsKey(rule), $"{reason}: features {string.Join(' ', f.Keys)}");
        Assert.Single(f.Keys, k => k.StartsWith("step:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Bandits reportedly raided a cattle market outside the town.", "raided", "clause:evidential", true, "a hearsay adverb before the trigger")]
    [InlineData("Bandits raided a cattle market outside the town.", "raided", "clause:evidential", false, "no hearsay word: no feature")]
    [InlineData("Bandits raided a cattle market outside the town.", "raided", "trigger:form:ed", true, "a past form ends in -ed")]
    [InlineData("Bandits are raiding cattle markets outside the town.", "raiding", "trigger:form:ing", true, "a progressive form ends in -ing")]
    public void General_features_of_the_telling(string text, string trigger, string feature, bool present, string reason)
    {
        var f = FeaturesOf(text, trigger);
        Assert.True(f.ContainsKey(feature) == present, $"{reason}: features {string.Join(' ', f.Keys)}");
    }
}
