#!/usr/bin/env bash
# In-process micro-benchmarks with JMH (bench/jmh/…): compiles the project with the jmh profile and
# runs the benchmarks whose names match the pattern (default: all of org.yiyang.bench).
# Usage: bench/jmh.sh [pattern]     e.g. bench/jmh.sh DispatchChooseJmh
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${JAVA_HOME:-}" ]; then export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64; fi
./mvnw -q -B -ntp -Pjmh -DskipTests test-compile exec:exec -Djmh.args="${1:-org.yiyang.bench}"
