using System.Text.Json.Nodes;

namespace Dragoman.Evaluation;

/// <summary>A right/scored pair for one field.</summary>
public sealed class FieldTally
{
    public int Right { get; set; }
    public int Scored { get; set; }
    public void Add(bool right) { Scored++; if (right) Right++; }
    public void Add(FieldTally o) { Right += o.Right; Scored += o.Scored; }
}

/// <summary>The counts behind the articles-gold figures, for one article or summed over a part.</summary>
public sealed class ArticleTally
{
    /// <summary>
    /// The scored fields; "modality_telling" is the modality of the matched event's own telling in the gold sentence
    /// (a joined event keeps each telling's), beside "modality", the joined event's one modality.
    /// </summary>
    public static readonly string[] Fields = ["actor", "target", "source", "count", "event_date", "place", "modality", "modality_telling"];

    public int Articles { get; set; }
    public int GoldEvents { get; set; }
    public int GoldEvidenceMissing { get; set; }
    public int TypeMatched { get; set; }
    public int FullMatched { get; set; }
    /// <summary>Type and full matches when each system event may answer only one gold event.</summary>
    public int TypeMatchedOneToOne { get; set; }
    public int FullMatchedOneToOne { get; set; }
    public Dictionary<string, FieldTally> Field { get; } = Fields.ToDictionary(f => f, _ => new FieldTally());
    public int SystemEvents { get; set; }
    /// <summary>Events whose shown (trigger) sentence holds no gold evidence.</summary>
    public int SystemEventsOutsideGold { get; set; }
    /// <summary>Events none of whose tellings' sentences holds gold evidence (the figure before 2026-12-06, joins10).</summary>
    public int SystemEventsOutsideGoldAnyTelling { get; set; }
    /// <summary>Events that are a candidate match of more than one gold event, and those of them joined from tellings in several sentences.</summary>
    public int SystemEventsAnsweringSeveral { get; set; }
    public int JoinedEventsAnsweringSeveral { get; set; }
    public int GoldPlaces { get; set; }
    public int PlacesResolved { get; set; }
    public int PlacesRight161 { get; set; }
    public int ResolvedOutsideGoldCountries { get; set; }
    /// <summary>Of those, the whole countries: a country the text names (mostly as a party: "Turkish drones"), which the gold lists only where events are.</summary>
    public int ResolvedOutsideGoldCountriesWhole { get; set; }
    public FieldTally Persons { get; } = new();
    public FieldTally Organizations { get; } = new();

    public void Add(ArticleTally o)
    {
        Articles += o.Articles; GoldEvents += o.GoldEvents; GoldEvidenceMissing += o.GoldEvidenceMissing;
        TypeMatched += o.TypeMatched; FullMatched += o.FullMatched;
        TypeMatchedOneToOne += o.TypeMatchedOneToOne; FullMatchedOneToOne += o.FullMatchedOneToOne;
        foreach (var (k, v) in o.Field) Field[k].Add(v);
        SystemEvents += o.SystemEvents; SystemEventsOutsideGold += o.SystemEventsOutsideGold;
        SystemEventsOutsideGoldAnyTelling += o.SystemEventsOutsideGoldAnyTelling;
        SystemEventsAnsweringSeveral += o.SystemEventsAnsweringSeveral; JoinedEventsAnsweringSeveral += o.JoinedEventsAnsweringSeveral;
        GoldPlaces += o.GoldPlaces; PlacesResolved += o.PlacesResolved; PlacesRight161 += o.PlacesRight161;
        ResolvedOutsideGoldCountries += o.ResolvedOutsideGoldCountries; ResolvedOutsideGoldCountriesWhole += o.ResolvedOutsideGoldCountriesWhole;
        Persons.Add(o.Persons); Organizations.Add(o.Organizations);
    }

    public static ArticleTally Sum(IEnumerable<ArticleTally> parts)
    {
        var t = new ArticleTally();
        foreach (var p in parts) t.Add(p);
        return t;
    }

    private static double Ratio(int a, int b) => b == 0 ? 0 : Math.Round((double)a / b, 4);

    /// <summary>The figures under the names ../shared/tools/scoreboard reads (docs/evaluation.md).</summary>
    public JsonObject ToJson()
    {
        var o = new JsonObject
        {
            ["articles"] = Articles,
            ["gold_events"] = GoldEvents,
            ["event_full_recall"] = Ratio(FullMatched, GoldEvents),
            ["event_type_recall"] = Ratio(TypeMatched, GoldEvents),
            ["event_full_recall_one_to_one"] = Ratio(FullMatchedOneToOne, GoldEvents),
            ["event_type_recall_one_to_one"] = Ratio(TypeMatchedOneToOne, GoldEvents),
        };
        foreach (var f in Fields)
        {
            o[f + "_acc"] = Ratio(Field[f].Right, Field[f].Scored);
            o[f + "_scored"] = Field[f].Scored;
        }
        o["events_per_article"] = Articles == 0 ? 0 : Math.Round((double)SystemEvents / Articles, 3);
        o["system_events"] = SystemEvents;
        o["outside_gold_sentences"] = Ratio(SystemEventsOutsideGold, SystemEvents);
        o["outside_gold_sentences_any_telling"] = Ratio(SystemEventsOutsideGoldAnyTelling, SystemEvents);
        o["events_answering_several_gold"] = SystemEventsAnsweringSeveral;
        o["joined_events_answering_several_gold"] = JoinedEventsAnsweringSeveral;
        o["gold_evidence_not_found"] = GoldEvidenceMissing;
        o["gold_places"] = GoldPlaces;
        o["place_acc161_of_gold"] = Ratio(PlacesRight161, GoldPlaces);
        o["place_resolved_of_gold"] = Ratio(PlacesResolved, GoldPlaces);
        o["place_acc161_of_resolved"] = Ratio(PlacesRight161, PlacesResolved);
        o["resolved_outside_gold_countries"] = ResolvedOutsideGoldCountries;
        o["outside_gold_countries_whole_countries"] = ResolvedOutsideGoldCountriesWhole;
        o["outside_gold_countries_finer_places"] = ResolvedOutsideGoldCountries - ResolvedOutsideGoldCountriesWhole;
        o["person_recall"] = Ratio(Persons.Right, Persons.Scored);
        o["organization_recall"] = Ratio(Organizations.Right, Organizations.Scored);
        return o;
    }
}
