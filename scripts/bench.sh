#!/usr/bin/env bash
# Runs the benchmark suite (benchmarks/): each figure is a program that measures Nanoka and what
# it is compared with side by side, in one run, and prints a table with the ratios and targets.
#
#   scripts/bench.sh            all five figures (about 15 minutes on 2 cores)
#   scripts/bench.sh 2 3        only figures 2 and 3
#   scripts/bench.sh --quick    every figure on tiny inputs, to check the suite works (~3 min)
#
# 1 processor overhead: javac with the processor vs -proc:none (and a no-op processor), and
#   drizzle-kit generate on the same schema; then compiles after the first (unchanged models,
#   one model edited) at the largest size
# 2 apply 500 migrations: Nanoka vs Flyway vs sqlite3 (one transaction, the floor)
# 3 start-up check with nothing pending: Nanoka vs Flyway
# 4 the CLI vs wrangler d1 migrations apply --local on the same folder
# 5 push on 10, 100, 1000 tables
#
# The tables are also written to benchmarks/target/bench/results.txt. Numbers depend on the
# machine and on what else runs on it: each table prints the core count, Java version and load.
# Needs JDK 17+, Maven, sqlite3 (figures 2, 5) and Node.js with npm (figures 1 and 4:
# drizzle-kit and wrangler from it-tests/package-lock.json, installed with npm ci when missing).
#
# MVN_ARGS is passed to Maven, e.g. MVN_ARGS='-o -Dmaven.repo.local=/path/to/repo' to build
# against, and install into, another local repository than ~/.m2.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

quick=false
figures=()
for arg in "$@"; do
  case "$arg" in
    --quick) quick=true ;;
    [1-5]) figures+=("$arg") ;;
    *) echo "usage: scripts/bench.sh [--quick] [1-5 ...]" >&2; exit 2 ;;
  esac
done
[ ${#figures[@]} -eq 0 ] && figures=(1 2 3 4 5)
wants() { [[ " ${figures[*]} " == *" $1 "* ]]; }

echo "==> Building Nanoka and the benchmarks (mvn install, tests skipped)" >&2
# shellcheck disable=SC2086 # MVN_ARGS holds several arguments
mvn -B -q -Dstyle.color=never ${MVN_ARGS:-} install -DskipTests -pl benchmarks,cli -am >&2

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
  f5=(--tables=5,10,20 --warmups=1 --iterations=1 --runs=1)
else
  f1=(); f2=(); f3=(); f4=(); f5=()
fi

npm_tools() {
  if [ ! -d it-tests/node_modules ] && command -v npm >/dev/null; then
    echo "==> Installing the npm tools of it-tests (npm ci)" >&2
    (cd it-tests && npm ci --no-audit --no-fund >&2)
  fi
}

if wants 1; then
  echo "==> Figure 1: processor overhead" >&2
  npm_tools
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
  wrangler=it-tests/node_modules/.bin/wrangler
  [ -x "$wrangler" ] || npm_tools
  if [ -x "$wrangler" ]; then
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
echo "==> The tables are in $results" >&2
