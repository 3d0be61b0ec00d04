using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Switchboard.Testing.Kamailio;

/// <summary>
/// A real Kamailio on 127.0.0.1, run in the foreground by the test from <c>Kamailio/kamailio.cfg</c>: a registrar
/// that challenges with digest, and a record-routing proxy that sends requests for <see cref="RegisteredUser"/> to its
/// registered contact and every other request to a callee. Runtime files stay in its own temporary directory.
/// </summary>
public sealed class KamailioProcess : IAsyncDisposable
{
    public const string Domain = "carrier.test";
    public const string RegisteredUser = "trunk";
    public const string Password = "trunk-secret";

    readonly Process _process;
    readonly string _directory;
    readonly StringBuilder _output = new();

    KamailioProcess(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    public IPEndPoint EndPoint => new(IPAddress.Loopback, Port);

    /// <summary>Kamailio's log (it logs to stderr), for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts Kamailio routing non-registered requests to <paramref name="callee"/> and waits until it listens.</summary>
    public static async Task<KamailioProcess> StartAsync(IPEndPoint callee)
    {
        var executable = FindExecutable();
        var directory = Path.Combine(Path.GetTempPath(), "kamailio-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var port = FreeUdpPort();
        var config = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Kamailio", "kamailio.cfg"))
            .Replace("{{DOMAIN}}", Domain, StringComparison.Ordinal)
            .Replace("{{PORT}}", port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{{MODULES}}", FindModules(), StringComparison.Ordinal)
            .Replace("{{PASSWORD}}", Password, StringComparison.Ordinal)
            .Replace("{{REGISTERED_USER}}", RegisteredUser, StringComparison.Ordinal)
            .Replace("{{CALLEE}}", $"{callee.Address}:{callee.Port}", StringComparison.Ordinal);
        var configPath = Path.Combine(directory, "kamailio.cfg");
        File.WriteAllText(configPath, config);

        // -DD: stay in the foreground; -E: log to stderr; -Y/-P/-w: no root-owned runtime paths; small memory pools.
        var info = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        foreach (var arg in new[] { "-f", configPath, "-P", Path.Combine(directory, "kamailio.pid"), "-w", directory, "-Y", directory, "-E", "-DD", "-m", "32", "-M", "4" })
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("kamailio did not start");
        var kamailio = new KamailioProcess(process, directory, port);
        process.OutputDataReceived += (_, e) => kamailio.Append(e.Data);
        process.ErrorDataReceived += (_, e) => kamailio.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!IsBound(port))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                await kamailio.DisposeAsync();
                throw new InvalidOperationException("kamailio did not start listening:\n" + kamailio.Output);
            }

            await Task.Delay(20);
        }

        return kamailio;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    static string FindExecutable()
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Append("/usr/sbin").Append("/usr/local/sbin"))
        {
            var candidate = Path.Combine(directory, "kamailio");
            if (directory.Length > 0 && File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("kamailio is not installed; ./test installs it (Debian package kamailio)");
    }

    /// <summary>Debian puts modules under the multiarch directory; other builds under lib/kamailio/modules.</summary>
    static string FindModules()
    {
        var candidates = Directory.Exists("/usr/lib")
            ? Directory.GetDirectories("/usr/lib").Select(d => Path.Combine(d, "kamailio", "modules")).Prepend("/usr/lib/kamailio/modules").Append("/usr/local/lib/kamailio/modules")
            : [];
        return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "tm.so")))
            ?? throw new InvalidOperationException("kamailio's modules (tm.so) were not found");
    }

    static int FreeUdpPort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    static bool IsBound(int port)
    {
        try
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return false;
        }
        catch (SocketException)
        {
            return true;
        }
    }

    void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            if (_output.Length < 200_000)
            {
                _output.AppendLine(line);
            }
        }
    }
}
