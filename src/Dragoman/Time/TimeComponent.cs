using Dragoman.Documents;
using Dragoman.Pipeline;

namespace Dragoman.Time;

/// <summary>Fills <see cref="Document.Times"/> with the temporal expressions of the text, normalised against the reference date.</summary>
public sealed class TimeComponent : IDocumentComponent
{
    public string Name => "time";
    public Layer Requires => Layer.Tokens | Layer.Sentences;
    public Layer Provides => Layer.Times;

    public void Process(Document document)
    {
        document.Times.Clear();
        document.Times.AddRange(TimeTagger.Tag(document));
        if (document.ReferenceDate is null && document.Times.Count > 0)
            document.Warnings.Add("time: reference date unknown; relative times are kept relative to publication (see TimeExpression.Relative)");
    }
}
