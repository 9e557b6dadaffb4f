using Dragoman.Documents;

namespace Dragoman.Events.Evaluation;

/// <summary>
/// FA-KES labels locations with Syria's governorates (Violations Documentation Center usage). <see cref="Find"/> maps the
/// first governorate or major town the article names (event places first) with a small name table (governorate seats
/// and towns, GeoNames admin1 facts); <see cref="FromPlaces"/> reads the Geo stage's resolved places instead.
/// </summary>
public static class Governorates
{
    private static readonly (string Name, string Governorate)[] Table =
    [
        ("aleppo", "aleppo"), ("halab", "aleppo"), ("manbij", "aleppo"), ("al-bab", "aleppo"), ("azaz", "aleppo"), ("afrin", "aleppo"), ("jarablus", "aleppo"),
        ("damascus", "damascus"), ("ghouta", "damascus"), ("douma", "damascus"), ("harasta", "damascus"), ("jobar", "damascus"), ("darayya", "damascus"),
        ("daraya", "damascus"), ("zabadani", "damascus"), ("madaya", "damascus"), ("yarmouk camp", "damascus"), ("qaboun", "damascus"), ("arbin", "damascus"),
        ("idlib", "idlib"), ("idleb", "idlib"), ("khan sheikhoun", "idlib"), ("khan shaykhun", "idlib"), ("maarat", "idlib"), ("saraqeb", "idlib"),
        ("jisr al-shughour", "idlib"), ("ariha", "idlib"), ("binnish", "idlib"), ("kafr nabl", "idlib"), ("al-foua", "idlib"), ("kefraya", "idlib"),
        ("deir ezzor", "deir ezzor"), ("deir ez-zor", "deir ezzor"), ("deir al-zor", "deir ezzor"), ("deir el-zour", "deir ezzor"), ("deir al-zour", "deir ezzor"),
        ("deir ez-zour", "deir ezzor"), ("deir el-zor", "deir ezzor"), ("deir", "deir ezzor"), ("mayadin", "deir ezzor"), ("albukamal", "deir ezzor"),
        ("abu kamal", "deir ezzor"), ("bukamal", "deir ezzor"),
        ("raqqa", "raqqa"), ("raqa", "raqqa"), ("tabqa", "raqqa"),
        ("hasakeh", "hasakeh"), ("hasaka", "hasakeh"), ("hasakah", "hasakeh"), ("qamishli", "hasakeh"), ("qamishlo", "hasakeh"),
        ("homs", "homs"), ("palmyra", "homs"), ("tadmur", "homs"), ("rastan", "homs"), ("talbiseh", "homs"), ("qusayr", "homs"), ("houla", "homs"),
        ("daraa", "daraa"), ("deraa", "daraa"), ("dera'a", "daraa"), ("dar'a", "daraa"), ("busra", "daraa"), ("nawa", "daraa"),
        ("hama", "hama"), ("hamah", "hama"), ("morek", "hama"), ("latamneh", "hama"), ("suqaylabiyah", "hama"),
        ("quneitra", "quneitra"), ("kuneitra", "quneitra"),
        ("latakia", "lattakia"), ("lattakia", "lattakia"), ("jableh", "lattakia"),
        ("tartous", "tartous"), ("tartus", "tartous"), ("baniyas", "tartous"),
        ("sweida", "sweida"), ("suwayda", "sweida"),
    ];

    public static string? Find(Document doc)
    {
        foreach (var e in doc.Events)
            if (e.Place is { } p && Lookup(p.Text) is { } g) return g;
        var text = doc.Text;
        int best = int.MaxValue;
        string? found = null;
        foreach (var (name, gov) in Table)
        {
            int at = 0;
            while ((at = text.IndexOf(name, at, StringComparison.OrdinalIgnoreCase)) >= 0)
            {
                bool left = at == 0 || !char.IsLetter(text[at - 1]);
                bool right = at + name.Length >= text.Length || !char.IsLetter(text[at + name.Length]);
                if (left && right) { if (at < best) { best = at; found = gov; } break; }
                at += name.Length;
            }
        }
        return found;
    }

    /// <summary>GeoNames admin1 codes of Syria (admin1CodesASCII.txt, GeoNames, CC BY) as FA-KES labels; FA-KES files Rif Dimashq under damascus.</summary>
    private static readonly Dictionary<string, string> Admin1Codes = new(StringComparer.Ordinal)
    {
        ["SY.01"] = "hasakeh", ["SY.02"] = "lattakia", ["SY.03"] = "quneitra", ["SY.04"] = "raqqa", ["SY.05"] = "sweida",
        ["SY.06"] = "daraa", ["SY.07"] = "deir ezzor", ["SY.08"] = "damascus", ["SY.09"] = "aleppo", ["SY.10"] = "hama",
        ["SY.11"] = "homs", ["SY.12"] = "idlib", ["SY.13"] = "damascus", ["SY.14"] = "tartous",
    };

    /// <summary>
    /// The governorate of the places the Geo stage resolved: the first event's place (sentence or article focus), else
    /// the first resolved place of the article in Syria. Measures the product's geoparser, where <see cref="Find"/>
    /// measures a name table.
    /// </summary>
    public static string? FromPlaces(Document doc)
    {
        foreach (var e in doc.Events)
            if (e.Place is { } arg && ResolvedAt(doc, arg) is { } p && Label(p) is { } g) return g;
        foreach (var p in doc.Places.OrderBy(p => p.Span.Start))
            if (Label(p) is { } g) return g;
        return null;
    }

    private static PlaceResolution? ResolvedAt(Document doc, EventArgument arg)
    {
        if (doc.EntityById(arg.EntityId)?.PlaceIndex is int i && i < doc.Places.Count) return doc.Places[i];
        return doc.Places.Find(p => p.Span.Overlaps(arg.Span));
    }

    private static string? Label(PlaceResolution p)
    {
        if (p.Country != "SY" || p.Admin1 is not { Length: > 0 } a1) return null;
        return Admin1Codes.GetValueOrDefault(a1.Contains('.') ? a1 : "SY." + a1) ?? Lookup(a1) ?? (a1.Contains("dimashq", StringComparison.OrdinalIgnoreCase) ? "damascus" : null);
    }

    private static string? Lookup(string place)
    {
        foreach (var (name, gov) in Table)
            if (place.Contains(name, StringComparison.OrdinalIgnoreCase)) return gov;
        return null;
    }
}
