#!/usr/bin/env bash
# The main job on the example, end to end: build Nanoka; compile examples/blog (javac runs the
# processor, which writes drizzle/schema.ts and the drizzle-kit migrations); apply the migrations
# to the example's embedded SQLite database with the CLI; print the status.
set -euo pipefail
cd "$(dirname "$0")/.."

mvn_quiet() { mvn -B -q -Dstyle.color=never "$@" >&2; }

echo "==> Building Nanoka (mvn install, tests skipped)" >&2
mvn_quiet install -DskipTests

echo "==> Compiling examples/blog" >&2
mvn_quiet -f examples/blog/pom.xml compile

echo "==> examples/blog/drizzle/schema.ts" >&2
cat examples/blog/drizzle/schema.ts
echo
echo "==> examples/blog/drizzle/migrations" >&2
ls examples/blog/drizzle/migrations examples/blog/drizzle/migrations/meta

cli=(java -jar cli/target/nanoka-cli.jar)
db=(--url jdbc:sqlite:examples/blog/blog.db --dir examples/blog/drizzle/migrations)
echo "==> nanoka migrate (database examples/blog/blog.db)" >&2
"${cli[@]}" migrate "${db[@]}"
echo "==> nanoka status" >&2
"${cli[@]}" status "${db[@]}"
