#!/usr/bin/env bash
# Installs what MedGrpc needs on Debian 12 when it is missing: ffmpeg, PocketSphinx and its
# en-US model, libgomp1 (the Whisper engine's native runtime), the pocketsphinx CLI (the bench's baseline), python3 (the medical model's build scripts),
# flite and espeak-ng (grapheme-to-phoneme; flite also voices test audio), irstlm, sphinxbase-utils, hunspell-en-med and hunspell-en-us
# (the medical language model and its clinical words), and the gRPC libraries of the Python and Node samples (samples/).
# Then builds the medical language model when its sources changed.
set -euo pipefail

# postgresql: the real PostgreSQL the scale-out tests start; node and npm (below) run the S3-compatible server.
# hunspell-en-us: which nouns take a plural (the medical model's inflections).
# python3-grpcio, protobuf-compiler, protobuf-compiler-grpc (grpc_python_plugin) and libprotobuf-dev (the
# well-known .protos): the Python sample and its stubs. Not python3-grpc-tools: its protoc (1.14) predates proto3 `optional`.
# libgomp1: OpenMP, which Whisper.net's whisper.cpp runtime (libggml-*-whisper.so) links against (the Whisper engine).
packages=(ffmpeg libpocketsphinx3 pocketsphinx-en-us pocketsphinx python3 flite espeak-ng irstlm sphinxbase-utils hunspell-en-med hunspell-en-us postgresql
  python3-grpcio protobuf-compiler protobuf-compiler-grpc libprotobuf-dev libgomp1)
missing=()
# Node.js may come from elsewhere than Debian (its own npm included): ask for Debian's only when there is none.
command -v npm >/dev/null || missing+=(nodejs npm)
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
command -v dotnet >/dev/null || { echo "setup: the .NET 10 SDK is needed (dotnet on PATH)" >&2; exit 1; }

# The medical model: rebuilt when missing or older than anything it is built from.
cd "$(dirname "$0")/.."
# s3rver, pinned by scripts/s3rver/package-lock.json.
if [ ! -f scripts/s3rver/node_modules/s3rver/bin/s3rver.js ]; then
  (cd scripts/s3rver && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
# The Node sample's @grpc/grpc-js and @grpc/proto-loader, pinned by samples/node/package-lock.json.
if [ ! -f samples/node/node_modules/.package-lock.json ] || [ samples/node/package-lock.json -nt samples/node/node_modules/.package-lock.json ]; then
  (cd samples/node && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
model=models/medical/build/medical.lm.bin
if [ ! -f "$model" ] || [ -n "$(find models/medical/sources scripts/medical-model scripts/build-medical-model.sh -newer "$model" -print -quit)" ]; then
  bash scripts/build-medical-model.sh
fi
