using System.Text.Json;
using Switchboard.Api.V1.Calls;

namespace Switchboard.Api.Tests.V1.Calls;

/// <summary>The create answer names the SIP Call-ID both as seed 003 does (<c>callid</c>) and as jambonz does (<c>callId</c>).</summary>
public sealed class CallCreatedTests
{
    // As the Calls API writes its answers: snake_case names, compared as written (not case-insensitively).
    private static readonly JsonSerializerOptions SnakeCase = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    [Fact]
    public void Written_CarriesSidCallidAndCallId()
    {
        var json = JsonSerializer.Serialize(new CallCreated("sid-1", "abc@127.0.0.1"), SnakeCase);

        using var document = JsonDocument.Parse(json);
        Assert.Equal("sid-1", document.RootElement.GetProperty("sid").GetString());
        Assert.Equal("abc@127.0.0.1", document.RootElement.GetProperty("callid").GetString());
        Assert.Equal("abc@127.0.0.1", document.RootElement.GetProperty("callId").GetString());
    }
}
