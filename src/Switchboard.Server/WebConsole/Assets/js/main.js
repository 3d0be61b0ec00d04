import { session, checkKey } from './api.js';
import { h, show, notice } from './dom.js';
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

/**
 * Shows the page the address names (#/live, #/calls?..., #/calls/{sid}, #/applications, ...). Each page renders into
 * a container of its own, so a page still loading when the address changes fills a container no longer shown.
 */
async function route() {
  leaving.abort();
  leaving = new AbortController();
  const signal = leaving.signal;
  const focusHeading = !firstPage;
  firstPage = false;
  const [path, search] = (location.hash.slice(1) || '/live').split('?');
  const page = h('div', { class: 'page', 'data-page': path });
  view.replaceChildren(page);
  if (!session.key) {
    signedIn(false);
    keyInput.focus();
    return;
  }
  signedIn(true);
  const query = new URLSearchParams(search);
  const [, section, id] = path.split('/');
  for (const link of nav.querySelectorAll('a')) {
    link.toggleAttribute('aria-current', link.getAttribute('href') === `#/${section}`);
    if (link.hasAttribute('aria-current')) link.setAttribute('aria-current', 'page');
  }
  try {
    if (section === 'live') livePage(page, signal);
    else if (section === 'calls' && id) await callPage(page, decodeURIComponent(id), signal);
    else if (section === 'calls') await callsPage(page, query);
    else if (section === 'webhook-failures') await failuresPage(page, query);
    else if (resources[section]) await resourcePage(page, resources[section]);
    else show(page, notice('error', `No page ${path}.`));
  } catch (problem) {
    show(page, notice('error', problem.message));
  }
  if (signal.aborted) return;
  const heading = page.querySelector('h1');
  document.title = `${heading?.textContent ?? 'Console'} · Switchboard`;
  // After moving to another page, a screen reader starts at its heading rather than where the old page left it.
  if (focusHeading && heading) {
    heading.tabIndex = -1;
    heading.focus();
  }
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
