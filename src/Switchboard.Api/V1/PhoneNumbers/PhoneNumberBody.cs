namespace Switchboard.Api.V1.PhoneNumbers;

/// <summary>What <c>POST</c>/<c>PUT .../PhoneNumbers</c> accept. On PUT every field is optional.</summary>
/// <param name="Number">Digits, optionally with a leading <c>+</c>; unique across the server, <c>+</c> ignored.</param>
/// <param name="ApplicationSid">The application inbound calls to the number run; must be in the same account.</param>
/// <param name="CallbackUrl">
/// Instead of an application: the http(s) URL inbound calls post their events to and take their actions from
/// (the event/action API); a number has one or the other, not both.
/// </param>
/// <param name="VoipCarrierSid">The only carrier the number is reachable through; must be in the same account.</param>
/// <param name="AccountSid">On <c>POST /v1/PhoneNumbers</c>, the account (jambonz style); defaults to the key's.</param>
public sealed record PhoneNumberBody(string Number, string? ApplicationSid, string? CallbackUrl, string? VoipCarrierSid, string? AccountSid);
