#!/usr/bin/env bash
# Installs what the tests need, then runs every test of the solution against the real engine,
# ffmpeg and SQLite, and again the integration suite (Suite=Integration) on the scale-out backend:
# PostgreSQL and an S3-compatible server (s3rver), both started by the tests themselves; then 20 s of
# coverage-guided fuzzing of each parser (scripts/fuzz.sh).
# Ends with one summary line: "Tests: N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-tests.sh || exit 1

log=$(mktemp)
dotnet test MedGrpc.sln -c Release "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

echo "test: the integration suite on PostgreSQL and S3"
MEDGRPC_TEST_BACKEND=scaleout dotnet test tests/MedGrpc.Tests -c Release --no-build --filter "Suite=Integration" "$@" 2>&1 | tee -a "$log"
scaleout=${PIPESTATUS[0]}
[ "$status" -ne 0 ] || status=$scaleout

# A short coverage-guided run of each parser (docs/fuzzing.md): 20 s a target, from the seeds in fuzz/corpora.
echo "test: coverage-guided fuzzing, 20 s a target"
bash scripts/fuzz.sh all 20 || status=1

passed=$(grep -E "^(Passed|Failed)!" "$log" | grep -oE "Passed: +[0-9]+" | grep -oE "[0-9]+" | awk '{s+=$1} END {print s+0}')
failed=$(grep -E "^(Passed|Failed)!" "$log" | grep -oE "Failed: +[0-9]+" | grep -oE "[0-9]+" | awk '{s+=$1} END {print s+0}')
skipped=$(grep -E "^(Passed|Failed)!" "$log" | grep -oE "Skipped: +[0-9]+" | grep -oE "[0-9]+" | awk '{s+=$1} END {print s+0}')
rm -f "$log"
echo
echo "Tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
exit "$status"
