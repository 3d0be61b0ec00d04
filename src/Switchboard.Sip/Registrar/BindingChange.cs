using Switchboard.Sip.Messages;

namespace Switchboard.Sip.Registrar;

/// <summary>One Contact of a REGISTER: add or refresh it for <see cref="Expires"/>, or remove it when that is zero.</summary>
internal sealed record BindingChange(SipNameAddress Contact, TimeSpan Expires)
{
    public string Key { get; } = ContactKey.For(Contact.Uri);
}
