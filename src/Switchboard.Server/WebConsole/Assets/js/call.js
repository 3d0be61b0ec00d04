import { api, send } from './api.js';
import { h, svg, show, when, notice } from './dom.js';

const lanes = [
  { type: 'status', label: 'Status (SIP)' },
  { type: 'verb', label: 'Verbs' },
  { type: 'webhook', label: 'Webhooks' },
  { type: 'other', label: 'Recordings, AMD' },
];

/** One call: its record, its timeline drawn on one time axis with every entry listed, and its recordings. */
export async function callPage(view, sid, signal) {
  show(view, h('h1', {}, 'Call'), notice('status', 'Loading…'));
  const path = `/v1/Calls/${encodeURIComponent(sid)}`;
  const [call, events, recordings] = await Promise.all([
    api(path),
    api(`${path}/Events`),
    api(`/v1/Recordings?call_sid=${encodeURIComponent(sid)}`),
  ]);
  const recordingList = h('ul', { class: 'recordings' });
  show(view,
    h('h1', {}, `Call ${call.from} → ${call.to}`),
    details(call),
    h('section', { 'aria-labelledby': 'timeline-title' },
      h('h2', { id: 'timeline-title' }, 'Timeline'),
      events.length ? drawing(events) : notice('status', 'No events stored.'),
      entries(events)),
    h('section', { 'aria-labelledby': 'recordings-title' },
      h('h2', { id: 'recordings-title' }, 'Recordings'),
      recordings.length ? recordingList : h('p', { class: 'empty' }, 'No recordings.')));
  for (const recording of recordings) {
    recordingList.append(await player(recording, signal));
  }
}

function details(call) {
  const rows = [
    ['Call sid', call.call_sid], ['SIP Call-ID', call.call_id], ['Direction', call.direction],
    ['Status', call.call_status], ['SIP status', call.sip_status], ['Created', when(call.created_at)],
    ['Answered', when(call.answered_at)], ['Ended', when(call.ended_at)], ['Duration', `${call.duration} s`],
    ['Ended by', call.hangup_by], ['End reason', call.end_reason], ['Application', call.application_sid],
    ['Parent call', call.parent_call_sid],
  ];
  return h('dl', { class: 'details' }, rows.filter(([, value]) => value !== null && value !== undefined)
    .map(([name, value]) => [h('dt', {}, name), h('dd', {}, String(value))]));
}

function laneOf(event) {
  return lanes.some(lane => lane.type === event.type) ? event.type : 'other';
}

function label(event) {
  switch (event.type) {
    case 'status': return `${event.status}${event.code ? ` (SIP ${event.code})` : ''}`;
    case 'verb': return `${event.verb} ${event.name}${event.result ? `: ${event.result}` : ''}`;
    case 'webhook': return `${event.name} → ${event.code ?? event.error ?? 'no answer'}${event.latency != null ? ` in ${event.latency} ms` : ''}`;
    case 'recording': return `recording ${event.status ?? ''} ${event.duration != null ? `${event.duration} s` : ''}`.trim();
    default: return [event.type, event.name, event.reason].filter(Boolean).join(' ');
  }
}

