// Renders the integration's status, its run history and its rejected events. Values from the API are set as
// text, never as HTML.
import { renderRunsChart } from './chart.js';
import {
  describeRunCounts,
  describeSchedule,
  formatCount,
  formatDateTime,
  formatDuration,
  formatMaskedToken,
  outcomeLabel,
  residencyLabel,
  stateLabel,
  triggerLabel,
} from './format.js';

const byId = (id) => document.getElementById(id);

/** Returns whether the integration has a connected project: connected, syncing, degraded or in error. */
export function isConnected(integration) {
  return Boolean(integration) && !['disconnected', 'notConnected'].includes(integration.state);
}

/**
 * Shows the integration's state and facts.
 * @param {object | null} integration The API's integration, or null when the brand never connected.
 */
export function renderStatus(integration) {
  const state = integration?.state ?? 'notConnected';
  const badge = byId('state-badge');
  badge.textContent = stateLabel(state);
  badge.className = `badge ${state}`;

  const note = byId('status-note');
  note.hidden = isConnected(integration);
  note.textContent = state === 'disconnected'
    ? 'No Mixpanel project is connected. Events already pushed stay in Mixpanel; connect again below to resume.'
    : 'No Mixpanel project is connected yet. Connect one below.';

  const reason = byId('state-reason');
  reason.hidden = !integration?.stateReason;
  reason.textContent = integration?.stateReason ?? '';

  byId('facts').hidden = !integration;
  byId('status-actions').hidden = !isConnected(integration);
  if (!integration) {
    return;
  }

  byId('fact-token').textContent = integration.maskedToken ? formatMaskedToken(integration.maskedToken) : 'Deleted';
  byId('fact-residency').textContent = residencyLabel(integration.residency);
  byId('fact-schedule').textContent = describeSchedule(integration.schedule);
  byId('fact-connected').textContent = isConnected(integration) ? formatDateTime(integration.connectedSince) : '–';
  byId('fact-last').replaceChildren(...describeLastSync(integration));
  byId('fact-next').textContent = describeNextSync(integration);
}

function describeLastSync(integration) {
  const lines = [];
  if (integration.currentRun) {
    lines.push(line(`Sync in progress since ${formatDateTime(integration.currentRun.startedAt)}.`));
  }

  const last = integration.lastSync;
  if (!last) {
    lines.push(line('No sync has finished yet.'));
    return lines;
  }

  const outcome = document.createElement('strong');
  outcome.textContent = outcomeLabel(last.outcome);
  outcome.className = `outcome-${last.outcome}`;
  lines.push(line(outcome, `, ${formatDateTime(last.endedAt ?? last.startedAt)}`));
  lines.push(line(describeRunCounts(last)));
  if (last.error) {
    lines.push(line(last.error));
  }

  return lines;
}

function describeNextSync(integration) {
  if (!isConnected(integration)) {
    return 'None while disconnected';
  }

  const next = integration.nextSyncAt ? formatDateTime(integration.nextSyncAt) : 'Not scheduled';
  return integration.retryAt ? `${next}; a failed sync is retried at ${formatDateTime(integration.retryAt)}` : next;
}

function line(...parts) {
  const element = document.createElement('span');
  element.className = 'line';
  element.append(...parts);
  return element;
}

/** Shows the chart and the table of runs, newest first. */
export function renderRuns(runs) {
  byId('runs-empty').hidden = runs.length > 0;
  byId('runs-table').closest('.table-wrap').hidden = runs.length === 0;
  byId('runs-chart').closest('figure').hidden = !runs.some((run) => run.endedAt);
  renderRunsChart(byId('runs-chart'), runs);

  const rows = runs.map((run) => {
    const row = document.createElement('tr');
    row.dataset.runId = run.runId;
    const result = cell(outcomeLabel(run.outcome));
    result.className = `outcome-${run.outcome}`;
    row.append(
      cell(formatDateTime(run.startedAt)),
      cell(triggerLabel(run.trigger)),
      result,
      cell(formatDuration(run.durationMs)),
      numberCell(run.eventsSent),
      numberCell(run.eventsImported),
      numberCell(run.eventsRejected),
      numberCell(run.eventsSkipped),
      wrapCell(run.error ?? ''));
    return row;
  });
  byId('runs-table').tBodies[0].replaceChildren(...rows);
}

/**
 * Shows rejected events, with a replay button each while a project is connected.
 * @param {Array<object>} events Rejected events of the API, oldest first.
 * @param {boolean} canReplay Whether a project is connected, which a replay needs.
 * @param {(event: object) => void} onReplay Called when a row's replay button is pressed.
 */
export function renderRejectedEvents(events, canReplay, onReplay) {
  byId('rejected-empty').hidden = events.length > 0;
  byId('rejected-table').closest('.table-wrap').hidden = events.length === 0;
  byId('rejected-actions').hidden = events.length === 0 || !canReplay;
  byId('rejected-replay-note').hidden = events.length === 0 || canReplay;

  const rows = events.map((event) => {
    const row = document.createElement('tr');
    row.dataset.deadLetterId = String(event.deadLetterId);
    const id = wrapCell(event.eventId);
    id.classList.add('mono');
    const namesField = !event.field || event.reason.includes(event.field);
    const reason = wrapCell(namesField ? event.reason : `${event.field}: ${event.reason}`);
    const replay = document.createElement('button');
    replay.type = 'button';
    replay.className = 'secondary small';
    replay.textContent = 'Replay';
    replay.setAttribute('aria-label', `Replay event ${event.eventId}`);
    replay.addEventListener('click', () => onReplay(event));
    const action = document.createElement('td');
    if (canReplay) {
      action.append(replay);
    }

    row.append(
      id,
      cell(event.eventType),
      cell(formatDateTime(event.occurredAt)),
      reason,
      wrapCell(event.message ?? '-'),
      cell(formatDateTime(event.rejectedAt)),
      action);
    return row;
  });
  byId('rejected-table').tBodies[0].replaceChildren(...rows);
}

function cell(text) {
  const element = document.createElement('td');
  element.textContent = text;
  return element;
}

function wrapCell(text) {
  const element = cell(text);
  element.className = 'wrap';
  return element;
}

function numberCell(value) {
  const element = cell(formatCount(value));
  element.className = 'number';
  return element;
}
