// Shared by the agent desktop, the portal and the store tool: sign-in (authorization code + PKCE
// at the identity provider, in the browser), calls to the experience APIs with the token, errors
// in words, live timelines (SSE over fetch, so the token goes in a header), and formatting of
// money and times. No framework and no build step: plain modules the browser loads as they are.

const SESSION_KEY = (tool) => `retailhub.session.${tool}`;
const SIGN_IN_KEY = (state) => `retailhub.sign-in.${state}`;

let configPromise;
let discoveryPromise;

/** Where to sign in: {issuer, clientId}, from experience-api. */
export function config() {
  configPromise ??= fetch('/web-config').then((response) => response.json());
  return configPromise;
}

/** The identity provider's OIDC discovery document. */
async function discovery() {
  const { issuer } = await config();
  discoveryPromise ??= fetch(`${issuer}/.well-known/openid-configuration`).then((response) => {
    if (!response.ok) {
      throw new Error('The sign-in service is not answering. Try again in a moment.');
    }
    return response.json();
  });
  return discoveryPromise;
}

function randomUrlSafe(bytes) {
  const random = crypto.getRandomValues(new Uint8Array(bytes));
  return base64Url(random);
}

function base64Url(bytes) {
  let binary = '';
  bytes.forEach((b) => { binary += String.fromCharCode(b); });
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The claims of a JWT (not verified here: experience-api checks every token it is sent). */
export function claims(token) {
  const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  const json = decodeURIComponent(Array.from(atob(payload), (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join(''));
  return JSON.parse(json);
}

/** The tool's session while its token is valid: {kind: 'user'|'guest', token, claims, ...}; else null. */
export function session(tool) {
  const stored = sessionStorage.getItem(SESSION_KEY(tool));
  if (!stored) {
    return null;
  }
  const current = JSON.parse(stored);
  if (Date.parse(current.expiresAt) - 10_000 < Date.now()) {
    sessionStorage.removeItem(SESSION_KEY(tool));
    return null;
  }
  return { ...current, claims: claims(current.token) };
}

function keep(tool, value) {
  sessionStorage.setItem(SESSION_KEY(tool), JSON.stringify(value));
}

/** Sends the browser to the identity provider's sign-in; it comes back to /signed-in, then to returnTo. */
export async function signIn(tool, returnTo = location.pathname + location.hash) {
  const [{ clientId }, provider] = await Promise.all([config(), discovery()]);
  const verifier = randomUrlSafe(48);
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  const state = randomUrlSafe(16);
  sessionStorage.setItem(SIGN_IN_KEY(state), JSON.stringify({ tool, verifier, returnTo }));
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: clientId,
    redirect_uri: `${location.origin}/signed-in`,
    scope: 'openid profile',
    state,
    code_challenge: base64Url(new Uint8Array(digest)),
    code_challenge_method: 'S256',
  });
  location.assign(`${provider.authorization_endpoint}?${query}`);
}

/** On /signed-in: exchanges the code for tokens, keeps them for the tool, and goes back. */
export async function completeSignIn() {
  const query = new URLSearchParams(location.search);
  const pending = sessionStorage.getItem(SIGN_IN_KEY(query.get('state') ?? ''));
  if (query.get('error')) {
    throw new Error(`Sign-in was not completed: ${query.get('error_description') ?? query.get('error')}.`);
  }
  if (!pending || !query.get('code')) {
    throw new Error('This sign-in link has expired or was already used. Please sign in again.');
  }
  sessionStorage.removeItem(SIGN_IN_KEY(query.get('state')));
  const { tool, verifier, returnTo } = JSON.parse(pending);
  const [{ clientId }, provider] = await Promise.all([config(), discovery()]);
  const response = await fetch(provider.token_endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: query.get('code'),
      redirect_uri: `${location.origin}/signed-in`,
      client_id: clientId,
      code_verifier: verifier,
    }),
  });
  const tokens = await response.json();
  if (!response.ok) {
    throw new Error(`Sign-in was not completed: ${tokens.error_description ?? tokens.error}.`);
  }
  keep(tool, {
    kind: 'user',
    token: tokens.access_token,
    idToken: tokens.id_token,
    expiresAt: new Date(Date.now() + tokens.expires_in * 1000).toISOString(),
  });
  location.replace(returnTo);
}

/** Keeps a guest token (from POST /api/portal/v1/guest-sessions) as the portal's session. */
export function keepGuest(tool, guest) {
  keep(tool, { kind: 'guest', token: guest.accessToken, expiresAt: guest.expiresAt, orderId: guest.orderId });
}

