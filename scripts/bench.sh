#!/usr/bin/env bash
# Runs the benchmark suite (benchmarks/): each figure is a program that measures Nanoka and what
# it is compared with side by side, in one run, and prints a table with the ratios and targets.
#
#   scripts/bench.sh            all nine figures (about 25 minutes on 2 cores)
#   scripts/bench.sh 2 3        only figures 2 and 3
#   scripts/bench.sh 7 8 9      only the PostgreSQL figures
#   scripts/bench.sh --quick    every figure on tiny inputs, to check the suite works (~3 min)
#   MVN_ARGS='-o -Dmaven.repo.local=/path/to/repo' scripts/bench.sh 6
#                               extra arguments for the Maven build (it packages, never installs)
#   NANOKA_BENCH_POSTGRES_URL='jdbc:postgresql://HOST:PORT/postgres?user=U&password=P' scripts/bench.sh 7
#                               figures 7, 8 and 9 on that server (the user needs CREATEDB); without
#                               it they start a throwaway server with scripts/postgres.sh (with
#                               fsync on: a benchmark measures a durable server)
#
# 1 processor overhead: javac with the processor vs -proc:none (and a no-op processor), and
#   drizzle-kit generate on the same schema; then compiles after the first (unchanged models,
#   one model edited) at the largest size
# 2 apply 500 migrations: Nanoka vs Flyway vs sqlite3 (one transaction, the floor)
# 3 start-up check with nothing pending: Nanoka vs Flyway
# 4 the CLI vs wrangler d1 migrations apply --local on the same folder
# 5 push on 10, 100, 1000 tables
# 6 a table rebuild under 10k / 100k / 1M dependent rows: the CLI vs sqlite3's parent-only
#   rebuild (the floor), and the longest statement on D1 (wrangler --local)
# 7 apply 500 migrations to PostgreSQL: Nanoka vs Flyway vs psql -1 -f (one transaction, the
#   floor), and the CLI as a whole process
# 8 start-up check with nothing pending on PostgreSQL: Nanoka vs Flyway
# 9 push on PostgreSQL on 10, 100, 1000 tables (figure 5's measurements on PostgreSQL)
#
# The tables are also written to benchmarks/target/bench/results.txt. Numbers depend on the
# machine and on what else runs on it: each table prints the core count, Java version and load.
# Needs JDK 17+, Maven, sqlite3 (figures 2, 5, 6) and Node.js with npm (figures 1, 4 and 6:
# drizzle-kit and wrangler from it-tests/package-lock.json, installed with npm ci when missing);
# figures 7, 8 and 9 need psql and PostgreSQL's server binaries (or NANOKA_BENCH_POSTGRES_URL).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

quick=false
figures=()
for arg in "$@"; do
  case "$arg" in
    --quick) quick=true ;;
    [1-9]) figures+=("$arg") ;;
    *) echo "usage: scripts/bench.sh [--quick] [1-9 ...]" >&2; exit 2 ;;
  esac
