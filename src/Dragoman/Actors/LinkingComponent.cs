using System.Text.RegularExpressions;
using Dragoman.Documents;
using Dragoman.Pipeline;

namespace Dragoman.Actors;

/// <summary>
/// Groups mentions into entities within one article (ids "e1", "e2", ... in order of first mention): same dictionary
/// entry, same folded name, aliases the text introduces ("X (Y)", "X, known as Y", "X, or what was known previously
/// as Y", "formerly known as"), surnames of persons named in full, demonyms used as nouns ("the Russians" -> Russia),
/// and definite descriptions resolved to the nearest compatible antecedent ("the group", "the regime", "the president"
/// by the article's focus country and date). Adds actor codes (resolved by Document.ReferenceDate), roles, origins and
/// affiliations as attributes with evidence, and the place resolution overlapping a place entity.
/// </summary>
public sealed partial class LinkingComponent(ActorDictionary dictionary) : IDocumentComponent
{
    public const string SourceName = "link";
    public string Name => SourceName;
    public Layer Requires => Layer.Mentions;
    public Layer Provides => Layer.Entities | Layer.Actors;

    [GeneratedRegex(@"^\s*\)?\s*(?:\(\s*[^()]{1,60}\)\s*)?,?\s*(?:or\s+)?(?:what\s+(?:was|is)\s+|which\s+(?:was|is)\s+|who\s+(?:was|is)\s+)?(?:also\s+|previously\s+|formerly\s+|now\s+|better\s+|widely\s+|commonly\s+|locally\s+)?(?:known|referred\s+to|called|named|renamed)\s+(?:previously\s+|formerly\s+|also\s+)?(?:as\s+)?(?:the\s+)?[“""']?$", RegexOptions.IgnoreCase)]
    private static partial Regex AliasGap();

    [GeneratedRegex(@"^\s*[,(]?\s*(?:a\.?k\.?a\.?|aka|alias|formerly|previously|whose\s+(?:real\s+|full\s+|given\s+)?name\s+is|who\s+goes\s+by|nicknamed|(?:also\s+)?(?:dubbed|styled))\s+(?:the\s+)?[“""']?$", RegexOptions.IgnoreCase)]
    private static partial Regex AkaGap();

    [GeneratedRegex(@"^\s*\(\s*$")]
    private static partial Regex OpenBracket();

    [GeneratedRegex(@"(?:^\s*,\s*|,\s*who\s+(?:was|is|had\s+been|has\s+been|became|served\s+as)\s+|^\s*,?\s*who\s+(?:was|is|had\s+been|has\s+been|became|served\s+as)\s+)(?:previously\s+|formerly\s+|also\s+|once\s+)?(?:an?|the)\s+(?<role>(?:[\p{Ll}-]+\s+){0,3}?(?:commander|leader|head|chief|member|official|spokesman|spokesperson|emir|amir|founder|director|officer|fighter|judge|governor|minister|deputy|representative|coordinator|president|ambassador|envoy|mayor|cleric|preacher|activist|journalist|correspondent|reporter|researcher|analyst)s?\b(?:\s+(?:in|of|for|with|at|within)\s+(?:the\s+)?[^,.;“”""]{1,60}?)?)(?=\s*(?:[,.;]|\s+and\s+|\s+who\s+|$))")]
    private static partial Regex RoleAfter();

    [GeneratedRegex(@"\b(?:had\s+)?(?:held|holds|hold|occupied|occupies)\s+(?:an?\s+|the\s+)?(?:[\p{Ll}]+\s+){0,2}?(?:position|post|role|office)\s+(?:in|at|within|of)\s+(?:the\s+)?(?:so-called\s+)?[“""]?(?<x>[^“”"",.;]{2,60})")]
    private static partial Regex HeldPosition();

    [GeneratedRegex(@"^\s*,?\s*(?:who\s+(?:is|was|comes)\s+)?from\s+(?:the\s+(?:town|village|city|area|province|region|countryside|district|camp|neighbourhood|neighborhood)\s+of\s+)?(?<place>\p{Lu}[\p{L}'’-]*(?:\s+(?:al-|el-)?\p{Lu}[\p{L}'’-]*)*)")]
    private static partial Regex OriginAfter();

