using Dragoman.Documents;
using Dragoman.Ingest;
using Dragoman.Merge;
using Dragoman.Storage;

namespace Dragoman.Tests.Merge;

/// <summary>Hand-built one-event articles (written for these tests) and merge reports, so merging is tested without the extractors.</summary>
public static class MergeFixtures
{
    public sealed record Place(string Name, string GeonameId, double Lat, double Lon, string Country);

    public static readonly Place Kremenchuk = new("Kremenchuk", "704147", 49.07, 33.42, "UA");
    public static readonly Place Odesa = new("Odesa", "698740", 46.48, 30.73, "UA");
    public static readonly Place Ankara = new("Ankara", "323786", 39.92, 32.85, "TR");

    /// <summary>The day of <see cref="TwoStrikes"/>' Kremenchuk strike.</summary>
    public static readonly DateOnly StrikeDay = new(2022, 6, 27);

    /// <summary>
    /// Five reports of two incidents: Kremenchuk on <see cref="StrikeDay"/> by three outlets (15, 20 and 18 dead, the last
    /// dated a day later and mentioning the rubble), Odesa four days later by two (21 and 19).
    /// </summary>
    public static StorableDocument[] TwoStrikes() =>
    [
        Strike("Wire One", Kremenchuk, StrikeDay, 15, "Amstor"),
        Strike("Wire Two", Kremenchuk, StrikeDay, 20, "Amstor"),
        Strike("Wire Three", Kremenchuk, StrikeDay.AddDays(1), 18, "Amstor", "Rescuers searched the rubble."),
        Strike("Wire One", Odesa, StrikeDay.AddDays(4), 21, "Serhiivka"),
        Strike("Wire Two", Odesa, StrikeDay.AddDays(4), 19, "Serhiivka"),
    ];

    /// <summary>An article whose one event is a strike at <paramref name="place"/> on <paramref name="day"/>, killing <paramref name="killed"/>.</summary>
    /// <param name="until">The event's last day when it spans several (a siege, a campaign); else <paramref name="day"/>.</param>
    public static StorableDocument Strike(string outlet, Place place, DateOnly day, int? killed, string name, string extra = "", DateOnly? until = null)
    {
        string toll = killed is { } k ? $" killing {k} people" : "";
        string sentence = $"A missile hit the {name} building in {place.Name}{toll}.";
        return OneStrike(outlet, place, sentence, $"{sentence} {extra}".TrimEnd(), $"test:{outlet}/{name}/{day:yyyy-MM-dd}/{killed}", day, killed, null, until);
    }

    /// <summary>A place a few kilometres from Kremenchuk with a GeoNames id of its own (written for these tests).</summary>
    public static readonly Place KremenchukOutskirts = new("Kryukiv", "9990001", 49.10, 33.45, "UA");

    /// <summary>
    /// A one-event article without any date of its own or of publication (a page that carries none) whose text names the
    /// day without a year ("On June 27, ..."): its report is undated and names that day of the year.
    /// </summary>
    public static StorableDocument UndatedStrike(string outlet, Place place, DateOnly day, string name)
    {
        string when = day.ToString("MMMM d", System.Globalization.CultureInfo.InvariantCulture);
        string sentence = $"On {when} a missile hit the {name} building in {place.Name}.";
        return OneStrike(outlet, place, sentence, sentence, $"test:{outlet}/{name}/undated/{when}", null, null, (when, $"XXXX-{day:MM-dd}"));
    }

    /// <summary>
    /// The article of <see cref="Strike"/> and <see cref="UndatedStrike"/>: a headline and <paramref name="body"/>, its one
    /// event told by <paramref name="sentence"/>, dated and published on <paramref name="day"/> when given, else naming
    /// only <paramref name="named"/>'s day without a year.
    /// </summary>
    private static StorableDocument OneStrike(string outlet, Place place, string sentence, string body, string uri, DateOnly? day, int? killed,
        (string Text, string Value)? named, DateOnly? until = null)
    {
        string text = $"Strike in {place.Name}\n\n{body}";
        var article = new Article
        {
            Uri = uri,
            Text = text,
            Title = $"Strike in {place.Name}",
            TitleSpan = new TextSpan(0, $"Strike in {place.Name}".Length),
            Published = day,
            Publisher = outlet,
            ContentHash = ArticleReader.Hash(text + "\u0000" + outlet),
        };
        var doc = new Document(article, day);
        TextSpan Span(string phrase) { int at = text.IndexOf(phrase, StringComparison.Ordinal); return new TextSpan(at, at + phrase.Length); }
        doc.Places.Add(new PlaceResolution
        {
            Span = Span(place.Name), Text = place.Name, GeonameId = place.GeonameId, Name = place.Name, Lat = place.Lat, Lon = place.Lon,
            Country = place.Country, Admin1 = null, Precision = PlacePrecision.Exact, Confidence = 0.9,
        });
        doc.Entities.Add(new Entity { Id = "e1", Type = EntityType.GPE, Name = place.Name, PlaceIndex = 0 });
        if (named is { } n) doc.Times.Add(new TimeExpression { Span = Span(n.Text), Text = n.Text, Value = n.Value, Precision = TimePrecision.Day });
        var e = new Event { Id = "ev1", Action = "shelling", Trigger = Span("hit") };
        e.Evidence.Add(Span(sentence));
        e.Place = new EventArgument(place.Name, Span(place.Name), "e1");
        if (day is { } d) e.Time = new EventTime("", null, d, until ?? d, TimePrecision.Day, false);
        if (killed is { } dead) e.Counts.Add(new EventCount(dead, dead, dead.ToString(System.Globalization.CultureInfo.InvariantCulture), Span($"{dead} people"), "killed"));
        e.Codes = new EventCodes("195", null, new AcledCode("Explosions/Remote violence", "Shelling/artillery/missile attack"), 4, -10);
        doc.Events.Add(e);
        return StorableDocument.From(doc);
    }

    public static MergeReport Report(string reference, Place place, int day, string[] names, int? killed = null, string action = "bombing", bool dated = true) => new()
    {
        Ref = reference, Family = MergeFamilies.Violence, Action = action, AcledType = "Explosions/Remote violence",
        DayLo = dated ? day : null, DayHi = dated ? day : null,
        Lat = place.Lat, Lon = place.Lon, PlaceName = place.Name, Precision = "exact", Country = place.Country, GeonameId = place.GeonameId,
        Names = [.. names.Order(StringComparer.Ordinal)], Killed = killed, Modality = "asserted",
    };
}
