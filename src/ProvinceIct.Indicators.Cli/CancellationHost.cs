using System.Runtime.InteropServices;

namespace ProvinceIct.Indicators.Cli;

/// <summary>
/// Turns SIGINT (Ctrl-C) and SIGTERM into cooperative cancellation: the runtime's default handling (ending the process)
/// is cancelled and <see cref="Token"/> is cancelled instead, so the running command stops at its next check, writes
/// nothing and leaves any earlier output file as it was. <see cref="ExitCode"/> then gives the conventional code of the
/// signal that arrived first: 130 for SIGINT, 143 for SIGTERM.
/// </summary>
internal sealed class CancellationHost : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly List<PosixSignalRegistration> _registrations = [];
    private int _signal;

    public CancellationHost()
    {
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM })
        {
            try
            {
                _registrations.Add(PosixSignalRegistration.Create(signal, OnSignal));
            }
            catch (PlatformNotSupportedException)
            {
                // A platform without this signal: nothing to register.
            }
        }
    }

    /// <summary>Cancelled when the first SIGINT or SIGTERM arrives.</summary>
    public CancellationToken Token => _source.Token;

    /// <summary>130 after SIGINT, 143 after SIGTERM (128 + the signal number), <see cref="ExitCodes.Cancelled"/> before any signal.</summary>
    public int ExitCode => Volatile.Read(ref _signal) == ExitCodes.Terminated ? ExitCodes.Terminated : ExitCodes.Cancelled;

    public void Dispose()
    {
        foreach (var r in _registrations)
        {
            r.Dispose();
        }

        _source.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true;
        Interlocked.CompareExchange(ref _signal, context.Signal == PosixSignal.SIGTERM ? ExitCodes.Terminated : ExitCodes.Cancelled, 0);
        try
        {
            _source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The command has already finished.
        }
    }
}
