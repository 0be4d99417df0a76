using System.Collections.Generic;
using System.Linq;
using MedGrpc.Analyzers.Contract;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace MedGrpc.Analyzers.Facts;

/// <summary>
/// Builds <see cref="ObjectFacts"/> for an object creation: its initializer (with nested Media, Settings and map
/// initializers), then every later use of the local it initializes within the same method body, in source order.
/// Only that one body is walked, never the compilation.
/// </summary>
public static class FactsReader
{
    /// <summary>The facts of one root object. The rule runner reads each object once and keeps what its rules found.</summary>
    public static ObjectFacts Read(IObjectCreationOperation creation, ContractTypes contract, RequestFlavor flavor, ContractShape shape)
        => Build(creation, contract, flavor, shape);

    /// <summary>
    /// False for a Settings or Media object that a request owns (assigned in the request's initializer or to a request
    /// local this reader follows): the request's facts already hold it, and reporting twice would be noise.
    /// </summary>
    public static bool IsRoot(IObjectCreationOperation creation, ContractTypes contract)
    {
        var parent = SkipConversions(creation.Parent);
        if (parent is not ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target }
            || !contract.TryGetMember(target.Property, out var member)
            || member.Member is not (ContractMember.Settings or ContractMember.Media))
        {
            return true;
        }

