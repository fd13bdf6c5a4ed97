// Client of the brand endpoints under /api/v1/brands/{brandId}. Every request sends the API key as
// "Authorization: Bearer"; errors arrive as RFC 9457 problem details and are thrown as ApiError.

/** A failed API request with the problem details the service returned. */
export class ApiError extends Error {
  /**
   * @param {number} status HTTP status, or 0 when the service could not be reached.
   * @param {{title?: string, detail?: string, errors?: Record<string, string[]>}} problem
   */
  constructor(status, problem) {
    super(problem.detail || problem.title || `The request failed with HTTP status ${status}.`);
    this.name = 'ApiError';
    this.status = status;
    this.title = problem.title || `HTTP ${status}`;
    this.detail = problem.detail || '';
    /** Validation messages keyed by the JSON path of the field, such as "schedule.hour". */
    this.fieldErrors = problem.errors && typeof problem.errors === 'object' ? problem.errors : {};
  }
}

/**
 * Creates a client for one brand.
 * @param {string} brandId
 * @param {string} apiKey The operator key or one of the brand's keys.
 */
export function createApiClient(brandId, apiKey) {
  const base = `/api/v1/brands/${encodeURIComponent(brandId)}`;

  async function send(method, path, body) {
    const headers = { Accept: 'application/json', Authorization: `Bearer ${apiKey}` };
    const init = { method, headers, cache: 'no-store', credentials: 'omit' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }

    let response;
    try {
      response = await fetch(base + path, init);
    } catch {
      throw new ApiError(0, {
        title: 'The service could not be reached',
        detail: 'Check the network connection and try again.',
      });
    }

    const text = await response.text();
    const json = parseJson(text);
    if (!response.ok) {
      throw new ApiError(response.status, json ?? { title: response.statusText, detail: text.slice(0, 300) });
    }

    return json;
  }

  return {
    getIntegration: () => send('GET', '/integration'),
    connect: (request) => send('POST', '/integration', request),
    updateSettings: (request) => send('PATCH', '/integration', request),
    syncNow: () => send('POST', '/integration/sync'),
    disconnect: () => send('DELETE', '/integration?confirm=true'),
    listRuns: (limit) => send('GET', `/runs?limit=${limit}`),
    getRun: (runId) => send('GET', `/runs/${encodeURIComponent(runId)}`),
    listRejectedEvents: (after, limit) => send('GET', `/rejected-events?after=${after}&limit=${limit}`),
    replayRejectedEvents: (deadLetterIds) => send('POST', '/rejected-events/replay', { deadLetterIds }),
  };
}

function parseJson(text) {
  if (!text) {
    return null;
  }

  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
