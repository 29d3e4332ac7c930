# Sourced by the benchmark scripts that pair Petal and scikit-learn in-process timings:
# timed_run LABEL COMMAND... runs COMMAND under /usr/bin/time -v and prints its one output line, LABEL,
# its peak resident memory in MB and its wall time.
timed_run() {
  local log; log=$(mktemp)
  /usr/bin/time -v "${@:2}" > "$log.out" 2> "$log"
  printf '%s %s peak_rss_mb=%d wall=%s\n' "$(cat "$log.out")" "$1" \
    "$(( $(grep 'Maximum resident' "$log" | awk '{print $NF}') / 1024 ))" "$(grep 'Elapsed (wall' "$log" | awk '{print $NF}')"
  rm -f "$log" "$log.out"
}
