using System.Text;
using System.Text.Json;
using Switchboard.Api.Problems;

namespace Switchboard.Api.Tests.Problems;

public sealed class JsonUnicodeTests
{
    /// <summary>What stands for BAD in a body: lone surrogate escapes (RFC 8259 §8.2) and byte strings that are not UTF-8 (RFC 3629 §3).</summary>
    public static TheoryData<string> BadStrings => new()
    {
        "\"\\ud800\"",
        "\"\\udc00\"",
        "\"a\\udc00\\ud800b\"",
        "\"\\uD83D\"",
        "\"\xff\"",
        "\"\xc0\xaf\"",
        "\"\xe2\x82\"",
        "\"\xed\xa0\x80\"",
    };

    [Theory]
    [MemberData(nameof(BadStrings))]
    public void ABadString_IsRefusedNamingItsField(string bad)
    {
        Assert.Equal("name", Refused("{\"name\":BAD}", bad));
        Assert.Equal("dialPlan.verbs[1].text", Refused("{\"dialPlan\":{\"verbs\":[{},{\"text\":BAD}]}}", bad));
        Assert.Equal("tag.labels[0]", Refused("{\"tag\":{\"labels\":[BAD]}}", bad));
        Assert.Equal("$[2]", Refused("[1,2,BAD]", bad));
        Assert.Equal("$", Refused("BAD", bad));
    }

    [Theory]
    [MemberData(nameof(BadStrings))]
    public void ABadPropertyName_IsRefusedOnTheObjectHoldingIt(string bad)
    {
        Assert.Equal("$", Refused("{BAD:1}", bad));
        Assert.Equal("call_hook", Refused("{\"call_hook\":{BAD:\"x\"}}", bad));
    }

    [Theory]
    [InlineData("{\"name\":\"caf\\u00e9 \\ud83d\\ude00\",\"k\\u00e9y\":[\"\\u0000\"]}")]
    [InlineData("{\"name\":\"café 😀\"}")]
    [InlineData("[1,true,null,{\"a\":{}}]")]
    public void ValidText_Passes(string body)
    {
        using var document = JsonDocument.Parse(body);

        JsonUnicode.Validate(document.RootElement);
    }

    /// <summary>Builds the body's bytes with <paramref name="bad"/>'s characters taken as raw bytes (Latin-1), so invalid UTF-8 stays invalid.</summary>
    private static string Refused(string template, string bad)
    {
        var parts = template.Split("BAD");
        var bytes = Encoding.UTF8.GetBytes(parts[0]).Concat(Encoding.Latin1.GetBytes(bad)).Concat(Encoding.UTF8.GetBytes(parts[1])).ToArray();
        using var document = JsonDocument.Parse(bytes);
        return Assert.Throws<ValidationException>(() => JsonUnicode.Validate(document.RootElement)).Error.Field;
    }
}
