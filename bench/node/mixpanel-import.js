// Sends an NDJSON file of events to /import with mixpanel-import (npm, 3.1.43) through its module API.
// Usage: node --require ./loopback.js mixpanel-import.js FILE --token T [--preset defaults|tuned] [--workers N]
//            [--records-per-batch N] [--compression-level N] [--compress true|false] [--force-stream true|false]
//            [--fast-mode true|false]
// mixpanel-import always sends to https://api.mixpanel.com (region US), so it must run with loopback.js preloaded
// and LOOPBACK_PORT_MAP="443:PORT" to reach a local emulator. Without them this script exits with an error before it
// loads the package. Preset "defaults" passes only the token, verbose and logs options. Preset "tuned" is the
// settings that used the least CPU in the runs described in docs/benchmarks.md. The other options override single
// settings of the chosen preset.
'use strict';

const dns = require('dns');
const path = require('path');
const { readOptions } = require('./options');

const PRESETS = {
  defaults: {},
  // With forceStream: false the package reads the whole file into memory when it is smaller than half the free RAM.
  // That halved the CPU time. A larger file is streamed, and the summary line below then prints "streamed".
  tuned: {
    workers: 16,
    recordsPerBatch: 2000,
    compress: true,
    compressionLevel: 1,
    streamFormat: 'jsonl',
    forceStream: false,
    fastMode: true,
  },
};

const NUMBER_OPTIONS = {
  workers: 'workers',
  'records-per-batch': 'recordsPerBatch',
  'compression-level': 'compressionLevel',
};
const BOOLEAN_OPTIONS = { compress: 'compress', 'force-stream': 'forceStream', 'fast-mode': 'fastMode' };

function parseArgs(argv) {
  const { file, options } = readOptions(argv);
  const args = { file, preset: 'defaults', overrides: {} };
  for (const [key, value] of options) {
    const name = `--${key}`;
    if (key in NUMBER_OPTIONS) {
      const number = Number(value);
      if (!Number.isInteger(number) || number < 0) {
        throw new Error(`Option ${name} must be a non-negative integer, got '${value}'.`);
      }
      args.overrides[NUMBER_OPTIONS[key]] = number;
    } else if (key in BOOLEAN_OPTIONS) {
      if (value !== 'true' && value !== 'false') {
        throw new Error(`Option ${name} must be true or false, got '${value}'.`);
      }
      args.overrides[BOOLEAN_OPTIONS[key]] = value === 'true';
    } else if (key === 'token' || key === 'preset') {
      args[key] = value;
    } else {
      throw new Error(`Unknown option ${name}.`);
    }
  }
  if (!args.file || !args.token) {
    throw new Error('Missing FILE or --token. Usage: node mixpanel-import.js FILE --token T [--preset defaults|tuned]');
  }
  if (!(args.preset in PRESETS)) {
    throw new Error(`Unknown preset '${args.preset}'. Use 'defaults' or 'tuned'.`);
  }
  return args;
}

// Checks that loopback.js patched name resolution, so that no request can leave the machine.
function requireLoopbackPreload() {
  if (dns.lookup.name !== 'lookup' || !String(dns.lookup).includes('resolveToLoopback')) {
    throw new Error('loopback.js is not preloaded. Run: node --require bench/node/loopback.js mixpanel-import.js ...');
  }
  if (!/^443:\d+$/.test(process.env.LOOPBACK_PORT_MAP || '')) {
    throw new Error('LOOPBACK_PORT_MAP must be 443:PORT, the emulator\'s US HTTPS port.');
  }
}

async function main() {
  requireLoopbackPreload();
  const args = parseArgs(process.argv.slice(2));
  // Loaded after the check because the package creates its undici pools for api.mixpanel.com when it loads.
  const mixpanelImport = require('mixpanel-import');
  const options = { ...PRESETS[args.preset], ...args.overrides, verbose: false, logs: false };
  const started = process.hrtime.bigint();
  const summary = await mixpanelImport({ token: args.token }, path.resolve(args.file), options);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const settings = Object.entries(options).map(([name, value]) => `${name}=${value}`).join(' ');
  console.log(`mixpanel-import (${args.preset}: ${settings}): ${summary.success} events imported,`
    + ` ${summary.failed} failed, ${summary.requests} requests, ${summary.retries} retries,`
    + ` file ${summary.wasStream ? 'streamed' : 'loaded into memory'}, in ${seconds.toFixed(2)} s`);
  if (summary.failed > 0 || summary.success === 0) {
    const errors = JSON.stringify(summary.errors).slice(0, 500);
    console.error(`mixpanel-import reported failures; first errors: ${errors}`);
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(error.message);
  process.exitCode = 2;
});
