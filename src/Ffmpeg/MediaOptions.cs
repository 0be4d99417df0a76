namespace MedGrpc.Ffmpeg;

/// <summary>The "MedGrpc:Media" section: how media is turned into the engines' PCM.</summary>
public sealed class MediaOptions
{
    public const string Section = "MedGrpc:Media";

    /// <summary>
    /// An ffmpeg audio filter run on the 16 kHz mono PCM of a noisy recording before recognition (see
    /// <see cref="NoiseReductionBelowSpreadDb"/>), to take out steady background noise; empty for none. The default,
    /// ffmpeg's FFT denoiser with noise tracking, was chosen on the tuning half of the development dictations mixed
    /// with pink noise (docs/engines.md, "Background noise").
    /// </summary>
    public string NoiseReduction { get; set; } = DefaultNoiseReduction;

    /// <summary>
    /// The filter runs on a recording (a channel, with channel identification) whose loud frames stand less than this
    /// many dB above its quiet ones (Core/Media/LevelSpread): about 20 dB of signal-to-noise ratio or worse. 0: never.
    /// </summary>
    public double NoiseReductionBelowSpreadDb { get; set; } = 28;

    public const string DefaultNoiseReduction = "afftdn=nr=10:nf=-40:tn=1";
}
