#!/usr/bin/env bash
# Whole-process start-up of two builds, back to back (issue 19: `extract` of one article under 0.5 s, `events` under 0.2 s).
# For each round, each build runs `extract ARTICLE` and then `events` on a small store of the sample articles (made once
# per build with its own `ingest samples/`); prints the median wall and CPU (user + sys) seconds of each command and build.
#
# usage: tools/start-bench.sh NAME=CLI_DIR:DATA_HOME... [--runs N] [--article FILE] [--env NAME=VALUE...]
#   CLI_DIR holds Dragoman.Cli.dll (e.g. .dragoman/cli of a worktree); DATA_HOME is that build's DRAGOMAN_HOME
#   (each build keeps its own: the gazetteer file format may differ). --env applies to every build (DOTNET_TieredPGO=0 ...).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=10 article="$root/samples/02_wire_checkpoint.txt" builds=() envs=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --article) article=$2; shift 2 ;;
    --env) envs+=("$2"); shift 2 ;;
    *=*:*) builds+=("$1"); shift ;;
    *) echo "start-bench: unknown argument $1" >&2; exit 2 ;;
  esac
done
[ ${#builds[@]} -gt 0 ] || { echo "usage: tools/start-bench.sh NAME=CLI_DIR:DATA_HOME... [--runs N]" >&2; exit 2; }
work=$(mktemp -d -t start-bench.XXXXXX)  # under $TMPDIR
trap 'rm -rf "$work"' EXIT
for b in "${builds[@]}"; do
  name=${b%%=*} rest=${b#*=} cli=${rest%%:*} home=${rest#*:}
  # the store and a first start outside the timing (the gazetteer and the compiled dictionary are made on first use)
  (cd "$work" && env "${envs[@]}" DRAGOMAN_HOME="$home" dotnet "$cli/Dragoman.Cli.dll" ingest "$root/samples" --db "$work/$name.db" >/dev/null 2>&1)
  env "${envs[@]}" DRAGOMAN_HOME="$home" dotnet "$cli/Dragoman.Cli.dll" extract "$article" >/dev/null 2>&1
done
for ((i = 1; i <= runs; i++)); do
  for b in "${builds[@]}"; do
    name=${b%%=*} rest=${b#*=} cli=${rest%%:*} home=${rest#*:}
    for cmd in extract events; do
      if [ $cmd = extract ]; then args=(extract "$article"); else args=(events --db "$work/$name.db"); fi
      /usr/bin/time -f "$name $cmd %e %U %S" -a -o "$work/times" env "${envs[@]}" DRAGOMAN_HOME="$home" dotnet "$cli/Dragoman.Cli.dll" "${args[@]}" >/dev/null 2>&1
    done
  done
done
python3 - "$work/times" <<'PY'
import sys, statistics, collections
rows = collections.defaultdict(list)
for line in open(sys.argv[1]):
    f = line.split()
    if len(f) == 5: rows[(f[0], f[1])].append((float(f[2]), float(f[3]) + float(f[4])))
print(f"{'build':<12} {'command':<8} {'runs':>4} {'wall s (median)':>16} {'CPU s (median)':>15} {'wall min-max':>14}")
for (name, cmd), v in rows.items():
    walls = [w for w, _ in v]; cpus = [c for _, c in v]
    print(f"{name:<12} {cmd:<8} {len(v):>4} {statistics.median(walls):>16.3f} {statistics.median(cpus):>15.3f} {min(walls):>6.2f}-{max(walls):<6.2f}")
PY
