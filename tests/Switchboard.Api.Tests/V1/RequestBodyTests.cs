using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Switchboard.Api.Problems;
using Switchboard.Api.V1.Common;

namespace Switchboard.Api.Tests.V1;

public sealed class RequestBodyTests
{
    private static HttpContext Request(string body) => new DefaultHttpContext { Request = { Body = new MemoryStream(Encoding.UTF8.GetBytes(body)) } };

    [Fact]
    public async Task AnObject_IsReadAndOutlivesTheDocument()
    {
        var body = await RequestBody.ReadObjectAsync(Request("""{"name":"x"}"""));

        Assert.Equal("x", body.GetProperty("name").GetString());
    }

    [Fact]
    public async Task NoBody_ReadsAsAnEmptyObject_OnlyWhereAllowed()
    {
        Assert.Equal(JsonValueKind.Object, (await RequestBody.ReadObjectAsync(Request(string.Empty), allowEmpty: true)).ValueKind);
        Assert.Equal("$", (await Assert.ThrowsAsync<ValidationException>(() => RequestBody.ReadObjectAsync(Request(string.Empty)))).Error.Field);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"text\"")]
    [InlineData("{\"a\":")]
    public async Task AnythingButAnObject_IsRefusedOnTheRoot(string body)
    {
        Assert.Equal("$", (await Assert.ThrowsAsync<ValidationException>(() => RequestBody.ReadObjectAsync(Request(body)))).Error.Field);
    }

    [Fact]
    public async Task ABodyOverTheLimit_IsRefusedWithoutReadingItAll()
    {
        var huge = "{\"name\":\"" + new string('x', RequestBody.MaxBytes) + "\"}";

        var refused = await Assert.ThrowsAsync<ValidationException>(() => RequestBody.ReadObjectAsync(Request(huge)));

        Assert.Equal("$", refused.Error.Field);
        Assert.Contains("larger", refused.Error.Message, StringComparison.Ordinal);
    }
}
