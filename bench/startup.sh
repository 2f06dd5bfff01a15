#!/usr/bin/env bash
# Whole-process start of `cnnspec summary vgg16` against the JVM's own start, with and without an
# AppCDS archive. Needs a built tree (mvn -B -q package -DskipTests) and hyperfine
# (apt-get install hyperfine); archives go to bench/target/cds. Extra arguments go to hyperfine.
set -euo pipefail
cd "$(dirname "$0")/.."

m2="${MAVEN_REPO:-$HOME/.m2/repository}"
antlr_version="$(sed -n 's:.*<antlr.version>\(.*\)</antlr.version>.*:\1:p' pom.xml)"
antlr="$m2/org/antlr/antlr4-runtime/$antlr_version/antlr4-runtime-$antlr_version.jar"
bench=bench/target/cnnspec-bench-0.1.0-SNAPSHOT.jar
# The language alone, as the CLI would load it but without the command-line layer.
grammar="$bench:grammar/target/cnnspec-grammar-0.1.0-SNAPSHOT.jar:runtime/target/cnnspec-runtime-0.1.0-SNAPSHOT.jar:$antlr"
cli=cli/target/cnnspec.jar
launcher_opts="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"  # what ./cnnspec passes
cds=bench/target/cds
mkdir -p "$cds"

# A dynamic archive holds the classes one run loaded; it is only valid for the same JVM and jars.
java -XX:ArchiveClassesAtExit="$cds/hello.jsa" $launcher_opts -cp "$bench" io.cnnspec.bench.HelloMain >/dev/null
java -XX:ArchiveClassesAtExit="$cds/grammar.jsa" $launcher_opts -cp "$grammar" io.cnnspec.bench.SummaryMain >/dev/null
java -XX:ArchiveClassesAtExit="$cds/cli.jsa" $launcher_opts -jar "$cli" summary vgg16 >/dev/null

hyperfine -N --warmup 3 --runs 20 "$@" \
  -n "JVM start (hello)" "java $launcher_opts -cp $bench io.cnnspec.bench.HelloMain" \
  -n "JVM start, AppCDS" "java $launcher_opts -XX:SharedArchiveFile=$cds/hello.jsa -cp $bench io.cnnspec.bench.HelloMain" \
  -n "language only" "java $launcher_opts -cp $grammar io.cnnspec.bench.SummaryMain" \
  -n "language only, AppCDS" "java $launcher_opts -XX:SharedArchiveFile=$cds/grammar.jsa -cp $grammar io.cnnspec.bench.SummaryMain" \
  -n "cli, default JVM flags" "java -jar $cli summary vgg16" \
  -n "cli, launcher flags" "java $launcher_opts -jar $cli summary vgg16" \
  -n "cli, launcher flags, AppCDS" "java $launcher_opts -XX:SharedArchiveFile=$cds/cli.jsa -jar $cli summary vgg16" \
  -n "./cnnspec" "./cnnspec summary vgg16"