/** Forgets the tool's token; a person signed in at the identity provider is signed out there too. */
export async function signOut(tool) {
  const current = session(tool);
  sessionStorage.removeItem(SESSION_KEY(tool));
  if (current?.kind === 'user' && current.idToken) {
    const [{ clientId }, provider] = await Promise.all([config(), discovery()]);
    if (provider.end_session_endpoint) {
      const query = new URLSearchParams({
        id_token_hint: current.idToken,
        client_id: clientId,
        post_logout_redirect_uri: `${location.origin}/signed-out`,
        state: tool,
      });
      location.assign(`${provider.end_session_endpoint}?${query}`);
      return;
    }
  }
  location.assign(`/${tool}/`);
}

/** A refusal or failure of the API, in words for the person at the screen. */
export class Problem extends Error {
  constructor(status, body) {
    super(describe(status, body));
    this.status = status;
    this.body = body;
  }
}

function describe(status, body) {
  const fields = (body?.errors ?? [])
    .map((error) => [error.field, error.message].filter(Boolean).join(': '));
  const detail = body?.detail ?? body?.title;
  if (status === 401) {
    return 'Your session has ended. Please sign in again.';
  }
  if (status === 503 || status === 504) {
    return `${detail ?? 'A system we depend on is not answering.'} Please try again in a moment.`;
  }
  if (status === 429) {
    return detail ?? 'Too many attempts. Please wait a minute and try again.';
  }
  const words = detail ?? `The request failed (HTTP ${status}).`;
  return fields.length ? `${words} ${fields.join('; ')}` : words;
}

// the progress indicator: shown while any request runs
let running = 0;
function progress(delta) {
  running += delta;
  const indicator = document.getElementById('progress');
  if (indicator) {
    indicator.hidden = running === 0;
  }
  document.querySelector('main')?.setAttribute('aria-busy', String(running > 0));
}

/** Calls an experience API with the tool's token; the JSON answer, or throws a {@link Problem}. */
export async function api(tool, path, { method = 'GET', body, idempotencyKey } = {}) {
  const current = session(tool);
  const headers = { Accept: 'application/json, application/problem+json' };
  if (current) {
    headers.Authorization = `Bearer ${current.token}`;
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if (idempotencyKey) {
    headers['Idempotency-Key'] = idempotencyKey;
  }
  progress(1);
  try {
    let response;
    try {
      response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    }
    catch (failure) {
      throw new Problem(503, { detail: 'The hub is not answering.' });
    }
    const text = await response.text();
    const json = text ? JSON.parse(text) : null;
    if (!response.ok) {
      if (response.status === 401) {
        sessionStorage.removeItem(SESSION_KEY(tool));
      }
      throw new Problem(response.status, json);
    }
    return json;
  }
  finally {
    progress(-1);
  }
}

/**
 * Follows a timeline stream (SSE) with the tool's token: calls onEntry for each entry, and
 * reconnects after a failure with the last entry's id, so nothing is missed or shown twice.
 * onConnect runs each time the stream is (again) open: a page that loaded its data before (or
 * while the stream was down) reloads it then, so a change made in between is not missed.
 * Returns a function that stops it.
 */
export function follow(tool, path, lastEventId, onEntry, onConnect = () => {}) {
  let stopped = false;
  let controller;
  let lastId = lastEventId;
  let backoff = 1000;
  const connect = async () => {
    while (!stopped) {
      controller = new AbortController();
      try {
        const current = session(tool);
        if (!current) {
          return;
        }
        const headers = { Accept: 'text/event-stream', Authorization: `Bearer ${current.token}` };
        if (lastId) {
          headers['Last-Event-ID'] = String(lastId);
        }
        const response = await fetch(path, { headers, signal: controller.signal });
        if (!response.ok) {
          throw new Error(`stream answered ${response.status}`);
        }
        backoff = 1000;
        onConnect();
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) {
            break;
          }
          buffer += value;
          let end;
          while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
            const event = { data: [] };
            block.split(/\r?\n/).forEach((line) => {
              const colon = line.indexOf(':');
              if (colon === 0) {
                return;
              }
              const field = colon < 0 ? line : line.slice(0, colon);
              const text = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
              if (field === 'data') {
                event.data.push(text);
              }
              else {
                event[field] = text;
              }
            });
            if (event.data.length) {
              if (event.id) {
                lastId = event.id;
              }
              onEntry(JSON.parse(event.data.join('\n')));
            }
          }
        }
      }
      catch (failure) {
        if (stopped) {
          return;
        }
      }
      await new Promise((resolve) => { setTimeout(resolve, backoff); });
      backoff = Math.min(backoff * 2, 15_000);
    }
  };
  connect();
  return () => {
    stopped = true;
    controller?.abort();
  };
}

