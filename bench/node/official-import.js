// Sends an NDJSON file of events to /import with the official Mixpanel Node.js library's import_batch.
// Usage: node official-import.js FILE --token T --secret S --host 127.0.0.1:PORT [--concurrency N]
// The library sends form-encoded base64 JSON, 50 events a request, over the protocol given (https here,
// because it refuses to send an API secret over plain http). It has no gzip option.
'use strict';

const fs = require('fs');
const readline = require('readline');
const Mixpanel = require('mixpanel');
const { readOptions } = require('./options');

function parseArgs(argv) {
  const { file, options } = readOptions(argv);
  const args = { concurrency: 16, file, ...Object.fromEntries(options) };
  for (const required of ['file', 'token', 'secret', 'host']) {
    if (!args[required]) {
      throw new Error(`Missing ${required}. Usage: node official-import.js FILE --token T --secret S --host H:P`);
    }
  }
  args.concurrency = Number(args.concurrency);
  return args;
}

async function readEvents(file) {
  const events = [];
  const lines = readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.length > 0) {
      events.push(JSON.parse(line));
    }
  }
  return events;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const started = process.hrtime.bigint();
  const events = await readEvents(args.file);
  const mixpanel = Mixpanel.init(args.token, {
    host: args.host,
    protocol: 'https',
    secret: args.secret,
    verbose: true,
    keepAlive: true,
  });
  const errors = await new Promise((resolve) => {
    mixpanel.import_batch(events, { max_concurrent_requests: args.concurrency }, (errs) => resolve(errs || []));
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const failed = errors.filter((e) => e).length;
  console.log(`official mixpanel: ${events.length} events in ${seconds.toFixed(2)} s, ${failed} failed requests`);
  if (failed > 0) {
    console.error(`first error: ${errors.find((e) => e).message}`);
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(error.message);
  process.exitCode = 2;
});
