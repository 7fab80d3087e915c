#!/usr/bin/env bash
# G1 vs ZGC under the order load of bench/multi-node.sh (two nodes, one PostgreSQL, orders through
# both, offers expiring every 5 s): runs it once per collector with safepoint logging and prints the
# stop-the-world pauses of each node (every safepoint, GC or not: what a request can wait for).
# Usage: bench/gc-compare.sh [ratePerSecond=50] [seconds=45] [heap=1g]
set -euo pipefail
cd "$(dirname "$0")/.."
RATE=${1:-50}; DURATION=${2:-45}; export NODE_HEAP=${3:-1g}
summary() {  # summary LABEL FILES…: count, p50, p99, max and total of the safepoint pauses (Total: … ns)
  local label=$1; shift
  for f in "$@"; do
    grep -o 'Safepoint "[^"]*".*Total: [0-9]* ns' "$f" | sed -E 's/Safepoint "([^"]*)".*Total: ([0-9]+) ns/\1 \2/' \
      | sort -k2 -n | awk -v label="$label" -v file="$(basename "$f")" '
          { op[NR] = $1; t[NR] = $2; sum += $2; if ($1 ~ /G1|Z[A-Z]|GC|Collect/) gc++ }
          END { if (NR == 0) exit;
                printf "| %s | %s | %d (%d GC) | %.2f | %.2f | %.2f | %.1f | %s |\n", label, file, NR, gc, t[int(NR*0.5)+1]/1e6,
                       t[int(NR*0.99) < NR ? int(NR*0.99)+1 : NR]/1e6, t[NR]/1e6, sum/1e6, op[NR] }'
  done
}
rm -f bench/data/safepoint-*.log
JAVA_OPTS="-XX:+UseG1GC -Xlog:safepoint:file=bench/data/safepoint-g1-%p.log" bench/multi-node.sh "$RATE" "$DURATION" > bench/data/gc-g1.log 2>&1 || true
JAVA_OPTS="-XX:+UseZGC -Xlog:safepoint:file=bench/data/safepoint-zgc-%p.log" bench/multi-node.sh "$RATE" "$DURATION" > bench/data/gc-zgc.log 2>&1 || true
echo "| collector | node log | safepoints (GC) | p50 ms | p99 ms | max ms | total ms | longest was |"
echo "|---|---|---|---|---|---|---|---|"
summary G1 bench/data/safepoint-g1-*.log
summary ZGC bench/data/safepoint-zgc-*.log
for gc in g1 zgc; do
  echo; echo "$gc: $(grep -E '^\| all \|' bench/data/gc-$gc.log | head -1)"; grep -E 'VERIFY|SEEDING' bench/data/gc-$gc.log
done
