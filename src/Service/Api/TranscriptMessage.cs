using Google.Protobuf;
using MedGrpc.Transcribe.V1;

namespace MedGrpc.Service.Api;

/// <summary>
/// The transcript JSON object in the bucket as a <see cref="Transcript"/> message: parsed from the very JSON, so both
/// always agree. Protobuf's JSON parser accepts both the AWS camelCase names (jobName) and the snake_case ones (start_time).
/// </summary>
public static class TranscriptMessage
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    public static Transcript Parse(string json)
    {
        Transcript transcript;
        try
        {
            transcript = Parser.Parse<Transcript>(json);
        }
        catch (InvalidProtocolBufferException e)
        {
            // The service's own object: unreadable is its fault, never the caller's (ErrorInterceptor reads this exception as a bad request body).
            throw new InvalidOperationException("The transcript object isn't the transcript JSON layout.", e);
        }
        // AWS writes the items of alternative segments flat (confidence and content beside the times); gRPC clients
        // written before that read them nested, as in results.items, so the message carries both shapes there.
        foreach (var item in transcript.Results?.Segments.SelectMany(s => s.Alternatives).SelectMany(a => a.Items) ?? [])
            if (item.HasContent && item.Alternatives.Count == 0)
                item.Alternatives.Add(new ItemAlternative { Confidence = item.Confidence, Content = item.Content });
        return transcript;
    }
}
