using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace MedGrpc.Analyzers.CodeFixes.Fixes;

/// <summary>
/// MEDGRPC001–003: replaces the value with the one value Transcribe Medical accepts, spelled as the member the
/// analyzer found on the value's type (LanguageCode.EnUs for ours, LanguageCode.EnUS for the AWS SDK).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UseSupportedValueFix)), Shared]
public sealed class UseSupportedValueFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(
        Descriptors.MEDGRPC001_UnsupportedLanguageCode.Id,
        Descriptors.MEDGRPC002_UnsupportedSpecialty.Id,
        Descriptors.MEDGRPC003_UnsupportedContentIdentificationType.Id);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
            return;

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.SupportedMember, out var member) || member is null)
                continue;
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax value
                || model.GetTypeInfo(value, context.CancellationToken).ConvertedType is not { } type)
            {
                continue;
            }

            var title = $"Use {type.Name}.{member}";
            context.RegisterCodeFix(
                CodeAction.Create(
                    title,
                    cancellation => ReplaceAsync(context.Document, value, type, member, cancellation),
                    equivalenceKey: nameof(UseSupportedValueFix) + diagnostic.Id),
                diagnostic);
        }
    }

    private static async Task<Document> ReplaceAsync(
        Document document, ExpressionSyntax value, ITypeSymbol type, string member, CancellationToken cancellation)
    {
        var root = await document.GetSyntaxRootAsync(cancellation).ConfigureAwait(false);
        if (root is null)
            return document;

        // Parsed rather than built from a type syntax so that the result is a plain member-access chain, as if typed;
        // the simplifier then shortens global::Namespace.Type to what the file's usings allow.
        var qualified = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + "." + member;
        var replacement = SyntaxFactory.ParseExpression(qualified)
            .WithAdditionalAnnotations(Simplifier.Annotation)
            .WithTriviaFrom(value);
        return document.WithSyntaxRoot(root.ReplaceNode(value, replacement));
    }
}
