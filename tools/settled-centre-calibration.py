#!/usr/bin/env python3
"""Calibrates where an unknown village inside a first-level division is best placed (src/Dragoman/Geo/SettledCentres.cs).

Usage: python3 tools/settled-centre-calibration.py SOURCES_DIR ADMIN1_CODES
  SOURCES_DIR: the gazetteer's source folder (`$DRAGOMAN_HOME/gazetteer/sources`, written by `dragoman gazetteer install`:
  GeoNames cities500.txt and country-state-city's states.json, the npm state points);
  ADMIN1_CODES: GeoNames admin1CodesASCII.txt (links a state point to its GeoNames admin1 code by name).

GeoNames places under 2,000 people stand in for the villages a news text names and the gazetteer lacks. For every
division linked by name with at least 10 places, the share of those villages within 161 km of: the division's point
(the npm state point), its seat (most populous PPLA/PPLC), its most populous place, and the median latitude and longitude
of its places; then, in the divisions of 20 places or more, the same where only the N most populous places are known
(a sparse gazetteer such as Sudan's), the seat and the median taken among those.
Prints the mean share over the divisions, all of them and those whose point lies over 100 km from their seat.
"""
import collections, json, math, os, sys, unicodedata


def norm(s):
    return ''.join(c for c in unicodedata.normalize('NFKD', s.lower()) if c.isalnum())


def km(a, b, c, d):
    p = math.pi / 180
    x = math.sin((c - a) * p / 2) ** 2 + math.cos(a * p) * math.cos(c * p) * math.sin((d - b) * p / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(x))


def median(ps):
    lats = sorted(p[0] for p in ps); lons = sorted(p[1] for p in ps)
    return lats[len(lats) // 2], lons[len(lons) // 2]


def share(villages, q):
    return sum(1 for v in villages if km(v[0], v[1], q[0], q[1]) <= 161) / len(villages)


def main(sources, admin1_codes):
    codes = {}
    for line in open(admin1_codes, encoding='utf8'):
        f = line.rstrip('\n').split('\t')
        cc, code = f[0].split('.')
        codes[(cc, norm(f[1]))] = code
        codes[(cc, norm(f[2]))] = code
    points = {}
    for s in json.load(open(os.path.join(sources, 'country-state-city-states.json'), encoding='utf8')):
        key = (s['countryCode'], norm(s['name']))
        if s.get('latitude') and key in codes:
            points[(s['countryCode'], codes[key])] = (float(s['latitude']), float(s['longitude']))
    places = collections.defaultdict(list)
    for line in open(os.path.join(sources, 'cities500.txt'), encoding='utf8'):
        f = line.split('\t')
        if f[6] == 'P':
            places[(f[8], f[10])].append((float(f[4]), float(f[5]), int(f[14] or 0), f[7]))
    tally = collections.defaultdict(lambda: collections.defaultdict(list))
    for key, point in points.items():
        ps = places.get(key, [])
        if len(ps) < 10:
            continue
        seats = [p for p in ps if p[3] in ('PPLA', 'PPLC')]
        seat = max(seats or ps, key=lambda p: p[2])
        villages = [p for p in ps if p[2] < 2000] or ps
        groups = ['all'] + (['point over 100 km from seat'] if km(point[0], point[1], seat[0], seat[1]) > 100 else [])
        choices = {'point': point, 'seat': seat, 'most populous': max(ps, key=lambda p: p[2]), 'median': median(ps)}
        for name, q in choices.items():
            s = share(villages, q)
            for g in groups:
                tally[g][name].append(s)
        if len(ps) < 20:
            continue
        # a sparse gazetteer: only the n most populous places known, so the seat and the median are of those
        for n in (1, 2, 3, 5, 10):
            known = sorted(ps, key=lambda p: -p[2])[:n]
            known_seat = max([p for p in known if p[3] in ('PPLA', 'PPLC')] or known, key=lambda p: p[2])
            big = km(point[0], point[1], known_seat[0], known_seat[1]) > 100
            for name, q in ((f'{n} known: point', point), (f'{n} known: seat', known_seat), (f'{n} known: median', median(known))):
                s = share(villages, q)
                tally[f'sparse, all'][name].append(s)
                if big:
                    tally[f'sparse, point over 100 km from seat'][name].append(s)
    for g, by in tally.items():
        for name, shares in by.items():
            print(f'{g}\t{name}\t{sum(shares) / len(shares):.3f}\t{len(shares)} divisions')


if __name__ == '__main__':
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
