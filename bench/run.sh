#!/usr/bin/env bash
# Runs every benchmark of zohokit on this machine in one go (about 15 minutes on 2 cores) and writes the raw output
# to bench/results/<UTC date and time>/, to be committed with the bench/RESULTS.md written from it: every figure in
# RESULTS.md comes from a file this script writes. Each file starts with the time and the load average, since
# other work on the machine moves the figures.
#
#   bench/run.sh            everything
#   QUICK=1 bench/run.sh    short runs of everything (for trying the script, not for figures); writes to
#                           bench/target/results-quick/ instead
#   bench/run.sh 1 3        only the sections named (1, 2a, 2b, 3, 4, 5, 6, 7, 8, 9, 10), after the build
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -n "${QUICK:-}" ]; then
  out=bench/target/results-quick
else
  out=bench/results/$(date -u +%Y-%m-%dT%H%MZ)
fi
mkdir -p "$out"
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
sections=" $* "
wanted() { [ "$sections" = "  " ] || [[ "$sections" == *" $1 "* ]]; }
stamp() { echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ) load average (1/5/15 min): $(cut -d' ' -f1-3 /proc/loadavg)"; }

{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | xargs)," \
    "$(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), $(uname -sr)"
  echo "java: $($java -version 2>&1 | head -1)"
  echo "git: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . ':!bench/results' || echo ' (with uncommitted changes)')"
  echo "uptime at start: $(uptime)"
} | tee "$out/machine.txt"

echo "== building (-Pbench: the benchmark jar and the class path files)"
start=$(date +%s)
./mvnw -B -ntp -q -Pbench -pl bench -am package -DskipTests
echo "build_seconds=$(( $(date +%s) - start ))" | tee -a "$out/machine.txt"
jar=bench/target/benchmarks.jar
cp="bench/target/classes:$(cat bench/target/classpath/run.txt)"
provided=$(tr ':' '\n' < bench/target/classpath/provided.txt)
# zohokit alone: the runtime and its own dependencies
./mvnw -B -ntp -q -o -pl runtime dependency:build-classpath -DincludeScope=runtime \
  -Dmdep.outputFile="$PWD/bench/target/classpath/runtime.txt"
zoho_cp="runtime/target/classes:$(cat bench/target/classpath/runtime.txt)"
# plain OkHttp + Jackson: the same jars minus zohokit and what only zohokit uses
plain_cp="bench/target/classes:$(tr ':' '\n' < bench/target/classpath/runtime.txt \
  | grep -E '/(okhttp-jvm|okio-jvm|kotlin-stdlib|annotations|jackson-[a-z]+)-[0-9][^/]*\.jar$' | paste -sd:)"

jmh_args=(-f 2 -prof gc)
[ -n "${QUICK:-}" ] && jmh_args=(-f 1 -wi 1 -w 1 -i 2 -r 1 -prof gc)

if wanted 1; then
echo "== 1. per-call overhead (JMH, -prof gc)"
stamp | tee "$out/per-call.txt"
$java -jar "$jar" PerCallBenchmark "${jmh_args[@]}" -rf text -rff "$out/per-call.jmh.txt" > "$out/per-call.log"
cat "$out/per-call.jmh.txt" >> "$out/per-call.txt" && rm "$out/per-call.jmh.txt"
grep -E "PerCallBenchmark\.[A-Za-z]+ |gc\.alloc\.rate\.norm" "$out/per-call.txt" || true

fi

if wanted 2a; then
echo "== 2a. token path (JMH)"
stamp | tee "$out/token-path.txt"
token_args=()
[ -n "${QUICK:-}" ] && token_args=(-f 1 -wi 1 -w 1 -i 2 -r 1)
$java -jar "$jar" TokenPathBenchmark "${token_args[@]}" -rf text -rff "$out/token-path.jmh.txt" > "$out/token-path.log"
cat "$out/token-path.jmh.txt" >> "$out/token-path.txt" && rm "$out/token-path.jmh.txt"
grep -E "^TokenPathBenchmark" "$out/token-path.txt"

fi

if wanted 2b; then
echo "== 2b. 200 concurrent callers on a rejected token (run twice)"
stamp > "$out/refresh-storm.txt"
for _ in 1 2; do
  $java -cp "$cp" io.github.zohokit.bench.RefreshStorm 2>/dev/null | tee -a "$out/refresh-storm.txt"
done

fi

# javapoet: provided through zoho-processor, or on the run class path when another module (zoho-schema, through the
# plugin) brings it at compile scope (sections 3 and 7)
processor_path="$({ echo "$provided"; tr ':' '\n' < bench/target/classpath/run.txt; } \
  | grep -E '/(zoho-processor|javapoet)-[0-9][^/]*\.jar$' | sort -u | paste -sd:):$zoho_cp"

if wanted 3; then
echo "== 3. processor cost (whole-process javac, 200 interfaces x 10 methods; plain, zoho-processor, avaje)"
avaje_cp="$zoho_cp:$(grep -E '/io/avaje/' <<< "$provided" | grep -v -- '-generator' | paste -sd:)"
avaje_processor_path=$(grep -E '/io/avaje/avaje-http-client-generator/' <<< "$provided" | paste -sd:)
rounds=3
[ -n "${QUICK:-}" ] && rounds=1
stamp > "$out/processor-cost.txt"
$java -cp "$cp" io.github.zohokit.bench.ProcessorCost "$zoho_cp" "$processor_path" "$avaje_cp" \
  "$avaje_processor_path" "$rounds" | tee -a "$out/processor-cost.txt"

