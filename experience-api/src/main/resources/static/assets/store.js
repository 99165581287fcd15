// The store tool: staff at a counter look up an online order (the customer verified by last name
// or e-mail), take a return of its items with their inspection, and hand over a printed receipt
// that follows the return to its refund. Calls /api/store/v1 only.
import {
  api, badge as statusBadge, confirm, errorRegion, h, header, idempotencyKey, money, notify, pageTitle, REASONS, session,
  share, show, showError, signIn, signOut, sum, time, words,
} from './hub.js';

const TOOL = 'store';
const API = '/api/store/v1';
const view = document.getElementById('view');

const CONDITIONS = ['NEW', 'OPENED', 'USED', 'DAMAGED', 'DEFECTIVE'];
const DISPOSITIONS = ['RESTOCK', 'DAMAGED', 'REFUSE'];

/** Statuses after which a return does not change any more: the receipt stops asking. */
const FINAL = ['CLOSED', 'DECLINED', 'EXPIRED', 'CANCELED'];
const POLL_MS = 2000;

const NOT_FOUND = 'No order with that number for that customer. Check the order number and the customer\'s name or e-mail.';

/**
 * The order being served, kept in memory only (never in the address: the customer's name or
 * e-mail stay off the browser history): {orderNumber, verifyBy: 'lastName'|'email', value, answer}.
 */
let current = null;

/** Stops the work of the page shown (the receipt's polling) when the route changes. */
let stopPage = () => {};

/** What was handed over, per return, for the receipt (the return as the API answers it names SKUs only). */
const RECEIPT_KEY = (id) => `retailhub.store.receipt.${id}`;

const TONES = {
  good: ['DELIVERED', 'CLOSED'],
  bad: ['DECLINED', 'CANCELED', 'EXPIRED', 'REQUIRES_ACTION', 'RETURNED_TO_SENDER', 'LOST'],
  warn: ['IN_TRANSIT', 'REFUNDING'],
};

function title(text) {
  return pageTitle(text, 'Store returns');
}

function badge(status) {
  return statusBadge(status, TONES);
}

function storeName() {
  const claims = session(TOOL)?.claims ?? {};
  return claims.name ? `${claims.name} (${claims.store_id})` : claims.store_id;
}

