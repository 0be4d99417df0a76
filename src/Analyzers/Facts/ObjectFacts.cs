using System;
using System.Collections.Generic;
using System.Linq;
using MedGrpc.Analyzers.Contract;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MedGrpc.Analyzers.Facts;

/// <summary>
/// What one method does to one request (or settings, media, tag) object: its initializer, nested initializers and
/// later assignments through the local it is stored in, merged into the last value of each contract member.
/// Rules that relate two members read these instead of single assignments.
/// </summary>
public sealed class ObjectFacts
{
    // Indexed by member: a handful of writes per object, read by every rule.
    private readonly MemberWrite?[] _writes = new MemberWrite?[MemberCount];
    private readonly HashSet<ContractShape> _unknownShapes = new();

    public ObjectFacts(IObjectCreationOperation creation, RequestFlavor flavor, ContractShape shape)
    {
        Creation = creation;
        Flavor = flavor;
        Shape = shape;
    }

    public IObjectCreationOperation Creation { get; }

    public RequestFlavor Flavor { get; }

    public ContractShape Shape { get; }

    /// <summary>Something the analyzer cannot follow may have changed the object (reassigned, passed by ref, MergeFrom, ClearX()).</summary>
    public bool Escaped { get; private set; }

    /// <summary>Assigned after its initializer in the same method.</summary>
    public bool WrittenLater { get; private set; }

    /// <summary>Entries known to be in the KMS encryption context; null when they cannot be counted.</summary>
    public int? EncryptionContextEntries { get; private set; } = 0;

    /// <summary>The last place the encryption context was filled, for diagnostics.</summary>
    public IOperation? EncryptionContextWrite { get; private set; }

    private static readonly int MemberCount = Enum.GetValues(typeof(ContractMember)).Cast<int>().Max() + 1;

    public bool TryGet(ContractMember member, out MemberWrite write)
    {
        write = _writes[(int)member]!;
        return write is not null;
    }

    /// <summary>True when the member is set at all (to a known or unknown value).</summary>
    public bool IsSet(ContractMember member) => TryGet(member, out var write) && write.Value.IsSet;

    /// <summary>True only when the analyzer saw every write that could set the member and none did.</summary>
    public bool IsKnownUnset(ContractMember member, ContractShape shape)
        => !Escaped && !_unknownShapes.Contains(shape) && !IsSet(member);

    /// <summary>True when a nested object (Settings, Media) came from somewhere the analyzer cannot see.</summary>
    public bool IsUnknown(ContractShape shape) => Escaped || _unknownShapes.Contains(shape);

    internal void Record(MemberWrite write, bool later)
    {
        _writes[(int)write.Member.Member] = write;
        WrittenLater |= later;
    }

    /// <summary>A new nested object replaces everything set on the old one.</summary>
    internal void ReplaceShape(ContractShape shape, bool known)
    {
        for (var i = 0; i < _writes.Length; i++)
        {
            if (_writes[i]?.Member.Shape == shape)
                _writes[i] = null;
        }

        if (known)
            _unknownShapes.Remove(shape);
        else
            _unknownShapes.Add(shape);
    }

    internal void SetEncryptionContext(int? entries, IOperation write, bool later)
    {
        EncryptionContextEntries = entries;
        EncryptionContextWrite = write;
        WrittenLater |= later;
    }

    internal void AddEncryptionContextEntries(int? entries, IOperation write, bool later)
    {
        EncryptionContextEntries = EncryptionContextEntries is { } known && entries is { } more ? known + more : null;
        EncryptionContextWrite = write;
        WrittenLater |= later;
    }

    internal void MarkWrittenLater() => WrittenLater = true;

    internal void MarkEscaped() => Escaped = true;
}
