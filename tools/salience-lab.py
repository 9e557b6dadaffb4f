#!/usr/bin/env python3
"""Display-rule experiments on the salience examples that `train events --examples FILE` writes (docs/benchmarks.md,
"Main-event display: where the found-not-shown events are lost"). Pure Python, no packages: the trainer's logistic
fit, its 5-fold out-of-fold split (articles in name order, i mod 5), SelectMain and its rule sweep, re-done so that a
variant (a second stage over article-relative features) can be measured before it is written in C#.

    ./dragoman train events ../shared/data/articles-gold --out "$TMPDIR/s.tsv" --examples "$TMPDIR/ex.jsonl"
    python3 tools/salience-lab.py "$TMPDIR/ex.jsonl" [--gold ../shared/data/articles-gold/gold] [--stage2 gap,n ...]

Prints, out of fold on the development part: the rule the trainer's objective picks (most recall with neighbours among
rules with at most 0.27 outside at the threshold and both neighbours), the best recall with
at most 0.30 outside, and the held-back part at the chosen rule with a model fitted on the whole development part.
"""
import argparse, collections, json, math, os
def load(path, gold_dir):
    """The examples, and each article's number of gold main events (the recall denominator)."""
    xs = [json.loads(l) for l in open(path)]
    gold = {a: len(json.load(open(os.path.join(gold_dir, a + '.json')))['events']) for a in set(x['article'] for x in xs)}
    return xs, gold

def sig(z): return 1/(1+math.exp(-z)) if z>-500 else 0.0
def fit(rows, l2=0.01, it=2000, rate=0.5, minc=3, key='features', label=lambda x:x['label']):
    cnt=collections.Counter(k for x in rows for k in x[key])
    names=sorted(k for k,c in cnt.items() if c>=minc)
    idx={k:i for i,k in enumerate(names)}
    R=[([(idx[k],v) for k,v in x[key].items() if k in idx], 1.0 if label(x) else 0.0) for x in rows]
    w=[0.0]*len(names); b=idx.get('bias',-1); n=max(1,len(R))
    for _ in range(it):
        g=[0.0]*len(names)
        for X,y in R:
            z=sum(w[j]*v for j,v in X); e=sig(z)-y
            for j,v in X: g[j]+=e*v
        for j in range(len(w)): w[j]-=rate*(g[j]/n+(0 if j==b else l2*w[j]))
    return dict(zip(names,w))
def prob(w,f): return sig(sum(w.get(k,0)*v for k,v in f.items()))
def oof(dev, folds=5, l2=0.01, fitter=None, **kw):
    fitter=fitter or (lambda tr: (lambda W: (lambda x: prob(W,x['features'])))(fit(tr,l2,**kw)))
    names=sorted(set(x['article'] for x in dev)); fold={n:i%folds for i,n in enumerate(names)}
    p={}
    for k in range(folds):
        scorer=fitter([x for x in dev if fold[x['article']]!=k])
        for i,x in enumerate(dev):
            if fold[x['article']]==k: p[id(x)]=scorer(x)
    return p
def select(xs, conf, thr, top, cap, onesent=False):
    order=sorted([i for i in range(len(xs)) if not xs[i]['historical']], key=lambda i:(-conf(xs[i]),i))
    seen=set(); kept=shown=0; main=[False]*len(xs)
    for i in order:
        # every telling's sentence counts (the trainer's joined-event grouping; older example files lack the list)
        gs={(s, None if onesent else xs[i]['type']) for s in xs[i].get('telling_sentences', [])+[xs[i]['sentence']]}
        if gs & seen: continue
        seen|=gs
        if cap>0 and shown>=cap: break
        if conf(xs[i])>=thr or kept<top: main[i]=True; shown+=1
        kept+=1
    return main
def evalrule(data, conf, gold, thr, top, cap, onesent=False):
    if not data: return None  # no examples of this part (`train events --examples` writes the development part only)
    arts=collections.defaultdict(list)
    for x in data: arts[x['article']].append(x)
    G=sum(gold[a] for a in arts); shown=out=found=0
    for a,xs in arts.items():
        m=select(xs,conf,thr,top,cap,onesent); hit=set()
        for i,x in enumerate(xs):
            if m[i]:
                shown+=1; out+= not x['in_gold_sentence']; hit|=set(x['gold_matches'])
        found+=len(hit)
    R=found/max(1,G); O=out/max(1,shown); F=0 if R+1-O<=0 else 2*R*(1-O)/(R+1-O)
    return dict(R=round(R,3),PA=round(shown/len(arts),2),O=round(O,3),F=round(F,3))
