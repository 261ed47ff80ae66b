#!/bin/sh
# Runs the asm command-line tool built in this repository, for example: ./asm demo
# Build it first with: ./mvnw -q -B package -DskipTests
self=$0
while [ -L "$self" ]; do
  link=$(readlink "$self") || break
  case $link in
    /*) self=$link ;;
    *) self=$(dirname -- "$self")/$link ;;
  esac
done
here=$(CDPATH= cd -- "$(dirname -- "$self")" && pwd) || exit 1
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