async function route() {
  stopPage();
  stopPage = () => {};
  showError(null);
  notify('');
  document.getElementById('top').replaceChildren(header(TOOL, 'Store returns'));
  const signedIn = session(TOOL);
  if (!signedIn) {
    landing();
    return;
  }
  if (!(signedIn.claims.roles ?? []).includes('store') || !signedIn.claims.store_id) {
    notStaff(signedIn);
    return;
  }
  const path = location.hash.replace(/^#/, '') || '/';
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  try {
    if (parts[0] === 'returns' && parts[1]) {
      await receipt(parts[1]);
    }
    else if (parts[0] === 'orders' && parts[1]) {
      await orderPage(parts[1]);
    }
    else {
      lookUpForm();
    }
  }
  catch (failure) {
    if (failure.status === 401) {
      landing();
      showError(failure);
    }
    else if (parts[0] === 'returns' && (failure.status === 404 || failure.status === 400)) {
      show(view,
        title('Return not found'),
        h('p', { id: 'no-return' }, 'There is no return with that number at this store. A return taken at another store is shown only there.'),
        h('p', {}, h('a', { href: '#/' }, 'New return')));
    }
    else {
      show(view,
        title('This page could not be loaded'),
        h('p', {}, 'Try again in a moment, or ', h('a', { href: '#/' }, 'look up an order'), '.'));
      showError(failure);
    }
  }
}

function landing() {
  current = null;
  show(view,
    title('Store returns'),
    h('section', { class: 'card', 'aria-labelledby': 'sign-in-heading' },
      h('h2', { id: 'sign-in-heading' }, 'Take back items of online orders'),
      h('p', {}, 'Sign in with your store account to look up an order and take a return at the counter.'),
      h('button', { type: 'button', class: 'primary', onclick: () => signIn(TOOL, '/store/#/') }, 'Sign in')));
}

function notStaff(signedIn) {
  current = null;
  const who = signedIn.claims.name ?? signedIn.claims.sub;
  const reason = (signedIn.claims.roles ?? []).includes('store')
    ? 'is not linked to a store'
    : 'is not a store staff account';
  show(view,
    title('Store returns'),
    h('section', { class: 'card', 'aria-labelledby': 'no-access-heading' },
      h('h2', { id: 'no-access-heading' }, 'This account cannot take returns'),
      h('p', { id: 'no-access' }, `You are signed in as ${who}, which ${reason}. Sign out, then sign in with your store account.`),
      h('button', { type: 'button', class: 'primary', onclick: () => signOut(TOOL) }, 'Sign out')));
}

function lookUpForm(prefill = {}) {
  current = null;
  const error = errorRegion('lookup-error');
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Find order');
  const valueLabel = h('label', { for: 'verify-value' });
  const valueInput = h('input', { id: 'verify-value', name: 'verifyValue', required: true, autocomplete: 'off', spellcheck: 'false' });
  const setVerifyBy = (by) => {
    valueLabel.textContent = by === 'email' ? 'Customer\'s e-mail address' : 'Customer\'s last name';
    valueInput.type = by === 'email' ? 'email' : 'text';
  };
  const verifyBy = h('select', { id: 'verify-by', name: 'verifyBy', onchange: () => setVerifyBy(verifyBy.value) },
    h('option', { value: 'lastName', selected: prefill.verifyBy !== 'email' }, 'Last name'),
    h('option', { value: 'email', selected: prefill.verifyBy === 'email' }, 'E-mail address'));
  setVerifyBy(prefill.verifyBy ?? 'lastName');
  const form = h('form', { novalidate: true, class: 'card', 'aria-labelledby': 'lookup-heading', id: 'lookup' },
    h('h2', { id: 'lookup-heading' }, 'Online order'),
    h('div', { class: 'field' },
      h('label', { for: 'order-number' }, 'Order number'),
      h('input', { id: 'order-number', name: 'orderNumber', required: true, autocomplete: 'off', spellcheck: 'false', placeholder: 'WEB-100001', 'aria-describedby': 'order-number-hint', value: prefill.orderNumber }),
      h('span', { id: 'order-number-hint', class: 'muted' }, 'On the customer\'s order confirmation or in their account.')),
    h('div', { class: 'field' },
      h('label', { for: 'verify-by' }, 'Verify by'),
      verifyBy),
    h('div', { class: 'field' }, valueLabel, valueInput),
    error,
    h('div', { class: 'actions' }, submit));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    showError(null, error);
    const orderNumber = form.orderNumber.value.trim().toUpperCase();
    const by = verifyBy.value;
    const value = valueInput.value.trim();
    if (!orderNumber) {
      showError(new Error('Enter the order number.'), error);
      form.orderNumber.focus();
      return;
    }
    if (!/^[A-Z0-9][A-Z0-9-]{0,63}$/.test(orderNumber)) {
      showError(new Error('An order number has letters, digits and dashes only, such as WEB-100001.'), error);
      form.orderNumber.focus();
      return;
    }
    if (!value) {
      showError(new Error(by === 'email' ? 'Enter the customer\'s e-mail address.' : 'Enter the customer\'s last name.'), error);
      valueInput.focus();
      return;
    }
    if (by === 'email' && !/^[^\s@]+@[^\s@]+$/.test(value)) {
      showError(new Error('Enter the whole e-mail address, such as name@example.com.'), error);
      valueInput.focus();
      return;
    }
    submit.disabled = true;
    submit.setAttribute('aria-busy', 'true');
    try {
      const answer = await lookUp(orderNumber, by, value);
      current = { orderNumber, verifyBy: by, value, answer };
      const target = `#/orders/${encodeURIComponent(orderNumber)}`;
      if (location.hash === target) {
        await route();
      }
      else {
        location.hash = target;
      }
    }
    catch (failure) {
      if (failure.status === 401) {
        landing();
        showError(failure);
        return;
      }
      showError(failure.status === 404 ? new Error(NOT_FOUND) : failure, error);
    }
    finally {
      submit.disabled = false;
      submit.removeAttribute('aria-busy');
    }
  });
  show(view,
    title('Look up an online order'),
    h('p', {}, `Returns are taken at ${storeName()}. Ask the customer for the order number and their last name or e-mail address.`),
    form);
  if (prefill.orderNumber) {
    valueInput.focus();
  }
}

