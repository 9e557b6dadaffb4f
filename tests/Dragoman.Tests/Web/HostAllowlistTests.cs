using System.Net.Http.Headers;

namespace Dragoman.Tests.Web;

/// <summary>The server answers only requests that name it (DNS rebinding: a foreign name resolving to 127.0.0.1).</summary>
public sealed class HostAllowlistTests
{
    [Theory]
    [InlineData("localhost", "", 200, "the loopback name")]
    [InlineData("127.0.0.1:5080", "", 200, "the bound address with its port")]
    [InlineData("[::1]:5080", "", 200, "the IPv6 loopback address in brackets")]
    [InlineData("LOCALHOST", "", 200, "host names ignore case")]
    [InlineData("evil.example", "", 400, "a rebinding page's own name reads nothing")]
    [InlineData("evil.example:5080", "", 400, "with a port too")]
    [InlineData("news.lan", "news.lan", 200, "--allowed-hosts widens the list")]
    [InlineData("other.lan", "news.lan", 400, "only by the names it gives")]
    [InlineData("anything.example", "*", 200, "\"*\" allows any name")]
    public async Task Only_named_hosts_are_served(string host, string allowed, int expected, string reason)
    {
        await using var server = WebHost.Start(allowedHosts: allowed.Length == 0 ? [] : [allowed]);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/stats");
        request.Headers.Host = host;
        using var response = await server.Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == expected, $"{reason}: {(int)response.StatusCode} {body}");
        if (expected == 400) Assert.True(body.Contains("--allowed-hosts", StringComparison.Ordinal) && !body.Contains("articles", StringComparison.Ordinal), $"{reason}: {body}");
        Assert.True(response.Headers.Contains("X-Content-Type-Options"), $"{reason}: the security headers are kept");
    }
}