/** Builds an element: h('p', {class: 'x', onclick: f}, 'text', child). Text is never parsed as HTML. */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  Object.entries(attributes ?? {}).forEach(([name, value]) => {
    if (value === undefined || value === null || value === false) {
      return;
    }
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    }
    else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    }
    else if (value === true) {
      element.setAttribute(name, '');
    }
    else {
      element.setAttribute(name, String(value));
    }
  });
  children.flat(Infinity).forEach((child) => {
    if (child === undefined || child === null || child === false) {
      return;
    }
    element.append(child instanceof Node ? child : String(child));
  });
  return element;
}

/** The viewer's language, for numbers, money and dates. */
export const locale = navigator.language || 'en-US';

/** An amount in its own currency, in the viewer's language: {amount: 37.98, currency: 'USD'}. */
export function money(value) {
  if (!value) {
    return '';
  }
  return new Intl.NumberFormat(locale, { style: 'currency', currency: value.currency }).format(value.amount);
}

/** A share of an amount (units of a line's estimate), rounded to its currency's minor unit. */
export function share(value, part, whole) {
  if (!value || whole === 0) {
    return null;
  }
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency: value.currency }).resolvedOptions().maximumFractionDigits;
  const minor = 10 ** digits;
  return { amount: Math.round((Number(value.amount) * minor * part) / whole) / minor, currency: value.currency };
}

/** Sums amounts of one currency. */
export function sum(values, currency) {
  const present = values.filter(Boolean);
  if (!present.length) {
    return null;
  }
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency: currency ?? present[0].currency }).resolvedOptions().maximumFractionDigits;
  const minor = 10 ** digits;
  const total = present.reduce((acc, value) => acc + Math.round(Number(value.amount) * minor), 0);
  return { amount: total / minor, currency: currency ?? present[0].currency };
}

/** A moment in the viewer's time zone, as a <time> element carrying the exact instant. */
export function time(instant, { dateOnly = false } = {}) {
  if (!instant) {
    return '';
  }
  const date = new Date(instant);
  const text = dateOnly
    ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(date)
    : new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
  return h('time', { datetime: date.toISOString(), title: date.toISOString() }, text);
}

