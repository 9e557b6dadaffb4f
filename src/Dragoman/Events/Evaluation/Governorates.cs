using Dragoman.Documents;

namespace Dragoman.Events.Evaluation;

/// <summary>
/// FA-KES labels locations with Syria's governorates (Violations Documentation Center usage). Until the Geo stage's
/// resolved places are in the Document, evaluation maps the first governorate or major town the article names (event
/// places first) to its governorate with this small table (governorate seats and towns, GeoNames admin1 facts).
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

    private static string? Lookup(string place)
    {
        foreach (var (name, gov) in Table)
            if (place.Contains(name, StringComparison.OrdinalIgnoreCase)) return gov;
        return null;
    }
}
