// The agent desktop: search a customer, see customer 360 and order 360 on one screen with the
// order's cross-system timeline updating live, and act (start, cancel or resume a return, comment
// on a case) with confirmation. Calls /api/agent/v1 only.
import {
  api, badge as statusBadge, confirm, follow, h, header, idempotencyKey, money, notify, panel, REASONS, session, share, showError,
  signIn, signOut, sum, time, words,
} from './hub.js';

const TOOL = 'agent';
const API = '/api/agent/v1';
const view = document.getElementById('view');
let stopFollowing = () => {};

const SEARCH_BY = [
  ['email', 'E-mail'],
  ['phone', 'Phone'],
  ['name', 'Name'],
  ['orderNumber', 'Order number'],
];

function enc(value) {
  return encodeURIComponent(value);
}

const TONES = {
  good: ['CLOSED', 'DELIVERED', 'CAPTURED', 'SUCCEEDED', 'REFUNDED', 'RESOLVED'],
  bad: ['DECLINED', 'CANCELED', 'EXPIRED', 'FAILED', 'REQUIRES_ACTION', 'MANUAL_REFUND_REQUIRED'],
  warn: ['REFUND_QUEUED', 'PENDING', 'NEW', 'ESCALATED'],
};

function badge(status) {
  return statusBadge(status, TONES);
}

function person(customer) {
  return `${customer.firstName} ${customer.lastName}`;
}

