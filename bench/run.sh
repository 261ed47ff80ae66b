#!/usr/bin/env bash
# Runs every benchmark of the ASM toolkit on this machine and prints the figures and their ratios
# against the targets (see docs/performance.md). Loopback only; every loop is bounded.
#
#   bench/run.sh            # build, then run everything (about 6 minutes on 2 cores)
#   bench/run.sh --quick    # shorter JMH runs and fewer cold starts, to check the script
#
# Needs: a JDK 17+ (java, javac), curl; hyperfine if present (else, or with BENCH_NO_HYPERFINE=1,
# a bounded bash loop timed with date +%s%N).
# Results go to bench/results/<UTC time>/ (JMH JSON, hyperfine JSON, report.md).
set -euo pipefail

here=$(cd -- "$(dirname -- "$0")/.." && pwd)
cd "$here"

quick=false
[ "${1:-}" = "--quick" ] && quick=true

if $quick; then
  jmh_opts=(-wi 1 -w 1s -i 2 -r 1s)
  cycle_forks=1
  cold_runs=5
else
  jmh_opts=(-wi 3 -w 2s -i 5 -r 2s)
  cycle_forks=2
  cold_runs=20
fi

out="$here/bench/results/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
log() { printf '== %s\n' "$*" >&2; }

# --- build: the CLI's runnable jar and the benchmarks jar
log "building asm-cli and asm-benchmarks"
./mvnw -B -q -Pbenchmarks -pl asm-cli,asm-benchmarks -am package -DskipTests -Dspotless.check.skip=true
bench_jar="$here/asm-benchmarks/target/benchmarks.jar"
cli_jar="$here/asm-cli/target/asm.jar"
[ -f "$bench_jar" ] && [ -f "$cli_jar" ] || { echo "build did not produce the jars" >&2; exit 1; }

# --- the machine
{
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "nproc: $(nproc)"
  free -g | sed 's/^/free -g: /'
  java -version 2>&1 | sed 's/^/java: /'
  uname -srm | sed 's/^/kernel: /'
  command -v hyperfine >/dev/null && echo "hyperfine: $(hyperfine --version)"
  echo "curl: $(curl --version | head -1)"
} > "$out/machine.txt"

# --- JMH: the adapter against a bare HttpClient; scaling under 20 ms latency
log "JMH: CycleBenchmark"
# Two forks for this one: its figures are close together and a busy machine moves them.
java -jar "$bench_jar" CycleBenchmark -f "$cycle_forks" "${jmh_opts[@]}" -rf json -rff "$out/cycle.json" \
  > "$out/cycle.txt"
for t in 1 2 4 8; do
  log "JMH: ScalingBenchmark with $t thread(s)"
  java -jar "$bench_jar" ScalingBenchmark -f 1 "${jmh_opts[@]}" -t "$t" -rf json \
    -rff "$out/scaling-t$t.json" > "$out/scaling-t$t.txt"
done

# --- cold starts: a sandbox in the background, on a free loopback port
log "starting a sandbox for the cold-start runs"
java -cp "$bench_jar" io.asmkit.benchmarks.SandboxMain 0 > "$out/sandbox.out" 2>&1 &
sandbox_pid=$!
trap 'kill "$sandbox_pid" 2>/dev/null || true; wait "$sandbox_pid" 2>/dev/null || true' EXIT
base=""
for _ in $(seq 1 100); do
  base=$(head -n 1 "$out/sandbox.out" 2>/dev/null || true)
  case "$base" in http://127.0.0.1:*) break ;; esac
  base=""
  sleep 0.1
done
[ -n "$base" ] || { echo "the sandbox did not start: $(cat "$out/sandbox.out")" >&2; exit 1; }
case "$base" in http://127.0.0.1:*) ;; *) echo "not a loopback address: $base" >&2; exit 1 ;; esac

