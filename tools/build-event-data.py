#!/usr/bin/env python3
"""Compiles the event coder's tables in data/events/ from the field's public sources in ../shared/data.

Run from the repository root:  python3 tools/build-event-data.py [../shared/data]
Writes (overwrites):
  data/events/cameo-verbs.txt   CAMEO 2.0 verb dictionary (openeventdata/petrarch2, MIT), comments stripped, licence kept
  data/events/cameo-codes.tsv   CAMEO code, name, Goldstein, QuadClass (andybega/icews CAMEO table, MIT)
  data/events/cameo-plover.tsv  CAMEO code -> PLOVER event, mode, context (openeventdata/PLOVER CAMEO2PLOVER-2021, CC BY-SA 4.0)
The runtime reads only data/events/; it never reads ../shared.
"""
import csv, os, sys

shared = sys.argv[1] if len(sys.argv) > 1 else os.path.join("..", "shared", "data")
out = os.path.join("data", "events")
os.makedirs(out, exist_ok=True)

# 1. verb dictionary: keep the licence header, drop comment lines and trailing comments
src = os.path.join(shared, "petrarch2", "CAMEO.2.0.txt")
with open(src, encoding="utf-8", errors="replace") as f:
    lines = f.read().split("\n")
header, body, in_header = [], [], True
for line in lines:
    if in_header and line.startswith("#"):
        header.append(line.rstrip())
        continue
    in_header = False
    s = line.strip()
    if s.startswith("#"):
        continue
    if "#" in s:
        s = s[: s.index("#")].rstrip()
    if s == "" and body and body[-1] == "":
        continue
    body.append(s)
with open(os.path.join(out, "cameo-verbs.txt"), "w", encoding="utf-8") as f:
    f.write("# Compiled by tools/build-event-data.py from openeventdata/petrarch2 CAMEO.2.0.txt (MIT licence, below).\n")
    f.write("\n".join(header) + "\n" + "\n".join(body).strip() + "\n")

# 2. CAMEO codes with Goldstein and QuadClass
def quad(code):
    root = int(code[:2])
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4

src = os.path.join(shared, "cameo-codebook", "icews-cameo-codes.csv")
rows = []
with open(src, encoding="utf-8", errors="replace", newline="") as f:
    for r in csv.DictReader(f):
        code = r["code"].strip()
        if not code.isdigit():
            continue
        rows.append((code, r["name"].strip().replace("\t", " "), r["goldstein"].strip(), str(quad(code))))
with open(os.path.join(out, "cameo-codes.tsv"), "w", encoding="utf-8") as f:
    f.write("# code\tname\tgoldstein\tquadclass  (andybega/icews @ 3746c72 CAMEO table, MIT; QuadClass from the root code: 01-05 verbal cooperation, 06-08 material cooperation, 09-13 verbal conflict, 14-20 material conflict)\n")
    for r in rows:
        f.write("\t".join(r) + "\n")

# 3. CAMEO -> PLOVER
src = os.path.join(shared, "plover", "CAMEO2PLOVER-2021.txt")
seen = set()
with open(src, encoding="utf-8", errors="replace") as f, open(os.path.join(out, "cameo-plover.tsv"), "w", encoding="utf-8") as o:
    o.write("# cameo\tevent\tmode\tcontext  (openeventdata/PLOVER @ 5e0c24f CAMEO2PLOVER-2021.txt, CC BY-SA 4.0)\n")
    for line in f:
        line = line.strip()
        if not line or line.startswith("#") or ":" not in line:
            continue
        code, rest = line.split(":", 1)
        code = code.strip()
        if not code.isdigit() or code in seen:
            continue
        rest = rest.split("#", 1)[0]
        parts = [p.strip() for p in rest.split(",")]
        while len(parts) < 3:
            parts.append("")
        seen.add(code)
        o.write("\t".join([code, parts[0], parts[1], parts[2].replace(" ", "")]) + "\n")
print("wrote", out)
