// The self-service returns portal: a shopper (signed in, or a guest with order number and e-mail)
// sees their orders, returns items and follows the return to its refund. Calls /api/portal/v1 only.
import {
  api, badge as statusBadge, confirm, errorRegion, follow, h, header, idempotencyKey, keepGuest, money, notify, pageTitle,
  panel, REASONS, session, share, show, showError, signIn, sum, time, words,
} from './hub.js';

const TOOL = 'portal';
const API = '/api/portal/v1';
const view = document.getElementById('view');
let stopFollowing = () => {};

const STEPS = [
  ['REQUESTED', 'Requested'],
  ['APPROVED', 'Approved'],
  ['ON_THE_WAY', 'On the way'],
  ['RECEIVED', 'Received'],
  ['REFUND_ISSUED', 'Refund issued'],
];

const ENDINGS = {
  CANCELED: 'This return was canceled.',
  DECLINED: 'This return was declined. Our customer service team can tell you why.',
  EXPIRED: 'This return expired: the parcel was not sent back in time.',
  CLOSED: 'This return is closed. There was nothing to refund.',
  NEEDS_ATTENTION: 'We are looking into this return. You do not need to do anything; we will contact you if we need to.',
};

const TONES = { good: ['REFUND_ISSUED', 'DELIVERED', 'RECEIVED'], bad: ['DECLINED', 'CANCELED', 'EXPIRED', 'NEEDS_ATTENTION'] };

function title(text) {
  return pageTitle(text, 'Returns portal');
}

function badge(status) {
  return statusBadge(status, TONES);
}

async function route() {
  stopFollowing();
  stopFollowing = () => {};
  showError(null);
  notify('');
  document.getElementById('top').replaceChildren(header(TOOL, 'Returns portal'));
  const current = session(TOOL);
  const path = location.hash.replace(/^#/, '') || '/';
  if (!current) {
    landing();
    return;
  }
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  try {
    if (parts[0] === 'orders' && parts[1] && parts[2] === 'return') {
      await returnWizard(parts[1]);
    }
    else if (parts[0] === 'orders' && parts[1]) {
      await orderDetail(parts[1]);
    }
    else if (parts[0] === 'returns' && parts[1]) {
      await returnPage(parts[1]);
    }
    else if (current.kind === 'guest') {
      location.replace(`#/orders/${encodeURIComponent(current.orderId)}`);
    }
    else {
      await myOrders();
    }
  }
  catch (failure) {
    if (failure.status === 401) {
      landing();
    }
    showError(failure);
  }
}

function landing() {
  const guestError = errorRegion();
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Find my order');
  const guestForm = h('form', { novalidate: true },
    h('div', { class: 'field' },
      h('label', { for: 'guest-order' }, 'Order number'),
      h('input', { id: 'guest-order', name: 'orderNumber', required: true, autocomplete: 'off', placeholder: 'WEB-100001', 'aria-describedby': 'guest-order-hint' }),
      h('span', { id: 'guest-order-hint', class: 'muted' }, 'It is in your order confirmation e-mail.')),
    h('div', { class: 'field' },
      h('label', { for: 'guest-email' }, 'E-mail address used for the order'),
      h('input', { id: 'guest-email', name: 'email', type: 'email', required: true, autocomplete: 'email' })),
    guestError,
    submit);
  guestForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const orderNumber = guestForm.orderNumber.value.trim();
    const email = guestForm.email.value.trim();
    if (!orderNumber || !email) {
      showError(new Error('Please enter the order number and the e-mail address.'), guestError);
      return;
    }
    submit.disabled = true;
    try {
      const guest = await api(TOOL, `${API}/guest-sessions`, { method: 'POST', body: { orderNumber, email } });
      keepGuest(TOOL, guest);
      location.hash = `#/orders/${encodeURIComponent(guest.orderId)}`;
      await route();
    }
    catch (failure) {
      showError(failure.status === 404
        ? new Error('We could not find an order with that number and e-mail address. Please check both.')
        : failure, guestError);
    }
    finally {
      submit.disabled = false;
    }
  });
  show(view,
    title('Returns and refunds'),
    h('div', { class: 'choices' },
      h('section', { class: 'card', 'aria-labelledby': 'account-heading' },
        h('h2', { id: 'account-heading' }, 'I have an account'),
        h('p', {}, 'See all your orders, return items and follow your refunds.'),
        h('button', { type: 'button', class: 'primary', onclick: () => signIn(TOOL, '/portal/#/orders') }, 'Sign in')),
      h('section', { class: 'card', 'aria-labelledby': 'guest-heading' },
        h('h2', { id: 'guest-heading' }, 'I ordered as a guest'),
        guestForm)));
}

