using System.Text;

namespace Dragoman.Entities;

/// <summary>
/// Builds the name lists baked into the model file at training time (the runtime model never reads ../shared):
/// <list type="bullet">
/// <item>country: GeoNames countryInfo.txt country names (CC BY 3.0) and Phoenix country actors (MIT);</item>
/// <item>place: GeoNames cities15000 names and ASCII names, admin1 division names (CC BY 3.0);</item>
/// <item>nationality: CLIFF wikipedia-demonyms.tsv adjectivals and demonyms (Apache-2.0), Mordecai nat_df.csv (MIT);</item>
/// <item>actor-org and actor-person: Phoenix actor dictionaries of PETRARCH2 (MIT): groups, IGOs/NGOs/companies, dated office holders;</item>
/// <item>train-PER/ORG/LOC/MISC (optional): entity strings of the training corpora seen in at least two documents.</item>
/// </list>
/// </summary>
public static class NameLists
{
    /// <summary>Kinds of list, in gazetteer order.</summary>
    public static readonly string[] Kinds = ["country", "place", "nationality", "actor-org", "actor-person", "train-PER", "train-ORG", "train-LOC", "train-MISC"];

    public const int Country = 0, Place = 1, Nationality = 2, ActorOrg = 3, ActorPerson = 4, TrainFirst = 5;

    public static Result<List<(string, int)>> FromPublicData(string dataDir)
    {
        var list = new List<(string, int)>();
        string P(params string[] parts) => Path.Combine([dataDir, .. parts]);
        var needed = new[] { P("geonames", "countryInfo.txt"), P("geonames", "cities15000_2012.txt"), P("geonames", "admin1CodesASCII.txt"),
            P("cliff-test", "wikipedia-demonyms.tsv"), P("mordecai2", "nat_df.csv"),
            P("petrarch2", "Phoenix.Countries.actors.txt"), P("petrarch2", "Phoenix.International.actors.txt"), P("petrarch2", "Phoenix.MilNonState.actors.txt") };
        foreach (var f in needed)
            if (!File.Exists(f)) return Result<List<(string, int)>>.Fail($"{f}: missing (name lists need the public dictionaries)");

        foreach (var line in File.ReadLines(needed[0]))
        {
            if (line.StartsWith('#')) continue;
            var c = line.Split('\t');
            if (c.Length > 4) list.Add((c[4], Country));
        }
        foreach (var line in File.ReadLines(needed[1]))
        {
            var c = line.Split('\t');
            if (c.Length < 3) continue;
            list.Add((c[1], Place));
            if (c[2] != c[1]) list.Add((c[2], Place));
        }
        foreach (var line in File.ReadLines(needed[2]))
        {
            var c = line.Split('\t');
            if (c.Length < 3) continue;
            list.Add((c[1], Place));
            if (c[2] != c[1]) list.Add((c[2], Place));
        }
        foreach (var line in File.ReadLines(needed[3]).Skip(1))
        {
            var c = line.Split('\t');
            if (c.Length < 3) continue;
            foreach (var name in c[1].Split(',').Concat(c[2].Split(',')))
            {
                var n = StripNote(name).Trim();
                if (n.Length > 2) list.Add((n, Nationality));
            }
        }
        foreach (var line in File.ReadLines(needed[4]).Skip(1))
        {
            var c = line.Split(',');
            if (c.Length == 2 && c[0].Length > 2) list.Add((c[0], Nationality));
        }
        AddPhoenix(list, needed[5], countries: true);
        AddPhoenix(list, needed[6], countries: false);
        AddPhoenix(list, needed[7], countries: false);
        return list;
    }

    private static string StripNote(string s)
    {
        int b = s.IndexOfAny(['(', '[']);
        return b >= 0 ? s[..b] : s;
    }

