#!/usr/bin/python3
"""boto3 (Debian's python3-boto3) against MedGrpc's AWS endpoint, as an AWS user's script would call Transcribe.

Usage: transcribe_client.py SCENARIO [ARG...]; the endpoint in MEDGRPC_AWS_ENDPOINT, the credentials and region in
AWS's own variables (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_DEFAULT_REGION), the buckets' folder (the
embedded object store: s3://BUCKET/KEY is BUCKETS/BUCKET/KEY) in MEDGRPC_BUCKETS. Each scenario prints one JSON
object on standard output for the test to check, and exits 1 with the reason when a step goes wrong.
"""
import datetime
import json
import os
import sys
import time
from urllib.parse import urlparse

import boto3
import botocore
from botocore.config import Config


def client(**overrides):
    # One attempt: a refusal is the answer under test, not something to retry.
    # Without client-side validation, so that the service is the one that judges (botocore checks some minimums itself).
    config = overrides.pop("config", Config(retries={"max_attempts": 1, "mode": "standard"}, parameter_validation=False))
    return boto3.client("transcribe", endpoint_url=os.environ["MEDGRPC_AWS_ENDPOINT"], config=config, **overrides)


def plain(value):
    """Responses as JSON: datetimes as ISO strings (boto3 made them from epoch seconds), no ResponseMetadata."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items() if k != "ResponseMetadata"}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    return value


def wait_for_job(transcribe, name, timeout=240):
    deadline = time.monotonic() + timeout
    while True:
        job = transcribe.get_medical_transcription_job(MedicalTranscriptionJobName=name)["MedicalTranscriptionJob"]
        if job["TranscriptionJobStatus"] in ("COMPLETED", "FAILED") or time.monotonic() > deadline:
            return job
        time.sleep(1)  # botocore has no waiters for Transcribe: callers poll Get


def wait_for_vocabulary(transcribe, name, timeout=120):
    deadline = time.monotonic() + timeout
    while True:
        vocabulary = transcribe.get_medical_vocabulary(VocabularyName=name)
        if vocabulary["VocabularyState"] != "PENDING" or time.monotonic() > deadline:
            return vocabulary
        time.sleep(0.5)


def read_transcript(uri):
    """An AWS-style parser of the transcript: the object at TranscriptFileUri, read from the buckets' folder."""
    location = urlparse(uri)
    with open(os.path.join(os.environ["MEDGRPC_BUCKETS"], location.netloc, location.path.lstrip("/")), encoding="utf-8") as f:
        document = json.load(f)
    results = document["results"]
    return {
        "jobName": document["jobName"],
        "accountId": document["accountId"],
        "status": document["status"],
        "transcript": results["transcripts"][0]["transcript"],
        "words": [item["alternatives"][0]["content"] for item in results["items"] if item["type"] == "pronunciation"],
        "firstStartTime": float(results["items"][0]["start_time"]) if results["items"] else None,
    }


def start_job(transcribe, name, media_uri, bucket, **extra):
    return transcribe.start_medical_transcription_job(
        MedicalTranscriptionJobName=name, LanguageCode="en-US", Media={"MediaFileUri": media_uri},
        OutputBucketName=bucket, Specialty="PRIMARYCARE", Type="DICTATION", **extra)["MedicalTranscriptionJob"]


def scenario_job(name, media_uri, bucket):
    """Start, poll Get to the end, read the transcript back."""
    transcribe = client()
    started = start_job(transcribe, name, media_uri, bucket, Tags=[{"Key": "clinic", "Value": "north"}])
    final = wait_for_job(transcribe, name)
    report = {"started": plain(started), "final": plain(final)}
    if final["TranscriptionJobStatus"] == "COMPLETED":
        report["transcript"] = read_transcript(final["Transcript"]["TranscriptFileUri"])
    return report


def scenario_start(name, media_uri, bucket):
    """Start only: the test follows the job elsewhere."""
    return {"started": plain(start_job(client(), name, media_uri, bucket))}


