#!/usr/bin/env bash
# Coverage of the service circles (issue 5: 300,000 elders against 2,000 facilities under 2 s).
#   bench/coverage.sh [elders=300000] [facilities=2000] [runs=5]
#     compiles, then runs bench/CoverageBench.java in process against target/classes (no database).
#   bench/coverage.sh large
#     builds the jar, starts Yiyang on the LARGE demo city (300,000 elders) under bench/data/, waits
#     for the coverage to be built from the database and prints /api/v1/coverage/status, then times
#     a few full recomputations and city reports through the API.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${JAVA_HOME:-}" ]; then export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64; fi
if [ "${1:-}" != "large" ]; then
  ./mvnw -q -B -ntp -DskipTests compile dependency:build-classpath -Dmdep.includeScope=runtime \
    -Dmdep.outputFile=target/bench-classpath.txt
  "$JAVA_HOME/bin/java" -Xmx2g -cp "target/classes:$(cat target/bench-classpath.txt)" bench/CoverageBench.java \
    "${1:-300000}" "${2:-2000}" "${3:-5}"
  exit 0
fi
PORT=${PORT:-18080}
DATA=${DATA:-bench/data/pg-large}
mkdir -p bench/data
./mvnw -q -B -ntp -DskipTests package
"$JAVA_HOME/bin/java" -Xmx4g -jar target/yiyang-0.1.0-SNAPSHOT.jar --server.port="$PORT" --yiyang.demo.size=large \
  --yiyang.embedded-db.data-dir="$DATA" --yiyang.crypto.key-file=bench/data/crypto.key > bench/data/app-coverage.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null || true' EXIT
for i in $(seq 1 900); do
  if curl -fs -u city:demo "http://localhost:$PORT/api/v1/coverage/status" 2>/dev/null | grep -q '"ready":true'; then break; fi
  if ! kill -0 $APP 2>/dev/null; then echo "Yiyang exited; see bench/data/app-coverage.log" >&2; exit 1; fi
  sleep 1
done
echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
grep -o "Demo city ready in [0-9]* ms" bench/data/app-coverage.log || echo "(demo city was already generated)"
grep -o "Coverage: .*" bench/data/app-coverage.log | head -1
curl -fs -u city:demo "http://localhost:$PORT/api/v1/coverage/status"; echo
for i in 1 2 3; do
  curl -fs -u city:demo -o /dev/null -w "city report (any type, weighted): %{time_total} s\n" \
    "http://localhost:$PORT/api/v1/coverage?weighted=true"
  curl -fs -u city:demo -o /dev/null -w "city uncovered page 1: %{time_total} s\n" \
    "http://localhost:$PORT/api/v1/coverage/uncovered?type=COMMUNITY_STATION"
  curl -fs -u city:demo -o /dev/null -w "city hexes: %{time_total} s\n" \
    "http://localhost:$PORT/api/v1/coverage/hexes?type=COMMUNITY_STATION"
done
