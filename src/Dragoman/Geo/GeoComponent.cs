using Dragoman.Documents;
using Dragoman.Pipeline;

namespace Dragoman.Geo;

/// <summary>
/// The geo stage: resolves the place mentions a recogniser found (GPE, LOC, FAC) and spots further place names
/// itself by gazetteer lookup over capitalised token sequences, adding a Mention (Source "geo") for each place it
/// finds that was not a mention yet. Fills Document.Places. Immutable and thread-safe; no I/O.
/// </summary>
public sealed class GeoComponent(PlaceResolver resolver) : IDocumentComponent
{
    public const string ComponentName = "geo";

    private readonly SettledCentres _settled = new(resolver.Gazetteer);

    public string Name => ComponentName;
    public Layer Requires => Layer.Tokens | Layer.Sentences;
    public Layer Provides => Layer.Places;

    public PlaceResolver Resolver => resolver;

    /// <summary>
    /// The component over the installed gazetteer. When none is installed the default is installed first (npm);
    /// when that fails too, a gazetteer of the project's curated supplement alone is used and a warning is logged.
    /// A data folder that holds no gazetteer and cannot be written is a <see cref="DataFolderException"/>.
    /// </summary>
    public static GeoComponent FromResources(PipelineResources resources, Action<string>? log = null)
    {
        log ??= m => Console.Error.WriteLine("dragoman: " + m);
        var bundled = PipelineResources.BundledDataDir;
        var demonyms = Demonyms.Load(GazetteerInstaller.DemonymsPath(bundled));
        if (!demonyms.IsOk) log("geo: " + demonyms.Error);
        var g = GazetteerInstaller.LoadOrInstall(resources.DataDir, bundled, install: true, log);
        Gazetteer gazetteer;
        if (g.IsOk) gazetteer = g.Value!;
        else if (!File.Exists(Gazetteer.DefaultPath(resources.DataDir)) && GazetteerInstaller.UnwritableReason(resources.DataDir) is { } why)
        {
            // no gazetteer and no way to install one: stop with the reason instead of resolving almost nothing in silence
            throw new DataFolderException($"the data folder {resources.DataDir} cannot be written ({why}): no gazetteer is installed there and none can be. " +
                "Set DRAGOMAN_HOME (or --data) to a folder you can write, or install the gazetteer there first (`dragoman gazetteer install --data DIR`).");
        }
        else
        {
            log("geo: " + g.Error);
            log("geo: warning: using the curated supplement alone; most places will not resolve until a gazetteer is installed");
            var fallback = GazetteerInstaller.BuildFrom([GazetteerInstaller.SupplementPath(bundled)], _ => { });
            gazetteer = fallback.IsOk ? fallback.Value! : new GazetteerBuilder().Build();
        }
        return new GeoComponent(new PlaceResolver(gazetteer, demonyms.IsOk ? demonyms.Value! : Demonyms.Empty));
    }

    /// <summary>
    /// "Syrias" in "Syrias Aleppo" (scraped text that lost the apostrophe of "Syria's"): a country's name plus "s",
    /// when that word names nothing itself, is looked up as the country ("Honduras" names itself).
    /// </summary>
    private string? CountryWithoutApostrophe(ReadOnlySpan<char> name)
    {
        if (name.Length < 5 || name[^1] != 's' || !char.IsUpper(name[0]) || name.IndexOf(' ') >= 0) return null;
        var g = resolver.Gazetteer;
        if (!g.LookupCanon(NameFolder.Canon(name)).IsEmpty) return null;
        var stem = name[..^1].ToString();
        foreach (var i in g.LookupCanon(NameFolder.Canon(stem)))
            if (g[i].IsCountry) return stem;
        return null;
    }

