using System.Text.RegularExpressions;

namespace MedGrpc.Cli.Models;

/// <summary>
/// whisper.cpp's published ggml models: where they are downloaded from and the checksum whisper.cpp
/// publishes for each. whisper.cpp publishes SHA-1 (the "Available models" table of
/// https://github.com/ggml-org/whisper.cpp/blob/master/models/README.md, copied here as published); a SHA-256 can be given on the command line as well
/// (--sha256, e.g. from the file's page on Hugging Face), and a model without a published checksum
/// needs one.
/// </summary>
internal static partial class ModelCatalog
{
    /// <summary>whisper.cpp's own model repository, as its download-ggml-model.sh uses it.</summary>
    public const string DefaultBaseUrl = "https://huggingface.co/ggerganov/whisper.cpp/resolve/main/";

    public const string DefaultDir = "models/whisper";

    public static readonly IReadOnlyDictionary<string, string> PublishedSha1 = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["tiny"] = "bd577a113a864445d4c299885e0cb97d4ba92b5f",
        ["tiny.en"] = "c78c86eb1a8faa21b369bcd33207cc90d64ae9df",
        ["base"] = "465707469ff3a37a2b9b8d8f89f2f99de7299dac",
        ["base.en"] = "137c40403d78fd54d454da0f9bd998f78703390c",
        ["small"] = "55356645c2b361a969dfd0ef2c5a50d530afd8d5",
        ["small.en"] = "db8a495a91d927739e50b3fc1cc4c6b8f6c2d022",
        ["small.en-tdrz"] = "b6c6e7e89af1a35c08e6de56b66ca6a02a2fdfa1",
        ["medium"] = "fd9727b6e1217c2f614f9b698455c4ffd82463b4",
        ["medium.en"] = "8c30f0e44ce9560643ebd10bbe50cd20eafd3723",
        ["large-v1"] = "b1caaf735c4cc1429223d5a74f0f4d0b9b59a299",
        ["large-v2"] = "0f4c8e34f21cf1a914c59d8b3ce882345ad349d6",
        ["large-v2-q5_0"] = "00e39f2196344e901b3a2bd5814807a769bd1630",
        ["large-v3"] = "ad82bf6a9043ceed055076d0fd39f5f186ff8062",
        ["large-v3-q5_0"] = "e6e2ed78495d403bef4b7cff42ef4aaadcfea8de",
        ["large-v3-turbo"] = "4af2b29d7ec73d781377bfd1758ca957a807e941",
        ["large-v3-turbo-q5_0"] = "e050f7970618a659205450ad97eb95a18d69c9ee",
    };

    /// <summary>The file whisper.cpp publishes the model as, which is also the name the service looks for.</summary>
    public static string FileName(string model) => $"ggml-{model}.bin";

    /// <summary>A model name is a file name's middle: letters, digits, '.', '-', '_' (never a path).</summary>
    public static bool IsValidName(string model) => ValidName().IsMatch(model);

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex ValidName();
}
