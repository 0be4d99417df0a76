using System.Security.Cryptography;
using System.Text;

namespace MedGrpc.Engines.PocketSphinx;

/// <summary>
/// What sphinxtrain's bw needs of the acoustic model beyond Debian's files: the model definition as text (bw cannot
/// read the binary mdef Debian ships) and the mixture weights (Debian ships the quantised sendump only,
/// <see cref="MixtureWeights"/>). Made once into a folder of the temp folder named for the model's files (about 8 MB,
/// nothing about any job), and reused by later processes: a service that is killed leaves no new copy behind at each
/// start. It is built beside and moved into place whole, so a reader never sees half of it. It also holds the identity
/// transform that puts an adapted decoder back as loaded.
/// </summary>
internal sealed class AdaptationModel : IDisposable
{
    private static readonly TimeSpan ToolLimit = TimeSpan.FromMinutes(1);
    // Debian's en-us model: three streams (cepstra, deltas, double deltas) of 13 coefficients (feat.params, -svspec).
    private const int Streams = 3;
    private const int StreamWidth = 13;
    private const string Prefix = "medgrpc-adaptation-model-";

    public string Folder { get; }
    public string TextModelDefinition => Path.Combine(Folder, "mdef.txt");
    public string MixtureWeights => Path.Combine(Folder, "mixture_weights");
    private string IdentityPath => Path.Combine(Folder, "identity.mllr");
    public SpeakerTransform Identity { get; }

    public AdaptationModel(string acousticModel, CancellationToken ct)
    {
        Folder = Path.Combine(Path.GetTempPath(), Prefix + Key(acousticModel));
        if (!File.Exists(IdentityPath)) Build(acousticModel, ct);
        Identity = SpeakerTransform.Read(IdentityPath);
    }

    private void Build(string acousticModel, CancellationToken ct)
    {
        var building = Directory.CreateTempSubdirectory(Prefix + "new-").FullName;
        try
        {
            TrainingTool.Run("/usr/bin/pocketsphinx_mdef_convert", ["-text", Path.Combine(acousticModel, "mdef"), Path.Combine(building, "mdef.txt")], ToolLimit, ct);
            var shipped = Path.Combine(acousticModel, "mixture_weights");
            var weights = Path.Combine(building, "mixture_weights");
            if (File.Exists(shipped)) File.Copy(shipped, weights);
            else PocketSphinx.MixtureWeights.FromSendump(Path.Combine(acousticModel, "sendump"), weights);
            // Written last: its presence says the folder is complete.
            File.WriteAllText(Path.Combine(building, "identity.mllr"), SpeakerTransform.IdentityText(Streams, StreamWidth));
            try
            {
                Directory.Move(building, Folder);
            }
            catch (IOException) when (File.Exists(IdentityPath))
            {
                // Another process (or a stale incomplete copy's cleaner) got there first: its copy is as good.
            }
        }
        finally
        {
            if (Directory.Exists(building)) Directory.Delete(building, recursive: true);
        }
    }

    /// <summary>The model's folder and its files' sizes and times: a changed model gets files of its own.</summary>
    private static string Key(string acousticModel)
    {
        var identity = new StringBuilder(Path.GetFullPath(acousticModel));
        foreach (var name in new[] { "mdef", "sendump", "mixture_weights" })
        {
            var file = new FileInfo(Path.Combine(acousticModel, name));
            if (file.Exists) identity.Append('|').Append(name).Append(file.Length).Append('@').Append(file.LastWriteTimeUtc.Ticks);
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity.ToString())))[..16];
    }

    public void Dispose() => Identity.Dispose();
}
