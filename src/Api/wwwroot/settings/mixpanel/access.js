// The brand id and API key the page acts with. They live in sessionStorage, so they last as long as the browser
// tab and are never sent anywhere but this service. A link may carry them in the fragment, as
// #brand=<id>&key=<key>; the fragment never reaches a server, and the page removes it from the address bar.

const brandStorageKey = 'mixpanelSettings.brandId';
const apiKeyStorageKey = 'mixpanelSettings.apiKey';

/**
 * Returns the stored credentials after taking any from the URL fragment. Either value is an empty string when
 * missing; a fragment with only a brand id fills in the brand id.
 * @returns {{brandId: string, apiKey: string}}
 */
export function loadCredentials() {
  const fragment = new URLSearchParams(window.location.hash.slice(1));
  const brandId = fragment.get('brand');
  const apiKey = fragment.get('key');
  if (brandId || apiKey) {
    history.replaceState(null, '', window.location.pathname + window.location.search);
    if (brandId && apiKey) {
      saveCredentials({ brandId, apiKey });
    }
  }

  const storedBrandId = sessionStorage.getItem(brandStorageKey) ?? '';
  if (brandId && brandId !== storedBrandId) {
    // The stored key belongs to another brand.
    return { brandId, apiKey: '' };
  }

  return { brandId: storedBrandId, apiKey: sessionStorage.getItem(apiKeyStorageKey) ?? '' };
}

export function saveCredentials({ brandId, apiKey }) {
  sessionStorage.setItem(brandStorageKey, brandId);
  sessionStorage.setItem(apiKeyStorageKey, apiKey);
}

export function forgetCredentials() {
  sessionStorage.removeItem(brandStorageKey);
  sessionStorage.removeItem(apiKeyStorageKey);
}
