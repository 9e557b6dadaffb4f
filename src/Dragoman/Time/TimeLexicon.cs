namespace Dragoman.Time;

/// <summary>Calendar granularities a temporal expression can name.</summary>
internal enum Gran : byte { None, Century, Decade, Year, Half, Quarter, Season, Month, Week, Weekend, Day, PartOfDay, Hour, Minute, Second }

[Flags]
internal enum LexKind : ushort
{
    None = 0,
    Month = 1,
    Weekday = 2,
    Unit = 4,
    Season = 8,
    Number = 16,
    Ordinal = 32,
    PartOfDay = 64,
    Keyword = 128,
    MonthAbbrev = 256,
}

/// <summary>Keywords the matcher reacts to (closed class words of temporal expressions).</summary>
internal enum Kw : byte
{
    None, The, A, Of, This, Last, Next, Past, Coming, Previous, Following, Early, Late, Mid, Middle, Start, Beginning, End,
    Ago, Earlier, Later, Today, Yesterday, Tomorrow, Tonight, Now, Currently, Current, Recently, Recent, Lately, Previously,
    Formerly, Soon, Future, Present, Nowadays, These, Few, Several, Couple, Some, Many, About, Around, Approximately, Nearly,
    Almost, Roughly, Over, More, Than, Least, At, Less, Up, To, Between, And, From, Until, Through, Every, Each, Daily, Weekly,
    Monthly, Annually, Yearly, Quarterly, Fiscal, Latest, Overnight, Ramadan, Eid, Fitr, Adha, Christmas,
    Same, Near, Short, Long, Term, Prior, Before, Dozen, Or, So, Within, Under, Just, Since, Period, That,
}

internal readonly record struct LexEntry(LexKind Kind, int Val = 0, Gran Unit = Gran.None, int Ord = 0, int Num = -1, Kw Kw = Kw.None);

/// <summary>The closed word lists of English temporal expressions, looked up by span without allocating.</summary>
internal static class TimeLexicon
{
    private static readonly Dictionary<string, LexEntry> Table = Build();
    private static readonly Dictionary<string, LexEntry>.AlternateLookup<ReadOnlySpan<char>> Lookup = Table.GetAlternateLookup<ReadOnlySpan<char>>();

    public static LexEntry Get(ReadOnlySpan<char> word) => Lookup.TryGetValue(word, out var e) ? e : default;

