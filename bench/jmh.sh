#!/usr/bin/env bash
# In-process micro-benchmarks with JMH (bench/jmh/…): compiles the project and the benchmarks with
# the jmh profile, then runs JMH with the arguments given. Without arguments: every benchmark (the
# classes named *Jmh) with the iterations their annotations set (3 × 2 s warm-up, 3 × 2 s measured,
# one fork; DispatchChooseJmh 5 × 2 s measured).
# Usage: bench/jmh.sh [JMH arguments]
#   bench/jmh.sh DispatchChooseJmh
#   bench/jmh.sh 'AssessmentScoringJmh|EligibilityJmh|CoverageJmh'
#   bench/jmh.sh EligibilityJmh -wi 2 -i 3 -f 1 -w 1s -r 1s     (any JMH option)
#   bench/jmh.sh -l            (list the benchmarks)      bench/jmh.sh -h   (JMH's options)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${JAVA_HOME:-}" ]; then export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64; fi
./mvnw -q -B -ntp -Pjmh -DskipTests test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/jmh-classpath.txt
# JMH's annotation processor adds to the list an earlier compilation left: keep each benchmark once
list=target/test-classes/META-INF/BenchmarkList
if [ -f "$list" ]; then awk '!seen[$0]++' "$list" > "$list.tmp" && mv "$list.tmp" "$list"; fi
if [ $# -eq 0 ]; then set -- Jmh; fi
exec "$JAVA_HOME/bin/java" -Xmx1g -cp "target/test-classes:target/classes:$(cat target/jmh-classpath.txt)" org.openjdk.jmh.Main "$@"
