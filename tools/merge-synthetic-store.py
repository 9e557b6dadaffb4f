#!/usr/bin/env python3
# Adds N (default 200,000) synthetic stored events and merge reports to a dragoman store, to measure merge cost at scale
# (docs/benchmarks.md, "Merge"; tools/merge-scale-bench.sh):
#   python3 tools/merge-synthetic-store.py STORE.db [N] [FIRST_DAY] [DAYS] [NAMES_FROM.db]
# Random places in 12 countries, days from FIRST_DAY (DateOnly.DayNumber, default 736000 = 2016-02) over DAYS days
# (default 3100). The store must exist at the current schema (`./dragoman ingest samples/ --db STORE.db`).
# The rows are those the store's writer (SqliteIncidents.InsertReports, InsertDays, InsertNames, InsertNameDays) would write for such
# reports, and the shape of a report follows the 1,074 reports of FA-KES dev as stored at schema 20 (session 17): the
# spread of its days (day_hi - day_lo), place precision, name and noun counts. Name words follow a Zipf law over a large
# vocabulary whose most frequent words are those of NAMES_FROM's reports (a store of real articles, such as FA-KES dev:
# then the names key meets real carriers), else nonsense words. 20% of the reports are undated (as in merge-gold, a
# third of whose articles have no date), each naming one or two days of the year.
# `--check STORE.db` only verifies the blocking index rows of every report of a store against the writer's rules (SQL).
import sqlite3, random, sys, datetime, bisect

UNDATED_NAME_DAY = -1   # MergeBlocking.UndatedNameDay
MAX_DAY_SPAN = 40       # MergeReports.MaxDaySpan: MonthDays.DaysOf stops after MAX_DAY_SPAN + 1 days

def doy(n):  # MonthDays.Of: the day of the year of DateOnly.DayNumber n on a leap year's calendar
    d = datetime.date.fromordinal(n + 1); return (datetime.date(2000, d.month, d.day) - datetime.date(2000, 1, 1)).days + 1

def days_of(lo, hi, month_days):  # MonthDays.DaysOf
    if lo is None: return list(month_days)
    out = []
    n = lo
    while n <= hi and len(out) <= MAX_DAY_SPAN:
        out.append(doy(n)); n += 1
    return out

# FA-KES dev as stored at schema 20 (1,074 reports): day_hi - day_lo of the dated reports, and place precision.
SPANS = [(0, 773), (1, 14), (2, 8), (3, 223), (4, 1), (5, 3), (6, 10), (7, 9), (9, 1), (14, 2), (15, 1), (21, 2), (28, 1), (29, 3), (30, 16), (31, 2)]
PRECISIONS = [('exact', 398), ('near', 89), ('region', 482), ('country', 78)]
NAMED = 0.77     # share of its reports that carry name words (3.1 on average)
NOUNS = 12       # nouns (the words column) a report carries, about the 11.7 there

def weighted(pairs):
    keys = [k for k, _ in pairs]; cum = []
    t = 0
    for _, w in pairs: t += w; cum.append(t)
    return lambda rnd: keys[bisect.bisect_right(cum, rnd.random() * t)]

def zipf(n):  # rank r (0-based) with weight 1/(r+1)
    cum = []; t = 0.0
    for r in range(n): t += 1.0 / (r + 1); cum.append(t)
    return lambda rnd: bisect.bisect_right(cum, rnd.random() * t)

def vocabulary(names_from, size):
    head = []
    if names_from:
        src = sqlite3.connect(names_from)
        counts = {}
        for (cell,) in src.execute("select names from incident_reports where names <> ''"):
            for w in cell.split(): counts[w] = counts.get(w, 0) + 1
        head = sorted(counts, key=lambda w: (-counts[w], w))
    return head + [f'syn{k}' for k in range(size - len(head))]

