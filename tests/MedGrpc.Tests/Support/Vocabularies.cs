using MedGrpc.Transcribe.V1;

namespace MedGrpc.Tests.Support;

/// <summary>Vocabulary files in a bucket and vocabularies followed to the end of PENDING.</summary>
public static class Vocabularies
{
    public const string Header = "Phrase\tIPA\tSoundsLike\tDisplayAs";

    /// <summary>Writes the table (header first, rows as given, LF endings) into the bucket and returns its s3:// URI.</summary>
    public static string PutTable(this TestServer server, string key, params string[] rows)
    {
        return server.PutBytes("media", key, System.Text.Encoding.UTF8.GetBytes(string.Join('\n', [Header, .. rows]) + "\n"));
    }

    public static CreateMedicalVocabularyRequest Create(string name, string fileUri) => new()
    {
        VocabularyName = name,
        LanguageCode = LanguageCode.EnUs,
        VocabularyFileUri = fileUri,
    };

    /// <summary>Polls Get until the vocabulary is no longer PENDING (AWS has no watch for vocabularies).</summary>
    public static Task<GetMedicalVocabularyResponse> WaitUntilSettledAsync(this TestServer server, string name, TimeSpan? timeout = null) =>
        server.Jobs.WaitUntilSettledAsync(name, timeout);

    /// <summary>As above, through a client of its own (another account's, say).</summary>
    public static async Task<GetMedicalVocabularyResponse> WaitUntilSettledAsync(this MedicalTranscription.MedicalTranscriptionClient client, string name, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var vocabulary = await client.GetMedicalVocabularyAsync(new GetMedicalVocabularyRequest { VocabularyName = name });
            if (vocabulary.VocabularyState != VocabularyState.Pending) return vocabulary;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"vocabulary {name} still PENDING");
            await Task.Delay(50);
        }
    }

    /// <summary>Creates the vocabulary from the rows and waits until it is READY or FAILED.</summary>
    public static async Task<GetMedicalVocabularyResponse> CreateVocabularyAsync(this TestServer server, string name, params string[] rows)
    {
        await server.Jobs.CreateMedicalVocabularyAsync(Create(name, server.PutTable($"vocabularies/{name}.txt", rows)));
        return await server.WaitUntilSettledAsync(name);
    }
}
