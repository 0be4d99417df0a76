using System.Text.RegularExpressions;

namespace MedGrpc.Engines.Whisper;

/// <summary>
/// Where the Whisper engine's ggml model is and, when it is not there, what to say: the file and the
/// medgrpc command that downloads it. whisper.cpp's published models are named ggml-NAME.bin, which is
/// also what the download command writes, so the name is read back from the file name.
/// </summary>
public static partial class WhisperModelFile
{
    public static string FileName(string model) => $"ggml-{model}.bin";

    /// <summary>The published model name of a path such as models/whisper/ggml-base.en.bin, or null.</summary>
    public static string? ModelName(string path)
    {
        var match = PublishedName().Match(Path.GetFileName(path));
        return match.Success ? match.Groups[1].Value : null;
    }

    /// <summary>The command that puts the model at this path.</summary>
    public static string DownloadCommand(string fullPath)
    {
        var dir = Path.GetDirectoryName(fullPath) ?? ".";
        return ModelName(fullPath) is { } name
            ? $"medgrpc models download {name} --dir {dir}"
            : $"medgrpc models download NAME --dir {dir} (for example large-v3-turbo), then name the file in MedGrpc:Whisper:ModelPath";
    }

    /// <exception cref="FileNotFoundException">No file at the path: the message names it and the command that downloads it.</exception>
    public static void RequireExists(string fullPath)
    {
        if (File.Exists(fullPath)) return;
        throw new FileNotFoundException(
            $"The Whisper model file '{fullPath}' is missing (MedGrpc:Engine is whisper, MedGrpc:Whisper:ModelPath names it). " +
            $"On a host with internet, download it with: {DownloadCommand(fullPath)} — or set MedGrpc:Engine=pocketsphinx, which needs no download.",
            fullPath);
    }

    [GeneratedRegex(@"^ggml-([A-Za-z0-9._-]+)\.bin$")]
    private static partial Regex PublishedName();
}
