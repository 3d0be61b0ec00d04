using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Switchboard.Server.Tests.V1;

namespace Switchboard.Server.Tests.Http;

/// <summary>
/// Text that is not Unicode (a lone surrogate escape, bytes that are not UTF-8) in a string of any create or update,
/// in every dialect, over real HTTP: a 400 problem naming the field, and nothing made.
/// </summary>
public sealed class InvalidUnicodeTests(V1Server server) : IClassFixture<V1Server>
{
    /// <summary>What stands for BAD: RFC 8259 §8.2 lone surrogates, and RFC 3629 byte strings that are not UTF-8 (written as Latin-1 chars, sent as those bytes).</summary>
    private static readonly string[] BadStrings = ["\"\\ud800\"", "\"a\\udc00b\"", "\"\xff\"", "\"\xc0\xaf\"", "\"\xed\xa0\x80\""];

    /// <summary>
    /// Each endpoint that takes a body, with a representative field: method, path (ACCOUNT, CALL and SID are filled
    /// in), body (BAD is the bad string), the field the problem names, what to make first for an update, and the
    /// list that must not grow for a create, and whether it needs the admin key.
    /// </summary>
    private static readonly Case[] Cases =
    [
        new("POST", "/voice/conversation", """{"from":BAD,"to":{"phone":"1"},"dialPlan":{"verbs":[]}}""", "from", List: "/v1/Accounts/DEFAULT/Calls", Admin: true),
        new("POST", "/voice/conversation", """{"from":"1","to":{"phone":"1"},"dialPlan":{"verbs":[{"type":"SAY","text":BAD}]}}""", "dialPlan.verbs[0].text", List: "/v1/Accounts/DEFAULT/Calls", Admin: true),
        new("POST", "/voice/call/callback", """{"leg_A":{"to":BAD,"from":"2"},"leg_B":{"to":"3","from":"4"},"callback":{"url":"http://127.0.0.1:9/"}}""", "leg_A.to", List: "/v1/Accounts/DEFAULT/Calls", Admin: true),
        new("POST", "/v1/Accounts/ACCOUNT/Calls", """{"call_hook":"http://127.0.0.1:9/call","from":BAD,"to":{"type":"sip","sipUri":"sip:b@127.0.0.1:9"}}""", "from", List: "/v1/Accounts/ACCOUNT/Calls"),
        new("POST", "/v1/Accounts/ACCOUNT/Calls", """{"call_hook":"http://127.0.0.1:9/call","from":"1","to":{"type":"sip","sipUri":"sip:b@127.0.0.1:9"},"tag":{"note":BAD}}""", "tag.note", List: "/v1/Accounts/ACCOUNT/Calls"),
        new("PUT", "/v1/Accounts/ACCOUNT/Calls/SID", """{"call_status":BAD}""", "call_status", Make: "Calls"),
        new("POST", "/v1/Accounts", """{"name":BAD}""", "name", List: "/v1/Accounts", Admin: true),
        new("PUT", "/v1/Accounts/ACCOUNT", """{"name":BAD}""", "name", Admin: true),
        new("POST", "/v1/Accounts/ACCOUNT/ApiKeys", """{"scope":BAD}""", "scope", List: "/v1/Accounts/ACCOUNT/ApiKeys"),
        new("POST", "/v1/ApiKeys", """{"account_sid":BAD}""", "account_sid", List: "/v1/Accounts/ACCOUNT/ApiKeys"),
        new("POST", "/v1/Accounts/ACCOUNT/Applications", """{"name":BAD,"call_hook":"https://example.com/a"}""", "name", List: "/v1/Accounts/ACCOUNT/Applications"),
        new("POST", "/v1/Applications", """{"name":"a","call_hook":{"url":BAD}}""", "call_hook.url", List: "/v1/Accounts/ACCOUNT/Applications"),
        new("PUT", "/v1/Accounts/ACCOUNT/Applications/SID", """{"call_status_hook":{"url":"https://example.com/s","method":BAD}}""", "call_status_hook.method", Make: "Applications"),
        new("POST", "/v1/Accounts/ACCOUNT/Clients", """{"username":BAD,"password":"12345678"}""", "username", List: "/v1/Accounts/ACCOUNT/Clients"),
        new("PUT", "/v1/Clients/SID", """{"password":BAD}""", "password", Make: "Clients"),
        new("POST", "/v1/Accounts/ACCOUNT/PhoneNumbers", """{"number":BAD}""", "number", List: "/v1/Accounts/ACCOUNT/PhoneNumbers"),
        new("PUT", "/v1/Accounts/ACCOUNT/PhoneNumbers/SID", """{"application_sid":BAD}""", "application_sid", Make: "PhoneNumbers"),
        new("POST", "/v1/Accounts/ACCOUNT/VoipCarriers", """{"name":"t","host":BAD}""", "host", List: "/v1/Accounts/ACCOUNT/VoipCarriers"),
        new("POST", "/v1/VoipCarriers", """{"name":"t","host":"192.0.2.1","inbound_allow_list":["192.0.2.1",BAD]}""", "inbound_allow_list[1]", List: "/v1/Accounts/ACCOUNT/VoipCarriers"),
        new("PUT", "/v1/Accounts/ACCOUNT/VoipCarriers/SID", """{"name":BAD}""", "name", Make: "VoipCarriers"),
        // A property name that is not text cannot name itself: the object holding it is the field.
        new("POST", "/v1/Accounts/ACCOUNT/Applications", """{"name":"a","call_hook":"https://example.com/a",BAD:1}""", "$", List: "/v1/Accounts/ACCOUNT/Applications"),
        new("POST", "/v1/Accounts/ACCOUNT/Calls", """{"call_hook":"http://127.0.0.1:9/call","from":"1","to":{"type":"sip","sipUri":"sip:b@127.0.0.1:9"},"headers":{BAD:"x"}}""", "headers", List: "/v1/Accounts/ACCOUNT/Calls"),
    ];

