#!/usr/bin/env bash
# Site planning (issue 5): runs the jar's plan-sites command on generated instances and compares
# the covered weight with SCIP's proven optimum (or best bound) where SCIP can get one.
#   - a city-like 300,000-elder instance, 2,000 candidates, 1,000 m, k = 12, 10 s budget;
#   - MCLP-benchmark-like instances: 3,000-10,000 demand nodes, 1,000-5,000 candidates,
#     radii 400-800 m, k = 50-100, 60 s budget.
# Usage: bench/plan-sites.sh [exact-seconds (default 900)] [instance names...]
# Instances are written to bench/data/plan-sites/ (kept for re-runs).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${JAVA_HOME:-}" ]; then export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64; fi
./mvnw -q -B -ntp -DskipTests package
./mvnw -q -B -ntp -DskipTests test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench-classpath.txt
JAR=$(ls target/yiyang-*.jar | grep -v plain | head -1)
"$JAVA_HOME/bin/java" -Xmx8g -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
  bench/PlanSitesBench.java "$JAR" bench/data/plan-sites "${1:-900}" "${@:2}"