def generate(db, n, lo0, span, names_from=None):
    rnd = random.Random(1)
    db.execute('PRAGMA foreign_keys=OFF')
    aid = db.execute('select min(id) from articles').fetchone()[0]
    countries = [('NG', 9, 8), ('SO', 2, 45), ('AF', 34, 66), ('YE', 15, 44), ('PH', 10, 122), ('TR', 39, 35), ('LB', 33.8, 35.8), ('UA', 49, 32), ('PS', 31.5, 34.4), ('HT', 18.5, -72.3), ('BD', 23.7, 90.4), ('SY', 35, 38)]
    fams = ['violence'] * 6 + ['strategic'] * 2 + ['demonstration'] + [None]
    actions = {'violence': [('attack', 'Battles'), ('airstrike', 'Explosions/Remote violence'), ('shelling', 'Explosions/Remote violence'),
                            ('attack', 'Violence against civilians'), ('bombing', 'Explosions/Remote violence'), ('clash', 'Battles')],
               'strategic': [('arrest', 'Strategic developments'), ('seize', 'Strategic developments'), ('restrict', 'Strategic developments')],
               'demonstration': [('protest', 'Protests')], None: [('consult', None), ('cooperate', None)]}
    span_of = weighted(SPANS); precision_of = weighted(PRECISIONS)
    names = vocabulary(names_from, 20000); name_rank = zipf(len(names))
    nouns = [f'noun{k}' for k in range(3000)]; noun_rank = zipf(len(nouns))
    first_row = (db.execute('select max(id) from events').fetchone()[0] or 0) + 1000000
    first_incident = (db.execute('select max(id) from incidents').fetchone()[0] or 0) + 1000000
    ev = []; rep = []; inc = []; days = []; nms = []; nds = []
    for i in range(n):
        f = rnd.choice(fams); a, acled = rnd.choice(actions[f]); c, la, lo = rnd.choice(countries)
        row = first_row + i; iid = first_incident + i
        dated = rnd.random() > 0.2
        d = lo0 + rnd.randrange(span)
        day_lo, day_hi = (d, d + span_of(rnd)) if dated else (None, None)
        precision = precision_of(rnd)
        if precision == 'country': gid, lat, lon = f'C{c}', la, lo
        else: gid, lat, lon = str(rnd.randrange(50)) + c, la + rnd.uniform(-2, 2), lo + rnd.uniform(-2, 2)
        # an undated report names one or two days of the year without a year, as 12 of 15 undated merge-gold dev pages do
        md = [] if dated else sorted({doy(d), doy(d + rnd.randrange(-3, 4))} if rnd.random() < 0.5 else {doy(d)})
        nm = sorted({names[name_rank(rnd)] for _ in range(rnd.choice([2, 3, 3, 4]))}) if rnd.random() < NAMED else []
        words = sorted({nouns[noun_rank(rnd)] for _ in range(NOUNS)})
        ev.append((row, aid, f'syn{i}', 1000 + i, a, 'asserted', lat, lon, c))
        inc.append((iid, a, f, day_lo, day_hi, 'synthetic', 1, 1, 1))
        rep.append((row, iid, f'synthetic:{i}', aid, f, a, acled, day_lo, day_hi, lat, lon, precision, c, gid, ' '.join(nm), ' '.join(words),
                    rnd.choice([None, 0, 3, 10]), 'Synthetic', 'asserted', ' '.join(map(str, md))))
        if f is not None:
            # SqliteIncidents.InsertDays: a report of a family and country under each of its days of the year
            days.extend((f, c, k, 0 if dated else 1, row) for k in days_of(day_lo, day_hi, md))
            # InsertNames: each name word under the first day, an undated report's under UndatedNameDay
            nms.extend((f, w, day_lo if dated else UNDATED_NAME_DAY, row) for w in nm)
            # InsertNameDays (schema 24): an undated report's name words under each day of the year it names
            if not dated: nds.extend((f, c, w, k, row) for w in nm for k in md)
    db.executemany('insert into events(id,article_id,event_id,ordinal,action,modality,lat,lon,country) values (?,?,?,?,?,?,?,?,?)', ev)
    db.executemany('insert into incidents(id,action,family,day_lo,day_hi,date_basis,reports,articles,outlets) values (?,?,?,?,?,?,?,?,?)', inc)
    db.executemany('insert into incident_reports(event_row,incident_id,ref,article_id,family,action,acled_type,day_lo,day_hi,lat,lon,place_precision,'
                   'country,geonameid,names,words,killed,outlet,modality,month_days) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)', rep)
    db.executemany('insert or ignore into incident_report_days(family,country,day,undated,event_row) values (?,?,?,?,?)', days)
    db.executemany('insert or ignore into incident_report_names(family,name,day,event_row) values (?,?,?,?)', nms)
    db.executemany('insert or ignore into incident_report_name_days(family,country,name,day,event_row) values (?,?,?,?,?)', nds)
    db.commit()

