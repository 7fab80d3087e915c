#!/usr/bin/env bash
# Two Yiyang nodes on one standalone PostgreSQL 17 (see bench/cluster-lib.sh): both started at the
# same moment on an empty database (one must generate the demo city, the other must wait for it and
# not seed again), orders placed through both at a fixed rate with automatic dispatch on and offers
# expiring after 5 s (so the sweep job and re-dispatch run all the time on both nodes), then
# bench/ClusterVerify.java checks from SQL that nothing was dispatched twice, every expired offer
# was swept once, and every event publication was completed once. Prints PASS/FAIL; exit 1 on FAIL.
# Usage: bench/multi-node.sh [ratePerSecond=50] [seconds=60]
set -euo pipefail
source "$(dirname "$0")/cluster-lib.sh"
RATE=${1:-50}
DURATION=${2:-60}
OFFER_TIMEOUT=5
SWEEP=2
trap cleanup EXIT
build
rm -f $DATA/node-*.log
pg_fresh
echo "$(date +%T) PostgreSQL 17 on port $PGPORT, data in $PGDATA_DIR"
EXTRA_ARGS="--yiyang.order.offer-timeout=PT${OFFER_TIMEOUT}S --yiyang.order.sweep-interval=PT${SWEEP}S --yiyang.dispatch.retry-interval=PT30S"
node_start 0
node_start 1
node_wait 0
node_wait 1
SQL() { bench_java bench/Sql.java "$JDBC_URL" "$@"; }
seeders=$(grep -l "Generating the demo city" $DATA/node-*.log | wc -l)
echo "Nodes that generated the demo city: $seeders; demo_state rows: $(SQL 'select count(*) from demo_state');" \
  "elders: $(SQL 'select count(*) from elder'); caregivers: $(SQL 'select count(*) from caregiver')"
grep -h " ERROR " $DATA/node-*.log | head -5 || true
echo "Machine: $(nproc) cores; $("$JAVA_HOME/bin/java" -version 2>&1 | head -1); node heap $NODE_HEAP, $POOL connections each"
"$JAVA_HOME/bin/java" bench/ClusterLoad.java "$(base_urls)" "$RATE" "$DURATION" $DATA/acks-multi.tsv
# let the last offers expire and be swept at least once before checking
sleep $((OFFER_TIMEOUT + 2 * SWEEP))
set +e
bench_java bench/ClusterVerify.java "$JDBC_URL" $DATA/acks-multi.tsv 120 $OFFER_TIMEOUT $SWEEP
verdict=$?
set -e
[ "$seeders" = 1 ] && echo "SEEDING: PASS (one node generated the demo city)" || { echo "SEEDING: FAIL ($seeders nodes generated it)"; verdict=1; }
for i in 0 1; do
  echo "node $((i+1)): $(grep -c ' ERROR ' $DATA/node-$i.log || true) ERROR lines in $DATA/node-$i.log"
done
exit $verdict