fi

if wanted 4; then
echo "== 4. paging 100,000 records with -Xmx64m"
ready=bench/target/fake-100k.json
rm -f "$ready"
$java -cp "$cp" io.github.zohokit.testkit.FakeZohoMain --port 0 --data-centers us --self-client --seed-leads 100000 \
  --ready-file "$ready" > /dev/null &
fake=$!
trap 'kill $fake 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do [ -f "$ready" ] && break; sleep 0.1; done
[ -f "$ready" ] || { echo "the fake Zoho did not start within 60 s" >&2; exit 1; }
stamp > "$out/paging-memory.txt"
$java -Xmx64m -cp "$cp" io.github.zohokit.bench.PagingMemory "$ready" 2>/dev/null | tee -a "$out/paging-memory.txt"
kill $fake 2>/dev/null || true

fi

if wanted 5; then
echo "== 5. bootstrap-token with a valid stored token"
stamp > "$out/bootstrap-noop.txt"
$java -cp "$cp" io.github.zohokit.maven.BootstrapNoOp 2>/dev/null | tee -a "$out/bootstrap-noop.txt"

fi

if wanted 6; then
echo "== 6. start-up and retained heap (whole process, 5 runs each, alternating, each on its own class path)"
url_file=bench/target/page-server.url
rm -f "$url_file"
$java -cp "$cp" io.github.zohokit.bench.LeadsPageServer 0 > "$url_file" &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do [ -s "$url_file" ] && break; sleep 0.1; done
[ -s "$url_file" ] || { echo "the page server did not start within 10 s" >&2; exit 1; }
url=$(head -1 "$url_file")
{
  stamp
  echo "# okhttp:  -cp $plain_cp"
  echo "# zohokit: -cp bench/target/classes:$zoho_cp"
} > "$out/startup.txt"
for _ in 1 2 3 4 5; do
  $java -cp "$plain_cp" io.github.zohokit.bench.plain.PlainStartup "$url" | tee -a "$out/startup.txt"
  $java -cp "bench/target/classes:$zoho_cp" io.github.zohokit.bench.Startup "$url" 2>/dev/null \
    | tee -a "$out/startup.txt"
done
kill $server 2>/dev/null || true
fi

if wanted 7; then
echo "== 7. the governor across four JVMs x 50 threads against a concurrency limit of 10 (MariaDB shared)"
[ -n "${ZOHOKIT_MARIADB_URL:-}" ] || { echo "section 7 needs ZOHOKIT_MARIADB_URL (source /tmp/ci-env.sh)" >&2; exit 1; }
fleet_calls=6000
[ -n "${QUICK:-}" ] && fleet_calls=600
stamp > "$out/governor-fleet.txt"
$java -cp "$cp" io.github.zohokit.bench.GovernorFleet run "$ZOHOKIT_MARIADB_URL" "$fleet_calls" 50 2>/dev/null \
  | tee -a "$out/governor-fleet.txt"

fi

if wanted 8; then
echo "== 8. zoho:generate-records cost (50 modules x 200 fields: generation in a fresh JVM vs whole-process javac)"
stamp > "$out/schema-generation.txt"
rounds=3
[ -n "${QUICK:-}" ] && rounds=1
$java -cp "$cp" io.github.zohokit.bench.SchemaGenerationCost "$cp" "$zoho_cp" "$processor_path" "$rounds" \
  | tee -a "$out/schema-generation.txt"

fi

if wanted 9; then
echo "== 9. reading a page of 200 generated Lead records vs a hand-written record (JMH, -prof gc)"
stamp | tee "$out/generated-records.txt"
$java -jar "$jar" GeneratedRecordsBenchmark "${jmh_args[@]}" -rf text -rff "$out/generated-records.jmh.txt" \
  > "$out/generated-records.log"
cat "$out/generated-records.jmh.txt" >> "$out/generated-records.txt" && rm "$out/generated-records.jmh.txt"
grep -E "GeneratedRecordsBenchmark\.[A-Za-z]+ |gc\.alloc\.rate\.norm" "$out/generated-records.txt" || true

fi

if wanted 10; then
echo "== 10. Bulk Read parse-and-deliver, 1,000,000 records x 20 fields, -Xmx128m (JMH: zoho-sync vs bare FastCSV)"
stamp | tee "$out/bulk-read-csv.txt"
csv_args=()
[ -n "${QUICK:-}" ] && csv_args=(-f 1 -wi 1 -i 2 -p rows=100000)
$java -jar "$jar" BulkReadCsvBenchmark "${csv_args[@]}" -rf text -rff "$out/bulk-read-csv.jmh.txt" \
  > "$out/bulk-read-csv.log"
cat "$out/bulk-read-csv.jmh.txt" >> "$out/bulk-read-csv.txt" && rm "$out/bulk-read-csv.jmh.txt"
grep -E "^BulkReadCsvBenchmark" "$out/bulk-read-csv.txt" || true

fi

echo "uptime at end: $(uptime)" | tee -a "$out/machine.txt"
echo "== done: $out"
