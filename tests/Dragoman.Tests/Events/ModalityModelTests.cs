using Dragoman.Documents;
using Dragoman.Events.Modalities;

namespace Dragoman.Tests.Events;

/// <summary>The modality model: a multinomial logit over the factual modalities, backing the cue rules (models/modality/README.md).</summary>
public class ModalityModelTests
{
    private static IReadOnlyDictionary<string, double> F(params string[] names) =>
        names.Append("bias").ToDictionary(n => n, _ => 1.0, StringComparer.Ordinal);

    /// <summary>Invented training tellings: a cue after the trigger is a report, a speaker who is the actor a claim, none asserted.</summary>
    private static List<(IReadOnlyDictionary<string, double>, Modality)> Data()
    {
        var data = new List<(IReadOnlyDictionary<string, double>, Modality)>();
        for (int i = 0; i < 6; i++)
        {
            data.Add((F("cue", "cue:after", "source:named"), Modality.Reported));
            data.Add((F("cue", "cue:before", "source:named", "source:is-actor"), Modality.Claimed));
            data.Add((F("cue:none", "position:lede"), Modality.Asserted));
        }
        return data;
    }

    [Theory]
    [InlineData(new[] { "cue", "cue:after", "source:named" }, Modality.Asserted, Modality.Reported, "a source's cue after the clause: reported, whatever the rules said")]
    [InlineData(new[] { "cue", "cue:before", "source:named", "source:is-actor" }, Modality.Reported, Modality.Claimed, "the speaker is the actor: claimed")]
    [InlineData(new[] { "cue:none", "position:lede" }, Modality.Reported, Modality.Asserted, "no cue: the outlet's own voice")]
    [InlineData(new[] { "cue", "cue:after", "source:named" }, Modality.Expected, Modality.Expected, "a hedged answer of the rules stands: the model decides among factual ones only")]
    [InlineData(new[] { "cue:none" }, Modality.Negated, Modality.Negated, "a negation stands")]
    public void Chooses_among_the_factual_modalities(string[] features, Modality rule, Modality expected, string reason)
    {
        var model = ModalityModel.Train(Data(), l2: 0.01);
        Assert.True(model.Decide(F(features), rule) == expected, reason);
    }

    [Fact]
    public void A_saved_model_reads_back_with_the_same_answers()
    {
        var model = ModalityModel.Train(Data(), l2: 0.01);
        var path = Path.Combine(Path.GetTempPath(), $"modality-{Guid.NewGuid():N}.tsv");
        try
        {
            model.Save(path, ["test model"]);
            var loaded = ModalityModel.Load(path);
            Assert.True(loaded.IsOk, loaded.Error);
            foreach (var (x, _) in Data())
                Assert.Equal(model.Probabilities(x)[0], loaded.Value!.Probabilities(x)[0], 3);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void A_file_with_another_header_is_refused() =>
        Assert.False(ModalityModel.Load(Path.Combine(AppContext.BaseDirectory, "models", "roles", "roles.tsv")).IsOk);
}
