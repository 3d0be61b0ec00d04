using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Switchboard.Api.V1.Common;
using Switchboard.Storage.SpeechCredentials;

namespace Switchboard.Api.V1.SpeechCredentials;

/// <summary>
/// <c>.../SpeechCredentials</c>: what an account's calls use to reach a speech engine. A vendor and label pair is
/// unique per account (409 naming <c>label</c>), so a recognizer's vendor and label always find one credential.
/// The key is write-only.
/// </summary>
public sealed class SpeechCredentialResource()
    : EditableAccountResource<SpeechCredentialRecord, SpeechCredentialBody, SpeechCredentialResponse>("SpeechCredentials", "speech_credential_sid", "speech credential")
{
    protected override (string? Field, string Detail) WriteConflict => ("label", "the account already has a credential of this vendor with this label");

    protected override JsonTypeInfo<SpeechCredentialResponse> ItemJson => V1JsonContext.Default.SpeechCredentialResponse;

    protected override JsonTypeInfo<SpeechCredentialResponse[]> PageJson => V1JsonContext.Default.SpeechCredentialResponseArray;

    protected override SpeechCredentialRecord Blank(string accountSid, DateTimeOffset createdAt) => SpeechCredentialReader.Blank(accountSid, createdAt);

    protected override string SidOf(SpeechCredentialRecord record) => record.Sid;

    protected override SpeechCredentialResponse Respond(HttpContext context, SpeechCredentialRecord record) => SpeechCredentialResponse.From(record);

    protected override Task<SpeechCredentialRecord> ReadAsync(HttpContext context, JsonElement body, SpeechCredentialRecord current, bool creating, CancellationToken cancellationToken) =>
        Task.FromResult(SpeechCredentialReader.Read(body, current, creating));

    protected override ResourceStore<SpeechCredentialRecord> StoreOf(HttpContext context)
    {
        var credentials = context.RequestServices.GetRequiredService<ISpeechCredentialStore>();
        return new(credentials.FindAsync, credentials.ListAsync, credentials.CreateAsync, credentials.UpdateAsync, credentials.DeleteAsync);
    }
}
