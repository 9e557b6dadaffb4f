using Dragoman.Documents;
using Dragoman.Events.Coreference;
using Xunit;

namespace Dragoman.Tests.Events;

/// <summary>
/// Which modality a joined event shows (EventMerging): the best-told telling's, unless that one is only possible or
/// expected while another telling states the happening as fact; then the first factual telling's, the body's before
/// the headline's. Invented wording.
/// </summary>
public class JoinedModalityTests
{
    private const string Text =
        "Raid on Eastbrook. Gunmen raided Eastbrook on Friday. A band, possibly the same one, raided the Eastbrook market on Friday, killing two traders. "
        + "The council said gunmen raided the village.";

    private static TextSpan At(string s, int from = 0)
    {
        int i = Text.IndexOf(s, from, StringComparison.Ordinal);
        return new TextSpan(i, i + s.Length);
    }

    private static readonly string Headline = "Raid on Eastbrook.";
    private static readonly string Lede = "Gunmen raided Eastbrook on Friday.";
    private static readonly string Hedged = "A band, possibly the same one, raided the Eastbrook market on Friday, killing two traders.";
    private static readonly string Quote = "The council said gunmen raided the village.";

    /// <summary>One telling: its trigger and sentence, its modality; <paramref name="rich"/> gives it an actor, a target and a count (the best-told).</summary>
    private static Event Telling(string trigger, string sentence, Modality modality, bool rich = false)
    {
        var e = new Event { Id = trigger, Action = "attack", Trigger = At(trigger, At(sentence).Start), Modality = modality };
        if (rich)
        {
            e.Actor = new EventArgument("A band", At("A band"));
            e.Target = new EventArgument("two traders", At("two traders"));
            e.Counts.Add(new EventCount(2, null, "two", At("two traders"), "killed"));
        }
        e.Evidence.Add(At(sentence));
        return e;
    }

    public static TheoryData<string, Event[], Modality> Cases => new()
    {
        { "the best-told telling is factual: its modality stays, though the lede asserts", [Telling("raided", Lede, Modality.Asserted), Telling("said", Quote, Modality.Reported, rich: true)], Modality.Reported },
        { "the best-told telling carries a hedge, the lede states it: the lede's", [Telling("raided", Lede, Modality.Asserted), Telling("raided", Hedged, Modality.Hypothetical, rich: true)], Modality.Asserted },
        { "the first factual telling in the body before the headline's", [Telling("Raid", Headline, Modality.Asserted), Telling("raided", Hedged, Modality.Hypothetical, rich: true), Telling("raided", Quote, Modality.Reported)], Modality.Reported },
        { "no telling states it as fact: the best-told telling's", [Telling("raided", Lede, Modality.Expected), Telling("raided", Hedged, Modality.Hypothetical, rich: true)], Modality.Hypothetical },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void JoinedEventShowsAFactualTellingWhereThereIsOne(string reason, Event[] tellings, Modality expected)
    {
        var doc = new Document(new Article { Uri = "test", Text = Text, TitleSpan = At(Headline) }, new DateOnly(2022, 3, 5));
        var joined = EventMerging.One(doc, tellings);
        Assert.True(joined.Modality == expected, $"{reason}: got {joined.Modality}");
    }
}
