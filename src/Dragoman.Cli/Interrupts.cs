using System.Runtime.InteropServices;

namespace Dragoman.Cli;

/// <summary>
/// Ctrl+C (SIGINT) and SIGTERM cancel the command's token instead of killing the process, so that a batch stops
/// intake, stores what is done and prints its summary. A second signal ends the process at once.
/// </summary>
public sealed class Interrupts : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly PosixSignalRegistration[] _registrations;
    private static volatile int _signal;

    private Interrupts()
    {
        _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle), PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle)];
    }

    public static Interrupts Listen() => new();

    public CancellationToken Token => _source.Token;

    /// <summary>The shell's exit code for the signal that stopped the run: 130 for SIGINT, 143 for SIGTERM.</summary>
    public static int ExitCode => _signal == (int)PosixSignal.SIGTERM ? 143 : 130;

    private void Handle(PosixSignalContext context)
    {
        if (_source.IsCancellationRequested) return; // the second signal: default handling ends the process
        context.Cancel = true;
        _signal = (int)context.Signal;
        Console.Error.WriteLine(context.Signal == PosixSignal.SIGTERM
            ? "dragoman: SIGTERM, stopping; what is done is kept (again to stop at once)"
            : "dragoman: interrupted, stopping; what is done is kept (Ctrl+C again to stop at once)");
        _source.Cancel();
    }

    public void Dispose()
    {
        foreach (var r in _registrations) r.Dispose();
        _source.Dispose();
    }
}