# One token for the CLI and curl, obtained once (the CLI would otherwise log in on every run).
token=$(curl -s -X POST "$base/alemba.web/oauth/login" \
  -H 'Content-Type: application/x-www-form-urlencoded' \
  --data 'grant_type=password&client_id=sandbox-client&username=analyst&password=sandbox&scope=session-type%3AAnalyst' \
  | sed -n 's/.*"access_token" *: *"\([^"]*\)".*/\1/p')
[ -n "$token" ] || { echo "could not log in to the sandbox" >&2; exit 1; }
export ASM_URL="$base" ASM_TOKEN="$token"

# A hello world, compiled here.
hello_dir=$(mktemp -d)
printf 'public class Hello { public static void main(String[] a) { System.out.println("hello world"); } }\n' \
  > "$hello_dir/Hello.java"
javac -d "$hello_dir" "$hello_dir/Hello.java"

# curl: the same three requests, in one process, on one connection; token in a header file so that
# it is not in curl's argument list.
api="$base/alemba.api/api/v2/call/1001"
headers="$hello_dir/auth.txt"
printf 'Authorization: Bearer %s\n' "$token" > "$headers"
body="$hello_dir/body.json"
printf '{"Description":"curl","DescriptionHtml":"curl"}' > "$body"
curl_cmd="curl -sf -o /dev/null -H @$headers -X PUT $api/lock --next -sf -o /dev/null -H @$headers -H Content-Type:application/json -X PUT --data-binary @$body $api --next -sf -o /dev/null -H @$headers -X PUT $api/unlock"
hello_cmd="java -cp $hello_dir Hello"
cli_cmd="java -jar $cli_jar with-lock 1000 --description cold-start -- true"

# For information: the same CLI run with a class-data-sharing archive of its classes (AppCDS,
# made here by one run) and the C1 compiler only, to show what JVM start-up options can win.
jsa="$hello_dir/asm.jsa"
java -XX:ArchiveClassesAtExit="$jsa" -jar "$cli_jar" with-lock 1000 --description cds -- true \
  > "$out/cds-dump.log" 2>&1
cds_cmd="java -XX:SharedArchiveFile=$jsa -XX:TieredStopAtLevel=1 -jar $cli_jar with-lock 1000 --description cold-start-cds -- true"

log "cold starts: hello world, asm with-lock, curl ($cold_runs runs each)"
if [ -z "${BENCH_NO_HYPERFINE:-}" ] && command -v hyperfine >/dev/null; then
  hyperfine -N --warmup 3 --runs "$cold_runs" --export-json "$out/cold.json" \
    -n hello "$hello_cmd" -n cli "$cli_cmd" -n curl "$curl_cmd" -n cli-cds "$cds_cmd" \
    > "$out/cold.txt"
else
  # A bounded loop timed with date +%s%N, written in hyperfine's JSON shape for the report.
  {
    echo '{"results":['
    first=true
    for name in hello cli curl cli-cds; do
      case $name in
        hello) cmd=$hello_cmd ;; cli) cmd=$cli_cmd ;; curl) cmd=$curl_cmd ;; cli-cds) cmd=$cds_cmd ;;
      esac
      times=()
      for i in $(seq 1 "$cold_runs"); do
        start=$(date +%s%N)
        eval "$cmd" > /dev/null
        times+=($(( $(date +%s%N) - start )))
      done
      $first || echo ','
      first=false
      median=$(printf '%s\n' "${times[@]}" | sort -n \
        | awk '{ t[NR] = $1 } END { m = NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2;
                printf "%.6f", m / 1e9 }')
      printf '{"command":"%s","median":%s}' "$name" "$median"
    done
    echo ']}'
  } > "$out/cold.json"
fi

log "asm with-lock with -Xmx32m"
set +e
java -Xmx32m -jar "$cli_jar" with-lock 1000 --description xmx32 -- true > "$out/xmx32.log" 2>&1
code=$?
set -e
echo "exit $code" > "$out/xmx32.txt"

rm -rf "$hello_dir"

# --- the report
java -cp "$bench_jar" io.asmkit.benchmarks.Report "$out" | tee "$out/report.md"
echo
echo "Machine: $out/machine.txt. Raw results: $out/"
