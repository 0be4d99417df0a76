#!/usr/bin/env bash
# Starts MedGrpc on its embedded defaults: SQLite and buckets under ./data (the repository root), PocketSphinx,
# h2c on localhost:50051, the AWS endpoint on localhost:8050. Installs what the service needs first (scripts/setup.sh;
# the first time it also builds the medical model). Extra arguments go to the service (e.g. --urls=http://0.0.0.0:50051).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
mkdir -p data/buckets
# Built, then started from here rather than with `dotnet run`, which starts it in src/Service: relative paths
# (MedGrpc:DataDir, a Whisper model file) are the repository root's, as the docs say.
dotnet build src/Service -c Release -nologo -v quiet
exec dotnet src/Service/bin/Release/net10.0/MedGrpc.Service.dll "$@"
