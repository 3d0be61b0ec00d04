using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Switchboard.FunctionalTests.Peers;

/// <summary>
/// A real baresip softphone on 127.0.0.1, started by the test with its own configuration directory: it registers
/// one account to <c>registrar</c> with digest credentials, answers calls by itself (<c>answermode=auto</c>) and
/// writes what it hears to a WAV file (the sndfile module). It has no sound card: the audio bridge module stands in
/// for speaker and microphone (the microphone stays silent). It traces every SIP message it sends and receives
/// (<c>-s</c>) into <see cref="Output"/>, so tests can read what reached it.
/// </summary>
internal sealed class BaresipProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private BaresipProcess(Process process, string directory, int port)
    {
        _process = process;
        Directory = directory;
        Port = port;
    }

    /// <summary>The configuration directory, where the heard audio is dumped too.</summary>
    public string Directory { get; }

    /// <summary>The SIP port baresip listens on (UDP).</summary>
    public int Port { get; }

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

    /// <summary>
    /// Starts baresip registering <paramref name="user"/> at <paramref name="registrarHost"/>:<paramref name="registrarPort"/>
    /// (UDP) every <paramref name="registrationSeconds"/>.
    /// </summary>
    public static BaresipProcess Start(string user, string password, string registrarHost, int registrarPort, int registrationSeconds = 600)
    {
        var directory = Path.Combine(Path.GetTempPath(), "baresip-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var port = FreePort.Udp();
        var rtp = FreePort.Udp();
        File.WriteAllText(Path.Combine(directory, "config"), string.Create(CultureInfo.InvariantCulture, $"""
            poll_method epoll
            sip_listen 127.0.0.1:{port}
            net_interface 127.0.0.1
            call_local_timeout 60
            audio_player aubridge,speaker
            audio_source aubridge,microphone
            audio_alert aubridge,speaker
            rtp_ports {rtp}-{rtp + 1}
            module_path /usr/lib/baresip/modules
            module g711.so
            module aubridge.so
            module sndfile.so
            snd_path {directory}
            module_app account.so
            module_app menu.so

            """));
        File.WriteAllText(
            Path.Combine(directory, "accounts"),
            $"<sip:{user}@{registrarHost}:{registrarPort};transport=udp>;auth_pass={password};answermode=auto;regint={registrationSeconds};audio_codecs=PCMU\n");

        var info = new ProcessStartInfo("baresip")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        foreach (var arg in new[] { "-f", directory, "-v", "-s" })
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("baresip did not start");
        var baresip = new BaresipProcess(process, directory, port);
        process.OutputDataReceived += (_, e) => baresip.Append(e.Data);
        process.ErrorDataReceived += (_, e) => baresip.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return baresip;
    }

    /// <summary>The WAV files the sndfile module wrote of the audio baresip decoded (what it heard).</summary>
    public IReadOnlyList<string> HeardAudioFiles() =>
        System.IO.Directory.GetFiles(Directory, "dump-*-dec.wav");

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
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private void Append(string? line)
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
