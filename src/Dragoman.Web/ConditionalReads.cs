using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Dragoman.Web;

/// <summary>
/// GET and HEAD for every read: HEAD runs the GET handler and sends its headers without the body; each successful
/// read gets a weak ETag (a hash of the body before compression) and an If-None-Match that matches is answered 304
/// with no body. Bodies are buffered to hash them, which the reads' page limits keep small.
/// </summary>
public static class ConditionalReads
{
    public static async Task Handle(HttpContext context, Func<Task> next)
    {
        var request = context.Request;
        bool head = HttpMethods.IsHead(request.Method);
        if (!head && !HttpMethods.IsGet(request.Method))
        {
            await next();
            return;
        }
        if (head) request.Method = HttpMethods.Get; // routed and handled as the GET it stands for
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next();
        }
        finally
        {
            context.Response.Body = original;
            if (head) request.Method = HttpMethods.Head;
        }
        var response = context.Response;
        if (response.StatusCode == StatusCodes.Status200OK)
        {
            var tag = ETagOf(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
            response.Headers.ETag = tag;
            if (Matches(request.Headers.IfNoneMatch, tag))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                response.ContentLength = null;
                return;
            }
        }
        response.ContentLength = buffer.Length;
        if (head) return;
        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    /// <summary>W/"first 16 bytes of SHA-256, hex": weak, as compression changes the bytes on the wire but not the content.</summary>
    public static string ETagOf(ReadOnlySpan<byte> body) => "W/\"" + Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 16)) + "\"";

    /// <summary>Whether an If-None-Match header names this tag (weak comparison) or is "*".</summary>
    public static bool Matches(Microsoft.Extensions.Primitives.StringValues ifNoneMatch, string tag)
    {
        if (ifNoneMatch.Count == 0) return false;
        if (!EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags)) return false;
        var ours = EntityTagHeaderValue.Parse(tag);
        return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(ours, useStrongComparison: false));
    }
}
