using System.Text.Json.Serialization;
using Switchboard.Api.V1.Accounts;
using Switchboard.Api.V1.ApiKeys;
using Switchboard.Api.V1.Applications;
using Switchboard.Api.V1.Clients;
using Switchboard.Api.V1.Common;
using Switchboard.Api.V1.PhoneNumbers;
using Switchboard.Api.V1.Recordings;
using Switchboard.Api.V1.SpeechCredentials;
using Switchboard.Api.V1.VoipCarriers;

namespace Switchboard.Api.V1;

/// <summary>
/// Source-generated JSON for the /v1 resources, snake_case as jambonz writes it. The request body records are
/// here only so the API description shows their shapes; bodies are read field by field to name bad fields.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(CreatedResponse))]
[JsonSerializable(typeof(AccountResponse))]
[JsonSerializable(typeof(AccountResponse[]))]
[JsonSerializable(typeof(AccountBody))]
[JsonSerializable(typeof(ApiKeyResponse))]
[JsonSerializable(typeof(ApiKeyResponse[]))]
[JsonSerializable(typeof(CreatedApiKeyResponse))]
[JsonSerializable(typeof(ApiKeyBody))]
[JsonSerializable(typeof(ApplicationResponse))]
[JsonSerializable(typeof(ApplicationResponse[]))]
[JsonSerializable(typeof(ApplicationBody))]
[JsonSerializable(typeof(PhoneNumberResponse))]
[JsonSerializable(typeof(PhoneNumberResponse[]))]
[JsonSerializable(typeof(PhoneNumberBody))]
[JsonSerializable(typeof(VoipCarrierResponse))]
[JsonSerializable(typeof(VoipCarrierResponse[]))]
[JsonSerializable(typeof(VoipCarrierBody))]
[JsonSerializable(typeof(ClientResponse))]
[JsonSerializable(typeof(ClientResponse[]))]
[JsonSerializable(typeof(ClientBody))]
[JsonSerializable(typeof(RecordingResponse))]
[JsonSerializable(typeof(RecordingResponse[]))]
[JsonSerializable(typeof(SpeechCredentialResponse))]
[JsonSerializable(typeof(SpeechCredentialResponse[]))]
[JsonSerializable(typeof(SpeechCredentialBody))]
public sealed partial class V1JsonContext : JsonSerializerContext;
