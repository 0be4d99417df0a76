namespace MedGrpc.Core.Media;

/// <summary>
/// A place in a recording where the engine, hearing the recording whole, ends one utterance and starts the next
/// afresh, and what it carries across (PocketSphinx: its running cepstral mean). A piece that starts here and is
/// given <see cref="Carried"/> is recognised as the whole recording is from here on, so a cut here costs no word.
/// </summary>
/// <param name="Sample">The first sample after the boundary, counted from the recording's start.</param>
/// <param name="Carried">The engine's own state at the boundary, opaque to all but the engine that noted it.</param>
public sealed record UtteranceBoundary(long Sample, object Carried);
