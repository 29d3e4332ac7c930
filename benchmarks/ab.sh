#!/usr/bin/env bash
# A/B of two commits on one JMH benchmark, runs alternating so a drift of the machine hits both alike.
#
#   benchmarks/ab.sh BEFORE AFTER ROUNDS BENCHMARK [JMH options...]
#   benchmarks/ab.sh 5ae4162 753a800 3 SvcPredictBenchmark -p data=binary20_15000 -p kernel=rbf \
#       -f 1 -wi 2 -i 3 -jvmArgsAppend -Dpetal.threads=1
#
# Each commit's benchmarks jar is built once in a temporary detached worktree (removed afterwards) and kept
# as benchmarks/target/ab/<commit>.jar; the JMH result lines go to benchmarks/target/ab/<commit>.txt and are
# printed at the end, BEFORE's first. Run it in a quiet window: the machine's other load is in every number.
set -euo pipefail
if [ $# -lt 4 ]; then
  sed -n '2,9p' "$0" >&2
  exit 2
fi
before=$1 after=$2 rounds=$3
shift 3
if [ "$before" = "$after" ]; then
  echo "error: BEFORE and AFTER are the same commit ($before)" >&2
  exit 2
fi
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/benchmarks/target/ab"
mkdir -p "$out"
for c in "$before" "$after"; do
  if [ ! -f "$out/$c.jar" ]; then
    tmp=$(mktemp -d)
    git -C "$root" worktree add -q --detach "$tmp/src" "$c"
    (cd "$tmp/src" && ./mvnw -B -q -o -pl benchmarks -am package -DskipTests)
    cp "$tmp/src/benchmarks/target/petal-benchmarks.jar" "$out/$c.jar"
    git -C "$root" worktree remove --force "$tmp/src"
    rm -rf "$tmp"
  fi
  : > "$out/$c.txt"
done
for r in $(seq 1 "$rounds"); do
  for c in "$before" "$after"; do
    echo "== round $r: $c" >&2
    { java -jar "$out/$c.jar" "$@" 2>&1 || true; } | { grep -E '^[A-Za-z]+Benchmark\.' || true; } | sed "s/^/$c r$r  /" >> "$out/$c.txt"
  done
done
echo "commit round  benchmark (params) mode count score error units"
cat "$out/$before.txt" "$out/$after.txt"
