#!/usr/bin/env python3
"""Development-only estimates of how the merge stage generalises (docs/benchmarks.md, merge22), from a store that
`eval merge --keep` wrote:

  DRAGOMAN_HOME=... ./dragoman eval merge ../shared/data/merge-gold --keep S.db
  python3 tools/merge-cv.py ../shared/data/merge-gold S.db [--folds 5] [--train "--hard-weight 2"] [--model FILE]
                            [--sensitivity] [--work DIR]

(1) Cross-validation of the whole merge by incident component (an incident and its hard negatives in one fold, the
folds of `train merge`): for each fold, `train merge --without-fold F` fits the pair model (its L2 and threshold
included) on the other folds' pairs, `eval merge --store --model` re-merges every article with it, and the fold's
articles are scored among themselves, as the held-back part is scored. Pooled over folds (a pair of two folds is never
gold, nor predicted: each fold's clusters are its own) and per fold. Also the in-sample figures of the model given
(default the shipped one) and of a refit on every development pair with the same training options.
(2) --sensitivity: each weight of the model, and its threshold, moved by -0.5, -0.25, +0.25, +0.5 one at a time;
the development figures of each (a change at +-0.25 is a cliff next to the chosen value).
Development part only: the held-back part's figures and rows are dropped unread (the eval prints them; this does not).
"""
import argparse, itertools, json, os, shutil, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CLI = os.path.join(ROOT, "dragoman")


def run(args):
    r = subprocess.run([CLI, *args], capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"dragoman {' '.join(args)} failed:\n{r.stdout[-2000:]}\n{r.stderr[-2000:]}")
    return r.stdout, r.stderr


def dev_figures(stdout):
    """The development part's figures of the eval's JSON line (its held and all objects are not read)."""
    d = json.loads(stdout.strip().splitlines()[-1])
    return {k: d[k] for k in ("pairwise_precision", "pairwise_recall", "pairwise_f1", "bcubed_f1", "hard_negative_pairs_merged", "threshold")}


def evaluate(data, store, model=None, threshold=None, labels=False):
    args = ["eval", "merge", data, "--part", "dev", "--store", store]
    if model: args += ["--model", model]
    if threshold is not None: args += ["--threshold", repr(threshold)]
    if labels: args.append("--errors")
    out, err = run(args)
    # --errors rows: file, part, gold incident, cluster; only the development part's are kept.
    rows = {}
    if labels:
        for line in err.splitlines():
            f = line.split("\t")
            if len(f) == 4 and f[1] == "dev": rows[f[0]] = f[3]
    return dev_figures(out), rows


def score(gold, pred, negatives):
    """merge-gold README's measures over the files of gold (dicts file -> id)."""
    files = sorted(gold)
    tp = pp = gp = hard = hard_merged = 0
    for a, b in itertools.combinations(files, 2):
        sg, sp = gold[a] == gold[b], pred[a] == pred[b]
        gp += sg; pp += sp; tp += sg and sp
        if (gold[a], gold[b]) in negatives:
            hard += 1; hard_merged += sp
    f = lambda x, y: 2 * x * y / (x + y) if x + y else 0.0
    p, r = (tp / pp if pp else 1.0), (tp / gp if gp else 1.0)
    bp = sum(sum(gold[b] == gold[a] and pred[b] == pred[a] for b in files) / sum(pred[b] == pred[a] for b in files) for a in files) / len(files)
    br = sum(sum(gold[b] == gold[a] and pred[b] == pred[a] for b in files) / sum(gold[b] == gold[a] for b in files) for a in files) / len(files)
    return {"pairwise_precision": p, "pairwise_recall": r, "pairwise_f1": f(p, r), "bcubed_f1": f(bp, br),
            "hard_negative_pairs_merged": hard_merged, "hard_negative_pairs": hard, "gold_pairs": gp, "articles": len(files)}


def read_model(path):
    lines = open(path).read().splitlines()
    return lines, {l.split("\t")[0]: float(l.split("\t")[1]) for l in lines[1:] if l and not l.startswith("#")}


def write_model(lines, changes, path):
    out = [lines[0]]
    for l in lines[1:]:
        if l and not l.startswith("#"):
            k, v = l.split("\t")
            if k in changes: l = f"{k}\t{changes[k]!r}"
        out.append(l)
    open(path, "w").write("\n".join(out) + "\n")


