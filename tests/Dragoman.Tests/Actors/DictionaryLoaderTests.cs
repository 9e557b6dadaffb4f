using Dragoman.Actors;
using Dragoman.Documents;
using Dragoman.Tests.Support;

namespace Dragoman.Tests.Actors;

public class DatedCodeTests
{
    [Theory]
    [InlineData("SYRGOV", "SYRGOV", null, null, "undated code")]
    [InlineData("SYRGOV 000610-000717", "SYRGOV", "2000-06-10", "2000-07-17", "six-digit range, years 00-30 are 20xx")]
    [InlineData("SYRELI 500101-000610", "SYRELI", "1950-01-01", "2000-06-10", "six-digit year 50 is 1950")]
    [InlineData("SYRGOV >000717", "SYRGOV", "2000-07-17", null, "open-ended from a date")]
    [InlineData("HTIOPPMED <061231", "HTIOPPMED", null, "2006-12-31", "until a date")]
    [InlineData("SYROPP > 20110101", "SYROPP", "2011-01-01", null, "space after '>' and an eight-digit date")]
    [InlineData("AFGELI 19270101-730717", "AFGELI", "1927-01-01", "1973-07-17", "mixed eight- and six-digit dates")]
    [InlineData("~GOV", "GOV", null, null, "agent code marker dropped")]
    public void Parses_code_brackets(string body, string code, string? from, string? to, string reason)
    {
        var c = DatedCode.Parse(body);
        Assert.True(c is not null, reason);
        Assert.True(c!.Code == code && c.From?.ToString("yyyy-MM-dd") == from && c.To?.ToString("yyyy-MM-dd") == to,
            $"{reason}: got {c.Code} {c.From} {c.To}");
    }

    [Theory]
    [InlineData("---", "no-code marker")]
    [InlineData("KORGOVBUS 2004017-20061201", "seven-digit date is malformed and dropped, not guessed")]
    [InlineData("", "empty bracket")]
    public void Rejects_no_code_and_malformed(string body, string reason) => Assert.True(DatedCode.Parse(body) is null, reason);

    [Theory]
    [InlineData("1995-05-01", "SYRELI", "before office: elite, dated")]
    [InlineData("2001-01-01", "SYRGOV", "in office since 2000-07-17")]
    [InlineData("2000-03-01", "SYRELI", "no dated code covers it: the undated default")]
    public void Resolves_by_article_date(string date, string expected, string reason)
    {
        var codes = new[] { DatedCode.Parse("SYRELI 830101-000101")!, DatedCode.Parse("SYRGOV >000717")!, DatedCode.Parse("SYRELI")! };
        Assert.True(DatedCode.Resolve(codes, DateOnly.Parse(date)) == expected, reason);
    }
}

public class PhoenixActorsReaderTests
{
    private static readonly NameShape Shape = new(["bashar", "abu", "maher"]);

    private static List<ActorEntry> Parse(string text, ActorSource source = ActorSource.PhoenixCountries) =>
        PhoenixActorsReader.Parse(text.Split('\n'), source, Shape, "t").Value!;

    [Fact]
    public void Reads_synonyms_inline_codes_and_comments()
    {
        var entries = Parse("# a comment line\nHEZBOLLAH_ [LBNREB] #  kkl 21 Mar 13\n+HIZBOLLAH\n+PARTY_OF_GOD # trailing comment\n", ActorSource.PhoenixMilNonState);
        var e = Assert.Single(entries);
        Assert.True(e.Phrases.SequenceEqual(["HEZBOLLAH", "HIZBOLLAH", "PARTY OF GOD"]), "synonyms kept, comments dropped: " + string.Join("|", e.Phrases));
        Assert.True(e.CodeOn(null) == "LBNREB" && e.Type == EntityType.ORG, "inline code of an armed group");
    }

    [Fact]
    public void Consecutive_headwords_share_the_next_code_line_and_all_following_code_lines()
    {
        var entries = Parse("JUND_AL_AQSA\nSARAYAT_AL-QUDS\n\t[SYRREBMUS]\nBASHAR_AL_ASSAD_  # CountryInfo.txt\n\t[SYRELI 830101-000101]\n\t[SYRGOV >000717]\n\t[SYRELI]\n");
        Assert.True(entries.Count(e => e.CodeOn(null) == "SYRREBMUS") == 2, "both headwords take the shared code line");
        var assad = entries.Single(e => e.Name.StartsWith("Bashar", StringComparison.Ordinal));
        Assert.True(assad.Codes.Count == 3, "three indented code lines belong to one headword");
        Assert.True(assad.CodeOn(new DateOnly(2012, 1, 1)) == "SYRGOV" && assad.Type == EntityType.PERSON, "dated code resolves to GOV after July 2000");
    }

