#!/usr/bin/env bash
# Wall time of the notebook's 12-trial grid sweep and a 48-trial random sweep on three targets: local (child
# JVMs), spark:local[2] (embedded Spark) and a 2-worker standalone cluster on 127.0.0.1 (1 core each), plus the
# mean duration of one trial (start to end, from the run records). Needs: ./mvnw -pl cli,spark -am package.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/cli/target/petal.jar"
work="$(mktemp -d)"
port="${PORT:-17177}"
trap 'java -jar "$jar" cluster stop --port "$port" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
cd "$work"

grid=(--sampling grid --param "kernel=choice('linear','rbf','poly','sigmoid')" --param "penalty=choice(0.5,1,1.5)"
      --max-total-runs 12)
random=(--sampling random --param "kernel=choice('linear','rbf','poly','sigmoid')" --param "penalty=uniform(0.5,1.5)"
        --max-total-runs 48)

sweep() { # NAME TARGET ARGS...
  local name="$1" target="$2"; shift 2
  local ws="$work/ws-$name"
  local start end
  start=$(date +%s.%N)
  java -jar "$jar" tune --workspace "$ws" --target "$target" "$@" --primary-metric Accuracy --goal maximize \
      --max-concurrent-runs 4 --json dev.petal.examples.TrainIris > "$work/$name.json"
  end=$(date +%s.%N)
  python3 - "$name" "$start" "$end" "$ws" <<'PY'
import json, sys, glob, datetime
name, start, end, ws = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
d = []
for f in glob.glob(ws + "/experiments/*/*/run.json"):
    r = json.load(open(f))
    if r.get("parentId") and r.get("status") == "Completed":
        t = lambda k: datetime.datetime.fromisoformat(r[k].replace("Z", "+00:00"))
        d.append((t("endTime") - t("startTime")).total_seconds())
print(f"{name:28s} wall {end - start:7.1f} s   trials {len(d):3d}   mean trial {sum(d) / len(d):5.2f} s")
PY
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
sweep grid-local local "${grid[@]}"
sweep grid-spark-local2 "spark:local[2]" "${grid[@]}"
sweep random-local local "${random[@]}"
sweep random-spark-local2 "spark:local[2]" "${random[@]}"
cstart=$(date +%s.%N)
master=$(java -jar "$jar" cluster start --workers 2 --cores 1 --memory 1g --port "$port" | tail -1)
echo "cluster start (2 workers)    wall $(python3 -c "print(f'{$(date +%s.%N) - $cstart:7.1f}')") s"
sweep grid-cluster "$master" "${grid[@]}"
sweep random-cluster "$master" "${random[@]}"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
