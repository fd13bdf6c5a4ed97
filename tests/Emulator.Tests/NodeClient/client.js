// Drives the official Mixpanel Node.js library against the emulator and prints one JSON line of results.
// Settings come from the environment: MIXPANEL_HOST, MIXPANEL_PORT (the emulator's HTTPS port), MIXPANEL_TOKEN,
// MIXPANEL_SECRET (the project secret that /import accepts). NODE_EXTRA_CA_CERTS must name the emulator's
// certificate so that TLS verification passes.
"use strict";

const Mixpanel = require("mixpanel");

const settings = {
  host: process.env.MIXPANEL_HOST,
  port: Number(process.env.MIXPANEL_PORT),
  token: process.env.MIXPANEL_TOKEN,
  secret: process.env.MIXPANEL_SECRET,
};

const client = Mixpanel.init(settings.token, {
  host: settings.host,
  port: settings.port,
  protocol: "https",
  secret: settings.secret,
  keepAlive: false,
});

function track() {
  return new Promise((resolve) => {
    client.track("Node Tracked", { distinct_id: "node-user", plan: "free" }, (error) =>
      resolve(error ? String(error) : null),
    );
  });
}

function importBatch() {
  const now = Date.now();
  const events = [
    { event: "Node Imported", properties: { time: now - 10 * 24 * 3600 * 1000, distinct_id: "node-user" } },
    { event: "Node Imported", properties: { time: now - 9 * 24 * 3600 * 1000, distinct_id: "node-user", note: ">>>???" } },
  ];
  return new Promise((resolve) => {
    client.import_batch(events, (errors) => resolve(errors ? errors.map(String) : null));
  });
}

async function main() {
  const trackError = await track();
  const importErrors = await importBatch();
  console.log(JSON.stringify({ trackError, importErrors }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
