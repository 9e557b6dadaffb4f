#!/usr/bin/env python3
"""Sorts the development part's event-type misses by mechanism, and measures display-rule variants aimed at them
(docs/benchmarks.md, "Event type recall by mechanism", issue 12, session 17). Pure Python over the salience examples:

    ./dragoman train events ../shared/data/articles-gold --out "$TMPDIR/s.tsv" --examples "$TMPDIR/ex.jsonl"
    python3 tools/type-miss-mechanisms.py "$TMPDIR/ex.jsonl" [--gold ../shared/data/articles-gold/gold] [--list]

The shipped model (models/events/salience.tsv) and its rule are re-applied to the examples, as the salience stage does,
so the type recall printed first must equal `eval articles --part dev`'s event_type_recall (a check that the
replication holds). Each development gold event not answered by a shown event of its type in its sentence is put in one class:
  found, not shown: an event of the gold type in the gold sentence exists (split by why: below the threshold, the
    article's cap, historical; and whether an event of that type is shown already);
  type found in another sentence: no event of the gold type answers it, but the article has one elsewhere;
  not found with this type: the article has no event of the gold type at all.
The found-but-not-shown misses are also counted by what their sentence shows (another type, its type, nothing).
Then two display variants, out of fold (the trainer's 5-fold split, tools/salience-lab.py) and with the shipped weights:
a lower threshold for an event of a type the article does not show yet, and a higher cap. Held-back examples are skipped.
"""
import argparse, collections, importlib.util, json, math, os

here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location('lab', os.path.join(here, 'salience-lab.py'))
lab = importlib.util.module_from_spec(spec); spec.loader.exec_module(lab)

def shipped(path):
    w, rule = {}, {'threshold': 0.35, 'top-per-article': 2, 'cap-per-article': 0}
    for line in open(path):
        if line.startswith('#') or not line.strip(): continue
        k, v = line.rstrip('\n').split('\t')
        if k in rule or k == 'one-per-sentence': rule[k] = float(v)
        else: w[k] = float(v)
    # the salience stage rounds the confidence to three places before the threshold
    return (lambda x: round(lab.sig(sum(w.get(k, 0) * v for k, v in x['features'].items())), 3)), rule

def select(xs, conf, thr, top, cap, new_type_thr=None):
    """SalienceComponent.SelectMain, with the reason an event is not shown, and an optional lower threshold for a new type."""
    order = sorted([i for i in range(len(xs)) if not xs[i]['historical']], key=lambda i: (-conf(xs[i]), i))
    seen, types, main, why = set(), set(), [False] * len(xs), {}
    kept = shown = 0
    for i in order:
        keys = {(s, xs[i]['type']) for s in xs[i].get('telling_sentences', []) + [xs[i]['sentence']]}
        if keys & seen: why[i] = 'same sentence and type as a better one'; continue
        seen |= keys
        if cap > 0 and shown >= cap: why[i] = 'cap'; continue
        c = conf(xs[i])
        if c >= thr or kept < top or (new_type_thr is not None and xs[i]['type'] not in types and c >= new_type_thr):
            main[i] = True; shown += 1; types.add(xs[i]['type'])
        else: why[i] = 'below the threshold'
        kept += 1
    for i, x in enumerate(xs):
        if x['historical']: why[i] = 'historical'
    return main, why

def by_article(xs):
    arts = collections.defaultdict(list)
    for x in xs: arts[x['article']].append(x)
    return arts

def measure(arts, gold_n, conf, thr, top, cap, new_type_thr=None):
    found = shown = out = 0
    for a, xs in arts.items():
        m, _ = select(xs, conf, thr, top, cap, new_type_thr)
        hit = set()
        for i, x in enumerate(xs):
            if m[i]: shown += 1; out += not x['in_gold_sentence']; hit |= set(x['gold_matches'])
        found += len(hit)
    G = sum(gold_n[a] for a in arts)
    return f"type recall {found / G:.3f}, {shown / len(arts):.2f} per article, outside {out / max(1, shown):.3f}"

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('examples'); ap.add_argument('--gold', default='../shared/data/articles-gold/gold')
    ap.add_argument('--model', default=os.path.join(here, '..', 'models', 'events', 'salience.tsv'))
    ap.add_argument('--list', action='store_true')
    a = ap.parse_args()
    dev = [x for x in map(json.loads, open(a.examples)) if not x['held']]
    arts = by_article(dev)
    gold = {n: json.load(open(os.path.join(a.gold, n + '.json')))['events'] for n in arts}
    conf, rule = shipped(a.model)
    thr, top, cap = rule['threshold'], int(rule['top-per-article']), int(rule['cap-per-article'])
    G = hits = 0; rows = []; reading = collections.Counter()
    for n, xs in sorted(arts.items()):
        m, why = select(xs, conf, thr, top, cap)
        shown_types = {x['type'] for i, x in enumerate(xs) if m[i]}
        for gi, g in enumerate(gold[n]):
            G += 1
            answering = [i for i, x in enumerate(xs) if gi in x['gold_matches']]
            if any(m[i] for i in answering): hits += 1; continue
            if answering:
                b = max(answering, key=lambda i: conf(xs[i]))
                seen_type = 'type shown' if xs[b]['type'] in shown_types else 'type not shown'
                # which reading of the sentence is shown, where one is (session 19: the other of two readings)
                same = [i for i, x in enumerate(xs) if m[i] and x['sentence'] == xs[b]['sentence']]
                reading[('another type shown in its sentence' if any(xs[i]['type'] != xs[b]['type'] for i in same)
                         else 'its type shown in its sentence' if same else 'nothing shown in its sentence')] += 1
                rows.append((f"found, not shown: {why.get(b)}, {seen_type}", n, g['plover'], f"{xs[b]['trigger']} {conf(xs[b])}"))
            elif any(x['type'] == g['plover'] for x in xs):
                rows.append(('type found in another sentence', n, g['plover'],
                             ', '.join(f"s{x['sentence']} {x['trigger']}" for x in xs if x['type'] == g['plover'])))
            else: rows.append(('not found with this type', n, g['plover'], ''))
    print(f"replicated dev type recall {hits / G:.4f} ({hits} of {G}; must equal eval's event_type_recall)\n")
    print(f"| mechanism (dev, {len(rows)} type misses) | misses |\n|---|---|")
    for k, c in sorted(collections.Counter(r[0] for r in rows).items()): print(f"| {k} | {c} |")
    print('\nfound, not shown, by what its sentence shows: ' + ', '.join(f'{k} {c}' for k, c in sorted(reading.items())))
    if a.list:
        for r in sorted(rows): print('\t'.join(r))
    gold_n = {n: len(gs) for n, gs in gold.items()}
    p = lab.oof(dev)
    print(f"\ndisplay variants (rule threshold {thr}, {top} best always shown, cap {cap}): out of fold | shipped weights")
    for label, kw in [('shipped rule', {}), *[(f'new type from {t}', {'new_type_thr': t}) for t in (0.30, 0.25, 0.20, 0.15)],
                      *[(f'cap {c}', {'cap': c}) for c in (5, 6)]]:
        c_ = kw.pop('cap', cap)
        print(f"  {label}: {measure(arts, gold_n, lambda x: p[id(x)], thr, top, c_, **kw)} | {measure(arts, gold_n, conf, thr, top, c_, **kw)}")

if __name__ == '__main__':
    main()
