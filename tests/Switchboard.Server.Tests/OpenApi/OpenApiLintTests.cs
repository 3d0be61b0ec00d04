using System.Diagnostics;
using System.Net;
using Switchboard.Server.Tests.V1;

namespace Switchboard.Server.Tests.OpenApi;

/// <summary>
/// The document the server serves, linted by a real OpenAPI linter (Redocly's recommended rules, with the
/// exceptions in tests/openapi-lint/redocly.yaml): any error fails the test with the linter's report.
/// </summary>
public sealed class OpenApiLintTests(V1Server server) : IClassFixture<V1Server>
{
    [Fact]
    public async Task ServedDocument_LintsWithoutErrors()
    {
        var response = await server.SendAsync(HttpMethod.Get, "/openapi.json", key: null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = Path.Combine(Path.GetTempPath(), $"switchboard-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(document, await response.Content.ReadAsStringAsync());
        try
        {
            var (exitCode, output) = await LintAsync(document);

            Assert.True(exitCode == 0, $"redocly lint reported errors in the served document:\n{output}");
            Assert.Contains("Woohoo! Your API description is valid.", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(document);
        }
    }

    private static async Task<(int ExitCode, string Output)> LintAsync(string document)
    {
        var directory = LintDirectory();
        var cli = Path.Combine(directory, "node_modules", "@redocly", "cli", "bin", "cli.js");
        if (!File.Exists(cli))
        {
            throw new InvalidOperationException($"the OpenAPI linter is not installed: run `npm ci --prefix {directory}` (./test does)");
        }

        var info = new ProcessStartInfo("node")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { cli, "lint", document, "--config", Path.Combine(directory, "redocly.yaml"), "--format", "stylish", "--max-problems", "1000" })
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["REDOCLY_TELEMETRY"] = "off";
        info.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        System.Diagnostics.Process node;
        try
        {
            node = System.Diagnostics.Process.Start(info) ?? throw new InvalidOperationException("node did not start");
        }
        catch (System.ComponentModel.Win32Exception missing)
        {
            throw new InvalidOperationException("node is not installed; the OpenAPI linter needs it (./test installs the lint packages when node is present)", missing);
        }

        using (node)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            var stdout = node.StandardOutput.ReadToEndAsync(timeout.Token);
            var stderr = node.StandardError.ReadToEndAsync(timeout.Token);
            await node.WaitForExitAsync(timeout.Token);
            return (node.ExitCode, await stdout + await stderr);
        }
    }

    private static string LintDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "openapi-lint");
            if (File.Exists(Path.Combine(candidate, "redocly.yaml")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("tests/openapi-lint not found above " + AppContext.BaseDirectory);
    }
}
