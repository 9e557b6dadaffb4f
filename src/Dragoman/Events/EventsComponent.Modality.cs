using Dragoman.Documents;
using Dragoman.Events.Modalities;

namespace Dragoman.Events;

public sealed partial class EventsComponent
{
    /// <summary>Decides among the factual modalities of a telling the cue rules call factual (models/modality); without it the rules decide.</summary>
    public ModalityModel? ModalityModel { get; init; }

    /// <summary>When set, every telling's modality features and the rules' answer are reported to it (the modality model's training data, `train modality`).</summary>
    public Action<Event, IReadOnlyDictionary<string, double>>? ModalityTrace { get; init; }

    /// <summary>The cue rules' modality (docs/event-codes.md, "Modality"), then the model's choice among the factual ones.</summary>
    private Modality DecideModality(Event ev, ModalityInput input)
    {
        if (ModalityModel is null && ModalityTrace is null) return input.Rule;
        var features = ModalityFeatures.Of(input);
        ModalityTrace?.Invoke(ev, features);
        return ModalityModel?.Decide(features, input.Rule) ?? input.Rule;
    }
}
