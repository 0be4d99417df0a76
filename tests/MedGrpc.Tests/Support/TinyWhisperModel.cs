using System.Buffers.Binary;
using System.Text;

namespace MedGrpc.Tests.Support;

/// <summary>
/// Writes a whisper.cpp ggml model small enough to make in a test (about 8 MB): the real file format
/// and architecture with tiny dimensions (1 encoder and 1 decoder layer of width 64) and seeded random
/// weights. It loads and decodes through the real native runtime exactly as a published model does, so a
/// test pins the pipeline (load, decode, timestamps, mapping to items), never accuracy: what it "hears"
/// is noise.
/// <para>
/// The layout is whisper.cpp's (whisper_model_load in https://github.com/ggml-org/whisper.cpp/blob/master/src/whisper.cpp;
/// https://github.com/ggml-org/whisper.cpp/blob/master/models/convert-pt-to-ggml.py): the
/// magic, eleven int32 hyperparameters, the mel filter bank, the vocabulary, then each tensor as
/// n_dims, name length, type, its dimensions (innermost first) and name, then its data. n_vocab is
/// 51864, the English-only layout: 50256 text tokens in the file, and whisper.cpp adds the special ones
/// (end of text at 50256, timestamps from 50364) itself. n_audio_ctx stays 1500 and n_mels 80, since
/// whisper.cpp cuts audio into 30-second windows of 3000 mel frames.
/// </para>
/// </summary>
public static class TinyWhisperModel
{
    private const uint GgmlMagic = 0x67676d6c;
    private const int Vocabulary = 51864;
    private const int TextTokens = 50256;
    private const int AudioContext = 1500;
    private const int TextContext = 448;
    private const int Mels = 80;
    private const int FftBins = 201; // n_fft 400 at 16 kHz
    private const int F32 = 0;
    private const int F16 = 1;

