using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MedGrpc.Analyzers.CodeFixes.Fixes;

/// <summary>MEDGRPC009, 010, 015: replaces an out-of-range number with the nearest allowed bound.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ClampToRangeFix)), Shared]
public sealed class ClampToRangeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(
        Descriptors.MEDGRPC009_MaxSpeakerLabelsOutOfRange.Id,
        Descriptors.MEDGRPC010_MaxAlternativesOutOfRange.Id,
        Descriptors.MEDGRPC015_SampleRateOutOfRange.Id,
        Descriptors.MEDGRPC024_NumberOfChannelsOutOfRange.Id);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
            return;

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.Bound, out var text)
                || !int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var bound)
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax value)
            {
                continue;
            }

            var replacement = SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(bound))
                .WithTriviaFrom(value);
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Clamp to {text}",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(value, replacement))),
                    equivalenceKey: nameof(ClampToRangeFix)),
                diagnostic);
        }
    }
}
