#!/usr/bin/env python3
"""Starts a MedGrpc transcription job, follows WatchJob to its end and prints the transcript.

    python3 transcribe.py ADDRESS MEDIA_URI OUTPUT_BUCKET JOB_NAME
    python3 transcribe.py localhost:50051 s3://clinic-media/visit-0001.wav clinic-transcripts visit-0001

The stubs are generated from protos/ by run.sh (which then runs this file); this file generates
nothing itself and imports them from PYTHONPATH. MEDGRPC_API_KEY, when set, is sent as x-api-key.
Exit codes: 0 COMPLETED, 1 FAILED, 2 usage, 3 the call failed.
"""
import os
import sys

import grpc

from medgrpc.transcribe.v1 import enums_pb2, jobs_pb2, medical_transcription_pb2, medical_transcription_pb2_grpc


def status_name(status):
    # Protobuf enum names carry their enum's name; AWS's value is the suffix (see docs/contract.md, "Enum values").
    return enums_pb2.TranscriptionJobStatus.Name(status).removeprefix("TRANSCRIPTION_JOB_STATUS_")


def main(argv):
    if len(argv) != 4:
        print("usage: transcribe.py ADDRESS MEDIA_URI OUTPUT_BUCKET JOB_NAME", file=sys.stderr)
        return 2
    address, media_uri, output_bucket, job_name = argv
    key = os.environ.get("MEDGRPC_API_KEY")
    metadata = [("x-api-key", key)] if key else []

    with grpc.insecure_channel(address) as channel:
        client = medical_transcription_pb2_grpc.MedicalTranscriptionStub(channel)
        request = jobs_pb2.StartMedicalTranscriptionJobRequest(
            medical_transcription_job_name=job_name,
            language_code=enums_pb2.LANGUAGE_CODE_EN_US,
            media=jobs_pb2.Media(media_file_uri=media_uri),
            output_bucket_name=output_bucket,
            specialty=enums_pb2.SPECIALTY_PRIMARYCARE,
            type=enums_pb2.MEDICAL_JOB_TYPE_DICTATION,
        )
        try:
            started = client.StartMedicalTranscriptionJob(request, metadata=metadata).medical_transcription_job
            print(f"Started {started.medical_transcription_job_name}: {status_name(started.transcription_job_status)}", flush=True)
            last = None
            watch = medical_transcription_pb2.WatchJobRequest(medical_transcription_job_name=job_name)
            for event in client.WatchJob(watch, metadata=metadata):
                last = event
                job = event.medical_transcription_job
                print(f"{status_name(job.transcription_job_status)} {event.stage} {event.progress_percent}%", flush=True)
        except grpc.RpcError as e:
            print(f"the call failed ({e.code().name}): {e.details()}", file=sys.stderr)
            return 3

    # The stream ends after the terminal event, which carries the transcript when COMPLETED.
    if last is None:
        print("WatchJob ended without an event", file=sys.stderr)
        return 3
    job = last.medical_transcription_job
    if job.transcription_job_status != enums_pb2.TRANSCRIPTION_JOB_STATUS_COMPLETED:
        print(f"Job {job.medical_transcription_job_name} FAILED: {job.failure_reason or '(no reason given)'}", file=sys.stderr)
        return 1
    print("Transcript:")
    print("\n".join(t.transcript for t in last.transcript.results.transcripts))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
