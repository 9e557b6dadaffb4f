#!/usr/bin/env python3
"""Per-article display decisions on the salience examples (models/events/README.md, "The display decided per article",
session 15). Where tools/salience-lab.py re-does the trainer (one pointwise model, one global threshold), this file
measures decisions made relative to the article's other events, each out of fold on the development part (5 folds by
article, the trainer's split) and on the held-back part at the rule chosen on development:

  cut       a stop model over the article's ranked candidates (SelectMain's order and grouping): for the k-th, features
            relative to the ones above it (logit, gap to the best, rank, shares type/place/count/day with a shown one,
            comes after all of them, agrees with the best event); label "adds a gold main event not yet shown"; shown
            while its probability stays at or over a learned cut (a per-article cut instead of a global threshold)
  pairwise  a pairwise ranker (logistic on the feature differences of a main and a not-main event of one article,
            each article weighted alike) against the pointwise order, at a fixed number shown per article
  count     how many to show from a regression of the article's number of gold main events on article-level figures
  cost      the outside bound made a per-event cost: a second model of P(sentence holds a gold main event), shown by
            p(main) - lambda * (P(outside) - b)

    ./dragoman train events ../shared/data/articles-gold --out "$TMPDIR/s.tsv" --examples "$TMPDIR/ex.jsonl"
    python3 tools/salience-article-lab.py "$TMPDIR/ex.jsonl" [--gold ../shared/data/articles-gold/gold] [--only cut,pairwise]

The fits are Newton steps to the trainer's optimum (mean log loss + L2 0.01, not on the bias): seconds instead of the
minutes of salience-lab.py's plain gradient descent; the pointwise out-of-fold Brier score agrees with the trainer's
to the fourth decimal. Every "best" below is the highest out-of-fold recall among a grid's rules with the outside share
at or under the bound at the rule itself (not with neighbours): an optimistic figure for every variant alike.
"""
import argparse, collections, importlib.util, math, os, random

_spec = importlib.util.spec_from_file_location('salience_lab', os.path.join(os.path.dirname(os.path.abspath(__file__)), 'salience-lab.py'))
lab = importlib.util.module_from_spec(_spec); _spec.loader.exec_module(lab)
sig, select, evalrule = lab.sig, lab.select, lab.evalrule
CAP = 4  # the bound of shown events per article


def solve(a, b):
    """Gaussian elimination with partial pivoting (a is small: one row per feature)."""
    n = len(b); m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c])); m[c], m[p] = m[p], m[c]
        if abs(m[c][c]) < 1e-12: continue
        for r in range(c + 1, n):
            f = m[r][c] / m[c][c]
            if f:
                for k in range(c, n + 1): m[r][k] -= f * m[c][k]
    x = [0.0] * n
    for c in range(n - 1, -1, -1):
        x[c] = (m[c][n] - sum(m[c][k] * x[k] for k in range(c + 1, n))) / m[c][c] if abs(m[c][c]) > 1e-12 else 0.0
    return x


def fit(rows, l2=0.01, key='features', minc=3, label=lambda x: x['label'], weight=lambda x: 1.0, steps=15):
    """Weighted L2 logistic regression by Newton steps: the same objective as the trainer's gradient descent."""
    cnt = collections.Counter(k for x in rows for k in x[key])
    names = sorted(k for k, c in cnt.items() if c >= minc); idx = {k: i for i, k in enumerate(names)}
    d = len(names); bias = idx.get('bias', -1)
    data = [([(idx[k], v) for k, v in x[key].items() if k in idx], 1.0 if label(x) else 0.0, weight(x)) for x in rows]
    n = sum(r[2] for r in data) or 1.0; w = [0.0] * d
    for _ in range(steps):
        g = [0.0] * d; h = [[0.0] * d for _ in range(d)]
        for xs, y, wt in data:
            p = sig(sum(w[j] * v for j, v in xs)); e = (p - y) * wt; s = p * (1 - p) * wt
            for j, v in xs:
                g[j] += e * v
                for k, u in xs: h[j][k] += s * v * u
        for j in range(d):
            g[j] = g[j] / n + (0 if j == bias else l2 * w[j])
            h[j] = [q / n for q in h[j]]; h[j][j] += (0 if j == bias else l2) + 1e-9
        step = solve(h, g); w = [w[j] - step[j] for j in range(d)]
        if max((abs(s) for s in step), default=0) < 1e-8: break
    return dict(zip(names, w))


