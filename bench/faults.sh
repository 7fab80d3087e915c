#!/usr/bin/env bash
# Faults under load, scripted and repeatable (see bench/cluster-lib.sh for the setup: a standalone
# PostgreSQL 17 that this script can crash and restart, and two Yiyang nodes on it). Orders are
# placed through both nodes at a fixed rate (bench/ClusterLoad.java) while one fault happens:
#   kill        kill -9 node 2 a third into the load, right after a burst of orders through it (so it
#               dies with dispatches queued); after the load, restart it: every acknowledged
#               order must exist, and every event publication (in flight on the killed node too) must
#               be completed within a bounded time after the restart;
#   pg-restart  crash PostgreSQL (pg_ctl stop -m immediate) a third into the load, start it again 5 s
#               later: both nodes must recover by themselves (health UP, new orders succeed) and keep
#               every acknowledged order; publications that failed meanwhile must complete;
#   slow-db     another session holds an exclusive lock on service_order for 15 s a third into the
#               load: requests must end within a bounded time with 503 problem+json (no 500s, no pile-up).
# Then bench/ClusterVerify.java checks the database (no double dispatch, chains of states, publications).
# Usage: bench/faults.sh [all|kill|pg-restart|slow-db] [ratePerSecond=40] [seconds=40]
set -euo pipefail
source "$(dirname "$0")/cluster-lib.sh"
SCENARIO=${1:-all}
RATE=${2:-40}
DURATION=${3:-40}
FAULT_AT=$((DURATION / 3))
trap cleanup EXIT
SQL() { bench_java bench/Sql.java "$JDBC_URL" "$@"; }
incomplete() { SQL "select count(*) from event_publication where completion_date is null" 2>/dev/null || echo "?"; }
ops_metric() {  # ops_metric NODE NAME: a Micrometer value from /actuator/metrics (logged in as operator)
  curl -fs -m 2 -u operator:demo "http://localhost:${NODE_PORTS[$1]}/actuator/metrics/$2" 2>/dev/null \
    | grep -o '"value":[0-9.E-]*' | head -1 | cut -d: -f2 || echo "-"
}
load_start() {
  "$JAVA_HOME/bin/java" bench/ClusterLoad.java "$(base_urls)" "$RATE" "$DURATION" "$DATA/acks-$1.tsv" > "$DATA/load-$1.log" 2>&1 &
  LOAD=$!
}
# wait_all_complete LIMIT: seconds until no event publication is incomplete (or LIMIT passed)
wait_all_complete() {
  local start=$SECONDS n
  while (( SECONDS - start < $1 )); do
    n=$(incomplete)
    if [ "$n" = 0 ]; then echo "all event publications completed $((SECONDS - start)) s later"; return 0; fi
    sleep 1
  done
  echo "STILL INCOMPLETE after $1 s: $(incomplete) publications"
  SQL "select substring(event_type from '[^.]+\$'), status, count(*) from event_publication where completion_date is null group by 1, 2"
  return 1
}
verify() {  # verify NAME
  bench_java bench/ClusterVerify.java "$JDBC_URL" "$DATA/acks-$1.tsv" 60 600 15 || VERDICT=1
}
VERDICT=0

build
rm -f $DATA/node-*.log $DATA/load-*.log $DATA/acks-*.tsv
pg_fresh
echo "$(date +%T) PostgreSQL 17 on port $PGPORT, data in $PGDATA_DIR"
node_start 0
node_wait 0
node_start 1
node_wait 1
echo "Machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); $("$JAVA_HOME/bin/java" -version 2>&1 | head -1); node heap $NODE_HEAP, $POOL connections each"

if [[ $SCENARIO == all || $SCENARIO == kill ]]; then
  echo; echo "=== (a) kill -9 node 2 after ${FAULT_AT} s of ${DURATION} s at ${RATE} orders/s"
  load_start kill
  sleep "$FAULT_AT"
  # a burst through node 2 just before the kill, so that it dies with dispatches queued and in flight
  "$JAVA_HOME/bin/java" -Dsample="http://localhost:${NODE_PORTS[0]}" bench/ClusterLoad.java "http://localhost:${NODE_PORTS[1]}" 300 3 \
    "$DATA/acks-burst.tsv" > "$DATA/load-burst.log" 2>&1 &
  BURST=$!
  until grep -q "^Load:" "$DATA/load-burst.log" 2>/dev/null || ! kill -0 $BURST 2>/dev/null; do sleep 0.2; done
  sleep 3
  echo "incomplete event publications just before the kill: $(incomplete)"
  node_kill9 1
  wait "$BURST" || true
  echo "incomplete event publications right after the kill: $(incomplete)"
  wait "$LOAD"
  cat "$DATA/load-kill.log"
  echo "incomplete event publications after the load, node 2 still down: $(incomplete)"
  node_start 1
  node_wait 1
  wait_all_complete 120 || VERDICT=1
  touch "$DATA/acks-burst.tsv"
  cat "$DATA/acks-kill.tsv" "$DATA/acks-burst.tsv" > "$DATA/acks-kill-all.tsv"
  echo "burst through node 2 (300/s for 3 s, killed at its end): $(wc -l < "$DATA/acks-burst.tsv") orders acknowledged"
  verify kill-all