    public static TheoryData<int, int> Table()
    {
        var table = new TheoryData<int, int>();
        for (var c = 0; c < Cases.Length; c++)
        {
            for (var b = 0; b < BadStrings.Length; b++)
            {
                table.Add(c, b);
            }
        }

        return table;
    }

    [Theory]
    [MemberData(nameof(Table))]
    public async Task InvalidUnicode_Is400NamingTheField_AndMakesNothing(int caseIndex, int badIndex)
    {
        var (method, pathTemplate, body, field, make, list, admin) = Cases[caseIndex];
        var (account, key) = await server.NewAccountAsync();
        var sid = make is null ? null : await MakeAsync(make, account, key);
        string Fill(string text) => text.Replace("DEFAULT", server.DefaultAccountSid, StringComparison.Ordinal)
            .Replace("ACCOUNT", account, StringComparison.Ordinal)
            .Replace("SID", sid, StringComparison.Ordinal);
        // The dialects without an account in the path act on the default account, which only the admin key holds.
        var useKey = admin ? V1Server.AdminKey : key;
        var before = list is null ? 0 : await CountAsync(Fill(list));

        var response = await SendAsync(new HttpMethod(method), Fill(pathTemplate), Utf8WithRawBytes(body, BadStrings[badIndex]), useKey);

        await V1Server.AssertProblemAsync(response, HttpStatusCode.BadRequest, field);
        if (list is not null)
        {
            Assert.Equal(before, await CountAsync(Fill(list)));
        }
    }

    /// <summary>The body's bytes, with the bad string's chars written as single bytes so bytes that are not UTF-8 go out as they are.</summary>
    private static byte[] Utf8WithRawBytes(string template, string bad)
    {
        var parts = template.Split("BAD");
        return [.. Encoding.UTF8.GetBytes(parts[0]), .. Encoding.Latin1.GetBytes(bad), .. Encoding.UTF8.GetBytes(parts[1])];
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, byte[] body, string key)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var http = new HttpClient { BaseAddress = server.App.HttpAddress };
        return await http.SendAsync(request);
    }

    private async Task<int> CountAsync(string path) => (await server.GetJsonAsync(path)).GetArrayLength();

    private async Task<string> MakeAsync(string collection, string account, string key)
    {
        var path = $"/v1/Accounts/{account}/{collection}";
        return collection switch
        {
            "Applications" => await server.CreateAsync(path, """{"name":"a","call_hook":"https://example.com/a"}""", key),
            "Clients" => await server.CreateAsync(path, $$"""{"username":"u{{Guid.NewGuid():N}}","password":"12345678"}""", key),
            "PhoneNumbers" => await server.CreateAsync(path, $$"""{"number":"+1555{{Random.Shared.Next(1_000_000, 9_999_999)}}"}""", key),
            "VoipCarriers" => await server.CreateAsync(path, """{"name":"t","host":"192.0.2.1"}""", key),
            _ => await MakeCallAsync(path, key),
        };
    }

    /// <summary>A call to a port nothing answers: it exists (trying, then failed), which is all an update needs to reach its body.</summary>
    private async Task<string> MakeCallAsync(string path, string key)
    {
        var response = await server.PostAsync(path, """{"call_hook":"http://127.0.0.1:9/call","from":"1","to":{"type":"sip","sipUri":"sip:b@127.0.0.1:9"}}""", key);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        using var json = JsonDocument.Parse(text);
        return json.RootElement.GetProperty("sid").GetString()!;
    }

    private sealed record Case(string Method, string Path, string Body, string Field, string? Make = null, string? List = null, bool Admin = false);
}
