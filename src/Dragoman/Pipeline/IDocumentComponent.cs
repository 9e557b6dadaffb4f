using Dragoman.Documents;

namespace Dragoman.Pipeline;

/// <summary>
/// One named step of the pipeline. Implementations are immutable after construction and
/// thread-safe: <see cref="Process"/> may run on many documents at once. They do no I/O and never read the clock.
/// </summary>
public interface IDocumentComponent
{
    string Name { get; }
    Layer Requires { get; }
    Layer Provides { get; }
    void Process(Document document);
}