    /// <summary>
    /// The place a wire dateline opens with ("SANAA -", "PORT SUDAN, Sudan -", "DAMASCUS, Aug. 4 (Reuters) -"): the
    /// words before the first comma, parenthesis or dash of the reader's dateline span, or null.
    /// </summary>
    internal static TextSpan? DatelinePlace(string text, TextSpan? dateline)
    {
        if (dateline is not { } d || d.End > text.Length) return null;
        int s = d.Start;
        while (s < d.End && !char.IsLetter(text[s])) s++;
        int e = s;
        while (e < d.End && (char.IsLetter(text[e]) || text[e] is ' ' or '\'' or '.' || (text[e] == '-' && e + 1 < d.End && char.IsLetter(text[e + 1])))) e++;
        while (e > s && text[e - 1] is ' ' or '.') e--;
        return e - s >= 3 && char.IsUpper(text[s]) ? new TextSpan(s, e) : null;
    }

    /// <summary>Prepositions before which a recogniser's PERSON or ORG that names a known place is read as the place ("in Debre Markos").</summary>
    private static readonly HashSet<string> PlacePrepositions = new(StringComparer.OrdinalIgnoreCase) { "in", "at", "near", "outside", "around", "across", "into" };

    private static bool AfterPlacePreposition(string text, int start)
    {
        int e = start;
        while (e > 0 && text[e - 1] == ' ') e--;
        int b = e;
        while (b > 0 && char.IsLetter(text[b - 1])) b--;
        return e > b && PlacePrepositions.Contains(text[b..e]);
    }

