#!/usr/bin/env python3
"""Classifies the development part's event-type misses of `eval articles` (docs/benchmarks.md, Events, session 6).

Usage, from the project root:  python3 tools/type-miss-tally.py [DIR] [--part dev]
Runs `./dragoman eval articles DIR --errors` (the default view: main, current events) and the same with `--all`
(every event), and puts each gold event whose type the default view misses in one class:
  (c) selection: the --all view matches it (a right event exists, the salience stage did not make it main);
  (b) wrong type: the gold sentence holds events, none of the gold's PLOVER type;
  (a) no event: the gold sentence holds no event at all.
Prints the table (markdown) and the misses of (a) and (b) with their sentences.
"""
import subprocess, sys
from collections import Counter

args = [a for a in sys.argv[1:] if not a.startswith("--")]
gold_dir = args[0] if args else "../shared/data/articles-gold"
part = sys.argv[sys.argv.index("--part") + 1] if "--part" in sys.argv else "dev"

def misses(extra):
    out = subprocess.run(["./dragoman", "eval", "articles", gold_dir, "--part", part, "--errors", *extra],
                         capture_output=True, text=True, check=True).stdout
    rows = {}
    for line in out.splitlines():
        f = line.split("\t")
        if len(f) >= 5 and f[1] == "type":
            gold = f[2].removeprefix("gold: ")
            rows[(f[0], gold, f[4])] = f[3].removeprefix("system: ")
    return rows

default, every = misses([]), misses(["--all"])
classes = Counter()
listed = {"a": [], "b": []}
for key, system in default.items():
    if key not in every: c = "c"
    elif every[key] == "no event in the sentence": c = "a"
    else: c = "b"
    classes[c] += 1
    if c in listed: listed[c].append((key, every[key]))
names = {"a": "(a) no event in the gold sentence", "b": "(b) events there, none of the gold type",
         "c": "(c) right event found, not selected as main"}
print(f"| class ({part}, {len(default)} type misses) | misses |\n|---|---|")
for c in "abc": print(f"| {names[c]} | {classes[c]} |")
for c in "ab":
    print(f"\n{names[c]}:")
    for (art, gold, sent), system in sorted(listed[c]):
        print(f"{art}\t{gold}\t{system}\t{sent[:160]}")