fi

if [[ $SCENARIO == all || $SCENARIO == pg-restart ]]; then
  echo; echo "=== (b) PostgreSQL crashed (immediate stop) after ${FAULT_AT} s of ${DURATION} s at ${RATE} orders/s, started again 5 s later"
  load_start pg
  sleep "$FAULT_AT"
  pg_stop immediate
  down=$SECONDS
  echo "$(date +%T) PostgreSQL stopped (immediate)"
  sleep 2
  for i in 0 1; do
    echo "  node $((i+1)) health while the database is down: $(curl -s -m 5 -o /dev/null -w '%{http_code}' "http://localhost:${NODE_PORTS[$i]}/actuator/health")"
  done
  sleep 3
  pg_start
  echo "$(date +%T) PostgreSQL started again after $((SECONDS - down)) s"
  for i in 0 1; do
    start=$SECONDS
    until curl -fs -m 2 "http://localhost:${NODE_PORTS[$i]}/actuator/health" | grep -q '"UP"'; do
      if (( SECONDS - start > 120 )); then echo "  node $((i+1)) NOT healthy 120 s after the restart"; VERDICT=1; break; fi
      sleep 0.5
    done
    echo "  node $((i+1)) health UP $((SECONDS - start)) s after PostgreSQL was back"
  done
  wait "$LOAD"
  cat "$DATA/load-pg.log"
  echo "new orders after the recovery (10/s for 5 s through both nodes):"
  "$JAVA_HOME/bin/java" bench/ClusterLoad.java "$(base_urls)" 10 5 "$DATA/acks-pg-after.tsv" | sed -n '/^| node/,/^| 2/p'
  [ "$(wc -l < "$DATA/acks-pg-after.tsv")" = 50 ] || { echo "FAIL: not every new order was accepted"; VERDICT=1; }
  wait_all_complete 120 || VERDICT=1
  cat "$DATA/acks-pg.tsv" "$DATA/acks-pg-after.tsv" > "$DATA/acks-pg-all.tsv"
  verify pg-all
fi

if [[ $SCENARIO == all || $SCENARIO == slow-db ]]; then
  echo; echo "=== (c) slow database: a session holds an exclusive lock on service_order for 15 s, after ${FAULT_AT} s of ${DURATION} s at ${RATE} orders/s"
  load_start slow
  sleep "$FAULT_AT"
  bench_java bench/Sql.java "$JDBC_URL" "begin" "lock table service_order in exclusive mode" "select pg_sleep(15)" "commit" &
  LOCKER=$!
  max_pending=0; max_active=0
  for s in $(seq 1 16); do
    p=$(ops_metric 0 hikaricp.connections.pending); a=$(ops_metric 0 hikaricp.connections.active)
    p=${p%.*}; a=${a%.*}
    [[ $p =~ ^[0-9]+$ ]] && (( p > max_pending )) && max_pending=$p
    [[ $a =~ ^[0-9]+$ ]] && (( a > max_active )) && max_active=$a
    sleep 1
  done
  wait "$LOCKER"
  echo "node 1 while the lock was held: hikaricp.connections.active max $max_active, pending max $max_pending"
  wait "$LOAD"
  cat "$DATA/load-slow.log"
  if grep -qE '\| all \|.*\b500=' "$DATA/load-slow.log"; then echo "FAIL: 500 answers"; VERDICT=1; fi
  verify slow
fi

echo
for i in 0 1; do
  echo "node $((i+1)): $(grep -c ' ERROR ' $DATA/node-$i.log || true) ERROR lines, $(grep -c 'Database unavailable' $DATA/node-$i.log || true) 'Database unavailable' warnings in $DATA/node-$i.log"
done
[ $VERDICT = 0 ] && echo "FAULTS: PASS" || echo "FAULTS: FAIL"
exit $VERDICT