def prob(w, f): return sig(sum(w.get(k, 0) * v for k, v in f.items()))
def scorer(w, key='features'): return lambda x: prob(w, x[key])
def logit(p): p = min(max(p, 1e-6), 1 - 1e-6); return math.log(p / (1 - p))


def by_article(data):
    a = collections.defaultdict(list)
    for x in data: a[x['article']].append(x)
    return a


def out_of_fold(rows, fitter, folds=5):
    """Each row scored by a model fitted on the other folds' articles (articles in name order, i mod folds)."""
    names = sorted(set(x['article'] for x in rows)); fold = {n: i % folds for i, n in enumerate(names)}; p = {}
    for k in range(folds):
        score = fitter([x for x in rows if fold[x['article']] != k])
        for x in rows:
            if fold[x['article']] == k: p[id(x)] = score(x)
    return p


def best(points, bound):
    ok = [q for q in points if q['O'] <= bound]
    return max(ok, key=lambda q: (q['R'], -q['PA'])) if ok else None


# --- cut: a stop model over the ranked candidates -------------------------------------------------------------

def candidates(ev, p):
    """SelectMain's order and joined-event grouping: the events that could be shown, best first."""
    order = sorted([i for i in range(len(ev)) if not ev[i]['historical']], key=lambda i: (-p(ev[i]), i))
    seen, out = set(), []
    for i in order:
        keys = {(s, ev[i]['type']) for s in ev[i].get('telling_sentences', []) + [ev[i]['sentence']]}
        if keys & seen: continue
        seen |= keys; out.append(ev[i])
    return out


def cut_rows(ev, p):
    """One row per candidate up to the cap, with features relative to the candidates above it."""
    cs = candidates(ev, p); rows, hit = [], set()
    if not cs: return rows
    z0, top = logit(p(cs[0])), cs[0]
    for k, x in enumerate(cs[:CAP]):
        above = cs[:k]; z = logit(p(x))
        f = {'bias': 1, 'z': z, 'gap': z - z0, 'log-rank': math.log(1 + k), 'log-candidates': math.log(1 + len(cs))}
        if above:
            same = [y for y in above if y['type'] == x['type']]
            f['new-type'] = float(not same)
            f['shown-place'] = float(bool(x['place']) and any(y['place'] == x['place'] for y in same))
            f['shown-count'] = float(any(set(y['counts']) & set(x['counts']) for y in same))
            f['shown-day'] = float(bool(x['day']) and any(y['day'] == x['day'] for y in same))
            f['after-shown'] = float(all(x['sentence'] > y['sentence'] for y in above))
            f['best-day-differs'] = float(bool(x['day']) and bool(top['day']) and x['day'] != top['day'])
        f['in-lede'] = x['features'].get('in-lede', 0)
        f['own-place'] = float(bool(x['place']) and not x['place_inherited'])
        rows.append({'article': x['article'], 'f2': f, 'label': bool(set(x['gold_matches']) - hit), 'x': x})
        hit |= set(x['gold_matches'])
    return rows


def cut_figures(articles, rows_of, p2, gold, t, top):
    """Shown while the stop model's probability stays at or over t (the first top always)."""
    g = shown = out = found = 0
    for a, ev in articles.items():
        hit = set()
        for k, r in enumerate(rows_of(ev)):
            if k >= top and p2(r) < t: break
            shown += 1; out += not r['x']['in_gold_sentence']; hit |= set(r['x']['gold_matches'])
        found += len(hit); g += gold[a]
    return dict(R=round(found / g, 3), PA=round(shown / len(articles), 2), O=round(out / max(1, shown), 3))


def run_cut(dev, held, gold, p1, p1h, keys):
    devs = by_article(dev); helds = by_article(held)
    rows = [r for ev in devs.values() for r in cut_rows(ev, p1)]
    for r in rows: r['f2'] = {k: v for k, v in r['f2'].items() if k in keys}
    p2 = out_of_fold(rows, lambda tr: scorer(fit(tr, key='f2', minc=1), 'f2'))
    w2 = fit(rows, key='f2', minc=1); by_event = {id(r['x']): p2[id(r)] for r in rows}
    pts = []
    for top in (0, 1, 2):
        for t in [i / 40 for i in range(2, 36)]:
            q = cut_figures(devs, lambda ev: cut_rows(ev, p1), lambda r: by_event[id(r['x'])], gold, t, top); q['rule'] = (t, top); pts.append(q)
    def held_at(rule):
        def rows_h(ev):
            rs = cut_rows(ev, p1h)
            for r in rs: r['f2'] = {k: v for k, v in r['f2'].items() if k in keys}
            return rs
        return cut_figures(helds, rows_h, lambda r: prob(w2, r['f2']), gold, *rule)
    return pts, held_at, w2


