#!/usr/bin/env bash
# Coverage-guided fuzzing of one parser of outside input: SharpFuzz instruments the build, AFL++ drives it.
#   scripts/fuzz.sh TARGET[,TARGET…] [SECONDS]   each target in turn (default 1200 s each); "all" for every one (CI: all 20)
# Targets (fuzz/MedGrpc.Fuzz/Program.cs): vocabulary-table page-token arn s3-uri request-validator sigv4-header aws-json.
# Seeds: fuzz/corpora, a folder a target (kept in the repository). Findings: fuzz/findings, a folder a target
# (gitignored); a crash is replayed with the fuzz project's dll: MedGrpc.Fuzz.dll TARGET CRASH-FILE
# Exits 1 when AFL++ saved a crash. docs/fuzzing.md.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
source scripts/lib/apt.sh
install_missing afl++

target="${1:?usage: scripts/fuzz.sh TARGET|all [SECONDS]}"
seconds="${2:-1200}"
targets=(vocabulary-table page-token arn s3-uri request-validator sigv4-header aws-json)
if [ "$target" = all ]; then chosen=("${targets[@]}"); else IFS=, read -r -a chosen <<<"$target"; fi
for t in "${chosen[@]}"; do
  [ -d "fuzz/corpora/$t" ] || { echo "fuzz: no target '$t' (${targets[*]})" >&2; exit 2; }
done

# The tool from the manifest (.config/dotnet-tools.json), restored from the NuGet feed like the packages.
dotnet tool restore >/dev/null
# Built and instrumented once, in a copy: the build output the tests use stays as built.
build="$(mktemp -d)"
trap 'rm -rf "$build"' EXIT
dotnet publish fuzz/MedGrpc.Fuzz -c Release -o "$build" --nologo -v quiet >/dev/null
for assembly in MedGrpc.Core.dll MedGrpc.Service.dll; do dotnet sharpfuzz "$build/$assembly" >/dev/null; done

status=0
for t in "${chosen[@]}"; do
  findings="fuzz/findings/$t"
  rm -rf "$findings"
  mkdir -p "$findings"
  # dotnet itself isn't AFL-instrumented (SharpFuzz's forkserver reports the coverage); crashes are .NET exceptions.
  if ! AFL_SKIP_BIN_CHECK=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1 AFL_NO_AFFINITY=1 \
    afl-fuzz -V "$seconds" -i "fuzz/corpora/$t" -o "$findings" -t 10000 -m none -- dotnet "$build/MedGrpc.Fuzz.dll" "$t" \
    >"$findings/afl.log" 2>&1; then
    tail -30 "$findings/afl.log" >&2
    status=1
    continue
  fi
  stats="$findings/default/fuzzer_stats"
  value() { awk -F' *: *' -v k="$1" '$1 == k { print $2 }' "$stats"; }
  crashes="$(value saved_crashes)"
  echo "fuzz $t: $(value run_time) s, $(value execs_done) execs, $(value corpus_count) paths, $(value bitmap_cvg) coverage, $crashes crashes, $(value saved_hangs) hangs"
  [ "${crashes:-0}" -eq 0 ] || status=1
done
exit $status
