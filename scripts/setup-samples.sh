#!/usr/bin/env bash
# Installs what the Python and Node samples (samples/) need when it is missing: Debian's python3-grpcio, and
# protoc with grpc_python_plugin and the well-known .protos to generate the Python stubs (not
# python3-grpc-tools: its protoc 1.14 predates proto3 `optional`); Node.js with npm, and the Node sample's
# @grpc/grpc-js and @grpc/proto-loader, pinned by samples/node/package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/apt.sh

install_missing python3 python3-grpcio protobuf-compiler protobuf-compiler-grpc libprotobuf-dev
# Node.js may come from elsewhere than Debian (its own npm included): ask for Debian's only when there is none.
command -v npm >/dev/null || install_missing nodejs npm
if [ ! -f samples/node/node_modules/.package-lock.json ] || [ samples/node/package-lock.json -nt samples/node/node_modules/.package-lock.json ]; then
  (cd samples/node && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
