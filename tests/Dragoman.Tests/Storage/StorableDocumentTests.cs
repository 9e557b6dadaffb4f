using Dragoman.Documents;
using Dragoman.Storage;

namespace Dragoman.Tests.Storage;

public class StorableDocumentTests
{
    [Theory]
    [InlineData("", "SHA256(text)", "a reader that left the hash empty: computed from the clean text")]
    [InlineData("abc123", "abc123", "a reader's hash is kept as given")]
    public void The_identity_is_the_content_hash(string given, string expected, string reason)
    {
        var text = "Title\n\nBody text.";
        var doc = new Document(new Article { Uri = "test:x", Text = text, ContentHash = given }, null);
        var s = StorableDocument.From(doc);
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
        Assert.True((expected == "SHA256(text)" ? sha : expected) == s.Hash, reason);
        Assert.Equal(s.Hash, s.Json["article"]!["hash"]!.GetValue<string>());
        Assert.Equal(s.Hash, s.Rows.Article.Hash);
    }
}
