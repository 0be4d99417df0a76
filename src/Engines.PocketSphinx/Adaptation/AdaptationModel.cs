namespace MedGrpc.Engines.PocketSphinx;

/// <summary>
/// What sphinxtrain's bw needs of the acoustic model beyond Debian's files, made once per process into a folder of
/// its own (deleted on dispose): the model definition as text (bw cannot read the binary mdef Debian ships) and the
/// mixture weights (Debian ships the quantised sendump only, <see cref="MixtureWeights"/>). It also holds the
/// identity transform that puts an adapted decoder back as loaded.
/// </summary>
internal sealed class AdaptationModel : IDisposable
{
    private static readonly TimeSpan ToolLimit = TimeSpan.FromMinutes(1);
    // Debian's en-us model: three streams (cepstra, deltas, double deltas) of 13 coefficients (feat.params, -svspec).
    private const int Streams = 3;
    private const int StreamWidth = 13;

    public string AcousticModel { get; }
    public string Folder { get; }
    public string TextModelDefinition => Path.Combine(Folder, "mdef.txt");
    public string MixtureWeights => Path.Combine(Folder, "mixture_weights");
    public SpeakerTransform Identity { get; }

    public AdaptationModel(string acousticModel, CancellationToken ct)
    {
        AcousticModel = acousticModel;
        Folder = Directory.CreateTempSubdirectory("medgrpc-adaptation-model-").FullName;
        try
        {
            TrainingTool.Run("/usr/bin/pocketsphinx_mdef_convert", ["-text", Path.Combine(acousticModel, "mdef"), TextModelDefinition], ToolLimit, ct);
            var shipped = Path.Combine(acousticModel, "mixture_weights");
            if (File.Exists(shipped)) File.Copy(shipped, MixtureWeights);
            else PocketSphinx.MixtureWeights.FromSendump(Path.Combine(acousticModel, "sendump"), MixtureWeights);
            var identity = Path.Combine(Folder, "identity.mllr");
            File.WriteAllText(identity, SpeakerTransform.IdentityText(Streams, StreamWidth));
            Identity = SpeakerTransform.Read(identity);
        }
        catch
        {
            Directory.Delete(Folder, recursive: true);
            throw;
        }
    }

    public void Dispose()
    {
        Identity.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Left in the temp folder: nothing in it is about a job.
        }
    }
}
