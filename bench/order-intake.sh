#!/usr/bin/env bash
# Order intake on the LARGE demo city (300,000 elders, 12,000 caregivers): builds the jar, starts
# Yiyang on its embedded PostgreSQL under bench/data/ (port 15432 so the raw-insert benchmark can
# reach the same server), places orders through the API at a fixed rate, measures dispatch delay,
# then measures the raw single-row insert rate of that PostgreSQL.
# Usage: bench/order-intake.sh [ratePerSecond=300] [seconds=60] [window|asap]
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-18080}
PGPORT=${PGPORT:-15432}
DATA=${DATA:-bench/data/pg-large}
mkdir -p bench/data
if [ -z "${JAVA_HOME:-}" ]; then export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64; fi
./mvnw -q -B -ntp -DskipTests package dependency:build-classpath -Dmdep.includeScope=runtime \
  -Dmdep.outputFile=target/bench-classpath.txt
"$JAVA_HOME/bin/java" -Xmx4g ${JAVA_OPTS:-} -jar target/yiyang-0.1.0-SNAPSHOT.jar --server.port="$PORT" --yiyang.demo.size=large \
  --yiyang.embedded-db.data-dir="$DATA" --yiyang.embedded-db.port="$PGPORT" --yiyang.embedded-db.pool-size=40 \
  --yiyang.crypto.key-file=bench/data/crypto.key --logging.level.root=WARN --logging.level.org.yiyang.shared.infra=INFO \
  > bench/data/app-intake.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null || true' EXIT
for i in $(seq 1 900); do
  if curl -fs "http://localhost:$PORT/actuator/health" >/dev/null 2>&1 && grep -q "demo mode" bench/data/app-intake.log; then break; fi
  if ! kill -0 $APP 2>/dev/null; then echo "Yiyang exited; see bench/data/app-intake.log" >&2; exit 1; fi
  sleep 1
done
echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
"$JAVA_HOME/bin/java" bench/OrderIntakeBench.java "http://localhost:$PORT" "${1:-300}" "${2:-60}" "${3:-window}"
echo
"$JAVA_HOME/bin/java" -cp "$(cat target/bench-classpath.txt)" bench/PgInsertBench.java "jdbc:postgresql://localhost:$PGPORT/postgres" 8 20
