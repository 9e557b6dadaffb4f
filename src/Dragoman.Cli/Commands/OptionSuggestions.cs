using System.Reflection;
using Spectre.Console.Cli;

namespace Dragoman.Cli.Commands;

/// <summary>
/// The nearest known option to one the user mistyped ("--form" -> "--from"). Spectre.Console.Cli suggests commands
/// but not options; a command's options are those of its settings type, and a command class is named after its
/// words ("train ner" -> TrainNerCommand), which is how the words on the command line find it.
/// </summary>
public static class OptionSuggestions
{
    private static readonly Dictionary<string, Type> SettingsByCommandKey = typeof(OptionSuggestions).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && t.Name.EndsWith("Command", StringComparison.Ordinal) && SettingsTypeOf(t) is not null)
        .ToDictionary(t => t.Name[..^"Command".Length].ToLowerInvariant(), t => SettingsTypeOf(t)!);

    /// <summary>The command-name keys of every command class (for tests: each command's words find its class).</summary>
    public static IReadOnlyCollection<string> CommandKeys => SettingsByCommandKey.Keys;

    private static Type? SettingsTypeOf(Type command)
    {
        for (var t = command.BaseType; t is not null; t = t.BaseType)
            if (t.IsGenericType && (t.GetGenericTypeDefinition() == typeof(Command<>) || t.GetGenericTypeDefinition() == typeof(AsyncCommand<>)))
                return t.GetGenericArguments()[0];
        return null;
    }

    /// <summary>The long option names ("--from") a settings type declares, with those of its base types.</summary>
    public static IEnumerable<string> OptionsOf(Type settings) => settings
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Select(p => p.GetCustomAttribute<CommandOptionAttribute>())
        .Where(a => a is not null)
        .SelectMany(a => a!.LongNames.Select(n => "--" + n));

    /// <summary>The settings type of the command the leading words of <paramref name="args"/> name (longest match), or null.</summary>
    public static Type? SettingsFor(IReadOnlyList<string> args)
    {
        var words = args.TakeWhile(a => !a.StartsWith('-')).Select(a => a.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant()).ToList();
        for (int n = Math.Min(words.Count, 3); n >= 1; n--)
            if (SettingsByCommandKey.TryGetValue(string.Concat(words.Take(n)), out var settings)) return settings;
        return null;
    }

    /// <summary>The known option of the named command nearest to <paramref name="unknown"/> (at most 3 edits), or null.</summary>
    public static string? Nearest(IReadOnlyList<string> args, string unknown)
    {
        if (SettingsFor(args) is not { } settings) return null;
        var typed = "--" + unknown.TrimStart('-');
        const int MaxEdits = 3;
        return OptionsOf(settings)
            .Select(o => (Option: o, Distance: Distance(typed, o)))
            .Where(c => c.Distance <= Math.Min(MaxEdits, Math.Max(1, typed.Length / 3)) || c.Option.StartsWith(typed, StringComparison.Ordinal))
            .OrderBy(c => c.Distance).ThenBy(c => c.Option, StringComparer.Ordinal)
            .Select(c => c.Option).FirstOrDefault();
    }

    /// <summary>Edits between two names, a swap of neighbours counting one ("form" / "from"): optimal string alignment.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        return d[a.Length, b.Length];
    }

    /// <summary>The name inside Spectre's "Unknown option 'form'." message, or null for other errors.</summary>
    public static string? UnknownOptionIn(string message)
    {
        const string Prefix = "Unknown option '";
        if (!message.StartsWith(Prefix, StringComparison.Ordinal)) return null;
        int end = message.IndexOf('\'', Prefix.Length);
        return end < 0 ? null : message[Prefix.Length..end];
    }
}

/// <summary>How a command line Spectre.Console.Cli cannot parse is reported: the problem, a suggestion, exit code 2.</summary>
public static class CommandLineErrors
{
    public const int ExitCode = 2;

    /// <summary>The build's version (`dragoman --version`): the assembly's informational version.</summary>
    public static string Version => typeof(CommandLineErrors).Assembly
        .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public static int Report(CommandAppException ex, string[] args)
    {
        var err = Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings { Out = new Spectre.Console.AnsiConsoleOutput(Console.Error) });
        if (ex.Pretty is { } pretty) err.Write(pretty); // Spectre's own view: the command line with the culprit underlined
        Console.Error.WriteLine($"dragoman: {ex.Message}");
        if (OptionSuggestions.UnknownOptionIn(ex.Message) is { } unknown)
        {
            var command = string.Join(' ', args.TakeWhile(a => !a.StartsWith('-')).Take(2));
            Console.Error.WriteLine(OptionSuggestions.Nearest(args, unknown) is { } near
                ? $"dragoman: did you mean {near}? (`dragoman {command} --help` lists the options)"
                : $"dragoman: `dragoman {command} --help` lists the options");
        }
        return ExitCode;
    }
}
