using MedGrpc.Core.Model;
using MedGrpc.Core.Ports;

namespace MedGrpc.Tests.Storage;

/// <summary>What every vocabulary store promises about List; each store's test class runs these against the real thing.</summary>
public abstract class VocabularyStoreContract : IAsyncLifetime
{
    private IVocabularyStore _store = null!;
    private static readonly DateTimeOffset T0 = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private const string Account = "111122223333";

    /// <summary>A store over empty storage of its own.</summary>
    protected abstract Task<IVocabularyStore> CreateAsync();

    public virtual async Task InitializeAsync() => _store = await CreateAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    private static Vocabulary NewVocabulary(string name, int minute) => new()
    {
        AccountId = Account,
        Name = name,
        LanguageCode = "en-US",
        FileUri = $"s3://media/{name}.txt",
        State = VocabularyState.Ready,
        CreationTime = T0.AddMinutes(minute),
        LastModifiedTime = T0.AddMinutes(minute),
    };

    [Fact]
    public async Task List_orders_by_creation_newest_first_whatever_was_updated_since()
    {
        for (var i = 0; i < 3; i++) await _store.TryInsertAsync(NewVocabulary($"vocabulary-{i}", i), default);
        var oldest = NewVocabulary("vocabulary-0", 0);
        await _store.UpdateAsync(oldest with { State = VocabularyState.Pending, LastModifiedTime = T0.AddMinutes(10) }, default);

        var page = await _store.ListAsync(Account, new VocabularyQuery(null, null, null, null), null, default);

        Assert.Equal(["vocabulary-2", "vocabulary-1", "vocabulary-0"], page.Items.Select(v => v.Name));
    }
}
