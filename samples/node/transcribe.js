#!/usr/bin/env node
// Starts a MedGrpc transcription job, follows WatchJob to its end and prints the transcript.
// The contract is read from protos/ at run time (no generated code), as any Node caller can.
//
//   node transcribe.js ADDRESS MEDIA_URI OUTPUT_BUCKET JOB_NAME
//   node transcribe.js localhost:50051 s3://clinic-media/visit-0001.wav clinic-transcripts visit-0001
//
// MEDGRPC_API_KEY, when set, is sent as x-api-key. Exit codes: 0 COMPLETED, 1 FAILED, 2 usage, 3 the call failed.
'use strict';

const path = require('path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const protos = process.env.MEDGRPC_PROTOS || path.join(__dirname, '..', '..', 'protos');

function awsValue(value, prefix) {
  // Protobuf enum names carry their enum's name; AWS's value is the suffix (see docs/contract.md, "Enum values").
  return value.startsWith(prefix) ? value.slice(prefix.length) : value;
}

function main(argv) {
  if (argv.length !== 4) {
    console.error('usage: node transcribe.js ADDRESS MEDIA_URI OUTPUT_BUCKET JOB_NAME');
    return Promise.resolve(2);
  }
  const [address, mediaUri, outputBucket, jobName] = argv;

  // keepCase: fields by their proto names, as in the protos and the other samples; enums as names, not numbers.
  const definition = protoLoader.loadSync('medgrpc/transcribe/v1/medical_transcription.proto', {
    includeDirs: [protos],
    keepCase: true,
    enums: String,
    longs: String,
    defaults: true,
    oneofs: true,
  });
  const v1 = grpc.loadPackageDefinition(definition).medgrpc.transcribe.v1;
  const client = new v1.MedicalTranscription(address, grpc.credentials.createInsecure());

  const metadata = new grpc.Metadata();
  if (process.env.MEDGRPC_API_KEY) metadata.set('x-api-key', process.env.MEDGRPC_API_KEY);

  const request = {
    medical_transcription_job_name: jobName,
    language_code: 'LANGUAGE_CODE_EN_US',
    media: { media_file_uri: mediaUri },
    output_bucket_name: outputBucket,
    specialty: 'SPECIALTY_PRIMARYCARE',
    type: 'MEDICAL_JOB_TYPE_DICTATION',
  };

  return new Promise((resolve) => {
    client.StartMedicalTranscriptionJob(request, metadata, (error, response) => {
      if (error) return resolve(callFailed('StartMedicalTranscriptionJob', error));
      const started = response.medical_transcription_job;
      console.log(`Started ${started.medical_transcription_job_name}: ${awsValue(started.transcription_job_status, 'TRANSCRIPTION_JOB_STATUS_')}`);

      let last = null;
      const watch = client.WatchJob({ medical_transcription_job_name: jobName }, metadata);
      watch.on('data', (event) => {
        last = event;
        const status = awsValue(event.medical_transcription_job.transcription_job_status, 'TRANSCRIPTION_JOB_STATUS_');
        console.log(`${status} ${event.stage} ${event.progress_percent}%`);
      });
      watch.on('error', (e) => resolve(callFailed('WatchJob', e)));
      watch.on('end', () => resolve(finish(last)));
    });
  }).finally(() => client.close());
}

function finish(last) {
  // The stream ends after the terminal event, which carries the transcript when COMPLETED.
  const job = last && last.medical_transcription_job;
  if (!job) {
    console.error('WatchJob ended without an event');
    return 3;
  }
  if (job.transcription_job_status !== 'TRANSCRIPTION_JOB_STATUS_COMPLETED') {
    console.error(`Job ${job.medical_transcription_job_name} FAILED: ${job.failure_reason || '(no reason given)'}`);
    return 1;
  }
  console.log('Transcript:');
  console.log(last.transcript.results.transcripts.map((t) => t.transcript).join('\n'));
  return 0;
}

function callFailed(method, error) {
  console.error(`${method} failed (${grpc.status[error.code] || error.code}): ${error.details}`);
  return 3;
}

main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
