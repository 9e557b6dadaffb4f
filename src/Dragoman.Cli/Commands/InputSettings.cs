using System.ComponentModel;
using Dragoman.Ingest.Json;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dragoman.Cli.Commands;

/// <summary>Options of commands that read inputs: field names of JSON and CSV inputs (--map, --preset).</summary>
public class InputSettings : PipelineSettings
{
    /// <summary>The input shapes, for the PATH argument's help.</summary>
    public const string Shapes = "Files, folders (recursive), globs, - for standard input, http(s) URLs. Read by content: HTML, text, JSON Lines, JSON arrays/objects, CSV, RSS 2.0/RSS 1.0 (RDF)/Atom feeds (one article per item), WARC and .warc.gz (one per HTML response), and any of these gzipped.";

    [CommandOption("--map <FIELDS>")]
    [Description("Field names of JSON/CSV inputs: field=name,... with fields text, html, title, published, source, url (e.g. text=maintext,published=date_publish; dotted paths reach nested objects).")]
    public string? Map { get; init; }

    [CommandOption("--preset <NAME>")]
    [Description("Field names of a known tool's output: news-please or mediacloud (--map entries override it).")]
    public string? Preset { get; init; }

    [CommandOption("--urls <FILE>")]
    [Description("A file of URLs to fetch, one per line (# comments); feeds give one article per item, each item's page fetched.")]
    public string? Urls { get; init; }

    /// <summary>The inputs named by PATH arguments and --urls, URLs fetched.</summary>
    public IEnumerable<Dragoman.Ingest.InputItem> Inputs(string[] paths) => InputArguments.Expand(StdinArgument.Restore(paths), Urls);

    public FieldMap FieldMap => FieldMap.Parse(Preset, Map).Value ?? FieldMap.None;

    public override ValidationResult Validate()
    {
        var map = FieldMap.Parse(Preset, Map);
        return map.IsOk ? base.Validate() : ValidationResult.Error(map.Error!);
    }
}
