using Dragoman.Entities;
using Dragoman.Text;

namespace Dragoman.Tests.Entities;

public class NerModelTests
{
    private static readonly string[] People = ["Anna Berg", "Omar Haddad", "Li Wei", "Sara Klein", "Yusuf Demir", "Paul Brandt"];
    private static readonly string[] Places = ["Homs", "Lyon", "Daraa", "Oslo", "Tunis", "Quito"];
    private static readonly string[] Templates = ["{P} visited {L} .", "{P} said on Monday that {L} was calm .", "Police in {L} arrested {P} ."];

    private static (string[], List<TagSpan>) Sentence(string template, string person, string place)
    {
        var words = new List<string>();
        var spans = new List<TagSpan>();
        foreach (var part in template.Split(' '))
        {
            var (name, cls) = part switch { "{P}" => (person, 0), "{L}" => (place, 2), _ => (part, -1) };
            int start = words.Count;
            words.AddRange(name.Split(' '));
            if (cls >= 0) spans.Add(new TagSpan(start, words.Count, cls));
        }
        return ([.. words], spans);
    }

    private static readonly Lazy<NerModel> Tiny = new(() => TrainTiny(twoPass: false));
    private static readonly Lazy<NerModel> TinyTwoPass = new(() => TrainTiny(twoPass: true));

    private static NerModel TrainTiny(bool twoPass)
    {
        var docs = new List<NerDocument>();
        for (int p = 0; p < People.Length; p++)
            for (int l = 0; l < Places.Length; l++)
                if ((p + l) % 3 != 0) // hold out some pairs
                    docs.Add(NerDocument.FromSentences([Sentence(Templates[(p + 2 * l) % 3], People[p], Places[l])]));
        return NerTrainer.Train(docs, new NerTrainOptions { Epochs = 6, BucketBits = 16, Seed = 1 },
            new Gazetteer(NameLists.Kinds, []), WordClusters.Empty,
            new Dictionary<string, string> { ["corpora"] = "tiny", ["two-pass"] = twoPass ? "yes" : "no" });
    }

    private static string Tag(NerModel model, string text)
    {
        var tokens = Tokenizer.Tokenize(text);
        var sentences = SentenceSplitter.Split(text, tokens);
        var (labels, _) = model.Tag(text, tokens, sentences);
        return string.Join(" | ", sentences.SelectMany(s => NerLabels.Decode(labels.AsSpan(s.FirstToken, s.TokenCount))
            .Select(t => $"{NerLabels.Classes[t.Class]}:{text[tokens[s.FirstToken + t.Start].Start..tokens[s.FirstToken + t.End - 1].End]}")));
    }

    [Theory]
    [InlineData("Li Wei visited Homs .", "PER:Li Wei | LOC:Homs", "a held-out pair in a trained template")]
    [InlineData("Police in Oslo arrested Anna Berg .", "LOC:Oslo | PER:Anna Berg", "a held-out pair in another template")]
    [InlineData("Sara Klein said on Monday that Quito was calm .", "PER:Sara Klein | LOC:Quito", "a two-token person and a place")]
    public void Train_then_tag_round_trip(string text, string expected, string reason)
    {
        Assert.True(Tag(Tiny.Value, text) == expected, $"{reason}: got {Tag(Tiny.Value, text)}");
        Assert.True(Tag(TinyTwoPass.Value, text) == expected, $"{reason} (two-pass model): got {Tag(TinyTwoPass.Value, text)}");
    }

