using System.Text.Json.Nodes;

namespace Dragoman.Tests.Golden;

public class JsonSubsetTests
{
    [Theory]
    [InlineData("""{"a":1}""", """{"a":1,"b":2}""", true, "extra actual keys are ignored")]
    [InlineData("""{"a":1}""", """{"a":2}""", false, "a differing number fails")]
    [InlineData("""{"a":"~syrian obs"}""", """{"a":"The Syrian Observer"}""", true, "tilde means case-insensitive substring")]
    [InlineData("""{"a":"~jordan"}""", """{"a":"Syria"}""", false, "substring absent fails")]
    [InlineData("""{"n":"30..40"}""", """{"n":31}""", true, "a range string accepts a number inside it")]
    [InlineData("""{"n":"30..40"}""", """{"n":41}""", false, "a number outside the range fails")]
    [InlineData("""[{"x":1}]""", """[{"x":2},{"x":1,"y":0}]""", true, "array items match anywhere")]
    [InlineData("""[{"x":3}]""", """[{"x":2},{"x":1}]""", false, "an expected item with no match fails")]
    [InlineData("""{"a":"!absent"}""", """{"a":null}""", true, "null counts as absent")]
    [InlineData("""{"a":"!absent"}""", """{"a":"x"}""", false, "a present value is not absent")]
    [InlineData("""{"a":"!absent"}""", """{"b":1}""", true, "a missing key is absent")]
    [InlineData("""{"k":true}""", """{"k":false}""", false, "booleans compare")]
    public void Matches_expected_fragments(string expected, string actual, bool matches, string reason)
    {
        var errors = JsonSubset.Mismatches(JsonNode.Parse(expected), JsonNode.Parse(actual));
        Assert.True(errors.Count == 0 == matches, $"{reason}: {string.Join("; ", errors)}");
    }

    [Theory]
    [InlineData(31, """{"min":31}""", true, "an int built in code equals the parsed number")]
    [InlineData(30, """{"min":31}""", false, "a different int fails")]
    [InlineData(31, """{"min":"30..40"}""", true, "an int built in code falls in a range")]
    public void Numbers_built_in_code_compare_like_parsed_ones(int min, string expected, bool matches, string reason)
    {
        var actual = new JsonObject { ["min"] = min };
        Assert.True(JsonSubset.Mismatches(JsonNode.Parse(expected), actual).Count == 0 == matches, reason);
    }
}
