using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Switchboard.Server.Tests.Process;

namespace Switchboard.Server.Tests.Examples;

/// <summary>examples/webhook-receiver.py, which the README's quick start runs, answers 200 and prints the payload.</summary>
public sealed class WebhookReceiverTests
{
    [Fact]
    public async Task TheReceiver_AnswersEmpty200_AndPrintsThePathAndThePayload()
    {
        var port = FreePorts.Tcp();
        var script = Path.Combine(RepositoryRoot(), "examples", "webhook-receiver.py");
        var info = new ProcessStartInfo("python3", [script, port.ToString(CultureInfo.InvariantCulture)]) { RedirectStandardOutput = true };
        using var receiver = System.Diagnostics.Process.Start(info)!;
        var output = new StringBuilder();
        receiver.OutputDataReceived += (_, line) =>
        {
            lock (output)
            {
                output.AppendLine(line.Data);
            }
        };
        receiver.BeginOutputReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var response = await PostWhenListeningAsync(http, new { messageId = "m-1", digits = "1" });

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Empty(await response.Content.ReadAsByteArrayAsync());
            await WaitForAsync(() => { lock (output) { return output.ToString().Contains("\"digits\": \"1\"", StringComparison.Ordinal); } });
            lock (output)
            {
                Assert.Contains("POST /collect", output.ToString(), StringComparison.Ordinal);
            }
        }
        finally
        {
            receiver.Kill();
            await receiver.WaitForExitAsync();
        }
    }

    private static async Task<HttpResponseMessage> PostWhenListeningAsync(HttpClient http, object payload)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await http.PostAsJsonAsync("/collect", payload);
            }
            catch (HttpRequestException) when (attempt < 100)
            {
                await Task.Delay(50);
            }
        }
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(10), "the receiver did not print the payload");
            await Task.Delay(50);
        }
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
}