async function myOrders() {
  const answer = await api(TOOL, `${API}/orders`);
  show(view, title('My orders'), panel('Orders', answer.orders, (orders) => (orders.length
    ? h('ul', { class: 'plain' }, orders.map((order) => h('li', {},
      h('a', { href: `#/orders/${encodeURIComponent(order.id)}` }, `Order ${order.id}`), ' · ',
      'placed ', time(order.placedAt, { dateOnly: true }), ' · ', money(order.total), ' · ', badge(order.status))))
    : h('p', {}, 'You have no orders yet.')), { id: 'orders' }));
}

function orderLines(order) {
  return h('div', { class: 'table-wrap' }, h('table', { class: 'stack' },
    h('thead', {}, h('tr', {}, h('th', {}, 'Item'), h('th', {}, 'Quantity'), h('th', { class: 'amount' }, 'Price'))),
    h('tbody', {}, order.lines.map((line) => h('tr', {},
      h('td', { 'data-label': 'Item' }, line.description ?? line.sku),
      h('td', { 'data-label': 'Quantity' }, line.quantity),
      h('td', { class: 'amount', 'data-label': 'Price' }, money(line.netAmount)))))));
}

function shipmentList(shipments) {
  if (!shipments.length) {
    return h('p', {}, 'Nothing has shipped yet.');
  }
  return h('ul', { class: 'plain' }, shipments.map((shipment) => h('li', {},
    h('p', {}, badge(shipment.status), ' ', `${shipment.carrier} tracking number `, h('strong', {}, shipment.trackingNumber)),
    h('p', { class: 'muted' },
      shipment.shippedAt ? ['Shipped ', time(shipment.shippedAt)] : null,
      shipment.deliveredAt ? ['. Delivered ', time(shipment.deliveredAt)] : null))));
}

function returnList(returns) {
  if (!returns.length) {
    return h('p', {}, 'No returns for this order.');
  }
  return h('ul', { class: 'plain' }, returns.map((found) => h('li', {},
    h('a', { href: `#/returns/${found.id}` }, `Return ${found.returnNumber ?? ''}`.trim()), ' ', badge(found.status),
    found.refund ? [' · refund ', money(found.refund.amount)] : null)));
}

async function orderDetail(orderId) {
  const answer = await api(TOOL, `${API}/orders/${encodeURIComponent(orderId)}`);
  const canReturn = answer.order?.status === 'OK';
  show(view,
    title(`Order ${answer.orderId}`),
    session(TOOL).kind === 'user' ? h('p', {}, h('a', { href: '#/orders' }, '← My orders')) : null,
    panel('Items', answer.order, (order) => [
      h('p', {}, 'Placed ', time(order.placedAt, { dateOnly: true }), ' · total ', money(order.total), ' · ', badge(order.status)),
      orderLines(order),
    ], { id: 'items' }),
    canReturn ? h('p', {}, h('a', { class: 'button-link', href: `#/orders/${encodeURIComponent(answer.orderId)}/return` }, 'Return items from this order')) : null,
    panel('Delivery and tracking', answer.shipments, shipmentList, { id: 'shipments' }),
    panel('Returns', answer.returns, returnList, { id: 'returns' }));
}

