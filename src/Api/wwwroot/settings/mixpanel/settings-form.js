// The form that connects a Mixpanel project or changes the settings of a connected one.
import { formatHour, formatMaskedToken } from './format.js';

/** Form fields by the JSON path the API names in validation errors. */
const fields = {
  projectToken: { label: 'Project Token', input: 'project-token', error: 'project-token-error' },
  residency: { label: 'Data residency', input: 'residency-us', error: 'residency-error' },
  schedule: { label: 'Data Sync Frequency', input: 'frequency', error: 'frequency-error' },
  'schedule.frequency': { label: 'Frequency', input: 'frequency', error: 'frequency-error' },
  'schedule.weekday': { label: 'Day of the week', input: 'weekday', error: 'weekday-error' },
  'schedule.dayOfMonth': { label: 'Day of the month', input: 'day-of-month', error: 'day-of-month-error' },
  'schedule.hour': { label: 'Time of day', input: 'hour', error: 'hour-error' },
  'schedule.timeZone': { label: 'Time zone', input: 'time-zone', error: 'time-zone-error' },
};

export class SettingsForm {
  constructor() {
    this.form = document.getElementById('settings-form');
    this.heading = document.getElementById('settings-heading');
    this.intro = document.getElementById('settings-intro');
    this.submit = document.getElementById('settings-submit');
    this.result = document.getElementById('settings-result');
    this.token = document.getElementById('project-token');
    this.tokenHint = document.getElementById('project-token-hint');
    this.frequency = document.getElementById('frequency');
    this.weekday = document.getElementById('weekday');
    this.dayOfMonth = document.getElementById('day-of-month');
    this.hour = document.getElementById('hour');
    this.timeZone = document.getElementById('time-zone');
    /** @type {'connect' | 'update'} */
    this.mode = 'connect';
    this.saved = null;

    const radios = this.form.querySelectorAll('input[name="residency"]');
    radios.forEach((radio) => {
      radio.id = `residency-${radio.value}`;
    });
    this.fillOptions();
    this.frequency.addEventListener('change', () => this.showScheduleFields());
    this.showScheduleFields();
  }

  fillOptions() {
    for (let hour = 0; hour < 24; hour++) {
      this.hour.append(new Option(formatHour(hour), String(hour)));
    }

    for (let day = 1; day <= 31; day++) {
      this.dayOfMonth.append(new Option(String(day), String(day)));
    }

    const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
    const list = document.getElementById('time-zones');
    for (const zone of zones.includes('UTC') ? zones : ['UTC', ...zones]) {
      list.append(new Option(zone));
    }

    this.resetSchedule();
  }

  /** Sets the schedule fields to a daily sync at 03:00 in the browser's time zone. */
  resetSchedule() {
    this.frequency.value = 'daily';
    this.hour.value = '3';
    this.weekday.value = 'monday';
    this.dayOfMonth.value = '1';
    this.timeZone.value = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
    this.setResidency('us');
    this.showScheduleFields();
  }

  showScheduleFields() {
    document.getElementById('weekday-field').hidden = this.frequency.value !== 'weekly';
    document.getElementById('day-of-month-field').hidden = this.frequency.value !== 'monthly';
  }

  /**
   * Shows the form for connecting (no integration, or a disconnected one) or for changing the settings of a
   * connected integration, filled with its current settings.
   */
  setMode(integration) {
    const connected = integration && !['disconnected', 'notConnected'].includes(integration.state);
    const mode = connected ? 'update' : 'connect';
    const modeChanged = mode !== this.mode;
    this.mode = mode;
    this.heading.textContent = connected ? 'Connection settings' : 'Connect your Mixpanel project';
    this.submit.textContent = connected ? 'Save changes' : 'Connect';
    this.intro.textContent = connected
      ? 'A new Project Token or residency is checked with Mixpanel before it is saved.'
      : 'Events from the moment you connect are sent on the schedule you choose. The service checks the '
        + 'Project Token with Mixpanel before it saves anything.';
    this.tokenHint.textContent = connected
      ? `Leave empty to keep the current token (${formatMaskedToken(integration.maskedToken)}). To change it, copy the `
        + 'new Project Token from Project Settings in Mixpanel.'
      : 'In Mixpanel, open Project Settings and copy the Project Token under Access Keys.';

    if (connected && (modeChanged || !this.isDirty())) {
      this.fill(integration);
    } else if (!connected && modeChanged) {
      this.resetSchedule();
    }
  }

