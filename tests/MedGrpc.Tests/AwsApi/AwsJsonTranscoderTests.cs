using System.Text;
using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using MedGrpc.Core.Errors;
using MedGrpc.Service.AwsApi;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Tests.AwsApi;

/// <summary>The transcoder alone: AWS JSON to the proto request and the proto response to AWS JSON.</summary>
public sealed class AwsJsonTranscoderTests
{
    private static T Read<T>(string json) where T : Google.Protobuf.IMessage<T>, new() =>
        (T)AwsJsonReader.Read(new T().Descriptor, "Operation", Encoding.UTF8.GetBytes(json));

    [Fact]
    public void A_member_given_false_is_set_and_one_left_out_or_null_is_not()
    {
        var request = Read<StartMedicalTranscriptionJobRequest>("""{"Settings": {"ShowAlternatives": false, "MaxAlternatives": null}}""");

        Assert.True(request.Settings.HasShowAlternatives);
        Assert.False(request.Settings.ShowAlternatives);
        Assert.False(request.Settings.HasMaxAlternatives);
        Assert.False(request.Settings.HasChannelIdentification);
        Assert.False(request.HasOutputKey);
    }

    [Fact]
    public void Enums_maps_lists_and_acronyms_read_by_their_AWS_names()
    {
        var request = Read<StartMedicalTranscriptionJobRequest>("""
            {"LanguageCode": "en-US", "MediaFormat": "wav", "Type": "CONVERSATION", "OutputEncryptionKMSKeyId": "key-1",
             "KMSEncryptionContext": {"clinic": "north"}, "Tags": [{"Key": "a", "Value": ""}], "MediaSampleRateHertz": 16000}
            """);

        Assert.Equal(LanguageCode.EnUs, request.LanguageCode);
        Assert.Equal(MediaFormat.Wav, request.MediaFormat);
        Assert.Equal(MedicalJobType.Conversation, request.Type);
        Assert.Equal("key-1", request.OutputEncryptionKmsKeyId);
        Assert.Equal("north", request.KmsEncryptionContext["clinic"]);
        Assert.Equal(("a", ""), (request.Tags.Single().Key, request.Tags.Single().Value));
        Assert.Equal(16000, request.MediaSampleRateHertz);
    }

    [Fact]
    public void A_member_path_in_an_error_is_AWS_camelCase_with_list_positions()
    {
        var e = Assert.Throws<ServiceException>(() => Read<StartMedicalTranscriptionJobRequest>("""{"Tags": [{"Key": "a"}, {"Key": 7}]}"""));

        Assert.Equal(AwsError.BadRequestException, e.Error);
        Assert.Equal("tags.2.member.key", e.Violations.Single().Field);
    }

    // Found by the fuzz bench: a lone surrogate escape parses as JSON and throws only when the string is read.
    [Theory]
    [InlineData("""{"\ud800": 1}""")]
    [InlineData("""{"MedicalTranscriptionJobName": "a\udc00b"}""")]
    public void A_lone_surrogate_escape_is_a_malformed_body(string json)
    {
        var e = Assert.Throws<ServiceException>(() => Read<GetMedicalTranscriptionJobRequest>(json));
        Assert.Equal(AwsError.BadRequestException, e.Error);
        Assert.Contains("isn't valid Unicode", e.Message);
    }

    [Fact]
    public void A_response_is_written_with_AWS_names_epoch_seconds_and_no_unset_member()
    {
        var response = new GetMedicalTranscriptionJobResponse
        {
            MedicalTranscriptionJob = new MedicalTranscriptionJob
            {
                MedicalTranscriptionJobName = "j",
                TranscriptionJobStatus = TranscriptionJobStatus.InProgress,
                LanguageCode = LanguageCode.EnUs,
                MediaFormat = MediaFormat.M4A,
                CreationTime = Timestamp.FromDateTimeOffset(DateTimeOffset.FromUnixTimeMilliseconds(1765016100123)),
                Settings = new MedicalTranscriptionSetting { ChannelIdentification = false },
                Transcript = new MedicalTranscript(),
            },
        };

        using var json = JsonDocument.Parse(AwsJsonWriter.Write(response));

        var job = json.RootElement.GetProperty("MedicalTranscriptionJob");
        Assert.Equal(
            ["MedicalTranscriptionJobName", "TranscriptionJobStatus", "LanguageCode", "MediaFormat", "Transcript", "CreationTime", "Settings"],
            job.EnumerateObject().Select(p => p.Name));
        Assert.Equal("IN_PROGRESS", job.GetProperty("TranscriptionJobStatus").GetString());
        Assert.Equal("m4a", job.GetProperty("MediaFormat").GetString());
        Assert.Equal(1765016100.123m, job.GetProperty("CreationTime").GetDecimal());
        Assert.False(job.GetProperty("Settings").GetProperty("ChannelIdentification").GetBoolean());
        Assert.Empty(job.GetProperty("Transcript").EnumerateObject());
    }

    [Fact]
    public void A_list_response_sends_its_empty_list_and_a_resource_leaves_its_empty_list_out()
    {
        using var list = JsonDocument.Parse(AwsJsonWriter.Write(new ListMedicalTranscriptionJobsResponse()));
        using var job = JsonDocument.Parse(AwsJsonWriter.Write(new GetMedicalTranscriptionJobResponse { MedicalTranscriptionJob = new MedicalTranscriptionJob { MedicalTranscriptionJobName = "j" } }));

        Assert.Equal("""{"MedicalTranscriptionJobSummaries":[]}""", list.RootElement.GetRawText());
        Assert.False(job.RootElement.GetProperty("MedicalTranscriptionJob").TryGetProperty("Tags", out _));
    }
}
