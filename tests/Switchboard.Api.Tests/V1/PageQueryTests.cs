using Microsoft.AspNetCore.Http;
using Switchboard.Api.Problems;
using Switchboard.Api.V1.Common;
using Switchboard.Storage.Paging;

namespace Switchboard.Api.Tests.V1;

public sealed class PageQueryTests
{
    private static HttpRequest Request(string query) => new DefaultHttpContext { Request = { QueryString = new QueryString(query) } }.Request;

    [Fact]
    public void NoParameters_AskForTheFirstPageOfTheDefaultSize()
    {
        Assert.Equal(new PageRequest(PageRequest.DefaultLimit, null), PageQuery.Read(Request(string.Empty)));
    }

    [Fact]
    public void ACursorThisServerIssued_IsPassedOn()
    {
        var cursor = PageCursor.Encode(42);

        Assert.Equal(new PageRequest(10, cursor), PageQuery.Read(Request($"?limit=10&cursor={cursor}")));
    }

    [Theory]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=-1", "limit")]
    [InlineData("?limit=501", "limit")]
    [InlineData("?limit=", "limit")]
    [InlineData("?cursor=", "cursor")]
    [InlineData("?cursor=AAAAAAAAAAA", "cursor")]
    [InlineData("?cursor=42", "cursor")]
    [InlineData("?cursor=!!!!!!!!!!!", "cursor")]
    [InlineData("?cursor=//////////8", "cursor")]
    [InlineData("?cursor=AAAAAAAAAA%2B", "cursor")]
    [InlineData("?cursor=AAAAAAAAAA%00", "cursor")]
    [InlineData("?cursor=AAAAAAAAAAE%3D", "cursor")]
    [InlineData("?cursor=%FF%FE%FD%FC%FB%FA", "cursor")]
    public void BadParameters_AreRefusedByName(string query, string field)
    {
        Assert.Equal(field, Assert.Throws<ValidationException>(() => PageQuery.Read(Request(query))).Error.Field);
    }
}