  /** Fills the residency and schedule from an integration of the API. */
  fill(integration) {
    this.setResidency(integration.residency);
    const schedule = integration.schedule;
    if (schedule) {
      this.frequency.value = schedule.frequency;
      this.hour.value = String(schedule.hour);
      this.weekday.value = schedule.weekday ?? 'monday';
      this.dayOfMonth.value = String(schedule.dayOfMonth ?? 1);
      this.timeZone.value = schedule.timeZone;
    }

    this.showScheduleFields();
    this.saved = this.readSettings();
  }

  setResidency(residency) {
    const radio = this.form.querySelector(`input[name="residency"][value="${residency}"]`);
    if (radio) {
      radio.checked = true;
    }
  }

  /** Returns the residency and schedule as the API expects them. */
  readSettings() {
    const frequency = this.frequency.value;
    const schedule = { frequency, hour: Number(this.hour.value), timeZone: this.timeZone.value.trim() };
    if (frequency === 'weekly') {
      schedule.weekday = this.weekday.value;
    }

    if (frequency === 'monthly') {
      schedule.dayOfMonth = Number(this.dayOfMonth.value);
    }

    const residency = this.form.querySelector('input[name="residency"]:checked')?.value ?? 'us';
    return { residency, schedule };
  }

  isDirty() {
    return this.saved !== null && JSON.stringify(this.readSettings()) !== JSON.stringify(this.saved);
  }

  /**
   * Returns the body of the connect or update request. When the form is incomplete, it returns the error lines
   * instead and shows each error at its field. An update names only what changed, so its body is empty when
   * nothing did.
   * @returns {{request?: object, errorLines?: string[]}}
   */
  readRequest() {
    this.clearErrors();
    const token = this.token.value.trim();
    const settings = this.readSettings();
    const errors = {};
    if (this.mode === 'connect' && !token) {
      errors.projectToken = ['Enter the Project Token of your Mixpanel project.'];
    }

    if (!settings.schedule.timeZone) {
      errors['schedule.timeZone'] = ['Enter a time zone such as Europe/Oslo or UTC.'];
    }

    if (Object.keys(errors).length > 0) {
      return { errorLines: this.showErrors(errors) };
    }

    if (this.mode === 'connect') {
      return { request: { projectToken: token, ...settings } };
    }

    const request = {};
    if (token) {
      request.projectToken = token;
    }

    if (settings.residency !== this.saved?.residency) {
      request.residency = settings.residency;
    }

    if (JSON.stringify(settings.schedule) !== JSON.stringify(this.saved?.schedule)) {
      request.schedule = settings.schedule;
    }

    return { request };
  }

  /** Clears the token, so that it is never shown again once the service has it. */
  clearToken() {
    this.token.value = '';
  }

  clearErrors() {
    for (const field of Object.values(fields)) {
      document.getElementById(field.error).textContent = '';
    }

    for (const input of this.form.querySelectorAll('[aria-invalid]')) {
      input.removeAttribute('aria-invalid');
    }
  }

  /**
   * Shows validation messages next to their fields and focuses the first field at fault.
   * @param {Record<string, string[]>} errors Messages keyed by JSON path, as in the API's problem details.
   * @returns {string[]} One line per message, prefixed by the field label, for the result summary.
   */
  showErrors(errors) {
    const lines = [];
    let first = null;
    for (const [path, messages] of Object.entries(errors)) {
      const field = fields[path];
      const text = messages.join(' ');
      lines.push(`${field?.label ?? path}: ${text}`);
      if (!field) {
        continue;
      }

      const error = document.getElementById(field.error);
      error.textContent = error.textContent ? `${error.textContent} ${text}` : text;
      const input = document.getElementById(field.input);
      if (path === 'residency') {
        this.form.querySelectorAll('input[name="residency"]').forEach((radio) => {
          radio.setAttribute('aria-invalid', 'true');
        });
      } else {
        input.setAttribute('aria-invalid', 'true');
      }

      first ??= path === 'residency' ? this.form.querySelector('input[name="residency"]:checked') : input;
    }

    first?.focus();
    return lines;
  }
}