    [Fact]
    public void Splits_leaders_listed_as_synonyms_of_their_group()
    {
        var entries = Parse("THE_ISLAMIC_STATE_OF_IRAQ\n+AQI_\n+ABU_BAKR_AL-BAGHDADI_\n+AL-BAGHDADI\n+ZARQAWI_\n+TAWHID_AND_JIHAD_\n\t[IMGMUSISI >19990101]\n", ActorSource.PhoenixCountries);
        var group = entries.Single(e => e.Type == EntityType.ORG);
        Assert.True(group.Phrases.Contains("AQI") && group.Phrases.Contains("TAWHID AND JIHAD"), "organisation names stay with the group");
        var persons = entries.Where(e => e.Type == EntityType.PERSON).ToList();
        Assert.True(persons.Count == 2, "Baghdadi (two spellings) and Zarqawi are two persons: " + string.Join(";", persons.Select(p => p.Name)));
        Assert.True(persons.All(p => p.Parent == group.Id && p.CodeOn(new DateOnly(2015, 1, 1)) == "IMGMUSISI"), "members keep the group's code and point to it");
    }

    [Fact]
    public void Country_blocks_are_left_to_CountryInfo_so_cities_do_not_become_the_country()
    {
        var entries = Parse("SYRIA_  [SYR]\n+SYRIAN_\n+DARAA\nABDUL_HALIM_KHADDAM_  # CountryInfo.txt\n\t[SYRGOV 000610-000717]\n");
        Assert.True(entries.Count == 1 && entries[0].Name == "Abdul Halim Khaddam", "the country block is skipped, the person is kept");
    }

    // block text, names expected among the entries ('|'), names that must not be entries ('|'), reason
    [Theory]
    [InlineData("IRAQ_\n+IRAQI_\n+SADR_CITY\n+MOSUL_\n+ERBIL_\n\t[IRQ <20030320]\n\t[IRQOCC 20030320-20060520]\n\t[IRQ >20060520]\n", "", "Sadr City|Mosul|Erbil",
        "a country block with dated country codes (the occupation years) lists cities, never a person")]
    [InlineData("CZECHOSLOVAKIA\n+CZECHOSLOVAK_SOCIALIST_REPUBLIC\n\t[CSK 19181001-19930101]\n", "Czechoslovak Socialist Republic", "",
        "a state's official names in a dated country block stay, as an organisation")]
    public void Dated_country_blocks_keep_state_names_and_drop_places(string block, string expected, string absent, string reason)
    {
        var entries = Parse(block);
        var names = entries.Select(e => e.Name).ToList();
        foreach (var n in expected.Split('|', StringSplitOptions.RemoveEmptyEntries))
            Assert.True(entries.Exists(e => e.Name == n && e.Type == EntityType.ORG), $"{reason}: {string.Join(";", names)}");
        foreach (var n in absent.Split('|', StringSplitOptions.RemoveEmptyEntries))
            Assert.True(!entries.Exists(e => e.Phrases.Contains(n.ToUpperInvariant())), $"{reason}: {string.Join(";", names)}");
    }

    [Fact]
    public void Bracketed_acronym_becomes_a_synonym()
    {
        var e = Assert.Single(Parse("ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_ [YEMREB]\n", ActorSource.PhoenixMilNonState));
        Assert.True(e.Phrases.Contains("AAIA") && e.Phrases.Contains("ADEN ABYAN ISLAMIC ARMY"), string.Join("|", e.Phrases));
    }

    [SharedFact]
    public void Reads_the_real_Phoenix_files()
    {
        var shape = new NameShape([]);
        var p2 = Path.Combine(Paths.SharedData, "petrarch2");
        var countries = PhoenixActorsReader.Read(Path.Combine(p2, "Phoenix.Countries.actors.txt"), ActorSource.PhoenixCountries, shape);
        Assert.True(countries.IsOk, countries.Error);
        var isis = countries.Value!.Single(e => e.Phrases.Contains("ISIS"));
        Assert.True(isis.CodeOn(new DateOnly(2015, 1, 1)) == "IMGMUSISI", "ISIS is dated from April 2013");
        var missing = PhoenixActorsReader.Read(Path.Combine(p2, "no-such.actors.txt"), ActorSource.PhoenixCountries, shape);
        Assert.False(missing.IsOk, "a missing file is an error, not an exception");
    }
}

