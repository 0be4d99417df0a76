using System.Globalization;
using System.Text.Json;
using MedGrpc.Client;
using MedGrpc.Tests.Support;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Tests.Clinical;

/// <summary>PHI identification through the real server: a sentence spoken by flite, transcribed by PocketSphinx.</summary>
[Trait("Suite", "Integration")] // also run on the scale-out backend (scripts/test.sh)
public sealed class PhiIdentificationTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string Sentence = "the patient is a forty two year old man. his phone number is five five five one two three four.";

    private static readonly Lazy<string> Audio = new(() => SpokenAudio.Say("phi-sentence.wav", Sentence));

    [Fact]
    public async Task A_job_with_PHI_identification_returns_entities_whose_times_are_those_of_its_words()
    {
        var request = Requests.Dictation("phi-on", fixture.Server.PutFile("media", "phi-on.wav", Audio.Value));
        request.ContentIdentificationType = ContentIdentificationType.Phi;

        var completed = await fixture.Server.Jobs.StartAndWaitAsync(request);

        var entities = completed.Transcript.Results.Entities;
        Assert.NotEmpty(entities);
        var items = completed.Transcript.Results.Items.Where(i => i.Type == "pronunciation").ToList();
        foreach (var entity in entities)
        {
            Assert.Contains(entity.Category, new[] { "PHI-Personal", "PHI-Geographic", "PHI-Account", "PHI-Vehicle", "PHI-Other" });
            var first = items.FindIndex(i => double.Parse(i.StartTime, CultureInfo.InvariantCulture) == entity.StartTime);
            var last = items.FindLastIndex(i => double.Parse(i.EndTime, CultureInfo.InvariantCulture) == entity.EndTime);
            Assert.True(first >= 0 && last >= first, $"entity '{entity.Content}' {entity.StartTime}–{entity.EndTime} is not on its items' times");
            Assert.InRange(entity.Confidence, 0, 1);
        }
    }

    [Fact]
    public async Task A_job_without_PHI_identification_has_no_entities_field()
    {
        var completed = await fixture.Server.Jobs.StartAndWaitAsync(Requests.Dictation("phi-off", fixture.Server.PutFile("media", "phi-off.wav", Audio.Value)));

        var json = JsonDocument.Parse(fixture.Server.ReadObjectText("out", "phi-off.json")!).RootElement;
        Assert.False(json.GetProperty("results").TryGetProperty("entities", out _));
        Assert.Empty(completed.Transcript.Results.Entities);
    }
}
