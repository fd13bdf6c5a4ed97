// Settings > Data Sources > Mixpanel: wires the access form, the settings form, the status actions, the
// disconnect dialog and the rejected events to the API, and announces each result in an aria-live region.
import { forgetCredentials, loadCredentials, saveCredentials } from './access.js';
import { ApiError, createApiClient } from './api.js';
import { describeRunCounts, formatDateTime, maskSecret, outcomeLabel } from './format.js';
import { SettingsForm } from './settings-form.js';
import { isConnected, renderRejectedEvents, renderRuns, renderStatus } from './views.js';

const runListLimit = 50;
const rejectedPageSize = 50;
const runPollMilliseconds = 1000;
const runWaitMilliseconds = 10 * 60 * 1000;
const activeRefreshMilliseconds = 3000;

const byId = (id) => document.getElementById(id);

const page = {
  client: null,
  integration: null,
  runs: [],
  rejected: [],
  rejectedNextAfter: null,
  /** The action in progress, such as 'sync'; one at a time, so that results do not interleave. */
  busy: null,
  refreshTimer: 0,
};

const settingsForm = new SettingsForm();

/** Replaces the content of a result region; kind is 'info', 'success' or 'error'. */
function showResult(regionId, kind, ...content) {
  const region = byId(regionId);
  region.className = `result ${kind}`;
  region.replaceChildren(...content.map((part) => (typeof part === 'string' ? paragraph(part) : part)));
}

function clearResult(regionId) {
  byId(regionId).replaceChildren();
}

function paragraph(text) {
  const element = document.createElement('p');
  element.textContent = text;
  return element;
}

/** Returns the content that shows a failed request: the problem's title, then its field errors or detail. */
function describeProblem(error, fieldLines = []) {
  const title = document.createElement('p');
  const strong = document.createElement('strong');
  strong.textContent = error.title;
  title.append(strong);
  if (fieldLines.length === 0) {
    return [title, paragraph(error.detail || error.message || '')];
  }

  const list = document.createElement('ul');
  for (const line of fieldLines) {
    const item = document.createElement('li');
    item.textContent = line;
    list.append(item);
  }

  return [title, list];
}

function focusHeading(id) {
  byId(id).focus();
}

/** Runs one action at a time; the button stays focusable and is marked busy while the action runs. */
async function runExclusive(name, button, action) {
  if (page.busy) {
    return;
  }

  page.busy = name;
  button?.setAttribute('aria-disabled', 'true');
  try {
    await action();
  } finally {
    page.busy = null;
    button?.removeAttribute('aria-disabled');
  }
}

// Access

async function openSettings(credentials, moveFocus) {
  const client = createApiClient(credentials.brandId, credentials.apiKey);
  showResult('access-result', 'info', 'Loading the Mixpanel settings…');
  try {
    // The run list returns 404 for a brand that the key does not belong to. The integration's 404 means
    // only that no project is connected.
    await loadAll(client);
  } catch (error) {
    if (!(error instanceof ApiError)) {
      throw error;
    }

    const hint = error.status === 401
      ? 'Check the API key and enter it again.'
      : error.status === 404 ? 'Check the brand ID; the key must belong to that brand.' : '';
    showResult('access-result', 'error', ...describeProblem(error), ...(hint ? [hint] : []));
    return;
  }

  saveCredentials(credentials);
  page.client = client;
  byId('access-form').hidden = true;
  byId('access-summary').hidden = false;
  byId('access-brand').textContent = credentials.brandId;
  byId('access-key').textContent = maskSecret(credentials.apiKey);
  byId('api-key').value = '';
  clearResult('access-result');
  byId('status-section').hidden = false;
  byId('settings-section').hidden = false;

  render();
  if (moveFocus) {
    focusHeading(isConnected(page.integration) ? 'status-heading' : 'settings-heading');
  }
}

function signOut() {
  forgetCredentials();
  window.clearTimeout(page.refreshTimer);
  Object.assign(page, { client: null, integration: null, runs: [], rejected: [], rejectedNextAfter: null });
  for (const id of ['status-section', 'settings-section', 'runs-section', 'rejected-section']) {
    byId(id).hidden = true;
  }

  for (const id of ['status-result', 'settings-result', 'rejected-result']) {
    clearResult(id);
  }

  settingsForm.clearToken();
  settingsForm.clearErrors();
  byId('access-summary').hidden = true;
  byId('access-form').hidden = false;
  showResult('access-result', 'info', 'The API key is forgotten in this tab. Enter a brand ID and key to continue.');
  byId('brand-id').focus();
}