    private static Dictionary<string, LexEntry> Build()
    {
        var d = new Dictionary<string, LexEntry>(StringComparer.OrdinalIgnoreCase);
        void Add(string w, LexEntry e)
        {
            if (d.TryGetValue(w, out var old))
                e = new LexEntry(old.Kind | e.Kind, e.Val != 0 ? e.Val : old.Val, e.Unit != Gran.None ? e.Unit : old.Unit,
                    e.Ord != 0 ? e.Ord : old.Ord, e.Num >= 0 ? e.Num : old.Num, e.Kw != Kw.None ? e.Kw : old.Kw);
            d[w] = e;
        }
        string[] months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
        for (int i = 0; i < 12; i++) Add(months[i], new LexEntry(LexKind.Month, i + 1));
        string[][] abbrev = [["jan"], ["feb"], ["mar"], ["apr"], [], ["jun"], ["jul"], ["aug"], ["sep", "sept"], ["oct"], ["nov"], ["dec"]];
        for (int i = 0; i < 12; i++) foreach (var a in abbrev[i]) Add(a, new LexEntry(LexKind.MonthAbbrev, i + 1));
        string[] days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
        for (int i = 0; i < 7; i++) Add(days[i], new LexEntry(LexKind.Weekday, i + 1));
        (string, Gran)[] units =
        [
            ("second", Gran.Second), ("seconds", Gran.Second), ("minute", Gran.Minute), ("minutes", Gran.Minute), ("hour", Gran.Hour),
            ("hours", Gran.Hour), ("day", Gran.Day), ("days", Gran.Day), ("week", Gran.Week), ("weeks", Gran.Week),
            ("fortnight", Gran.Week), ("month", Gran.Month), ("months", Gran.Month), ("quarter", Gran.Quarter), ("quarters", Gran.Quarter),
            ("year", Gran.Year), ("years", Gran.Year), ("decade", Gran.Decade), ("decades", Gran.Decade), ("century", Gran.Century),
            ("centuries", Gran.Century), ("weekend", Gran.Weekend), ("weekends", Gran.Weekend), ("season", Gran.Season),
            ("half", Gran.Half), ("yr", Gran.Year), ("yrs", Gran.Year), ("mins", Gran.Minute), ("hrs", Gran.Hour),
        ];
        foreach (var (w, g) in units) Add(w, new LexEntry(LexKind.Unit, Unit: g));
        (string, int)[] seasons = [("spring", 0), ("summer", 1), ("autumn", 2), ("fall", 2), ("winter", 3), ("springtime", 0), ("summertime", 1), ("wintertime", 3)];
        foreach (var (w, s) in seasons) Add(w, new LexEntry(LexKind.Season, s + 1));
        string[] nums = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
            "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"];
        for (int i = 0; i < nums.Length; i++) Add(nums[i], new LexEntry(LexKind.Number, Num: i));
        (string, int)[] tens = [("thirty", 30), ("forty", 40), ("fifty", 50), ("sixty", 60), ("seventy", 70), ("eighty", 80), ("ninety", 90), ("hundred", 100)];
        foreach (var (w, n) in tens) Add(w, new LexEntry(LexKind.Number, Num: n));
        Add("a", new LexEntry(LexKind.Number | LexKind.Keyword, Num: 1, Kw: Kw.A));
        Add("an", new LexEntry(LexKind.Number | LexKind.Keyword, Num: 1, Kw: Kw.A));
        Add("dozen", new LexEntry(LexKind.Number | LexKind.Keyword, Num: 12, Kw: Kw.Dozen));
        string[] ords = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth",
            "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"];
        for (int i = 0; i < ords.Length; i++) Add(ords[i], new LexEntry(LexKind.Ordinal, Ord: i + 1));
        Add("thirtieth", new LexEntry(LexKind.Ordinal, Ord: 30));
        (string, int)[] pods = [("morning", 1), ("afternoon", 2), ("evening", 3), ("night", 4), ("noon", 5), ("midnight", 6), ("midday", 5), ("dawn", 7), ("daybreak", 7), ("dusk", 3)];
        foreach (var (w, p) in pods) Add(w, new LexEntry(LexKind.PartOfDay, p));
        (string, Kw)[] kws =
        [
            ("the", Kw.The), ("of", Kw.Of), ("this", Kw.This), ("last", Kw.Last), ("next", Kw.Next), ("past", Kw.Past),
            ("coming", Kw.Coming), ("previous", Kw.Previous), ("following", Kw.Following), ("early", Kw.Early), ("late", Kw.Late),
            ("mid", Kw.Mid), ("middle", Kw.Middle), ("start", Kw.Start), ("beginning", Kw.Beginning), ("end", Kw.End), ("ago", Kw.Ago),
            ("earlier", Kw.Earlier), ("later", Kw.Later), ("today", Kw.Today), ("yesterday", Kw.Yesterday), ("tomorrow", Kw.Tomorrow),
            ("tonight", Kw.Tonight), ("now", Kw.Now), ("currently", Kw.Currently), ("current", Kw.Current), ("recently", Kw.Recently),
            ("recent", Kw.Recent), ("lately", Kw.Lately), ("previously", Kw.Previously), ("formerly", Kw.Formerly), ("soon", Kw.Soon),
            ("future", Kw.Future), ("present", Kw.Present), ("nowadays", Kw.Nowadays), ("these", Kw.These), ("few", Kw.Few),
            ("several", Kw.Several), ("couple", Kw.Couple), ("some", Kw.Some), ("many", Kw.Many), ("about", Kw.About),
            ("around", Kw.Around), ("approximately", Kw.Approximately), ("nearly", Kw.Nearly), ("almost", Kw.Almost),
            ("roughly", Kw.Roughly), ("over", Kw.Over), ("more", Kw.More), ("than", Kw.Than), ("least", Kw.Least), ("at", Kw.At),
            ("less", Kw.Less), ("up", Kw.Up), ("to", Kw.To), ("between", Kw.Between), ("and", Kw.And), ("from", Kw.From),
            ("until", Kw.Until), ("till", Kw.Until), ("through", Kw.Through), ("every", Kw.Every), ("each", Kw.Each), ("daily", Kw.Daily),
            ("weekly", Kw.Weekly), ("monthly", Kw.Monthly), ("annually", Kw.Annually), ("yearly", Kw.Yearly), ("quarterly", Kw.Quarterly),
            ("fiscal", Kw.Fiscal), ("latest", Kw.Latest), ("overnight", Kw.Overnight), ("ramadan", Kw.Ramadan), ("ramadhan", Kw.Ramadan),
            ("eid", Kw.Eid), ("fitr", Kw.Fitr), ("adha", Kw.Adha), ("christmas", Kw.Christmas), ("same", Kw.Same), ("near", Kw.Near),
            ("short", Kw.Short), ("long", Kw.Long), ("term", Kw.Term), ("prior", Kw.Prior), ("before", Kw.Before), ("or", Kw.Or),
            ("so", Kw.So), ("within", Kw.Within), ("under", Kw.Under), ("just", Kw.Just), ("since", Kw.Since), ("period", Kw.Period), ("that", Kw.That),
        ];
        foreach (var (w, k) in kws) Add(w, new LexEntry(LexKind.Keyword, Kw: k));
        return d;
    }
}