def line(name, s):
    return (f"{name:<34} pairwise P {s['pairwise_precision']:.3f} R {s['pairwise_recall']:.3f} F1 {s['pairwise_f1']:.4f}  "
            f"B-cubed F1 {s['bcubed_f1']:.4f}  hard merged {s['hard_negative_pairs_merged']}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data"); ap.add_argument("store")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--train", default="", help="extra `train merge` options, e.g. \"--hard-weight 3 --l2 0.3\"")
    ap.add_argument("--model", help="the model of the in-sample and sensitivity rows (default: the shipped one)")
    ap.add_argument("--sensitivity", action="store_true")
    ap.add_argument("--plateau", help="also a threshold rule: thresholds FROM:TO:STEP; each fold's threshold is the middle of the "
                    "plateau of the best pairwise F1 with no hard-negative pair merged on the other folds' articles "
                    "(for the fold's refit and for the given/shipped weights)")
    ap.add_argument("--work", help="folder for the store copy and fold models (default: a temporary one)")
    a = ap.parse_args()
    work = a.work or tempfile.mkdtemp(prefix="merge-cv-")
    os.makedirs(work, exist_ok=True)
    store = os.path.join(work, "cv.db")
    shutil.copyfile(a.store, store)
    gold_all = {r["file"]: r["incident"] for r in map(json.loads, open(os.path.join(a.data, "gold.jsonl")))}
    neg = json.load(open(os.path.join(a.data, "negatives.json")))
    negatives = {p for k, vs in neg.items() for v in vs for p in ((k, v), (v, k))}
    extra = a.train.split()

    shipped, labels = evaluate(a.data, store, a.model, labels=True)
    dev = {f: gold_all[f] for f in labels}
    print(line("in sample, " + (os.path.basename(a.model) if a.model else "shipped model"), shipped) + f"  threshold {shipped['threshold']:.3f}")
    refit = os.path.join(work, "refit-all.tsv")
    run(["train", "merge", a.data, "--store", store, "--out", refit, "--folds", str(a.folds), *extra])
    s, _ = evaluate(a.data, store, refit)
    print(line("in sample, refit on all dev pairs", s) + f"  threshold {s['threshold']:.3f}")

    pooled_gold, pooled_pred, per_fold, folds_of = {}, {}, [], {}
    for f in range(a.folds):
        model = os.path.join(work, f"fold{f}.tsv")
        out, _ = run(["train", "merge", a.data, "--store", store, "--out", model, "--folds", str(a.folds), "--without-fold", str(f), *extra])
        test = next(l for l in out.splitlines() if l.startswith(f"held-out fold {f} ")).split(": ", 1)[1].split()
        l2 = next(l for l in out.splitlines() if l.startswith("l2 ")).split(";")[0]
        _, pred = evaluate(a.data, store, model, labels=True)
        g = {x: dev[x] for x in test}
        p = {x: f"{f}:{pred[x]}" for x in test}
        pooled_gold.update(g); pooled_pred.update(p)
        folds_of.update({x: f for x in test})
        s = score(g, p, negatives)
        _, weights = read_model(model)
        per_fold.append(s)
        print(line(f"fold {f} ({len(test)} articles, {s['gold_pairs']} gold pairs)", s) + f"  threshold {weights['threshold']:.3f}, {l2}")
    cv = score(pooled_gold, pooled_pred, negatives)
    print(line(f"cross-validated, pooled ({a.folds} folds)", cv) + f" of {cv['hard_negative_pairs']}")
    mean = lambda k: sum(s[k] for s in per_fold if s["gold_pairs"]) / sum(1 for s in per_fold if s["gold_pairs"])
    print(f"{'cross-validated, mean of folds':<34} pairwise F1 {mean('pairwise_f1'):.4f} (min {min(s['pairwise_f1'] for s in per_fold if s['gold_pairs']):.4f})  "
          f"B-cubed F1 {mean('bcubed_f1'):.4f} (min {min(s['bcubed_f1'] for s in per_fold):.4f})")

    if a.plateau:
        lo, hi, step = map(float, a.plateau.split(":"))
        grid = [round(lo + i * step, 4) for i in range(int(round((hi - lo) / step)) + 1)]
        for name, model_of in (("fold refits", lambda f: os.path.join(work, f"fold{f}.tsv")), ("given weights", lambda f: a.model)):
            pg, pp, chosen = {}, {}, []
            for f in range(a.folds):
                test = [x for x in dev if folds_of[x] == f]
                train = {x: dev[x] for x in dev if folds_of[x] != f}
                runs = [(t, evaluate(a.data, store, model_of(f), threshold=t, labels=True)[1]) for t in grid]
                obj = []
                for t, pred in runs:
                    s = score(train, {x: pred[x] for x in train}, negatives)
                    obj.append(s["pairwise_f1"] if s["hard_negative_pairs_merged"] == 0 else -1)
                best = max(obj)
                i = obj.index(best)
                j = i
                while j + 1 < len(obj) and obj[j + 1] >= best - 1e-9: j += 1
                t = grid[(i + j) // 2] if (i + j) % 2 == 0 else round((grid[(i + j) // 2] + grid[(i + j) // 2 + 1]) / 2, 4)
                pred = evaluate(a.data, store, model_of(f), threshold=t, labels=True)[1]
                pg.update({x: dev[x] for x in test}); pp.update({x: f"{f}:{pred[x]}" for x in test})
                chosen.append(f"{grid[i]}..{grid[j]} -> {t}")
            cv = score(pg, pp, negatives)
            print(line(f"plateau rule, {name}", cv) + f" of {cv['hard_negative_pairs']}; per fold {'; '.join(chosen)}")

    if a.sensitivity:
        lines, weights = read_model(a.model or os.path.join(ROOT, "models", "merge", "pair-scorer.tsv"))
        print("\nsensitivity (development figures: pairwise F1 / B-cubed F1 / hard-negative pairs merged); * = moves at +-0.25")
        print(f"{'weight':<28} {'value':>8}  " + "  ".join(f"{d:+.2f}".rjust(20) for d in (-0.5, -0.25, 0.25, 0.5)))
        base = (shipped["pairwise_f1"], shipped["bcubed_f1"], shipped["hard_negative_pairs_merged"])
        for k, v in weights.items():
            if k == "bias": continue
            cells, cliff = [], False
            for d in (-0.5, -0.25, 0.25, 0.5):
                path = os.path.join(work, "sens.tsv")
                write_model(lines, {k: round(v + d, 4)}, path)
                s, _ = evaluate(a.data, store, path)
                t = (s["pairwise_f1"], s["bcubed_f1"], s["hard_negative_pairs_merged"])
                cliff |= abs(d) == 0.25 and t != base
                cells.append(f"{t[0]:.3f}/{t[1]:.3f}/{t[2]}".rjust(20))
            print(f"{k + (' *' if cliff else ''):<28} {v:>8.3f}  " + "  ".join(cells))


if __name__ == "__main__":
    main()
