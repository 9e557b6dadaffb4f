using Dragoman.Documents;

namespace Dragoman.Events.Salience;

public static partial class SalienceFeatures
{
    /// <summary>
    /// What the features of one event count over all of the article's events, counted once per article: events per
    /// sentence; per PLOVER type its events, their sentences, whether a trigger of the type is a headline word, the first
    /// body trigger and the headline's events; the body's events in text order with their sentences. Counted per event
    /// instead, they made the stage events x events (issue 18: 6.9 s at 5,000 events). Each answer leaves the asking
    /// event itself out where the feature does.
    /// </summary>
    public sealed class EventTally
    {
        private readonly Document _d;
        private readonly HashSet<Event> _members = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<int, int> _perSentence = [];
        private readonly Dictionary<string, TypeTally> _types = new(StringComparer.Ordinal);
        private readonly int[] _bodyStarts;         // triggers outside the headline, by start
        private readonly int[] _distinctBefore;     // distinct sentences among the first k of them
        private readonly Dictionary<int, int> _firstAt = []; // each such sentence's first place among them
        private readonly Dictionary<int, HashSet<string>> _words = [];
        private readonly Dictionary<int, List<int>> _quotes = [];
        private readonly Dictionary<(string Type, string Place), int> _firstPlaceSentence = [];

        private sealed class TypeTally
        {
            public int Count, InTitle;
            public bool TriggerInTitle;
            public int FirstBodyStart = int.MaxValue;
            public readonly HashSet<int> Sentences = [];
        }

        public EventTally(Document d, IReadOnlyList<Event> all, ISet<string> titleWords)
        {
            _d = d;
            var body = new List<(int Start, int Sentence)>();
            foreach (var o in all)
            {
                _members.Add(o);
                int os = d.SentenceAt(o.Trigger.Start);
                _perSentence[os] = _perSentence.GetValueOrDefault(os) + 1;
                bool inTitle = Overlaps(d.Article.TitleSpan, o.Trigger);
                if (!inTitle) body.Add((o.Trigger.Start, os));
                if (o.Codes.Plover?.Event is not { } type) continue;
                foreach (var place in PlaceKeys(o))
                    _firstPlaceSentence[(type, place)] = Math.Min(os, _firstPlaceSentence.GetValueOrDefault((type, place), int.MaxValue));
                if (!_types.TryGetValue(type, out var t)) _types[type] = t = new TypeTally();
                t.Count++;
                t.Sentences.Add(os);
                if (inTitle) t.InTitle++;
                else t.FirstBodyStart = Math.Min(t.FirstBodyStart, o.Trigger.Start);
                t.TriggerInTitle |= titleWords.Contains(Stem(d.Slice(o.Trigger)));
            }
            body.Sort((a, b) => a.Start.CompareTo(b.Start));
            _bodyStarts = body.ConvertAll(b => b.Start).ToArray();
            _distinctBefore = new int[body.Count + 1];
            for (int k = 0; k < body.Count; k++)
            {
                _firstAt.TryAdd(body[k].Sentence, k);
                _distinctBefore[k + 1] = _firstAt.Count;
            }
        }

        /// <summary>How many other events share sentence <paramref name="si"/> with <paramref name="e"/>.</summary>
        public int OthersInSentence(Event e, int si) => _perSentence.GetValueOrDefault(si) - (_members.Contains(e) ? 1 : 0);

        /// <summary>How many events have the type (the event itself among them).</summary>
        public int OfType(string type) => _types.TryGetValue(type, out var t) ? t.Count : 0;

        /// <summary>How many sentences other than <paramref name="si"/> hold an event of the type.</summary>
        public int OtherSentencesOfType(string type, int si) =>
            _types.TryGetValue(type, out var t) ? t.Sentences.Count - (t.Sentences.Contains(si) ? 1 : 0) : 0;

        /// <summary>Whether a trigger of an event of the type is a headline word.</summary>
        public bool TypeTriggerInTitle(string type) => _types.TryGetValue(type, out var t) && t.TriggerInTitle;

        /// <summary>Whether an event of the type stands in the body before <paramref name="e"/>.</summary>
        public bool EarlierOfType(string type, Event e) => _types.TryGetValue(type, out var t) && t.FirstBodyStart < e.Trigger.Start;

        /// <summary>Whether another event of the type stands in the headline.</summary>
        public bool OtherOfTypeInTitle(string type, Event e) => _types.TryGetValue(type, out var t)
            && t.InTitle - (_members.Contains(e) && Overlaps(_d.Article.TitleSpan, e.Trigger) && e.Codes.Plover?.Event == type ? 1 : 0) > 0;

        /// <summary>
        /// Whether an event of the same type with the same place stands in an earlier sentence than <paramref name="si"/>,
        /// <paramref name="e"/> naming that place itself: a further step of an incident already told (a report sums up
        /// an incident first and then codes its attack, deaths and arrests one by one, each in its own sentence).
        /// </summary>
        public bool PlaceToldEarlier(Event e, int si) =>
            e.Place is { Inherited: false } && e.Codes.Plover?.Event is { } type
            && PlaceKeys(e).Any(place => _firstPlaceSentence.TryGetValue((type, place), out var first) && first < si);

        /// <summary>
        /// An event's place as the tally compares it: its entity and its words, each a key (one mention of a place
        /// may be linked to an entity and a later one not).
        /// </summary>
        private static IEnumerable<string> PlaceKeys(Event e)
        {
            if (e.Place is not { } p) yield break;
            if (p.EntityId is { } id) yield return "entity:" + id;
            if (p.Text.Length > 0) yield return "words:" + p.Text.ToLowerInvariant();
        }

        /// <summary>Whether any event stands in the body before <paramref name="e"/>.</summary>
        public bool EarlierInBody(Event e) => _bodyStarts.Length > 0 && _bodyStarts[0] < e.Trigger.Start;

        /// <summary>How many body sentences other than <paramref name="si"/> hold an event before <paramref name="e"/>.</summary>
        public int EarlierBodySentences(Event e, int si)
        {
            int lo = 0, hi = _bodyStarts.Length;
            while (lo < hi)
            {
                int mid = (lo + hi) >>> 1;
                if (_bodyStarts[mid] < e.Trigger.Start) lo = mid + 1; else hi = mid;
            }
            return _distinctBefore[lo] - (_firstAt.TryGetValue(si, out var first) && first < lo ? 1 : 0);
        }

        /// <summary>The content words of sentence <paramref name="si"/>, read once per sentence.</summary>
        public HashSet<string> ContentWordsOf(int si)
        {
            if (!_words.TryGetValue(si, out var words)) _words[si] = words = ContentWords(_d, _d.Sentences[si]);
            return words;
        }

        /// <summary>How many double quotation marks stand in sentence <paramref name="si"/> before <paramref name="at"/> (their places read once per sentence).</summary>
        public int QuotesBefore(int si, int at)
        {
            if (!_quotes.TryGetValue(si, out var places))
            {
                var s = _d.Sentences[si].Span;
                _quotes[si] = places = [];
                for (int i = s.Start; i < s.End && i < _d.Text.Length; i++)
                    if (_d.Text[i] is '"' or '\u201C' or '\u201D') places.Add(i);
            }
            int lo = 0, hi = places.Count;
            while (lo < hi)
            {
                int mid = (lo + hi) >>> 1;
                if (places[mid] < at) lo = mid + 1; else hi = mid;
            }
            return lo;
        }
    }
}
