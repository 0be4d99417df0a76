using System.Globalization;

namespace MedGrpc.Core.Clinical.Formatting;

/// <summary>A number read from spoken words: its value, how it is written, and how many words it took.</summary>
/// <param name="Value">The value (a decimal's value is approximate; use Written to print it).</param>
/// <param name="Written">The digits: "120", "2.5".</param>
/// <param name="Count">The words it took.</param>
public sealed record SpokenNumberValue(double Value, string Written, int Count);

/// <summary>
/// Parses spoken English numbers into values. Cardinals follow the grammar of US English ("one
/// hundred and five", "two thousand twenty four", "a hundred"); decimals are a cardinal, "point",
/// then digits; ordinals may have a cardinal before them ("twenty first"). The clinical pair
/// ("one twenty" = 120) and year forms ("twenty twenty four") are separate, for the rules that
/// want them.
/// </summary>
public static class SpokenNumber
{
    private enum Last { None, Unit, Teen, Tens, Hundred, Scale }

    /// <summary>The longest cardinal starting at index, or null.</summary>
    public static SpokenNumberValue? Cardinal(SpokenWords words, int index)
    {
        long total = 0, current = 0, lastScale = long.MaxValue;
        var last = Last.None;
        int i = index, end = index;
        long valueAtEnd = 0;
        while (true)
        {
            var w = words[i];
            if (w is null) break;
            if (w == "zero" && last == Last.None)
            {
                end = i + 1;
                valueAtEnd = 0;
                break;
            }
            if (w == "a" && last == Last.None && words[i + 1] is "hundred" or "thousand")
            {
                current = 1;
                last = Last.Unit;
                i++;
                continue;
            }
            if (w == "and" && last is Last.Hundred or Last.Scale
                && (NumberWords.Units.ContainsKey(words[i + 1] ?? "") || NumberWords.Teens.ContainsKey(words[i + 1] ?? "") || NumberWords.Tens.ContainsKey(words[i + 1] ?? "")))
            {
                i++;
                continue;
            }
            if (NumberWords.Units.TryGetValue(w, out var unit) && (last is Last.None or Last.Hundred or Last.Scale || (last == Last.Tens && current % 10 == 0)))
            {
                current += unit;
                last = Last.Unit;
            }
            else if (NumberWords.Teens.TryGetValue(w, out var teen) && last is Last.None or Last.Hundred or Last.Scale)
            {
                current += teen;
                last = Last.Teen;
            }
            else if (NumberWords.Tens.TryGetValue(w, out var tens) && last is Last.None or Last.Hundred or Last.Scale)
            {
                current += tens;
                last = Last.Tens;
            }
            else if (w == "hundred" && last is Last.Unit or Last.Teen or Last.Tens && current is > 0 and < 100)
            {
                current *= 100;
                last = Last.Hundred;
            }
            else if (NumberWords.Scales.TryGetValue(w, out var scale) && last is Last.Unit or Last.Teen or Last.Tens or Last.Hundred
                     && current > 0 && scale < lastScale)
            {
                total += current * scale;
                current = 0;
                lastScale = scale;
                last = Last.Scale;
            }
            else break;
            i++;
            end = i;
            valueAtEnd = total + current;
        }
        if (end == index) return null;
        return new SpokenNumberValue(valueAtEnd, valueAtEnd.ToString(CultureInfo.InvariantCulture), end - index);
    }

    /// <summary>A cardinal, "point", then one or more digits ("two point five", "zero point one two").</summary>
    public static SpokenNumberValue? Decimal(SpokenWords words, int index)
    {
        var whole = Cardinal(words, index);
        if (whole is null || !words.Is(index + whole.Count, "point")) return null;
        var digits = "";
        var i = index + whole.Count + 1;
        while (NumberWords.Digit(words[i]) is { } d)
        {
            digits += d.ToString(CultureInfo.InvariantCulture);
            i++;
        }
        if (digits.Length == 0) return null;
        var written = $"{whole.Written}.{digits}";
        return new SpokenNumberValue(double.Parse(written, CultureInfo.InvariantCulture), written, i - index);
    }

