// Text for values of the API: dates in the browser's locale and time zone, counts, states and schedules.

const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZoneName: 'short',
});
const shortDateFormat = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const numberFormat = new Intl.NumberFormat();

const stateLabels = {
  connected: 'Connected',
  syncing: 'Syncing',
  degraded: 'Degraded',
  error: 'Error',
  disconnected: 'Disconnected',
  notConnected: 'Not connected',
};

const outcomeLabels = {
  running: 'Running',
  succeeded: 'Succeeded',
  completedWithRejections: 'Completed with rejections',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

const triggerLabels = {
  schedule: 'Schedule',
  manual: 'Sync now',
  backfill: 'Backfill',
  replay: 'Replay',
};

const residencyLabels = { us: 'US', eu: 'EU', india: 'India' };

/** Formats an ISO 8601 timestamp, or returns a dash for none. */
export function formatDateTime(iso) {
  return iso ? dateTimeFormat.format(new Date(iso)) : '–';
}

/** Formats an ISO 8601 timestamp as a short date for chart labels. */
export function formatShortDate(iso) {
  return shortDateFormat.format(new Date(iso));
}

/** Formats the time of day of an ISO 8601 timestamp for chart labels. */
export function formatTime(iso) {
  return timeFormat.format(new Date(iso));
}

export function formatCount(value) {
  return numberFormat.format(value ?? 0);
}

/** Formats milliseconds as "850 ms", "12.4 s" or "3 min 5 s". */
export function formatDuration(milliseconds) {
  if (milliseconds === null || milliseconds === undefined) {
    return '–';
  }

  if (milliseconds < 1000) {
    return `${milliseconds} ms`;
  }

  const seconds = milliseconds / 1000;
  if (seconds < 60) {
    return `${seconds.toFixed(1)} s`;
  }

  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${Math.round(seconds - minutes * 60)} s`;
}

export function stateLabel(state) {
  return stateLabels[state] ?? state;
}

export function outcomeLabel(outcome) {
  return outcomeLabels[outcome] ?? outcome;
}

export function triggerLabel(trigger) {
  return triggerLabels[trigger] ?? trigger;
}

export function residencyLabel(residency) {
  return residencyLabels[residency] ?? residency;
}

/** Formats an hour of the day, 0 to 23, as "03:00". */
export function formatHour(hour) {
  return `${String(hour).padStart(2, '0')}:00`;
}

/** Describes a schedule of the API, such as "Weekly on Friday at 22:00 (America/New_York)". */
export function describeSchedule(schedule) {
  if (!schedule) {
    return '–';
  }

  const time = `${formatHour(schedule.hour)} (${schedule.timeZone})`;
  switch (schedule.frequency) {
    case 'weekly':
      return `Weekly on ${capitalize(schedule.weekday)} at ${time}`;
    case 'monthly':
      return `Monthly on day ${schedule.dayOfMonth} at ${time}`;
    default:
      return `Daily at ${time}`;
  }
}

/** Summarizes the counts of a finished run, such as "12 sent: 11 imported, 1 rejected". */
export function describeRunCounts(run) {
  const parts = [`${formatCount(run.eventsImported)} imported`, `${formatCount(run.eventsRejected)} rejected`];
  if (run.eventsSkipped > 0) {
    parts.push(`${formatCount(run.eventsSkipped)} skipped`);
  }

  return `${formatCount(run.eventsSent)} sent: ${parts.join(', ')}`;
}

/** Returns the last four characters of a secret behind dots, for display. Secrets under 12 characters show none. */
export function maskSecret(secret) {
  return secret.length < 12 ? '••••' : `••••${secret.slice(-4)}`;
}

/**
 * Shortens a token that the API masked with one '*' per hidden character, such as "****************ab12", to
 * "••••ab12", so that its length does not stretch the layout.
 */
export function formatMaskedToken(maskedToken) {
  return maskedToken ? maskedToken.replace(/^\*+/, '••••') : '–';
}

function capitalize(text) {
  return text ? text[0].toUpperCase() + text.slice(1) : '';
}
