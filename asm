#!/bin/sh
# Runs the asm command-line tool built in this repository, for example: ./asm demo
# Build it first with: ./mvnw -q -B package -DskipTests
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd) || exit 1
jar="$here/asm-cli/target/asm.jar"

if [ ! -f "$jar" ]; then
  echo "asm: $jar is not built yet: run ./mvnw -q -B package -DskipTests first." >&2
  exit 1
fi

if [ -n "$JAVA_HOME" ] && [ -x "$JAVA_HOME/bin/java" ]; then
  java="$JAVA_HOME/bin/java"
elif command -v java >/dev/null 2>&1; then
  java=java
else
  echo "asm: no java found: install a JDK or JRE 17 or newer, or set JAVA_HOME." >&2
  exit 1
fi

exec "$java" -jar "$jar" "$@"
