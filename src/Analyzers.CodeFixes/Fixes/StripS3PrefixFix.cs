using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MedGrpc.Analyzers.CodeFixes.Fixes;

/// <summary>
/// MEDGRPC012: writes the bare bucket name. The value may be a constant expression, so the fix writes the folded
/// name as a literal rather than editing the text.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(StripS3PrefixFix)), Shared]
public sealed class StripS3PrefixFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds
        => ImmutableArray.Create(Descriptors.MEDGRPC012_BucketNameWithS3Prefix.Id);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
            return;

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.BareBucketName, out var bucket)
                || bucket is null
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax value)
            {
                continue;
            }

            var replacement = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(bucket))
                .WithTriviaFrom(value);
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Remove the s3:// prefix",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(value, replacement))),
                    equivalenceKey: nameof(StripS3PrefixFix)),
                diagnostic);
        }
    }
}
