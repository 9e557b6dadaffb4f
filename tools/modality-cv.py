#!/usr/bin/env python3
"""Out-of-fold estimates for the modality decision on articles-gold's development tellings (docs/benchmarks.md,
modality21), from the dump of `train modality`:

  DRAGOMAN_HOME=... ./dragoman train modality ../shared/data/articles-gold --out modality-trial.tsv --dump modality-dev.jsonl
  python3 tools/modality-cv.py modality-dev.jsonl [--seeds 3] [--l2 0.003,0.01,0.1]

Prints (1) each step of the cue rules (`ModalityRules.DecideStep`): how often it gave the answer, how often right, the
gold modalities and the pages it fired on; (2) a multinomial logit over asserted / reported / claimed (the tellings the
rules call factual; hedged and negative answers stand) cross-validated by article with shuffled folds, for three
feature sets: all (the rules' answer and step among them), no-rules (the rules' answer and step left out: general
features only), step (the step kept, the answer left out); (3) how far 30-article subsets of the development part
spread for the rules (a cluster bootstrap: is a held-back figure within the development part's own spread?).
Development part only: the dump never holds held-back tellings. Pure Python, no packages.
"""
import collections, json, math, random, sys

FACTUAL = ["asserted", "reported", "claimed"]


def train(rows, l2, iterations=400, rate=0.5, min_count=3):
    counts = collections.Counter(k for x, _ in rows for k in x)
    names = [k for k, c in counts.items() if c >= min_count]
    index = {k: i for i, k in enumerate(names)}
    data = [([(index[k], v) for k, v in x.items() if k in index], FACTUAL.index(y)) for x, y in rows]
    n, bias = len(names), index.get("bias", -1)
    w = [[0.0] * n for _ in FACTUAL]
    for _ in range(iterations):
        g = [[0.0] * n for _ in FACTUAL]
        for x, y in data:
            z = [sum(w[c][j] * v for j, v in x) for c in range(3)]
            m = max(z)
            e = [math.exp(t - m) for t in z]
            s = sum(e)
            for c in range(3):
                err = e[c] / s - (c == y)
                for j, v in x:
                    g[c][j] += err * v
        for c in range(3):
            for j in range(n):
                w[c][j] -= rate * (g[c][j] / len(data) + (0 if j == bias else l2 * w[c][j]))
    return index, w


def decide(model, x, rule):
    if rule not in FACTUAL:
        return rule
    index, w = model
    z = [sum(w[c][index[k]] * v for k, v in x.items() if k in index) for c in range(3)]
    return FACTUAL[z.index(max(z))]


def features(x, mode):
    f = x["features"]
    if mode == "all":
        return f
    rules = ("rule:",) if mode == "step" else ("rule:", "step:")
    return {k: v for k, v in f.items() if not k.startswith(rules)}


def cross_validate(xs, mode, l2, seed, folds=5):
    articles = sorted({x["article"] for x in xs})
    random.Random(seed).shuffle(articles)
    fold = {a: i % folds for i, a in enumerate(articles)}
    right = 0
    for f in range(folds):
        rows = [(features(x, mode), x["gold"]) for x in xs if fold[x["article"]] != f and x["rule"] in FACTUAL and x["gold"] in FACTUAL]
        model = train(rows, l2)
        right += sum(decide(model, features(x, mode), x["rule"]) == x["gold"] for x in xs if fold[x["article"]] == f)
    return right / len(xs)


def main(argv):
    if not argv or argv[0].startswith("-"):
        sys.exit(__doc__)
    seeds = int(argv[argv.index("--seeds") + 1]) if "--seeds" in argv else 3
    l2s = [float(t) for t in argv[argv.index("--l2") + 1].split(",")] if "--l2" in argv else [0.003, 0.01, 0.1]
    xs = [json.loads(line) for line in open(argv[0], encoding="utf-8")]
    print(f"{len(xs)} development tellings, {len({x['article'] for x in xs})} articles; rules right {sum(x['rule'] == x['gold'] for x in xs) / len(xs):.3f}")
    print("\n| rules' step | answers | right | gold | pages |\n|---|---|---|---|---|")
    steps = collections.defaultdict(list)
    for x in xs:
        steps[next((k[5:] for k in x["features"] if k.startswith("step:")), "?")].append(x)
    for step, ys in sorted(steps.items(), key=lambda t: -len(t[1])):
        right = sum(y["rule"] == y["gold"] for y in ys)
        gold = ", ".join(f"{k} {v}" for k, v in collections.Counter(y["gold"] for y in ys).most_common())
        print(f"| {step} | {len(ys)} | {right} ({right / len(ys):.3f}) | {gold} | {len({y['article'] for y in ys})} |")
    print(f"\n| features | l2 | out of fold, {seeds} shuffles of 5 folds | mean |\n|---|---|---|---|")
    for mode in ("all", "step", "no-rules"):
        for l2 in l2s:
            accs = [cross_validate(xs, mode, l2, s) for s in range(seeds)]
            print(f"| {mode} | {l2} | {' '.join(f'{a:.3f}' for a in accs)} | {sum(accs) / len(accs):.3f} |", flush=True)
    by = collections.defaultdict(lambda: [0, 0])
    for x in xs:
        by[x["article"]][0] += 1
        by[x["article"]][1] += x["rule"] == x["gold"]
    pages, r, accs = list(by), random.Random(1), []
    for _ in range(5000):
        s = r.sample(pages, min(30, len(pages)))
        accs.append(sum(by[a][1] for a in s) / sum(by[a][0] for a in s))
    accs.sort()
    print("\nrules on 30-article subsets (5,000 draws): " + ", ".join(f"q{q:g} {accs[int(q * len(accs))]:.3f}" for q in (0.005, 0.025, 0.5, 0.975)))


if __name__ == "__main__":
    main(sys.argv[1:])