function lookUp(orderNumber, verifyBy, value) {
  const query = new URLSearchParams({ [verifyBy]: value });
  return api(TOOL, `${API}/orders/${encodeURIComponent(orderNumber)}?${query}`);
}

async function orderPage(orderNumber) {
  if (!current || current.orderNumber !== orderNumber) {
    // reloaded or opened from the history: the verification is not kept, so ask again
    lookUpForm({ orderNumber });
    return;
  }
  if (!current.answer) {
    try {
      current.answer = await lookUp(current.orderNumber, current.verifyBy, current.value);
    }
    catch (failure) {
      if (failure.status === 404) {
        const { verifyBy } = current;
        lookUpForm({ orderNumber, verifyBy });
        showError(new Error(NOT_FOUND), document.getElementById('lookup-error'));
        return;
      }
      throw failure;
    }
  }
  const { answer } = current;
  // shown once; coming back to the order (from a receipt) asks again, so the quantities are current
  current.answer = null;
  const order = answer.order ?? {};
  const lines = answer.returnableLines ?? [];
  show(view,
    title(`Order ${order.id ?? orderNumber}`),
    h('p', { class: 'no-print' }, h('a', { href: '#/' }, '← Look up another order')),
    h('section', { class: 'card', 'aria-labelledby': 'customer-heading' },
      h('h2', { id: 'customer-heading' }, 'Customer and order'),
      h('dl', { class: 'facts', id: 'order-facts' },
        h('dt', {}, 'Customer'), h('dd', { id: 'customer-name' }, answer.customerName),
        h('dt', {}, 'Order number'), h('dd', { id: 'order-number-value' }, order.id),
        h('dt', {}, 'Placed'), h('dd', {}, time(order.placedAt, { dateOnly: true })),
        order.total ? [h('dt', {}, 'Total'), h('dd', {}, money(order.total))] : null,
        h('dt', {}, 'Verified by'), h('dd', {}, current.verifyBy === 'email' ? 'E-mail address' : 'Last name'))),
    h('section', { class: 'card', 'aria-labelledby': 'shipments-heading' },
      h('h2', { id: 'shipments-heading' }, 'Shipments'),
      shipmentTable(order.shipments ?? [])),
    returnForm(order, lines));
}

function shipmentTable(shipments) {
  if (!shipments.length) {
    return h('p', {}, 'Nothing has shipped yet.');
  }
  return h('div', { class: 'table-wrap' }, h('table', { class: 'stack', id: 'shipments' },
    h('thead', {}, h('tr', {}, h('th', {}, 'Carrier'), h('th', {}, 'Tracking number'), h('th', {}, 'Status'), h('th', {}, 'Shipped'), h('th', {}, 'Delivered'))),
    h('tbody', {}, shipments.map((shipment) => h('tr', {},
      h('td', { 'data-label': 'Carrier' }, shipment.carrier),
      h('td', { 'data-label': 'Tracking number' }, shipment.trackingNumber),
      h('td', { 'data-label': 'Status' }, badge(shipment.status)),
      h('td', { 'data-label': 'Shipped' }, shipment.shippedAt ? time(shipment.shippedAt) : '–'),
      h('td', { 'data-label': 'Delivered' }, shipment.deliveredAt ? time(shipment.deliveredAt) : '–'))))));
}

function choiceSelect(id, label, codes, placeholder, describedBy) {
  return h('div', { class: 'field' },
    h('label', { for: id }, label),
    h('select', { id, name: id, 'aria-describedby': describedBy },
      h('option', { value: '' }, placeholder),
      codes.map((code) => h('option', { value: code }, words(code)))));
}

function returnForm(order, lines) {
  const eligible = lines.filter((line) => line.eligible && line.returnable > 0);
  const blocked = lines.filter((line) => !line.eligible || line.returnable <= 0);
  const section = h('section', { class: 'card', 'aria-labelledby': 'return-heading' },
    h('h2', { id: 'return-heading' }, 'Take a return'));
  if (!eligible.length) {
    section.append(h('p', { id: 'nothing-returnable' }, 'Nothing in this order can be returned now.'));
  }
  else {
    section.append(linesForm(order, eligible));
  }
  if (blocked.length) {
    section.append(
      h('h3', { id: 'blocked-heading' }, 'Cannot be returned'),
      h('ul', { class: 'plain', id: 'blocked', 'aria-labelledby': 'blocked-heading' }, blocked.map((line) => h('li', {},
        h('strong', {}, line.description ?? line.sku), ` (${line.sku}): `,
        line.message ?? (line.reason ? words(line.reason) : 'All units are already in open returns.')))));
  }
  return section;
}