def scenario_list(prefix):
    """JobNameContains (any case), Status, and every page of MaxResults=2 through NextToken."""
    transcribe = client()
    pages, token = [], None
    while True:
        args = {"JobNameContains": prefix.upper(), "MaxResults": 2}
        if token:
            args["NextToken"] = token
        page = transcribe.list_medical_transcription_jobs(**args)
        pages.append([s["MedicalTranscriptionJobName"] for s in page["MedicalTranscriptionJobSummaries"]])
        token = page.get("NextToken")
        if not token:
            break
    by_status = {}
    for status in ("QUEUED", "IN_PROGRESS", "COMPLETED", "FAILED"):
        page = transcribe.list_medical_transcription_jobs(Status=status, JobNameContains=prefix, MaxResults=100)
        by_status[status] = {"echoed": page.get("Status"), "names": [s["MedicalTranscriptionJobName"] for s in page["MedicalTranscriptionJobSummaries"]]}
    summary = transcribe.list_medical_transcription_jobs(JobNameContains=prefix, MaxResults=1)["MedicalTranscriptionJobSummaries"][0]
    return {"pages": pages, "byStatus": by_status, "summary": plain(summary)}


def scenario_vocabulary(name, file_uri, job, media_uri, bucket):
    """Create a vocabulary, wait for READY, use it in a job to COMPLETED; get, list, update and delete it."""
    transcribe = client()
    created = transcribe.create_medical_vocabulary(VocabularyName=name, LanguageCode="en-US", VocabularyFileUri=file_uri)
    ready = wait_for_vocabulary(transcribe, name)
    start_job(transcribe, job, media_uri, bucket, Settings={"VocabularyName": name})
    final = wait_for_job(transcribe, job)
    listed = transcribe.list_medical_vocabularies(NameContains=name, StateEquals="READY")
    updated = transcribe.update_medical_vocabulary(VocabularyName=name, LanguageCode="en-US", VocabularyFileUri=file_uri)
    again = wait_for_vocabulary(transcribe, name)
    transcribe.delete_medical_vocabulary(VocabularyName=name)
    try:
        transcribe.get_medical_vocabulary(VocabularyName=name)
        after_delete = "found"
    except botocore.exceptions.ClientError as e:
        after_delete = e.response["Error"]["Code"]
    return {"created": plain(created), "ready": plain(ready), "job": plain(final), "listed": plain(listed),
            "updated": plain(updated), "readyAgain": plain(again), "afterDelete": after_delete}


def scenario_tags(arn):
    transcribe = client()
    transcribe.tag_resource(ResourceArn=arn, Tags=[{"Key": "ward", "Value": "7"}, {"Key": "team", "Value": "blue"}])
    tagged = transcribe.list_tags_for_resource(ResourceArn=arn)
    transcribe.untag_resource(ResourceArn=arn, TagKeys=["team"])
    untagged = transcribe.list_tags_for_resource(ResourceArn=arn)
    return {"tagged": plain(tagged), "untagged": plain(untagged)}


def scenario_refusals(media_uri, bucket, taken_job, running_job):
    """Requests AWS refuses, each with the error code the endpoint answered (or "accepted")."""
    transcribe = client()
    base = {"MedicalTranscriptionJobName": "refused", "LanguageCode": "en-US", "Media": {"MediaFileUri": media_uri},
            "OutputBucketName": bucket, "Specialty": "PRIMARYCARE", "Type": "DICTATION"}
    cases = {
        "unknown job": lambda: transcribe.get_medical_transcription_job(MedicalTranscriptionJobName="no-such-job"),
        "name taken": lambda: transcribe.start_medical_transcription_job(**{**base, "MedicalTranscriptionJobName": taken_job}),
        "language fr-FR": lambda: transcribe.start_medical_transcription_job(**{**base, "LanguageCode": "fr-FR"}),
        "bad name": lambda: transcribe.start_medical_transcription_job(**{**base, "MedicalTranscriptionJobName": "has space"}),
        "bucket with s3 prefix": lambda: transcribe.start_medical_transcription_job(**{**base, "OutputBucketName": "s3://" + bucket}),
        "no such bucket": lambda: transcribe.start_medical_transcription_job(**{**base, "OutputBucketName": "no-such-bucket"}),
        "no such media": lambda: transcribe.start_medical_transcription_job(**{**base, "Media": {"MediaFileUri": "s3://" + bucket + "/missing.wav"}}),
        "sample rate 8000": lambda: transcribe.start_medical_transcription_job(**{**base, "MediaSampleRateHertz": 8000}),
        "speakers with channels": lambda: transcribe.start_medical_transcription_job(**{**base, "Settings": {
            "ShowSpeakerLabels": True, "MaxSpeakerLabels": 2, "ChannelIdentification": True}}),
        "max results 101": lambda: transcribe.list_medical_transcription_jobs(MaxResults=101),
        "forged next token": lambda: transcribe.list_medical_transcription_jobs(NextToken="bm90LWEtdG9rZW4="),
        "delete running job": lambda: transcribe.delete_medical_transcription_job(MedicalTranscriptionJobName=running_job),
        "unknown vocabulary": lambda: transcribe.get_medical_vocabulary(VocabularyName="no-such-vocabulary"),
        "job with unknown vocabulary": lambda: transcribe.start_medical_transcription_job(**{**base, "Settings": {"VocabularyName": "no-such-vocabulary"}}),
        "tag unknown resource": lambda: transcribe.tag_resource(
            ResourceArn="arn:aws:transcribe:us-east-1:000000000000:medical-transcription-job/no-such-job", Tags=[{"Key": "k", "Value": "v"}]),
        "standard job operation": lambda: transcribe.get_transcription_job(TranscriptionJobName="x"),
    }
    answers = {}
    for case, call in cases.items():
        try:
            call()
            answers[case] = {"code": "accepted"}
        except botocore.exceptions.ClientError as e:
            answers[case] = {"code": e.response["Error"]["Code"], "status": e.response["ResponseMetadata"]["HTTPStatusCode"],
                             "message": e.response["Error"]["Message"]}
    return answers


