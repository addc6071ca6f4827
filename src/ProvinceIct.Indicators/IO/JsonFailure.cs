using System.Text.Json;

namespace ProvinceIct.Indicators.IO;

/// <summary>
/// Describes why System.Text.Json could not read a document, from the exception's structure (the kind of its inner
/// exception; the location is reported separately from <see cref="JsonException.Path"/>, <see cref="JsonException.LineNumber"/>
/// and <see cref="JsonException.BytePositionInLine"/>), never from its message text, which names internal types and
/// changes between runtime versions.
/// </summary>
internal static class JsonFailure
{
    /// <summary>The reason, in words, for a problem's message.</summary>
    /// <param name="exception">The exception of the deserialiser.</param>
    /// <returns>One sentence.</returns>
    public static string Describe(JsonException exception) => exception.InnerException switch
    {
        // The reader's own exception: the text itself is not JSON.
        JsonException => "the text is not well-formed JSON (for example a missing comma, quote or bracket, or text after the end).",

        // A token of one JSON type where another was needed.
        InvalidOperationException or FormatException or OverflowException =>
            "a value has the wrong JSON type (for example text where a number or null is expected, or a number where text or an object is expected).",

        // Raised by the deserialiser itself: an unknown property (at the path), or a required one missing (in the object at the path).
        _ => "a property is not known there (names are case-sensitive, in camelCase), or a required property is missing.",
    };
}
