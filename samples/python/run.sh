#!/usr/bin/env bash
# Generates the Python stubs from protos/ into a temporary folder, then runs transcribe.py (or, with `dictate`
# first, dictate.py: live dictation) with them:
#   samples/python/run.sh ADDRESS MEDIA_URI OUTPUT_BUCKET JOB_NAME
#   samples/python/run.sh dictate ADDRESS WAV_FILE [--fast] [--output-bucket BUCKET]
# Debian's protoc and grpc_python_plugin: python3-grpc-tools (1.14) predates proto3 `optional`, which the protos use.
# Debian's python3 (not one of pyenv's), which sees python3-grpcio; PYTHON overrides it.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
protos="$here/../../protos"
for needed in "$(command -v protoc)" "$(command -v grpc_python_plugin)" /usr/include/google/protobuf/timestamp.proto; do
  [ -n "$needed" ] && [ -e "$needed" ] || {
    echo "run.sh: protoc, grpc_python_plugin or the well-known protos are missing: run scripts/setup.sh" \
      "(apt-get install protobuf-compiler protobuf-compiler-grpc libprotobuf-dev python3-grpcio)" >&2
    exit 127
  }
done
stubs="$(mktemp -d)"
trap 'rm -rf "$stubs"' EXIT
protoc -I"$protos" -I/usr/include --python_out="$stubs" --grpc_python_out="$stubs" \
  --plugin=protoc-gen-grpc_python="$(command -v grpc_python_plugin)" \
  $(cd "$protos" && find medgrpc -name '*.proto')
script="$here/transcribe.py"
if [ "${1:-}" = dictate ]; then
  script="$here/dictate.py"
  shift
fi
PYTHONPATH="$stubs" "${PYTHON:-/usr/bin/python3}" "$script" "$@"
