#!/usr/bin/env bash
# Merge cost at scale (issue 14): FA-KES dev ingested, with and without merging, into stores that already hold
# 0 / 10k / 50k / 200k synthetic reports (tools/merge-synthetic-store.py, days spread over FA-KES's years so that its
# articles meet them in their blocks; the generator checks every report's blocking index rows against the writer's rules
# and leaves the planner's statistics of a store of that size). NAMES "fakes" heads the synthetic name words with FA-KES
# dev's own so that the names key meets carriers (docs/benchmarks.md, session 17: far dearer, cause not yet found);
# the default, "synthetic", uses nonsense words only, as the earlier sessions' figures. Merge cost per article = (store writes with merge - without) / articles.
# Usage: tools/merge-scale-bench.sh [WORKDIR] [SIZES] [RUNS] [NAMES]   (default a new temporary folder, "0 10000 50000 200000", 2, synthetic)
# Prints one line per (size, merge) with the last run's JSON; docs/benchmarks.md, "Merge", keeps the figures.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=${1:-$(mktemp -d -t merge-scale.XXXXXX)}
sizes=${2:-"0 10000 50000 200000"}
runs=${3:-2}
names=${4:-synthetic}
corpus="$root/../shared/data/fa-kes/fakes.dev.csv"
mkdir -p "$work"
# A small store at the current schema: the samples, their events merged as usual.
rm -f "$work/empty.db"*
"$root/dragoman" ingest "$root/samples/" --db "$work/empty.db" >/dev/null
# The name words of FA-KES dev's reports, the head of the synthetic names' vocabulary (one ingest, kept in WORKDIR).
# ingest exits 1 when an article fails (FA-KES dev has one with a title only)
names_from=""
if [ "$names" = fakes ]; then
  [ -f "$work/names.db" ] || "$root/dragoman" ingest "$corpus" --db "$work/names.db" >/dev/null || true
  names_from="$work/names.db"
fi
for n in $sizes; do
  seed="$work/seed-$names-$n.db"
  if [ ! -f "$seed" ]; then
    cp "$work/empty.db" "$seed"
    # FA-KES dev's days run 2011-01 .. 2017-12 (DayNumber 734137 .. 736675); the reports cover 2010-11 .. 2019-04.
    if [ "$n" -gt 0 ]; then python3 "$root/tools/merge-synthetic-store.py" "$seed" "$n" 734100 3100 $names_from >/dev/null; fi
  fi
  # on and off back to back, so that a pair shares the machine's load (compare them as a ratio)
  for merge in on off; do
    flag=""; [ "$merge" = off ] && flag="--no-merge"
    # bench exits 1 when an article fails (FA-KES dev has one with a title only); its figures stand
    line=$("$root/dragoman" bench "$corpus" --seed-db "$seed" --runs "$runs" $flag | tail -1 || true)
    echo "stored=$n merge=$merge load=$(cut -d' ' -f1-3 /proc/loadavg) $line"
  done
done