    /// <summary>Several capitalised words ("Chasiv Yar", "Sahl al-Ghab") or one word in capitals of four letters or more ("SULAIMANI").</summary>
    private static bool LooksLikePlaceName(string name)
    {
        var words = name.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 1) return name.Length >= 4 && name.All(ch => !char.IsLetter(ch) || char.IsUpper(ch));
        return words.Length <= 4 && char.IsUpper(words[0][0]) && char.IsUpper(words[^1][0]);
    }

    /// <summary>
    /// One capitalised word the recogniser typed PERSON or ORG ("Sanaa", "Soledar") that no longer PERSON mention of
    /// the article contains ("Magdalena" beside "Magdalena Andersson" is her name): a candidate for a place reading,
    /// which then needs more than a name of several words (<see cref="NamedCountryPlace"/>).
    /// </summary>
    private static bool LoneWordWithoutPersonEvidence(string text, Mention mention, List<Mention> mentions)
    {
        var name = mention.Text;
        if (mention.Type is not (EntityType.PERSON or EntityType.ORG) || name.Length < 4 || !char.IsUpper(name[0])
            || name.Skip(1).Any(ch => !char.IsLower(ch))) return false;
        // "Aleppo said": a speaker (the city's authorities, or a person), not where something happened
        int s = mention.Span.End;
        while (s < text.Length && text[s] == ' ') s++;
        int e = s;
        while (e < text.Length && char.IsLetter(text[e])) e++;
        if (e > s && PlaceResolver.IsSpeechVerb(text[s..e])) return false;
        foreach (var other in mentions)
            if (other.Type == EntityType.PERSON && other.Text.Length > name.Length
                && other.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(name, StringComparer.Ordinal)) return false;
        return true;
    }

    /// <summary>
    /// A lone word read as a place only when it is the very name (not a spelling variant or another name) of a town or
    /// division, not a country, in a country the article names as a place: "Sanaa" in a story that names Yemen.
    /// </summary>
    private static bool NamedCountryPlace(PlaceResolution r, string mentionText, HashSet<string> namedCountries) =>
        r.IsResolved && r.Precision != PlacePrecision.Country && r.Country is { } cc && namedCountries.Contains(cc)
        && (r.Feature ?? "").Length > 0 && r.Feature![0] is 'P' or 'A' && r.Name is { } n && NameFolder.Canon(n) == NameFolder.Canon(mentionText);

    /// <summary>
    /// Nouns that say a name is a settlement or a division: "X village", "the town of X", "X province", "the
    /// departments of X, Y and Z" (a person's name takes none of them; "state" is left out: "Islamic State").
    /// Ukraine's raion and hromada are its district and municipality nouns in English-language news.
    /// </summary>
    private static readonly HashSet<string> SettlementNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "village", "villages", "town", "towns", "hamlet", "hamlets", "locality", "localities", "township", "ward", "neighbourhood", "neighborhood", "suburb", "sub-district", "subdistrict",
        "province", "provinces", "region", "regions", "district", "districts", "department", "departments", "governorate", "governorates",
        "oblast", "oblasts", "county", "counties", "municipality", "municipalities", "prefecture", "prefectures", "raion", "hromada",
    };

    /// <summary>Lower-case particles inside place names of Romance languages ("Norte de Santander", "San José del Guaviare").</summary>
    private static readonly HashSet<string> NameParticles = new(StringComparer.Ordinal) { "de", "del", "da", "do", "dos", "das", "di", "du", "des", "la", "las", "los" };

    /// <summary>
    /// Whether the words around a name call it a settlement: a settlement noun right after it that no noun follows
    /// ("X village in", not "the Trump town hall"), or before it "village of", "town of", "village
    /// called", over the other members of a list ("the villages of Hiyami, Ali Karo and Za'ara").
    /// </summary>
    internal static bool SettlementNamed(Document document, TextSpan name)
    {
        var tokens = document.Tokens;
        var text = document.Text;
        bool HasTags = document.PartOfSpeech.Length == tokens.Length;
        string Tag(int k) => HasTags && document.PartOfSpeech[k] < document.PartOfSpeechTagSet.Count ? document.PartOfSpeechTagSet[document.PartOfSpeech[k]] : "";
        string Word(int k) => text[tokens[k].Start..tokens[k].End];
        int after = document.FirstTokenFrom(name.End);
        if (after < tokens.Length && SettlementNouns.Contains(Word(after)) && char.IsLower(Word(after)[0])
            && (after + 1 >= tokens.Length || Tag(after + 1) is not ("NN" or "NNS"))) return true;
        // leftwards over list members (capitalised words, quotes, commas, "and") to "<settlement noun> of" or "called"
        int k = document.FirstTokenFrom(name.Start) - 1;
        int steps = 0;
        while (k >= 0 && steps++ < 30)
        {
            var w = Word(k);
            if (w is "," or "and" or "\"" or "“" or "”" or "'" or "al" || char.IsUpper(w[0]) || w.StartsWith("al-", StringComparison.Ordinal) || w == "-") { k--; continue; }
            // "Norte de Santander": a particle between two capitalised words of one name
            if (NameParticles.Contains(w) && k > 0 && char.IsUpper(Word(k - 1)[0]) && char.IsUpper(Word(k + 1)[0])) { k--; continue; }
            if (w is "of" or "called" or "named" && k > 0) return SettlementNouns.Contains(Word(k - 1));
            return false;
        }
        return false;
    }

    public void Process(Document document)
    {
        var text = document.Text;
        var queries = new List<PlaceQuery>();
        var fromMention = new List<int>(); // query -> mention index, or -1 for spotted
        var retype = new HashSet<int>();   // queries from PERSON/ORG mentions: retyped when they resolve
        var retypeNoCountry = new HashSet<int>(); // of those, the ones without a locative: not when they resolve to a country
        var retypeLoneWord = new HashSet<int>(); // of those, single words: only the own name of a place in a named country
        // a wire dateline names a place, whatever the recogniser made of it ("SANAA" is not the news agency)
        var dateline = DatelinePlace(text, document.Article.DatelineSpan);
        if (dateline is { } dl)
        {
            int at = document.Mentions.FindIndex(mm => mm.Span.Overlaps(dl));
            if (at >= 0 && document.Mentions[at].Type is not (EntityType.GPE or EntityType.LOC or EntityType.FAC) && document.Mentions[at].Span == dl)
                document.Mentions[at].Type = EntityType.GPE;
            else if (at < 0) { queries.Add(new PlaceQuery(dl.Start, dl.End, Given: true, Dateline: true)); fromMention.Add(-1); }
        }
        // "the Juba-Nimule highway", "the road between Tame and La Cabuya": the ends are places (a recogniser's
        // "Juba-Nimule" is split into them), and the road is placed from them once they are resolved
        var roads = RoadPlaces.Find(text);
        var roadEnds = roads.SelectMany(r => new[] { r.From, r.To }).ToHashSet();
        for (int m = 0; m < document.Mentions.Count; m++)
        {
            var mention = document.Mentions[m];
            // "Bokos Local Government Area of Plateau State": two places, whatever type the recogniser gave the whole
            var parts = PlaceResolver.DivisionChainParts(mention.Text);
            if (parts.Count < 2 && RoadEndsIn(roads, mention.Span) is { } ends) parts = ends;
            if (parts.Count > 1)
            {
                for (int k = parts.Count - 1; k >= 0; k--)
                {
                    var part = new Mention
                    {
                        Span = new TextSpan(mention.Span.Start + parts[k].Start, mention.Span.Start + parts[k].End), Type = EntityType.GPE,
                        Text = mention.Text[parts[k].Start..parts[k].End], Source = ComponentName, Confidence = mention.Confidence,
                    };
                    if (k == 0) document.Mentions[m] = part; else document.Mentions.Insert(m + 1, part);
                }
                mention = document.Mentions[m];
            }
            // "in Debre Markos" tagged PERSON, "in El-Fasher" tagged ORG: a known place after a locative, with no
            // person evidence of its own, is looked up as a spotted name (it then needs the spotted names' evidence)
            // Elsewhere, a name of several words or in capitals ("Jebel Marra", "Gaza Strip", "SULAIMANI") that resolves
            // to a place other than a country is the place too: one word alone is too often a given name ("Magdalena")
            bool afterLocative = AfterPlacePreposition(text, mention.Span.Start) || roadEnds.Contains(mention.Span);
            // "the village of X", "X village", "the villages of X and Y": the text
            // says it is a settlement, whether or not the gazetteer knows it (then it is a place left as text, which
            // the container the sentence names may still locate)
            // "near X", "north of X", "in Aleppo, Idlib and X", "X Township": the phrase calls it a place, and no
            // title, given name, verb or organisation's word calls it a person or group (Geo/PlaceEvidence)
            if (mention.Type is EntityType.PERSON or EntityType.ORG
                && (SettlementNamed(document, mention.Span) || PlaceEvidence.CallsPlace(document, m, SettlementNouns.Contains)))
            {
                mention.Type = EntityType.GPE;
                mention = WithNamePhrase(document, m, mention);
                queries.Add(new PlaceQuery(mention.Span.Start, mention.Span.End, Given: true));
                fromMention.Add(m);
                continue;
            }
            bool loneWord = !afterLocative && !LooksLikePlaceName(mention.Text) && LoneWordWithoutPersonEvidence(text, mention, document.Mentions);
            if (mention.Type is EntityType.PERSON or EntityType.ORG or EntityType.MISC
                && (afterLocative && mention.Type != EntityType.MISC || LooksLikePlaceName(mention.Text) || loneWord))
            {
                retype.Add(queries.Count);
                if (!afterLocative) retypeNoCountry.Add(queries.Count);
                if (loneWord) retypeLoneWord.Add(queries.Count);
                queries.Add(new PlaceQuery(mention.Span.Start, mention.Span.End, Given: false));
                fromMention.Add(m);
                continue;
            }
            // "US$11", "HK$": a country's code before a dollar sign names a currency, not a place
            if (mention.Type is EntityType.GPE && mention.Span.End < text.Length && text[mention.Span.End] == '$')
            {
                mention.Type = EntityType.MISC;
                continue;
            }
            if (mention.Type is EntityType.GPE or EntityType.LOC or EntityType.FAC)
            {
                // "Mocimboa" + " da Praia", "Sadr" + " city": the recogniser cut a name short that the gazetteer knows whole
                if (LongerNameEnd(document, m) is var longer and > 0)
                {
                    mention = new Mention
                    {
                        Span = new TextSpan(mention.Span.Start, longer), Type = mention.Type, Text = text[mention.Span.Start..longer],
                        Source = mention.Source, Confidence = mention.Confidence, EntityId = mention.EntityId,
                    };
                    document.Mentions[m] = mention;
                }
                // "Kaduna" + " state": the division noun belongs to the place's name
                if (mention.Type != EntityType.FAC && resolver.DivisionPhraseEnd(text, mention.Span.Start, mention.Span.End) is var end and > 0)
                {
                    mention = new Mention
                    {
                        Span = new TextSpan(mention.Span.Start, end), Type = mention.Type, Text = text[mention.Span.Start..end],
                        Source = mention.Source, Confidence = mention.Confidence, EntityId = mention.EntityId,
                    };
                    document.Mentions[m] = mention;
                }
                // "Beirut" + " port", "al-Ghab" + " plain", "Ngarbuh" + " 2": the place the text names is the whole phrase
                else if (mention.Type != EntityType.FAC) mention = WithNamePhrase(document, m, mention);
                // "northern" + " Iraq": the part of the country or division is the place the text names
                if (resolver.DirectionalPhraseStart(text, mention.Span.Start, mention.Span.End) is var begin and >= 0)
                {
                    mention = new Mention
                    {
                        Span = new TextSpan(begin, mention.Span.End), Type = mention.Type, Text = text[begin..mention.Span.End],
                        Source = mention.Source, Confidence = mention.Confidence, EntityId = mention.EntityId,
                    };
                    document.Mentions[m] = mention;
                }
                string? lookup = null;
                // "S Sudan": the abbreviated compass word belongs to the name ("South Sudan"), not to the place after it
                if (resolver.AbbreviatedCompassName(text, mention.Span.Start, mention.Span.End) is { } abbreviated)
                {
                    mention = new Mention
                    {
                        Span = new TextSpan(abbreviated.Start, mention.Span.End), Type = mention.Type, Text = text[abbreviated.Start..mention.Span.End],
                        Source = mention.Source, Confidence = mention.Confidence, EntityId = mention.EntityId,
                    };
                    document.Mentions[m] = mention;
                    lookup = abbreviated.Name;
                }
                queries.Add(new PlaceQuery(mention.Span.Start, mention.Span.End, Given: true, Lookup: lookup ?? CountryWithoutApostrophe(text.AsSpan(mention.Span.Start, mention.Span.End - mention.Span.Start)),
                    Dateline: mention.Span == dateline));
                fromMention.Add(m);
            }
        }
        var mentionSpans = new SpanOverlaps(document.Mentions.Select(m => m.Span));
        foreach (var q in PlaceSpotter.Spot(text, document.Tokens, document.Sentences, resolver.Gazetteer, mentionSpans.Overlaps))
        {
            // a spotted "Qarmoun" + " port" is the whole phrase too
            queries.Add(q.InsideLongerName || NamePhraseEnd(text, q.Start, q.End) is not (var end and > 0) ? q : q with { End = end });
            fromMention.Add(-1);
        }
        if (queries.Count == 0) return;
        var outlets = document.Article.Credits.Where(c => c.Role is CreditRole.OriginalOutlet or CreditRole.Publisher or CreditRole.Translator).Select(c => c.Name).ToList();
        if (document.Article.Publisher is { } publisher) outlets.Add(publisher);
        var results = resolver.Resolve(text, queries, outlets: outlets, cancel: document.Cancellation);
        var namedCountries = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < results.Length; i++)
            if (results[i] is { IsResolved: true, Precision: PlacePrecision.Country, Country: { } named } && !retype.Contains(i)) namedCountries.Add(named);
        for (int i = 0; i < results.Length; i++)
        {
            var r = results[i];
            if (r is null) continue;
            if (retype.Contains(i))
            {
                if (!r.IsResolved) continue;
                var f = r.Feature ?? "";
                if (retypeNoCountry.Contains(i) && r.Precision == PlacePrecision.Country) continue; // "Russia said": the state as actor
                if (retypeLoneWord.Contains(i) && !NamedCountryPlace(r, document.Mentions[fromMention[i]].Text, namedCountries)) continue;
                document.Mentions[fromMention[i]].Type = f.StartsWith('A') || f.StartsWith('P') ? EntityType.GPE : EntityType.LOC;
            }
            document.Places.Add(r);
            if (fromMention[i] < 0 && r.IsResolved)
            {
                var feature = r.Feature ?? "";
                document.Mentions.Add(new Mention
                {
                    Span = r.Span,
                    Type = feature.StartsWith('A') || feature.StartsWith('P') ? EntityType.GPE : EntityType.LOC,
                    Text = r.Text,
                    Source = ComponentName,
                    Confidence = r.Confidence,
                });
            }
        }
        // a village the gazetteer lacks takes the point of the container or neighbour the sentence names after it
        PlaceContainers.Locate(document, _settled.Of);
        foreach (var road in roads)
        {
            PlaceResolution? End(TextSpan span) => document.Places.Find(p => p.IsResolved && p.Span.Start == span.Start && p.Span.End >= span.End);
            if (RoadPlaces.Place(text, road, End(road.From), End(road.To)) is { } place) document.Places.Add(place);
        }
    }

    /// <summary>
    /// The mention widened over a name noun or numbered part after it (<see cref="NameNouns.PhraseEnd"/>), unless its
    /// name is a country's ("the Syria camp" is a camp somewhere for Syrians, not a part of Syria); else the mention.
    /// </summary>
    private Mention WithNamePhrase(Document document, int m, Mention mention)
    {
        var text = document.Text;
        int end = NamePhraseEnd(text, mention.Span.Start, mention.Span.End);
        if (end < 0) return mention;
        var wide = new Mention
        {
            Span = new TextSpan(mention.Span.Start, end), Type = mention.Type, Text = text[mention.Span.Start..end],
            Source = mention.Source, Confidence = mention.Confidence, EntityId = mention.EntityId,
        };
        document.Mentions[m] = wide;
        return wide;
    }

    /// <summary>
    /// Where a place name that the recogniser cut short ends when the text goes on with a piece of the same name: a
    /// particle and a capitalised word ("Mocimboa" + " da Praia", "San Antonio" + " de Rivas"), an article-joined word
    /// ("al-Deir" + " al-Sharqi") or a settlement noun ("Sadr" + " city"). Only when the gazetteer knows the longer name
    /// exactly, so the piece is part of a known name and not the start of the next one; -1 otherwise. The particles and nouns: <see cref="NamePieces"/>, data/gazetteer/name-pieces.txt.
    /// </summary>
    private int LongerNameEnd(Document document, int m)
    {
        var text = document.Text;
        var span = document.Mentions[m].Span;
        int e = PieceEnd(text, span.End);
        if (e < 0) return -1;
        resolver.Candidates(text[span.Start..e], false, out var kind, out int exact);
        if (kind != MatchKind.Exact || exact == 0) return -1;
        // the recogniser read the rest as a name of its own ("Mocimboa" | "Praia district"): that mention is part of
        // this one (a noun after it is the division phrase's, added next); one it straddles is left alone
        for (int k = document.Mentions.Count - 1; k >= 0; k--)
        {
            var other = document.Mentions[k].Span;
            if (k == m || other.End <= span.End || other.Start >= e) continue;
            if (k < m || other.Start < span.End) return -1;
            document.Mentions.RemoveAt(k);
        }
        return e;
    }

    /// <summary>The end of the name piece right after <paramref name="end"/> (see <see cref="LongerNameEnd"/>), or -1.</summary>
    internal static int PieceEnd(string text, int end)
    {
        if (end + 1 >= text.Length || text[end] != ' ') return -1;
        int a = end + 1, b = a;
        while (b < text.Length && (char.IsLetter(text[b]) || text[b] == '-' || text[b] == '\'' || text[b] == '\u2019')) b++;
        if (b == a) return -1;
        var word = text[a..b].TrimEnd('\'', '\u2019');
        b = a + word.Length;
        int dash = word.IndexOf('-');
        // "al-Sharqi": a particle joined to a capitalised word
        if (dash > 0 && dash + 1 < word.Length && NamePieces.IsParticle(word[..dash]) && char.IsUpper(word[dash + 1])) return b;
        // "city", "Village": a settlement noun as part of the name
        if (NamePieces.IsSettlementNoun(word)) return b;
        // "da Praia": a lower-case particle, a space and a capitalised word
        if (!NamePieces.IsParticle(word) || !char.IsLower(word[0]) || b + 1 >= text.Length || text[b] != ' ' || !char.IsUpper(text[b + 1])) return -1;
        int c = b + 1;
        while (c < text.Length && (char.IsLetter(text[c]) || text[c] == '-')) c++;
        return c;
    }

    /// <summary>Where the name phrase of the name at [start, end) ends (<see cref="NameNouns.PhraseEnd"/>), or -1 after a country's name.</summary>
    private int NamePhraseEnd(string text, int start, int end)
    {
        int phraseEnd = NameNouns.PhraseEnd(text, end);
        if (phraseEnd < 0) return -1;
        var cands = resolver.Candidates(text[start..end], false, out var kind, out int exact);
        for (int k = 0; k < exact && kind == MatchKind.Exact; k++)
            if (resolver.Gazetteer[cands[k]].IsCountry) return -1;
        return phraseEnd;
    }

    /// <summary>The two ends of a hyphened road that a mention spans ("Juba-Nimule"), relative to the mention, or null.</summary>
    private static List<(int Start, int End)>? RoadEndsIn(List<RoadPlaces.Road> roads, TextSpan mention)
    {
        foreach (var r in roads)
            if (mention.Start == r.From.Start && mention.End >= r.To.End && mention.End <= r.Span.End && r.From.End < r.To.Start && r.To.Start - r.From.End == 1)
                return [(0, r.From.End - mention.Start), (r.To.Start - mention.Start, r.To.End - mention.Start)];
        return null;
    }
}

/// <summary>Whether a span overlaps any of a fixed set of spans, in log time (a text has as many mentions as words).</summary>
internal sealed class SpanOverlaps
{
    private readonly int[] _starts;
    private readonly int[] _maxEnd; // the largest end among the spans up to each position, in start order

    public SpanOverlaps(IEnumerable<TextSpan> spans)
    {
        var sorted = spans.OrderBy(s => s.Start).ToArray();
        _starts = new int[sorted.Length];
        _maxEnd = new int[sorted.Length];
        for (int i = 0; i < sorted.Length; i++)
        {
            _starts[i] = sorted[i].Start;
            _maxEnd[i] = Math.Max(sorted[i].End, i > 0 ? _maxEnd[i - 1] : int.MinValue);
        }
    }

    /// <summary>Whether some span has Start &lt; end and End &gt; start (<see cref="TextSpan.Overlaps"/>).</summary>
    public bool Overlaps(int start, int end)
    {
        // the spans that start before end are a prefix; one of them overlaps when the prefix reaches past start
        int lo = 0, hi = _starts.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_starts[mid] < end) lo = mid + 1; else hi = mid;
        }
        return lo > 0 && _maxEnd[lo - 1] > start;
    }
}
