using System.Globalization;

namespace MedGrpc.Core.Transcripts;

/// <summary>How AWS writes times and confidences in a transcript: invariant strings, seconds to the millisecond.</summary>
public static class TranscriptNumbers
{
    public static string Time(double seconds) => Math.Round(seconds, 3).ToString("0.0##", CultureInfo.InvariantCulture);

    public static string Confidence(double confidence) => Math.Round(confidence, 4).ToString("0.0###", CultureInfo.InvariantCulture);
}
