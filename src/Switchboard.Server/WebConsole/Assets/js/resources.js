import { all, api, ApiError } from './api.js';
import { h, show, table, when, notice } from './dom.js';

const pick = (path, idField, labelField) => async () =>
  [['', '(none)'], ...(await all(path)).map(item => [item[idField], item[labelField]])];

/** What each resource's page lists and edits, in the API's own field names. */
export const resources = {
  applications: {
    title: 'Applications', path: '/v1/Applications', id: 'application_sid',
    columns: [['Name', 'name'], ['Call hook', item => item.call_hook?.url], ['Status hook', item => item.call_status_hook?.url], ['Records calls', item => item.record_all_calls ? 'yes' : 'no']],
    fields: [
      { name: 'name', label: 'Name', required: true },
      { name: 'call_hook', label: 'Call hook URL', type: 'url', required: true, hook: true },
      { name: 'call_status_hook', label: 'Status hook URL', type: 'url', hook: true },
      { name: 'speech_synthesis_language', label: 'Speech language (e.g. en-US)' },
      { name: 'record_all_calls', label: 'Record every call', type: 'checkbox' },
    ],
  },
  'phone-numbers': {
    title: 'Phone numbers', path: '/v1/PhoneNumbers', id: 'phone_number_sid',
    columns: [['Number', 'number'], ['Application', 'application_sid'], ['Callback URL', 'callback_url'], ['Carrier', 'voip_carrier_sid']],
    fields: [
      { name: 'number', label: 'Number', required: true, inputmode: 'tel' },
      { name: 'application_sid', label: 'Application', type: 'select', options: pick('/v1/Applications', 'application_sid', 'name') },
      { name: 'callback_url', label: 'Callback URL (instead of an application)', type: 'url' },
      { name: 'voip_carrier_sid', label: 'Only through carrier', type: 'select', options: pick('/v1/VoipCarriers', 'voip_carrier_sid', 'name') },
    ],
  },
  carriers: {
    title: 'Carriers', path: '/v1/VoipCarriers', id: 'voip_carrier_sid',
    columns: [['Name', 'name'], ['Gateway', item => `${item.transport}:${item.host}:${item.port}`], ['Registers', item => item.register ? 'yes' : 'no'],
      ['Registration', item => h('span', { class: `registration registration-${item.registration_status ?? 'none'}` }, item.registration_status ?? '—')]],
    fields: [
      { name: 'name', label: 'Name', required: true },
      { name: 'host', label: 'Host', required: true },
      { name: 'port', label: 'Port', type: 'number', min: 1, max: 65535 },
      { name: 'transport', label: 'Transport', type: 'select', options: async () => [['udp', 'UDP'], ['tcp', 'TCP']] },
      { name: 'username', label: 'Username' },
      { name: 'password', label: 'Password', type: 'password', writeOnly: true },
      { name: 'register', label: 'Keep registered', type: 'checkbox' },
      { name: 'tech_prefix', label: 'Tech prefix' },
      { name: 'e164_leading_plus', label: 'Dial with a leading +', type: 'checkbox' },
      { name: 'inbound_allow_list', label: 'Inbound allow list (addresses or CIDR, comma separated)', type: 'list' },
    ],
  },
  clients: {
    title: 'SIP clients', path: '/v1/Clients', id: 'client_sid',
    columns: [['Username', 'username'], ['Realm', 'realm']],
    fields: [
      { name: 'username', label: 'Username', required: true },
      { name: 'password', label: 'Password (8 characters or more)', type: 'password', writeOnly: true, requiredOnCreate: true },
    ],
  },
  'api-keys': {
    title: 'API keys', path: '/v1/ApiKeys', id: 'api_key_sid', readOnly: true,
    columns: [['Key', 'api_key_sid'], ['Scope', 'scope']],
    fields: [
      { name: 'scope', label: 'Scope', type: 'select', options: async () => [['account', 'account'], ['admin', 'admin (admin keys only)']] },
    ],
  },
};

/** A resource's list with create, edit and delete; every refusal shown with the field it names. */
export async function resourcePage(view, spec) {
  const status = h('div', { class: 'messages' });
  const list = h('div', { class: 'resource-list' });
  const form = await editor(spec, status, () => refresh());
  const reload = h('button', { type: 'button', class: 'secondary', onclick: () => refresh() }, 'Refresh list');
  show(view, h('h1', {}, spec.title), status, form.element, h('div', { class: 'list-actions' }, reload), list);

  async function refresh() {
    try {
      const items = await all(spec.path);
      show(list, table(spec.title, [...spec.columns.map(([title]) => title), 'Created', 'Actions'],
        items.map(item => h('tr', { 'data-sid': item[spec.id] },
          spec.columns.map(([, value]) => h('td', {}, (typeof value === 'function' ? value(item) : item[value]) ?? '—')),
          h('td', {}, when(item.created_at)),
          h('td', { class: 'row-actions' },
            spec.readOnly ? null : h('button', { type: 'button', class: 'secondary', onclick: () => form.edit(item) }, 'Edit'),
            h('button', { type: 'button', class: 'danger', onclick: () => remove(item) }, 'Delete')))),
        `No ${spec.title.toLowerCase()} yet.`));
    } catch (problem) {
      show(list, notice('error', problem.message));
    }
  }

  async function remove(item) {
    if (!confirm(`Delete ${spec.title.toLowerCase()} ${item[spec.id]}?`)) return;
    try {
      await api(`${spec.path}/${encodeURIComponent(item[spec.id])}`, { method: 'DELETE' });
      show(status, notice('success', 'Deleted.'));
      await refresh();
    } catch (problem) {
      show(status, notice('error', problem.message));
    }
  }

  await refresh();
}

