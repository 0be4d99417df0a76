using MedGrpc.Core.Clinical.Formatting;
using MedGrpc.Core.Clinical.Phi;
using MedGrpc.Core.Ports;

namespace MedGrpc.Core.Transcripts;

/// <summary>
/// Turns the PHI that <see cref="PhiDetector"/> finds in a channel's spoken words into transcript
/// entities (the transcript's business, so here, not in Clinical). An entity's content is the
/// transcript's words that cover its spoken words (so "forty two" reads "42"); it starts at the first
/// of them and ends at the last, so its times are always item times; its confidence is the rule's
/// confidence times the mean confidence of its spoken words.
/// </summary>
public static class PhiEntities
{
    /// <param name="words">One channel's words in time order.</param>
    /// <param name="formatted">The same words as formatted for the transcript (First/Count index into words).</param>
    public static IReadOnlyList<Entity> Find(IReadOnlyList<RecognizedWord> words, IReadOnlyList<FormattedWord> formatted)
    {
        var entities = new List<Entity>();
        foreach (var span in PhiDetector.Detect(words.Select(w => w.Text).ToList()))
        {
            var covering = formatted.Where(f => f.First < span.End && span.First < f.First + f.Count).ToList();
            if (covering.Count == 0) continue;
            var spoken = words.Skip(span.First).Take(span.Count).ToList();
            var confidence = span.RuleConfidence * spoken.Average(w => w.Confidence);
            entities.Add(new Entity(
                string.Join(' ', covering.Select(f => f.Text)),
                span.Category,
                Math.Round(covering[0].StartSeconds, 3),
                Math.Round(covering[^1].EndSeconds, 3),
                Math.Round(confidence, 4)));
        }
        return entities;
    }
}
