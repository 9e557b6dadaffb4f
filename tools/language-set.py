#!/usr/bin/env python3
"""A labelled set of texts by known language, for `dragoman eval language` (issue 19: the English check before Lingua).

English: the news texts of ../shared/data (articles-gold, merge-gold, FA-KES dev, LGL, GeoVirus, CLIFF's sample articles).
Other languages: the translated messages of this machine's gettext catalogues (/usr/share/locale/LANG/LC_MESSAGES/*.mo,
written by each Debian package's translators; read with msgunfmt), messages of five words or more that differ from
their English original, joined into texts of about 300 and 600 characters. ISO code lists (iso_639, iso_3166...) are left
out: they are names, not prose. The texts are written to a JSON Lines file outside the repository (they are the
publishers' and the translators' text): one {"text", "language", "source"} per line.

usage: tools/language-set.py OUT.jsonl [--shared ../shared/data] [--per-language N]
"""
import csv, glob, json, os, random, re, subprocess, sys
import xml.etree.ElementTree as ET

args = sys.argv[1:]
if not args or args[0].startswith("-"):
    sys.exit(__doc__)
out_path = args[0]
shared = args[args.index("--shared") + 1] if "--shared" in args else os.path.join(os.path.dirname(__file__), "..", "..", "shared", "data")
per_language = int(args[args.index("--per-language") + 1]) if "--per-language" in args else 60
rows = []

def add(text, language, source):
    text = text.strip()
    if len(text) >= 40:
        rows.append({"text": text, "language": language, "source": source})

# English news
for name in ("articles-gold", "merge-gold"):
    for line in open(os.path.join(shared, name, "input.jsonl"), encoding="utf-8"):
        add(json.loads(line)["text"], "en", name)
csv.field_size_limit(10**8)
with open(os.path.join(shared, "fa-kes", "fakes.dev.csv"), encoding="utf-8", newline="") as f:
    for r in csv.DictReader(f):
        add(r["article_title"] + "\n" + r["article_content"], "en", "fa-kes dev")
for name in ("lgl.xml", "GeoVirus.xml"):
    for el in ET.parse(os.path.join(shared, "geoparsing", name)).getroot().iter():
        if el.tag == "text" and el.text:
            add(el.text, "en", name)
for path in sorted(glob.glob(os.path.join(shared, "cliff-test", "sample-docs", "*.txt"))):
    add(open(path, encoding="utf-8", errors="replace").read(), "en", "cliff-test")

# Translated messages, by the catalogue folder's language (the part before '_' or '@')
entry = re.compile(r'^msgid (".*?")\nmsgstr (".*?")$', re.S | re.M)
def messages(mo):
    try:
        po = subprocess.run(["msgunfmt", "--no-wrap", mo], capture_output=True, text=True, timeout=30).stdout
    except (subprocess.SubprocessError, UnicodeDecodeError):
        return []
    found = []
    for block in po.split("\n\n"):
        if "msgid_plural" in block or "msgctxt" in block:
            continue
        m = entry.search(block)
        if not m:
            continue
        try:
            mid, mstr = json.loads(m.group(1).replace("\n", "")), json.loads(m.group(2).replace("\n", ""))
        except json.JSONDecodeError:
            continue
        mstr = re.sub(r"%[-+ #0-9.]*[a-zA-Z]|\{[^}]*\}|<[^>]+>|\s+", " ", mstr).strip()
        if mstr != mid and len(mstr.split()) >= 5:
            found.append(mstr)
    return found

rng = random.Random(19)
by_language = {}
for folder in sorted(glob.glob("/usr/share/locale/*/LC_MESSAGES")):
    code = os.path.basename(os.path.dirname(folder))
    language = re.split(r"[_@]", code)[0]
    if language == "en":
        continue
    for mo in sorted(glob.glob(os.path.join(folder, "*.mo"))):
        if os.path.basename(mo).startswith("iso_"):
            continue
        by_language.setdefault(language, []).extend((os.path.basename(mo), m) for m in messages(mo))
for language, msgs in sorted(by_language.items()):
    rng.shuffle(msgs)
    texts, current, source = [], "", ""
    for i, (mo, m) in enumerate(msgs):
        current = (current + " " + m).strip()
        source = source or mo
        target = 300 if len(texts) % 2 == 0 else 600
        if len(current) >= target:
            texts.append((current, source))
            current, source = "", ""
        if len(texts) >= per_language:
            break
    for text, src in texts:
        add(text, language, "gettext " + src)

with open(out_path, "w", encoding="utf-8") as f:
    for r in rows:
        f.write(json.dumps(r, ensure_ascii=False) + "\n")
counts = {}
for r in rows:
    counts[r["language"]] = counts.get(r["language"], 0) + 1
print(f"{len(rows)} texts: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items(), key=lambda p: -p[1])), file=sys.stderr)