def scenario_credentials(access_key):
    """A wrong secret, an unknown key, no credentials at all: each refusal's code."""
    region = os.environ.get("AWS_DEFAULT_REGION", "us-east-1")
    attempts = {
        "wrong secret": client(aws_access_key_id=access_key, aws_secret_access_key="not-the-secret", region_name=region),
        "unknown key": client(aws_access_key_id="AKIAUNKNOWNKEY000000", aws_secret_access_key="whatever", region_name=region),
        "no credentials": client(region_name=region, config=Config(signature_version=botocore.UNSIGNED, retries={"max_attempts": 1})),
    }
    answers = {}
    for case, transcribe in attempts.items():
        try:
            transcribe.list_medical_transcription_jobs()
            answers[case] = {"code": "accepted"}
        except botocore.exceptions.ClientError as e:
            answers[case] = {"code": e.response["Error"]["Code"], "status": e.response["ResponseMetadata"]["HTTPStatusCode"]}
    return answers


def scenario_mtls(cert, key, server_cert, name, media_uri, bucket, own_key, own_secret, other_key, other_secret):
    """A client certificate as the credential (botocore's client_cert): unsigned calls act for its account, a signature
    beside it must be a key of that account, and without the certificate an unsigned call has no credential."""
    region = os.environ.get("AWS_DEFAULT_REGION", "us-east-1")

    def tls_client(certificate, **credentials):
        config = Config(retries={"max_attempts": 1, "mode": "standard"}, parameter_validation=False, client_cert=certificate,
                        **({} if credentials else {"signature_version": botocore.UNSIGNED}))
        return client(config=config, verify=server_cert, region_name=region, **credentials)

    def answer(transcribe):
        try:
            transcribe.list_medical_transcription_jobs(JobNameContains=name)
            return "accepted"
        except botocore.exceptions.ClientError as e:
            return e.response["Error"]["Code"]

    unsigned = tls_client((cert, key))
    started = start_job(unsigned, name, media_uri, bucket)
    listed = unsigned.list_medical_transcription_jobs(JobNameContains=name)["MedicalTranscriptionJobSummaries"]
    return {
        "started": plain(started),
        "listed": [job["MedicalTranscriptionJobName"] for job in listed],
        "signed by its account": answer(tls_client((cert, key), aws_access_key_id=own_key, aws_secret_access_key=own_secret)),
        "signed by another account": answer(tls_client((cert, key), aws_access_key_id=other_key, aws_secret_access_key=other_secret)),
        "no certificate, unsigned": answer(tls_client(None)),
    }


def scenario_throttled(count):
    """Lists as fast as one caller can, once each: how many the endpoint refused, and with what."""
    transcribe = client()
    codes = []
    for _ in range(int(count)):
        try:
            transcribe.list_medical_transcription_jobs()
            codes.append("accepted")
        except botocore.exceptions.ClientError as e:
            codes.append(e.response["Error"]["Code"])
    return {"codes": codes}


if __name__ == "__main__":
    scenario, args = sys.argv[1], sys.argv[2:]
    try:
        print(json.dumps(globals()["scenario_" + scenario](*args), indent=1))
    except botocore.exceptions.ClientError as e:
        print(f"{scenario}: {e.response['Error']['Code']}: {e.response['Error']['Message']}", file=sys.stderr)
        sys.exit(1)