# The writer's rules as SQL over the stored rows (real or synthetic): each broken rule counts its reports.
# A DayNumber n is the date julianday('0001-01-01') + n; its day of the year on a leap calendar as MonthDays.Of.
DOY = "(cast(julianday('2000-' || strftime('%m-%d', 1721425.5 + {0})) - julianday('2000-01-01') as integer) + 1)"
CHECKS = {
    'schema is 24 or later': "select (select max(version) from schema_version) < 24",
    'a merge report without its event': "select count(*) from incident_reports r where not exists (select 1 from events e where e.id = r.event_row)",
    'a merge report without its incident': "select count(*) from incident_reports r where r.incident_id > 0 and not exists (select 1 from incidents i where i.id = r.incident_id)",
    'day rows of a report: not one per day of its window (dated) or named day (undated)':
        "select count(*) from incident_reports r where r.family is not null and r.country is not null and "
        "(select count(*) from incident_report_days d where d.event_row = r.event_row and d.family = r.family and d.country = r.country and d.undated = (r.day_lo is null)) <> "
        f"(case when r.day_lo is not null then min(r.day_hi - r.day_lo + 1, {MAX_DAY_SPAN + 1}) "
        "else (case when r.month_days = '' then 0 else length(r.month_days) - length(replace(r.month_days, ' ', '')) + 1 end) end)",
    'a dated report not under the day of the year of its first and last day':
        "select count(*) from incident_reports r where r.family is not null and r.country is not null and r.day_lo is not null and "
        f"r.day_hi - r.day_lo <= {MAX_DAY_SPAN} and ((select count(*) from incident_report_days d where d.event_row = r.event_row and d.day in ({DOY.format('r.day_lo')}, {DOY.format('r.day_hi')})) "
        f"<> 1 + ({DOY.format('r.day_lo')} <> {DOY.format('r.day_hi')}))",
    'day rows of a report without a family or country':
        "select count(*) from incident_reports r where (r.family is null or r.country is null) and exists (select 1 from incident_report_days d where d.event_row = r.event_row)",
    'name rows of a report: not one per name word under its first day (undated: -1)':
        "select count(*) from incident_reports r where r.family is not null and "
        "(select count(*) from incident_report_names n where n.event_row = r.event_row and n.family = r.family "
        f"and n.day = coalesce(r.day_lo, {UNDATED_NAME_DAY}) and instr(' ' || r.names || ' ', ' ' || n.name || ' ') > 0) <> "
        "(case when r.names = '' then 0 else length(r.names) - length(replace(r.names, ' ', '')) + 1 end)",
    'name-day rows of an undated report: not one per name word and named day (dated: none)':
        "select count(*) from incident_reports r where r.family is not null and r.country is not null and "
        "(select count(*) from incident_report_name_days nd where nd.event_row = r.event_row and nd.family = r.family and nd.country = r.country "
        "and instr(' ' || r.names || ' ', ' ' || nd.name || ' ') > 0 and instr(' ' || r.month_days || ' ', ' ' || nd.day || ' ') > 0) <> "
        "(case when r.day_lo is not null or r.names = '' or r.month_days = '' then 0 else "
        "(length(r.names) - length(replace(r.names, ' ', '')) + 1) * (length(r.month_days) - length(replace(r.month_days, ' ', '')) + 1) end)",
    'name-day rows of a report without a family or country, or of a dated one':
        "select count(*) from incident_reports r where (r.family is null or r.country is null or r.day_lo is not null) "
        "and exists (select 1 from incident_report_name_days nd where nd.event_row = r.event_row)",
    'name rows of a report without a family':
        "select count(*) from incident_reports r where r.family is null and exists (select 1 from incident_report_names n where n.event_row = r.event_row)",
}

def check(db):
    bad = 0
    for what, sql in CHECKS.items():
        k = db.execute(sql).fetchone()[0]
        if k: bad += 1; print(f'check: {k}: {what}', file=sys.stderr)
    return bad

if __name__ == '__main__':
    if sys.argv[1] == '--check':
        sys.exit(1 if check(sqlite3.connect(sys.argv[2])) else 0)
    db = sqlite3.connect(sys.argv[1])
    generate(db, int(sys.argv[2]) if len(sys.argv) > 2 else 200000, int(sys.argv[3]) if len(sys.argv) > 3 else 736000,
             int(sys.argv[4]) if len(sys.argv) > 4 else 3100, sys.argv[5] if len(sys.argv) > 5 else None)
    # The planner's statistics of a store of this size, as the writer's PRAGMA optimize leaves them on closing a store
    # that grew by more than 25 times: without them SQLite plans with the samples' (about 20 reports), takes the index
    # tables for small and builds Bloom filters over them in every candidate search (session 17: 35 ms a report at 200k).
    db.execute('PRAGMA analysis_limit=400'); db.execute('ANALYZE')
    db.execute('PRAGMA wal_checkpoint(TRUNCATE)')
    print(db.execute('select count(*) from incident_reports').fetchone()[0])
    sys.exit(1 if check(db) else 0)
