import { all, page } from './api.js';
import { h, show, table, when, notice } from './dom.js';

const statuses = ['', 'queued', 'trying', 'ringing', 'early-media', 'in-progress', 'completed', 'failed', 'busy', 'no-answer'];

/** Call history with the Calls list's filters and cursor paging; the filters live in the page's address (#/calls?...). */
export async function callsPage(view, query) {
  const filters = Object.fromEntries(query);
  const cursors = (filters.cursors ?? '').split(',').filter(Boolean);
  delete filters.cursors;
  const applications = await all('/v1/Applications').catch(() => []);

  const field = (name, label, input) => h('div', { class: 'field' }, h('label', { for: `filter-${name}` }, label), input);
  const text = (name, type = 'text') => h('input', { id: `filter-${name}`, name, type, value: filters[name] ?? '' });
  const select = (name, options) => h('select', { id: `filter-${name}`, name },
    options.map(([value, label]) => h('option', { value, selected: (filters[name] ?? '') === value }, label)));

  const form = h('form', { class: 'filters', 'aria-label': 'Filter calls' },
    field('status', 'Status', select('status', statuses.map(status => [status, status || 'any']))),
    field('direction', 'Direction', select('direction', [['', 'any'], ['inbound', 'inbound'], ['outbound', 'outbound']])),
    field('from', 'From', text('from')),
    field('to', 'To', text('to')),
    field('start', 'Created from', text('start', 'datetime-local')),
    field('end', 'Created before', text('end', 'datetime-local')),
    field('application_sid', 'Application', select('application_sid', [['', 'any'], ...applications.map(app => [app.application_sid, app.name])])),
    field('tag', 'Tag (key or key:value)', text('tag')),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Apply'), h('a', { href: '#/calls', class: 'button secondary' }, 'Clear')));
  form.addEventListener('submit', event => {
    event.preventDefault();
    const chosen = new URLSearchParams([...new FormData(form)].filter(([, value]) => value !== ''));
    location.hash = `#/calls?${chosen}`;
  });

  const results = h('div', { id: 'call-results' }, notice('status', 'Loading…'));
  show(view, h('h1', {}, 'Call history'), form, results);

  const request = { ...filters, limit: 25, cursor: cursors.at(-1) };
  for (const name of ['start', 'end']) {
    if (request[name]) request[name] = new Date(request[name]).toISOString();
  }
  try {
    const { items, next } = await page('/v1/Calls', request);
    const move = stack => {
      const parameters = new URLSearchParams(filters);
      if (stack.length) parameters.set('cursors', stack.join(','));
      return `#/calls?${parameters}`;
    };
    show(results,
      table('Calls, oldest first', ['Call', 'Direction', 'From', 'To', 'Status', 'Created', 'Duration', 'Ended by'],
        items.map(call => h('tr', { 'data-call': call.call_sid },
          h('td', {}, h('a', { href: `#/calls/${encodeURIComponent(call.call_sid)}` }, call.call_sid.slice(0, 8))),
          h('td', {}, call.direction),
          h('td', {}, call.from),
          h('td', {}, call.to),
          h('td', {}, h('span', { class: `status status-${call.call_status}` }, call.call_status)),
          h('td', {}, when(call.created_at)),
          h('td', {}, `${call.duration} s`),
          h('td', {}, call.hangup_by ?? '—'))),
        'No calls match.'),
      h('nav', { class: 'pager', 'aria-label': 'Pages' },
        cursors.length ? h('a', { class: 'button secondary', href: move(cursors.slice(0, -1)) }, 'Previous page') : null,
        next ? h('a', { class: 'button secondary', href: move([...cursors, next]), rel: 'next' }, 'Next page') : null));
  } catch (problem) {
    show(results, notice('error', problem.message));
  }
}