/** The entries on one time axis: a lane per kind, verbs as bars from start to end, webhooks as bars as long as they took. */
function drawing(events) {
  const times = events.map(event => new Date(event.at).getTime());
  const start = Math.min(...times);
  const span = Math.max(1, Math.max(...times) - start);
  const width = 1000, laneHeight = 34, left = 150, right = 20, top = 10;
  const x = time => left + ((time - start) / span) * (width - left - right);
  const height = top + lanes.length * laneHeight + 30;
  const marks = [];
  lanes.forEach((lane, index) => {
    const y = top + index * laneHeight;
    marks.push(svg('text', { x: 4, y: y + 21, class: 'lane-label' }, lane.label));
    marks.push(svg('line', { x1: left, x2: width - right, y1: y + 17, y2: y + 17, class: 'lane-line' }));
  });
  const openVerbs = new Map();
  events.forEach((event, index) => {
    const lane = lanes.findIndex(candidate => candidate.type === laneOf(event));
    const y = top + lane * laneHeight;
    const at = times[index];
    if (event.type === 'verb' && event.name === 'started') {
      openVerbs.set(event.verb, at);
      return;
    }
    const from = event.type === 'verb' && openVerbs.has(event.verb) ? openVerbs.get(event.verb) : at;
    const to = event.type === 'webhook' && event.latency ? at + event.latency : at;
    if (event.type === 'verb') openVerbs.delete(event.verb);
    const failed = event.type === 'webhook' && !(event.code >= 200 && event.code < 300);
    marks.push(to > from
      ? svg('rect', { x: x(from), y: y + 9, width: Math.max(3, x(to) - x(from)), height: 16, rx: 3, class: `mark mark-${event.type}${failed ? ' mark-failed' : ''}` },
        svg('title', {}, label(event)))
      : svg('circle', { cx: x(at), cy: y + 17, r: 6, class: `mark mark-${laneOf(event)}${failed ? ' mark-failed' : ''}` },
        svg('title', {}, label(event))));
  });
  const axisY = top + lanes.length * laneHeight + 14;
  // A tick every "round" step that gives at most ten of them: 0.1 s, 0.2 s, 0.5 s, 1 s, 2 s, 5 s, 10 s, ...
  const step = [100, 200, 500, 1000, 2000, 5000, 10000, 30000, 60000, 300000, 600000, 1800000, 3600000]
    .find(candidate => span / candidate <= 10) ?? 3600000;
  const ticks = [];
  for (let offset = 0; offset <= span; offset += step) {
    ticks.push(svg('line', { x1: x(start + offset), x2: x(start + offset), y1: top, y2: axisY - 10, class: 'tick' }));
    ticks.push(svg('text', { x: x(start + offset), y: axisY, class: 'axis', 'text-anchor': 'middle' }, seconds(offset)));
  }
  return h('figure', { class: 'timeline' },
    svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': 'timeline-caption' }, ticks, marks),
    h('figcaption', { id: 'timeline-caption' }, `${events.length} entries over ${(span / 1000).toFixed(1)} s; each is listed below.`));
}

function seconds(milliseconds) {
  return milliseconds >= 60000 && milliseconds % 60000 === 0 ? `${milliseconds / 60000} min` : `${+(milliseconds / 1000).toFixed(1)} s`;
}

/** Every entry in order, a webhook's request and answer bodies behind a disclosure. */
function entries(events) {
  const start = events.length ? new Date(events[0].at).getTime() : 0;
  return h('ol', { class: 'entries', id: 'timeline-entries' }, events.map(event => {
    const offset = `+${((new Date(event.at).getTime() - start) / 1000).toFixed(2)} s`;
    const bodies = event.type === 'webhook'
      ? h('details', {},
        h('summary', {}, `${event.method ?? 'POST'} ${event.url ?? ''} (attempt ${event.attempt ?? 1})`),
        h('h3', {}, 'Request'), h('pre', {}, pretty(event.request)),
        h('h3', {}, 'Answer'), h('pre', {}, pretty(event.answer)))
      : null;
    return h('li', { class: `entry entry-${laneOf(event)}`, 'data-type': event.type },
      h('span', { class: 'offset' }, offset), ' ',
      h('span', { class: 'kind' }, event.type), ' ',
      h('span', { class: 'label' }, label(event)),
      event.reason && event.type !== 'other' ? h('span', { class: 'reason' }, ` — ${event.reason}`) : null,
      bodies);
  }));
}

function pretty(body) {
  if (!body) return '(empty)';
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

/** Fetched with the key, played from a blob URL: an audio element cannot send the Authorization header itself. */
async function player(recording, signal) {
  const item = h('li', { 'data-recording': recording.sid },
    h('p', {}, `${recording.source === 'call' ? 'Whole call' : 'Record verb'}, ${recording.channels === 2 ? 'stereo' : 'mono'}, ${recording.duration} s, ${recording.status}`));
  try {
    const response = await send(recording.media_url, { accept: 'audio/wav', signal });
    const url = URL.createObjectURL(await response.blob());
    signal.addEventListener('abort', () => URL.revokeObjectURL(url));
    item.append(h('audio', { controls: true, preload: 'metadata', src: url, 'aria-label': `Recording ${recording.sid}` }));
    item.append(h('a', { href: url, download: `${recording.sid}.wav` }, 'Download WAV'));
  } catch (problem) {
    item.append(notice('error', `The recording could not be fetched: ${problem.message}`));
  }
  return item;
}
