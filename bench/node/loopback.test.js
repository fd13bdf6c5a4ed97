// Tests for loopback.js: each case runs a child node process with the preload and checks where it could connect.
// Run: unshare -n sh -c 'ip link set lo up && NODE_PATH=bench/.work/npm/node_modules node --test bench/node/'
// The cases that aim at a non-loopback address run only in a network namespace whose interfaces are all loopback,
// as unshare -n creates, so a broken guard cannot reach another host either. The undici case runs when NODE_PATH
// contains undici, as bench/run.sh installs it.
'use strict';

const assert = require('node:assert/strict');
const { spawn } = require('node:child_process');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const test = require('node:test');

const PRELOAD = path.join(__dirname, 'loopback.js');
const VIOLATION_EXIT_CODE = 97;
// TEST-NET-1 (RFC 5737): reserved for documentation and never routed.
const OUTSIDE_ADDRESS = '192.0.2.1';

const ISOLATED = Object.values(os.networkInterfaces()).flat().every((address) => address.internal);
const NEEDS_ISOLATION = { skip: !ISOLATED && 'a non-loopback interface exists; run under unshare -n' };

// Runs the script in a child process asynchronously, so that a server in this process can accept its connections.
function runWithPreload(script, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--require', PRELOAD, '-e', script], {
      env: { ...process.env, ...env },
      timeout: 20000,
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk) => { stderr += chunk; });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stderr }));
  });
}

// Starts a TCP server on 127.0.0.1 that counts connections; TLS clients fail the handshake, which is enough here.
async function startCountingServer() {
  const server = net.createServer((socket) => {
    server.connections += 1;
    socket.destroy();
  });
  server.connections = 0;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

function hasUndici() {
  try {
    require.resolve('undici');
    return true;
  } catch {
    return false;
  }
}

test('lookup of other host throws', async () => {
  const result = await runWithPreload("require('net').connect({ host: 'example.org', port: 443 })");
  assert.notEqual(result.status, 0);
  assert.match(result.stderr, /lookup of 'example\.org' rejected/);
});

test('dns.resolve4 throws', async () => {
  const result = await runWithPreload("require('dns').resolve4('api.mixpanel.com', () => {})");
  assert.notEqual(result.status, 0);
  assert.match(result.stderr, /dns\.resolve4 rejected/);
});

test('promises Resolver throws', async () => {
  const script = "new (require('dns').promises.Resolver)().resolve4('api.mixpanel.com')";
  const result = await runWithPreload(script);
  assert.notEqual(result.status, 0);
  assert.match(result.stderr, /dns\.resolve4 rejected/);
});

test('TCP to outside address exits', NEEDS_ISOLATION, async () => {
  const result = await runWithPreload(`require('net').connect({ host: '${OUTSIDE_ADDRESS}', port: 443 })`);
  assert.equal(result.status, VIOLATION_EXIT_CODE);
  assert.match(result.stderr, /TCP connection to 192\.0\.2\.1:443 rejected/);
});

test('custom lookup cannot bypass guard', NEEDS_ISOLATION, async () => {
  const script = "require('tls').connect({ host: 'api.mixpanel.com', port: 443,"
    + ` lookup: (h, o, cb) => cb(null, [{ address: '${OUTSIDE_ADDRESS}', family: 4 }]) })`;
  const result = await runWithPreload(script);
  assert.equal(result.status, VIOLATION_EXIT_CODE);
  assert.match(result.stderr, /TCP connection to 192\.0\.2\.1:443 rejected/);
});

test('UDP to outside address exits', NEEDS_ISOLATION, async () => {
  const script = "require('dgram').createSocket({ type: 'udp4',"
    + ` lookup: (h, o, cb) => cb(null, h === '0.0.0.0' ? h : '${OUTSIDE_ADDRESS}', 4) })`
    + ".send('x', 53, 'api.mixpanel.com')";
  const result = await runWithPreload(script);
  assert.equal(result.status, VIOLATION_EXIT_CODE);
  assert.match(result.stderr, /UDP datagram to 192\.0\.2\.1:53 rejected/);
});

test('api host reaches mapped port', async () => {
  const server = await startCountingServer();
  try {
    const script = "const s = require('tls').connect({ host: 'api.mixpanel.com', port: 443 });"
      + " s.on('error', () => process.exit(0)); s.on('close', () => process.exit(0));";
    const result = await runWithPreload(script, { LOOPBACK_PORT_MAP: `443:${server.address().port}` });
    assert.equal(result.status, 0, result.stderr);
    assert.equal(server.connections, 1);
  } finally {
    server.close();
  }
});

test('undici pool reaches mapped port', { skip: !hasUndici() && 'undici is not on NODE_PATH' }, async () => {
  const server = await startCountingServer();
  try {
    const script = "const { Pool } = require('undici');"
      + " new Pool('https://api-eu.mixpanel.com').request({ path: '/import', method: 'POST', body: '[]' })"
      + '.then(() => process.exit(4), () => process.exit(0));';
    const result = await runWithPreload(script, { LOOPBACK_PORT_MAP: `443:${server.address().port}` });
    assert.equal(result.status, 0, result.stderr);
    assert.ok(server.connections >= 1, `expected a connection, got ${server.connections}`);
  } finally {
    server.close();
  }
});