async function editor(spec, status, refreshed) {
  let editing = null;
  const inputs = new Map();
  const rows = [];
  for (const field of spec.fields) {
    const id = `field-${field.name}`;
    let input;
    if (field.type === 'select') {
      input = h('select', { id, name: field.name }, (await field.options().catch(() => [])).map(([value, label]) => h('option', { value }, label)));
    } else if (field.type === 'checkbox') {
      input = h('input', { id, name: field.name, type: 'checkbox' });
    } else {
      input = h('input', {
        id, name: field.name, type: field.type === 'list' ? 'text' : field.type ?? 'text', required: field.required || field.requiredOnCreate,
        min: field.min, max: field.max, inputmode: field.inputmode, autocomplete: field.type === 'password' ? 'new-password' : 'off',
      });
    }
    inputs.set(field.name, input);
    rows.push(h('div', { class: field.type === 'checkbox' ? 'field check' : 'field' }, h('label', { for: id }, field.label), input));
  }
  const heading = h('h2', { id: `${spec.path.slice(4)}-form-title` }, `New ${spec.title.toLowerCase().replace(/s$/, '')}`);
  const submit = h('button', { type: 'submit' }, 'Create');
  const cancel = h('button', { type: 'button', class: 'secondary', hidden: true, onclick: () => reset() }, 'Cancel edit');
  const element = h('form', { class: 'editor', 'aria-labelledby': heading.id }, heading, rows, h('div', { class: 'actions' }, submit, cancel));

  function reset() {
    editing = null;
    element.reset();
    heading.textContent = `New ${spec.title.toLowerCase().replace(/s$/, '')}`;
    submit.textContent = 'Create';
    cancel.hidden = true;
    for (const field of spec.fields) {
      if (field.requiredOnCreate) inputs.get(field.name).required = true;
    }
  }

  function edit(item) {
    editing = item;
    heading.textContent = `Edit ${item[spec.id]}`;
    submit.textContent = 'Save';
    cancel.hidden = false;
    for (const field of spec.fields) {
      const input = inputs.get(field.name);
      const value = item[field.name];
      if (field.requiredOnCreate) input.required = false;
      if (field.type === 'checkbox') input.checked = Boolean(value);
      else if (field.writeOnly) input.value = '';
      else if (field.hook) input.value = value?.url ?? '';
      else if (field.type === 'list') input.value = (value ?? []).join(', ');
      else input.value = value ?? '';
    }
    element.scrollIntoView({ block: 'start' });
    inputs.get(spec.fields[0].name).focus();
  }

  element.addEventListener('submit', async event => {
    event.preventDefault();
    for (const input of inputs.values()) input.removeAttribute('aria-invalid');
    const body = {};
    for (const field of spec.fields) {
      const input = inputs.get(field.name);
      if (field.type === 'checkbox') body[field.name] = input.checked;
      else if (field.type === 'list') body[field.name] = input.value.split(',').map(part => part.trim()).filter(Boolean);
      else if (field.type === 'number') { if (input.value !== '') body[field.name] = Number(input.value); }
      else if (input.value !== '') body[field.name] = input.value;
      else if (field.writeOnly) continue;
      else if (editing) body[field.name] = null;
    }
    try {
      if (editing) {
        await api(`${spec.path}/${encodeURIComponent(editing[spec.id])}`, { method: 'PUT', body });
        show(status, notice('success', 'Saved.'));
      } else {
        const created = await api(spec.path, { method: 'POST', body });
        show(status, notice('success', `Created ${created.sid}.`),
          created.token ? h('p', { class: 'token' }, 'The new key, shown only now: ', h('code', { id: 'new-token' }, created.token)) : null);
      }
      reset();
      await refreshed();
    } catch (problem) {
      if (problem instanceof ApiError && problem.field) {
        const name = problem.field.split(/[.[]/)[0];
        inputs.get(name)?.setAttribute('aria-invalid', 'true');
        inputs.get(name)?.focus();
      }
      show(status, notice('error', problem.message));
    }
  });

  return { element, edit };
}
