#!/usr/bin/env bash
# The worst specs of at most 64 KB known (issue 13) through the command line in a 256 MB heap:
# whole-process CPU (user + system, JIT and GC threads included) and max RSS, from /usr/bin/time.
# Usage, from the checkout, after mvn -B -q install -DskipTests:
#     bench/hostile.sh [runs]        # default 3 runs of each; prints a markdown table
# The JVM options are the cnnspec script's own (serial collector, client compiler, the class data
# sharing archive when it fits) plus -Xmx256m; HostileSpecJarIT checks the same specs answer.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
jar=cli/target/cnnspec.jar
jsa=cli/target/cnnspec.jsa
opts=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx256m)
if [[ -f "$jsa" && "$jsa" -nt "$jar" ]]; then
  opts+=(-XX:SharedArchiveFile="$jsa" -Xshare:auto -Xlog:disable)
fi
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT

python3 - "$dir" <<'EOF'
import sys
d = sys.argv[1]
def write(name, text):
    assert len(text.encode()) <= 64 * 1024, name
    open(f"{d}/{name}.cnn", "w").write(text)
write("layers-to-the-limit", "network N : 8x8x3\nrelu x99999\n")
write("calls-to-the-limit", "network N : 8x8x3\ndef b { relu }\nb x99999\n")
write("distinct-rows", "network N : 1x1x3\ndef b { conv1-{in+1} }\nb x99999 @" + "a" * 127 + "\n")
write("past-the-limit", "network N : 8x8x3\nrelu x1999999\n")
calls = "network N : 8x8x3\ndef k63 { relu }\n" + "".join(f"def k{i} {{ k{i + 1} }}\n" for i in range(62, 0, -1))
write("call-chain-blocks", calls + "k1 x99999\n")
groups = "relu"
for i in range(60):
    groups = f"( {groups} ) @g{i}"
write("labelled-group-nest", "network N : 8x8x3\n( " + groups + " ) x99999\n")
chain = "network N : 8x8x3\ndef blk40 { relu }\n" + "".join(
    f"def blk{i} {{ blk{i + 1} blk{i + 1} }}\n" for i in range(39, -1, -1))
write("doubling-chain", chain + "blk0\n")
near = "b" * 64 + "c" + "b" * 63
write("near-misses", "network N : 8x8x3\ndef " + "b" * 128 + " { relu }\n" + (near + " ") * (60000 // 129) + "\n")
write("words-64k", "network N : 8x8x3\n" + "relu " * 13000 + "\n")
EOF

echo "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| spec | bytes | exit | CPU s (user + sys), each run | max RSS MB |"
echo "|---|---:|---:|---|---:|"
for file in "$dir"/*.cnn; do
  name="$(basename "$file" .cnn)"
  cpus=()
  rss=0
  for ((i = 0; i < runs; i++)); do
    set +e
    /usr/bin/time -o "$dir/time" -f "%U %S %M %x" java "${opts[@]}" -jar "$jar" check "$file" >/dev/null 2>"$dir/err"
    set -e
    read -r user sys maxrss exit < <(tail -n 1 "$dir/time")
    if grep -q "out of memory" "$dir/err"; then exit="OOM"; fi
    cpus+=("$(echo "$user + $sys" | bc)")
    (( maxrss > rss )) && rss=$maxrss
  done
  echo "| $name | $(wc -c < "$file") | $exit | ${cpus[*]} | $((rss / 1024)) |"
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
