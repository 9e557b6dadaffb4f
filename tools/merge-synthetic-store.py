#!/usr/bin/env python3
# Adds N (default 200,000) synthetic stored events and merge reports (random places in 12 countries, nonsense names,
# from FIRST_DAY (DateOnly.DayNumber, default 736000 = 2016-02) over DAYS days (default 3100)) to a dragoman store, to
# measure merge cost at scale: python3 tools/merge-synthetic-store.py STORE.db [N] [FIRST_DAY] [DAYS]
# (see docs/benchmarks.md, "Merge" and tools/merge-scale-bench.sh). The store must exist (`./dragoman ingest samples/ --db STORE.db`).
import sqlite3, random, sys, datetime
random.seed(1)
db=sqlite3.connect(sys.argv[1])
db.execute('PRAGMA foreign_keys=OFF')
aid=db.execute('select min(id) from articles').fetchone()[0]
countries=[('NG',9,8),('SO',2,45),('AF',34,66),('YE',15,44),('PH',10,122),('TR',39,35),('LB',33.8,35.8),('UA',49,32),('PS',31.5,34.4),('HT',18.5,-72.3),('BD',23.7,90.4),('SY',35,38)]
fams=['violence']*6+['strategic']*2+['demonstration']+[None]
actions={'violence':['attack','bombing','airstrike','shelling','clash'],'strategic':['arrest','seize','release'],'demonstration':['protest'],None:['consult']}
words=['alpha','bravo','charlie','delta','echo','foxtrot','golf','hotel','india','juliet','kilo','lima','mike','november','oscar','papa']
N=int(sys.argv[2]) if len(sys.argv)>2 else 200000
lo0=int(sys.argv[3]) if len(sys.argv)>3 else 736000
span=int(sys.argv[4]) if len(sys.argv)>4 else 3100
def doy(n):  # MonthDays.Of: the day of the year of DateOnly.DayNumber n on a leap year's calendar
    d=datetime.date.fromordinal(n+1); return (datetime.date(2000,d.month,d.day)-datetime.date(2000,1,1)).days+1
ev=[]; rep=[]; inc=[]; days=[]; names=[]
for i in range(N):
    f=random.choice(fams); a=random.choice(actions[f]); c,la,lo=random.choice(countries)
    d=lo0+random.randrange(span); row=1000000+i; iid=1000000+i
    dated = random.random() > 0.2
    gid = str(random.randrange(50)) + c
    ev.append((row,aid,f'syn{i}',1000+i,a,'asserted',la+random.uniform(-2,2),lo+random.uniform(-2,2),c))
    inc.append((iid,a,f,d if dated else None,d if dated else None,'synthetic',1,1,1))
    # an undated report names one or two days of the year without a year, as 12 of 15 undated merge-gold dev pages do
    md=[] if dated else sorted({doy(d), doy(d+random.randrange(-3,4))} if random.random()<0.5 else {doy(d)})
    nm=sorted(random.sample(words,3))
    rep.append((row,iid,f'synthetic:{i}',aid,f,a,d if dated else None,d if dated else None,la,lo,'region',c,gid,' '.join(nm),random.choice([None,0,3,10]),'Synthetic','asserted',' '.join(map(str,md))))
    if f is not None: days.extend((f,c,k,0 if dated else 1,row) for k in ([doy(d)] if dated else md))
    if f is not None and dated: names.extend((f,w,d,row) for w in nm)
db.executemany('insert into events(id,article_id,event_id,ordinal,action,modality,lat,lon,country) values (?,?,?,?,?,?,?,?,?)',ev)
db.executemany('insert into incidents(id,action,family,day_lo,day_hi,date_basis,reports,articles,outlets) values (?,?,?,?,?,?,?,?,?)',inc)
db.executemany('insert into incident_reports(event_row,incident_id,ref,article_id,family,action,day_lo,day_hi,lat,lon,place_precision,country,geonameid,names,killed,outlet,modality,month_days) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)',rep)
# the blocking index of days of the year (schema 11), as the store writes it (MonthDays.DaysOf)
db.executemany('insert or ignore into incident_report_days(family,country,day,undated,event_row) values (?,?,?,?,?)',days)
# the blocking index of name words (schema 14), as the store writes it: a dated report's names under its first day
db.executemany('insert or ignore into incident_report_names(family,name,day,event_row) values (?,?,?,?)',names)
db.commit()
db.execute('PRAGMA wal_checkpoint(TRUNCATE)')
print(db.execute('select count(*) from incident_reports').fetchone())
