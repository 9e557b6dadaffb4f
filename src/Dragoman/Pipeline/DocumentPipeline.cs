using Dragoman.Documents;

namespace Dragoman.Pipeline;

/// <summary>An immutable, validated sequence of components. Reuse one instance across articles and threads.</summary>
public sealed class DocumentPipeline
{
    private readonly IDocumentComponent[] _components;

    internal DocumentPipeline(IDocumentComponent[] components) => _components = components;

    public IReadOnlyList<IDocumentComponent> Components => _components;

    /// <summary>Runs every component on the document. A failing component is reported with its name.</summary>
    public Document Process(Document document)
    {
        foreach (var component in _components)
        {
            try
            {
                component.Process(document);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                throw new PipelineException(component.Name, document.Article.Uri, ex);
            }
        }
        return document;
    }
}

public sealed class PipelineException(string component, string uri, Exception inner)
    : Exception($"component '{component}' failed on {uri}: {inner.Message}", inner)
{
    public string Component { get; } = component;
}