async function returnWizard(orderId) {
  const lines = await api(TOOL, `${API}/orders/${encodeURIComponent(orderId)}/returnable-lines`);
  const eligible = lines.filter((line) => line.eligible && line.returnable > 0);
  const blocked = lines.filter((line) => !line.eligible || line.returnable === 0);
  const estimate = h('p', { class: 'estimate', 'aria-live': 'polite', id: 'estimate' });
  const error = errorRegion();
  const form = h('form', { novalidate: true });
  const chosen = () => eligible.map((line) => ({
    line,
    quantity: Number(form.elements[`quantity-${line.lineNumber}`].value),
    reason: form.elements[`reason-${line.lineNumber}`].value,
  })).filter((choice) => choice.quantity > 0);
  const refresh = () => {
    const picked = chosen();
    const total = sum(picked.map((choice) => share(choice.line.refundEstimate, choice.quantity, choice.line.returnable)));
    estimate.replaceChildren(...(picked.length
      ? ['Estimated refund: ', h('strong', {}, money(total)), ` for ${picked.reduce((n, c) => n + c.quantity, 0)} item(s), before the return shipping fee.`]
      : ['Choose at least one item to return.']));
  };
  eligible.forEach((line) => {
    const quantityId = `quantity-${line.lineNumber}`;
    const reasonId = `reason-${line.lineNumber}`;
    form.append(h('fieldset', { class: 'line' },
      h('legend', {}, line.description ?? line.sku),
      h('p', { class: 'muted' }, `${line.returnable} of ${line.ordered} can be returned until `, time(line.windowEndsAt, { dateOnly: true }),
        '. Refund up to ', money(line.refundEstimate), '.'),
      h('div', { class: 'field' },
        h('label', { for: quantityId }, 'How many to return'),
        h('select', { id: quantityId, name: quantityId, onchange: refresh },
          Array.from({ length: line.returnable + 1 }, (_, n) => h('option', { value: n }, n)))),
      h('div', { class: 'field' },
        h('label', { for: reasonId }, 'Why are you returning it?'),
        h('select', { id: reasonId, name: reasonId },
          h('option', { value: '' }, 'Choose a reason'),
          REASONS.map((reason) => h('option', { value: reason }, words(reason)))))));
  });
  const review = h('button', { type: 'submit', class: 'primary' }, 'Review return');
  form.append(estimate, error, h('div', { class: 'actions' }, review,
    h('a', { href: `#/orders/${encodeURIComponent(orderId)}` }, 'Back to the order')));
  const key = idempotencyKey('portal');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    showError(null, error);
    const picked = chosen();
    if (!picked.length) {
      showError(new Error('Choose how many of an item to return.'), error);
      return;
    }
    const missing = picked.find((choice) => !choice.reason);
    if (missing) {
      showError(new Error(`Choose why you are returning ${missing.line.description ?? missing.line.sku}.`), error);
      form.elements[`reason-${missing.line.lineNumber}`].focus();
      return;
    }
    const total = sum(picked.map((choice) => share(choice.line.refundEstimate, choice.quantity, choice.line.returnable)));
    const created = await confirm({
      title: 'Confirm your return',
      content: [
        h('ul', {}, picked.map((choice) => h('li', {}, `${choice.quantity} × ${choice.line.description ?? choice.line.sku}: ${words(choice.reason)}`))),
        h('p', {}, 'Estimated refund: ', h('strong', {}, money(total)), ', before the return shipping fee. The final amount is confirmed when we receive the items.'),
      ],
      confirmLabel: 'Confirm return',
      onConfirm: () => api(TOOL, `${API}/returns`, {
        method: 'POST',
        idempotencyKey: key,
        body: { orderId, lines: picked.map((choice) => ({ lineNumber: choice.line.lineNumber, quantity: choice.quantity, reason: choice.reason })) },
      }),
    });
    if (created) {
      location.hash = `#/returns/${created.id}`;
    }
  });
  show(view,
    title(`Return items from order ${orderId}`),
    eligible.length ? form : h('p', {}, 'Nothing in this order can be returned now.'),
    blocked.length ? h('section', { class: 'card', 'aria-labelledby': 'blocked-heading' },
      h('h2', { id: 'blocked-heading' }, 'Cannot be returned'),
      h('ul', { class: 'plain', id: 'blocked' }, blocked.map((line) => h('li', {},
        h('strong', {}, line.description ?? line.sku), ': ', line.message ?? words(line.reason))))) : null);
  refresh();
}

function progressSteps(found) {
  const reached = STEPS.findIndex(([status]) => status === found.status);
  if (reached < 0) {
    return h('p', { class: 'notice', id: 'ending' }, ENDINGS[found.status] ?? words(found.status));
  }
  return h('ol', { class: 'steps', 'aria-label': 'Progress of your return' }, STEPS.map(([status, label], index) => h('li', {
    class: index < reached ? 'done' : index === reached ? 'done current' : '',
    'aria-current': index === reached ? 'step' : null,
  }, label, index < reached ? h('span', { class: 'visually-hidden' }, ' (done)') : null)));
}

