using System.Text.Json;
using Switchboard.Api.EventAction;
using Switchboard.Api.Problems;

namespace Switchboard.Api.Tests.EventAction;

public sealed class MakeCallRequestReaderTests
{
    [Fact]
    public void Read_EveryField()
    {
        var request = Read("""
            {"callerId": "+4475000001", "dialedNumber": "+4474000002", "callbackUrl": "https://app.example/voice",
             "record": 0, "correlationId": "cpaastest12333333333333", "timeout": 25, "trunk": "carrier-a"}
            """);

        Assert.Equal(("+4475000001", "+4474000002", new Uri("https://app.example/voice")), (request.CallerId, request.DialedNumber, request.CallbackUrl));
        Assert.Equal((TimeSpan.Zero, "cpaastest12333333333333", TimeSpan.FromSeconds(25), "carrier-a"), (request.Record, request.CorrelationId, request.RingTimeout, request.Trunk));
    }

    [Fact]
    public void Read_OnlyTheRequiredFields_UsesTheDefaults()
    {
        var request = Read("""{"callerId": "+1", "dialedNumber": "+2", "callbackUrl": "http://127.0.0.1/e"}""");

        Assert.Equal((null, null, MakeCallRequestReader.DefaultRingTimeout, null), (request.Record, request.CorrelationId, request.RingTimeout, request.Trunk));
    }

    [Theory]
    [InlineData("""[]""", "$")]
    [InlineData("""{"dialedNumber": "+2", "callbackUrl": "http://a/"}""", "callerId")]
    [InlineData("""{"callerId": "a b", "dialedNumber": "+2", "callbackUrl": "http://a/"}""", "callerId")]
    [InlineData("""{"callerId": "+1", "callbackUrl": "http://a/"}""", "dialedNumber")]
    [InlineData("""{"callerId": "+1", "dialedNumber": "sip:x@y", "callbackUrl": "http://a/"}""", "dialedNumber")]
    [InlineData("""{"callerId": "+1", "dialedNumber": "+2"}""", "callbackUrl")]
    [InlineData("""{"callerId": "+1", "dialedNumber": "+2", "callbackUrl": "ftp://a/"}""", "callbackUrl")]
    [InlineData("""{"callerId": "+1", "dialedNumber": "+2", "callbackUrl": "http://a/", "record": -1}""", "record")]
    [InlineData("""{"callerId": "+1", "dialedNumber": "+2", "callbackUrl": "http://a/", "record": "yes"}""", "record")]
    [InlineData("""{"callerId": "+1", "dialedNumber": "+2", "callbackUrl": "http://a/", "timeout": 0}""", "timeout")]
    [InlineData("""{"callerId": "+1", "dialedNumber": "+2", "callbackUrl": "http://a/", "correlationId": {"a": 1}}""", "correlationId")]
    public void Read_ABadField_IsRefusedByName(string json, string field)
    {
        Assert.Equal(field, Assert.Throws<ValidationException>(() => Read(json)).Error.Field);
    }

    [Fact]
    public void Read_ACorrelationIdTooLong_IsRefused()
    {
        var json = $$"""{"callerId": "+1", "dialedNumber": "+2", "callbackUrl": "http://a/", "correlationId": "{{new string('x', 257)}}"}""";

        Assert.Equal("correlationId", Assert.Throws<ValidationException>(() => Read(json)).Error.Field);
    }

    private static MakeCallRequest Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        return MakeCallRequestReader.Read(document.RootElement);
    }
}
