using System.Text;

namespace ProvinceIct.Indicators.Reporting;

/// <summary>
/// A small writer of SVG markup: elements with attributes, escaped text, two-space indentation, LF line ends.
/// Attribute values and text are escaped with <see cref="Markup.Encode"/>; numbers are formatted by the caller with
/// <see cref="Markup.Coord"/>. No scripts, no external references.
/// </summary>
internal sealed class SvgWriter
{
    public const string Namespace = "http://www.w3.org/2000/svg";
    private readonly StringBuilder _sb = new();
    private readonly Stack<string> _open = new();

    public SvgWriter Open(string name, params (string Name, string? Value)[] attributes)
    {
        Indent();
        _sb.Append('<').Append(name);
        Attributes(attributes);
        _sb.Append(">\n");
        _open.Push(name);
        return this;
    }

    public SvgWriter Close()
    {
        var name = _open.Pop();
        Indent();
        _sb.Append("</").Append(name).Append(">\n");
        return this;
    }

    /// <summary>An empty element, or one holding only escaped text.</summary>
    public SvgWriter Element(string name, string? text, params (string Name, string? Value)[] attributes)
    {
        Indent();
        _sb.Append('<').Append(name);
        Attributes(attributes);
        if (text is null)
        {
            _sb.Append("/>\n");
        }
        else
        {
            _sb.Append('>').Append(Markup.Encode(text)).Append("</").Append(name).Append(">\n");
        }

        return this;
    }

    /// <summary>An element with a tooltip: <c>&lt;name ...&gt;&lt;title&gt;tooltip&lt;/title&gt;&lt;/name&gt;</c>.</summary>
    public SvgWriter WithTitle(string name, string tooltip, params (string Name, string? Value)[] attributes)
    {
        Indent();
        _sb.Append('<').Append(name);
        Attributes(attributes);
        _sb.Append("><title>").Append(Markup.Encode(tooltip)).Append("</title></").Append(name).Append(">\n");
        return this;
    }

    /// <summary>A text element with a tooltip, on one line: <c>&lt;text ...&gt;&lt;title&gt;tooltip&lt;/title&gt;text&lt;/text&gt;</c>.</summary>
    public SvgWriter TextWithTitle(string text, string tooltip, params (string Name, string? Value)[] attributes)
    {
        Indent();
        _sb.Append("<text");
        Attributes(attributes);
        _sb.Append("><title>").Append(Markup.Encode(tooltip)).Append("</title>").Append(Markup.Encode(text)).Append("</text>\n");
        return this;
    }

    /// <summary>Raw, already well-formed markup (used for fixed style text only).</summary>
    public SvgWriter Raw(string markup)
    {
        Indent();
        _sb.Append(markup).Append('\n');
        return this;
    }

    public override string ToString()
    {
        if (_open.Count != 0)
        {
            throw new InvalidOperationException("An SVG element was left open.");
        }

        return _sb.ToString().TrimEnd('\n');
    }

    private void Indent() => _sb.Append(' ', 2 * _open.Count);

    private void Attributes((string Name, string? Value)[] attributes)
    {
        foreach (var (n, v) in attributes)
        {
            if (v is not null)
            {
                _sb.Append(' ').Append(n).Append("=\"").Append(Markup.Encode(v)).Append('"');
            }
        }
    }
}
