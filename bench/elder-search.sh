#!/usr/bin/env bash
# Elder registry latency on the LARGE demo city (300,000 elders): builds the jar, starts Yiyang on
# its own embedded database under bench/data/ (generated once, kept for reruns), and runs
# SearchBench against it. Usage: bench/elder-search.sh [samples]
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-18080}
DATA=${DATA:-bench/data/pg-large}
SAMPLES=${1:-400}
mkdir -p bench/data
if [ -z "${JAVA_HOME:-}" ]; then export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64; fi
./mvnw -q -B -ntp -DskipTests package
"$JAVA_HOME/bin/java" -Xmx4g -jar target/yiyang-0.1.0-SNAPSHOT.jar --server.port="$PORT" --yiyang.demo.size=large \
  --yiyang.embedded-db.data-dir="$DATA" --yiyang.crypto.key-file=bench/data/crypto.key > bench/data/app.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null || true' EXIT
for i in $(seq 1 900); do
  if curl -fs "http://localhost:$PORT/actuator/health" >/dev/null 2>&1 && grep -q "Demo city ready\|demo mode" bench/data/app.log; then break; fi
  if ! kill -0 $APP 2>/dev/null; then echo "Yiyang exited; see bench/data/app.log" >&2; exit 1; fi
  sleep 1
done
grep -o "Demo city ready in [0-9]* ms" bench/data/app.log || echo "(demo city was already generated)"
echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
"$JAVA_HOME/bin/java" bench/SearchBench.java "http://localhost:$PORT" "$SAMPLES"
