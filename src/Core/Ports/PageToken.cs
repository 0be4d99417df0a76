using System.Text;

namespace MedGrpc.Core.Ports;

/// <summary>
/// The opaque NextToken of a List: the order key (ticks) and name of the last item of the page. It only encodes and
/// decodes; the rule that a token must decode, and its error, are <see cref="Validation.RequestValidator"/>'s.
/// </summary>
public static class PageToken
{
    public static string Encode(long ticks, string name) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ticks}|{name}"));

    /// <summary>False when the token isn't one this service made.</summary>
    public static bool TryDecode(string token, out long ticks, out string name)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            var bar = text.IndexOf('|');
            if (bar > 0 && long.TryParse(text[..bar], out ticks))
            {
                name = text[(bar + 1)..];
                return true;
            }
        }
        catch (FormatException)
        {
        }
        ticks = 0;
        name = "";
        return false;
    }
}
