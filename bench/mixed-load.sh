#!/usr/bin/env bash
# The working day's mix on the LARGE demo city (issue 6): orders placed and dispatched, pages
# read, caregivers accepting / checking in / checking out / confirming, all at once.
# First run: generates the large city under bench/data/ (shared with order-intake.sh), applies
# bench/BenchSetup.java (caregivers on duty around the clock, logins and tokens) and restarts.
# Usage: bench/mixed-load.sh [orders/s=100] [seconds=60] [readers=8] [caregiverWorkers=8]
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-18080}
PGPORT=${PGPORT:-15432}
DATA=${DATA:-bench/data/pg-large}
mkdir -p bench/data
if [ -z "${JAVA_HOME:-}" ]; then export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64; fi
./mvnw -q -B -ntp -DskipTests package dependency:build-classpath -Dmdep.includeScope=runtime \
  -Dmdep.outputFile=target/bench-classpath.txt
APP=
start_app() {
  "$JAVA_HOME/bin/java" -Xmx4g ${JAVA_OPTS:-} -jar target/yiyang-0.1.0-SNAPSHOT.jar --server.port="$PORT" --yiyang.demo.size=large \
    --yiyang.embedded-db.data-dir="$DATA" --yiyang.embedded-db.port="$PGPORT" --yiyang.embedded-db.pool-size=40 \
    --yiyang.crypto.key-file=bench/data/crypto.key --logging.level.root=WARN --logging.level.org.yiyang.shared.infra=INFO \
    > bench/data/app-mixed.log 2>&1 &
  APP=$!
  for i in $(seq 1 900); do
    if curl -fs "http://localhost:$PORT/actuator/health" >/dev/null 2>&1 && grep -q "demo mode" bench/data/app-mixed.log; then return; fi
    if ! kill -0 $APP 2>/dev/null; then echo "Yiyang exited; see bench/data/app-mixed.log" >&2; exit 1; fi
    sleep 1
  done
}
stop_app() { kill $APP 2>/dev/null; wait $APP 2>/dev/null || true; }
trap stop_app EXIT
start_app
"$JAVA_HOME/bin/java" -cp "$(cat target/bench-classpath.txt)" bench/BenchSetup.java "jdbc:postgresql://localhost:$PGPORT/postgres"
stop_app
start_app
echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
"$JAVA_HOME/bin/java" bench/MixedLoadBench.java "http://localhost:$PORT" "${1:-100}" "${2:-60}" "${3:-8}" "${4:-8}"
