#!/usr/bin/env bash
# Installs what the service needs to run on Debian 12 when it is missing, then builds the medical language
# model when it is missing or older than its sources. scripts/run.sh runs it; so does scripts/setup-tests.sh.
# - ffmpeg: probes and decodes media; libpocketsphinx3 and pocketsphinx-en-us: the engine and its en-US model;
# - libgomp1: OpenMP, which the Whisper engine's native runtime (whisper.cpp) links against;
# - the medical model's tools: python3, irstlm (the language model), sphinxbase-utils (sphinx_lm_convert),
#   flite and espeak-ng (pronunciations), hunspell-en-med (clinical words; GPL, read at build time, never
#   copied) and hunspell-en-us (which nouns take a plural);
# - speaker adaptation (MedGrpc:PocketSphinx:SpeakerAdaptation, off by default): sphinxtrain (bw, mllr_solve) and
#   pocketsphinx (pocketsphinx_mdef_convert); sphinx_fe is sphinxbase-utils'.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/apt.sh

install_missing ffmpeg libpocketsphinx3 pocketsphinx-en-us libgomp1 \
  python3 irstlm sphinxbase-utils flite espeak-ng hunspell-en-med hunspell-en-us sphinxtrain pocketsphinx
command -v dotnet >/dev/null || { echo "setup: the .NET 10 SDK is needed (dotnet on PATH)" >&2; exit 1; }

# The medical model: built when missing or older than anything it is built from.
model=models/medical/build/medical.lm.bin
if [ ! -f "$model" ] || [ ! -f models/medical/build/medical.dict ] \
  || [ -n "$(find models/medical/sources models/medical/text src/Core/Clinical/Phi/Lists scripts/medical-model scripts/build-medical-model.sh -newer "$model" -print -quit)" ]; then
  echo "setup: building the medical language model from models/medical (once; about 4 minutes on 2 cores)"
  bash scripts/build-medical-model.sh
fi
