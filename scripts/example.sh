#!/usr/bin/env bash
# The main job on the example: build Nanoka, compile examples/blog with it (javac runs the
# processor and writes drizzle/schema.ts), then print the generated schema.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "==> Building Nanoka (mvn install, tests skipped)" >&2
mvn -B -q -Dstyle.color=never install -DskipTests >&2

echo "==> Compiling examples/blog" >&2
mvn -B -q -Dstyle.color=never -f examples/blog/pom.xml compile >&2

echo "==> examples/blog/drizzle/schema.ts" >&2
cat examples/blog/drizzle/schema.ts