    /// <summary>
    /// Phoenix/TABARI actor syntax: a primary name line (underscores for spaces), '+' synonym lines, codes in brackets
    /// on the line or on tab-indented lines after it, '#' comments. Country blocks (a 3-letter code) give their primary
    /// name as a country; blocks whose code carries a date range are office holders (persons); other blocks are organisations.
    /// </summary>
    private static void AddPhoenix(List<(string, int)> list, string path, bool countries)
    {
        var names = new List<string>();
        string? code = null;
        void Flush()
        {
            if (names.Count == 0) return;
            int kind;
            if (code is not null && countries && code.Length == 3 && code.All(char.IsLetter)) kind = Country;
            else if (code is not null && code.Any(char.IsDigit)) kind = ActorPerson;
            else kind = ActorOrg;
            for (int i = 0; i < names.Count; i++)
            {
                if (kind == Country && i > 0) break; // country synonyms list cities and provinces too
                foreach (var n in Clean(names[i])) list.Add((n, kind));
            }
            names.Clear();
            code = null;
        }
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw;
            int hash = line.IndexOf('#');
            if (hash >= 0) line = line[..hash];
            if (line.Trim().Length == 0) continue;
            string? lineCode = null;
            int lb = line.IndexOf('[');
            if (lb >= 0)
            {
                int rb = line.IndexOf(']', lb);
                lineCode = line[(lb + 1)..(rb > lb ? rb : line.Length)].Trim();
                line = line[..lb];
            }
            bool indented = raw.Length > 0 && char.IsWhiteSpace(raw[0]);
            if (indented) { code ??= lineCode; continue; }
            var t = line.Trim();
            if (t.StartsWith('+')) { foreach (var part in t.Split('+', StringSplitOptions.RemoveEmptyEntries)) names.Add(part); }
            else if (t.Length > 0)
            {
                Flush();
                foreach (var part in t.Split('+', StringSplitOptions.RemoveEmptyEntries)) names.Add(part);
            }
            if (lineCode is not null) code ??= lineCode;
        }
        Flush();
    }

    /// <summary>"ISLAMIC_ARMY_OF_ADEN_(IAA)_" gives "ISLAMIC ARMY OF ADEN" and "IAA".</summary>
    internal static IEnumerable<string> Clean(string name)
    {
        var s = name.Replace('_', ' ').Trim();
        int open = s.IndexOf('(');
        if (open >= 0)
        {
            int close = s.IndexOf(')', open);
            var inner = s[(open + 1)..(close > open ? close : s.Length)].Trim();
            if (inner.Length >= 2 && inner.All(c => char.IsUpper(c) || c == '-' || c == '.')) yield return inner;
            s = (s[..open] + (close > open ? s[(close + 1)..] : "")).Trim();
        }
        s = string.Join(' ', s.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (s.Length >= 2) yield return s;
    }

    /// <summary>Entity strings of annotated documents that occur as the same class in at least <paramref name="minDocuments"/> documents.</summary>
    public static List<(string, int)> FromTraining(IReadOnlyList<NerDocument> docs, int minDocuments)
    {
        var seen = new Dictionary<(string, int), int>();
        var inDoc = new HashSet<(string, int)>();
        var sb = new StringBuilder();
        foreach (var d in docs)
        {
            inDoc.Clear();
            for (int s = 0; s < d.Sentences.Length; s++)
            {
                var sent = d.Sentences[s];
                foreach (var span in d.GoldSpans(s))
                {
                    var first = d.Tokens[sent.FirstToken + span.Start];
                    var last = d.Tokens[sent.FirstToken + span.End - 1];
                    var text = d.Text[first.Start..last.End];
                    if (inDoc.Add((text.ToLowerInvariant(), span.Class))) { }
                }
            }
            foreach (var k in inDoc) seen[k] = seen.GetValueOrDefault(k) + 1;
        }
        return [.. seen.Where(p => p.Value >= minDocuments).OrderBy(p => p.Key.Item1, StringComparer.Ordinal).ThenBy(p => p.Key.Item2)
            .Select(p => (p.Key.Item1, TrainFirst + p.Key.Item2))];
    }
}