/** Constant words for codes (SIZE_TOO_SMALL -> Size too small). */
export function words(code) {
  if (!code) {
    return '';
  }
  const text = String(code).replace(/_/g, ' ').toLowerCase();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The return reasons the hub takes, in words. */
export const REASONS = ['SIZE_TOO_SMALL', 'SIZE_TOO_LARGE', 'COLOR', 'STYLE', 'NOT_AS_DESCRIBED', 'DEFECTIVE', 'DAMAGED', 'WRONG_ITEM', 'UNWANTED', 'OTHER'];

/** The page's heading (focusable); the browser tab's title follows it: "Order WEB-1 · Returns portal". */
export function pageTitle(text, toolName) {
  document.title = `${text} · ${toolName}`;
  return h('h1', { tabindex: '-1' }, text);
}

/** Shows a page's content in its view and moves the focus to its heading, for keyboards and screen readers. */
export function show(view, ...nodes) {
  view.replaceChildren(...nodes.flat().filter(Boolean));
  view.querySelector('h1')?.focus();
}

/** A region where a form's error is announced (hidden until there is one). */
export function errorRegion(id) {
  return h('div', { class: 'alert', role: 'alert', hidden: true, tabindex: '-1', id });
}

/** A status as a coloured badge; tones lists the statuses shown as good, bad or warn. */
export function badge(status, tones) {
  const tone = ['good', 'bad', 'warn'].find((name) => (tones[name] ?? []).includes(status)) ?? '';
  return h('span', { class: `badge ${tone}` }, words(status));
}

/** Shows an error (or clears it) in the page's alert region. */
export function showError(failure, region = document.getElementById('alert')) {
  if (!region) {
    return;
  }
  region.replaceChildren();
  if (failure) {
    region.append(h('p', {}, failure.message ?? String(failure)));
    region.hidden = false;
    region.focus();
  }
  else {
    region.hidden = true;
  }
}

/** Announces a success (screen readers too). */
export function notify(message) {
  const region = document.getElementById('notice');
  if (region) {
    region.textContent = message;
    region.hidden = !message;
  }
}

/**
 * Asks for confirmation in a modal dialog (keyboard: Tab stays inside, Escape cancels). content
 * is a node or list of nodes; onConfirm runs the change; its error is shown in the dialog, which
 * stays open. Resolves with onConfirm's result, or undefined when canceled.
 */
export function confirm({ title, content, confirmLabel, onConfirm, danger = false }) {
  return new Promise((resolve) => {
    const error = errorRegion();
    const confirmButton = h('button', { type: 'submit', class: danger ? 'danger' : 'primary' }, confirmLabel);
    const cancelButton = h('button', { type: 'button', class: 'secondary' }, 'Back');
    const titleId = `dialog-${randomUrlSafe(6)}`;
    const form = h('form', { method: 'dialog' },
      h('h2', { id: titleId }, title), content, error,
      h('div', { class: 'actions' }, cancelButton, confirmButton));
    const dialog = h('dialog', { 'aria-labelledby': titleId }, form);
    let result;
    cancelButton.addEventListener('click', () => dialog.close());
    form.addEventListener('submit', async (submitted) => {
      submitted.preventDefault();
      confirmButton.disabled = true;
      confirmButton.setAttribute('aria-busy', 'true');
      try {
        result = await onConfirm();
        dialog.close();
      }
      catch (failure) {
        showError(failure, error);
      }
      finally {
        confirmButton.disabled = false;
        confirmButton.removeAttribute('aria-busy');
      }
    });
    dialog.addEventListener('close', () => {
      dialog.remove();
      resolve(result);
    });
    document.body.append(dialog);
    dialog.showModal();
  });
}

/** A new idempotency key, kept for one attempt of a change (retries of the same attempt reuse it). */
export function idempotencyKey(prefix) {
  return `${prefix}-${crypto.randomUUID()}`;
}

/** The hub's sources by the names people use for them. */
const SOURCES = {
  erp: 'ERP', crm: 'CRM', warehouse: 'The warehouse', payment: 'The payment provider', commerce: 'The commerce platform',
  'process-api': 'The returns service', timeline: 'The timeline', carrier: 'The carrier',
};

/** When this browser first saw a source down (kept across reloads of the tab). */
function firstSeenDown(key, down) {
  const storageKey = `retailhub.down.${key}`;
  if (!down) {
    sessionStorage.removeItem(storageKey);
    return null;
  }
  const seen = sessionStorage.getItem(storageKey) ?? new Date().toISOString();
  sessionStorage.setItem(storageKey, seen);
  return seen;
}

/** A panel (OK, STALE or UNAVAILABLE) rendered by render(data), or what is known about it. */
export function panel(title, value, render, { id } = {}) {
  const headingId = `${id ?? title.toLowerCase().replace(/\W+/g, '-')}-heading`;
  const status = String(value?.status ?? 'UNAVAILABLE').toLowerCase();
  const section = h('section', { class: `panel ${status}`, 'aria-labelledby': headingId, id, dataset: { status } },
    h('h2', { id: headingId }, title));
  const source = value?.source ?? 'unknown';
  const name = SOURCES[source] ?? words(source);
  const dependsOn = value?.error?.code?.startsWith('DEPENDS_ON_') ? words(value.error.code.slice(11)).toLowerCase() : null;
  if (!value || value.status === 'UNAVAILABLE') {
    const since = firstSeenDown(dependsOn ? `${title}:${dependsOn}` : source, true);
    section.append(h('p', { class: 'degraded', role: 'status' },
      h('strong', {}, 'Not available right now. '),
      dependsOn ? `It needs the ${dependsOn} panel, which has no data` : `${name} is not answering (${describeError(value?.error)})`,
      '; unavailable since ', time(since), '. The rest of the page works.'));
    return section;
  }
  firstSeenDown(source, false);
  if (value.status === 'STALE') {
    section.append(h('p', { class: 'degraded', role: 'status' },
      h('strong', {}, 'Last known data. '),
      `${value.error?.detail ?? 'Its source is not answering.'} Shown as of `, time(value.asOf), '.'));
  }
  section.append(...[render(value.data)].flat(Infinity).filter(Boolean));
  return section;
}

function describeError(error) {
  switch (error?.code) {
    case 'TIMEOUT': return 'it did not answer in time';
    case 'BACKEND_UNAVAILABLE': return 'it is unavailable';
    case 'OVERLOADED': return 'the hub is busy';
    case 'REFUSED': return 'it refused the request';
    default: return 'no answer';
  }
}

/** The standard page frame: the signed-in person and sign out. */
export function header(tool, title) {
  const current = session(tool);
  const who = current?.kind === 'guest' ? `Guest, order ${current.orderId}` : current?.claims?.name;
  return h('div', { class: 'bar' },
    h('span', { class: 'brand' }, title),
    who ? h('span', { class: 'who' }, `Signed in: ${who}`) : null,
    current ? h('button', { type: 'button', class: 'secondary', onclick: () => signOut(tool) }, 'Sign out') : null);
}
