using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace MedGrpc.Analyzers.CodeFixes.Fixes;

/// <summary>MEDGRPC017: removes the RedactedMediaFileUri assignment, which a medical job never accepts.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveRedactedMediaFileUriFix)), Shared]
public sealed class RemoveRedactedMediaFileUriFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds
        => ImmutableArray.Create(Descriptors.MEDGRPC017_RedactedMediaFileUri.Id);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
            return;

        foreach (var diagnostic in context.Diagnostics)
        {
            if (AssignmentEdits.FindAssignment(root, diagnostic.Location) is not { } assignment)
                continue;

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Remove RedactedMediaFileUri",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(AssignmentEdits.Remove(root, new[] { assignment }))),
                    equivalenceKey: nameof(RemoveRedactedMediaFileUriFix)),
                diagnostic);
        }
    }
}
