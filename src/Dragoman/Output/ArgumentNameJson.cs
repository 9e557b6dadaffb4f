using System.Text.Json.Nodes;
using Dragoman.Documents;

namespace Dragoman.Output;

/// <summary>The `name` of an exported actor or target (docs/schema.md): its full name and where the long form is defined.</summary>
public static class ArgumentNameJson
{
    /// <summary>Adds `name` {text, from, start, end} when the argument has a full name; leaves the object as it is otherwise.</summary>
    public static JsonObject WithName(this JsonObject argument, ArgumentName? name)
    {
        if (name is null) return argument;
        var o = new JsonObject { ["text"] = name.Text, ["from"] = name.From };
        if (name.Defined is { } d) { o["start"] = d.Start; o["end"] = d.End; }
        argument["name"] = o;
        return argument;
    }
}
