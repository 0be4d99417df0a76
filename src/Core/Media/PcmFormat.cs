namespace MedGrpc.Core.Media;

/// <summary>The one audio format engines receive: what the en-US acoustic model was trained on.</summary>
public static class PcmFormat
{
    public const int SampleRate = 16000;
    public const int BytesPerSample = 2;
    public const int BytesPerSecond = SampleRate * BytesPerSample;
}
