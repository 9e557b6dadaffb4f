using Dragoman.Documents;
using Dragoman.Pipeline;

namespace Dragoman.Events.Counts;

/// <summary>
/// Gives every killed and injured count the class of its victims (<see cref="EventCount.Victims"/>): civilian or
/// combatant where the count's words or its clause's earlier person noun say so (<see cref="EventCount.Who"/>: women and
/// children are civilians, as ACLED codes them); where they do not ("40 dead in clashes"), the victim-class model's
/// reading with its probability, unknown when it is not sure enough or no model is loaded. Runs last, so that it reads
/// the document as the trainer read it (the finished document of the pipeline it was trained on: `train victims`), and
/// the FA-KES civilians figure, the exports and the page read one class.
/// </summary>
public sealed class VictimClassComponent(VictimClassModel? model) : IDocumentComponent
{
    public string Name => "victim-class";
    public Layer Requires => Layer.Events;
    public Layer Provides => Layer.None;
    public bool Refines => true;

    public void Process(Document document)
    {
        // computed first, then applied: a refining stage leaves the document unchanged when its budget stops it
        var classes = new List<(Event E, int I, VictimClass V)>();
        foreach (var e in document.Events)
            for (int i = 0; i < e.Counts.Count; i++)
                if (Classify(document, e, e.Counts[i]) is { } v) classes.Add((e, i, v));
        foreach (var (e, i, v) in classes) e.Counts[i] = e.Counts[i] with { Victims = v };
    }

    /// <summary>The class of a killed or injured count's victims; null for other kinds (arrested, displaced ...).</summary>
    public VictimClass? Classify(Document doc, Event e, EventCount c)
    {
        if (c.Kind is not ("killed" or "injured")) return null;
        if (FromText(c.Who) is { } named) return new VictimClass(named, TextEvidence(doc, c), VictimClass.FromText);
        return model?.Classify(doc, e, c) ?? new VictimClass(VictimClass.Unknown, c.Span, VictimClass.FromText);
    }

    /// <summary>The class the text's own person noun gives (<see cref="CountParser.Who"/>); null when it names none.</summary>
    public static string? FromText(string? who) => who switch
    {
        "civilian" or "child" or "woman" => VictimClass.Civilian,
        "combatant" => VictimClass.Combatant,
        _ => null,
    };

    /// <summary>
    /// The words that name the victims: the count's own ("seven civilians"); for a bare figure whose kind came from an
    /// earlier person noun of its clause ("ambushed a group of fighters, killing 15"), its sentence up to the figure.
    /// </summary>
    private static TextSpan TextEvidence(Document doc, EventCount c)
    {
        foreach (var w in c.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            if (CountParser.PersonNouns.ContainsKey(w.Trim(',', '.', ';', ':'))) return c.Span;
        int s = doc.SentenceAt(c.Span.Start);
        return s >= 0 && c.Text.All(ch => !char.IsLetter(ch)) ? new TextSpan(doc.Sentences[s].Start, c.Span.End) : c.Span;
    }
}
