// The console's only way to the server: the API with the key in the Authorization header, never in an address.

const storageKey = 'switchboard.apiKey';
let signedOut = () => {};

/** The key lives in this tab's sessionStorage: gone when the tab closes, never sent anywhere but this server. */
export const session = {
  get key() { return sessionStorage.getItem(storageKey); },
  signIn(key) { sessionStorage.setItem(storageKey, key); },
  signOut() { sessionStorage.removeItem(storageKey); },
  /** Called when the server no longer takes the key (deleted, or the server's data was reset). */
  onSignedOut(callback) { signedOut = callback; },
};

/** An answer the API refused: its status and problem+json (whose field names the offending input). */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `the server answered ${status}`);
    this.status = status;
    this.field = problem?.field ?? null;
  }
}

/** Sends a request with the key; answers the raw response, or throws ApiError for a refusal. */
export async function send(path, { method = 'GET', body, signal, accept = 'application/json', key = session.key } = {}) {
  const headers = { Authorization: `Bearer ${key}`, Accept: accept };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal,
    cache: 'no-store',
    credentials: 'omit',
    referrerPolicy: 'no-referrer',
  });
  if (response.ok) return response;
  const problem = await response.json().catch(() => null);
  if (response.status === 401 && key === session.key) {
    session.signOut();
    signedOut();
  }
  throw new ApiError(response.status, problem);
}

/** A JSON answer, or null for an empty one (204). */
export async function api(path, options) {
  const response = await send(path, options);
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

/** One page of a list: its items and the cursor of the next page, if any. */
export async function page(path, query = {}) {
  const parameters = new URLSearchParams(Object.entries(query).filter(([, value]) => value !== '' && value != null));
  const response = await send(parameters.size ? `${path}?${parameters}` : path);
  return { items: await response.json(), next: response.headers.get('X-Next-Cursor') };
}

/** Every item of a list, following its pages (for pick lists, which are short). */
export async function all(path) {
  const items = [];
  let cursor = null;
  do {
    const result = await page(path, { limit: 500, cursor });
    items.push(...result.items);
    cursor = result.next;
  } while (cursor);
  return items;
}

/** Whether the server takes this key: any list the key may read says so. */
export async function checkKey(key) {
  await send('/v1/Applications?limit=1', { key });
}