public class AgentsReaderTests
{
    [Fact]
    public void Expands_substitution_sets_and_regular_plurals()
    {
        var agents = AgentsReader.Parse(["!PERSON! = MAN, WOMAN", "BUSINESS!PERSON! [~BUS]", "MILITIA [~REB] # comment", "ARMY [~MIL]", "POLICE {} [~COP]"], ActorSource.Other).Value!;
        var phrases = agents.Select(a => a.Phrase).ToHashSet();
        Assert.True(phrases.IsSupersetOf(["BUSINESSMAN", "BUSINESSMEN", "BUSINESSWOMAN", "MILITIAS", "ARMIES", "POLICE"]), string.Join("|", phrases));
        Assert.True(agents.First(a => a.Phrase == "MILITIA").Code == "REB", "code without the ~ marker");
    }

    [SharedFact]
    public void Reads_PLOVER_agents()
    {
        var r = AgentsReader.Read(Path.Combine(Paths.SharedData, "ngec-plover", "PLOVER_agents.txt"), ActorSource.Other);
        Assert.True(r.IsOk && r.Value!.Exists(a => a.Phrase == "MILITARY INTELLIGENCE" && a.Code == "MILSPY"), "PLOVER codes military intelligence MILSPY");
    }
}

public class CountryInfoReaderTests
{
    private static readonly (List<CountryEntry> Countries, List<LeaderTerm> Leaders) Info =
        CountryInfoReader.Read(Path.Combine(Paths.SharedData, "countryinfo", "CountryInfo.120116.txt")).Value;

    [SharedTheory]
    [InlineData("SYR", "SYRIAN", "DAMASCUS", "Syria: demonym and capital")]
    [InlineData("RUS", "RUSSIAN", "MOSCOW", "Russia")]
    [InlineData("USA", "AMERICAN", "WASHINGTON", "the United States")]
    public void Reads_names_demonyms_and_capitals(string iso, string demonym, string capital, string reason)
    {
        var c = Info.Countries.Single(x => x.Iso3 == iso);
        Assert.True(c.Demonyms.Contains(demonym) && c.Capitals.Contains(capital) && !c.Names.Contains(capital), reason);
    }

    [SharedTheory]
    [InlineData("SYR", "president", "2005-01-01", "Bashar al-Assad", "open-ended term from July 2000")]
    [InlineData("USA", "president", "1995-06-01", "Bill Clinton", "closed term")]
    [InlineData("USA", "vice-president", "2010-06-01", "Joe Biden", "another office of the same country")]
    public void Reads_dated_leaders(string iso, string office, string date, string name, string reason)
    {
        var d = DateOnly.Parse(date);
        var t = Info.Leaders.Where(l => l.Country == iso && l.Office == office && (l.From is null || l.From <= d) && (l.To is null || d <= l.To)).ToList();
        Assert.True(t.Count == 1 && t[0].Name == name, $"{reason}: got {string.Join(",", t.Select(x => x.Name))}");
    }
}

public class CompiledDictionaryTests
{
    [SharedFact]
    public void Compiled_file_round_trips_and_the_supplement_wins()
    {
        var dir = Path.Combine(Path.GetTempPath(), "dragoman-actors-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var curated = Path.Combine(Paths.RepoRoot, "data", "actors");
            var built = ActorDictionary.BuildFromSources(Paths.SharedData, curated);
            Assert.True(built.IsOk, built.Error);
            built.Value!.WriteCompiled(Path.Combine(dir, ActorDictionary.CompiledFileName), "test");
            foreach (var f in new[] { "supplement.tsv", "leaders.tsv", "given-names.txt" }) File.Copy(Path.Combine(curated, f), Path.Combine(dir, f));
            var loaded = ActorDictionary.Load(dir);
            Assert.True(loaded.IsOk, loaded.Error);
            Assert.True(loaded.Value!.Entries.Count == built.Value.Entries.Count, "same entries after the round trip");
            var hit = loaded.Value.Lookup("ISIS")[0];
            Assert.True(hit.Kind == PhraseKind.Actor && loaded.Value.Entries[hit.Index].Source == ActorSource.Supplement, "the curated supplement outranks Phoenix for ISIS");
            Assert.True(new FileInfo(Path.Combine(dir, ActorDictionary.CompiledFileName)).Length < 3_000_000, "compiled file stays small");
        }
        finally { Directory.Delete(dir, true); }
    }
}
