import { h, show, table, when, notice } from './dom.js';
import { watchLiveCalls } from './live-feed.js';

const finalStatuses = new Set(['completed', 'failed', 'busy', 'no-answer']);
const endedKept = 20;

/** Live calls, changing as they change (no reload), and the calls that just ended. */
export function livePage(view, signal) {
  const live = new Map();
  const ended = [];
  const state = h('div', { class: 'feed-state' });
  // Announced to screen readers on each change; the tables are not, or their ticking durations would be read out.
  const summary = h('p', { id: 'live-summary', role: 'status' });
  const liveRegion = h('div', { id: 'live-calls' });
  const endedRegion = h('div', { id: 'ended-calls' });
  show(view,
    h('h1', {}, 'Live calls'),
    state,
    summary,
    h('section', { 'aria-labelledby': 'live-title' }, h('h2', { id: 'live-title' }, 'Now'), liveRegion),
    h('section', { 'aria-labelledby': 'ended-title' }, h('h2', { id: 'ended-title' }, 'Just ended'), endedRegion));

  const render = () => {
    summary.textContent = `${live.size} ${live.size === 1 ? 'call' : 'calls'} in progress, ${ended.length} ended while you watched.`;
    show(liveRegion, callTable('Calls in progress', [...live.values()], 'No live calls.'));
    show(endedRegion, callTable('Calls that ended while you watched', ended, 'None yet.'));
  };
  const tick = () => {
    for (const cell of liveRegion.querySelectorAll('td.duration')) {
      cell.textContent = `${liveDuration(live.get(cell.parentElement.dataset.call))} s`;
    }
  };

  render();
  const ticker = setInterval(tick, 1000);
  signal.addEventListener('abort', () => clearInterval(ticker));
  watchLiveCalls({
    signal,
    onState: message => show(state, message ? notice('warning', message) : null),
    onCalls: calls => {
      // Marks the page as receiving, for whoever waits on it (the browser tests).
      view.dataset.feed = 'open';
      live.clear();
      for (const call of calls) live.set(call.call_sid, call);
      render();
    },
    onCall: call => {
      if (finalStatuses.has(call.call_status)) {
        live.delete(call.call_sid);
        ended.unshift(call);
        ended.splice(endedKept);
      } else {
        live.set(call.call_sid, call);
      }
      render();
    },
  });
}

function callTable(caption, calls, empty) {
  return table(caption, ['Call', 'Direction', 'From', 'To', 'Status', 'Started', 'Duration'],
    calls.map(call => h('tr', { 'data-call': call.call_sid, 'data-status': call.call_status },
      h('td', {}, h('a', { href: `#/calls/${encodeURIComponent(call.call_sid)}` }, call.call_sid.slice(0, 8))),
      h('td', {}, call.direction),
      h('td', {}, call.from),
      h('td', {}, call.to),
      h('td', {}, h('span', { class: `status status-${call.call_status}` }, call.call_status)),
      h('td', {}, when(call.created_at)),
      h('td', { class: 'duration' }, `${liveDuration(call)} s`))),
    empty);
}

function liveDuration(call) {
  if (!call?.answered_at) return 0;
  const end = call.ended_at ? new Date(call.ended_at) : new Date();
  return Math.max(0, Math.round((end - new Date(call.answered_at)) / 1000));
}