function linesForm(order, eligible) {
  const estimate = h('p', { class: 'estimate', 'aria-live': 'polite', id: 'estimate' });
  const error = errorRegion('return-error');
  const form = h('form', { novalidate: true, id: 'return-form' });
  const field = (kind, line) => form.elements[`${kind}-${line.lineNumber}`];
  const chosen = () => eligible.map((line) => ({
    line,
    quantity: Number(field('quantity', line).value),
    reason: field('reason', line).value,
    condition: field('condition', line).value,
    disposition: field('disposition', line).value,
  })).filter((choice) => choice.quantity > 0);
  const refundOf = (choice) => (choice.disposition === 'REFUSE'
    ? null
    : share(choice.line.refundEstimate, choice.quantity, choice.line.returnable));
  const totalOf = (picked) => sum(picked.map(refundOf), picked.find((c) => c.line.refundEstimate)?.line.refundEstimate.currency);
  const refresh = () => {
    const picked = chosen();
    const units = picked.reduce((n, choice) => n + choice.quantity, 0);
    const total = totalOf(picked);
    estimate.replaceChildren(...(picked.length
      ? ['Estimated refund: ', h('strong', { id: 'estimate-total' }, total ? money(total) : 'nothing'),
        ` for ${units} ${units === 1 ? 'item' : 'items'}`,
        picked.some((choice) => choice.disposition === 'REFUSE') ? ' (refused items are not refunded)' : '', '.']
      : ['Choose how many of an item the customer returns.']));
  };
  form.append(h('p', { class: 'muted', id: 'disposition-hint' },
    'Disposition: Restock puts the item back into sellable stock; Damaged takes it out of stock (refunded by policy); Refuse does not accept it and nothing is refunded for it.'));
  eligible.forEach((line) => {
    const n = line.lineNumber;
    form.append(h('fieldset', { class: 'line', id: `line-${n}` },
      h('legend', {}, line.description ?? line.sku),
      h('p', { class: 'muted' }, `${line.sku} · ${line.returnable} of ${line.ordered} can be returned`,
        line.windowEndsAt ? [' until ', time(line.windowEndsAt, { dateOnly: true })] : null,
        line.refundEstimate ? ['; refund up to ', money(line.refundEstimate)] : null,
        line.inOpenReturns ? `; ${line.inOpenReturns} already in open returns` : null, '.'),
      h('div', { class: 'choices' },
        h('div', { class: 'field' },
          h('label', { for: `quantity-${n}` }, 'Quantity'),
          h('select', { id: `quantity-${n}`, name: `quantity-${n}`, onchange: refresh },
            Array.from({ length: line.returnable + 1 }, (_, k) => h('option', { value: k }, k)))),
        choiceSelect(`reason-${n}`, 'Reason', REASONS, 'Choose a reason'),
        choiceSelect(`condition-${n}`, 'Condition', CONDITIONS, 'Choose the condition'),
        choiceSelect(`disposition-${n}`, 'Disposition', DISPOSITIONS, 'Choose what happens to it', 'disposition-hint'))));
    field('disposition', line).addEventListener('change', refresh);
  });
  const review = h('button', { type: 'submit', class: 'primary' }, 'Review return');
  form.append(estimate, error, h('div', { class: 'actions' }, review));
  // one key per form: a retried or repeated confirmation answers the same return, never a second one
  const key = idempotencyKey(TOOL);
  const verification = { [current.verifyBy]: current.value };
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    showError(null, error);
    const picked = chosen();
    if (!picked.length) {
      showError(new Error('Choose the quantity of at least one item to return.'), error);
      field('quantity', eligible[0]).focus();
      return;
    }
    for (const choice of picked) {
      const missing = ['reason', 'condition', 'disposition'].find((kind) => !choice[kind]);
      if (missing) {
        showError(new Error(`Choose the ${missing} for ${choice.line.description ?? choice.line.sku}.`), error);
        field(missing, choice.line).focus();
        return;
      }
    }
    const total = totalOf(picked);
    review.disabled = true;
    try {
      const created = await confirm({
        title: 'Take this return?',
        content: [
          h('p', {}, `Order ${order.id}, taken at ${storeName()}:`),
          h('ul', { id: 'confirm-lines' }, picked.map((choice) => h('li', {},
            `${choice.quantity} × ${choice.line.description ?? choice.line.sku}: ${words(choice.reason)}; condition ${words(choice.condition).toLowerCase()}; ${words(choice.disposition).toLowerCase()}`))),
          h('p', {}, 'Estimated refund: ', h('strong', {}, total ? money(total) : 'nothing'),
            ', to the original payment method. The items stay at the store.'),
        ],
        confirmLabel: 'Take return',
        onConfirm: () => api(TOOL, `${API}/returns`, {
          method: 'POST',
          idempotencyKey: key,
          body: {
            orderId: order.id,
            ...verification,
            lines: picked.map((choice) => ({
              lineNumber: choice.line.lineNumber,
              quantity: choice.quantity,
              reason: choice.reason,
              condition: choice.condition,
              disposition: choice.disposition,
            })),
          },
        }),
      });
      if (created?.id) {
        remember(created.id, order.id, picked, total);
        location.hash = `#/returns/${encodeURIComponent(created.id)}`;
      }
    }
    finally {
      review.disabled = false;
    }
  });
  refresh();
  return form;
}

