using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;

namespace MedGrpc.Analyzers.CodeFixes.Fixes;

/// <summary>
/// MEDGRPC005–008: adds the missing half of a pair next to the half that is there:
/// MaxSpeakerLabels / MaxAlternatives = 2 (the smallest valid count), or ShowSpeakerLabels / ShowAlternatives = true.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddMissingSettingFix)), Shared]
public sealed class AddMissingSettingFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(
        Descriptors.MEDGRPC005_ShowSpeakerLabelsWithoutMaximum.Id,
        Descriptors.MEDGRPC006_MaxSpeakerLabelsWithoutShowSpeakerLabels.Id,
        Descriptors.MEDGRPC007_ShowAlternativesWithoutMaximum.Id,
        Descriptors.MEDGRPC008_MaxAlternativesWithoutShowAlternatives.Id);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
            return;

        foreach (var diagnostic in context.Diagnostics)
        {
            // No properties: the other half is written (as false), and adding it again would not compile.
            if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.MissingMember, out var member)
                || !diagnostic.Properties.TryGetValue(DiagnosticProperties.MissingValue, out var value)
                || member is null
                || value is null
                || AssignmentEdits.FindAssignment(root, diagnostic.Location) is not { } anchor)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Add {member} = {value}",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(
                        AssignmentEdits.AddSibling(root, anchor, member, SyntaxFactory.ParseExpression(value)))),
                    equivalenceKey: nameof(AddMissingSettingFix) + diagnostic.Id),
                diagnostic);
        }
    }
}
