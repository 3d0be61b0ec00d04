using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Storage.Calls;

namespace Switchboard.Server.Tests.V1;

/// <summary><c>GET /Calls</c>: pages that follow one another by cursor, keeping their filters, and a 400 naming a bad parameter.</summary>
public sealed class CallListTests(V1Server server) : IClassFixture<V1Server>
{
    private static readonly DateTimeOffset Start = DateTimeOffset.Parse("2026-03-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Pages_FollowTheirNextLink_KeepingTheFilters()
    {
        var (account, key) = await server.NewAccountAsync();
        var calls = server.App.Services.GetRequiredService<ICallStore>();
        for (var i = 0; i < 5; i++)
        {
            await calls.InsertAsync(Call(account, $"c{i}", Start.AddMinutes(i)) with { ApplicationSid = i % 2 == 0 ? "even" : "odd" }, default);
        }

        var sids = new List<string>();
        var path = $"/v1/Accounts/{account}/Calls?application_sid=even&limit=2";
        while (path is not null)
        {
            var response = await server.GetAsync(path, key);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            sids.AddRange(page.RootElement.EnumerateArray().Select(call => call.GetProperty("call_sid").GetString()!));
            path = response.Headers.TryGetValues("Link", out var links) ? links.Single().Split('<', '>')[1] : null;
        }

        Assert.Equal(["c4", "c2", "c0"], sids.Select(sid => sid.Split('-')[0]));
    }

    [Fact]
    public async Task Calls_AreFoundByTagAndTimeRange()
    {
        var (account, key) = await server.NewAccountAsync();
        var calls = server.App.Services.GetRequiredService<ICallStore>();
        await calls.InsertAsync(Call(account, "early", Start) with { Tag = """{"order":"A-1"}""" }, default);
        await calls.InsertAsync(Call(account, "late", Start.AddHours(2)) with { Tag = """{"order":"A-2"}""" }, default);

        Assert.Equal(["early"], await SidsAsync($"/v1/Accounts/{account}/Calls?tag=order:A-1", key));
        Assert.Equal(["late", "early"], await SidsAsync($"/v1/Accounts/{account}/Calls?tag=order", key));
        Assert.Equal(["late"], await SidsAsync($"/v1/Accounts/{account}/Calls?start=2026-03-01T11:00:00Z&end=2026-03-02T00:00:00Z", key));
        Assert.Equal(["early"], await SidsAsync($"/v1/Accounts/{account}/Calls?status=completed&direction=outbound&to=200&end=2026-03-01T11:00:00Z", key));
    }

    [Theory]
    [InlineData("start=yesterday", "start")]
    [InlineData("end=2026-13-01", "end")]
    [InlineData("start=2026-03-02T00:00:00Z&end=2026-03-01T00:00:00Z", "end")]
    [InlineData("tag=a%20b", "tag")]
    [InlineData("tag=:x", "tag")]
    [InlineData("limit=1001", "limit")]
    [InlineData("status=talking", "status")]
    [InlineData("callStatus=talking", "callStatus")]
    [InlineData("direction=sideways", "direction")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    public async Task ABadParameter_Is400NamingIt(string query, string parameter)
    {
        var (account, key) = await server.NewAccountAsync();

        await V1Server.AssertProblemAsync(await server.GetAsync($"/v1/Accounts/{account}/Calls?{query}", key), HttpStatusCode.BadRequest, parameter);
    }

    private async Task<IEnumerable<string>> SidsAsync(string path, string key)
    {
        var list = await server.GetJsonAsync(path, key);
        return [.. list.EnumerateArray().Select(call => call.GetProperty("call_sid").GetString()!.Split('-')[0])];
    }

    /// <summary>Sids are made unique per test run (the server's store is shared by the class) but start with <paramref name="name"/>.</summary>
    private static CallRecord Call(string account, string name, DateTimeOffset at) =>
        new($"{name}-{Guid.NewGuid():N}", account, "outbound", "100", "200", null, "completed", 200, at, at, at.AddMinutes(1));
}