    /// <summary>A decimal if there is one, else a cardinal.</summary>
    public static SpokenNumberValue? Quantity(SpokenWords words, int index) => Decimal(words, index) ?? Cardinal(words, index);

    /// <summary>An ordinal, with an optional cardinal before it ("third", "twenty first", "one hundredth").</summary>
    public static SpokenNumberValue? Ordinal(SpokenWords words, int index)
    {
        if (words[index] is { } alone && NumberWords.Ordinals.TryGetValue(alone, out var simple))
            return new SpokenNumberValue(simple, $"{simple}{NumberWords.OrdinalSuffix(simple)}", 1);
        // A cardinal, then an ordinal that may follow it: "twenty first", "one hundredth".
        var head = Cardinal(words, index);
        if (head is null || words[index + head.Count] is not { } w || !NumberWords.Ordinals.TryGetValue(w, out var ord)) return null;
        var h = (long)head.Value;
        var fits = h > 0 && (ord < 10 ? h % 10 == 0 : ord < 100 ? h % 100 == 0 : h < 1000);
        if (!fits) return null;
        var value = ord >= 100 ? h * ord : h + ord;
        return new SpokenNumberValue(value, $"{value}{NumberWords.OrdinalSuffix(value)}", head.Count + 1);
    }

    /// <summary>
    /// The clinical reading of a three-digit value as two parts: "one twenty" = 120, "one forty five" = 145,
    /// "one oh five" = 105, "two ten" = 210. Only for places where such a value is expected (a systolic pressure).
    /// </summary>
    public static SpokenNumberValue? HundredsPair(SpokenWords words, int index)
    {
        if (words[index] is not { } head || !NumberWords.Units.TryGetValue(head, out var hundreds) || hundreds > 2) return null;
        var next = words[index + 1];
        int rest, count;
        if (next == "oh" && words[index + 2] is { } d && NumberWords.Units.TryGetValue(d, out var digit)) (rest, count) = (digit, 3);
        else if (next is not null && NumberWords.Teens.TryGetValue(next, out var teen)) (rest, count) = (teen, 2);
        else if (next is not null && NumberWords.Tens.TryGetValue(next, out var tens))
        {
            (rest, count) = (tens, 2);
            if (words[index + 2] is { } u && NumberWords.Units.TryGetValue(u, out var unit)) (rest, count) = (tens + unit, 3);
        }
        else return null;
        var value = hundreds * 100 + rest;
        return new SpokenNumberValue(value, value.ToString(CultureInfo.InvariantCulture), count);
    }

    /// <summary>A year read in pairs ("nineteen eighty five", "twenty twenty four", "twenty oh five") or as a cardinal, 1900–2099.</summary>
    public static SpokenNumberValue? Year(SpokenWords words, int index)
    {
        if (words[index] is "nineteen" or "twenty" && words[index + 1] is not "hundred" and not "thousand")
        {
            var century = words[index] == "nineteen" ? 1900 : 2000;
            var next = words[index + 1];
            int? rest = null;
            var count = 0;
            if (next == "oh" && NumberWords.Units.TryGetValue(words[index + 2] ?? "", out var digit)) (rest, count) = (digit, 3);
            else if (next is not null && NumberWords.Teens.TryGetValue(next, out var teen)) (rest, count) = (teen, 2);
            else if (next is not null && NumberWords.Tens.TryGetValue(next, out var tens))
            {
                (rest, count) = (tens, 2);
                if (NumberWords.Units.TryGetValue(words[index + 2] ?? "", out var unit)) (rest, count) = (tens + unit, 3);
            }
            if (rest is { } r)
            {
                var year = century + r;
                return new SpokenNumberValue(year, year.ToString(CultureInfo.InvariantCulture), count);
            }
        }
        var cardinal = Cardinal(words, index);
        return cardinal is { Value: >= 1900 and <= 2099 } ? cardinal : null;
    }
}
