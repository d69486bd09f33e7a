#!/usr/bin/env bash
# Runs every benchmark of zohokit on this machine in one go (about 10-15 minutes on 2 cores) and writes the raw
# results to bench/target/results/. bench/RESULTS.md holds the figures of the last recorded run.
#
#   bench/run.sh            everything
#   QUICK=1 bench/run.sh    shorter JMH runs (for trying the script, not for figures)
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/target/results
mkdir -p "$out"

echo "== building (bench profile)"
./mvnw -B -ntp -q -Pbench -pl bench -am package -DskipTests
jar=bench/target/benchmarks.jar
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
cp=$(./mvnw -B -ntp -q -Pbench -pl bench dependency:build-classpath -Dmdep.outputFile=/dev/stdout)
cp="bench/target/classes:$cp"

{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "cores: $(nproc)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs)"
  echo "java: $($java -version 2>&1 | head -1)"
} | tee "$out/machine.txt"

jmh_args=(-f 2 -prof gc)
[ -n "${QUICK:-}" ] && jmh_args=(-f 1 -wi 1 -w 1 -i 2 -r 1 -prof gc)

echo "== 1. per-call overhead (JMH, -prof gc)"
$java -jar "$jar" PerCallBenchmark "${jmh_args[@]}" -rf text -rff "$out/per-call.txt" > "$out/per-call.log"
grep -E "^PerCallBenchmark" "$out/per-call.txt" | grep -v -E "gc.count|gc.time|alloc.rate " | tee "$out/per-call-summary.txt"

echo "== 2a. token path (JMH)"
$java -jar "$jar" TokenPathBenchmark -rf text -rff "$out/token-path.txt" > "$out/token-path.log"
grep -E "^TokenPathBenchmark" "$out/token-path.txt" | tee "$out/token-path-summary.txt"

echo "== 2b. 200 concurrent callers on a rejected token"
$java -cp "$cp" io.github.zohokit.bench.RefreshStorm 2>/dev/null | tee "$out/refresh-storm.txt"

echo "== 3. processor cost (whole-process javac)"
runtime_cp=$(./mvnw -B -ntp -q -pl runtime dependency:build-classpath -Dmdep.outputFile=/dev/stdout)
processor_cp="processor/target/classes:runtime/target/classes:$(./mvnw -B -ntp -q -pl processor dependency:build-classpath -Dmdep.outputFile=/dev/stdout)"
$java -cp "$cp" io.github.zohokit.bench.ProcessorCost "runtime/target/classes:$runtime_cp" "$processor_cp" 5 \
  | tee "$out/processor-cost.txt"

echo "== 4. paging 100,000 records with -Xmx64m"
ready=$out/fake-100k.json
rm -f "$ready"
$java -cp "$cp" io.github.zohokit.testkit.FakeZohoMain --port 0 --data-centers us --self-client --seed-leads 100000 \
  --ready-file "$ready" > /dev/null &
fake=$!
trap 'kill $fake 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do [ -f "$ready" ] && break; sleep 0.1; done
$java -Xmx64m -cp "$cp" io.github.zohokit.bench.PagingMemory "$ready" 2>/dev/null | tee "$out/paging-memory.txt"
kill $fake 2>/dev/null || true

echo "== 5. bootstrap-token with a valid stored token"
$java -cp "$cp" io.github.zohokit.maven.BootstrapNoOp 2>/dev/null | tee "$out/bootstrap-noop.txt"

echo "== 6. start-up and retained heap (whole process, 5 runs each, alternating)"
url_file=$out/page-server.url
$java -cp "$cp" io.github.zohokit.bench.LeadsPageServer 0 > "$url_file" &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do [ -s "$url_file" ] && break; sleep 0.1; done
url=$(head -1 "$url_file")
: > "$out/startup.txt"
for _ in 1 2 3 4 5; do
  for variant in okhttp zohokit; do
    $java -cp "$cp" io.github.zohokit.bench.Startup "$variant" "$url" 2>/dev/null | tee -a "$out/startup.txt"
  done
done
kill $server 2>/dev/null || true
echo "== done: $out"