    private static readonly Dictionary<string, string> Descriptions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["group"] = "group", ["organization"] = "group", ["organisation"] = "group", ["militia"] = "group", ["movement"] = "group",
        ["faction"] = "group", ["jihadists"] = "group", ["militants"] = "group",
        ["regime"] = "GOV", ["government"] = "GOV", ["authorities"] = "GOV",
        ["president"] = "president", ["premier"] = "prime minister", ["prime"] = "prime minister", ["king"] = "king",
    };

    public void Process(Document document)
    {
        var text = document.Text;
        var mentions = document.Mentions;
        // a resolved place wins over a weak capitalisation guess that the same words are a person ("Deir al-Zor")
        foreach (var m in mentions)
            if (m.Source == ActorMentionComponent.SourceName && m.Type == EntityType.PERSON && m.Confidence <= 0.5
                && document.Places.Exists(p => p.IsResolved && p.Span == m.Span))
                m.Type = EntityType.GPE;
        AddSurnameMentions(document);
        mentions.Sort((a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : b.Span.End.CompareTo(a.Span.End));
        int n = mentions.Count;
        var parent = Enumerable.Range(0, n).ToArray();
        int Find(int x) { while (parent[x] != x) { parent[x] = parent[parent[x]]; x = parent[x]; } return x; }
        void Union(int a, int b) { a = Find(a); b = Find(b); if (a != b) parent[Math.Max(a, b)] = Math.Min(a, b); }

        // dictionary names inside longer mentions (a model's "Assad regime's Air Force Intelligence")
        var inner = document.Tokens.Length == 0 ? [] : ActorMatcher.Find(text, document.Tokens, ActorMatcher.Prepare(text, document.Tokens, dictionary), dictionary, proper: true);
        var keys = new string?[n];
        var hits = new PhraseHit?[n];
        var skip = new bool[n];
        var aliasIntroduced = new bool[n];
        var placeFocus = PlaceFocusCountry(document);
        var resolvedAt = new Dictionary<TextSpan, PlaceResolution>();
        foreach (var p in document.Places) if (p.IsResolved) resolvedAt.TryAdd(p.Span, p);
        // names that a focus-country place resolution took from an external actor entry: every mention of them is the place
        var placeNamesOverActors = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in mentions)
            foreach (var h in dictionary.Lookup(m.Text))
            {
                if (h.Kind == PhraseKind.Agent) continue;
                if (PlaceBeatsActor(document, m, h, placeFocus, resolvedAt)) placeNamesOverActors.Add(NameFolding.FoldPhrase(m.Text));
                break;
            }
        for (int i = 0; i < n; i++)
        {
            var m = mentions[i];
            var lookup = dictionary.Lookup(m.Text);
            PhraseHit? hit = null;
            foreach (var h in lookup) if (h.Kind != PhraseKind.Agent) { hit = h; break; }
            // "Bashar al-Assads forces": a known actor's name plus the "s" of a possessive that lost its apostrophe
            if (hit is null && m.Type is EntityType.PERSON or EntityType.ORG && m.Text.Length > 5 && m.Text[^1] == 's' && char.IsLower(m.Text[^2]))
                foreach (var h in dictionary.Lookup(m.Text[..^1]))
                    if (h.Kind == PhraseKind.Actor && dictionary.Entries[h.Index].Type == m.Type) { hit = h; break; }
            if (hit is { Kind: PhraseKind.Actor } ph && dictionary.Entries[ph.Index].Source != ActorSource.Supplement
                && placeNamesOverActors.Contains(NameFolding.FoldPhrase(m.Text)))
            {
                hit = null;
                if (m.Type is not (EntityType.GPE or EntityType.LOC)) m.Type = EntityType.GPE;
            }
            if (hit is null && m.Type == EntityType.ORG)
                foreach (var pm in inner)
                    if (pm.Span.End == m.Span.End && m.Span.Contains(pm.Span) && pm.Span != m.Span
                        && ActorMatcher.BestHit(dictionary, pm.Node, true) is { Kind: PhraseKind.Actor } ih && dictionary.Entries[ih.Index].Type == EntityType.ORG)
                        hit = ih; // head-final: the organisation named at the end of the mention
            hits[i] = hit;
            keys[i] = hit switch
            {
                { Kind: PhraseKind.Actor } h => "A:" + dictionary.Entries[h.Index].Id,
                { Kind: PhraseKind.Country } h => "C:" + dictionary.Countries[h.Index].Iso3,
                { Kind: PhraseKind.Capital } h => "K:" + NameFolding.FoldPhrase(m.Text),
                { Kind: PhraseKind.Demonym } h => IsAdjective(document, m) ? null : "C:" + dictionary.Countries[h.Index].Iso3,
                _ => m.Type + ":" + NameFolding.FoldPhrase(StripThe(m.Text)),
            };
            if (keys[i] is null) skip[i] = true;
        }
        // same span or same key
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < n; i++)
        {
            if (skip[i]) continue;
            if (i > 0 && mentions[i].Span == mentions[i - 1].Span && !skip[i - 1]) Union(i, i - 1);
            if (byKey.TryGetValue(keys[i]!, out var j)) Union(i, j); else byKey[keys[i]!] = i;
        }
        // "the Yarmouk basin" ... "the Yamouk basin": a place name written once with a letter dropped is the same place
        // (pairs of distinct names only: same names are already one group by key)
        var placeNames = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < n; i++)
            if (!skip[i] && hits[i] is null && mentions[i].Type is EntityType.GPE or EntityType.LOC)
                placeNames.TryAdd(NameFolding.FoldPhrase(mentions[i].Text), i);
        foreach (var (a, i) in placeNames)
            foreach (var (b, j) in placeNames)
                if (j > i && OneLetterDropped(a, b)) Union(i, j);
        // aliases introduced by the text
        for (int i = 0; i < n; i++)
        {
            if (skip[i]) continue;
            for (int j = i + 1; j < n && j < i + 4; j++)
            {
                if (skip[j] || mentions[j].Span.Start < mentions[i].Span.End) continue;
                var gap = text.AsSpan(mentions[i].Span.End, mentions[j].Span.Start - mentions[i].Span.End);
                if (gap.Length > 80) break;
                bool bracket = OpenBracket().IsMatch(gap) && mentions[j].Span.End < text.Length && text[mentions[j].Span.End] == ')';
                bool alias = AliasGap().IsMatch(gap) || AkaGap().IsMatch(gap);
                if ((bracket || alias) && Compatible(mentions[i], mentions[j]))
                {
                    Union(i, j);
                    aliasIntroduced[j] = true;
                    break;
                }
            }
        }
        // surnames and short forms of persons named in full
        var byLastWord = new Dictionary<string, List<(int Index, int Words)>>(StringComparer.Ordinal);
        var distinctNames = new HashSet<string>(StringComparer.Ordinal);
        for (int j = 0; j < n; j++)
        {
            if (skip[j] || mentions[j].Type != EntityType.PERSON) continue;
            var foldedFull = NameFolding.FoldPhrase(mentions[j].Text);
            if (!distinctNames.Add(foldedFull)) continue; // same name: already one group by key
            var full = foldedFull.Split(' ');
            if (!byLastWord.TryGetValue(full[^1], out var list)) byLastWord[full[^1]] = list = [];
            list.Add((j, full.Length));
        }
        for (int i = 0; i < n; i++)
        {
            if (skip[i] || mentions[i].Type != EntityType.PERSON) continue;
            var folded = NameFolding.FoldPhrase(mentions[i].Text).Split(' ');
            if (folded.Length > 2) continue;
            // "al-Assad" for "Bashar al-Assad"; "Abdel Rahman" for "Rami Abdel Rahman" (a two-word surname)
            bool twoWordSurname = folded.Length == 2 && folded[0] != "al";
            int target = -1;
            foreach (var (j, words) in byLastWord.GetValueOrDefault(folded[^1]) ?? [])
            {
                if (j == i || words <= folded.Length) continue;
                if (twoWordSurname && !EndsWithWords(NameFolding.FoldPhrase(mentions[j].Text).Split(' '), folded)) continue;
                if (target >= 0 && Find(target) != Find(j)) { target = -2; break; }
                target = j;
            }
            if (target >= 0) Union(i, target);
        }
        LinkShortForms(mentions, skip, Find, Union);

        // entities in order of first mention
        var groups = new Dictionary<int, List<int>>();
        for (int i = 0; i < n; i++)
        {
            if (skip[i]) continue;
            int r = Find(i);
            if (!groups.TryGetValue(r, out var list)) groups[r] = list = [];
            list.Add(i);
        }
        var entities = document.Entities;
        int firstId = entities.Count;
        foreach (var (_, members) in groups.OrderBy(g => g.Value[0]))
        {
            var e = BuildEntity(document, $"e{entities.Count + 1}", members, hits, aliasIntroduced);
            entities.Add(e);
            foreach (var i in members) mentions[i].EntityId = e.Id;
        }
        AddCreditedParties(document);
        var focus = FocusCountry(document);
        ResolveDescriptions(document, focus);
        AddAttributes(document);
        InheritAffiliationCodes(document);
        AttachPlaces(document, placeFocus, resolvedAt);
        _ = firstId;
    }

    /// <summary>
    /// Two short forms of a name the text has given: a name plus "s" where scraped text lost the apostrophe of a
    /// possessive ("Bashar al-Assads forces" is Bashar al-Assad); and a one-word organisation name that is a word of
    /// exactly one longer organisation named before ("the Observatory" after "the Syrian Observatory for Human Rights").
    /// </summary>
    private static void LinkShortForms(List<Mention> mentions, bool[] skip, Func<int, int> find, Action<int, int> union)
    {
        int n = mentions.Count;
        var folded = new string[n];
        var byName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < n; i++)
        {
            folded[i] = NameFolding.FoldPhrase(StripThe(mentions[i].Text));
            if (!skip[i] && mentions[i].Type is EntityType.PERSON or EntityType.ORG) byName.TryAdd(folded[i], i);
        }
        for (int i = 0; i < n; i++)
        {
            if (skip[i] || mentions[i].Type is not (EntityType.PERSON or EntityType.ORG)) continue;
            var f = folded[i];
            if (f.Length > 4 && f[^1] == 's' && byName.TryGetValue(f[..^1], out var j) && j != i) union(i, j);
        }
        // the words of each multi-word organisation name, split once
        var orgWords = new string[n][];
        for (int j = 0; j < n; j++)
            orgWords[j] = !skip[j] && mentions[j].Type == EntityType.ORG && folded[j].Contains(' ') ? folded[j].Split(' ') : [];
        for (int i = 0; i < n; i++)
        {
            if (skip[i] || mentions[i].Type != EntityType.ORG || folded[i].Length < 4 || folded[i].Contains(' ')) continue;
            int root = -1;
            bool ambiguous = false;
            for (int j = 0; j < i && !ambiguous; j++)
            {
                if (Array.IndexOf(orgWords[j], folded[i]) < 0) continue;
                int r = find(j);
                if (root >= 0 && root != r) ambiguous = true;
                root = r;
            }
            if (root >= 0 && !ambiguous) union(i, root);
        }
    }

    /// <summary>
    /// Outlets and translators named in the article's credit lines are organisations even when the credit line was
    /// dropped from the text: an existing entity of that name gets a "credit" attribute, else a new ORG entity is added.
    /// </summary>
    private void AddCreditedParties(Document document)
    {
        foreach (var credit in document.Article.Credits)
        {
            if (credit.Role is not (CreditRole.Translator or CreditRole.OriginalOutlet or CreditRole.Publisher)) continue;
            var folded = NameFolding.FoldPhrase(StripThe(credit.Name));
            var e = document.Entities.Find(x => NameFolding.FoldPhrase(StripThe(x.Name)) == folded || x.Aliases.Exists(a => NameFolding.FoldPhrase(StripThe(a)) == folded));
            if (e is null)
            {
                var (code, sector) = ComposeOrgCode(credit.Name);
                e = new Entity { Id = $"e{document.Entities.Count + 1}", Type = EntityType.ORG, Name = credit.Name, Actor = code };
                if (sector is not null) e.Attributes.Add(new EntityAttribute("sector", sector, credit.Evidence));
                document.Entities.Add(e);
            }
            AddOnce(e, new EntityAttribute("credit", credit.Role, credit.Evidence));
        }
    }

    private static bool EndsWithWords(string[] full, string[] tail)
    {
        if (tail.Length > full.Length) return false;
        for (int k = 1; k <= tail.Length; k++) if (full[^k] != tail[^k]) return false;
        return true;
    }

    private static string StripThe(string s) => s.StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? s[4..] : s;

    private static bool Compatible(Mention a, Mention b)
    {
        bool placeA = a.Type is EntityType.GPE or EntityType.LOC, placeB = b.Type is EntityType.GPE or EntityType.LOC;
        if (placeA != placeB) return false;
        if (a.Type == EntityType.PERSON && b.Type == EntityType.ORG || a.Type == EntityType.ORG && b.Type == EntityType.PERSON) return false;
        return true;
    }

    /// <summary>"Syrian army", "Lebanese militia": a demonym followed by a lower-case word modifies it and names no entity.</summary>
    private static bool IsAdjective(Document document, Mention m)
    {
        var text = document.Text;
        if (m.Text.EndsWith('s') && !m.Text.EndsWith("ss", StringComparison.Ordinal)) return false; // "the Russians"
        int i = m.Span.End;
        if (i < text.Length && text[i] == '-') return true; // "Syrian-Jordanian"
        while (i < text.Length && text[i] == ' ') i++;
        return i < text.Length && char.IsLetter(text[i]);
    }

    private Entity BuildEntity(Document document, string id, List<int> members, PhraseHit?[] hits, bool[] aliasIntroduced)
    {
        var mentions = document.Mentions;
        // the name: the dictionary's canonical name for the first non-alias mention with an entry, else the longest name
        int nameMention = members.FirstOrDefault(i => !aliasIntroduced[i], members[0]);
        PhraseHit? hit = null;
        foreach (var i in members.Where(i => !aliasIntroduced[i]).Concat(members))
            if (hits[i] is { } h) { hit = h; break; }
        string name;
        EntityType type;
        ActorCode? code = null;
        string? sector = null, parentName = null;
        switch (hit)
        {
            case { Kind: PhraseKind.Actor } h:
                var entry = dictionary.Entries[h.Index];
                name = entry.Name;
                type = entry.Type;
                if (entry.CodeOn(document.ReferenceDate) is { } c) code = ActorCodes.ToActorCode(c, ActorCodes.Describe(entry.Source));
                sector = entry.Sector;
                if (entry.Parent is { } p && dictionary.EntryById(p) is { } pe) parentName = pe.Name;
                break;
            case { Kind: PhraseKind.Country or PhraseKind.Demonym } h:
                name = ShortName(dictionary.Countries[h.Index]);
                type = EntityType.GPE;
                code = ActorCodes.ToActorCode(dictionary.Countries[h.Index].Iso3, "countryinfo");
                break;
            case { Kind: PhraseKind.Capital } h:
                name = mentions[nameMention].Text;
                type = EntityType.GPE;
                code = ActorCodes.ToActorCode(dictionary.Countries[h.Index].Iso3, "countryinfo");
                break;
            default:
                var candidates = members.Where(i => !aliasIntroduced[i]).DefaultIfEmpty(members[0]);
                nameMention = candidates.OrderByDescending(i => mentions[i].Text.Length).ThenBy(i => i).First();
                // "Aleppos" (a possessive written without its apostrophe) beside "Aleppo": the bare name names the entity
                var bare = mentions[nameMention].Text.Length > 4 && mentions[nameMention].Text.EndsWith('s') ? mentions[nameMention].Text[..^1] : null;
                if (bare is not null && members.FirstOrDefault(i => mentions[i].Text == bare, -1) is >= 0 and var bi) nameMention = bi;
                name = mentions[nameMention].Text;
                type = members.Select(i => mentions[i]).OrderByDescending(m => m.Confidence).First().Type;
                if (type is EntityType.ORG or EntityType.NORP) (code, sector) = ComposeOrgCode(name);
                break;
        }
        var e = new Entity { Id = id, Type = type, Name = name, Actor = code };
        var seen = new HashSet<string>(StringComparer.Ordinal) { NameFolding.FoldPhrase(name) };
        foreach (var i in members)
        {
            e.MentionIndexes.Add(i);
            var t = mentions[i].Text;
            if (mentions[i].Source == SourceName && t.StartsWith("the ", StringComparison.OrdinalIgnoreCase)) continue;
            if (seen.Add(NameFolding.FoldPhrase(t))) e.Aliases.Add(t);
        }
        if (sector is not null) e.Attributes.Add(new EntityAttribute("sector", sector, mentions[members[0]].Span));
        if (parentName is not null) e.Attributes.Add(new EntityAttribute("part-of", parentName, mentions[members[0]].Span));
        if (code is null && type is EntityType.NORP) AddJoinedCountries(e, name, mentions[members[0]].Span);
        return e;
    }

    /// <summary>
    /// "Syrian-Jordanian", "US-Russian": demonyms joined by hyphens describe a relation between countries, not one
    /// actor; each country becomes a "country" attribute (ISO3) instead of a single actor code.
    /// </summary>
    private void AddJoinedCountries(Entity e, string name, TextSpan evidence)
    {
        var parts = name.Split('-', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length < 2) return;
        var countries = new List<string>(parts.Length);
        foreach (var part in parts)
        {
            string? iso = null;
            foreach (var h in dictionary.Lookup(part))
                if (h.Kind is PhraseKind.Demonym or PhraseKind.Country) { iso = dictionary.Countries[h.Index].Iso3; break; }
            if (iso is null) return; // one part is not a country: not a joined demonym
            countries.Add(iso);
        }
        foreach (var iso in countries.Distinct()) e.Attributes.Add(new EntityAttribute("country", iso, evidence));
    }

    private static string ShortName(CountryEntry c)
    {
        var words = c.Name.Split(' ');
        if (words.Length > 1)
            foreach (var n in c.Names)
                if (!n.Contains(' ') && n.Length >= 4 && n.Length < c.Name.Length && n.StartsWith(c.Name[..4], StringComparison.OrdinalIgnoreCase))
                    return NameFolding.Display(n);
        return c.Name;
    }

    /// <summary>An organisation no dictionary knows: country from a demonym or country name inside it, sector from its head word.</summary>
    private (ActorCode?, string?) ComposeOrgCode(string name)
    {
        string? country = null;
        string? sector = null;
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        foreach (var w in words)
        {
            foreach (var candidate in new[] { w, w.Length > 5 && w.StartsWith("al", StringComparison.OrdinalIgnoreCase) ? w[2..] : null })
            {
                if (candidate is null) continue;
                foreach (var h in dictionary.Lookup(candidate))
                    if (h.Kind is PhraseKind.Country or PhraseKind.Demonym) { country ??= dictionary.Countries[h.Index].Iso3; break; }
            }
        }
        string? agent = null;
        if (ActorMentionComponent.IsMediaWord(words[^1])) { agent = "MED"; sector = "media"; }
        else
        {
            for (int k = Math.Max(0, words.Length - 3); k < words.Length && agent is null; k++)
                foreach (var h in dictionary.Lookup(string.Join(' ', words[k..])))
                    if (h.Kind == PhraseKind.Agent) { agent = dictionary.Agents[h.Index].Code; break; }
            // "Aleppo Police Command": the nearest agent word from the head backwards
            for (int k = words.Length - 2; k >= 0 && agent is null; k--)
                foreach (var h in dictionary.Lookup(words[k]))
                    if (h.Kind == PhraseKind.Agent) { agent = dictionary.Agents[h.Index].Code; break; }
        }
        var code = (country ?? "") + (agent ?? "");
        return (code.Length == 0 ? null : ActorCodes.ToActorCode(code, "dragoman-composed"), sector);
    }

    /// <summary>The country the article is about: most weight over country entities and the country part of actor codes.</summary>
    public static string? FocusCountry(Document document)
    {
        var weight = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var e in document.Entities)
            if (e.Actor?.Country is { } c)
                weight[c] = weight.GetValueOrDefault(c) + e.MentionIndexes.Count * (e.Actor.Sector is null ? 2 : 1);
        return weight.Count == 0 ? null : weight.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).First().Key;
    }

    private void ResolveDescriptions(Document document, string? focus)
    {
        var text = document.Text;
        var tokens = document.Tokens;
        var occupied = new List<Mention>?[tokens.Length];
        foreach (var m in document.Mentions)
        {
            var (f, e) = ActorMentionComponent.TokenRange(tokens, m.Span);
            for (int k = f; k < e; k++) (occupied[k] ??= []).Add(m);
        }
        for (int t = 0; t + 1 < tokens.Length; t++)
        {
            if (!text.AsSpan(tokens[t].Start, tokens[t].End - tokens[t].Start).Equals("the", StringComparison.OrdinalIgnoreCase)) continue;
            int head = t + 1;
            string? country = null;
            // "the Syrian president": a demonym before the noun names the country
            if (head + 1 < tokens.Length)
                foreach (var h in dictionary.Lookup(text[tokens[head].Start..tokens[head].End]))
                    if (h.Kind is PhraseKind.Demonym) { country = dictionary.Countries[h.Index].Iso3; head++; break; }
            if (head >= tokens.Length) break;
            var noun = text[tokens[head].Start..tokens[head].End];
            if (!Descriptions.TryGetValue(noun, out var kind)) continue;
            var span = new TextSpan(tokens[t].Start, tokens[head].End);
            bool taken = false;
            for (int k = t; k <= head && !taken; k++)
                if (occupied[k] is { } list)
                    foreach (var m in list)
                        if (!(country is not null && m.Type == EntityType.NORP && m.Span.End <= tokens[head].Start)) { taken = true; break; }
            if (taken) continue;
            // "the regime army": the noun modifies another noun
            if (head + 1 < tokens.Length && tokens[head + 1].Kind == TokenKind.Word && char.IsLower(text[tokens[head + 1].Start])
                && !text.AsSpan(tokens[head + 1].Start, tokens[head + 1].End - tokens[head + 1].Start).SequenceEqual("and")
                && dictionary.Lookup(text[tokens[head + 1].Start..tokens[head + 1].End]).ToArray().Any(h => h.Kind == PhraseKind.Agent))
                continue;
            // "the Lebanese militia Hezbollah", "the president Bashar al-Assad": an apposition to the following name
            if (head + 1 < tokens.Length && ActorMatcher.IsCapitalised(text, tokens[head + 1])
                && !(kind == "prime minister" && head + 2 < tokens.Length && ActorMatcher.IsCapitalised(text, tokens[head + 2]) is false))
                continue;
            Entity? target = kind switch
            {
                "group" => Antecedent(document, span.Start, e => e.Type == EntityType.ORG && IsNonState(e) && (country is null || e.Actor?.Country == country)),
                "prime minister" when head + 1 < tokens.Length && text.AsSpan(tokens[head + 1].Start, tokens[head + 1].End - tokens[head + 1].Start).Equals("minister", StringComparison.OrdinalIgnoreCase)
                    => (country ?? focus) is { } c3 && document.ReferenceDate is { } d3 ? LeaderEntity(document, c3, kind, d3, span = new TextSpan(span.Start, tokens[++head].End)) : null,
                "prime minister" => null,
                "GOV" => (country ?? focus) is { } c ? GovernmentOf(document, c, span) : null,
                _ => (country ?? focus) is { } c2 && document.ReferenceDate is { } date ? LeaderEntity(document, c2, kind, date, span) : null,
            };
            if (target is null) continue;
            var mention = new Mention { Span = span, Type = target.Type, Text = text[span.Start..span.End], Source = SourceName, Confidence = 0.6, EntityId = target.Id };
            document.Mentions.Add(mention);
            target.MentionIndexes.Add(document.Mentions.Count - 1);
        }
    }

    private static bool IsNonState(Entity e)
    {
        var code = e.Actor?.Code;
        if (code is null) return !e.Attributes.Exists(a => a.Kind == "sector" && a.Value == "media");
        var parts = ActorCodes.Split(code);
        return parts.Any(p => p is "REB" or "IMG" or "INS" or "OPP" or "SEP" or "RAD");
    }

    /// <summary>
    /// The compatible entity before <paramref name="offset"/> that is most salient: one point per mention in the last
    /// five sentences, half a point per earlier mention, one more when it was named in this or the previous sentence;
    /// ties go to the nearest. Entities not named in the last five sentences are not candidates.
    /// </summary>
    private static Entity? Antecedent(Document document, int offset, Func<Entity, bool> filter)
    {
        int sentence = document.SentenceAt(offset);
        // five sentences back, but never more than 3,000 characters (run-on text without sentence breaks)
        int minStart = Math.Max(sentence >= 5 ? document.Sentences[sentence - 5].Start : 0, offset - 3000);
        int recentStart = Math.Max(sentence >= 1 ? document.Sentences[sentence - 1].Start : 0, offset - 1000);
        var mentions = document.Mentions;
        // names (not descriptions) in the window, by entity
        var window = new Dictionary<string, (int Count, int Last, bool Recent)>(StringComparer.Ordinal);
        int lo = 0, hi = mentions.Count;
        while (lo < hi) { int mid = (lo + hi) >>> 1; if (mentions[mid].Span.Start < minStart) lo = mid + 1; else hi = mid; }
        for (int i = lo; i < mentions.Count; i++)
        {
            var m = mentions[i];
            if (m.Span.Start >= offset) break;
            if (m.EntityId is null || m.Span.End > offset || m.Source == SourceName) continue;
            var w = window.GetValueOrDefault(m.EntityId);
            window[m.EntityId] = (w.Count + 1, Math.Max(w.Last, m.Span.End), w.Recent || m.Span.Start >= recentStart);
        }
        Entity? best = null;
        double bestScore = 0;
        int bestEnd = -1;
        foreach (var (id, w) in window)
        {
            var e = document.EntityById(id);
            if (e is null || !filter(e)) continue;
            int earlier = 0;
            foreach (var k in e.MentionIndexes)
            {
                if (k >= mentions.Count || mentions[k].Source == SourceName) continue;
                if (mentions[k].Span.Start >= minStart || earlier >= 40) break; // indexes ascend with position
                earlier++;
            }
            double score = w.Count + 0.5 * earlier + (w.Recent ? 1 : 0);
            if (score > bestScore || score == bestScore && w.Last > bestEnd) { best = e; bestScore = score; bestEnd = w.Last; }
        }
        return best;
    }

    private static Entity? GovernmentOf(Document document, string country, TextSpan _)
    {
        var gov = document.Entities.Where(e => e.Actor is { } a && a.Country == country && a.Sector is "GOV" && e.Type == EntityType.ORG).ToList();
        return gov.Count == 1 ? gov[0] : gov.FirstOrDefault();
    }

    private Entity? LeaderEntity(Document document, string country, string office, DateOnly date, TextSpan span)
    {
        var term = dictionary.LeaderOn(country, office, date);
        if (term is null) return null;
        var variants = term.Variants.Select(NameFolding.FoldPhrase).ToHashSet(StringComparer.Ordinal);
        foreach (var e in document.Entities)
            if (e.Type == EntityType.PERSON && (variants.Contains(NameFolding.FoldPhrase(e.Name)) || e.Aliases.Any(a => variants.Contains(NameFolding.FoldPhrase(a)))))
                return e;
        ActorCode? code = null;
        foreach (var h in dictionary.Lookup(term.Name))
            if (h.Kind == PhraseKind.Actor && dictionary.Entries[h.Index].CodeOn(date) is { } c) { code = ActorCodes.ToActorCode(c, ActorCodes.Describe(dictionary.Entries[h.Index].Source)); break; }
        code ??= ActorCodes.ToActorCode(country + "GOV", "countryinfo-leaders");
        var entity = new Entity { Id = $"e{document.Entities.Count + 1}", Type = EntityType.PERSON, Name = term.Name, Actor = code };
        entity.Attributes.Add(new EntityAttribute("role", $"{office} of {country} ({term.From:yyyy-MM-dd}..{term.To:yyyy-MM-dd}, {term.Source})", span));
        document.Entities.Add(entity);
        return entity;
    }

    /// <summary>A lone capitalised token equal to the surname of a person named in full ("Kanhoush") becomes a mention.</summary>
    private static void AddSurnameMentions(Document document)
    {
        var text = document.Text;
        var surnames = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var m in document.Mentions)
        {
            if (m.Type != EntityType.PERSON) continue;
            var words = m.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length < 2) continue;
            var last = NameFolding.FoldPhrase(words[^1]);
            if (last.Length < 4) continue;
            surnames[last] = surnames.GetValueOrDefault(last) + 1;
            if (last.StartsWith("al ", StringComparison.Ordinal)) surnames[last[3..]] = surnames.GetValueOrDefault(last[3..]) + 1;
        }
        if (surnames.Count == 0) return;
        var tokens = document.Tokens;
        var occupied = new bool[tokens.Length];
        foreach (var m in document.Mentions)
        {
            var (f, e) = ActorMentionComponent.TokenRange(tokens, m.Span);
            for (int k = f; k < e; k++) occupied[k] = true;
        }
        for (int t = 0; t < tokens.Length; t++)
        {
            var tok = tokens[t];
            if (tok.Kind != TokenKind.Word || !ActorMatcher.IsCapitalised(text, tok)) continue;
            // "arrested in Hama": after a locative word the name is a place, not the surname of "Ahmed Hama"
            if (t > 0 && text.AsSpan(tokens[t - 1].Start, tokens[t - 1].End - tokens[t - 1].Start) is var prev
                && (prev.Equals("in", StringComparison.OrdinalIgnoreCase) || prev.Equals("near", StringComparison.OrdinalIgnoreCase)
                    || prev.Equals("of", StringComparison.OrdinalIgnoreCase) || prev.Equals("to", StringComparison.OrdinalIgnoreCase)
                    || prev.Equals("at", StringComparison.OrdinalIgnoreCase)))
                continue;
            if (document.Places.Exists(p => p.Span.Overlaps(tok.Span))) continue;
            var f = NameFolding.FoldPhrase(text[tok.Start..tok.End]);
            if (!surnames.ContainsKey(f)) continue;
            if (occupied[t]) continue;
            document.Mentions.Add(new Mention { Span = tok.Span, Type = EntityType.PERSON, Text = text[tok.Start..tok.End], Source = SourceName, Confidence = 0.6 });
        }
    }

    private void AddAttributes(Document document)
    {
        var text = document.Text;
        var personStarts = document.Mentions.Where(m => m.Type == EntityType.PERSON).Select(m => (m.Span.Start, m.EntityId)).OrderBy(x => x.Start).ToArray();
        var orgSpans = document.Entities.Where(o => o.Type == EntityType.ORG)
            .SelectMany(o => o.MentionIndexes.Select(k => (Span: document.Mentions[k].Span, Entity: o))).OrderBy(x => x.Span.Start).ToArray();
        foreach (var e in document.Entities)
        {
            if (e.Type != EntityType.PERSON) continue;
            foreach (var i in e.MentionIndexes.ToList())
            {
                var m = document.Mentions[i];
                int s = document.SentenceAt(m.Span.Start);
                if (s < 0) continue;
                int end = document.Sentences[s].End;
                // the clause after the mention, up to the next person named in the sentence
                int lo = FirstAtOrAfter(personStarts, m.Span.End);
                for (int k = lo; k < personStarts.Length && personStarts[k].Start < end; k++)
                    if (personStarts[k].EntityId != e.Id && personStarts[k].Start > m.Span.End) { end = personStarts[k].Start; break; }
                end = Math.Min(end, m.Span.End + 400); // roles follow closely; bounds regex work on run-on "sentences"
                var after = text[m.Span.End..end];
                // skip a following alias ("Youssef al-Nablusi, known as Abu al-Baraa, who was ...") handled at that mention
                var role = RoleAfter().Match(after);
                if (role.Success)
                {
                    var g = role.Groups["role"];
                    var span = new TextSpan(m.Span.End + g.Index, m.Span.End + g.Index + g.Length);
                    AddOnce(e, new EntityAttribute("role", g.Value, span));
                    for (int k = FirstAtOrAfter(orgSpans, span.Start); k < orgSpans.Length && orgSpans[k].Span.Start < span.End; k++)
                        if (span.Contains(orgSpans[k].Span)) AddOnce(e, new EntityAttribute("affiliation", orgSpans[k].Entity.Name, span));
                }
                var origin = OriginAfter().Match(after);
                if (origin.Success)
                {
                    var g = origin.Groups["place"];
                    AddOnce(e, new EntityAttribute("origin", g.Value, new TextSpan(m.Span.End + origin.Index, m.Span.End + g.Index + g.Length)));
                }
                var held = HeldPosition().Match(after);
                if (held.Success && held.Index < 200)
                {
                    var g = held.Groups["x"];
                    AddOnce(e, new EntityAttribute("position", g.Value.Trim(), new TextSpan(m.Span.End + held.Index, m.Span.End + g.Index + g.Length)));
                }
            }
        }
    }

    private static int FirstAtOrAfter((int Start, string? EntityId)[] a, int offset)
    {
        int lo = 0, hi = a.Length;
        while (lo < hi) { int mid = (lo + hi) >>> 1; if (a[mid].Start < offset) lo = mid + 1; else hi = mid; }
        return lo;
    }

    private static int FirstAtOrAfter((TextSpan Span, Entity Entity)[] a, int offset)
    {
        int lo = 0, hi = a.Length;
        while (lo < hi) { int mid = (lo + hi) >>> 1; if (a[mid].Span.Start < offset) lo = mid + 1; else hi = mid; }
        return lo;
    }

    private static void AddOnce(Entity e, EntityAttribute a)
    {
        if (!e.Attributes.Exists(x => x.Kind == a.Kind && x.Value == a.Value)) e.Attributes.Add(a);
    }

    /// <summary>A person with no code of their own takes the code of the group the text affiliates them with.</summary>
    private static void InheritAffiliationCodes(Document document)
    {
        foreach (var e in document.Entities)
        {
            if (e.Type != EntityType.PERSON || e.Actor is not null) continue;
            foreach (var a in e.Attributes)
            {
                if (a.Kind != "affiliation") continue;
                var org = document.Entities.Find(o => o.Name == a.Value && o.Actor is not null);
                if (org?.Actor is { } code) { e.Actor = code with { Dictionary = code.Dictionary + "+affiliation" }; break; }
            }
        }
    }

    /// <summary>
    /// Two place names of at least six letters that differ by one dropped letter ("yarmuk" / "yamuk") and start alike:
    /// a misspelling of one place within an article.
    /// </summary>
    internal static bool OneLetterDropped(string a, string b)
    {
        if (a.Length == b.Length) return false;
        if (a.Length < b.Length) (a, b) = (b, a);
        if (a.Length != b.Length + 1 || b.Length < 5 || a[0] != b[0] || a.Contains(' ') || b.Contains(' ')) return false;
        int k = 0;
        while (k < b.Length && a[k] == b[k]) k++;
        return k > 0 && a.AsSpan(k + 1).SequenceEqual(b.AsSpan(k));
    }

    /// <summary>The country where most resolved places of the article lie (ISO 3166 alpha-2), or null.</summary>
    private static string? PlaceFocusCountry(Document document)
    {
        var weight = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var p in document.Places)
            if (p.IsResolved && p.Country is { Length: > 0 } c) weight[c] = weight.GetValueOrDefault(c) + 1;
        return weight.Count == 0 ? null : weight.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).First().Key;
    }

    /// <summary>
    /// "Douma" in a Syrian article: a place mention resolved in the article's focus country beats an external dictionary's
    /// context-free actor entry of the same words (Phoenix's Russian Duma) whose code names another country.
    /// </summary>
    private bool PlaceBeatsActor(Document document, Mention m, PhraseHit hit, string? placeFocus, Dictionary<TextSpan, PlaceResolution> resolvedAt)
    {
        if (placeFocus is null || hit.Kind != PhraseKind.Actor || m.Type is not (EntityType.GPE or EntityType.LOC)) return false;
        var entry = dictionary.Entries[hit.Index];
        if (entry.Source == ActorSource.Supplement || entry.Type is EntityType.GPE or EntityType.LOC) return false;
        if (!resolvedAt.TryGetValue(m.Span, out var place) || place.Country != placeFocus) return false;
        var code = entry.CodeOn(document.ReferenceDate);
        var country = code is null ? null : ActorCodes.ToActorCode(code, "x").Country;
        var focus3 = dictionary.CountryByCode(placeFocus)?.Iso3;
        return country is null || country != focus3;
    }

    private void AttachPlaces(Document document, string? focus, Dictionary<TextSpan, PlaceResolution> resolvedAt)
    {
        if (document.Places.Count == 0) return;
        foreach (var e in document.Entities)
        {
            if (e.Type is not (EntityType.GPE or EntityType.LOC or EntityType.FAC)) continue;
            // a misspelt mention may resolve elsewhere: the resolution in the focus country first, else the most confident
            int best = -1;
            for (int k = 0; k < e.MentionIndexes.Count; k++)
            {
                if (!resolvedAt.TryGetValue(document.Mentions[e.MentionIndexes[k]].Span, out var rp)) continue;
                if (best < 0) { best = k; continue; }
                var bp = resolvedAt[document.Mentions[e.MentionIndexes[best]].Span];
                bool f = focus is not null && rp.Country == focus, bf = focus is not null && bp.Country == focus;
                if (f && !bf || f == bf && rp.Confidence > bp.Confidence) best = k;
            }
            var order = best <= 0 ? e.MentionIndexes : e.MentionIndexes.Skip(best).Take(1).Concat(e.MentionIndexes);
            foreach (var i in order)
            {
                int p = document.Places.FindIndex(pl => pl.Span.Overlaps(document.Mentions[i].Span));
                if (p < 0) continue;
                e.PlaceIndex = p;
                // a place as actor is coded by its country, as PETRARCH codes "Damascus" SYR
                if (e.Actor is null && dictionary.CountryByCode(document.Places[p].Country) is { } c)
                    e.Actor = ActorCodes.ToActorCode(c.Iso3, "geo-country");
                break;
            }
        }
    }
}
