namespace Dragoman.Documents;

/// <summary>
/// The article text and its flat annotation layers (like spaCy's Doc). Components add layers;
/// each layer's spans index into <see cref="Text"/>. A Document belongs to one thread at a time.
/// </summary>
public sealed class Document
{
    public Document(Article article, DateOnly? referenceDate)
    {
        Article = article;
        ReferenceDate = referenceDate;
    }

    public Article Article { get; }
    public string Text => Article.Text;

    /// <summary>The date relative expressions resolve against (publication date or user-given); null when unknown.</summary>
    public DateOnly? ReferenceDate { get; }

    public Token[] Tokens { get; set; } = [];
    public Sentence[] Sentences { get; set; } = [];

    /// <summary>Part-of-speech tag of each token (indexes into <see cref="PartOfSpeechTagSet"/>, Penn Treebank names),
    /// when the text stage ran a tagging model; otherwise empty.</summary>
    public byte[] PartOfSpeech { get; set; } = [];
    public IReadOnlyList<string> PartOfSpeechTagSet { get; set; } = [];
    public List<Mention> Mentions { get; } = [];
    public List<Entity> Entities { get; } = [];
    public List<PlaceResolution> Places { get; } = [];
    public List<TimeExpression> Times { get; } = [];
    public List<Attribution> Attributions { get; } = [];
    public List<Event> Events { get; } = [];

    /// <summary>
    /// The article's time budget and the batch's Ctrl+C while a pipeline runs: stages check it inside their long loops
    /// (per sentence, per block of events), so a pathological article stops within its budget, not at the next stage.
    /// </summary>
    public CancellationToken Cancellation { get; set; }

    /// <summary>Diagnostics that do not stop processing (a component that skipped something, and why).</summary>
    public List<string> Warnings { get; } = [];

    public string Slice(TextSpan span) => Text[span.Start..span.End];

    /// <summary>Index of the sentence containing <paramref name="offset"/>, or -1.</summary>
    public int SentenceAt(int offset)
    {
        int lo = 0, hi = Sentences.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            var s = Sentences[mid];
            if (offset < s.Start) hi = mid - 1;
            else if (offset >= s.End) lo = mid + 1;
            else return mid;
        }
        return -1;
    }

    /// <summary>Index of the first token starting at or after <paramref name="offset"/> (Tokens.Length when none): tokens are in text order, so a binary search, not a walk from the text's start.</summary>
    public int FirstTokenFrom(int offset)
    {
        int lo = 0, hi = Tokens.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (Tokens[mid].Start < offset) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /// <summary>
    /// The first entity with this id. Indexed (entities are only appended and their ids never change) rather than
    /// searched: the events stage asks once per event and argument, which made it events x entities (issue 18).
    /// </summary>
    public Entity? EntityById(string? id)
    {
        if (id is null) return null;
        lock (_entityIndex)
        {
            if (Entities.Count < _entitiesIndexed) { _entityIndex.Clear(); _entitiesIndexed = 0; }
            for (; _entitiesIndexed < Entities.Count; _entitiesIndexed++)
                _entityIndex.TryAdd(Entities[_entitiesIndexed].Id, Entities[_entitiesIndexed]);
            return _entityIndex.GetValueOrDefault(id);
        }
    }

    private readonly Dictionary<string, Entity> _entityIndex = new(StringComparer.Ordinal);
    private int _entitiesIndexed;

    /// <summary>
    /// <see cref="Mentions"/>, <see cref="Places"/>, <see cref="Times"/> and the scopes of <see cref="Attributions"/>
    /// indexed by span, for the stages that ask per event what lies in a span (issue 18). Built on first use; rebuilt when
    /// the layer's count changes or the pipeline starts the next stage (<see cref="LayersChanged"/>): a stage that
    /// replaces items in place (geo splits mentions) must not read an index it built itself before that.
    /// </summary>
    public SpanIndex<Mention> MentionsBySpan => Indexed(ref _mentionIndex, Mentions, m => m.Span);

    /// <inheritdoc cref="MentionsBySpan"/>
    public SpanIndex<PlaceResolution> PlacesBySpan => Indexed(ref _placeIndex, Places, p => p.Span);

    /// <inheritdoc cref="MentionsBySpan"/>
    public SpanIndex<TimeExpression> TimesBySpan => Indexed(ref _timeIndex, Times, t => t.Span);

    /// <inheritdoc cref="MentionsBySpan"/>
    public SpanIndex<Attribution> AttributionsBySpan => Indexed(ref _attributionIndex, Attributions, a => a.Scope);

    /// <summary>Drops the span indexes: the next stage may have changed any layer (the pipeline calls it between stages).</summary>
    public void LayersChanged() => (_mentionIndex, _placeIndex, _timeIndex, _attributionIndex) = (null, null, null, null);

    private static SpanIndex<T> Indexed<T>(ref SpanIndex<T>? index, List<T> layer, Func<T, TextSpan> spanOf)
    {
        if (index is null || index.Count != layer.Count) index = new SpanIndex<T>(layer, spanOf);
        return index;
    }

    private SpanIndex<Mention>? _mentionIndex;
    private SpanIndex<PlaceResolution>? _placeIndex;
    private SpanIndex<TimeExpression>? _timeIndex;
    private SpanIndex<Attribution>? _attributionIndex;
}
