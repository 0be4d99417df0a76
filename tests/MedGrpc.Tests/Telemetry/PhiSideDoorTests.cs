using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using MedGrpc.Client;
using MedGrpc.Tests.Support;
using MedGrpc.Transcribe.V1;
using Microsoft.Extensions.Logging;

namespace MedGrpc.Tests.Telemetry;

/// <summary>
/// PHI never leaves through the side doors: PHI-heavy jobs (spoken names, a date, a phone number; PHI identification
/// on; a custom vocabulary) run with every log category at Trace and every activity source and meter listened to, and
/// nothing the service emitted (log text with its structured values and exceptions, span names, tags and events,
/// metric instruments and tags) holds the transcript's text, a PHI entity, a spoken PHI string or the vocabulary's phrase.
/// </summary>
public sealed class PhiSideDoorTests : IAsyncLifetime
{
    // What the recording says: PHI a log must never hold, whether or not PocketSphinx hears it right.
    private const string Sentence =
        "patient jonathan miller was born on march third nineteen fifty two. his phone number is five five five one two three four. " +
        "he takes mavacamten daily and lives on oakwood avenue.";
    private static readonly string[] SpokenPhi = ["jonathan", "miller", "march third", "nineteen fifty two", "five five five", "oakwood", "mavacamten"];

    private readonly CapturedLogs _logs = new();
    private readonly ConcurrentQueue<string> _spans = new();
    private readonly ConcurrentQueue<string> _metrics = new();
    private readonly ActivityListener _activities;
    private readonly MeterListener _meters = new();
    private TestServer _server = null!;

    public PhiSideDoorTests()
    {
        _activities = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => _spans.Enqueue(string.Join(" ",
                [a.Source.Name, a.DisplayName, a.OperationName, a.StatusDescription ?? "",
                 .. a.TagObjects.Select(t => $"{t.Key}={t.Value}"),
                 .. a.Events.Select(e => $"{e.Name} {string.Join(" ", e.Tags.Select(t => $"{t.Key}={t.Value}"))}"),
                 .. a.Baggage.Select(b => $"{b.Key}={b.Value}")])),
        };
        ActivitySource.AddActivityListener(_activities);
        _meters.InstrumentPublished = (instrument, listener) => listener.EnableMeasurementEvents(instrument);
        void Record<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? _) where T : struct =>
            _metrics.Enqueue($"{instrument.Meter.Name} {instrument.Name} {instrument.Unit} {instrument.Description} {value} {string.Join(" ", tags.ToArray().Select(t => $"{t.Key}={t.Value}"))}");
        _meters.SetMeasurementEventCallback<long>(Record);
        _meters.SetMeasurementEventCallback<int>(Record);
        _meters.SetMeasurementEventCallback<double>(Record);
        _meters.Start();
    }

    public async Task InitializeAsync()
    {
        _server = new TestServer(2, backend: TestBackend.Embedded, settings: ["--Logging:LogLevel:Default=Trace", "--Logging:LogLevel:Microsoft.AspNetCore=Trace"])
        {
            Configure = b => b.Logging.AddProvider(_logs),
        };
        await _server.StartAppAsync();
        _server.CreateBucket("out");
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _activities.Dispose();
        _meters.Dispose();
    }

    [Fact]
    public async Task No_transcript_text_PHI_or_vocabulary_phrase_reaches_logs_traces_or_metrics_at_Trace()
    {
        var vocabulary = await _server.CreateVocabularyAsync("side-door-vocabulary", "mavacamten\t\t\tMavacamten");
        Assert.Equal(VocabularyState.Ready, vocabulary.VocabularyState);
        var media = _server.PutFile("media", "side-door.wav", SpokenAudio.Say("side-door.wav", Sentence));
        var request = Requests.Dictation("side-door-job", media);
        request.ContentIdentificationType = ContentIdentificationType.Phi;
        request.Settings = new MedicalTranscriptionSetting { VocabularyName = "side-door-vocabulary" };

        var completed = await _server.Jobs.StartAndWaitAsync(request);
        await _server.Jobs.GetMedicalTranscriptionJobAsync(new GetMedicalTranscriptionJobRequest { MedicalTranscriptionJobName = "side-door-job" });
        _meters.RecordObservableInstruments();
        await _server.StopAppAsync(); // what the shutdown logs is searched too

        var transcript = completed.Transcript.Results.Transcripts.Single().Transcript;
        Assert.False(string.IsNullOrWhiteSpace(transcript));
        var words = transcript.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // The transcript as any run of four of its words (a log that held part of it), its PHI entities, what was said.
        var secrets = Enumerable.Range(0, Math.Max(1, words.Length - 3)).Select(i => string.Join(' ', words.Skip(i).Take(4)))
            .Concat(completed.Transcript.Results.Entities.Select(e => e.Content).Where(c => c.Length >= 4))
            .Concat(SpokenPhi)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        var emitted = _logs.Entries.Select(l => ("log", l.Text)).Concat(_spans.Select(s => ("trace", s))).Concat(_metrics.Select(m => ("metric", m))).ToList();
        Assert.Contains(_logs.Entries, l => l.Level is LogLevel.Trace or LogLevel.Debug); // the most verbose logging was on
        Assert.NotEmpty(_spans);
        Assert.NotEmpty(_metrics);

        var leaks = (from e in emitted
                     from secret in secrets
                     where e.Item2.Contains(secret, StringComparison.OrdinalIgnoreCase)
                     select $"{e.Item1}: '{secret}' in {e.Item2[..Math.Min(400, e.Item2.Length)]}").Take(20).ToList();
        Assert.True(leaks.Count == 0, string.Join("\n", leaks));
    }
}
