import { page } from './api.js';
import { h, show, table, when, notice } from './dom.js';

/** Webhooks given up on: where they went, why, and what they carried; a page at a time. */
export async function failuresPage(view, query) {
  const cursor = query.get('cursor');
  show(view, h('h1', {}, 'Webhook failures'), notice('status', 'Loading…'));
  const { items, next } = await page('/v1/WebhookFailures', { limit: 50, cursor });
  show(view,
    h('h1', {}, 'Webhook failures'),
    h('p', {}, 'Notifications retried until the retry period ran out, oldest first.'),
    table('Webhooks given up on', ['Call', 'Event', 'URL', 'Attempts', 'Last error', 'Gave up', 'Payload'],
      items.map(failure => h('tr', {},
        h('td', {}, h('a', { href: `#/calls/${encodeURIComponent(failure.call_sid)}` }, failure.call_sid.slice(0, 8))),
        h('td', {}, failure.event),
        h('td', { class: 'url' }, failure.url),
        h('td', {}, String(failure.attempts)),
        h('td', {}, failure.last_error ?? '—'),
        h('td', {}, when(failure.gave_up_at)),
        h('td', {}, h('details', {}, h('summary', {}, 'Show'), h('pre', {}, JSON.stringify(failure.payload, null, 2)))))),
      'No webhook has failed.'),
    next ? h('nav', { class: 'pager', 'aria-label': 'Pages' }, h('a', { class: 'button secondary', href: `#/webhook-failures?cursor=${encodeURIComponent(next)}` }, 'Next page')) : null);
}