        return target.Instance switch
        {
            IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver } => false,
            ILocalReferenceOperation local => !IsFollowedRequestLocal(local.Local, contract),
            _ => true,
        };
    }

    /// <summary>
    /// The outermost object creation whose facts include what <paramref name="operation"/> does: the creation itself,
    /// the object an initializer element or a <c>local.X = v</c> statement writes to, or the request that owns the
    /// Settings or Media written. Null when it writes to nothing this reader can follow (a parameter, a field).
    /// </summary>
    public static IObjectCreationOperation? FindRoot(IOperation operation, ContractTypes contract) => operation switch
    {
        IObjectCreationOperation creation => RootOf(creation, contract),
        ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } => OwnerOfWrite(target, operation, contract),
        ICompoundAssignmentOperation { Target: IPropertyReferenceOperation target } => OwnerOfWrite(target, operation, contract),
        IIncrementOrDecrementOperation { Target: IPropertyReferenceOperation target } => OwnerOfWrite(target, operation, contract),
        IMemberInitializerOperation { InitializedMember: IPropertyReferenceOperation target } => OwnerOfWrite(target, operation, contract),
        IInvocationOperation { Instance: IPropertyReferenceOperation target } => OwnerOfWrite(target, operation, contract),
        _ => null,
    };

    private static IObjectCreationOperation? RootOf(IObjectCreationOperation creation, ContractTypes contract)
    {
        if (!contract.TryGetShape(creation.Type, out _, out _))
            return null;
        if (IsRoot(creation, contract))
            return creation;

        // Owned Settings or Media: the root is whatever the assignment that holds it writes to.
        return SkipConversions(creation.Parent) is { } assignment ? FindRoot(assignment, contract) : null;
    }

    private static IObjectCreationOperation? OwnerOfWrite(IPropertyReferenceOperation target, IOperation write, ContractTypes contract)
    {
        // The cheap test first: this runs for every assignment and call the compilation has.
        var instance = target.Instance;
        if (!contract.TryGetMember(target.Property, out _))
        {
            // map["k"] = v on the encryption context: the indexer is no member, the map is.
            if (instance is not IPropertyReferenceOperation map || !contract.TryGetMember(map.Property, out _))
                return null;
            instance = map.Instance;
        }

        // local.Settings.X = v: one member between the local and the write.
        if (instance is IPropertyReferenceOperation via && contract.TryGetMember(via.Property, out _))
            instance = via.Instance;

        return instance switch
        {
            IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver } => InitializedObjectRoot(write, contract),
            ILocalReferenceOperation local => DeclaredCreation(local.Local, write) is { } creation ? RootOf(creation, contract) : null,
            _ => null,
        };
    }

    /// <summary>The root of the object whose initializer holds <paramref name="element"/>.</summary>
    private static IObjectCreationOperation? InitializedObjectRoot(IOperation element, ContractTypes contract)
        => element.Parent is IObjectOrCollectionInitializerOperation initializer
            ? initializer.Parent switch
            {
                IObjectCreationOperation creation => RootOf(creation, contract),
                IMemberInitializerOperation member => FindRoot(member, contract),
                _ => null,
            }
            : null;

    /// <summary>The <c>new</c> a local is declared with, found from its declaration rather than by walking the body.</summary>
    private static IObjectCreationOperation? DeclaredCreation(ILocalSymbol local, IOperation use)
    {
        foreach (var reference in local.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: { } value }
                && use.SemanticModel?.GetOperation(value) is { } operation)
            {
                return ValueReader.WithoutImplicitConversions(operation) as IObjectCreationOperation;
            }
        }

        return null;
    }

    private static ObjectFacts Build(IObjectCreationOperation creation, ContractTypes contract, RequestFlavor flavor, ContractShape shape)
    {
        var facts = new ObjectFacts(creation, flavor, shape);
        if (!creation.Arguments.IsEmpty)
            facts.MarkEscaped(); // new StartMedicalTranscriptionJobRequest(other): a copy holds what the analyzer cannot see
        if (creation.Initializer is { } initializer)
            ReadInitializer(initializer, facts, contract, later: false);
        if (DeclaredLocal(creation) is { } local)
            ReadLaterUses(local, creation, facts, contract);
        return facts;
    }

    private static void ReadInitializer(IObjectOrCollectionInitializerOperation initializer, ObjectFacts facts, ContractTypes contract, bool later)
    {
        foreach (var element in initializer.Initializers)
        {
            switch (element)
            {
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment
                    when contract.TryGetMember(target.Property, out var member):
                    Assign(facts, member, assignment, assignment.Value, contract, later);
                    break;
                case IMemberInitializerOperation { InitializedMember: IPropertyReferenceOperation target } nested
                    when contract.TryGetMember(target.Property, out var member):
                    Fill(facts, member, nested, contract, later);
                    break;
            }
        }
    }

    /// <summary><c>Settings = { ... }</c>, <c>KmsEncryptionContext = { ["k"] = "v" }</c>: adds to the existing object.</summary>
    private static void Fill(ObjectFacts facts, BoundMember member, IMemberInitializerOperation nested, ContractTypes contract, bool later)
    {
        switch (member.Member)
        {
            case ContractMember.Settings or ContractMember.Media:
                ReadInitializer(nested.Initializer, facts, contract, later);
                break;
            case ContractMember.KmsEncryptionContext:
                facts.AddEncryptionContextEntries(nested.Initializer.Initializers.Length, nested, later);
                break;
            case ContractMember.Tags when later:
                facts.MarkWrittenLater();
                break;
        }
    }

    private static void Assign(ObjectFacts facts, BoundMember member, IOperation assignment, IOperation value, ContractTypes contract, bool later)
    {
        var operation = ValueReader.WithoutImplicitConversions(value);
        var isNull = operation.ConstantValue is { HasValue: true, Value: null };
        switch (member.Member)
        {
            case ContractMember.Settings or ContractMember.Media:
                var shape = member.Member == ContractMember.Settings ? ContractShape.Settings : ContractShape.Media;
                var created = operation as IObjectCreationOperation;
                facts.ReplaceShape(shape, known: created is not null || isNull);
                facts.Record(new MemberWrite(member, assignment, isNull ? ContractValue.NotSet : ContractValue.Unknown), later);
                if (created?.Initializer is { } initializer)
                    ReadInitializer(initializer, facts, contract, later);
                break;
            case ContractMember.KmsEncryptionContext:
                int? entries = operation switch
                {
                    IObjectCreationOperation { Arguments.Length: 0 } dictionary => dictionary.Initializer?.Initializers.Length ?? 0,
                    _ when isNull => 0,
                    _ => null,
                };
                facts.SetEncryptionContext(entries, assignment, later);
                break;
            case ContractMember.Tags:
                if (later)
                    facts.MarkWrittenLater();
                break;
            default:
                facts.Record(new MemberWrite(member, assignment, ValueReader.Read(value)), later);
                break;
        }
    }

    private static void ReadLaterUses(ILocalSymbol local, IObjectCreationOperation creation, ObjectFacts facts, ContractTypes contract)
    {
        var body = creation as IOperation;
        while (body.Parent is not null)
            body = body.Parent;

        // A plain walk rather than Descendants() and LINQ: this runs for every request held in a local, in every build.
        var uses = new List<ILocalReferenceOperation>();
        var pending = new Stack<IOperation>();
        pending.Push(body);
        while (pending.Count > 0)
        {
            var operation = pending.Pop();
            if (operation is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local))
                uses.Add(reference);
            foreach (var child in operation.ChildOperations)
                pending.Push(child);
        }

        uses.Sort((a, b) => a.Syntax.SpanStart.CompareTo(b.Syntax.SpanStart));
        foreach (var use in uses)
            ReadUse(use, facts, contract);
    }

    private static void ReadUse(ILocalReferenceOperation use, ObjectFacts facts, ContractTypes contract)
    {
        switch (use.Parent)
        {
            case IPropertyReferenceOperation property when property.Instance == use:
                ReadMemberUse(property, facts, contract);
                break;
            case ISimpleAssignmentOperation assignment when assignment.Target == use:
                facts.MarkEscaped(); // the local now holds another object
                break;
            case IInvocationOperation { TargetMethod.ReturnsVoid: true } invocation when invocation.Instance == use:
                facts.MarkEscaped(); // MergeFrom, ClearOutputKey() and the like
                break;
            case IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out }:
                facts.MarkEscaped();
                break;
        }
    }

    /// <summary>A use of <c>local.Member</c>: a write to it, to one of its members, or a call on it.</summary>
    private static void ReadMemberUse(IPropertyReferenceOperation property, ObjectFacts facts, ContractTypes contract)
    {
        if (!contract.TryGetMember(property.Property, out var member))
            return;

        switch (property.Parent)
        {
            case ISimpleAssignmentOperation assignment when assignment.Target == property:
                Assign(facts, member, assignment, assignment.Value, contract, later: true);
                break;
            case ICompoundAssignmentOperation compound when compound.Target == property:
                facts.Record(new MemberWrite(member, compound, ContractValue.Unknown), later: true);
                break;
            case IIncrementOrDecrementOperation increment when increment.Target == property:
                facts.Record(new MemberWrite(member, increment, ContractValue.Unknown), later: true);
                break;
            case IPropertyReferenceOperation inner when inner.Instance == property:
                ReadNestedWrite(member, inner, facts, contract);
                break;
            case IInvocationOperation invocation when invocation.Instance == property:
                ReadCallOn(member, invocation, facts);
                break;
        }
    }

    /// <summary><c>local.Settings.X = v</c>, <c>local.Media.X = v</c>, <c>local.KmsEncryptionContext["k"] = v</c>.</summary>
    private static void ReadNestedWrite(BoundMember owner, IPropertyReferenceOperation inner, ObjectFacts facts, ContractTypes contract)
    {
        var isMember = contract.TryGetMember(inner.Property, out var member);
        switch (inner.Parent)
        {
            case ISimpleAssignmentOperation assignment when assignment.Target == inner:
                if (isMember)
                    Assign(facts, member, assignment, assignment.Value, contract, later: true);
                else if (owner.Member == ContractMember.KmsEncryptionContext)
                    facts.AddEncryptionContextEntries(1, assignment, later: true);
                break;
            case ICompoundAssignmentOperation compound when isMember && compound.Target == inner:
                facts.Record(new MemberWrite(member, compound, ContractValue.Unknown), later: true);
                break;
            case IIncrementOrDecrementOperation increment when isMember && increment.Target == inner:
                facts.Record(new MemberWrite(member, increment, ContractValue.Unknown), later: true);
                break;
        }
    }

    private static void ReadCallOn(BoundMember member, IInvocationOperation invocation, ObjectFacts facts)
    {
        var method = invocation.TargetMethod;
        switch (member.Member)
        {
            case ContractMember.KmsEncryptionContext:
                if (method.Name == "Add" && invocation.Arguments.Length == 2)
                    facts.AddEncryptionContextEntries(1, invocation, later: true);
                else if (method.Name is not ("ContainsKey" or "TryGetValue" or "GetEnumerator" or "Equals" or "GetHashCode" or "ToString"))
                    facts.AddEncryptionContextEntries(null, invocation, later: true);
                break;
            case ContractMember.Settings when method.ReturnsVoid:
                facts.ReplaceShape(ContractShape.Settings, known: false);
                facts.MarkWrittenLater();
                break;
            case ContractMember.Media when method.ReturnsVoid:
                facts.ReplaceShape(ContractShape.Media, known: false);
                facts.MarkWrittenLater();
                break;
            case ContractMember.Tags:
                facts.MarkWrittenLater();
                break;
        }
    }

    private static ILocalSymbol? DeclaredLocal(IObjectCreationOperation creation)
        => SkipConversions(creation.Parent) is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }
            ? declarator.Symbol
            : null;

    /// <summary>A request local declared with <c>new</c>: the locals whose later writes <see cref="ReadLaterUses"/> follows.</summary>
    private static bool IsFollowedRequestLocal(ILocalSymbol local, ContractTypes contract)
    {
        if (!contract.TryGetShape(local.Type, out var flavor, out var shape) || shape != flavor.RootShape)
            return false;
        return local.DeclaringSyntaxReferences.Any(reference =>
            reference.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: BaseObjectCreationExpressionSyntax });
    }

    private static IOperation? SkipConversions(IOperation? operation)
    {
        while (operation is IConversionOperation)
            operation = operation.Parent;
        return operation;
    }
}
