using System.Buffers.Binary;
using System.Text;

namespace CircuitDriver;

/// <summary>
/// A circuit's rendered output as a browser's DOM would hold it, built from the out-of-process render batches the
/// server sends (the layout blazor.web.js reads in OutOfProcessRenderBatch.ts and applies in BrowserRenderer.ts):
/// elements with their attributes and event handler IDs, text, markup and one container per component.
/// </summary>
internal sealed class RenderedDom
{
    private const int ReferenceFrameSize = 20;
    private const int EditSize = 16;

    private readonly Dictionary<int, DomNode> _components = [];
    private readonly List<DomNode> _roots = [];

    /// <summary>The components that no other component renders (the page's root components), in the order they first rendered.</summary>
    public IReadOnlyList<DomNode> Roots => _roots;

    /// <summary>Applies one render batch to the tree.</summary>
    public void Apply(ReadOnlySpan<byte> batch)
    {
        var reader = new BatchReader(batch);
        var updated = reader.Int32(batch.Length - 20);
        var referenceFrames = reader.Int32(batch.Length - 16) + 4;
        var disposedComponents = reader.Int32(batch.Length - 12);

        var updatedCount = reader.Int32(updated);
        for (var i = 0; i < updatedCount; i++)
        {
            var diff = reader.Int32(updated + 4 + i * 4);
            var componentId = reader.Int32(diff);
            if (!_components.TryGetValue(componentId, out var container))
            {
                // A root component: blazor.web.js attaches it where its prerendered markers were.
                container = DomNode.Component(componentId, null);
                _components[componentId] = container;
                _roots.Add(container);
            }

            ApplyEdits(reader, componentId, container, diff + 4, referenceFrames);
        }

        var disposedCount = reader.Int32(disposedComponents);
        for (var i = 0; i < disposedCount; i++)
        {
            var id = reader.Int32(disposedComponents + 4 + i * 4);
            if (_components.Remove(id, out var gone))
            {
                _roots.Remove(gone);
            }
        }
    }

    private void ApplyEdits(BatchReader reader, int componentId, DomNode container, int edits, int frames)
    {
        var parent = container;
        var count = reader.Int32(edits);
        List<(int From, int To)>? permutations = null;
        for (var i = 0; i < count; i++)
        {
            var edit = edits + 4 + i * EditSize;
            var type = (EditType)reader.Int32(edit);
            var sibling = reader.Int32(edit + 4);
            var frameIndex = reader.Int32(edit + 8);
            switch (type)
            {
                case EditType.PrependFrame:
                    InsertFrame(reader, componentId, parent, sibling, frames, frameIndex);
                    break;
                case EditType.RemoveFrame:
                    parent.Children.RemoveAt(sibling);
                    break;
                case EditType.SetAttribute:
                    ApplyAttribute(reader, componentId, parent.Children[sibling], Frame(frames, frameIndex));
                    break;
                case EditType.RemoveAttribute:
                    var name = reader.String(reader.Int32(edit + 12)) ?? "";
                    var element = parent.Children[sibling];
                    element.Attributes?.Remove(name);
                    if (name.StartsWith("on", StringComparison.Ordinal))
                    {
                        element.Events?.Remove(name[2..]);
                    }

                    break;
                case EditType.UpdateText:
                    parent.Children[sibling].Text = reader.String(reader.Int32(Frame(frames, frameIndex) + 4));
                    break;
                case EditType.UpdateMarkup:
                    parent.Children[sibling] = DomNode.Markup(reader.String(reader.Int32(Frame(frames, frameIndex) + 4)), parent);
                    break;
                case EditType.StepIn:
                    parent = parent.Children[sibling];
                    break;
                case EditType.StepOut:
                    parent = parent.Parent ?? container;
                    break;
                case EditType.PermutationListEntry:
                    (permutations ??= []).Add((sibling, frameIndex));
                    break;
                case EditType.PermutationListEnd:
                    var moved = permutations!.Select(p => (p.To, Node: parent.Children[p.From])).ToList();
                    foreach (var (to, node) in moved)
                    {
                        parent.Children[to] = node;
                    }

                    permutations = null;
                    break;
                default:
                    throw new InvalidDataException($"Unknown render tree edit type {(int)type}.");
            }
        }
    }

    private static int Frame(int frames, int index) => frames + index * ReferenceFrameSize;

