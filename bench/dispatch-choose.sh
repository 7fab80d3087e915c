#!/usr/bin/env bash
# Latency of choosing a caregiver (issue 3: p99 < 5 ms among 800 caregivers, < 20 ms among 20,000):
# compiles the project, then runs bench/DispatchChooseBench.java in process against target/classes.
# No database needed. Usage: bench/dispatch-choose.sh [samples]   (default 20,000 per size)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${JAVA_HOME:-}" ]; then export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64; fi
./mvnw -q -B -ntp -DskipTests compile dependency:build-classpath -Dmdep.includeScope=runtime \
  -Dmdep.outputFile=target/bench-classpath.txt
"$JAVA_HOME/bin/java" -Xmx1g -cp "target/classes:$(cat target/bench-classpath.txt)" bench/DispatchChooseBench.java "${1:-20000}"
