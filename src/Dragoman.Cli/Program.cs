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
});
try
{
    return await app.RunAsync(Dragoman.Ingest.InputSources.ProtectStdinArgument(args));
}
catch (CommandAppException ex)
{
    Console.Error.WriteLine($"dragoman: {ex.Message}");
    return 2;
}
