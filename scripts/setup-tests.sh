#!/usr/bin/env bash
# Installs what the tests and benches need beyond the service's own (scripts/setup.sh): the samples' packages
# (scripts/setup-samples.sh), PostgreSQL (the scale-out tests start a cluster of their own), the pocketsphinx
# command line (the accuracy bench's baseline), s3rver, the S3-compatible server the tests start on
# loopback, pinned by scripts/s3rver/package-lock.json, and the real AWS clients the AWS endpoint's tests run:
# boto3 and the AWS CLI v2 from Debian (python3-boto3, awscli: /usr/bin/python3, /usr/bin/aws) and the AWS SDK for
# JavaScript v3, pinned by tests/aws-clients/js/package-lock.json. scripts/test.sh runs it.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/apt.sh

bash scripts/setup.sh
bash scripts/setup-samples.sh
install_missing postgresql pocketsphinx python3-boto3 awscli afl++
if [ ! -f scripts/s3rver/node_modules/s3rver/bin/s3rver.js ]; then
  (cd scripts/s3rver && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
if [ ! -f tests/aws-clients/js/node_modules/.package-lock.json ] || [ tests/aws-clients/js/package-lock.json -nt tests/aws-clients/js/node_modules/.package-lock.json ]; then
  (cd tests/aws-clients/js && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