async function route() {
  stopFollowing();
  stopFollowing = () => {};
  refreshCustomer = async () => {};
  showError(null);
  document.getElementById('top').replaceChildren(header(TOOL, 'Agent desktop'));
  const current = session(TOOL);
  if (!current) {
    view.replaceChildren(h('h1', { tabindex: '-1' }, 'Agent desktop'),
      h('p', {}, 'Sign in with your agent account to look up customers, orders, returns and refunds.'),
      h('button', { type: 'button', class: 'primary', onclick: () => signIn(TOOL, '/agent/') }, 'Sign in'));
    return;
  }
  const roles = current.claims.roles ?? [];
  if (!roles.includes('agent') && !roles.includes('supervisor')) {
    view.replaceChildren(h('h1', { tabindex: '-1' }, 'Agent desktop'),
      h('p', { class: 'alert' }, `${current.claims.name ?? current.claims.sub} is signed in without the agent role, so the agent desktop is not available.`),
      h('button', { type: 'button', class: 'secondary', onclick: () => signOut(TOOL) }, 'Sign out'));
    return;
  }
  const parts = location.hash.replace(/^#/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const search = searchForm(parts[0] === 'search' ? parts[1] : null, parts[0] === 'search' ? parts[2] : null);
  const results = h('div', { id: 'results' });
  const customer = h('div', { id: 'customer' });
  const order = h('div', { id: 'order' });
  view.replaceChildren(h('h1', { class: 'visually-hidden', tabindex: '-1' }, 'Agent desktop'), search, results,
    h('div', { class: 'desk' }, customer, order));
  try {
    if (parts[0] === 'search' && parts[1] && parts[2]) {
      await runSearch(parts[1], parts[2], results);
    }
    else if (parts[0] === 'customers' && parts[1]) {
      // both at once: the customer's panels and the order's do not wait for each other
      const orderId = parts[2] === 'orders' ? parts[3] : null;
      const loads = [customer360(parts[1], customer, orderId)];
      if (orderId) {
        loads.push(order360(orderId, order));
      }
      const failed = (await Promise.allSettled(loads)).find((load) => load.status === 'rejected');
      if (failed) {
        throw failed.reason;
      }
    }
    else if (parts[0] === 'orders' && parts[1]) {
      await order360(parts[1], order, customer);
    }
    else {
      search.querySelector('input').focus();
    }
  }
  catch (failure) {
    showError(failure);
  }
}

function searchForm(by, term) {
  const form = h('form', { role: 'search', class: 'card search', novalidate: true, 'aria-label': 'Find a customer' },
    h('div', { class: 'search-row' },
      h('div', { class: 'field' },
        h('label', { for: 'search-by' }, 'Search by'),
        h('select', { id: 'search-by', name: 'by' }, SEARCH_BY.map(([value, label]) => h('option', { value, selected: value === by }, label)))),
      h('div', { class: 'field grow' },
        h('label', { for: 'search-term' }, 'Search for'),
        h('input', { id: 'search-term', name: 'term', value: term ?? '', autocomplete: 'off', required: true })),
      h('button', { type: 'submit', class: 'primary' }, 'Search')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const value = form.term.value.trim();
    if (!value) {
      showError(new Error('Type what to search for.'));
      form.term.focus();
      return;
    }
    notify('');
    location.hash = `#/search/${form.by.value}/${enc(value)}`;
  });
  return form;
}

async function runSearch(by, term, results) {
  let found;
  try {
    found = await api(TOOL, `${API}/customers?${new URLSearchParams({ [by]: term })}`);
  }
  catch (failure) {
    if (by === 'orderNumber' && failure.status === 503) {
      // ERP cannot say whose order it is: order 360 still shows what the other systems know
      notify(`${failure.message} Showing what the other systems know about order ${term.trim().toUpperCase()}.`);
      location.replace(`#/orders/${enc(term.trim().toUpperCase())}`);
      return;
    }
    throw failure;
  }
  if (by === 'orderNumber' && found.length === 1) {
    location.replace(`#/customers/${enc(found[0].id)}/orders/${enc(term.trim().toUpperCase())}`);
    return;
  }
  if (found.length === 1) {
    location.replace(`#/customers/${enc(found[0].id)}`);
    return;
  }
  results.replaceChildren(h('section', { class: 'card', 'aria-labelledby': 'results-heading' },
    h('h2', { id: 'results-heading', tabindex: '-1' }, found.length ? `${found.length} customers found` : 'No customer found'),
    found.length ? h('ul', { class: 'plain' }, found.map((customer) => h('li', {},
      h('a', { href: `#/customers/${enc(customer.id)}` }, person(customer)), ` · ${customer.email ?? ''} · ${customer.phone ?? ''}`)))
      : h('p', {}, 'Check the spelling, or search by another field.')));
  results.querySelector('h2').focus();
}

function profile(customer) {
  const address = customer.address;
  return h('dl', { class: 'facts' },
    h('dt', {}, 'Name'), h('dd', { id: 'customer-name' }, person(customer)),
    h('dt', {}, 'Customer'), h('dd', {}, customer.id),
    h('dt', {}, 'E-mail'), h('dd', {}, customer.email ?? ''),
    h('dt', {}, 'Phone'), h('dd', {}, customer.phone ?? ''),
    address ? [h('dt', {}, 'Address'), h('dd', {}, [address.line1, address.line2, `${address.postalCode ?? ''} ${address.city ?? ''}`, address.region, address.country].filter(Boolean).join(', '))] : null);
}

function returnSummary(found, actions, refresh) {
  const cancel = actions.find((action) => action.name === 'CANCEL_RETURN' && action.target === found.id);
  const resume = actions.find((action) => action.name === 'RESUME_RETURN' && action.target === found.id);
  return h('li', { dataset: { returnId: found.id } },
    h('p', {}, h('strong', {}, found.returnNumber ?? 'Return'), ' ', badge(found.status),
      ` · ${words(found.channel)} · requested `, time(found.requestedAt), found.requestedBy ? ` by ${found.requestedBy}` : ''),
    h('p', { class: 'muted' },
      found.rmaNumber ? `RMA ${found.rmaNumber} · ` : '',
      (found.lines ?? []).map((line) => `${line.quantity} × ${line.sku} (${words(line.reason)})`).join(', '),
      found.refundAmount ? [' · refunded ', h('strong', {}, money(found.refundAmount))]
        : found.estimatedRefund ? [' · estimated refund ', money(found.estimatedRefund)] : null,
      found.actionReason ? ` · needs a person: ${found.actionReason}` : ''),
    cancel || resume ? h('div', { class: 'actions' },
      cancel ? h('button', { type: 'button', class: 'secondary', onclick: () => cancelReturn(found, cancel, refresh) }, `Cancel return ${found.returnNumber ?? ''}`.trim()) : null,
      resume ? h('button', { type: 'button', class: 'secondary', onclick: () => resumeReturn(found, resume, refresh) }, `Resume return ${found.returnNumber ?? ''}`.trim()) : null) : null);
}

function caseSummary(serviceCase, actions, refresh) {
  const comment = actions?.find((action) => action.name === 'ADD_CASE_COMMENT' && action.target === serviceCase.id);
  const comments = serviceCase.comments ?? [];
  return h('li', {},
    h('p', {}, h('strong', {}, `Case ${serviceCase.caseNumber}`), ' ', badge(serviceCase.status), ` · ${serviceCase.subject ?? ''}`),
    comments.length ? h('details', {}, h('summary', {}, `${comments.length} comment(s)`),
      h('ul', {}, comments.map((c) => h('li', {}, time(c.createdAt), c.published ? ' (visible to the customer) ' : ' (internal) ', c.body)))) : null,
    comment ? h('button', { type: 'button', class: 'secondary', onclick: () => addComment(serviceCase, comment, refresh) }, `Add a comment to case ${serviceCase.caseNumber}`) : null);
}

let refreshCustomer = async () => {};

async function customer360(customerId, into, openOrderId) {
  const answer = await api(TOOL, `${API}/customers/${enc(customerId)}`);
  const refresh = () => customer360(customerId, into, openOrderId);
  refreshCustomer = refresh;
  into.replaceChildren(
    h('h2', { class: 'area' }, 'Customer'),
    panel('Profile', answer.panels.profile, profile, { id: 'profile' }),
    panel('Orders', answer.panels.orders, (orders) => (orders.length ? h('ul', { class: 'plain' }, orders.map((order) => h('li', { class: order.id === openOrderId ? 'open' : '' },
      h('a', { href: `#/customers/${enc(customerId)}/orders/${enc(order.id)}`, 'aria-current': order.id === openOrderId ? 'true' : null }, order.id),
      ' · ', time(order.placedAt, { dateOnly: true }), ' · ', money(order.total), ' · ', badge(order.status))))
      : h('p', {}, 'No orders.')), { id: 'customer-orders' }),
    panel('Returns', answer.panels.returns, (returns) => (returns.length
      ? h('ul', { class: 'plain' }, returns.map((found) => returnSummary(found, answer.actions ?? [], refresh)))
      : h('p', {}, 'No returns.')), { id: 'customer-returns' }),
    panel('Cases', answer.panels.cases, (cases) => (cases.length
      ? h('ul', { class: 'plain' }, cases.map((serviceCase) => caseSummary(serviceCase, answer.actions, refresh)))
      : h('p', {}, 'No cases.')), { id: 'customer-cases' }));
}

async function order360(orderId, into, customerArea) {
  const answer = await api(TOOL, `${API}/orders/${enc(orderId)}`);
  if (customerArea && answer.customerId) {
    location.replace(`#/customers/${enc(answer.customerId)}/orders/${enc(answer.orderId)}`);
    return;
  }
  const panels = h('div', { id: 'order-panels' });
  const timeline = h('section', { class: 'panel ok', 'aria-labelledby': 'timeline-heading', id: 'timeline' },
    h('h2', { id: 'timeline-heading' }, 'Timeline'),
    h('p', { class: 'muted live', id: 'live-state', role: 'status' }, 'Connecting to live updates…'),
    h('ul', { class: 'timeline', id: 'timeline-entries', 'aria-live': 'polite', 'aria-relevant': 'additions' }));
  into.replaceChildren(h('h2', { class: 'area', id: 'order-heading', tabindex: '-1' }, `Order ${answer.orderId}`), panels, timeline);
  // an action or a new timeline entry changes the order, and with it the customer's returns and cases
  const refresh = async () => {
    const [again] = await Promise.all([api(TOOL, `${API}/orders/${enc(orderId)}`), refreshCustomer()]);
    renderOrder(again, panels, refresh);
  };
  renderOrder(answer, panels, refresh);
  into.querySelector('#order-heading').focus();
  await followTimeline(orderId, timeline, refresh);
}

function renderOrder(answer, into, refresh) {
  const { panels } = answer;
  const actions = answer.actions ?? [];
  const start = actions.find((action) => action.name === 'START_RETURN');
  into.replaceChildren(
    panel('Order', panels.order, (order) => [
      h('p', {}, badge(order.status), ` · ${words(order.channel)} · placed `, time(order.placedAt), ' · total ', h('strong', {}, money(order.total))),
      h('div', { class: 'table-wrap' }, h('table', {},
        h('thead', {}, h('tr', {}, h('th', {}, 'Line'), h('th', {}, 'Item'), h('th', {}, 'Qty'), h('th', { class: 'amount' }, 'Unit price'), h('th', { class: 'amount' }, 'Paid'))),
        h('tbody', {}, order.lines.map((line) => h('tr', {},
          h('td', {}, line.lineNumber), h('td', {}, `${line.description ?? ''} (${line.sku})`), h('td', {}, line.quantity),
          h('td', { class: 'amount' }, money(line.unitPrice)), h('td', { class: 'amount' }, money(line.netAmount))))))),
    ], { id: 'order-panel' }),
    h('div', { class: 'grid' },
      panel('Shipments', panels.shipments, (shipments) => (shipments.length ? h('ul', { class: 'plain' }, shipments.map((shipment) => h('li', {},
        badge(shipment.status), ` ${shipment.carrier} `, h('strong', {}, shipment.trackingNumber),
        shipment.shippedAt ? [' · shipped ', time(shipment.shippedAt)] : null,
        shipment.deliveredAt ? [' · delivered ', time(shipment.deliveredAt)] : null)))
        : h('p', {}, 'Nothing shipped yet.')), { id: 'shipments-panel' }),
      panel('Payment', panels.payment, (payment) => [
        h('p', {}, badge(payment.payment.status), ` ${payment.payment.reference} · captured `, money(payment.payment.captured), ' · refunded ', money(payment.payment.refunded)),
        payment.refunds.length ? h('ul', { class: 'plain' }, payment.refunds.map((refund) => h('li', {},
          'Refund ', h('strong', {}, money(refund.amount)), ' ', badge(refund.status), ' · ', time(refund.createdAt),
          refund.failureReason ? ` · ${refund.failureReason}` : ''))) : h('p', { class: 'muted' }, 'No refunds.'),
      ], { id: 'payment-panel' })),
    panel('Returns and refunds', panels.returns, (returns) => (returns.length
      ? h('ul', { class: 'plain' }, returns.map((found) => returnSummary(found, actions, refresh)))
      : h('p', {}, 'No returns for this order.')), { id: 'returns-panel' }),
    panel('Return eligibility', panels.eligibility, (lines) => [
      h('ul', { class: 'plain' }, lines.map((line) => h('li', {},
        `Line ${line.lineNumber} ${line.description ?? line.sku}: `,
        line.eligible ? [h('span', { class: 'badge good' }, `${line.returnable} returnable`), ' until ', time(line.windowEndsAt, { dateOnly: true }), ', up to ', money(line.refundEstimate)]
          : [h('span', { class: 'badge bad' }, words(line.reason)), ` ${line.message ?? ''}`]))),
      start ? h('button', { type: 'button', class: 'primary', onclick: () => startReturn(answer.orderId, lines, start, refresh) }, 'Start a return') : null,
    ], { id: 'eligibility-panel' }),
    panel('Cases', panels.cases, (cases) => (cases.length
      ? h('ul', { class: 'plain' }, cases.map((serviceCase) => caseSummary(serviceCase, actions, refresh)))
      : h('p', {}, 'No cases for this order.')), { id: 'cases-panel' }));
}

async function followTimeline(orderId, section, refresh) {
  const list = section.querySelector('#timeline-entries');
  const state = section.querySelector('#live-state');
  const entry = (item, fresh) => h('li', { class: fresh ? 'new' : '', dataset: { kind: item.kind, entryId: item.id, occurredAt: item.occurredAt } },
    h('p', {}, h('strong', {}, item.title)),
    h('p', { class: 'muted' }, time(item.occurredAt), item.actor ? ` · by ${item.actor}` : '', item.source ? ` · ${item.source}` : ''));
  const add = (item, fresh) => {
    if (list.querySelector(`[data-entry-id="${item.id}"]`)) {
      return false;
    }
    // newest first by when it happened (an order's earlier history may be recorded after a newer fact)
    const at = Date.parse(item.occurredAt);
    const older = Array.from(list.children).find((shown) => {
      const shownAt = Date.parse(shown.dataset.occurredAt);
      return shownAt < at || (shownAt === at && Number(shown.dataset.entryId) < item.id);
    });
    list.insertBefore(entry(item, fresh), older ?? null);
    return true;
  };
  let loaded = false;
  // the entries so far; again at each (re)connection of the stream, for those recorded meanwhile
  const load = async () => {
    try {
      const page = await api(TOOL, `${API}/orders/${enc(orderId)}/timeline`);
      page.entries.forEach((item) => add(item, loaded));
      loaded = true;
      empty.hidden = list.children.length > 0;
    }
    catch (failure) {
      state.textContent = `The timeline could not be loaded: ${failure.message}`;
    }
  };
  const empty = h('p', { class: 'muted', id: 'timeline-empty' }, 'Nothing has happened to this order since the hub started following it.');
  list.after(empty);
  await load();
  let pending;
  const stop = follow(TOOL, `${API}/orders/${enc(orderId)}/timeline/stream`, list.firstElementChild?.dataset.entryId ?? null, (item) => {
    if (!add(item, true)) {
      return;
    }
    empty.hidden = true;
    // the panels follow the timeline: refreshed once the burst of events is over
    clearTimeout(pending);
    pending = setTimeout(() => {
      if (!document.querySelector('dialog[open]')) {
        refresh().catch((failure) => showError(failure));
      }
    }, 400);
  }, () => {
    state.textContent = 'Live: new events appear here as they happen.';
    load();
  });
  stopFollowing = () => {
    stop();
    clearTimeout(pending);
  };
}

async function startReturn(orderId, lines, action, refresh) {
  const eligible = lines.filter((line) => line.eligible && line.returnable > 0);
  const estimate = h('p', { 'aria-live': 'polite', id: 'agent-estimate' });
  const fields = h('div', {});
  const chosen = () => eligible.map((line) => ({
    line,
    quantity: Number(fields.querySelector(`#agent-quantity-${line.lineNumber}`).value),
    reason: fields.querySelector(`#agent-reason-${line.lineNumber}`).value,
  })).filter((choice) => choice.quantity > 0);
  const update = () => {
    const picked = chosen();
    estimate.replaceChildren(...(picked.length
      ? ['Refund estimate: ', h('strong', {}, money(sum(picked.map((c) => share(c.line.refundEstimate, c.quantity, c.line.returnable))))), ', before the return shipping fee.']
      : ['Choose the units to return.']));
  };
  eligible.forEach((line) => fields.append(h('fieldset', {},
    h('legend', {}, `Line ${line.lineNumber}: ${line.description ?? line.sku}`),
    h('div', { class: 'field' }, h('label', { for: `agent-quantity-${line.lineNumber}` }, 'Quantity'),
      h('select', { id: `agent-quantity-${line.lineNumber}`, onchange: update }, Array.from({ length: line.returnable + 1 }, (_, n) => h('option', { value: n }, n)))),
    h('div', { class: 'field' }, h('label', { for: `agent-reason-${line.lineNumber}` }, 'Reason'),
      h('select', { id: `agent-reason-${line.lineNumber}` }, h('option', { value: '' }, 'Choose a reason'), REASONS.map((reason) => h('option', { value: reason }, words(reason))))))));
  update();
  const key = idempotencyKey('agent');
  const created = await confirm({
    title: `Start a return for order ${orderId}`,
    content: [fields, estimate],
    confirmLabel: 'Start return',
    onConfirm: () => {
      const picked = chosen();
      if (!picked.length) {
        throw new Error('Choose at least one unit to return.');
      }
      const missing = picked.find((choice) => !choice.reason);
      if (missing) {
        throw new Error(`Choose a reason for line ${missing.line.lineNumber}.`);
      }
      return api(TOOL, action.href, {
        method: action.method,
        idempotencyKey: key,
        body: { lines: picked.map((choice) => ({ lineNumber: choice.line.lineNumber, quantity: choice.quantity, reason: choice.reason })) },
      });
    },
  });
  if (created) {
    notify(`Return ${created.returnNumber ?? ''} started for order ${orderId}.`);
    await refresh();
  }
}

async function cancelReturn(found, action, refresh) {
  const reason = h('textarea', { id: 'cancel-reason', maxlength: '500' });
  const done = await confirm({
    title: `Cancel return ${found.returnNumber ?? ''}?`,
    content: [h('p', {}, 'The customer keeps the items and gets no refund for them. The RMA is withdrawn in ERP.'),
      h('div', { class: 'field' }, h('label', { for: 'cancel-reason' }, 'Why (optional, kept on the return)'), reason)],
    confirmLabel: 'Cancel return',
    danger: true,
    onConfirm: () => api(TOOL, action.href, { method: action.method, body: { reason: reason.value.trim() || null } }),
  });
  if (done) {
    notify(`Return ${found.returnNumber ?? ''} canceled.`);
    await refresh();
  }
}

async function resumeReturn(found, action, refresh) {
  const done = await confirm({
    title: `Resume return ${found.returnNumber ?? ''}?`,
    content: h('p', {}, `It stopped and needs a person${found.actionReason ? `: ${found.actionReason}` : ''}. Resume it once the cause is fixed; the hub retries the step that stopped.`),
    confirmLabel: 'Resume return',
    onConfirm: () => api(TOOL, action.href, { method: action.method }),
  });
  if (done) {
    notify(`Return ${found.returnNumber ?? ''} resumed.`);
    await refresh();
  }
}

async function addComment(serviceCase, action, refresh) {
  const body = h('textarea', { id: 'comment-body', maxlength: '3900', required: true });
  const published = h('input', { type: 'checkbox', id: 'comment-published' });
  const done = await confirm({
    title: `Comment on case ${serviceCase.caseNumber}`,
    content: [h('div', { class: 'field' }, h('label', { for: 'comment-body' }, 'Comment'), body),
      h('div', { class: 'check' }, published, h('label', { for: 'comment-published' }, ' Visible to the customer'))],
    confirmLabel: 'Add comment',
    onConfirm: () => {
      if (!body.value.trim()) {
        throw new Error('Write the comment first.');
      }
      return api(TOOL, action.href, { method: action.method, body: { body: body.value.trim(), published: published.checked } })
        .then((answer) => answer ?? {});
    },
  });
  if (done) {
    notify(`Comment added to case ${serviceCase.caseNumber}.`);
    await refresh();
  }
}

window.addEventListener('hashchange', route);
route();