async function returnPage(returnId) {
  const render = async () => {
    const found = await api(TOOL, `${API}/returns/${encodeURIComponent(returnId)}`);
    const content = [
      title(`Return ${found.returnNumber ?? ''}`.trim()),
      h('p', {}, h('a', { href: `#/orders/${encodeURIComponent(found.orderId)}` }, `← Order ${found.orderId}`)),
      h('p', { class: 'status-line' }, 'Status: ', h('strong', { id: 'return-status' }, STEPS.find(([s]) => s === found.status)?.[1] ?? words(found.status))),
      progressSteps(found),
      h('section', { class: 'card', 'aria-labelledby': 'details-heading' },
        h('h2', { id: 'details-heading' }, 'Details'),
        h('dl', { class: 'facts' },
          h('dt', {}, 'Requested'), h('dd', {}, time(found.requestedAt)),
          found.rmaNumber ? [h('dt', {}, 'Return authorization (RMA)'), h('dd', {}, found.rmaNumber)] : null,
          found.shipBy ? [h('dt', {}, 'Send it back by'), h('dd', {}, time(found.shipBy))] : null,
          found.parcel ? [h('dt', {}, 'Parcel'), h('dd', {}, `${found.parcel.carrier} ${found.parcel.trackingCode}, sent `, time(found.parcel.shippedAt))] : null,
          h('dt', {}, 'Items'), h('dd', {}, found.lines.map((line) => h('div', {}, `${line.quantity} × ${line.sku} (${words(line.reason)})`))),
          found.refund
            ? [h('dt', {}, 'Refund issued'), h('dd', { id: 'refund' }, h('strong', {}, money(found.refund.amount)), ' on ', time(found.refund.issuedAt), ' to your original payment method')]
            : found.estimatedRefund ? [h('dt', {}, 'Estimated refund'), h('dd', {}, money(found.estimatedRefund))] : null)),
    ];
    if (found.status === 'APPROVED') {
      content.push(parcelForm(found, render));
    }
    if (found.canCancel) {
      content.push(h('div', { class: 'actions' }, h('button', {
        type: 'button',
        class: 'secondary',
        onclick: async () => {
          const canceled = await confirm({
            title: 'Cancel this return?',
            content: h('p', {}, 'You keep the items and get no refund for them. You can start a new return later while the return window is open.'),
            confirmLabel: 'Cancel return',
            danger: true,
            onConfirm: () => api(TOOL, `${API}/returns/${encodeURIComponent(found.id)}/cancellation`, { method: 'POST' }),
          });
          if (canceled) {
            notify('Your return was canceled.');
            await render();
          }
        },
      }, 'Cancel return')));
    }
    content.push(h('p', { class: 'muted live', id: 'live' }, 'This page updates by itself as your return moves on.'));
    const focused = document.activeElement;
    view.replaceChildren(...content.flat().filter(Boolean));
    if (!focused || focused === document.body || !view.contains(focused)) {
      view.querySelector('h1')?.focus();
    }
    return found;
  };
  const found = await render();
  const reload = () => render().catch((failure) => showError(failure));
  // live: each new entry of the order's timeline about this return reloads it; so does each
  // (re)connection, for what happened while the stream was not yet or no longer open
  stopFollowing = follow(TOOL, `${API}/orders/${encodeURIComponent(found.orderId)}/timeline/stream`, null, (entry) => {
    if (entry.returnId === found.id) {
      reload();
    }
  }, reload);
}

function parcelForm(found, render) {
  const error = errorRegion();
  const form = h('form', { novalidate: true, class: 'card', 'aria-labelledby': 'parcel-heading' },
    h('h2', { id: 'parcel-heading' }, 'Sent the parcel?'),
    h('p', {}, `Pack the items, write RMA ${found.rmaNumber} on the parcel and hand it to a carrier. Then tell us its tracking code.`),
    h('div', { class: 'field' },
      h('label', { for: 'carrier' }, 'Carrier'),
      h('select', { id: 'carrier', name: 'carrier' }, ['USPS', 'UPS', 'FedEx', 'DHL'].map((carrier) => h('option', { value: carrier }, carrier)))),
    h('div', { class: 'field' },
      h('label', { for: 'tracking' }, 'Tracking code'),
      h('input', { id: 'tracking', name: 'trackingCode', required: true, autocomplete: 'off', pattern: '[A-Za-z0-9-]{4,64}' })),
    error,
    h('button', { type: 'submit', class: 'primary' }, 'Parcel sent'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const trackingCode = form.trackingCode.value.trim();
    if (!/^[A-Za-z0-9-]{4,64}$/.test(trackingCode)) {
      showError(new Error('The tracking code is 4 to 64 letters, digits or dashes.'), error);
      return;
    }
    try {
      await api(TOOL, `${API}/returns/${encodeURIComponent(found.id)}/parcel`, { method: 'POST', body: { carrier: form.carrier.value, trackingCode } });
      notify('Thank you. Your return is on its way.');
      await render();
    }
    catch (failure) {
      showError(failure, error);
    }
  });
  return form;
}

window.addEventListener('hashchange', route);
route();
