using Dragoman.Documents;
using Dragoman.Pipeline;

namespace Dragoman.Entities;

/// <summary>
/// Named-entity recognition with the trained <see cref="NerModel"/>: adds PERSON, ORG, GPE, LOC, NORP and MISC mentions
/// (source "ner") with the tagger's confidence.
/// </summary>
public sealed class NerComponent(NerModel model) : IDocumentComponent
{
    public const string DefaultModelName = "dragoman-ner.bin";

    /// <summary>The bundled model, copied next to the binary from the repository's models/ner folder.</summary>
    public static string DefaultModelPath => Path.Combine(AppContext.BaseDirectory, "models", "ner", DefaultModelName);

    private static readonly Lazy<NerModel> Bundled = new(() =>
    {
        var m = NerModel.Load(DefaultModelPath);
        return m.IsOk ? m.Value! : throw new InvalidOperationException($"NER model missing or unreadable: {m.Error}");
    });

    /// <summary>The bundled model, loaded once per process and shared (the model is immutable).</summary>
    public static NerModel BundledModel => Bundled.Value;

    public string Name => "ner";
    public Layer Requires => Layer.Tokens | Layer.Sentences;
    public Layer Provides => Layer.Mentions;
    public NerModel Model => model;

    /// <summary>Words of social-media buttons and footers that scraped text keeps ("Subscribe", "Follow", "Copyright").</summary>
    private static readonly HashSet<string> PageButtons = new(StringComparer.OrdinalIgnoreCase)
    {
        "like", "follow", "subscribe", "share", "tweet", "copyright", "connect", "youtube", "print", "email",
    };

    private static bool IsPageButton(string text, Token t) =>
        char.IsUpper(text[t.Start]) && PageButtons.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text.AsSpan(t.Start, t.End - t.Start));

    public void Process(Document document)
    {
        var (labels, conf) = model.Tag(document.Text, document.Tokens, document.Sentences);
        foreach (var s in document.Sentences)
        {
            foreach (var span in NerLabels.Decode(labels.AsSpan(s.FirstToken, s.TokenCount)))
            {
                // page chrome left in scraped text ("SUBSCRIBE TRT World", "Like Follow Follow Copyright"): its
                // buttons are no part of a name
                int from = s.FirstToken + span.Start, to = s.FirstToken + span.End;
                while (from < to && IsPageButton(document.Text, document.Tokens[from])) from++;
                while (to > from && IsPageButton(document.Text, document.Tokens[to - 1])) to--;
                if (from == to) continue;
                var first = document.Tokens[from];
                var last = document.Tokens[to - 1];
                var text = document.Text[first.Start..last.End];
                double c = 1;
                for (int i = from; i < to; i++) c = Math.Min(c, conf[i]);
                c = Math.Round(c, 3);
                var type = EntityTypeMapper.Map(NerLabels.Classes[span.Class], text, model.Gazetteer);
                // "Syrias Aleppo", "Iraqs Mosul": a possessive that lost its apostrophe (scraped text) joins a country
                // to the place after it; they are two names
                if (to - from >= 2 && model.Gazetteer is { } lists && EntityTypeMapper.CountryWithoutApostrophe(document.Text.AsSpan(first.Start, first.End - first.Start), lists))
                {
                    var next = document.Tokens[from + 1];
                    var rest = document.Text[next.Start..last.End];
                    document.Mentions.Add(new Mention { Span = new TextSpan(first.Start, first.End), Type = EntityType.GPE, Text = document.Text[first.Start..first.End], Source = Name, Confidence = c });
                    document.Mentions.Add(new Mention
                    {
                        Span = new TextSpan(next.Start, last.End), Type = EntityTypeMapper.IsListedPlace(rest, lists) ? EntityType.GPE : type,
                        Text = rest, Source = Name, Confidence = c,
                    });
                    continue;
                }
                document.Mentions.Add(new Mention
                {
                    Span = new TextSpan(first.Start, last.End),
                    Type = type,
                    Text = text,
                    Source = Name,
                    Confidence = c,
                });
            }
        }
    }
}
