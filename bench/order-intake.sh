#!/usr/bin/env bash
# Order intake on the LARGE demo city (300,000 elders, 12,000 caregivers): builds the jar, starts
# Yiyang on its embedded PostgreSQL under bench/data/ (port 15432 so the raw-insert benchmark can
# reach the same server), applies bench/BenchSetup.java (caregivers on duty around the clock, so
# the result does not depend on the hour), places orders through the API at a fixed rate, measures
# the dispatch delay, then measures the raw single-row insert rate of that PostgreSQL.
# Usage: bench/order-intake.sh [ratePerSecond=300] [seconds=60] [asap|window]
#   AUTO_DISPATCH=false measures placing alone (automatic dispatch off).
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
build_app
trap stop_app EXIT
start_app bench/data/app-intake.log
bench_setup bench/data/app-intake.log
if [ "${AUTO_DISPATCH:-true}" = false ]; then
  stop_app
  start_app bench/data/app-intake.log --yiyang.dispatch.auto=false
fi
machine
"$JAVA_HOME/bin/java" bench/OrderIntakeBench.java "http://localhost:$PORT" "${1:-300}" "${2:-60}" "${3:-asap}"
echo
"$JAVA_HOME/bin/java" -cp "$(cat target/bench-classpath.txt)" bench/PgInsertBench.java "jdbc:postgresql://localhost:$PGPORT/postgres" 8 20
