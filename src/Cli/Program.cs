using System.CommandLine;
using System.CommandLine.Invocation;
using Grpc.Core;
using MedGrpc.Cli;
using MedGrpc.Client;

// Parse, run, and turn what went wrong into the exit codes of ExitCodes: the one place that decides them.
var root = MedGrpcCommandLine.Create(out var addressOption);
var parse = root.Parse(args);
var invocation = new InvocationConfiguration { EnableDefaultExceptionHandler = false };

if (parse.Action is ParseErrorAction usage)
{
    // The errors alone, not the whole help: the error names the option, --help is one word away.
    usage.ShowHelp = false;
    await parse.InvokeAsync(invocation);
    Console.Error.WriteLine($"Run '{string.Join(' ', ["medgrpc", .. CommandPath(parse), "--help"])}' for usage.");
    return ExitCodes.UsageError;
}

var address = parse.GetValue(addressOption) ?? new Uri(AddressOption.Default);
try
{
    return await parse.InvokeAsync(invocation);
}
catch (MedicalTranscriptionException e)
{
    return ErrorReport.Print(e, address);
}
catch (Exception e) when (e is OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled })
{
    // System.CommandLine cancels the action's token on Ctrl+C and SIGTERM; the calls end with one of these.
    Console.Error.WriteLine("medgrpc: interrupted.");
    return ExitCodes.Interrupted;
}
catch (RpcException e)
{
    return ErrorReport.Print(new MedicalTranscriptionException(e), address);
}
catch (RpcFailureException e)
{
    return ErrorReport.Print(e, address);
}

static IEnumerable<string> CommandPath(ParseResult parse)
{
    var names = new List<string>();
    for (var result = parse.CommandResult; result.Parent is System.CommandLine.Parsing.CommandResult parent; result = parent)
        names.Insert(0, result.Command.Name);
    return names;
}
