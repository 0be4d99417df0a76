// The AWS SDK for JavaScript v3 (@aws-sdk/client-transcribe, pinned by package-lock.json) against MedGrpc's AWS
// endpoint, as an AWS user's code would call Transcribe.
// Usage: node transcribe_client.mjs SCENARIO [ARG...]; the endpoint in MEDGRPC_AWS_ENDPOINT, the credentials and
// region in AWS's own variables, the buckets' folder (s3://BUCKET/KEY is BUCKETS/BUCKET/KEY) in MEDGRPC_BUCKETS.
// Each scenario prints one JSON object for the test to check.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  TranscribeClient,
  StartMedicalTranscriptionJobCommand,
  GetMedicalTranscriptionJobCommand,
  ListMedicalTranscriptionJobsCommand,
  ListTagsForResourceCommand,
} from "@aws-sdk/client-transcribe";

const client = (credentials) =>
  new TranscribeClient({
    endpoint: process.env.MEDGRPC_AWS_ENDPOINT,
    region: process.env.AWS_REGION ?? "us-east-1",
    maxAttempts: 1, // a refusal is the answer under test
    ...(credentials ? { credentials } : {}),
  });

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitForJob(transcribe, name, timeoutMs = 240_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { MedicalTranscriptionJob: job } = await transcribe.send(new GetMedicalTranscriptionJobCommand({ MedicalTranscriptionJobName: name }));
    if (["COMPLETED", "FAILED"].includes(job.TranscriptionJobStatus) || Date.now() > deadline) return job;
    await sleep(1000);
  }
}

// An AWS-style parser of the transcript object, read from the buckets' folder.
function readTranscript(uri) {
  const { host, pathname } = new URL(uri);
  const document = JSON.parse(readFileSync(join(process.env.MEDGRPC_BUCKETS, host, decodeURIComponent(pathname)), "utf8"));
  const { results } = document;
  return {
    jobName: document.jobName,
    transcript: results.transcripts[0].transcript,
    words: results.items.filter((item) => item.type === "pronunciation").map((item) => item.alternatives[0].content),
  };
}

const errorOf = (e) => ({ code: e.name, status: e.$metadata?.httpStatusCode, message: e.message });

const scenarios = {
  // Start, poll Get to the end, list, read the transcript back.
  async job(name, mediaUri, bucket) {
    const transcribe = client();
    const { MedicalTranscriptionJob: started } = await transcribe.send(new StartMedicalTranscriptionJobCommand({
      MedicalTranscriptionJobName: name, LanguageCode: "en-US", Media: { MediaFileUri: mediaUri }, OutputBucketName: bucket,
      Specialty: "PRIMARYCARE", Type: "DICTATION", Tags: [{ Key: "sdk", Value: "js" }],
    }));
    const final = await waitForJob(transcribe, name);
    const listed = await transcribe.send(new ListMedicalTranscriptionJobsCommand({ JobNameContains: name, Status: "COMPLETED" }));
    const tags = await transcribe.send(new ListTagsForResourceCommand({ ResourceArn: `arn:aws:transcribe:us-east-1:000000000000:medical-transcription-job/${name}` }));
    return {
      started,
      final,
      creationTimeIsDate: final.CreationTime instanceof Date,
      listed: listed.MedicalTranscriptionJobSummaries.map((s) => s.MedicalTranscriptionJobName),
      tags: tags.Tags,
      transcript: final.TranscriptionJobStatus === "COMPLETED" ? readTranscript(final.Transcript.TranscriptFileUri) : null,
    };
  },

  // A few refusals, and credentials the endpoint doesn't accept.
  async refusals(takenJob, mediaUri, bucket) {
    const answers = {};
    const attempt = async (name, call) => {
      try {
        await call();
        answers[name] = { code: "accepted" };
      } catch (e) {
        answers[name] = errorOf(e);
      }
    };
    const transcribe = client();
    await attempt("unknown job", () => transcribe.send(new GetMedicalTranscriptionJobCommand({ MedicalTranscriptionJobName: "no-such-job" })));
    await attempt("name taken", () => transcribe.send(new StartMedicalTranscriptionJobCommand({
      MedicalTranscriptionJobName: takenJob, LanguageCode: "en-US", Media: { MediaFileUri: mediaUri }, OutputBucketName: bucket,
      Specialty: "PRIMARYCARE", Type: "DICTATION",
    })));
    await attempt("wrong secret", () => client({ accessKeyId: process.env.AWS_ACCESS_KEY_ID, secretAccessKey: "not-the-secret" })
      .send(new ListMedicalTranscriptionJobsCommand({})));
    await attempt("unknown key", () => client({ accessKeyId: "AKIAUNKNOWNKEY000000", secretAccessKey: "whatever" })
      .send(new ListMedicalTranscriptionJobsCommand({})));
    return answers;
  },
};

const [scenario, ...args] = process.argv.slice(2);
try {
  console.log(JSON.stringify(await scenarios[scenario](...args), null, 1));
} catch (e) {
  console.error(`${scenario}: ${e.name}: ${e.message}`);
  process.exit(1);
}
