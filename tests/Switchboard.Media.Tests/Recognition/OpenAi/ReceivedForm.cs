using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Switchboard.Testing.Http;

namespace Switchboard.Media.Tests.Recognition.OpenAi;

/// <summary>
/// A <c>multipart/form-data</c> body as a server receives it, parsed by ASP.NET Core's <see cref="MultipartReader"/>
/// (the parser behind Kestrel's form binding), so the test does not trust the client's own idea of the format.
/// </summary>
internal sealed class ReceivedForm
{
    private readonly Dictionary<string, ReceivedFormPart> _parts;

    private ReceivedForm(Dictionary<string, ReceivedFormPart> parts) => _parts = parts;

    public IReadOnlyCollection<string> Names => _parts.Keys;

    public ReceivedFormPart this[string name] => _parts[name];

    public string Text(string name) => Encoding.UTF8.GetString(_parts[name].Body);

    public bool Has(string name) => _parts.ContainsKey(name);

    public static async Task<ReceivedForm> ParseAsync(RecordedHttpRequest request)
    {
        var contentType = MediaTypeHeaderValue.Parse(request.Header("Content-Type"));
        Assert.Equal("multipart/form-data", contentType.MediaType.Value);
        var boundary = HeaderUtilities.RemoveQuotes(contentType.Boundary).Value;
        Assert.False(string.IsNullOrEmpty(boundary));
        var reader = new MultipartReader(boundary, new MemoryStream(request.Body));
        var parts = new Dictionary<string, ReceivedFormPart>(StringComparer.Ordinal);
        while (await reader.ReadNextSectionAsync() is { } section)
        {
            Assert.True(ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition), section.ContentDisposition);
            Assert.Equal("form-data", disposition.DispositionType.Value);
            Assert.Null(disposition.FileNameStar.Value);
            using var body = new MemoryStream();
            await section.Body.CopyToAsync(body);
            var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value!;
            Assert.True(parts.TryAdd(name, new ReceivedFormPart(HeaderUtilities.RemoveQuotes(disposition.FileName).Value, section.ContentType, body.ToArray())), $"part {name} twice");
        }

        return new ReceivedForm(parts);
    }
}
