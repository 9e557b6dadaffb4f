using System.Text.Json.Nodes;
using Dragoman.Output;
using Dragoman.Storage;

namespace Dragoman.Tests.Storage;

/// <summary>
/// The stored document is the public JSON with the article text nulled (the text has its own column). It is written
/// straight from the nodes; its bytes must stay those of a copy with the text set to null, so stored documents and
/// everything read back from them do not change.
/// </summary>
public sealed class StoredDocumentJsonTests
{
    // the article object, reason
    public static TheoryData<string, string> Cases => new()
    {
        { """{"uri":"u1","text":"Rain fell on the plain.","title":"Rain"}""", "the text between other fields keeps its place as null" },
        { """{"uri":"u2","title":"Only a title"}""", "an article without text gets a null text added last, as setting it does" },
        { """{"text":"Le café « Zébu » a fermé — 3 € près d'ici.","uri":"u3"}""", "accented letters, guillemets and symbols are written by the same encoder" },
        { """{"uri":"u4","text":null,"keywords":["a","b"],"credits":{"by":"<b>&'\""}}""", "a null text, arrays, objects and characters an HTML-safe encoder would escape" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_stored_document_is_the_document_with_the_text_nulled(string article, string reason)
    {
        var doc = new JsonObject
        {
            ["schema"] = "test",
            ["article"] = JsonNode.Parse(article),
            ["entities"] = new JsonArray(new JsonObject { ["id"] = "e1", ["type"] = "LOC", ["name"] = "Zébu", ["score"] = 0.125 }),
            ["events"] = new JsonArray(),
        };
        var expected = doc.DeepClone().AsObject();
        ((JsonObject)expected["article"]!)["text"] = null;
        var before = doc.ToJsonString();
        var stored = DocumentRows.WithoutText(doc);
        Assert.True(expected.ToJsonString(DocumentJson.Compact) == stored, $"{reason}: {stored}");
        Assert.True(before == doc.ToJsonString(), $"{reason}: the document itself is left as it was");
    }
}
