using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;

namespace Switchboard.Bench.Media.Rtpengine;

/// <summary>
/// rtpengine (Debian package <c>rtpengine-daemon</c>) as a child process of the bench: started in the
/// foreground, forwarding in userspace only, controlled over the ng protocol on loopback, and killed when
/// disposed, on failure as well as at the end. It reads no config file, so a system's /etc/rtpengine cannot
/// change what is measured.
/// </summary>
internal sealed class RtpengineDaemon : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(10);

    private readonly Process _process;
    private readonly ILogger _logger;
    private readonly PosixSignalRegistration[] _killOnSignal;

    private RtpengineDaemon(Process process, NgClient control, string commandLine, ILogger logger)
    {
        _process = process;
        _logger = logger;
        Control = control;
        CommandLine = commandLine;

        // Should the bench be stopped by a signal, take the daemon with it: the runtime then exits without
        // unwinding to DisposeAsync. (A terminal's Ctrl+C reaches the daemon anyway, as it shares our process
        // group; `kill PID` does not.)
        _killOnSignal =
        [
            .. new[] { PosixSignal.SIGTERM, PosixSignal.SIGINT, PosixSignal.SIGHUP, PosixSignal.SIGQUIT }
                .Select(signal => PosixSignalRegistration.Create(signal, _ => Kill())),
        ];
    }

    public NgClient Control { get; }

    public string CommandLine { get; }

    public int ProcessId => _process.Id;

    /// <summary>CPU time of all the daemon's threads since it started.</summary>
    public TimeSpan CpuTime => CpuClock.OfProcess(_process.Id);

    /// <summary>The daemon's resident set (VmRSS in /proc/PID/status).</summary>
    public long ResidentBytes =>
        File.ReadLines($"/proc/{_process.Id}/status")
            .Where(line => line.StartsWith("VmRSS:", StringComparison.Ordinal))
            .Select(line => long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0]) * 1024)
            .First();

    /// <summary>The rtpengine binary: on PATH, else where the Debian package puts it.</summary>
    public static string? FindExecutable() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/bin", "/usr/sbin"])
            .Select(directory => Path.Combine(directory, "rtpengine"))
            .FirstOrDefault(File.Exists);

    /// <summary>What <c>rtpengine --version</c> prints.</summary>
    public static async Task<string> VersionAsync(string executable, CancellationToken cancellationToken)
    {
        using var process = Process.Start(new ProcessStartInfo(executable, "--version") { RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException($"{executable} did not start");
        var output = await process.StandardOutput.ReadToEndAsync(cancellationToken) + await process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return output.Trim();
    }

    /// <summary>Starts the daemon with media ports in [<paramref name="portMin"/>, <paramref name="portMax"/>] and waits until it answers a ping.</summary>
    public static async Task<RtpengineDaemon> StartAsync(string executable, int portMin, int portMax, ILogger logger, CancellationToken cancellationToken)
    {
        var controlPort = FreeUdpPort();
        var start = new ProcessStartInfo(executable) { RedirectStandardError = true, RedirectStandardOutput = true };
        string[] arguments =
        [
            "--config-file=none",
            "--foreground",
            "--log-stderr",
            "--log-level=4",

            // A negative kernel table: no in-kernel forwarding, every packet goes through the daemon's threads.
            "--table=-1",
            "--interface=127.0.0.1",
            $"--listen-ng=127.0.0.1:{controlPort}",
            $"--port-min={portMin}",
            $"--port-max={portMax}",
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{executable} did not start");
        var commandLine = $"{executable} {string.Join(' ', arguments)}";
        var daemon = new RtpengineDaemon(process, new NgClient(new IPEndPoint(IPAddress.Loopback, controlPort)), commandLine, logger);
        process.ErrorDataReceived += (_, line) => daemon.Relay(line.Data);
        process.OutputDataReceived += (_, line) => daemon.Relay(line.Data);
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        try
        {
            await daemon.WaitUntilReadyAsync(cancellationToken);
        }
        catch
        {
            await daemon.DisposeAsync();
            throw;
        }

        RtpengineLog.Started(logger, process.Id, commandLine);
        return daemon;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var registration in _killOnSignal)
        {
            registration.Dispose();
        }

        Control.Dispose();
        Kill();
        await _process.WaitForExitAsync(CancellationToken.None);
        RtpengineLog.Stopped(_logger, _process.Id);
        _process.Dispose();
    }

    private static int FreeUdpPort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"rtpengine exited with code {_process.ExitCode} before it answered (its output is logged above)");
            }

            try
            {
                if ((await Control.PingAsync(cancellationToken)).IsSuccess)
                {
                    return;
                }
            }
            catch (Exception failure) when (failure is SocketException or TimeoutException)
            {
                // Not listening yet: ICMP port unreachable comes back as a SocketException.
            }

            if (waited.Elapsed > StartTimeout)
            {
                throw new TimeoutException($"rtpengine did not answer a ping within {StartTimeout.TotalSeconds} s");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    private void Relay(string? line)
    {
        if (!string.IsNullOrWhiteSpace(line))
        {
            RtpengineLog.DaemonSaid(_logger, line);
        }
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // It exited in between.
        }
    }
}