# --- pairwise ranker ------------------------------------------------------------------------------------------

def pairs(rows):
    out = []
    for ev in by_article(rows).values():
        cur = [x for x in ev if not x['historical']]
        pos = [x for x in cur if x['label']]; neg = [x for x in cur if not x['label']]
        for a in pos:
            for b in neg:
                d = {k: a['features'].get(k, 0) - b['features'].get(k, 0) for k in set(a['features']) | set(b['features']) if k != 'bias'}
                wt = 1.0 / (len(pos) * len(neg))
                out.append({'features': d, 'label': True, 'w': wt}); out.append({'features': {k: -v for k, v in d.items()}, 'label': False, 'w': wt})
    return out


# --- count: how many to show from article-level figures -------------------------------------------------------

def article_figures(ev, p):
    cur = [x for x in ev if not x['historical']]; ps = sorted((p(x) for x in cur), reverse=True) + [0, 0, 0, 0]
    places = {x['place'] for x in cur if x['place'] and not x['place_inherited'] and p(x) > 0.2}
    days = {x['day'] for x in cur if x['day'] and p(x) > 0.2}
    return {'bias': 1, 'sum': sum(ps), 'log-events': math.log(1 + len(cur)), 'log-places': math.log(1 + len(places)),
            'log-days': math.log(1 + len(days)), 'p2': ps[1], 'p3': ps[2], 'p4': ps[3]}


def ridge(rows, l2=0.1):
    names = sorted({k for f, _ in rows for k in f}); idx = {k: i for i, k in enumerate(names)}; d = len(names)
    a = [[0.0] * d for _ in range(d)]; b = [0.0] * d
    for f, y in rows:
        xs = [(idx[k], v) for k, v in f.items()]
        for j, v in xs:
            b[j] += v * y
            for k, u in xs: a[j][k] += v * u
    for j in range(d):
        if names[j] != 'bias': a[j][j] += l2 * len(rows)
    return dict(zip(names, solve(a, b)))


def count_figures(articles, p, k_of, gold, offset, thr, low):
    g = shown = out = found = 0
    for a, ev in articles.items():
        k = max(low, min(CAP, int(math.floor(k_of(a) + offset))))
        m = select(ev, p, thr, k, k); hit = set()
        for i, x in enumerate(ev):
            if m[i]: shown += 1; out += not x['in_gold_sentence']; hit |= set(x['gold_matches'])
        found += len(hit); g += gold[a]
    return dict(R=round(found / g, 3), PA=round(shown / len(articles), 2), O=round(out / max(1, shown), 3))


HELD_WRITTEN = True  # False for an examples file of the development part only (what `train events --examples` writes)


