#!/usr/bin/env bash
# Installs what the tests and benches need beyond the service's own (scripts/setup.sh): the samples' packages
# (scripts/setup-samples.sh), PostgreSQL (the scale-out tests start a cluster of their own), the pocketsphinx
# command line (the accuracy bench's baseline), and s3rver, the S3-compatible server the tests start on
# loopback, pinned by scripts/s3rver/package-lock.json. scripts/test.sh runs it.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/apt.sh

bash scripts/setup.sh
bash scripts/setup-samples.sh
install_missing postgresql pocketsphinx
if [ ! -f scripts/s3rver/node_modules/s3rver/bin/s3rver.js ]; then
  (cd scripts/s3rver && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
