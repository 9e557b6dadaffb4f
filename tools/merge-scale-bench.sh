#!/usr/bin/env bash
# Merge cost at scale (issue 14): FA-KES dev ingested, with and without merging, into stores that already hold
# 0 / 10k / 50k / 200k synthetic reports (tools/merge-synthetic-store.py, days spread over FA-KES's years so that its
# articles meet them in their blocks). Merge cost per article = (store writes with merge - without) / articles.
# Usage: tools/merge-scale-bench.sh [WORKDIR] [SIZES] [RUNS]   (default a new temporary folder, "0 10000 50000 200000", 2)
# Prints one line per (size, merge) with the last run's JSON; docs/benchmarks.md, "Merge", keeps the figures.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=${1:-$(mktemp -d -t merge-scale.XXXXXX)}
sizes=${2:-"0 10000 50000 200000"}
runs=${3:-2}
corpus="$root/../shared/data/fa-kes/fakes.dev.csv"
mkdir -p "$work"
# A small store at the current schema: the samples, their events merged as usual.
rm -f "$work/empty.db"*
"$root/dragoman" ingest "$root/samples/" --db "$work/empty.db" >/dev/null
for n in $sizes; do
  seed="$work/seed-$n.db"
  if [ ! -f "$seed" ]; then
    cp "$work/empty.db" "$seed"
    # FA-KES dev's days run 2011-01 .. 2017-12 (DayNumber 734137 .. 736675); the reports cover 2010-11 .. 2019-04.
    if [ "$n" -gt 0 ]; then python3 "$root/tools/merge-synthetic-store.py" "$seed" "$n" 734100 3100 >/dev/null; fi
  fi
  for merge in on off; do
    flag=""; [ "$merge" = off ] && flag="--no-merge"
    # bench exits 1 when an article fails (FA-KES dev has one with a title only); its figures stand
    line=$("$root/dragoman" bench "$corpus" --seed-db "$seed" --runs "$runs" $flag | tail -1 || true)
    echo "stored=$n merge=$merge load=$(cut -d' ' -f1-3 /proc/loadavg) $line"
  done
done
