#!/usr/bin/env python3
"""Live dictation: streams a WAV recording to StreamTranscription and prints each final result as it comes.

    python3 dictate.py ADDRESS WAV_FILE [--fast] [--output-bucket BUCKET]
    python3 dictate.py localhost:50051 samples/recordings/dictation.wav

The audio goes in 100 ms chunks paced at real time (--fast: as fast as the service takes them). Partial results are
shown on standard error (redrawn in place on a terminal); finals are printed on standard output, one line each.
With --output-bucket the service also records the session as a COMPLETED job (named by the session id) with its
transcript in that bucket, MedGrpc's own (docs/streaming.md). The stubs come from run.sh, as for transcribe.py. MEDGRPC_API_KEY, when set, is sent as x-api-key.
Exit codes: 0 the stream ended, 2 usage, 3 the call failed.
"""
import os
import sys
import time
import wave

import grpc

from medgrpc.transcribe.v1 import enums_pb2, medical_transcription_pb2_grpc, streaming_pb2


def requests(settings, frames, rate, channels, fast):
    """The settings, then the audio in 100 ms chunks, each sent when its time comes."""
    yield streaming_pb2.StreamTranscriptionRequest(settings=settings)
    chunk = rate // 10 * channels * 2
    started = time.monotonic()
    for offset in range(0, len(frames), chunk):
        if not fast:
            due = started + offset / (rate * channels * 2)
            time.sleep(max(0.0, due - time.monotonic()))
        yield streaming_pb2.StreamTranscriptionRequest(
            audio_event=streaming_pb2.AudioEvent(audio_chunk=frames[offset:offset + chunk]))


def main(argv):
    fast = "--fast" in argv
    args = [a for a in argv if a != "--fast"]
    bucket = None
    if "--output-bucket" in args:
        at = args.index("--output-bucket")
        bucket = args[at + 1] if at + 1 < len(args) else None
        args = args[:at] + args[at + 2:]
    if len(args) != 2 or ("--output-bucket" in argv and bucket is None):
        print("usage: dictate.py ADDRESS WAV_FILE [--fast] [--output-bucket BUCKET]", file=sys.stderr)
        return 2
    address, path = args
    with wave.open(path, "rb") as recording:
        if recording.getsampwidth() != 2:
            print(f"{path}: not 16-bit PCM", file=sys.stderr)
            return 2
        rate, channels = recording.getframerate(), recording.getnchannels()
        frames = recording.readframes(recording.getnframes())
    settings = streaming_pb2.StreamSettings(
        language_code=enums_pb2.LANGUAGE_CODE_EN_US,
        media_sample_rate_hertz=rate,
        media_encoding=enums_pb2.MEDIA_ENCODING_PCM,
        specialty=enums_pb2.SPECIALTY_PRIMARYCARE,
        type=enums_pb2.MEDICAL_JOB_TYPE_DICTATION,
    )
    if bucket:
        settings.output_bucket_name = bucket
    if channels == 2:
        settings.enable_channel_identification = True
        settings.number_of_channels = 2
    key = os.environ.get("MEDGRPC_API_KEY")
    metadata = [("x-api-key", key)] if key else []
    live = sys.stderr.isatty()
    session = None

    with grpc.insecure_channel(address) as channel:
        client = medical_transcription_pb2_grpc.MedicalTranscriptionStub(channel)
        try:
            for response in client.StreamTranscription(requests(settings, frames, rate, channels, fast), metadata=metadata):
                if response.WhichOneof("event") == "session":
                    session = response.session
                    print(f"Session {session.session_id}", file=sys.stderr, flush=True)
                    continue
                for result in response.transcript_event.transcript.results:
                    text = (f"{result.channel_id}: " if result.HasField("channel_id") else "") + result.alternatives[0].transcript
                    if result.is_partial:
                        if live:
                            print("\r\033[2K" + text[-200:], end="", file=sys.stderr, flush=True)
                    else:
                        if live:
                            print("\r\033[2K", end="", file=sys.stderr, flush=True)
                        print(text, flush=True)
        except grpc.RpcError as e:
            print(f"the call failed ({e.code().name}): {e.details()}", file=sys.stderr)
            return 3
    if bucket:
        # The stream ended OK, so the service has stored the job COMPLETED.
        print(f"Recorded as job {session.medical_transcription_job_name}", file=sys.stderr, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
