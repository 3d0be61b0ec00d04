using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Switchboard.FunctionalTests.Peers;

namespace Switchboard.FunctionalTests.Client;

/// <summary>
/// docs/api/openapi.json, which the build generates a client from, is the document the server serves (less its
/// <c>servers</c>, which name the port it happens to listen on). Run with <c>SWITCHBOARD_UPDATE_OPENAPI=1</c> to
/// write the served document there after changing the API.
/// </summary>
public sealed class CheckedInDocumentTests
{
    private const string UpdateVariable = "SWITCHBOARD_UPDATE_OPENAPI";

    [Fact]
    public async Task CheckedInDocument_IsTheOneTheServerServes()
    {
        await using var server = await TestServer.StartAsync(defaultCarrier: null);
        var served = Normalize(JsonNode.Parse(await server.Client.GetStringAsync("/openapi.json"))!);
        var path = Path.Combine(RepositoryRoot(), "docs", "api", "openapi.json");
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            await File.WriteAllTextAsync(path, served.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n");
        }

        var checkedIn = Normalize(JsonNode.Parse(await File.ReadAllTextAsync(path))!);

        Assert.True(
            JsonNode.DeepEquals(served, checkedIn),
            $"{path} is not the document the server serves; after changing the API run this test with {UpdateVariable}=1 to rewrite it, and commit it");
    }

    private static JsonNode Normalize(JsonNode document)
    {
        document.AsObject().Remove("servers");
        return document;
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

        throw new InvalidOperationException("Switchboard.slnx not found above " + AppContext.BaseDirectory);
    }
}
