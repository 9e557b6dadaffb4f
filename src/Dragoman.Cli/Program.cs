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
    config.AddBranch("actors", actors =>
    {
        actors.SetDescription("Actor dictionaries: compile the field's dictionaries, benchmark matching and linking.");
        actors.AddCommand<ActorsBuildCommand>("build").WithDescription("Compile Phoenix/PLOVER/CountryInfo dictionaries into data/actors/actors.tsv.gz.");
        actors.AddCommand<ActorsBenchCommand>("bench").WithDescription("Time dictionary matching and linking over a FA-KES style CSV.");
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
