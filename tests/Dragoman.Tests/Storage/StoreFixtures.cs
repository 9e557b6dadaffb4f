using Dragoman.Documents;
using Dragoman.Ingest;
using Dragoman.Storage;

namespace Dragoman.Tests.Storage;

/// <summary>
/// Hand-built processed documents with every layer the store keeps (entities, places, times, events with codes,
/// counts, sources and evidence), so the store is tested without depending on the extractors.
/// </summary>
public static class StoreFixtures
{
    public const string ReleaseTitle = "Intelligence branch frees prisoners near Daraa";
    public const string ClashTitle = "Troops and rebels clash south of Idlib";
    public const string SoapTitle = "Soap makers of Aleppo reopen workshops";

    public static StorableDocument Release() => StorableDocument.From(ReleaseDoc());
    public static StorableDocument Clash() => StorableDocument.From(ClashDoc());
    public static StorableDocument Soap() => StorableDocument.From(SoapDoc());
    public static IReadOnlyList<StorableDocument> Corpus() => [Release(), Clash(), Soap()];

    /// <summary>
    /// <see cref="Corpus"/> and copies of the clash whose located events carry what a map feature derives from the stored
    /// sources and counts (the source chain, the fatalities), each case with its reason: the corpus alone has no located
    /// event with a fatality.
    /// </summary>
    public static IReadOnlyList<StorableDocument> FeedCorpus() =>
    [
        .. Corpus(),
        // a chain of three sources (with a place, a non-ASCII outlet, one without a name: "?"); a killed count after a
        // wounded one (4, its lowest figure), a later "dead" count ignored; the denied killing located too: its killed
        // count gives no fatalities, since it did not occur
        Copy(Clash(), "toll", j =>
        {
            var events = j["events"]!.AsArray();
            events[0]!["counts"] = Objects(new() { ["kind"] = "wounded", ["min"] = 3, ["max"] = 3 },
                new() { ["kind"] = "killed", ["min"] = 4, ["max"] = 6 }, new() { ["kind"] = "dead", ["min"] = 9, ["max"] = 9 });
            events[0]!["sources"] = Objects(new() { ["kind"] = "named", ["name"] = "a field medic", ["location"] = "Saraqib" },
                new() { ["kind"] = "outlet", ["name"] = "\u015eam Haber" }, new() { ["kind"] = "anonymous", ["name"] = null, ["location"] = "Idlib" });
            events[1]!["place"] = events[0]!["place"]!.DeepClone();
            events[1]!["counts"] = Objects(new System.Text.Json.Nodes.JsonObject { ["kind"] = "killed", ["min"] = 2, ["max"] = 2 });
        }),
        // a killed count without a figure, then a "fatalities" one with a figure (12); no source at all: an empty chain
        Copy(Clash(), "unknown-toll", j =>
        {
            var events = j["events"]!.AsArray();
            events[0]!["counts"] = Objects(new() { ["kind"] = "killed", ["min"] = null }, new() { ["kind"] = "fatalities", ["min"] = 12, ["max"] = 15 });
            events[0]!["sources"] = new System.Text.Json.Nodes.JsonArray();
        }),
    ];

    private static System.Text.Json.Nodes.JsonArray Objects(params System.Text.Json.Nodes.JsonObject[] items) => [.. items];