    private static readonly Lazy<string> SharedFile = new(() =>
    {
        var dir = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "medgrpc-tests")).FullName;
        var path = Write(Path.Combine(dir, $"ggml-tiny-random-{Environment.ProcessId}.bin"));
        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(path);
        return path;
    });

    /// <summary>One model for every test of the run, written once (it is never changed by a test).</summary>
    public static string Shared => SharedFile.Value;

    /// <summary>Writes the model to a new file and returns its path.</summary>
    public static string Write(string path, int seed = 7, int width = 64, int heads = 1, int layers = 1)
    {
        var random = new Random(seed);
        using var file = new BinaryWriter(File.Create(path));
        file.Write(GgmlMagic);
        // n_vocab, n_audio_ctx, n_audio_state, n_audio_head, n_audio_layer, n_text_ctx, n_text_state, n_text_head, n_text_layer, n_mels, ftype (1: F16 weights)
        foreach (var value in new[] { Vocabulary, AudioContext, width, heads, layers, TextContext, width, heads, layers, Mels, F16 })
            file.Write(value);

        file.Write(Mels);
        file.Write(FftBins);
        foreach (var weight in MelFilterBank()) file.Write(weight);

        var tokens = Tokens();
        file.Write(tokens.Count);
        foreach (var token in tokens)
        {
            var bytes = Encoding.ASCII.GetBytes(token);
            file.Write(bytes.Length);
            file.Write(bytes);
        }

        void Tensor(string name, int type, params int[] dims)
        {
            var nameBytes = Encoding.ASCII.GetBytes(name);
            file.Write(dims.Length);
            file.Write(nameBytes.Length);
            file.Write(type);
            foreach (var dim in dims) file.Write(dim);
            file.Write(nameBytes);
            var count = dims.Aggregate(1, (a, b) => a * b);
            // Layer norms scale by about 1; every other weight is small, as a trained model's are.
            var center = name.EndsWith("ln.weight", StringComparison.Ordinal) || name.EndsWith("ln_post.weight", StringComparison.Ordinal) ? 1f : 0f;
            var data = new byte[count * (type == F16 ? 2 : 4)];
            for (var i = 0; i < count; i++)
            {
                var value = center + (random.NextSingle() * 2 - 1) * 0.05f;
                if (type == F16) BinaryPrimitives.WriteHalfLittleEndian(data.AsSpan(i * 2), (Half)value);
                else BinaryPrimitives.WriteSingleLittleEndian(data.AsSpan(i * 4), value);
            }
            file.Write(data);
        }

        Tensor("encoder.positional_embedding", F32, width, AudioContext);
        Tensor("encoder.conv1.weight", F16, 3, Mels, width);
        Tensor("encoder.conv1.bias", F32, 1, width);
        Tensor("encoder.conv2.weight", F16, 3, width, width);
        Tensor("encoder.conv2.bias", F32, 1, width);
        Tensor("encoder.ln_post.weight", F32, width);
        Tensor("encoder.ln_post.bias", F32, width);
        for (var i = 0; i < layers; i++) Block(Tensor, $"encoder.blocks.{i}.", width, cross: false);

        Tensor("decoder.positional_embedding", F32, width, TextContext);
        Tensor("decoder.token_embedding.weight", F16, width, Vocabulary);
        Tensor("decoder.ln.weight", F32, width);
        Tensor("decoder.ln.bias", F32, width);
        for (var i = 0; i < layers; i++) Block(Tensor, $"decoder.blocks.{i}.", width, cross: true);
        return path;
    }

    /// <summary>One transformer block's tensors: self-attention, MLP and, in the decoder, cross-attention.</summary>
    private static void Block(Action<string, int, int[]> tensor, string prefix, int width, bool cross)
    {
        string[] attentions = cross ? ["attn", "cross_attn"] : ["attn"];
        tensor(prefix + "mlp_ln.weight", F32, [width]);
        tensor(prefix + "mlp_ln.bias", F32, [width]);
        tensor(prefix + "mlp.0.weight", F16, [width, 4 * width]);
        tensor(prefix + "mlp.0.bias", F32, [4 * width]);
        tensor(prefix + "mlp.2.weight", F16, [4 * width, width]);
        tensor(prefix + "mlp.2.bias", F32, [width]);
        foreach (var attention in attentions)
        {
            tensor($"{prefix}{attention}_ln.weight", F32, [width]);
            tensor($"{prefix}{attention}_ln.bias", F32, [width]);
            tensor($"{prefix}{attention}.query.weight", F16, [width, width]);
            tensor($"{prefix}{attention}.query.bias", F32, [width]);
            tensor($"{prefix}{attention}.key.weight", F16, [width, width]); // keys have no bias in Whisper
            tensor($"{prefix}{attention}.value.weight", F16, [width, width]);
            tensor($"{prefix}{attention}.value.bias", F32, [width]);
            tensor($"{prefix}{attention}.out.weight", F16, [width, width]);
            tensor($"{prefix}{attention}.out.bias", F32, [width]);
        }
    }

    /// <summary>
    /// 50256 distinct ASCII tokens shaped like byte-level BPE's: single characters, then letter pairs and
    /// triples with and without a leading space (a leading space starts a word), so that any English
    /// prompt can be tokenized and anything decoded is printable.
    /// </summary>
    private static List<string> Tokens()
    {
        var tokens = new List<string>(TextTokens);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Add(string token)
        {
            if (tokens.Count < TextTokens && seen.Add(token)) tokens.Add(token);
        }
        for (var c = '!'; c <= '~'; c++) Add(c.ToString());
        Add(" ");
        const string letters = "abcdefghijklmnopqrstuvwxyz";
        IEnumerable<string> Strings(int length) => length == 1
            ? letters.Select(c => c.ToString())
            : Strings(length - 1).SelectMany(s => letters.Select(c => s + c));
        foreach (var length in new[] { 1, 2, 3 })
            foreach (var s in Strings(length))
            {
                Add(" " + s);
                Add(s);
                Add(" " + char.ToUpperInvariant(s[0]) + s[1..]);
            }
        if (tokens.Count != TextTokens) throw new InvalidOperationException($"made {tokens.Count} tokens, not {TextTokens}");
        return tokens;
    }

    /// <summary>80 triangular mel filters over 201 FFT bins, Slaney-scaled and area-normalised as librosa makes Whisper's.</summary>
    private static float[] MelFilterBank()
    {
        const double linearStep = 200.0 / 3; // Hz per mel below 1 kHz
        var logStep = Math.Log(6.4) / 27;
        double ToMel(double hz) => hz < 1000 ? hz / linearStep : 15 + Math.Log(hz / 1000) / logStep;
        double ToHz(double mel) => mel < 15 ? mel * linearStep : 1000 * Math.Exp((mel - 15) * logStep);
        var top = ToMel(8000);
        var edges = Enumerable.Range(0, Mels + 2).Select(i => ToHz(top * i / (Mels + 1))).ToArray();
        var bank = new float[Mels * FftBins];
        for (var m = 0; m < Mels; m++)
            for (var k = 0; k < FftBins; k++)
            {
                var hz = k * 16000.0 / 400;
                var rising = (hz - edges[m]) / (edges[m + 1] - edges[m]);
                var falling = (edges[m + 2] - hz) / (edges[m + 2] - edges[m + 1]);
                bank[m * FftBins + k] = (float)(Math.Max(0, Math.Min(rising, falling)) * 2 / (edges[m + 2] - edges[m]));
            }
        return bank;
    }
}
