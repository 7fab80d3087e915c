#!/usr/bin/env bash
# The working day's mix on the LARGE demo city (issue 6): orders placed and dispatched, pages
# read, caregivers accepting / checking in / checking out / confirming, all at once.
# Applies bench/BenchSetup.java (caregivers on duty around the clock, logins and tokens) first.
# Usage: bench/mixed-load.sh [orders/s=100] [seconds=60] [readers=8] [caregiverWorkers=8]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
build_app
trap stop_app EXIT
start_app bench/data/app-mixed.log
bench_setup bench/data/app-mixed.log
machine
"$JAVA_HOME/bin/java" bench/MixedLoadBench.java "http://localhost:$PORT" "${1:-100}" "${2:-60}" "${3:-8}" "${4:-8}"
