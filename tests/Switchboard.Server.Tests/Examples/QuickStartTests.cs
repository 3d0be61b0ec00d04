using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Switchboard.Server.Tests.Process;

namespace Switchboard.Server.Tests.Examples;

/// <summary>
/// README's quick start, run as written: the shell blocks between its quick-start markers (the phone, <c>./run</c>, the
/// receiver, the curl), each in its own shell from the repository root, until the receiver prints the key the phone
/// pressed. Only the ports change (so the test runs beside others), and the environment names a temporary data
/// directory and RTP 39380–39383 instead of ./data and the default range.
/// </summary>
public sealed class QuickStartTests : IDisposable
{
    // ./run may build the server first (into .build/server) when the sources changed since its last build.
    private static readonly TimeSpan StartPatience = TimeSpan.FromMinutes(8);
    private static readonly TimeSpan CallPatience = TimeSpan.FromSeconds(60);
    private readonly string _data = Directory.CreateTempSubdirectory("switchboard-quickstart-").FullName;
    private readonly List<Shell> _shells = [];

    public void Dispose()
    {
        foreach (var shell in _shells)
        {
            shell.Dispose();
        }

        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task TheReadmesQuickStart_AsWritten_ReachesTheCollectedKey()
    {
        var root = RepositoryRoot();
        var blocks = QuickStartBlocks(await File.ReadAllTextAsync(Path.Combine(root, "README.md")));
        Assert.Equal(4, blocks.Count);
        var ports = new Dictionary<int, int>
        {
            [5070] = FreeUdpPort(), [6000] = FreeUdpPort(), [5060] = FreeUdpPort(), [8080] = FreePorts.Tcp(), [9000] = FreePorts.Tcp(),
        };
        var (phone, server, receiver, call) = (blocks[0], blocks[1], blocks[2], blocks[3]);
        Assert.Contains("sipp -sf examples/sipp/answer-and-press.xml", phone, StringComparison.Ordinal);
        Assert.Contains("./run", server, StringComparison.Ordinal);

        Start(root, WithPorts(phone, ports));
        var switchboard = Start(root, WithPorts(server, ports));
        await WaitForHealthAsync(switchboard, ports[8080]);
        var webhooks = Start(root, WithPorts(receiver, ports));
        var curl = Start(root, WithPorts(call, ports));

        Assert.Equal(0, await curl.WaitForExitAsync(CallPatience));
        Assert.Contains("\"trackingId\"", curl.Output, StringComparison.Ordinal);
        await webhooks.WaitForOutputAsync("\"digits\": \"1\"", CallPatience);
        await webhooks.WaitForOutputAsync("\"name\": \"Completed\"", CallPatience);
        Assert.Contains("POST /collect", webhooks.Output, StringComparison.Ordinal);
    }

    /// <summary>The fenced <c>sh</c> blocks between the quick-start markers, in order, without their indentation.</summary>
    private static List<string> QuickStartBlocks(string readme)
    {
        var begin = readme.IndexOf("<!-- quick-start:begin", StringComparison.Ordinal);
        var end = readme.IndexOf("<!-- quick-start:end -->", StringComparison.Ordinal);
        Assert.True(begin >= 0 && end > begin, "README has no quick-start markers");
        return [.. Regex.Matches(readme[begin..end], @"^( *)```sh\n(.*?)^\1```", RegexOptions.Multiline | RegexOptions.Singleline)
            .Select(match => string.Join('\n', match.Groups[2].Value.Split('\n').Select(line => line.StartsWith(match.Groups[1].Value, StringComparison.Ordinal) ? line[match.Groups[1].Value.Length..] : line)))];
    }

    private static string WithPorts(string block, Dictionary<int, int> ports) =>
        ports.Aggregate(block, (text, port) => Regex.Replace(text, $@"\b{port.Key}\b", port.Value.ToString(CultureInfo.InvariantCulture)));

    private Shell Start(string root, string command)
    {
        var shell = new Shell(root, command, new Dictionary<string, string> { ["SWITCHBOARD_DATA"] = _data, ["SWITCHBOARD_RTP_PORTS"] = "39380-39383" });
        _shells.Add(shell);
        return shell;
    }

    private static async Task WaitForHealthAsync(Shell server, int port)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            Assert.False(server.HasExited, "./run ended: " + server.Output);
            Assert.True(deadline.Elapsed < StartPatience, "Switchboard did not answer /health: " + server.Output);
            try
            {
                if ((await http.GetAsync("/health")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(250);
        }
    }

    private static int FreeUdpPort()
    {
        using var probe = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.Client.LocalEndPoint!).Port;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Switchboard.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("the repository root is not above " + AppContext.BaseDirectory);
    }

    /// <summary>One README block running in <c>bash -c</c>, as a terminal would run it, with what it printed.</summary>
    private sealed class Shell : IDisposable
    {
        private readonly System.Diagnostics.Process _process;
        private readonly StringBuilder _output = new();

        public Shell(string directory, string command, Dictionary<string, string> environment)
        {
            var info = new ProcessStartInfo("bash", ["-c", command])
            {
                WorkingDirectory = directory,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var name in info.Environment.Keys.Where(key => key.StartsWith("SWITCHBOARD_", StringComparison.Ordinal)).ToList())
            {
                info.Environment.Remove(name);
            }

            foreach (var (name, value) in environment)
            {
                info.Environment[name] = value;
            }

            _process = System.Diagnostics.Process.Start(info) ?? throw new InvalidOperationException("bash did not start");
            _process.OutputDataReceived += (_, line) => Append(line.Data);
            _process.ErrorDataReceived += (_, line) => Append(line.Data);
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        public bool HasExited => _process.HasExited;

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

        public async Task<int> WaitForExitAsync(TimeSpan patience)
        {
            using var timeout = new CancellationTokenSource(patience);
            await _process.WaitForExitAsync(timeout.Token);
            return _process.ExitCode;
        }

        public async Task WaitForOutputAsync(string text, TimeSpan patience)
        {
            var deadline = Stopwatch.StartNew();
            while (!Output.Contains(text, StringComparison.Ordinal))
            {
                Assert.True(deadline.Elapsed < patience, $"'{text}' was not printed:\n{Output}");
                await Task.Delay(100);
            }
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }

            _process.Dispose();
        }

        private void Append(string? line)
        {
            if (line is not null)
            {
                lock (_output)
                {
                    _output.AppendLine(line);
                }
            }
        }
    }
}
