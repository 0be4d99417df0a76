using MedGrpc.Core.Model;

namespace MedGrpc.Core.Ports;

/// <summary>
/// Phrases a job's custom vocabulary adds to recognition: each is recognised as its word, said
/// as any of its pronunciations, and written as its Display. Key names the vocabulary's version,
/// so an engine that prepares a decoder for it can reuse that decoder for the same version only.
/// </summary>
public sealed record RecognitionVocabulary(string Key, IReadOnlyList<VocabularyPhrase> Phrases);
