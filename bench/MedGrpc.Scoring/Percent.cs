using System.Globalization;
using System.Numerics;

namespace MedGrpc.Scoring;

/// <summary>A fraction printed as a percentage with one decimal, 6 wide ("  12.3", "     -").</summary>
public static class Percent
{
    public static string Format(double? fraction) => fraction is { } x ? Fixed(100 * x, 1).PadLeft(6) : "-".PadLeft(6);

    /// <summary>
    /// The exact binary value rounded half to even, as Python's "%.1f" does (.NET rounds a tie away from zero),
    /// so that a table printed here reads the same as the original scorer's.
    /// </summary>
    public static string Fixed(double value, int decimals)
    {
        if (!double.IsFinite(value)) return value.ToString(CultureInfo.InvariantCulture);
        var negative = double.IsNegative(value);
        var bits = BitConverter.DoubleToInt64Bits(Math.Abs(value));
        var exponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponent == 0) exponent = 1; else mantissa |= 1L << 52;
        exponent -= 1075;                                   // |value| = mantissa · 2^exponent
        var scaled = new BigInteger(mantissa) * BigInteger.Pow(10, decimals);
        BigInteger units;
        if (exponent >= 0) units = scaled << exponent;
        else
        {
            var denominator = BigInteger.One << -exponent;
            units = BigInteger.DivRem(scaled, denominator, out var remainder);
            var twice = remainder * 2;
            if (twice > denominator || (twice == denominator && !units.IsEven)) units += 1;
        }
        var digits = units.ToString(CultureInfo.InvariantCulture).PadLeft(decimals + 1, '0');
        var text = decimals == 0 ? digits : digits[..^decimals] + "." + digits[^decimals..];
        return negative ? "-" + text : text;
    }
}
