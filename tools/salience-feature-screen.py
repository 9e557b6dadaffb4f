#!/usr/bin/env python3
"""Screens candidate salience features for the per-article display (issue 12, session 18, docs/benchmarks.md "Salience
retrained on the current extraction; display features screened"). Pure Python over the examples that
`train events --examples FILE` writes; the fit, the 5-fold split by article and the rule sweep are tools/salience-lab.py's.

    ./dragoman train events ../shared/data/articles-gold --out "$TMPDIR/s.tsv" --examples "$TMPDIR/ex.jsonl"
    python3 tools/salience-feature-screen.py "$TMPDIR/ex.jsonl" [--gold ../shared/data/articles-gold/gold]

Each candidate is added alone to the trainer's features. Printed per candidate: its weight fitted on the development
part, out-of-fold log loss and Brier score, out-of-fold recall / events per article / outside at the shipped rule
(0.35, 2 best, cap 4), the best out-of-fold rule with at most 0.30 outside at it and both neighbouring thresholds, and,
with the weights fitted on the whole development part, the development (in sample) and held-back figures at the shipped
rule. The held-back part is only reported.
"""
import argparse, collections, importlib.util, math, os

here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location('lab', os.path.join(here, 'salience-lab.py'))
L = importlib.util.module_from_spec(spec); spec.loader.exec_module(L)

def candidates(xs):
    """Article-relative facts the model lacks, from the examples alone (historical events take no part)."""
    arts = collections.defaultdict(list)
    for x in xs: arts[x['article']].append(x)
    for ev in arts.values():
        cur = [x for x in ev if not x['historical']]
        tc = collections.Counter(x['type'] for x in cur)
        top = max(tc.values(), default=0)
        ranked = sorted(tc, key=lambda t: -tc[t])
        for x in ev:
            s, t, f = x['sentence'], x['type'], {}
            if top > 0 and tc.get(t, 0) == top: f['top-type'] = 1                     # the article's most-told type
            f['log-type-rank'] = math.log(1 + ranked.index(t)) if t in ranked else 0    # rank of its type by events told
            f['log-later-same-type'] = math.log(1 + len({y['sentence'] for y in cur if y['type'] == t and y['sentence'] > s}))
            earlier = [y for y in cur if y['type'] == t and y['sentence'] < s]
            if earlier and x['place'] and not x['place_inherited'] and any(y['place'] == x['place'] for y in earlier): f['same-place-earlier'] = 1
            if earlier and x['counts']: f['count-after-type'] = 1                       # a figure on a later step of a told type
            if x['features'].get('type-in-title') and not x['features'].get('first-of-type'): f['later-of-title-type'] = 1
            if x['day'] and any(y['day'] and y['day'] != x['day'] for y in earlier): f['new-day-of-type'] = 1
            x['cand'] = f

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('examples'); ap.add_argument('--gold', default='../shared/data/articles-gold/gold')
    a = ap.parse_args()
    xs, gold = L.load(a.examples, a.gold)
    candidates(xs)
    dev = [x for x in xs if not x['held']]; held = [x for x in xs if x['held']]
    rule = (0.35, 2, 4)
    for extra in [[], ['top-type'], ['log-type-rank'], ['log-later-same-type'], ['same-place-earlier'], ['count-after-type'], ['later-of-title-type'], ['new-day-of-type']]:
        for x in xs:
            x['F'] = dict(x['features']); x['F'].update({k: v for k, v in x['cand'].items() if k in extra})
        p = L.oof(dev, key='F'); c = lambda x: p[id(x)]
        ll = sum(-math.log(min(max(p[id(x)] if x['label'] else 1 - p[id(x)], 1e-9), 1)) for x in dev) / len(dev)
        _, pts = L.sweep(dev, c, gold)
        ok = [q for q in pts if q['NO'] <= 0.30 + 1e-9]
        b = max(ok, key=lambda q: (q['SR'], -q['PA'])) if ok else None
        W = L.fit(dev, key='F'); ch = lambda x: L.prob(W, x['F'])
        print(','.join(extra) or 'base', {k: round(W.get(k, 0), 3) for k in extra}, 'OOF log loss %.4f Brier %.4f' % (ll, L.brier(dev, c)),
              '| OOF at 0.35/2/4', L.evalrule(dev, c, gold, *rule), '| OOF best <= 0.30', b and (b['rule'], b['R'], b['O']),
              '| dev in sample', L.evalrule(dev, ch, gold, *rule), '| held', L.evalrule(held, ch, gold, *rule), flush=True)

if __name__ == '__main__':
    main()