    /// <summary>Another article with <paramref name="of"/>'s content (a new hash and URI from <paramref name="tag"/>), edited by <paramref name="edit"/>.</summary>
    public static StorableDocument Copy(StorableDocument of, string tag, Action<System.Text.Json.Nodes.JsonObject>? edit = null)
    {
        var json = of.Json.DeepClone().AsObject();
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(of.Hash + ":" + tag)));
        json["article"]!["hash"] = hash;
        json["article"]!["uri"] = json["article"]!["uri"]!.GetValue<string>() + "#" + tag;
        edit?.Invoke(json);
        return new StorableDocument(hash, json);
    }

    private sealed class Builder(string title, string body, DateOnly? published)
    {
        public readonly Document Doc = Make(title, body, published);
        public string Text => Doc.Text;

        private static Document Make(string title, string body, DateOnly? published)
        {
            var text = title + "\n\n" + body;
            var article = new Article
            {
                Uri = "test:" + title,
                Text = text,
                Title = title,
                TitleSpan = new TextSpan(0, title.Length),
                Published = published,
                Publisher = "Test Wire",
                ContentHash = ArticleReader.Hash(text),
            };
            return new Document(article, published);
        }

        public TextSpan Span(string phrase, int occurrence = 1)
        {
            int at = -1;
            for (int i = 0; i < occurrence; i++)
            {
                at = Text.IndexOf(phrase, at + 1, StringComparison.Ordinal);
                if (at < 0) throw new ArgumentException($"'{phrase}' not in the fixture text");
            }
            return new TextSpan(at, at + phrase.Length);
        }

        public Entity Entity(string id, EntityType type, string name, string mention, string[]? aliases = null, ActorCode? actor = null, PlaceResolution? place = null)
        {
            Doc.Mentions.Add(new Mention { Span = Span(mention), Type = type, Text = mention, Source = "fixture" });
            var e = new Entity { Id = id, Type = type, Name = name, Actor = actor };
            e.MentionIndexes.Add(Doc.Mentions.Count - 1);
            e.Aliases.AddRange(aliases ?? []);
            if (place is not null)
            {
                Doc.Places.Add(place);
                e.PlaceIndex = Doc.Places.Count - 1;
            }
            Doc.Entities.Add(e);
            return e;
        }

        public PlaceResolution Place(string mention, string geonameid, double lat, double lon, string country, string admin1) => new()
        {
            Span = Span(mention), Text = mention, GeonameId = geonameid, Name = mention, Lat = lat, Lon = lon,
            Country = country, Admin1 = admin1, Precision = PlacePrecision.Exact, Confidence = 0.9,
        };

        public EventArgument Arg(string text, string? entity = null, string? code = null) => new(text, Span(text), entity, code);

        public Event Event(string id, string action, string trigger, string evidence)
        {
            var e = new Event { Id = id, Action = action, Trigger = Span(trigger) };
            e.Evidence.Add(Span(evidence));
            Doc.Events.Add(e);
            return e;
        }
    }

    /// <summary>A reported release (actor with an alias and a code; place with coordinates; a week) and an expected attack.</summary>
    public static Document ReleaseDoc()
    {
        var b = new Builder(ReleaseTitle,
            "Sources in Daraa said the Air Force Intelligence released more than 30 fighters in Jabab last week. " +
            "The group, known as the Khalid bin al-Waleed Army, is expected to attack checkpoints.",
            new DateOnly(2019, 2, 10));
        b.Entity("e1", EntityType.ORG, "Air Force Intelligence", "Air Force Intelligence", ["AFI"], new ActorCode("SYRGOVSPY", "SYR", "GOV", "fixture"));
        b.Entity("e2", EntityType.GPE, "Daraa", "Daraa", null, null, b.Place("Daraa", "170654", 32.6189, 36.1021, "SY", "Daraa"));
        b.Entity("e3", EntityType.ORG, "Islamic State", "Khalid bin al-Waleed Army", ["ISIS", "Khalid bin al-Waleed Army"], new ActorCode("IMGMUSISI", null, "REB", "fixture"));
        b.Entity("e4", EntityType.GPE, "Jabab", "Jabab", null, null, b.Place("Jabab", "170001", 33.1167, 36.2667, "SY", "Daraa"));

        var release = b.Event("ev1", "release", "released", "Sources in Daraa said the Air Force Intelligence released more than 30 fighters in Jabab last week.");
        release.Actor = b.Arg("Air Force Intelligence", "e1", "SYRGOVSPY");
        release.Target = b.Arg("more than 30 fighters");
        release.Place = b.Arg("Jabab", "e4");
        release.Time = new EventTime("last week", b.Span("last week"), new DateOnly(2019, 2, 1), new DateOnly(2019, 2, 7), TimePrecision.Week, false);
        release.Counts.Add(new EventCount(31, null, "more than 30", b.Span("more than 30"), "released", "fighters"));
        release.Modality = Modality.Reported;
        release.Sources.Add(new SourceRef(SourceKind.Anonymous, "sources", "Daraa", b.Span("Sources")));
        release.Sources.Add(new SourceRef(SourceKind.Outlet, "Test Wire", null, null));
        release.Confidence = 0.8;
        release.Codes = new EventCodes("0841", new PloverCode("RELEASE", null, []), new AcledCode("Strategic developments", "Other"), 1, 7.0);

        var attack = b.Event("ev2", "attack", "attack", "The group, known as the Khalid bin al-Waleed Army, is expected to attack checkpoints.");
        attack.Actor = b.Arg("The group", "e3");
        attack.Target = b.Arg("checkpoints");
        attack.Place = new EventArgument("Daraa", b.Span("Daraa"), "e2");
        attack.Time = new EventTime("", null, new DateOnly(2019, 2, 10), new DateOnly(2019, 2, 10), TimePrecision.Unknown, true);
        attack.Modality = Modality.Expected;
        attack.Confidence = 0.5;
        attack.Codes = new EventCodes("190", new PloverCode("ASSAULT", null, []), null, 4, -10.0);
        return b.Doc;
    }

    /// <summary>An asserted clash (actor with a code but no entity) and a denied killing, three years earlier, in the north.</summary>
    public static Document ClashDoc()
    {
        var b = new Builder(ClashTitle,
            "Government troops clashed with rebels near Idlib on Tuesday. The ministry denied that its soldiers killed civilians.",
            new DateOnly(2017, 4, 5));
        b.Entity("e1", EntityType.GPE, "Idlib", "Idlib", null, null, b.Place("Idlib", "169389", 35.9306, 36.6339, "SY", "Idlib"));
        var clash = b.Event("ev1", "clash", "clashed", "Government troops clashed with rebels near Idlib on Tuesday.");
        clash.Actor = b.Arg("Government troops", null, "SYRMIL");
        clash.Target = b.Arg("rebels", null, "SYRREB");
        clash.Place = b.Arg("Idlib", "e1");
        clash.Time = new EventTime("on Tuesday", b.Span("on Tuesday"), new DateOnly(2017, 4, 4), new DateOnly(2017, 4, 4), TimePrecision.Day, false);
        clash.Confidence = 0.9;
        clash.Codes = new EventCodes("190", null, new AcledCode("Battles", "Armed clash"), 4, -10.0);

        var kill = b.Event("ev2", "kill", "killed", "The ministry denied that its soldiers killed civilians.");
        kill.Actor = b.Arg("its soldiers");
        kill.Target = b.Arg("civilians");
        kill.Modality = Modality.Denied;
        kill.Sources.Add(new SourceRef(SourceKind.Named, "The ministry", null, b.Span("The ministry")));
        kill.Confidence = 0.6;
        kill.Codes = new EventCodes("1823", null, null);
        return b.Doc;
    }

    public const string UndatedTitle = "Ferry crews walk out at an unnamed harbour";

    /// <summary>
    /// One protest told without a date in an article without a publication date: an event the page lists but its timeline
    /// cannot draw (not in <see cref="Corpus"/>; the browser tests add it).
    /// </summary>
    public static StorableDocument Undated() => StorableDocument.From(UndatedDoc());

    public static Document UndatedDoc()
    {
        var b = new Builder(UndatedTitle, "The ferry crews' guild walked out over unpaid wages, its spokesman said.", null);
        b.Entity("e1", EntityType.ORG, "Ferry Crews Guild", "ferry crews' guild");
        var protest = b.Event("ev1", "protest", "walked out", "The ferry crews' guild walked out over unpaid wages, its spokesman said.");
        protest.Actor = b.Arg("The ferry crews' guild", "e1");
        protest.Modality = Modality.Reported;
        protest.Sources.Add(new SourceRef(SourceKind.Named, "its spokesman", null, b.Span("its spokesman")));
        protest.Confidence = 0.7;
        protest.Codes = new EventCodes("143", new PloverCode("PROTEST", "strike", []), null, 3, -6.5);
        return b.Doc;
    }

    /// <summary>No events, no publication date: only for full-text search.</summary>
    public static Document SoapDoc() =>
        new Builder(SoapTitle, "Workshops that make the olive-oil soap of Aleppo have reopened in the old city.", null).Doc;
}
