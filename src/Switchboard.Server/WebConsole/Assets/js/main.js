import { session, checkKey } from './api.js';
import { show, notice } from './dom.js';
import { livePage } from './live.js';
import { callsPage } from './calls.js';
import { callPage } from './call.js';
import { resources, resourcePage } from './resources.js';
import { failuresPage } from './failures.js';

const signIn = document.getElementById('sign-in');
const signInForm = document.getElementById('sign-in-form');
const signInError = document.getElementById('sign-in-error');
const keyInput = document.getElementById('api-key');
const nav = document.getElementById('nav');
const signOut = document.getElementById('sign-out');
const view = document.getElementById('view');
let leaving = new AbortController();
let firstPage = true;

function signedIn(yes) {
  signIn.hidden = yes;
  nav.hidden = !yes;
  signOut.hidden = !yes;
  view.hidden = !yes;
}

/** Shows the page the address names (#/live, #/calls?..., #/calls/{sid}, #/applications, ...). */
async function route() {
  leaving.abort();
  leaving = new AbortController();
  delete view.dataset.feed;
  if (!session.key) {
    signedIn(false);
    keyInput.focus();
    return;
  }
  signedIn(true);
  const [path, search] = (location.hash.slice(1) || '/live').split('?');
  const query = new URLSearchParams(search);
  const [, section, id] = path.split('/');
  for (const link of nav.querySelectorAll('a')) {
    link.toggleAttribute('aria-current', link.getAttribute('href') === `#/${section}`);
    if (link.hasAttribute('aria-current')) link.setAttribute('aria-current', 'page');
  }
  try {
    if (section === 'live') livePage(view, leaving.signal);
    else if (section === 'calls' && id) await callPage(view, decodeURIComponent(id), leaving.signal);
    else if (section === 'calls') await callsPage(view, query);
    else if (section === 'webhook-failures') await failuresPage(view, query);
    else if (resources[section]) await resourcePage(view, resources[section]);
    else show(view, notice('error', `No page ${path}.`));
  } catch (problem) {
    if (!leaving.signal.aborted) show(view, notice('error', problem.message));
  }
  const heading = view.querySelector('h1');
  document.title = `${heading?.textContent ?? 'Console'} · Switchboard`;
  // After moving to another page, a screen reader starts at its heading rather than where the old page left it.
  if (!firstPage && heading && !leaving.signal.aborted) {
    heading.tabIndex = -1;
    heading.focus();
  }
  firstPage = false;
}

signInForm.addEventListener('submit', async event => {
  event.preventDefault();
  const key = keyInput.value.trim();
  signInError.textContent = '';
  try {
    await checkKey(key);
  } catch (problem) {
    keyInput.setAttribute('aria-invalid', 'true');
    signInError.textContent = problem.status === 401
      ? 'That API key is not valid on this server.'
      : `Could not sign in: ${problem.message}`;
    keyInput.select();
    return;
  }
  keyInput.value = '';
  keyInput.removeAttribute('aria-invalid');
  session.signIn(key);
  if (!location.hash) location.hash = '#/live';
  else route();
});

signOut.addEventListener('click', () => {
  session.signOut();
  route();
});

session.onSignedOut(() => {
  signInError.textContent = 'The server no longer takes your API key; sign in again.';
  route();
});

window.addEventListener('hashchange', route);
route();
