#!/usr/bin/env bash
# Start-up time of the sample's stack with and without zoho-spring-boot-starter on the class path.
# Usage (from the repository root, after the sample was built, e.g. by its tests):
#   it/spring-sample/startup-time.sh [runs]
# Prints Spring Boot's "Started ... in N seconds" for each run and the median of each variant.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-5}"
cp_file=it/spring-sample/target/startup-classpath.txt
./mvnw -B -ntp -o -q -pl it/spring-sample -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$PWD/$cp_file" -Dmdep.includeScope=runtime >/dev/null
base="it/spring-sample/target/test-classes:it/spring-sample/target/classes"
with="$base:$(cat "$cp_file")"
without="$base:$(tr ':' '\n' < "$cp_file" | grep -v 'zoho-spring-boot-starter' | paste -sd: -)"
once() {  # prints "<Spring's start-up seconds> <CPU seconds of the JVM>"
  local out
  out=$( { ZOHO_CLIENT_ID=1000.STARTUPTEST ZOHO_CLIENT_SECRET=not-a-real-secret /usr/bin/time -f 'cpu %U %S' \
      java -cp "$1" io.github.zohokit.sample.startup.StartupApplication --server.port=0; } 2>&1)
  echo "$(sed -n 's/.*Started StartupApplication in \([0-9.]*\) seconds.*/\1/p' <<<"$out")" \
    "$(sed -n 's/^cpu \([0-9.]*\) \([0-9.]*\)$/\1 \2/p' <<<"$out" | awk '{print $1 + $2}')"
}
median() { sort -n | sed -n "$(( (runs + 1) / 2 ))p"; }
: > /tmp/startup-with.txt; : > /tmp/startup-without.txt
for _ in $(seq "$runs"); do   # interleaved, so that a change in machine load hits both variants alike
  once "$with" >> /tmp/startup-with.txt
  once "$without" >> /tmp/startup-without.txt
done
for v in with without; do
  echo "$v the starter: start-up s: $(cut -d' ' -f1 /tmp/startup-$v.txt | sort -n | tr '\n' ' ')" \
    "median $(cut -d' ' -f1 /tmp/startup-$v.txt | median) s; JVM CPU s: median $(cut -d' ' -f2 /tmp/startup-$v.txt | median)"
done
