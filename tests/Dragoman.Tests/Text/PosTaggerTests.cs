using Dragoman.Tests.Support;
using Dragoman.Text;
using Dragoman.Text.Syntax;

namespace Dragoman.Tests.Text;

public class PosTaggerTests
{
    private static readonly PosModel Model = PosModel.Bundled ?? throw new InvalidOperationException("bundled POS model missing");

    [Theory]
    [InlineData("Observatory head Rami Abdel Rahman said the raids killed 12 people .", "head", "NN", "a title noun before a name, not the verb 'to head'")]
    [InlineData("It said rebels attacked government forces with two car bombs .", "forces", "NNS", "plural noun after a noun modifier")]
    [InlineData("Rebels attack an army checkpoint near Daraa .", "attack", "VBP", "present-tense verb after a plural subject")]
    [InlineData("The attack on the checkpoint killed two soldiers .", "attack", "NN", "noun after a determiner")]
    [InlineData("Regime troops backed by Russian warplanes advanced .", "backed", "VBN", "participle with a by-agent")]
    public void Tags_ambiguous_words_by_context(string sentence, string word, string expected, string reason)
    {
        var words = sentence.Split(' ');
        var tags = Model.Predict(words);
        Assert.True(tags[Array.IndexOf(words, word)] == expected, $"{reason}: got {string.Join(" ", words.Zip(tags, (w, t) => $"{w}/{t}"))}");
    }

    [Theory]
    [InlineData("Observatory head Rami Abdel Rahman said.", "head", Tag.Noun, "the model vetoes the verb reading of a title noun")]
    [InlineData("Rebels attacked government forces with car bombs.", "forces", Tag.Noun, "plural noun, not a verb, after a noun modifier")]
    [InlineData("Rebels attacked government forces with car bombs.", "attacked", Tag.Verb, "the main verb stays a verb")]
    [InlineData("The minister didn't clash with the envoy.", "clash", Tag.Verb, "a base form after a negation stays a verb")]
    [InlineData("The army will release the prisoners.", "release", Tag.Verb, "a base form after a modal stays a verb")]
    [InlineData("Russia condemns bombing of hospital.", "condemns", Tag.Verb, "a finite verb the context rules took for a plural noun, restored by the model")]
    [InlineData("On Saturday the Syrian Observatory for Human Rights monitor said.", "monitor", Tag.Noun, "the speaker's title noun before 'said' is no verb")]
    [InlineData("The Britain-based monitor said 12 were killed.", "monitor", Tag.Noun, "a noun after a determiner and an adjective")]
    public void Tagger_uses_the_model_to_reject_false_verbs(string sentence, string word, Tag expected, string reason)
    {
        var tagger = new Tagger(w => w is "head" or "forces" or "attacked" or "clash" or "release" or "condemns" or "bombing" or "monitor" or "said", Model);
        var tokens = Tokenizer.Tokenize(sentence);
        var tags = tagger.TagSentence(sentence, tokens, 0, tokens.Length);
        int k = Array.FindIndex(tokens, t => sentence[t.Start..t.End] == word);
        Assert.True(tags[k] == expected, $"{reason}: got {tags[k]} :: {string.Join(" ", tokens.Select((t, i) => sentence[t.Start..t.End] + "/" + tags[i]))}");
    }

    [Fact]
    public void Learns_from_a_small_corpus_and_survives_a_save_and_load()
    {
        var corpus = new List<PosSentence>();
        for (int i = 0; i < 30; i++)
        {
            corpus.Add(new PosSentence(["the", "troops", "attack", "the", "town"], ["DT", "NNS", "VBP", "DT", "NN"]));
            corpus.Add(new PosSentence(["the", "attack", "failed"], ["DT", "NN", "VBD"]));
        }
        var model = PosTrainer.Train(corpus, new PosTrainingOptions(Epochs: 4, Bits: 12, DictionaryMinCount: 1000), new Dictionary<string, string>());
        var path = Path.Combine(Path.GetTempPath(), $"dragoman-pos-{Guid.NewGuid():N}.bin");
        try
        {
            model.Save(path);
            var loaded = PosModel.Load(path);
            Assert.True(loaded.IsOk, loaded.Error);
            Assert.Equal(["DT", "NN", "VBD"], loaded.Value!.Predict(["the", "attack", "failed"]));
            Assert.Equal(["DT", "NNS", "VBP", "DT", "NN"], loaded.Value.Predict(["the", "troops", "attack", "the", "town"]));
        }
        finally { File.Delete(path); }
    }

    [Theory]
    [InlineData("not a model at all", "not a Dragoman POS model", "a file of another kind")]
    [InlineData("", "unreadable POS model", "an empty file")]
    public void A_bad_model_file_gives_a_clear_error(string content, string expected, string reason)
    {
        var path = Path.Combine(Path.GetTempPath(), $"dragoman-pos-bad-{Guid.NewGuid():N}.bin");
        try
        {
            using (var gz = new System.IO.Compression.GZipStream(File.Create(path), System.IO.Compression.CompressionLevel.Fastest))
            using (var w = new BinaryWriter(gz)) if (content.Length > 0) w.Write(content);
            var loaded = PosModel.Load(path);
            Assert.False(loaded.IsOk, reason);
            Assert.Contains(expected, loaded.Error);
        }
        finally { File.Delete(path); }
    }

    [Theory]
    [InlineData(1, "the last weight's second byte missing (the weights are read as one block)")]
    [InlineData(40, "twenty weights missing")]
    public void A_model_cut_short_in_its_weights_gives_a_clear_error(int bytesCut, string reason)
    {
        var corpus = Enumerable.Repeat(new PosSentence(["the", "attack", "failed"], ["DT", "NN", "VBD"]), 20).ToList();
        var model = PosTrainer.Train(corpus, new PosTrainingOptions(Epochs: 2, Bits: 10, DictionaryMinCount: 1000), new Dictionary<string, string>());
        var path = Path.Combine(Path.GetTempPath(), $"dragoman-pos-cut-{Guid.NewGuid():N}.bin");
        try
        {
            model.Save(path);
            var payload = new MemoryStream();
            using (var gz = new System.IO.Compression.GZipStream(File.OpenRead(path), System.IO.Compression.CompressionMode.Decompress)) gz.CopyTo(payload);
            var bytes = payload.ToArray();
            using (var gz = new System.IO.Compression.GZipStream(File.Create(path), System.IO.Compression.CompressionLevel.Fastest))
                gz.Write(bytes, 0, bytes.Length - bytesCut);
            var loaded = PosModel.Load(path);
            Assert.False(loaded.IsOk, reason);
            Assert.Contains("unreadable POS model", loaded.Error);
        }
        finally { File.Delete(path); }
    }

    [SharedFact]
    public void Bundled_model_tags_held_out_gmb_at_the_model_card_accuracy()
    {
        // GMB part 4 is never trained on (models/pos/README.md); the card reports 0.984.
        var read = PosCorpus.ReadSpec(Path.Combine(Paths.SharedData, "ner", "gmb", "ner_dataset.utf8.part4of5.csv"));
        Assert.True(read.IsOk, read.Error);
        var (_, accuracy, _) = PosTrainer.Score(Model, read.Value!.Take(2000).ToList());
        Assert.True(accuracy > 0.97, $"accuracy {accuracy:F4}");
    }
}
