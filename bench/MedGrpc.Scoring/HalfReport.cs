using System.Text;

namespace MedGrpc.Scoring;

/// <summary>
/// The development set's figures split by half (DevelopmentHalves) and group (type, or type/variant), with the counts
/// behind every percentage — reference words and errors, medical terms matched and listed — so that on sets this small
/// a one-word change reads as one word; each item paired with a baseline's result on it when there is one; and the
/// generalisation gap (held-out minus tune) per group, the figure that shows tuning that only fits its own half.
/// </summary>
public static class HalfReport
{
    private const string Unassigned = "unassigned";

    public static string Table(ScoreSummary ours, ScoreSummary? baseline, string baselineName = "raw")
    {
        var rows = ours.Items.Where(r => !r.ExpectFailure).ToList();
        var other = baseline?.Items.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var text = new StringBuilder();

        text.Append($"per item, paired{(other is null ? "" : $" with {baselineName}")}: errors = substitutions + deletions + insertions; terms = occurrences of the listed medical terms matched/in the reference\n");
        var itemHeader = $"{"id",-28} {"half",-9} {"group",-18} {"refN",5} {"err",4} {"WER%",6} {"terms",7}";
        if (other is not null) itemHeader += $" {baselineName + " err",8} {baselineName + " WER%",9} {baselineName + " terms",10} {"Δerr",5} {"Δterms",6}";
        text.Append(itemHeader).Append('\n');
        foreach (var r in rows.OrderBy(r => HalfName(r.Id), StringComparer.Ordinal).ThenBy(Group, StringComparer.Ordinal).ThenBy(r => r.Id, StringComparer.Ordinal))
        {
            text.Append($"{r.Id,-28} {HalfName(r.Id),-9} {Group(r),-18} {r.RefWords,5} {r.Edits.Errors,4} {Percent.Format(r.Wer)} {Terms(r.Terms.Matched, r.Terms.Total),7}");
            if (other is not null)
            {
                if (other.TryGetValue(r.Id, out var b))
                    text.Append($" {b.Edits.Errors,8} {Percent.Format(b.Wer),9} {Terms(b.Terms.Matched, b.Terms.Total),10} " +
                                $"{r.Edits.Errors - b.Edits.Errors,5:+0;-0;0} {r.Terms.Matched - b.Terms.Matched,6:+0;-0;0}");
                else text.Append($" {"-",8} {"-",9} {"-",10} {"-",5} {"-",6}");
            }
            text.Append('\n');
        }

        text.Append("\nby half and group (pooled: errors over reference words, matched over reference term occurrences)\n");
        var groupHeader = $"{"half",-9} {"group",-18} {"items",5} {"refN",5} {"err",4} {"WER%",6} {"terms",7} {"term%",6}";
        if (other is not null) groupHeader += $" {baselineName + " err",8} {baselineName + " WER%",9} {baselineName + " terms",10} {baselineName + " term%",10}";
        text.Append(groupHeader).Append('\n');
        var cells = Cells(rows);
        foreach (var ((half, group), members) in cells)
        {
            var o = Pool(members);
            text.Append($"{half,-9} {group,-18} {members.Count,5} {o.RefWords,5} {o.Errors,4} {Percent.Format(o.Wer)} {Terms(o.Matched, o.Terms),7} {Percent.Format(o.Recall)}");
            if (other is not null)
            {
                var paired = members.Where(m => other.ContainsKey(m.Id)).Select(m => other[m.Id]).ToList();
                var b = Pool(paired);
                text.Append(paired.Count == members.Count
                    ? $" {b.Errors,8} {Percent.Format(b.Wer),9} {Terms(b.Matched, b.Terms),10} {Percent.Format(b.Recall),10}"
                    : $" {"-",8} {"-",9} {"-",10} {"-",10}");
            }
            text.Append('\n');
        }

        text.Append("\ngeneralisation gap: held-out minus tune, in points (WER: positive = worse on held-out; term recall: negative = worse)\n");
        text.Append($"{"group",-18} {"WER% tune",9} {"held-out",8} {"gap",6} {"term% tune",10} {"held-out",8} {"gap",6}\n");
        foreach (var group in cells.Keys.Select(k => k.Group).Distinct().OrderBy(g => g == "all" ? 1 : 0).ThenBy(g => g, StringComparer.Ordinal))
        {
            var tune = cells.TryGetValue((DevelopmentHalf.Tune.Name(), group), out var t) ? Pool(t) : null;
            var held = cells.TryGetValue((DevelopmentHalf.HeldOut.Name(), group), out var h) ? Pool(h) : null;
            text.Append($"{group,-18} {Percent.Format(tune?.Wer),9} {Percent.Format(held?.Wer),8} {Gap(tune?.Wer, held?.Wer),6} " +
                        $"{Percent.Format(tune?.Recall),10} {Percent.Format(held?.Recall),8} {Gap(tune?.Recall, held?.Recall),6}\n");
        }
        if (rows.Any(r => DevelopmentHalves.Of(r.Id) is null))
            text.Append($"\n{rows.Count(r => DevelopmentHalves.Of(r.Id) is null)} item(s) in no half: add them to bench/MedGrpc.Scoring/DevelopmentHalves.txt\n");
        return text.ToString();
    }

    /// <summary>An item's group as the report names it: its type, and its variant when it has one ("CONVERSATION/mono").</summary>
    public static string Group(ItemScore r) => r.Variant.Length > 0 ? $"{r.Type}/{r.Variant}" : r.Type;

    private static string HalfName(string id) => DevelopmentHalves.Of(id)?.Name() ?? Unassigned;

    // (half, group) → items, in the order the table prints: tune, held-out, unassigned; groups by name, then "all".
    private static SortedDictionary<(string Half, string Group), List<ItemScore>> Cells(IReadOnlyList<ItemScore> rows)
    {
        string[] halfOrder = [DevelopmentHalf.Tune.Name(), DevelopmentHalf.HeldOut.Name(), Unassigned];
        var cells = new SortedDictionary<(string Half, string Group), List<ItemScore>>(Comparer<(string Half, string Group)>.Create((a, b) =>
        {
            var byHalf = Array.IndexOf(halfOrder, a.Half).CompareTo(Array.IndexOf(halfOrder, b.Half));
            if (byHalf != 0) return byHalf;
            var byAll = (a.Group == "all").CompareTo(b.Group == "all");
            return byAll != 0 ? byAll : string.CompareOrdinal(a.Group, b.Group);
        }));
        foreach (var r in rows)
            foreach (var group in new[] { Group(r), "all" })
            {
                var key = (HalfName(r.Id), group);
                if (!cells.TryGetValue(key, out var list)) cells[key] = list = [];
                list.Add(r);
            }
        return cells;
    }

    private sealed record Pooled(int RefWords, int Errors, int Matched, int Terms)
    {
        public double? Wer => RefWords == 0 ? null : (double)Errors / RefWords;
        public double? Recall => Terms == 0 ? null : (double)Matched / Terms;
    }

    private static Pooled Pool(IReadOnlyCollection<ItemScore> rows) =>
        new(rows.Sum(r => r.RefWords), rows.Sum(r => r.Edits.Errors), rows.Sum(r => r.Terms.Matched), rows.Sum(r => r.Terms.Total));

    private static string Terms(int matched, int total) => total == 0 ? "-" : $"{matched}/{total}";

    private static string Gap(double? tune, double? heldOut) =>
        tune is { } t && heldOut is { } h ? Percent.Fixed(100 * (h - t), 1) : "-";
}
