using Dragoman.Cli.Commands;
using Spectre.Console.Cli;

var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("dragoman");
    config.PropagateExceptions();
    config.AddCommand<ExtractCommand>("extract")
        .WithDescription("Read articles and print their entities, places, times and events as JSON.")
        .WithExample("extract", "article.html", "--published", "2019-02-10");
    config.AddBranch("eval", e => e.AddCommand<EvalTimeCommand>("time")
        .WithDescription("Score the time tagger on TimeML (.tml) files: value accuracy and end-to-end F1."));
    config.AddBranch("bench", b => b.AddCommand<BenchTimeCommand>("time")
        .WithDescription("Measure the time tagger's speed (MB/s on one core) over text files."));
});
try
{
    return await app.RunAsync(args);
}
catch (CommandAppException ex)
{
    Console.Error.WriteLine($"dragoman: {ex.Message}");
    return 2;
}
