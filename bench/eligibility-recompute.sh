#!/usr/bin/env bash
# Eligibility recompute on the LARGE demo city (300,000 elders, 4 benefits = 1.2 million results):
# builds the jar, starts Yiyang on its own embedded database under bench/data/ (generated once,
# kept for reruns) and reports
#   1. the first evaluation of every elder while the demo city is generated (copy + evaluate + write all),
#   2. a full recompute when nothing changed (POST /api/v1/eligibility/recompute as the city), 3 times,
#   3. a rule change for the whole city (old-age allowance 80 → 75 and back), evaluated in the background.
# Usage: bench/eligibility-recompute.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-18081}
DATA=${DATA:-bench/data/pg-large}
LOG=bench/data/app-eligibility.log
mkdir -p bench/data
if [ -z "${JAVA_HOME:-}" ]; then export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64; fi
./mvnw -q -B -ntp -DskipTests package
"$JAVA_HOME/bin/java" -Xmx4g -jar target/yiyang-0.1.0-SNAPSHOT.jar --server.port="$PORT" --yiyang.demo.size=large \
  --yiyang.embedded-db.data-dir="$DATA" --yiyang.crypto.key-file=bench/data/crypto.key > "$LOG" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null || true' EXIT
for i in $(seq 1 1800); do
  if curl -fs "http://localhost:$PORT/actuator/health" >/dev/null 2>&1 && grep -q "demo mode" "$LOG"; then break; fi
  if ! kill -0 $APP 2>/dev/null; then echo "Yiyang exited; see $LOG" >&2; exit 1; fi
  sleep 1
done
echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $("$JAVA_HOME/bin/java" -version 2>&1 | head -1); load $(cut -d' ' -f1-3 /proc/loadavg)"
grep -o "Demo city ready in [0-9]* ms" "$LOG" || echo "(demo city was already generated)"
grep -o "Eligibility of region '': .*" "$LOG" | head -1 || true
for i in 1 2 3; do
  echo "recompute (nothing changed) #$i: $(curl -fs -u city:demo -X POST "http://localhost:$PORT/api/v1/eligibility/recompute")"
done
change() {
  local age=$1
  local before; before=$(grep -c "Eligibility rules of region '4109' changed" "$LOG" || true)
  curl -fs -u city:demo -X PUT -H 'Content-Type: application/json' -d "{\"minAge\": $age}" \
    "http://localhost:$PORT/api/v1/eligibility-rules/410900000000/OLD_AGE_ALLOWANCE" > /dev/null
  for i in $(seq 1 600); do
    if [ "$(grep -c "Eligibility rules of region '4109' changed" "$LOG" || true)" -gt "$before" ]; then break; fi
    sleep 0.5
  done
  echo "city rule old-age allowance from $age: $(grep -o "Eligibility rules of region '4109' changed: .*" "$LOG" | tail -1)"
}
change 75
change 80