    /// <summary>Inserts the frame at <paramref name="frameIndex"/> as child <paramref name="childIndex"/>; returns how many children it added (a region adds its own).</summary>
    private int InsertFrame(BatchReader reader, int componentId, DomNode parent, int childIndex, int frames, int frameIndex)
    {
        var frame = Frame(frames, frameIndex);
        switch ((FrameType)reader.Int32(frame))
        {
            case FrameType.Element:
                var element = DomNode.Element(reader.String(reader.Int32(frame + 8)) ?? "", componentId, parent);
                parent.Children.Insert(childIndex, element);
                var end = frameIndex + reader.Int32(frame + 4);
                var index = frameIndex + 1;
                for (; index < end && (FrameType)reader.Int32(Frame(frames, index)) == FrameType.Attribute; index++)
                {
                    ApplyAttribute(reader, componentId, element, Frame(frames, index));
                }

                InsertFrameRange(reader, componentId, element, 0, frames, index, end);
                return 1;
            case FrameType.Text:
                parent.Children.Insert(childIndex, DomNode.TextNode(reader.String(reader.Int32(frame + 4)), parent));
                return 1;
            case FrameType.Markup:
                parent.Children.Insert(childIndex, DomNode.Markup(reader.String(reader.Int32(frame + 4)), parent));
                return 1;
            case FrameType.Component:
                var childId = reader.Int32(frame + 8);
                var container = DomNode.Component(childId, parent);
                _components[childId] = container;
                parent.Children.Insert(childIndex, container);
                return 1;
            case FrameType.Region:
                return InsertFrameRange(reader, componentId, parent, childIndex, frames, frameIndex + 1, frameIndex + reader.Int32(frame + 4));
            default:
                // Element reference captures, component render modes and named events: nothing a browser shows.
                return 0;
        }
    }

    private int InsertFrameRange(BatchReader reader, int componentId, DomNode parent, int childIndex, int frames, int start, int endExclusive)
    {
        var first = childIndex;
        for (var index = start; index < endExclusive; index++)
        {
            childIndex += InsertFrame(reader, componentId, parent, childIndex, frames, index);
            var frame = Frame(frames, index);
            if ((FrameType)reader.Int32(frame) is FrameType.Element or FrameType.Component or FrameType.Region)
            {
                index += reader.Int32(frame + 4) - 1;
            }
        }

        return childIndex - first;
    }

    private static void ApplyAttribute(BatchReader reader, int componentId, DomNode element, int frame)
    {
        var name = reader.String(reader.Int32(frame + 4)) ?? "";
        var handlerId = BinaryPrimitives.ReadUInt64LittleEndian(reader.Data.Slice(frame + 12, 8));
        if (handlerId != 0)
        {
            (element.Events ??= [])[name.StartsWith("on", StringComparison.Ordinal) ? name[2..] : name] = (handlerId, componentId);
        }
        else
        {
            (element.Attributes ??= [])[name] = reader.String(reader.Int32(frame + 8));
        }
    }

    private readonly ref struct BatchReader(ReadOnlySpan<byte> data)
    {
        public ReadOnlySpan<byte> Data { get; } = data;

        private readonly int _stringTable = BinaryPrimitives.ReadInt32LittleEndian(data[^4..]);

        public int Int32(int position) => BinaryPrimitives.ReadInt32LittleEndian(Data.Slice(position, 4));

        /// <summary>A string-table entry: .NET BinaryWriter's 7-bit length prefix, then UTF-8; -1 is null.</summary>
        public string? String(int index)
        {
            if (index == -1)
            {
                return null;
            }

            var position = Int32(_stringTable + index * 4);
            int length = 0, shift = 0;
            byte b;
            do
            {
                b = Data[position++];
                length |= (b & 0x7F) << shift;
                shift += 7;
            }
            while ((b & 0x80) != 0);
            return Encoding.UTF8.GetString(Data.Slice(position, length));
        }
    }

    private enum FrameType
    {
        Element = 1,
        Text = 2,
        Attribute = 3,
        Component = 4,
        Region = 5,
        ElementReferenceCapture = 6,
        Markup = 8,
    }

    private enum EditType
    {
        PrependFrame = 1,
        RemoveFrame = 2,
        SetAttribute = 3,
        RemoveAttribute = 4,
        UpdateText = 5,
        StepIn = 6,
        StepOut = 7,
        UpdateMarkup = 8,
        PermutationListEntry = 9,
        PermutationListEnd = 10,
    }
}
