namespace Dragoman.Documents;

/// <summary>
/// The items of one annotation layer ordered by where they start, so that the items inside, overlapping or holding a
/// span are found by binary search instead of a scan of the whole layer (issue 18: the events stage asked once per
/// event and candidate phrase, which made an article of many events events x mentions). Every answer lists the items
/// in the layer's own order, as a scan of the layer would meet them. A snapshot: it does not follow later changes.
/// </summary>
public sealed class SpanIndex<T>
{
    private readonly T[] _items;
    private readonly TextSpan[] _spans;
    private readonly int[] _order;   // positions in the layer, by start (ties by position)
    private readonly int[] _starts;  // the start of each item of _order
    private readonly int _longest;   // the longest item: how far before a span an item overlapping or holding it may start

    public SpanIndex(IReadOnlyList<T> items, Func<T, TextSpan> spanOf)
    {
        _items = [.. items];
        var spans = Array.ConvertAll(_items, x => spanOf(x));
        _order = new int[_items.Length];
        for (int i = 0; i < _order.Length; i++) _order[i] = i;
        // a stable order: equal starts keep the layer's order
        Array.Sort(_order, (a, b) => spans[a].Start != spans[b].Start ? spans[a].Start.CompareTo(spans[b].Start) : a.CompareTo(b));
        _starts = Array.ConvertAll(_order, i => spans[i].Start);
        _spans = spans;
        foreach (var s in spans) _longest = Math.Max(_longest, s.Length);
    }

    /// <summary>How many items the layer had when indexed.</summary>
    public int Count => _items.Length;

    /// <summary>The items lying inside <paramref name="span"/> (<see cref="TextSpan.Contains(TextSpan)"/>).</summary>
    public List<T> Inside(TextSpan span) => Collect(span.Start, span.End, s => span.Contains(s));

    /// <summary>The items overlapping <paramref name="span"/> (<see cref="TextSpan.Overlaps"/>).</summary>
    public List<T> Overlapping(TextSpan span) => Collect(SafeMinus(span.Start, _longest), span.End, s => span.Overlaps(s));

    /// <summary>The items that hold <paramref name="span"/> whole.</summary>
    public List<T> Holding(TextSpan span) => Collect(SafeMinus(span.End, _longest), span.Start, s => s.Contains(span));

    /// <summary>Whether any item lies inside <paramref name="span"/> and satisfies <paramref name="match"/>.</summary>
    public bool AnyInside(TextSpan span, Func<T, bool>? match = null)
    {
        for (int k = LowerBound(span.Start); k < _order.Length && _starts[k] <= span.End; k++)
            if (span.Contains(_spans[_order[k]]) && (match is null || match(_items[_order[k]]))) return true;
        return false;
    }

    /// <summary>Whether any item overlaps <paramref name="span"/>.</summary>
    public bool AnyOverlapping(TextSpan span)
    {
        for (int k = LowerBound(SafeMinus(span.Start, _longest)); k < _order.Length && _starts[k] <= span.End; k++)
            if (span.Overlaps(_spans[_order[k]])) return true;
        return false;
    }

    /// <summary>Whether any item holds <paramref name="span"/> whole.</summary>
    public bool AnyHolding(TextSpan span)
    {
        for (int k = LowerBound(SafeMinus(span.End, _longest)); k < _order.Length && _starts[k] <= span.Start; k++)
            if (_spans[_order[k]].Contains(span)) return true;
        return false;
    }

    /// <summary>The positions in the layer of the items lying inside <paramref name="span"/>, ascending.</summary>
    public List<int> PositionsInside(TextSpan span) => Positions(span.Start, span.End, s => span.Contains(s));

    /// <summary>The items starting in [<paramref name="from"/>, <paramref name="to"/>] that pass <paramref name="keep"/>, in layer order.</summary>
    private List<T> Collect(int from, int to, Func<TextSpan, bool> keep)
    {
        var hits = Positions(from, to, keep);
        var result = new List<T>(hits.Count);
        foreach (var i in hits) result.Add(_items[i]);
        return result;
    }

    private List<int> Positions(int from, int to, Func<TextSpan, bool> keep)
    {
        var hits = new List<int>();
        for (int k = LowerBound(from); k < _order.Length && _starts[k] <= to; k++)
            if (keep(_spans[_order[k]])) hits.Add(_order[k]);
        hits.Sort();
        return hits;
    }

    /// <summary>The first place in start order whose start is at or after <paramref name="start"/>.</summary>
    private int LowerBound(int start)
    {
        int lo = 0, hi = _starts.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_starts[mid] < start) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    private static int SafeMinus(int a, int b) => a < int.MinValue + b ? int.MinValue : a - b;
}
