using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MedGrpc.Analyzers.CodeFixes.Fixes;

/// <summary>
/// Edits on member assignments, wherever they stand: an element of an object initializer
/// (<c>X = v,</c>) or a statement of its own (<c>r.Settings.X = v;</c>).
/// </summary>
internal static class AssignmentEdits
{
    public static AssignmentExpressionSyntax? FindAssignment(SyntaxNode root, Location location)
        => root.FindNode(location.SourceSpan, getInnermostNodeForTie: true).FirstAncestorOrSelf<AssignmentExpressionSyntax>();

    /// <summary>Removes the assignments: their statements, or their elements (and commas) of an initializer.</summary>
    public static SyntaxNode Remove(SyntaxNode root, IEnumerable<AssignmentExpressionSyntax> assignments)
    {
        var nodes = assignments
            .Select(assignment => assignment.Parent is ExpressionStatementSyntax statement ? statement : (SyntaxNode)assignment)
            .ToList();
        return root.RemoveNodes(nodes, SyntaxRemoveOptions.KeepNoTrivia) ?? root;
    }

    /// <summary>Adds <c>member = value</c> next to <paramref name="anchor"/>, in the same initializer or as the next statement.</summary>
    public static SyntaxNode AddSibling(SyntaxNode root, AssignmentExpressionSyntax anchor, string member, ExpressionSyntax value)
    {
        switch (anchor.Parent)
        {
            case InitializerExpressionSyntax initializer:
                var element = SyntaxFactory.AssignmentExpression(
                    SyntaxKind.SimpleAssignmentExpression, SyntaxFactory.IdentifierName(member), value);
                return root.ReplaceNode(initializer, InsertAfter(initializer, anchor, element));
            case ExpressionStatementSyntax statement when anchor.Left is MemberAccessExpressionSyntax target:
                var sibling = statement
                    .WithExpression(anchor
                        .WithLeft(target.WithName(SyntaxFactory.IdentifierName(member)))
                        .WithRight(value.WithLeadingTrivia(anchor.Right.GetLeadingTrivia())))
                    .WithTriviaFrom(statement);
                return root.InsertNodesAfter(statement, new[] { sibling });
            default:
                return root;
        }
    }

    /// <summary>Keeps the initializer's layout: the new element takes the anchor's indentation and line break.</summary>
    private static InitializerExpressionSyntax InsertAfter(
        InitializerExpressionSyntax initializer, AssignmentExpressionSyntax anchor, ExpressionSyntax element)
    {
        var items = initializer.Expressions.GetWithSeparators().ToList();
        var index = items.IndexOf(anchor);
        var indentation = SyntaxFactory.TriviaList(anchor.GetLeadingTrivia().Where(trivia => trivia.IsKind(SyntaxKind.WhitespaceTrivia)));
        element = element.WithLeadingTrivia(indentation);

        if (index + 1 < items.Count && items[index + 1].IsToken)
        {
            var separator = items[index + 1].AsToken();
            items.Insert(index + 2, element);
            items.Insert(index + 3, SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(separator.TrailingTrivia));
        }
        else
        {
            var trailing = anchor.GetTrailingTrivia();
            items[index] = anchor.WithoutTrailingTrivia();
            items.Insert(index + 1, SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(trailing));
            items.Insert(index + 2, element.WithTrailingTrivia(trailing));
        }

        return initializer.WithExpressions(SyntaxFactory.SeparatedList<ExpressionSyntax>(items));
    }
}
