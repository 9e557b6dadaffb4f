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

    /// <summary>
    /// Whether the stage only refines what the stages before it found (event types from context, retellings merged,
    /// confidence): an article whose time budget runs out before or in it, and in no stage before it, is kept as those
    /// stages left it, a partial result with a warning, instead of failing. Such a stage leaves the document unchanged
    /// when it stops (it computes first, then applies).
    /// </summary>
    bool Refines => false;
}
