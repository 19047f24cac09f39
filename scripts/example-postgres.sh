#!/usr/bin/env bash
# examples/blog-postgres end to end: build Nanoka; compile the example (javac runs the processor,
# which writes the drizzle-orm/pg-core schema.ts and drizzle-kit's postgresql migrations); start
# a throwaway PostgreSQL server (scripts/postgres.sh, stopped at exit); apply the migrations with
# the CLI; print the status. Needs PostgreSQL's server binaries (Debian: apt-get install
# postgresql). MVN_ARGS adds arguments to the Maven runs (e.g. -o -Dmaven.repo.local=…).
set -euo pipefail
cd "$(dirname "$0")/.."

# shellcheck disable=SC2086
mvn_quiet() { mvn -B -q -Dstyle.color=never ${MVN_ARGS:-} "$@" >&2; }

echo "==> Building Nanoka (mvn install, tests skipped)" >&2
mvn_quiet install -DskipTests

echo "==> Compiling examples/blog-postgres" >&2
mvn_quiet -f examples/blog-postgres/pom.xml compile

echo "==> examples/blog-postgres/drizzle/schema.ts" >&2
cat examples/blog-postgres/drizzle/schema.ts
echo
echo "==> examples/blog-postgres/drizzle/migrations" >&2
ls examples/blog-postgres/drizzle/migrations examples/blog-postgres/drizzle/migrations/meta

export NANOKA_POSTGRES_DIR="${TMPDIR:-/tmp}/nanoka-example-postgres.$$"
echo "==> Starting a throwaway PostgreSQL server (scripts/postgres.sh)" >&2
url=$(scripts/postgres.sh start)
trap 'scripts/postgres.sh stop' EXIT

cli=(java -jar cli/target/nanoka-cli.jar)
db=(--url "$url" --dir examples/blog-postgres/drizzle/migrations)
echo "==> nanoka migrate ($url)" >&2
"${cli[@]}" migrate "${db[@]}"
echo "==> nanoka status" >&2
"${cli[@]}" status "${db[@]}"
