using Dragoman.Fetch;
using Dragoman.Ingest;

namespace Dragoman.Cli.Commands;

/// <summary>Command-line inputs in order: http(s) URLs are fetched (Fetch/), everything else is read from disk (Ingest/InputSources).</summary>
public static class InputArguments
{
    public static IEnumerable<InputItem> Expand(IEnumerable<string> paths, string? urlsFile, FetchOptions? options = null)
    {
        Fetcher? fetcher = null;
        try
        {
            foreach (var p in paths)
            {
                if (WebInputs.IsUrl(p))
                {
                    fetcher ??= new Fetcher(options);
                    foreach (var i in new WebInputs(fetcher).Expand([p])) yield return i;
                }
                else foreach (var i in InputSources.Expand([p])) yield return i;
            }
            if (urlsFile is null) yield break;
            var list = WebInputs.ReadUrlList(urlsFile);
            if (!list.IsOk) { yield return InputItem.Failed(urlsFile, list.Error!); yield break; }
            fetcher ??= new Fetcher(options);
            foreach (var i in new WebInputs(fetcher).Expand(list.Value!)) yield return i;
        }
        finally { fetcher?.Dispose(); }
    }
}
