namespace MedGrpc.Ffmpeg;

/// <summary>The "MedGrpc:Media" section: how media is turned into the engines' PCM.</summary>
public sealed class MediaOptions
{
    public const string Section = "MedGrpc:Media";

    /// <summary>
    /// An ffmpeg audio filter run on the 16 kHz mono PCM before recognition, to take out steady background noise;
    /// empty for none. The default, ffmpeg's FFT denoiser with noise tracking, was chosen on the tuning half of the
    /// development dictations mixed with pink noise and checked on clean speech (docs/engines.md, "Noise").
    /// </summary>
    public string NoiseReduction { get; set; } = DefaultNoiseReduction;

    public const string DefaultNoiseReduction = "afftdn=nr=12:nf=-35:tn=1";
}