done
[ ${#figures[@]} -eq 0 ] && figures=(1 2 3 4 5 6 7 8 9)
wants() { [[ " ${figures[*]} " == *" $1 "* ]]; }

echo "==> Building Nanoka and the benchmarks (mvn package, tests skipped)" >&2
# package, not install: the figures take this checkout's jars from target/ (the CLI included:
# figures 4 and 6 run it, and the benchmarks do not depend on it), and a benchmark run
# must not replace what the local repository holds.
# shellcheck disable=SC2086
mvn -B -q -Dstyle.color=never package -DskipTests -pl benchmarks,cli -am ${MVN_ARGS:-} >&2

version=$(sed -n 's:^  <version>\(.*\)</version>.*:\1:p' pom.xml | head -1)
work=$root/benchmarks/target/bench
rm -rf "$work"
mkdir -p "$work/jars"
# Private copies: a build running meanwhile (an IDE, another terminal) must not swap a jar
# under a running javac.
cp "annotations/target/nanoka-annotations-$version.jar" "processor/target/nanoka-processor-$version.jar" \
  "runtime/target/nanoka-runtime-$version.jar" cli/target/nanoka-cli.jar "$work/jars/"
jars=$work/jars
cp_bench="$root/benchmarks/target/classes:$root/benchmarks/target/lib/*"
results=$work/results.txt
run() { java -Xmx1g -cp "$cp_bench" "$@" 2>&1 | tee -a "$results"; }

{
  echo "Nanoka benchmarks, $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2 | sed 's/^ //'),"\
    "$(free -g 2>/dev/null | awk '/Mem:/ {print $2 " GB RAM"}'), $(uname -sr)"
  echo "java: $(java -version 2>&1 | head -1); sqlite3: $(sqlite3 --version 2>/dev/null | cut -d' ' -f1)"
} | tee "$results"

if $quick; then
  f1=(--sizes=20,40,80 --runs=1); f2=(--migrations=40 --runs=2 --warmups=0 --iterations=1)
  f3=(--migrations=40 --warmups=1 --iterations=1 --cold-forks=1); f4=(--migrations=3 --runs=1)
  f5=(--tables=5,10,20 --warmups=1 --iterations=1 --runs=1); f6=(--sizes=2000,10000 --runs=1)
  f7=(--migrations=40 --rounds=2 --warmups=1)
  f8=(--migrations=40 --warmups=1 --iterations=1 --cold-forks=1)
  f9=(--tables=5,10,20 --warmups=1 --iterations=1)
else
  f1=(); f2=(); f3=(); f4=(); f5=(); f6=(); f7=(); f8=(); f9=()
fi

# Figures 7, 8 and 9: the server NANOKA_BENCH_POSTGRES_URL names, or a throwaway one (stopped at
# exit), started by scripts/postgres.sh in a folder of this run's own.
pg_url=""
pg_dir="${TMPDIR:-/tmp}/nanoka-bench-postgres.$$"
ensure_postgres() {
  [ -n "$pg_url" ] && return 0
  if [ -n "${NANOKA_BENCH_POSTGRES_URL:-}" ]; then
    pg_url=$NANOKA_BENCH_POSTGRES_URL
    return 0
  fi
  echo "==> Starting a throwaway PostgreSQL server (scripts/postgres.sh)" >&2
  # fsync on, unlike the tests' server: commits cost what they cost in production.
  pg_url=$(NANOKA_POSTGRES_DIR="$pg_dir" NANOKA_POSTGRES_FSYNC=on scripts/postgres.sh start) \
    || { pg_url=""; return 1; }
  trap 'NANOKA_POSTGRES_DIR="$pg_dir" scripts/postgres.sh stop' EXIT
}

wrangler=it-tests/node_modules/.bin/wrangler
ensure_wrangler() {
  if [ ! -x "$wrangler" ] && command -v npm >/dev/null; then
    echo "==> Installing the npm tools of it-tests (npm ci)" >&2
    (cd it-tests && npm ci --no-audit --no-fund >&2)
  fi
  [ -x "$wrangler" ]
}

if wants 1; then
  echo "==> Figure 1: processor overhead" >&2
  ensure_wrangler || echo "Figure 1: no npm tools (install Node.js and npm): no drizzle-kit column" >&2
  run dev.nanoka.bench.ProcessorOverhead --node-modules="$root/it-tests/node_modules" \
    --processor="$jars/nanoka-processor-$version.jar" \
    --annotations="$jars/nanoka-annotations-$version.jar" \
    --runtime="$jars/nanoka-runtime-$version.jar" --work="$work/processor" ${f1[@]+"${f1[@]}"}
fi
if wants 2; then
  echo "==> Figure 2: apply migrations to a fresh file" >&2
  run dev.nanoka.bench.MigrateSpeed --work="$work/migrate" ${f2[@]+"${f2[@]}"}
fi
if wants 3; then
  echo "==> Figure 3: start-up check with nothing pending" >&2
  run dev.nanoka.bench.StartupCheck --work="$work/startup" ${f3[@]+"${f3[@]}"}
fi
if wants 4; then
  echo "==> Figure 4: the CLI vs wrangler" >&2
  if ensure_wrangler; then
    run dev.nanoka.bench.CliVersusWrangler --cli="$jars/nanoka-cli.jar" --wrangler="$root/$wrangler" \
      --work="$work/cli" ${f4[@]+"${f4[@]}"}
  else
    echo "Figure 4 skipped: no wrangler (install Node.js and npm)" | tee -a "$results"
  fi
fi
if wants 5; then
  echo "==> Figure 5: push on 10, 100, 1000 tables" >&2
  run dev.nanoka.bench.PushScaling --work="$work/push" ${f5[@]+"${f5[@]}"}
fi
if wants 6; then
  echo "==> Figure 6: a rebuild under 10k / 100k / 1M dependent rows" >&2
  d1=()
  if ensure_wrangler; then
    d1=(--wrangler="$root/$wrangler")
  else
    echo "Figure 6: no wrangler (install Node.js and npm): the D1 columns stay empty" | tee -a "$results"
  fi
  run dev.nanoka.bench.RebuildAtScale --cli="$jars/nanoka-cli.jar" --work="$work/rebuild" \
    ${d1[@]+"${d1[@]}"} ${f6[@]+"${f6[@]}"}
fi
if wants 7; then
  echo "==> Figure 7: apply migrations to PostgreSQL" >&2
  if ensure_postgres; then
    run dev.nanoka.bench.PostgresMigrateSpeed --url="$pg_url" --cli="$jars/nanoka-cli.jar" \
      --work="$work/pg-migrate" ${f7[@]+"${f7[@]}"}
  else
    echo "Figure 7 skipped: no PostgreSQL (install its server binaries or set NANOKA_BENCH_POSTGRES_URL)" | tee -a "$results"
  fi
fi
if wants 8; then
  echo "==> Figure 8: start-up check on PostgreSQL" >&2
  if ensure_postgres; then
    run dev.nanoka.bench.PostgresStartupCheck --url="$pg_url" --work="$work/pg-startup" \
      ${f8[@]+"${f8[@]}"}
  else
    echo "Figure 8 skipped: no PostgreSQL (install its server binaries or set NANOKA_BENCH_POSTGRES_URL)" | tee -a "$results"
  fi
fi
if wants 9; then
  echo "==> Figure 9: push on PostgreSQL on 10, 100, 1000 tables" >&2
  if ensure_postgres; then
    run dev.nanoka.bench.PostgresPushScaling --url="$pg_url" --work="$work/pg-push" \
      ${f9[@]+"${f9[@]}"}
  else
    echo "Figure 9 skipped: no PostgreSQL (install its server binaries or set NANOKA_BENCH_POSTGRES_URL)" | tee -a "$results"
  fi
fi
echo "==> The tables are in $results" >&2
