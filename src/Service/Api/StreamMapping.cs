using System.Globalization;
using MedGrpc.Core.Model;
using MedGrpc.Core.Streaming;
using TranscriptItem = MedGrpc.Core.Transcripts.TranscriptItem;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Service.Api;

/// <summary>StreamTranscription's messages ↔ the domain.</summary>
public static class StreamMapping
{
    public static StreamRequest ToDomain(StreamSettings settings) => new()
    {
        LanguageCode = AwsEnumNames.ToAws(settings.LanguageCode),
        MediaSampleRateHertz = settings.MediaSampleRateHertz != 0 ? settings.MediaSampleRateHertz : null,
        MediaEncoding = AwsEnumNames.ToAws(settings.MediaEncoding),
        Specialty = AwsEnumNames.ToAws(settings.Specialty),
        Type = AwsEnumNames.ToAws(settings.Type),
        VocabularyName = settings.HasVocabularyName ? settings.VocabularyName : null,
        ShowSpeakerLabel = settings.HasShowSpeakerLabel ? settings.ShowSpeakerLabel : null,
        EnableChannelIdentification = settings.HasEnableChannelIdentification ? settings.EnableChannelIdentification : null,
        NumberOfChannels = settings.HasNumberOfChannels ? settings.NumberOfChannels : null,
        ContentIdentificationType = AwsEnumNames.ToAws(settings.ContentIdentificationType),
        SessionId = settings.HasSessionId ? settings.SessionId : null,
        OutputBucketName = settings.HasOutputBucketName ? settings.OutputBucketName : null,
        OutputKey = settings.HasOutputKey ? settings.OutputKey : null,
        MedicalTranscriptionJobName = settings.HasMedicalTranscriptionJobName ? settings.MedicalTranscriptionJobName : null,
    };

    public static StreamSession ToSession(LiveStream stream)
    {
        var request = stream.Request;
        var session = new StreamSession
        {
            SessionId = stream.SessionId,
            LanguageCode = AwsEnumNames.ToLanguageCode(request.LanguageCode),
            MediaSampleRateHertz = request.MediaSampleRateHertz ?? 0,
            MediaEncoding = AwsEnumNames.ToMediaEncoding(request.MediaEncoding),
            Specialty = AwsEnumNames.ToSpecialty(request.Specialty),
            Type = AwsEnumNames.ToJobType(request.Type),
            ShowSpeakerLabel = request.ShowSpeakerLabel == true,
            EnableChannelIdentification = request.EnableChannelIdentification == true,
            NumberOfChannels = request.NumberOfChannels ?? 0,
            ContentIdentificationType = AwsEnumNames.ToContentIdentificationType(request.ContentIdentificationType),
        };
        if (request.VocabularyName is { } vocabulary) session.VocabularyName = vocabulary;
        if (stream.Recording?.Job is { } job)
        {
            session.OutputBucketName = job.OutputBucketName;
            if (job.OutputKey is { } key) session.OutputKey = key;
            session.MedicalTranscriptionJobName = job.MedicalTranscriptionJobName;
        }
        return session;
    }

    public static MedicalTranscriptEvent ToEvent(StreamResult result)
    {
        var alternative = new MedicalAlternative { Transcript = result.Transcript };
        var wordEnd = 0.0;
        foreach (var item in result.Items)
        {
            var mapped = ToItem(item, wordEnd);
            wordEnd = mapped.EndTime;
            alternative.Items.Add(mapped);
        }
        alternative.Entities.AddRange(result.Entities.Select(e => new MedicalEntity
        {
            StartTime = e.StartTime,
            EndTime = e.EndTime,
            Category = e.Category,
            Content = e.Content,
            Confidence = e.Confidence,
        }));
        var proto = new MedicalResult
        {
            ResultId = result.ResultId,
            StartTime = result.StartTime,
            EndTime = result.EndTime,
            IsPartial = result.IsPartial,
            Alternatives = { alternative },
        };
        if (result.ChannelId is { } channel) proto.ChannelId = channel;
        return new MedicalTranscriptEvent { Transcript = new MedicalStreamTranscript { Results = { proto } } };
    }

    // A punctuation item has no times of its own: it takes the end of the word before it, as AWS's streams write it.
    private static MedicalItem ToItem(TranscriptItem item, double wordEnd)
    {
        var proto = new MedicalItem
        {
            StartTime = item.StartTime is { } start ? Seconds(start) : wordEnd,
            EndTime = item.EndTime is { } end ? Seconds(end) : wordEnd,
            Type = item.Type,
            Content = item.Alternatives[0].Content,
            Confidence = item.Type == TranscriptItem.Pronunciation ? double.Parse(item.Alternatives[0].Confidence, CultureInfo.InvariantCulture) : 0,
        };
        if (item.SpeakerLabel is { } speaker) proto.Speaker = speaker;
        return proto;
    }

    private static double Seconds(string time) => double.Parse(time, CultureInfo.InvariantCulture);
}