byId('access-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const brandId = byId('brand-id').value.trim();
  const apiKey = byId('api-key').value.trim();
  const missing = [];
  for (const [input, value, message] of [
    ['brand-id', brandId, 'Enter your brand ID.'],
    ['api-key', apiKey, 'Enter the API key of your brand.'],
  ]) {
    byId(`${input}-error`).textContent = value ? '' : message;
    byId(input).toggleAttribute('aria-invalid', !value);
    if (!value) {
      missing.push(input);
    }
  }

  if (missing.length > 0) {
    byId(missing[0]).focus();
    return;
  }

  runExclusive('open', byId('access-submit'), () => openSettings({ brandId, apiKey }, true));
});

byId('sign-out').addEventListener('click', signOut);

// Loading and rendering

async function loadAll(client = page.client) {
  const runs = await client.listRuns(runListLimit);
  const [integration, rejected] = await Promise.all([
    client.getIntegration().catch((error) => {
      if (error instanceof ApiError && error.status === 404) {
        return null;
      }

      throw error;
    }),
    client.listRejectedEvents(0, rejectedPageSize),
  ]);
  page.runs = runs;
  page.integration = integration;
  page.rejected = rejected.events;
  page.rejectedNextAfter = rejected.nextAfter;
}

async function refresh() {
  try {
    await loadAll();
  } catch (error) {
    if (!(error instanceof ApiError)) {
      throw error;
    }

    showResult('status-result', 'error', ...describeProblem(error));
    return;
  }

  render();
}

function render() {
  // A brand that never connected has no history to show.
  const hasHistory = Boolean(page.integration) || page.runs.length > 0 || page.rejected.length > 0;
  byId('runs-section').hidden = !hasHistory;
  byId('rejected-section').hidden = !hasHistory;
  renderStatus(page.integration);
  settingsForm.setMode(page.integration);
  renderRuns(page.runs);
  renderRejectedEvents(page.rejected, isConnected(page.integration), replayOne);
  byId('rejected-more').hidden = page.rejectedNextAfter === null || page.rejectedNextAfter === undefined;

  // While a run is in progress the page refreshes itself, so that its end shows without a reload.
  window.clearTimeout(page.refreshTimer);
  const active = page.integration?.currentRun || page.integration?.state === 'syncing';
  if (active && page.client) {
    page.refreshTimer = window.setTimeout(() => {
      if (!page.busy) {
        refresh();
      } else {
        render();
      }
    }, activeRefreshMilliseconds);
  }
}

/** Polls a run until it ends; returns the run, or null when it still runs after the wait. */
async function waitForRun(runId) {
  const deadline = Date.now() + runWaitMilliseconds;
  while (Date.now() < deadline) {
    const run = await page.client.getRun(runId);
    if (run.endedAt) {
      return run;
    }

    await new Promise((resolve) => window.setTimeout(resolve, runPollMilliseconds));
  }

  return null;
}

function describeFinishedRun(prefix, run) {
  if (!run) {
    return `${prefix} is still running. The history shows it when it ends.`;
  }

  const error = run.error ? ` ${run.error}` : '';
  return `${prefix} finished: ${outcomeLabel(run.outcome)}. ${describeRunCounts(run)}.${error}`;
}

/** Returns the style of the message that reports a run: 'success', 'error' or 'info'. */
function kindOf(run) {
  if (!run || run.outcome === 'succeeded') {
    return 'success';
  }

  return run.outcome === 'failed' ? 'error' : 'info';
}

// Connect and change settings

byId('settings-form').addEventListener('submit', (event) => {
  event.preventDefault();
  runExclusive('settings', byId('settings-submit'), submitSettings);
});

