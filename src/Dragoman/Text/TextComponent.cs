using Dragoman.Documents;
using Dragoman.Pipeline;

namespace Dragoman.Text;

/// <summary>Adds tokens and sentences.</summary>
public sealed class TextComponent : IDocumentComponent
{
    public string Name => "text";
    public Layer Requires => Layer.None;
    public Layer Provides => Layer.Tokens | Layer.Sentences;

    public void Process(Document document)
    {
        document.Tokens = Tokenizer.Tokenize(document.Text);
        document.Sentences = SentenceSplitter.Split(document.Text, document.Tokens);
    }
}
