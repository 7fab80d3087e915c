# Shared by the benchmark scripts that run Yiyang on the LARGE demo city (300,000 elders, 12,000
# caregivers) with its embedded PostgreSQL under bench/data/ on a fixed port (so JDBC benchmarks
# can reach the same server). Source it from the repository root.
PORT=${PORT:-18080}
PGPORT=${PGPORT:-15432}
DATA=${DATA:-bench/data/pg-large}
APP=
mkdir -p bench/data
if [ -z "${JAVA_HOME:-}" ]; then export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64; fi

# Builds the jar and writes the runtime classpath for the single-file JDBC benchmarks.
build_app() {
  ./mvnw -q -B -ntp -DskipTests package dependency:build-classpath -Dmdep.includeScope=runtime \
    -Dmdep.outputFile=target/bench-classpath.txt
}

# Starts the application (JAVA_OPTS and extra arguments passed on), waits until the demo city is ready.
start_app() {
  local log=$1; shift
  "$JAVA_HOME/bin/java" -Xmx4g ${JAVA_OPTS:-} -jar target/yiyang-0.1.0-SNAPSHOT.jar --server.port="$PORT" --yiyang.demo.size=large \
    --yiyang.embedded-db.data-dir="$DATA" --yiyang.embedded-db.port="$PGPORT" --yiyang.embedded-db.pool-size=40 \
    --yiyang.crypto.key-file=bench/data/crypto.key --logging.level.root=WARN --logging.level.org.yiyang.shared.infra=INFO \
    "$@" > "$log" 2>&1 &
  APP=$!
  for i in $(seq 1 900); do
    if curl -fs "http://localhost:$PORT/actuator/health" >/dev/null 2>&1 && grep -q "demo mode" "$log"; then return; fi
    if ! kill -0 $APP 2>/dev/null; then echo "Yiyang exited; see $log" >&2; exit 1; fi
    sleep 1
  done
}

stop_app() {
  if [ -n "$APP" ]; then kill $APP 2>/dev/null; wait $APP 2>/dev/null || true; fi
  APP=
}

# Applies bench/BenchSetup.java (caregivers on duty around the clock, logins and tokens) and restarts.
bench_setup() {
  local log=$1
  "$JAVA_HOME/bin/java" -cp "$(cat target/bench-classpath.txt)" bench/BenchSetup.java "jdbc:postgresql://localhost:$PGPORT/postgres"
  stop_app
  start_app "$log"
}

machine() {
  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
}
