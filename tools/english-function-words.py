#!/usr/bin/env python3
"""Derives data/ingest/english-function-words.txt: the English closed-class words that tell English prose from the other
languages (the article language check before Lingua, src/Dragoman/Ingest/Language/EnglishCheck.cs).

1. The most frequent lower-case words of CoNLL-2003 English train (Reuters news) tagged as closed-class parts of speech
   (DT, IN, CC, PRP, PRP$, TO, MD, WDT, WP, WP$, WRB, EX): --top of them.
2. Left out: every word that is common in another language too, measured on the non-English texts of the labelled set
   (tools/language-set.py: gettext translations in ~100 languages): a word goes when, in any language with 2,000 words
   or more there, its rate is at least --ratio of its English rate ("in", "a", "of", "to", "is", "die" ...).

usage: tools/english-function-words.py LANGSET.jsonl CONLL_TRAIN [--top 60] [--ratio 0.05] > data/ingest/english-function-words.txt
"""
import collections, json, re, sys

args = sys.argv[1:]
if len(args) < 2:
    sys.exit(__doc__)
langset, conll = args[0], args[1]
top = int(args[args.index("--top") + 1]) if "--top" in args else 60
ratio = float(args[args.index("--ratio") + 1]) if "--ratio" in args else 0.05
closed = {"DT", "IN", "CC", "PRP", "PRP$", "TO", "MD", "WDT", "WP", "WP$", "WRB", "EX"}

english, total = collections.Counter(), 0
for line in open(conll, encoding="utf-8"):
    f = line.split()
    if len(f) < 2 or f[0] == "-DOCSTART-":
        continue
    if re.fullmatch(r"[A-Za-z]+", f[0]):
        total += 1
        if f[1] in closed:
            english[f[0].lower()] += 1
candidates = [w for w, _ in english.most_common(top)]

word = re.compile(r"[^\W\d_]+")
others = collections.defaultdict(collections.Counter)
for line in open(langset, encoding="utf-8"):
    r = json.loads(line)
    if r["language"] != "en":
        others[r["language"]].update(w.lower() for w in word.findall(r["text"]))
# Translations keep English fragments (program names, untranslated phrases): a language's rate of a word counts only
# beyond what its English fragments explain, estimated from its rate of "the" (the most frequent English word, no word
# of the other languages: the anchor, always kept).
anchor = english["the"] / total
kept, dropped = [], []
for w in candidates:
    rate = english[w] / total
    def excess(c):
        n = sum(c.values())
        return c[w] / n - (c["the"] / n) / anchor * rate
    worst = max(((excess(c), lang) for lang, c in others.items() if sum(c.values()) >= 2000), default=(0, ""))
    (dropped if worst[0] >= ratio * rate else kept).append((w, rate, worst))

print("# English closed-class words that other languages do not share: the article language check reads the share of a")
print("# text's words that are these (src/Dragoman/Ingest/Language/EnglishCheck.cs). Derived, not chosen by hand:")
print(f"# tools/english-function-words.py LANGSET CONLL_TRAIN --top {top} --ratio {ratio}: the {top} most frequent closed-class words")
print("# (DT IN CC PRP PRP$ TO MD WDT WP WP$ WRB EX) of CoNLL-2003 English train (Reuters RCV1), less those whose rate in any")
print("# other language of the labelled set (gettext translations, tools/language-set.py), beyond that language's English")
print(f"# fragments (its rate of 'the'), is {ratio} of their English rate or more:")
print("# " + ", ".join(f"{w} ({lang})" for w, _, (_, lang) in dropped))
for w, rate, _ in kept:
    print(w)
print(f"{len(kept)} kept, {len(dropped)} left out; English rate of the kept words {sum(r for _, r, _ in kept):.3f}", file=sys.stderr)
