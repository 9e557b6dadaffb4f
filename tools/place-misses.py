#!/usr/bin/env python3
"""Breaks down the gold places of articles-gold by what became of them (the table in docs/benchmarks.md, "Places on
real news: where the misses come from").

Usage, from the project root:
  ./dragoman extract ../shared/data/articles-gold/input.jsonl > extract.json
  tools/place-misses.py extract.json [dev|held|all] [--list]

A gold place (with coordinates) is matched to the system's entities by its text, as `eval articles` does:
right (resolved within 161 km), wrong candidate, abstained (left unresolved with candidates), no candidate
(unresolved, no candidate at all), typed PERSON/ORG/MISC (the name is a mention of that type), inside a longer
mention (only as part of another mention's text), not spotted (in the text, no mention), name not in text."""
import collections, json, math, os, sys

args = [a for a in sys.argv[1:] if not a.startswith('--')]
if not args:
    sys.exit(__doc__)
extract, part = args[0], (args[1] if len(args) > 1 else 'dev')
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
gold_dir = os.path.join(root, '..', 'shared', 'data', 'articles-gold', 'gold')
held = {l.strip() for l in open(os.path.join(root, 'data', 'eval', 'articles-gold-held.txt')) if l.strip() and not l.startswith('#')}

text = open(extract, encoding='utf-8').read()
dec, i, docs = json.JSONDecoder(), 0, []
while True:
    while i < len(text) and text[i].isspace():
        i += 1
    if i >= len(text):
        break
    doc, i = dec.raw_decode(text, i)
    docs.append(doc)

def km(a, b, c, d):
    r = math.pi / 180
    x = math.sin((c - a) * r / 2) ** 2 + math.cos(a * r) * math.cos(c * r) * math.sin((d - b) * r / 2) ** 2
    return 6371 * 2 * math.asin(min(1, math.sqrt(x)))

squash = lambda t: ' '.join(t.split()).lower()
counts, rows = collections.Counter(), collections.defaultdict(list)
for d in docs:
    name = d['article']['uri'].rsplit('/', 1)[1].rsplit('.', 1)[0]
    if part != 'all' and (part == 'held') != (name in held):
        continue
    gold = json.load(open(os.path.join(gold_dir, name + '.json'), encoding='utf-8'))
    ents = d['entities']
    for gp in gold['places']:
        if gp.get('lat') is None:
            continue
        n = squash(gp['name'])
        places = [e for e in ents if e.get('place') and any(squash(m['text']) == n for m in e['mentions'])]
        located = [e for e in places if e['place']['lat'] is not None]
        detail = ''
        if located:
            p = located[0]['place']
            dist = km(gp['lat'], gp['lon'], p['lat'], p['lon'])
            cause = 'right' if dist <= 161 else 'wrong candidate'
            detail = f"-> {p['name']} {p['country']} {p['feature']} {dist:.0f} km"
        elif places:
            cands = places[0]['place'].get('candidates') or []
            cause = 'abstained' if cands else 'no candidate'
            detail = f'candidates {cands[:3]}'
        else:
            same = [e for e in ents if any(squash(m['text']) == n for m in e['mentions'])]
            inside = [e for e in ents if any(n in squash(m['text']) for m in e['mentions'])]
            if same:
                cause = f"typed {same[0]['type']}"
            elif inside:
                cause, detail = 'inside a longer mention', str([(e['type'], e['name']) for e in inside][:2])
            elif n not in squash(d['article']['text']):
                cause = 'name not in text'
            else:
                cause = 'not spotted'
        counts[cause] += 1
        rows[cause].append(f"{name}\t{gp['name']}\t{gp.get('kind')}\t{gp.get('country')}\t{detail}")
total = sum(counts.values())
print(f'{part}: {total} gold places')
for cause, v in counts.most_common():
    print(f'{cause:25} {v:4} {v / total:.3f}')
if '--list' in sys.argv:
    for cause in rows:
        print('==', cause)
        print('\n'.join(rows[cause]))