    [Fact]
    public void Saved_model_loads_and_tags_the_same()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ner-{Guid.NewGuid():N}.bin");
        try
        {
            Tiny.Value.Save(path);
            var loaded = NerModel.Load(path);
            Assert.True(loaded.IsOk, loaded.Error);
            Assert.Equal("tiny", loaded.Value!.Info["corpora"]);
            foreach (var text in new[] { "Omar Haddad visited Tunis .", "Police in Lyon arrested Yusuf Demir ." })
                Assert.Equal(Tag(Tiny.Value, text), Tag(loaded.Value, text));
        }
        finally { File.Delete(path); }
    }

    [Theory]
    [InlineData("Omar Haddad visited Tunis .", "a trained template, held-out pair")]
    [InlineData("Police in Lyon arrested Yusuf Demir . Yusuf Demir said Lyon was calm .", "two sentences: history features of the first reach the second")]
    [InlineData("Nobody went anywhere on Monday .", "no entity: every weight row read, most of them zero")]
    public void Packed_weights_tag_exactly_as_the_dense_table(string text, string reason)
    {
        // the packed table leaves out all-zero rows; every label and confidence must be the dense table's, bit for bit
        foreach (var dense in new[] { Tiny.Value, TinyTwoPass.Value })
        {
            var packed = dense.Pack();
            Assert.NotNull(packed.Packed);
            var tokens = Tokenizer.Tokenize(text);
            var sentences = SentenceSplitter.Split(text, tokens);
            var (l1, c1) = dense.Tag(text, tokens, sentences);
            var (l2, c2) = packed.Tag(text, tokens, sentences);
            Assert.True(l1.SequenceEqual(l2), $"{reason}: labels differ");
            Assert.True(c1.SequenceEqual(c2), $"{reason}: confidences differ");
        }
    }

    [Theory]
    [InlineData("", "no NER model there", "a missing file")]
    [InlineData("not a model at all", "not a Dragoman NER model", "a file of another kind")]
    [InlineData("DRAGOMAN-NER\u0001\u0002", "unreadable NER model", "a truncated model")]
    public void Bad_model_files_give_a_clear_error(string content, string error, string reason)
    {
        var path = Path.Combine(Path.GetTempPath(), $"ner-{Guid.NewGuid():N}.bin");
        try
        {
            if (content.Length > 0) File.WriteAllText(path, content);
            var loaded = NerModel.Load(path);
            Assert.False(loaded.IsOk, reason);
            Assert.True(loaded.Error!.Contains(error), $"{reason}: {loaded.Error}");
        }
        finally { File.Delete(path); }
    }
}

public class BundledNerModelTests
{
    [Theory]
    [InlineData("Angela Merkel met Vladimir Putin in Berlin on Tuesday.", "PER:Angela Merkel", "a head of government")]
    [InlineData("Angela Merkel met Vladimir Putin in Berlin on Tuesday.", "PER:Vladimir Putin", "a second person in the sentence")]
    [InlineData("Angela Merkel met Vladimir Putin in Berlin on Tuesday.", "LOC:Berlin", "a capital city")]
    [InlineData("The United Nations said aid convoys reached Aleppo.", "ORG:United Nations", "an international organisation")]
    [InlineData("Turkish troops crossed the border near Afrin.", "MISC:Turkish", "a nationality adjective is MISC in CoNLL terms")]
    [InlineData("Reuters reported that Hezbollah fighters withdrew from Qusayr.", "ORG:Hezbollah", "an armed group", Skip = "the shipped model takes the following word in: ORG 'Hezbollah fighters'")]
    public void Tags_news_sentences(string text, string expected, string reason)
    {
        var tokens = Tokenizer.Tokenize(text);
        var sentences = SentenceSplitter.Split(text, tokens);
        var (labels, conf) = NerComponent.BundledModel.Tag(text, tokens, sentences);
        var found = sentences.SelectMany(s => NerLabels.Decode(labels.AsSpan(s.FirstToken, s.TokenCount))
            .Select(t => $"{NerLabels.Classes[t.Class]}:{text[tokens[s.FirstToken + t.Start].Start..tokens[s.FirstToken + t.End - 1].End]}")).ToList();
        Assert.True(found.Contains(expected), $"{reason}: got {string.Join(" | ", found)}");
        Assert.All(conf, c => Assert.InRange(c, 0f, 1f));
    }
}

public class RepeatedSentenceTaggingTests
{
    [Theory]
    [InlineData("Gunmen killed 7 people in Homs.\nGunmen killed 7 people in Homs.\nGunmen killed 7 people in Homs.", "one line three times (a page that repeats a line)")]
    [InlineData("Angela Merkel met Putin in Berlin. Putin left. Angela Merkel met Putin in Berlin. Berlin said no. Putin left.", "repeats among other sentences: the history features differ between tellings")]
    [InlineData("REUTERS REPORTS. Reuters reports. REUTERS REPORTS. Reuters reports.", "the same words in other case are other sentences")]
    [InlineData("Homs. Homs. Homs. Homs. Homs.", "one-word sentences")]
    public void Repeated_sentences_get_what_the_full_decoder_gives(string text, string reason)
    {
        var model = NerComponent.BundledModel;
        var tokens = Tokenizer.Tokenize(text);
        var sentences = SentenceSplitter.Split(text, tokens);
        var (labels, conf) = model.Tag(text, tokens, sentences);
        var full = new int[tokens.Length];
        var fullConf = new float[tokens.Length];
        new NerFeatures { Memo = false }.Decode(model, text, tokens, sentences, full, fullConf, null);
        Assert.True(sentences.Length > 1, $"{reason}: the text splits into sentences");
        Assert.True(full.SequenceEqual(labels), $"{reason}: labels {string.Join(",", labels)} vs {string.Join(",", full)}");
        Assert.True(fullConf.SequenceEqual(conf), $"{reason}: confidences differ");
    }
}
