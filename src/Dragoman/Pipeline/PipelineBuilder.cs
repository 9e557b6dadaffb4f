namespace Dragoman.Pipeline;

/// <summary>Collects components and checks, when built, that each one's required layers are provided before it.</summary>
public sealed class PipelineBuilder
{
    private readonly List<IDocumentComponent> _components = [];

    public PipelineBuilder Add(IDocumentComponent component)
    {
        if (_components.Exists(c => c.Name == component.Name))
            throw new InvalidOperationException($"a component named '{component.Name}' is already in the pipeline");
        _components.Add(component);
        return this;
    }

    public DocumentPipeline Build()
    {
        var provided = Layer.None;
        foreach (var component in _components)
        {
            var missing = component.Requires & ~provided;
            if (missing != Layer.None)
                throw new InvalidOperationException(
                    $"component '{component.Name}' requires {missing}, which no earlier component provides");
            provided |= component.Provides;
        }
        return new DocumentPipeline([.. _components]);
    }
}
