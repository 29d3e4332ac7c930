#!/usr/bin/env bash
# Cold `petal train` under two settings of PETAL_JAVA_OPTS, run in turn (A B A B ...), whole process each time:
#   benchmarks/scale/cold_ab.sh RUNS "OPTS_A" "OPTS_B" [train flags...]
# e.g. benchmarks/scale/cold_ab.sh 8 "" "-Dpetal.threads=1" --data /tmp/c15.csv --model /tmp/c15.petal
# (make the data with benchmarks/scale/make_csv.py 15000 20 /tmp/c15.csv). Prints each run's wall and CPU
# seconds and peak RSS, then the medians per setting; with PETAL_TIMINGS=1 each run also prints its phases.
# Run it on a quiet machine: wall times on a shared one say little.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs=$1; a=$2; b=$3; shift 3
"$root/bin/petal" --version >/dev/null   # builds the class-data archive first, outside the timings
out=$(mktemp)
for ((i = 0; i < runs; i++)); do
  for side in A B; do
    opts=$a; [ "$side" = B ] && opts=$b
    PETAL_JAVA_OPTS="$opts" /usr/bin/time -f "$side %e %U %S %M" -o "$out" -a "$root/bin/petal" train "$@" >/dev/null
    tail -n 1 "$out" | awk '{printf "%s wall %.2f s, CPU %.2f s, peak RSS %d MB\n", $1, $2, $3 + $4, $5 / 1024}'
  done
done
median() { sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
for side in A B; do
  wall=$(grep "^$side " "$out" | awk '{print $2}' | median)
  cpu=$(grep "^$side " "$out" | awk '{print $3 + $4}' | median)
  echo "$side median of $runs: wall $wall s, CPU $cpu s"
done
rm -f "$out"