async function submitSettings() {
  const connecting = settingsForm.mode === 'connect';
  const { request, errorLines } = settingsForm.readRequest();
  if (errorLines) {
    showResult('settings-result', 'error', ...describeProblem({ title: 'Check the marked fields.' }, errorLines));
    return;
  }

  if (!connecting && Object.keys(request).length === 0) {
    showResult('settings-result', 'info', 'Nothing to save: the settings are unchanged.');
    return;
  }

  showResult('settings-result', 'info', connecting ? 'Checking the Project Token with Mixpanel…' : 'Saving…');
  let integration;
  try {
    integration = connecting
      ? await page.client.connect(request)
      : await page.client.updateSettings(request);
  } catch (error) {
    if (!(error instanceof ApiError)) {
      throw error;
    }

    const lines = settingsForm.showErrors(error.fieldErrors);
    const title = connecting ? 'Connecting failed' : 'Saving failed';
    const problem = { title: `${title}: ${error.title}`, detail: error.detail };
    showResult('settings-result', 'error', ...describeProblem(problem, lines));
    return;
  }

  settingsForm.clearToken();
  settingsForm.clearErrors();
  page.integration = integration;
  settingsForm.fill(integration);
  await refresh();
  if (connecting) {
    clearResult('settings-result');
    showResult(
      'status-result',
      'success',
      `Connected. Mixpanel accepted the Project Token ${integration.maskedToken}. `
        + `The next sync is due ${formatDateTime(integration.nextSyncAt)}.`);
    focusHeading('status-heading');
  } else {
    showResult('settings-result', 'success', 'Saved. The next sync follows the new settings.');
  }
}

// Sync now

byId('sync-now').addEventListener('click', (event) => {
  runExclusive('sync', event.currentTarget, syncNow);
});

async function syncNow() {
  showResult('status-result', 'info', 'Starting a sync…');
  let started;
  try {
    started = await page.client.syncNow();
  } catch (error) {
    if (!(error instanceof ApiError)) {
      throw error;
    }

    showResult('status-result', 'error', ...describeProblem(error));
    return;
  }

  showResult('status-result', 'info', 'Sync started. This page shows the result when it ends.');
  await refresh();
  const run = await waitForRun(started.runId);
  await refresh();
  showResult('status-result', kindOf(run), describeFinishedRun('Sync', run));
}

// Disconnect

const dialog = byId('disconnect-dialog');

byId('disconnect').addEventListener('click', () => {
  if (page.busy) {
    return;
  }

  dialog.returnValue = '';
  dialog.showModal();
});

dialog.addEventListener('close', () => {
  if (dialog.returnValue === 'confirm') {
    runExclusive('disconnect', null, disconnect);
  }
});

async function disconnect() {
  showResult('status-result', 'info', 'Disconnecting…');
  let response;
  try {
    response = await page.client.disconnect();
  } catch (error) {
    if (!(error instanceof ApiError)) {
      throw error;
    }

    showResult('status-result', 'error', ...describeProblem(error));
    return;
  }

  await refresh();
  showResult(
    'status-result',
    'success',
    `${response.message} Data already pushed stays in your Mixpanel project.`);
  focusHeading('status-heading');
}

// Rejected events

byId('replay-all').addEventListener('click', (event) => {
  runExclusive('replay', event.currentTarget, () => replay([], 'every rejected event'));
});

function replayOne(rejectedEvent) {
  runExclusive('replay', null, () => replay([rejectedEvent.deadLetterId], `event ${rejectedEvent.eventId}`));
}

async function replay(deadLetterIds, scope) {
  showResult('rejected-result', 'info', `Starting a replay of ${scope}…`);
  let started;
  try {
    started = await page.client.replayRejectedEvents(deadLetterIds);
  } catch (error) {
    if (!(error instanceof ApiError)) {
      throw error;
    }

    showResult('rejected-result', 'error', ...describeProblem(error));
    return;
  }

  showResult('rejected-result', 'info', `Replay of ${scope} started. This page shows the result when it ends.`);
  await refresh();
  const run = await waitForRun(started.runId);
  await refresh();
  showResult('rejected-result', kindOf(run), describeFinishedRun('Replay', run));
  focusHeading('rejected-heading');
}

byId('rejected-more').addEventListener('click', (event) => {
  runExclusive('more', event.currentTarget, async () => {
    try {
      const next = await page.client.listRejectedEvents(page.rejectedNextAfter, rejectedPageSize);
      page.rejected = [...page.rejected, ...next.events];
      page.rejectedNextAfter = next.nextAfter;
    } catch (error) {
      if (!(error instanceof ApiError)) {
        throw error;
      }

      showResult('rejected-result', 'error', ...describeProblem(error));
      return;
    }

    render();
  });
});

// Start: open the settings at once when this tab already has a key.

const stored = loadCredentials();
byId('brand-id').value = stored.brandId;
if (stored.brandId && stored.apiKey) {
  runExclusive('open', byId('access-submit'), () => openSettings(stored, false));
}
