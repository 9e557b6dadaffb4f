using System.Runtime.InteropServices;

namespace Dragoman.Cli;

/// <summary>
/// Ctrl+C (SIGINT) and SIGTERM end the process at once, as they do any program, until the command says it stops
/// gracefully (<see cref="Graceful"/>: ingest, watch, queue work, serve, export, once loaded). From then on the first
/// signal cancels the command's token instead, so that a batch stops intake, stores what is done and prints its
/// summary; a second signal ends the process at once. A command that does not watch its token (an eval, a listing) or
/// that is still loading its models would otherwise swallow the first signal and run on to its end.
/// </summary>
public sealed class Interrupts : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly PosixSignalRegistration[] _registrations;
    private static volatile int _signal;
    private static volatile string? _onStop; // what the graceful command does when stopped; null until it starts

    private Interrupts()
    {
        _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle), PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle)];
    }

    public static Interrupts Listen() => new();

    public CancellationToken Token => _source.Token;

    /// <summary>
    /// Marks the command as one that stops on <paramref name="token"/>; call it once loading is over, just before the
    /// work that watches the token. <paramref name="onStop"/> says what a stop does, for the line the signal prints.
    /// Returns the token.
    /// </summary>
    public static CancellationToken Graceful(CancellationToken token, string onStop)
    {
        _onStop = onStop;
        return token;
    }

    /// <summary>The shell's exit code for the signal that stopped the run: 130 for SIGINT, 143 for SIGTERM.</summary>
    public static int ExitCode => _signal == (int)PosixSignal.SIGTERM ? 143 : 130;

    private void Handle(PosixSignalContext context)
    {
        // before the command stops gracefully, and on the second signal: the default handling ends the process
        if (_onStop is not { } onStop || _source.IsCancellationRequested) return;
        context.Cancel = true;
        _signal = (int)context.Signal;
        Console.Error.WriteLine(context.Signal == PosixSignal.SIGTERM
            ? $"dragoman: SIGTERM, stopping: {onStop} (again to stop at once)"
            : $"dragoman: interrupted, stopping: {onStop} (Ctrl+C again to stop at once)");
        _source.Cancel();
    }

    public void Dispose()
    {
        foreach (var r in _registrations) r.Dispose();
        _source.Dispose();
    }
}
