using Dragoman.Documents;
using Dragoman.Pipeline;
using Dragoman.Text.Syntax;

namespace Dragoman.Text;

/// <summary>Adds tokens and sentences, and each token's part of speech when a tagging model is given (the bundled one by default).</summary>
public sealed class TextComponent(PosModel? model) : IDocumentComponent
{
    public TextComponent() : this(PosModel.Bundled) { }

    public string Name => "text";
    public Layer Requires => Layer.None;
    public Layer Provides => Layer.Tokens | Layer.Sentences;

    public void Process(Document document)
    {
        document.Tokens = Tokenizer.Tokenize(document.Text);
        document.Sentences = SentenceSplitter.Split(document.Text, document.Tokens);
        if (model is null) return;
        var pos = new byte[document.Tokens.Length];
        foreach (var s in document.Sentences)
            model.Predict(new TokenWords(document.Text, document.Tokens, s.FirstToken, s.EndToken), pos.AsSpan(s.FirstToken, s.TokenCount));
        document.PartOfSpeech = pos;
        document.PartOfSpeechTagSet = model.Tags;
    }
}
