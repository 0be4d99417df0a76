using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MedGrpc.Analyzers.CodeFixes.Fixes;

/// <summary>
/// MEDGRPC004: two ways out, removing ChannelIdentification (the diagnostic's location) or ShowSpeakerLabels
/// together with its MaxSpeakerLabels (the additional locations), which would otherwise be left without its flag.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveConflictingSettingFix)), Shared]
public sealed class RemoveConflictingSettingFix : CodeFixProvider
{
    public const string RemoveChannelIdentification = nameof(RemoveChannelIdentification);
    public const string RemoveSpeakerLabels = nameof(RemoveSpeakerLabels);

    public override ImmutableArray<string> FixableDiagnosticIds
        => ImmutableArray.Create(Descriptors.MEDGRPC004_SpeakerLabelsWithChannelIdentification.Id);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
            return;

        foreach (var diagnostic in context.Diagnostics)
        {
            if (AssignmentEdits.FindAssignment(root, diagnostic.Location) is { } channels)
                Register(context, diagnostic, root, new[] { channels }, RemoveChannelIdentification);

            var speakers = diagnostic.AdditionalLocations
                .Select(location => AssignmentEdits.FindAssignment(root, location))
                .OfType<AssignmentExpressionSyntax>()
                .ToArray();
            if (speakers.Length > 0)
                Register(context, diagnostic, root, speakers, RemoveSpeakerLabels);
        }
    }

    private static void Register(
        CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, AssignmentExpressionSyntax[] removed, string key)
    {
        var names = string.Join(" and ", removed.Select(assignment => NameOf(assignment.Left)));
        context.RegisterCodeFix(
            CodeAction.Create(
                $"Remove {names}",
                _ => Task.FromResult(context.Document.WithSyntaxRoot(AssignmentEdits.Remove(root, removed))),
                equivalenceKey: key),
            diagnostic);
    }

    private static string NameOf(ExpressionSyntax target) => target switch
    {
        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
        IdentifierNameSyntax name => name.Identifier.ValueText,
        _ => target.ToString(),
    };
}