/** Keeps, for this browser tab, what the receipt shows that the return itself does not carry. */
function remember(returnId, orderId, picked, estimate) {
  try {
    sessionStorage.setItem(RECEIPT_KEY(returnId), JSON.stringify({
      orderId,
      estimate,
      lines: Object.fromEntries(picked.map((choice) => [choice.line.lineNumber,
        { description: choice.line.description }])),
    }));
  }
  catch (ignored) {
    // storage full or off: the receipt shows SKUs instead
  }
}

function remembered(returnId) {
  try {
    return JSON.parse(sessionStorage.getItem(RECEIPT_KEY(returnId)) ?? 'null') ?? { lines: {} };
  }
  catch (ignored) {
    return { lines: {} };
  }
}

function refundState(found, known) {
  const amount = found.refundAmount;
  const estimate = found.estimatedRefund ?? known.estimate;
  if (found.status === 'CLOSED' && amount && Number(amount.amount) > 0) {
    return [
      h('p', { id: 'refund', class: 'notice' }, `Refunded ${money(amount)} to the original payment method.`),
      found.closedAt ? h('p', { class: 'muted', id: 'refund-date' }, 'Refund issued ', time(found.closedAt), '.') : null,
    ];
  }
  if (found.status === 'CLOSED') {
    return h('p', { id: 'refund-none' }, 'Nothing was refunded for this return.');
  }
  if (['DECLINED', 'CANCELED', 'EXPIRED'].includes(found.status)) {
    return h('p', { id: 'refund-none' }, `No refund: this return was ${found.status.toLowerCase()}.`);
  }
  if (found.status === 'REQUIRES_ACTION') {
    return h('p', { id: 'refund-pending' }, 'Refund on hold: customer service is looking into this return.',
      estimate ? [' Estimated refund ', h('strong', {}, money(estimate)), '.'] : null);
  }
  return h('p', { id: 'refund-pending' }, h('strong', {}, 'Refund being processed'),
    estimate ? ['. Estimated refund ', h('strong', {}, money(estimate)), ' to the original payment method.'] : '.');
}

