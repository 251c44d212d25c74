using System.Text;
using System.Text.RegularExpressions;

namespace CircuitDriver;

/// <summary>One node of <see cref="RenderedDom"/>: an element, a text, a markup block or a component's container.</summary>
internal sealed partial class DomNode
{
    private DomNode(string? tag, DomNode? parent)
    {
        Tag = tag;
        Parent = parent;
    }

    /// <summary>The element's tag; null for text, markup and component containers.</summary>
    public string? Tag { get; }

    public DomNode? Parent { get; }

    /// <summary>The component whose render made this element (a browser's eventFieldInfo names it).</summary>
    public int OwnerComponentId { get; private init; }

    /// <summary>The component a container holds, else 0.</summary>
    public int ComponentId { get; private init; }

    public bool IsMarkup { get; private init; }

    public string? Text { get; set; }

    public Dictionary<string, string?>? Attributes { get; set; }

    /// <summary>Event name ("click", "input") to its handler ID and the component that owns it.</summary>
    public Dictionary<string, (ulong HandlerId, int ComponentId)>? Events { get; set; }

    public List<DomNode> Children { get; } = [];

    public static DomNode Element(string tag, int owner, DomNode parent) => new(tag, parent) { OwnerComponentId = owner };

    public static DomNode TextNode(string? text, DomNode parent) => new(null, parent) { Text = text };

    public static DomNode Markup(string? markup, DomNode parent) => new(null, parent) { Text = markup, IsMarkup = true };

    public static DomNode Component(int componentId, DomNode? parent) => new(null, parent) { ComponentId = componentId };

    public string? Attribute(string name) => Attributes is { } a && a.TryGetValue(name, out var value) ? value : null;

    /// <summary>This node and everything under it, depth first, in document order.</summary>
    public IEnumerable<DomNode> DescendantsAndSelf()
    {
        var stack = new Stack<DomNode>();
        stack.Push(this);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            yield return node;
            for (var i = node.Children.Count - 1; i >= 0; i--)
            {
                stack.Push(node.Children[i]);
            }
        }
    }

    /// <summary>The text a reader sees (markup's tags dropped).</summary>
    public string TextContent()
    {
        var text = new StringBuilder();
        foreach (var node in DescendantsAndSelf())
        {
            if (node.Tag is null && node.Text is { } t)
            {
                text.Append(node.IsMarkup ? Tags().Replace(t, "") : t);
            }
        }

        return text.ToString();
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();
}
