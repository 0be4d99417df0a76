namespace MedGrpc.Engines.Whisper;

/// <summary>The "MedGrpc:Whisper" section: the Whisper engine (MedGrpc:Engine = whisper), through Whisper.net and whisper.cpp.</summary>
public sealed class WhisperOptions
{
    public const string Section = "MedGrpc:Whisper";

    /// <summary>The model this engine was built for when none is named: the accuracy-first choice of issue 7.</summary>
    public const string DefaultModel = "large-v3-turbo";

    /// <summary>
    /// The ggml model file (whisper.cpp's format). Relative paths are from the working directory, as
    /// `medgrpc models download NAME` (default folder models/whisper) writes them from its own.
    /// </summary>
    public string ModelPath { get; set; } = Path.Combine("models", "whisper", $"ggml-{DefaultModel}.bin");

    /// <summary>Threads whisper.cpp uses per recognition; 0: the cores shared out among the decoders (MedGrpc:Decoders).</summary>
    public int Threads { get; set; }

    /// <summary>Beam search width (whisper.cpp's default is 5); 1 or less decodes greedily.</summary>
    public int BeamSize { get; set; } = 5;

    /// <summary>Ask whisper.cpp for the GPU when the runtime has one (Whisper.net.Runtime.Cuda); the CPU runtime ignores it.</summary>
    public bool UseGpu { get; set; } = true;

    /// <summary>
    /// The spoken language, fixed: medical jobs are en-US only. Not bound from configuration, so that no
    /// setting can make the engine detect or translate another language.
    /// </summary>
    public string Language => "en";

    public string ModelFullPath => Path.GetFullPath(ModelPath);
}
