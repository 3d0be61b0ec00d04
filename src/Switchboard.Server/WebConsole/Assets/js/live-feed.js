import { session } from './api.js';

// Reads GET /v1/Calls/Live, a text/event-stream, with fetch: an EventSource cannot send the Authorization header,
// and the key must never go into an address. Reconnects after a drop (the stream then starts afresh with "calls").

/** Calls onCalls(all live calls) at each (re)connection and onCall(call) at each change, until the signal aborts. */
export async function watchLiveCalls({ onCalls, onCall, onState, signal }) {
  while (!signal.aborted) {
    try {
      const response = await fetch('/v1/Calls/Live', {
        headers: { Authorization: `Bearer ${session.key}`, Accept: 'text/event-stream' },
        signal,
        cache: 'no-store',
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
      });
      if (response.status === 401) {
        onState('The server no longer takes this key.');
        return;
      }
      if (!response.ok) throw new Error(`the server answered ${response.status}`);
      onState(null);
      await readEvents(response.body, (name, data) => {
        if (name === 'calls') onCalls(JSON.parse(data));
        else if (name === 'call') onCall(JSON.parse(data));
      });
    } catch (problem) {
      if (signal.aborted) return;
      onState(`Live updates paused (${problem.message}); reconnecting…`);
    }
    await new Promise(resolve => setTimeout(resolve, 1000));
  }
}

async function readEvents(body, dispatch) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value.replaceAll('\r\n', '\n');
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let name = 'message';
      const data = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) name = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      dispatch(name, data.join('\n'));
    }
  }
}