BOUND=0.27  # SalienceTraining.DefaultOutsideBound
def thresholds(): return [s/20 for s in range(18,1,-1)]
def sweep(data, conf, gold, caps=(2,3,4), tops=(0,1,2,3)):
    pts=[]
    for os_ in (False,True):
        for cap in caps:
            for top in tops:
                if top>cap: continue
                row=[]
                for t in thresholds():
                    r=evalrule(data,conf,gold,t,top,cap,os_); r['rule']=(t,top,cap,os_); row.append(r)
                for i,r in enumerate(row):
                    near=row[max(0,i-1):i+2]
                    r['SF']=sum(q['F'] for q in near)/len(near); r['SR']=sum(q['R'] for q in near)/len(near); r['NO']=max(q['O'] for q in near)
                pts+=row
    # the trainer's objective: most recall (with neighbours) among rules with at most BOUND outside at the threshold and both neighbours
    ok=[p for p in pts if p['NO']<=BOUND+1e-9]
    if not ok: return sorted(pts, key=lambda p:(p['NO'],p['PA']))[0], pts
    best=max(round(p['SR'],9) for p in ok)
    return sorted([p for p in ok if round(p['SR'],9)>=best], key=lambda p:(p['PA'],-p['rule'][0]))[0], pts
def brier(data, conf): return round(sum((conf(x)-x['label'])**2 for x in data)/len(data),4) if data else None

def logit(p):
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))

def stage2_features(data, p, which):
    """Article-relative features over first-stage probabilities p: rank, rank among the type, gap to the article's best, events in the article."""
    arts = collections.defaultdict(list)
    for x in data: arts[x['article']].append(x)
    for ev in arts.values():
        cur = [x for x in ev if not x['historical']]
        zmax = max((logit(p(x)) for x in cur), default=0)
        for x in ev:
            z = logit(p(x)); f = {'bias': 1, 'z1': z}
            higher = [y for y in cur if y is not x and p(y) > p(x)]
            if 'rank' in which: f['log-rank'] = math.log(1 + len(higher))
            if 'type' in which: f['log-type-rank'] = math.log(1 + sum(1 for y in higher if y['type'] == x['type'] and y['sentence'] != x['sentence']))
            if 'gap' in which: f['gap'] = z - zmax
            if 'n' in which: f['log-n'] = math.log(1 + len(cur))
            x['f2'] = f

def report(name, dev, held, gold, c_dev, c_held):
    best, pts = sweep(dev, c_dev, gold)
    ok = [q for q in pts if q['O'] <= 0.30]
    print(name, 'out of fold: chosen', best, 'Brier', brier(dev, c_dev))
    print('   best recall with <= 0.30 outside', max(ok, key=lambda q: q['R']) if ok else None)
    print('   held at the chosen rule', evalrule(held, c_held, gold, *best['rule']), 'Brier', brier(held, c_held))

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('examples'); ap.add_argument('--gold', default='../shared/data/articles-gold/gold')
    ap.add_argument('--stage2', nargs='*', default=[])
    a = ap.parse_args()
    xs, gold = load(a.examples, a.gold)
    dev = [x for x in xs if not x['held']]; held = [x for x in xs if x['held']]
    p1 = oof(dev); W1 = fit(dev)
    report('pointwise (the shipped trainer)', dev, held, gold, lambda x: p1[id(x)], lambda x: prob(W1, x['features']))
    for which in a.stage2:
        which = which.split(',')
        stage2_features(dev, lambda x: p1[id(x)], which)
        p2 = oof(dev, fitter=lambda tr: (lambda W: (lambda x: prob(W, x['f2'])))(fit(tr, key='f2', minc=1)))
        W2 = fit(dev, key='f2', minc=1)
        stage2_features(held, lambda x: prob(W1, x['features']), which)
        report('second stage ' + ','.join(which), dev, held, gold, lambda x: p2[id(x)], lambda x: prob(W2, x['f2']))

if __name__ == '__main__':
    main()