function receiptLines(found, known) {
  return h('div', { class: 'table-wrap' }, h('table', { class: 'stack', id: 'receipt-lines' },
    h('thead', {}, h('tr', {},
      h('th', {}, 'Item'), h('th', {}, 'Quantity'), h('th', {}, 'Reason'), h('th', {}, 'Condition'),
      h('th', {}, 'Disposition'), h('th', { class: 'amount' }, 'Refund'))),
    h('tbody', {}, (found.lines ?? []).map((line) => {
      const kept = known.lines?.[line.lineNumber] ?? {};
      const { condition } = line;
      const disposition = line.recordedDisposition ?? line.disposition;
      const amount = line.refundAmount ?? line.refundableAmount;
      return h('tr', {},
        h('td', { 'data-label': 'Item' }, kept.description ? [kept.description, h('br'), h('span', { class: 'muted' }, line.sku)] : line.sku),
        h('td', { 'data-label': 'Quantity' }, line.quantity),
        h('td', { 'data-label': 'Reason' }, words(line.reason)),
        h('td', { 'data-label': 'Condition' }, condition ? words(condition) : '–'),
        h('td', { 'data-label': 'Disposition' }, disposition ? words(disposition) : '–'),
        h('td', { class: 'amount', 'data-label': 'Refund' }, amount ? money(amount) : '–'));
    }))));
}

async function receipt(returnId) {
  const known = remembered(returnId);
  const found = await api(TOOL, `${API}/returns/${encodeURIComponent(returnId)}`);
  const status = h('strong', { id: 'receipt-status' });
  const refund = h('div', { id: 'refund-state' });
  const facts = h('dl', { class: 'facts', id: 'receipt-facts' });
  const lines = h('div', {});
  const polling = h('p', { class: 'muted live no-print', id: 'polling' });
  let shown = '';
  const render = (value) => {
    const signature = JSON.stringify([value.status, value.updatedAt, value.refundAmount, value.estimatedRefund, value.lines]);
    if (signature === shown) {
      return;
    }
    shown = signature;
    status.textContent = words(value.status);
    refund.replaceChildren(...[refundState(value, known)].flat().filter(Boolean));
    facts.replaceChildren(
      h('dt', {}, 'Store'), h('dd', { id: 'receipt-store' }, value.storeId === session(TOOL)?.claims.store_id ? storeName() : value.storeId),
      h('dt', {}, 'Return number'), h('dd', { id: 'receipt-return-number' }, value.returnNumber),
      h('dt', {}, 'Order number'), h('dd', { id: 'receipt-order-number' }, value.orderId),
      h('dt', {}, 'Date'), h('dd', { id: 'receipt-date' }, time(value.requestedAt)));
    lines.replaceChildren(receiptLines(value, known));
  };
  render(found);
  show(view,
    title('Return receipt'),
    h('section', { class: 'card', 'aria-labelledby': 'receipt-heading', id: 'receipt' },
      h('h2', { id: 'receipt-heading' }, 'Items taken back'),
      facts,
      lines,
      h('div', { role: 'status', 'aria-live': 'polite', id: 'receipt-state' },
        h('p', {}, 'Status: ', status),
        refund)),
    h('div', { class: 'actions no-print' },
      h('button', { type: 'button', class: 'primary', onclick: () => window.print() }, 'Print receipt'),
      h('a', { class: 'button-link', href: '#/' }, 'New return')),
    polling);
  if (FINAL.includes(found.status)) {
    return;
  }
  // the store API has no live stream: ask again every 2 s until the return ends or the page changes
  let stopped = false;
  let timer;
  let failures = 0;
  polling.textContent = 'This receipt updates by itself until the refund is issued.';
  const poll = async () => {
    if (stopped) {
      return;
    }
    try {
      const latest = await api(TOOL, `${API}/returns/${encodeURIComponent(returnId)}`);
      if (stopped) {
        return;
      }
      failures = 0;
      render(latest);
      if (FINAL.includes(latest.status)) {
        polling.textContent = '';
        return;
      }
      polling.textContent = 'This receipt updates by itself until the refund is issued.';
    }
    catch (failure) {
      if (stopped) {
        return;
      }
      if (failure.status === 401) {
        await route();
        showError(failure);
        return;
      }
      if (failure.status === 403 || failure.status === 404) {
        polling.textContent = '';
        showError(failure);
        return;
      }
      failures += 1;
      polling.textContent = `Could not refresh the receipt (${failure.message}) Trying again.`;
    }
    timer = setTimeout(poll, Math.min(POLL_MS * 2 ** failures, 30_000));
  };
  timer = setTimeout(poll, POLL_MS);
  stopPage = () => {
    stopped = true;
    clearTimeout(timer);
  };
}

window.addEventListener('hashchange', route);
route();
