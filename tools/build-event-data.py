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

# 3. CAMEO -> PLOVER, then the project's amendments (later rows replace earlier ones), each with its reason
AMENDMENTS = """# project amendments (tools/build-event-data.py AMENDMENTS; a later row replaces an earlier one):
# CAMEO 02 (appeal) has no row in the 2021 table; PLOVER REQUEST is "make a request, appeal or demand" (PLOVER manual), modes by CAMEO 02x/10x
02	REQUEST		
020	REQUEST		
021	REQUEST	assist	
0211	REQUEST	assist	economic
0212	REQUEST	assist	military
0213	REQUEST	assist	legal
0214	REQUEST	assist	intelligence
022	REQUEST	assist	diplomatic
023	REQUEST	assist	
0231	REQUEST	assist	economic
0232	REQUEST	assist	military
0233	REQUEST	assist	humanitarian
0234	REQUEST	assist	peacekeeping
024	REQUEST	change	
025	REQUEST	yield	
026	REQUEST	meet	
027	REQUEST	meet	diplomatic
028	REQUEST	meet	diplomatic
# 163 impose sanctions: PLOVER manual, SANCTION modes: "International (political or economic) sanctions are coded as discontinue" (the 2021 table files 163 under COERCE)
163	SANCTION	discontinue	economic
"""
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
    o.write(AMENDMENTS)
print("wrote", out)
