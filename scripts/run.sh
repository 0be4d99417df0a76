#!/usr/bin/env bash
# Starts MedGrpc on its embedded defaults: SQLite and buckets under ./data, PocketSphinx, h2c on
# localhost:50051. Installs what the service needs first (scripts/setup.sh; the first time it also builds the
# medical model). Extra arguments go to the service (e.g. --urls=http://0.0.0.0:50051).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
mkdir -p data/buckets
exec dotnet run --project src/Service -c Release -- "$@"