def show(name, bound, pts, held_at):
    b = best(pts, bound)
    held = (held_at(b['rule']) if HELD_WRITTEN else 'not in the examples file: measure it with eval articles') if b else None
    print(f'  {name:<34} <= {bound:.2f}: dev oof', b, '| held at that rule', held)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('examples'); ap.add_argument('--gold', default='../shared/data/articles-gold/gold')
    ap.add_argument('--only', default='pointwise,cut,pairwise,count,cost')
    a = ap.parse_args(); only = a.only.split(',')
    xs, gold = lab.load(a.examples, a.gold)
    dev = [x for x in xs if not x['held']]; held = [x for x in xs if x['held']]
    global HELD_WRITTEN; HELD_WRITTEN = bool(held)
    po = out_of_fold(dev, lambda tr: scorer(fit(tr))); w1 = fit(dev)
    p1 = lambda x: po[id(x)]; p1h = scorer(w1)
    print('pointwise out-of-fold Brier', lab.brier(dev, p1), '(held', lab.brier(held, p1h), ')')
    grid = [(t, top, cap) for cap in (2, 3, 4) for top in range(0, cap + 1) for t in lab.thresholds()]
    for bound in (0.27, 0.30):
        if 'pointwise' in only:
            pts = [dict(evalrule(dev, p1, gold, *r), rule=r) for r in grid]
            show('pointwise, global threshold', bound, pts, lambda r: evalrule(held, p1h, gold, *r))
        if 'cut' in only:
            for keys in (['bias', 'z'], ['bias', 'z', 'gap', 'log-rank', 'log-candidates'],
                         ['bias', 'z', 'gap', 'log-rank', 'log-candidates', 'new-type', 'shown-place', 'shown-count', 'shown-day',
                          'after-shown', 'best-day-differs', 'in-lede', 'own-place']):
                pts, held_at, w2 = run_cut(dev, held, gold, p1, p1h, set(keys))
                show(f'cut, {len(keys) - 1} features', bound, pts, held_at)
                if bound == 0.30: print('      weights (all development):', {k: round(v, 2) for k, v in sorted(w2.items())})
        if 'count' in only:
            devs, helds = by_article(dev), by_article(held); names = sorted(devs); fold = {n: i % 5 for i, n in enumerate(names)}
            k_oof = {}
            for k in range(5):
                w = ridge([(article_figures(devs[n], p1), gold[n]) for n in names if fold[n] != k])
                for n in names:
                    if fold[n] == k: k_oof[n] = sum(w.get(f, 0) * v for f, v in article_figures(devs[n], p1).items())
            wk = ridge([(article_figures(devs[n], p1), gold[n]) for n in names])
            k_held = {n: sum(wk.get(f, 0) * v for f, v in article_figures(helds[n], p1h).items()) for n in helds}
            mae = sum(abs(k_oof[n] - gold[n]) for n in names) / len(names); mean = sum(gold[n] for n in names) / len(names)
            if bound == 0.27: print(f'  count: out-of-fold error of the predicted number of gold events {mae:.3f} (a constant: {sum(abs(mean - gold[n]) for n in names) / len(names):.3f})')
            pts = [dict(count_figures(devs, p1, k_oof.get, gold, off / 10, thr, low), rule=(off / 10, thr, low))
                   for off in range(-5, 11) for thr in (0.99, 0.6, 0.5, 0.45, 0.4, 0.35) for low in (1, 2)]
            show('count, per-article number', bound, pts, lambda r: count_figures(helds, p1h, k_held.get, gold, *r))
        if 'cost' in only:
            inside = lambda x: x['in_gold_sentence']
            pi = out_of_fold(dev, lambda tr: scorer(fit(tr, label=inside))); wi = fit(dev, label=inside)
            pts = []
            for lam in (0.25, 0.5, 1, 2):
                for b in (0.2, 0.3):
                    s = lambda x, lam=lam, b=b: p1(x) - lam * ((1 - pi[id(x)]) - b)
                    for t, top, cap in [(t / 20, top, cap) for t in range(-10, 19) for top in (0, 1, 2) for cap in (3, 4)]:
                        pts.append(dict(evalrule(dev, s, gold, t, top, cap), rule=(lam, b, t, top, cap)))
            def held_cost(r):
                lam, b, t, top, cap = r
                return evalrule(held, lambda x: p1h(x) - lam * ((1 - prob(wi, x['features'])) - b), gold, t, top, cap)
            show('cost, P(outside) as a cost', bound, pts, held_cost)
    if 'pairwise' in only:
        pp = out_of_fold(dev, lambda tr: scorer(fit(pairs(tr), minc=3, weight=lambda r: r['w'])))
        print('  pairwise ranker against the pointwise order, the k best of every article shown (dev out of fold):')
        devs = by_article(dev); names = sorted(devs); rng = random.Random(15)
        def found(a, p, k):
            m = select(devs[a], p, 1.01, k, k)
            return len({g for i, x in enumerate(devs[a]) if m[i] for g in x['gold_matches']})
        for k in (1, 2, 3, 4):
            print(f'    k={k}: pointwise', evalrule(dev, p1, gold, 1.01, k, k), 'pairwise', evalrule(dev, lambda x: pp[id(x)], gold, 1.01, k, k))
            # the recall difference's spread over articles: a paired bootstrap, 2,000 draws of the development articles
            d = {a: (found(a, lambda x: pp[id(x)], k) - found(a, p1, k), gold[a]) for a in names}
            diffs = sorted(sum(d[a][0] for a in draw) / sum(d[a][1] for a in draw)
                           for draw in ([rng.choice(names) for _ in names] for _ in range(2000)))
            print(f'      pairwise - pointwise recall, 5%-95% over articles: {diffs[100]:+.3f} .. {diffs[1899]:+.3f}')


if __name__ == '__main__':
    main()
