#!/usr/bin/env python3
"""Builds data/ingest/word-frequencies.tsv: how often each English word occurs in news text, for splitting a run-together
host label into words ("libyaobserver" -> "libya observer", src/Dragoman/Ingest/OutletNames.cs).

Usage: python3 tools/build-word-frequencies.py ../shared/data/ner > data/ingest/word-frequencies.tsv

Counts lower-cased words of ASCII letters (two letters or more) over the token columns of the Groningen Meaning Bank
news sentences (ner/gmb, VOA) and CoNLL-2003 English train (ner/conll2003/train.txt, Reuters); a word seen fewer than
MIN_COUNT times is left out. Only counts are kept: no sentence of either corpus.
"""
import collections
import csv
import glob
import os
import sys

MIN_COUNT = 2


def main(ner):
    counts = collections.Counter()

    def add(word):
        if len(word) >= 2 and word.isascii() and word.isalpha():
            counts[word.lower()] += 1

    for part in sorted(glob.glob(os.path.join(ner, "gmb", "ner_dataset.utf8.part*.csv"))):
        with open(part, encoding="utf-8", newline="") as f:
            for row in csv.reader(f):
                if len(row) >= 2 and row[1] != "Word":
                    add(row[1])
    with open(os.path.join(ner, "conll2003", "train.txt"), encoding="utf-8") as f:
        for line in f:
            cols = line.split()
            if cols and cols[0] != "-DOCSTART-":
                add(cols[0])
    out = sys.stdout
    out.write("# word\tcount: lower-cased words of news text (GMB/VOA and CoNLL-2003 train/Reuters token counts), "
              f"seen at least {MIN_COUNT} times; built by tools/build-word-frequencies.py\n")
    for word, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        if n >= MIN_COUNT:
            out.write(f"{word}\t{n}\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/ner")
