#!/usr/bin/env bash
# Usage: benchmarks/spark-sweep.sh [sweeps|overhead]            (needs: ./mvnw -pl cli,spark -am package)
#
# sweeps (the default): wall time of the notebook's 12-trial grid sweep and a 48-trial random sweep on three
#   targets: local (child JVMs), spark:local[2] (embedded Spark) and a 2-worker standalone cluster on 127.0.0.1
#   (1 core each), plus the mean duration of one trial (start to end, from the run records).
# overhead: what ONE trial costs on each target, apart from the fixed cost of starting Spark: TRIALS (default 12)
#   TrainIris trials run one after another (--max-concurrent-runs 1) on local, spark:local[1] and a 1-worker,
#   1-core cluster, and each trial's time is split by its status history into scheduling (Queued/Preparing to
#   Running: on Spark the job and its task reaching the executor), script (Running to Finalizing: the child JVM's
#   start, loading iris, the fit) and commit (Finalizing to the end: the driver putting the run folder in place).
#   A bare `java ... TrainIris` gives the child JVM's own share.
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

# One trial at a time on TARGET; prints the mean of each phase of a trial (seconds) from the run histories.
overhead() { # NAME TARGET
  local name="$1" target="$2" ws="$work/ws-overhead-$1" start end
  start=$(date +%s.%N)
  java -jar "$jar" tune --workspace "$ws" --target "$target" --sampling random \
      --param "kernel=choice('linear','rbf')" --param "penalty=uniform(0.5,1.5)" --max-total-runs "$trials" \
      --max-concurrent-runs 1 --primary-metric Accuracy --goal maximize --json dev.petal.examples.TrainIris \
      > "$work/overhead-$name.json"
  end=$(date +%s.%N)
  python3 - "$name" "$start" "$end" "$ws" <<'PY'
import json, sys, glob, datetime
name, start, end, ws = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
def t(s):
    return datetime.datetime.fromisoformat(s.replace("Z", "+00:00")).timestamp()
phases = {"total": [], "scheduling": [], "script": [], "commit": []}
for f in glob.glob(ws + "/experiments/*/*/run.json"):
    r = json.load(open(f))
    if not r.get("parentId") or r.get("status") != "Completed":
        continue
    h = {e["status"]: t(e["time"]) for e in r["history"]}
    phases["total"].append(h["Completed"] - h["Queued"])
    phases["scheduling"].append(h["Running"] - h["Queued"])
    phases["script"].append(h["Finalizing"] - h["Running"])
    phases["commit"].append(h["Completed"] - h["Finalizing"])
n = len(phases["total"])
mean = {k: sum(v) / n for k, v in phases.items()}
fixed = (end - start) - sum(phases["total"])
print(f"{name:24s} trials {n:3d}  per trial {mean['total']:5.2f} s = scheduling {mean['scheduling']:5.2f}"
      f" + script {mean['script']:5.2f} + commit {mean['commit']:5.2f}   fixed {fixed:6.1f} s  wall {end - start:6.1f} s")
PY
}

if [[ "${1:-sweeps}" == overhead ]]; then
  trials="${TRIALS:-12}"
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  bare_start=$(date +%s.%N)
  for _ in $(seq "$trials"); do
    PETAL_WORKSPACE="$work/ws-bare" java -XX:+UseSerialGC -cp "$jar" dev.petal.examples.TrainIris > /dev/null 2>&1
  done
  echo "bare java TrainIris        per run $(python3 -c "print(f'{($(date +%s.%N) - $bare_start) / $trials:5.2f}')") s"
  overhead local local
  overhead spark-local1 "spark:local[1]"
  master=$(java -jar "$jar" cluster start --workers 1 --cores 1 --memory 1g --port "$port" | tail -1)
  overhead cluster-1x1 "$master"
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  exit 0
fi

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
