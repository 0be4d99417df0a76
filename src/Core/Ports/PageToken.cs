using System.Text;
using MedGrpc.Core.Errors;

namespace MedGrpc.Core.Ports;

/// <summary>The opaque NextToken of a List: the order key (ticks) and name of the last item of the page.</summary>
public static class PageToken
{
    public static string Encode(long ticks, string name) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ticks}|{name}"));

    public static (long Ticks, string Name) Decode(string token, string operation)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            var bar = text.IndexOf('|');
            if (bar > 0 && long.TryParse(text[..bar], out var ticks)) return (ticks, text[(bar + 1)..]);
        }
        catch (FormatException)
        {
        }
        throw ServiceException.BadRequest($"The value at 'nextToken' isn't valid: pass the NextToken of an earlier {operation} response unchanged.", "nextToken");
    }
}
