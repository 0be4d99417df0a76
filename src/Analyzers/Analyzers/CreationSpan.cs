using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace MedGrpc.Analyzers.Analyzers;

/// <summary>Where a diagnostic about a whole object points: <c>new T(...)</c> without its initializer, which can be long.</summary>
internal static class CreationSpan
{
    public static Location Of(IObjectCreationOperation creation)
    {
        var syntax = creation.Syntax;
        var end = syntax switch
        {
            ObjectCreationExpressionSyntax explicitType => explicitType.ArgumentList?.Span.End ?? explicitType.Type.Span.End,
            ImplicitObjectCreationExpressionSyntax implicitType => implicitType.ArgumentList.Span.End,
            _ => syntax.Span.End,
        };
        return Location.Create(syntax.SyntaxTree, TextSpan.FromBounds(syntax.SpanStart, end));
    }
}
