#!/usr/bin/env python3
"""Scores the events stage's modality on TimeBank 1.2 (TBAQ-cleaned), wording the cue rules were never written on
(docs/benchmarks.md, modality15).

Usage, from the project root:  python3 tools/timebank-modality.py [TIMEBANK_DIR] [--confusion]
Writes each .tml file's text as one JSON Lines record to a scratch folder, runs `./dragoman extract` on it, and
compares every telling whose trigger overlaps a TimeBank EVENT (REPORTING events left out: the speech itself) with a
label read from the TimeBank annotation:
  negated       MAKEINSTANCE polarity NEG
  denied        the event is subordinated by an SLINK NEG_EVIDENTIAL
  hypothetical  modality could/may/might/can/possible..., or an SLINK CONDITIONAL
  expected      modality would/will/shall/must/should/have to, tense FUTURE, or an SLINK MODAL (intentions: "plans to")
  reported      an SLINK EVIDENTIAL ("X said ... EVENT")
  asserted      otherwise
TimeBank has no "claimed": a system `claimed` counts as wrong against reported and asserted alike, and the
occurred-or-not agreement (asserted/reported/claimed against the rest) is printed beside the exact one. The labels are
derived, not coded for this scheme: an event inside an if-clause without its own SLINK reads as asserted.
"""
import html, json, os, re, shutil, subprocess, sys, tempfile
from collections import Counter

args = [a for a in sys.argv[1:] if not a.startswith("--")]
folder = args[0] if args else "../shared/data/timebank/TimeBank"
HYPOTHETICAL = {"could", "may", "might", "can", "possible", "unlikely", "potential", "likelihood"}
EXPECTED = {"would", "will", "shall", "'d", "must", "should", "have to", "should have to", "would have to", "have_to", "to"}


def read(path):
    s = open(path, encoding="utf-8").read()
    dct = re.search(r'<DCT><TIMEX3[^>]*value="([^"]+)"', s).group(1)[:10]
    body = re.search(r"<TEXT>(.*?)</TEXT>", s, re.S).group(1)
    text, events, pos = [], [], 0
    for m in re.finditer(r"<(/?)(\w+)([^>]*)>|([^<]+)", body):
        if m.group(4) is not None:
            t = html.unescape(m.group(4)); text.append(t); pos += len(t)
        elif m.group(2) == "EVENT" and not m.group(1):
            events.append({"eid": re.search(r'eid="([^"]+)"', m.group(3)).group(1),
                           "class": re.search(r'class="([^"]+)"', m.group(3)).group(1), "start": pos, "end": None})
        elif m.group(2) == "EVENT":
            events[-1]["end"] = pos
    instance = {}
    for m in re.finditer(r"<MAKEINSTANCE([^>]*)/>", s):
        a = dict(re.findall(r'(\w+)="([^"]*)"', m.group(1)))
        instance.setdefault(a["eventID"], a)
    event_of = {a["eiid"]: e for e, a in instance.items()}
    links = {}
    for m in re.finditer(r"<SLINK([^>]*)/>", s):
        a = dict(re.findall(r'(\w+)="([^"]*)"', m.group(1)))
        if (e := event_of.get(a.get("subordinatedEventInstance"))) is not None:
            links.setdefault(e, set()).add(a["relType"])
    for ev in events:
        ev["label"] = label(instance.get(ev["eid"], {}), links.get(ev["eid"], set()))
    return "".join(text), dct, events


def label(inst, links):
    modal = (inst.get("modality") or "").lower()
    if inst.get("polarity") == "NEG": return "negated"
    if "NEG_EVIDENTIAL" in links: return "denied"
    if modal in HYPOTHETICAL or "CONDITIONAL" in links: return "hypothetical"
    if modal in EXPECTED or inst.get("tense") == "FUTURE" or "MODAL" in links: return "expected"
    if "EVIDENTIAL" in links: return "reported"
    return "asserted"


docs = {}
scratch = tempfile.mkdtemp(prefix="timebank-modality-")
source = os.path.join(scratch, "input.jsonl")
with open(source, "w", encoding="utf-8") as out:
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".tml"): continue
        text, dct, events = read(os.path.join(folder, name))
        uri = "timebank/" + name[:-4]
        docs[uri] = (text, events)
        out.write(json.dumps({"url": uri, "text": text, "published": dct}) + "\n")
try:
    extracted = subprocess.run(["./dragoman", "extract", source, "--format", "jsonl"], capture_output=True, text=True, check=True).stdout
finally:
    shutil.rmtree(scratch)

confusion = Counter()
for line in extracted.splitlines():
    if not line.startswith("{"): continue
    d = json.loads(line)
    text, events = docs[d["article"]["uri"]]
    shift = len(text) - len(text.lstrip())  # the extracted text starts at the first non-space character
    for e in d["events"]:
        for t in e["tellings"]:
            a, b = t["trigger"]["start"] + shift, t["trigger"]["end"] + shift
            hit = next((x for x in events if x["start"] < b and a < x["end"] and x["class"] != "REPORTING"), None)
            if hit is not None: confusion[(hit["label"], t["modality"])] += 1

n = sum(confusion.values())
right = sum(c for (g, s), c in confusion.items() if g == s)
occurred = sum(c for (g, s), c in confusion.items() if (g in ("asserted", "reported")) == (s in ("asserted", "reported", "claimed")))
print(f"tellings on TimeBank events: {n}; modality equal {right / n:.3f}; occurred-or-not equal {occurred / n:.3f}")
print("| TimeBank label | tellings | right |\n|---|---|---|")
for g in ("asserted", "reported", "expected", "hypothetical", "negated", "denied"):
    total = sum(c for (x, _), c in confusion.items() if x == g)
    if total: print(f"| {g} | {total} | {confusion[(g, g)] / total:.3f} |")
if "--confusion" in sys.argv:
    for (g, s), c in confusion.most_common(): print(f"{g} -> {s}\t{c}")
print(json.dumps({"tellings": n, "modality": round(right / n, 4), "occurred": round(occurred / n, 4)}))
