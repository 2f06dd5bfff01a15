#!/usr/bin/env bash
# Whole-process start of `cnnspec summary vgg16` against the JVM's own start: the command as
# ./cnnspec runs it (launcher flags and the class data sharing archive the build writes), its two
# layers alone (the command line: --version; the language: SummaryMain), and the command without
# the archive or the flags. Needs a built tree (mvn -B -q package -DskipTests, which also writes
# cli/target/cnnspec.jsa) and hyperfine (apt-get install hyperfine); the language-only archive goes
# to bench/target/cds. RUNS and WARMUP set hyperfine's runs (20) and warm-up runs (3); extra
# arguments go to hyperfine (e.g. --export-json out.json).
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"

m2="${MAVEN_REPO:-$HOME/.m2/repository}"
antlr_version="$(sed -n 's:.*<antlr.version>\(.*\)</antlr.version>.*:\1:p' pom.xml)"
antlr="$m2/org/antlr/antlr4-runtime/$antlr_version/antlr4-runtime-$antlr_version.jar"
bench="$root/bench/target/cnnspec-bench-0.1.0-SNAPSHOT.jar"
# The language alone, as the command loads it but without the command-line layer.
grammar="$bench:$root/grammar/target/cnnspec-grammar-0.1.0-SNAPSHOT.jar:$root/runtime/target/cnnspec-runtime-0.1.0-SNAPSHOT.jar:$antlr"
# Absolute paths: an archive holds the class path it was made with, and a JVM given another one
# runs without any class sharing.
cli="$root/cli/target/cnnspec.jar"
jsa="$root/cli/target/cnnspec.jsa"
launcher_opts="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"  # what ./cnnspec passes besides the archive
if [[ ! -f "$jsa" || "$jsa" -ot "$cli" ]]; then
  echo "startup.sh: $jsa is missing or older than the jar; build with mvn -B -q package -DskipTests" >&2
  exit 2
fi

# The language's own archive, made the way cli/pom.xml makes the command's: list the classes one
# run loads, then archive them (a static archive, like the command's, so the two compare).
cds=bench/target/cds
mkdir -p "$cds"
rm -f "$cds/language.jsa"
java $launcher_opts -XX:DumpLoadedClassList="$cds/language.classlist" -cp "$grammar" io.cnnspec.bench.SummaryMain >/dev/null
java -Xshare:dump -XX:SharedClassListFile="$cds/language.classlist" -XX:SharedArchiveFile="$cds/language.jsa" \
  -XX:+UseSerialGC -cp "$grammar" >/dev/null

hyperfine -N --warmup "${WARMUP:-3}" --runs "${RUNS:-20}" "$@" \
  -n "JVM start (hello), launcher flags" "java $launcher_opts -cp $bench io.cnnspec.bench.HelloMain" \
  -n "JVM start (hello), launcher flags, the command's archive" \
     "java $launcher_opts -XX:SharedArchiveFile=$jsa -cp $cli:$bench io.cnnspec.bench.HelloMain" \
  -n "command line only: ./cnnspec --version" "./cnnspec --version" \
  -n "language only (SummaryMain), launcher flags" "java $launcher_opts -cp $grammar io.cnnspec.bench.SummaryMain" \
  -n "language only, launcher flags, its archive" \
     "java $launcher_opts -XX:SharedArchiveFile=$cds/language.jsa -cp $grammar io.cnnspec.bench.SummaryMain" \
  -n "java -jar cnnspec.jar summary vgg16" "java -jar $cli summary vgg16" \
  -n "the same, launcher flags" "java $launcher_opts -jar $cli summary vgg16" \
  -n "the same, launcher flags, archive" "java $launcher_opts -XX:SharedArchiveFile=$jsa -jar $cli summary vgg16" \
  -n "./cnnspec summary vgg16" "./cnnspec summary vgg16"
