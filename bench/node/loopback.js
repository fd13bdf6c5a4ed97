// Preload module (node --require) that confines a Node.js process to the loopback interface, for tools that
// cannot be pointed at another host.
//
// - Name resolution: dns.lookup and dns.promises.lookup return 127.0.0.1 for api.mixpanel.com,
//   api-eu.mixpanel.com, api-in.mixpanel.com and localhost, and pass loopback and wildcard IP literals through.
//   They throw for any other name without asking a resolver. Every dns.resolve*, dns.reverse, dns.lookupService
//   and Resolver method throws.
// - Sockets: the TCP and UDP handles' connect and send methods exit the process with code 97 before any packet
//   is sent when the address is not in 127.0.0.0/8 or ::1. net, tls, http, https, http2 and undici all reach the
//   network through these handles, so a library's own lookup or a hard-coded address cannot get past them.
// - LOOPBACK_PORT_MAP="443:24003[,80:24000]" rewrites the destination port of loopback TCP connections, so a client
//   that always uses https://api.mixpanel.com (port 443) reaches a local server on another port.
//
// process.binding('tcp_wrap') and ('udp_wrap') return the handle classes that net and dgram use; loopback.test.js
// checks that on the installed Node.js (20.20 when this was written).
// NOTE: native addons and child processes other than node (which get the preload through NODE_OPTIONS, as
// bench/run.sh sets it) are not covered by these patches.
'use strict';

const dns = require('dns');
const fs = require('fs');
const net = require('net');

const LOOPBACK_NAMES = new Set(['api.mixpanel.com', 'api-eu.mixpanel.com', 'api-in.mixpanel.com', 'localhost']);
const VIOLATION_EXIT_CODE = 97;

function isLoopbackAddress(address) {
  if (typeof address !== 'string') {
    return false;
  }
  const bare = address.toLowerCase().replace(/^::ffff:/, '');
  if (net.isIPv4(bare)) {
    return bare.startsWith('127.');
  }
  return bare === '::1';
}

function stopProcess(message) {
  fs.writeSync(2, `loopback.js: ${message}; exiting before any packet is sent.\n`);
  process.exit(VIOLATION_EXIT_CODE);
}

function parsePortMap(text) {
  const map = new Map();
  for (const pair of (text || '').split(',').filter((part) => part.trim() !== '')) {
    const [from, to] = pair.split(':').map((value) => Number(value.trim()));
    if (!Number.isInteger(from) || !Number.isInteger(to) || from <= 0 || to <= 0 || to > 65535) {
      stopProcess(`invalid LOOPBACK_PORT_MAP entry '${pair}'; expected FROM:TO port numbers`);
    }
    map.set(from, to);
  }
  return map;
}

const portMap = parsePortMap(process.env.LOOPBACK_PORT_MAP);

// Returns the loopback address for a host name or IP literal, or throws for anything that would leave the machine.
function resolveToLoopback(hostname) {
  const name = String(hostname).toLowerCase().replace(/\.$/, '');
  if (LOOPBACK_NAMES.has(name)) {
    return { address: '127.0.0.1', family: 4 };
  }
  const literal = name.replace(/^\[|\]$/g, '');
  // dgram resolves the wildcard address when it binds before a send, which sends nothing.
  if (isLoopbackAddress(literal) || literal === '0.0.0.0' || literal === '::') {
    return { address: literal, family: net.isIPv6(literal) ? 6 : 4 };
  }
  process.exitCode = VIOLATION_EXIT_CODE;
  const error = new Error(`loopback.js: lookup of '${hostname}' rejected; only loopback names are allowed`);
  error.code = 'ERR_LOOPBACK_ONLY';
  fs.writeSync(2, `${error.message}\n`);
  throw error;
}

function lookup(hostname, options, callback) {
  const done = typeof options === 'function' ? options : callback;
  const all = typeof options === 'object' && options !== null && options.all === true;
  const result = resolveToLoopback(hostname);
  process.nextTick(() => (all ? done(null, [result]) : done(null, result.address, result.family)));
}

async function lookupPromise(hostname, options) {
  const result = resolveToLoopback(hostname);
  return typeof options === 'object' && options !== null && options.all === true ? [result] : result;
}

function rejectResolver(name) {
  return function rejected() {
    process.exitCode = VIOLATION_EXIT_CODE;
    throw new Error(`loopback.js: dns.${name} rejected; only loopback names are allowed`);
  };
}

function replaceResolvers(target) {
  for (const name of Object.getOwnPropertyNames(target)) {
    if (/^(resolve|reverse|lookupService)/.test(name) && typeof target[name] === 'function') {
      target[name] = rejectResolver(name);
    }
  }
}

dns.lookup = lookup;
dns.promises.lookup = lookupPromise;
replaceResolvers(dns);
replaceResolvers(dns.promises);
replaceResolvers(dns.Resolver.prototype);
replaceResolvers(dns.promises.Resolver.prototype);

const { TCP } = process.binding('tcp_wrap');
for (const method of ['connect', 'connect6']) {
  const original = TCP.prototype[method];
  TCP.prototype[method] = function guardedConnect(request, address, port, ...rest) {
    if (!isLoopbackAddress(address)) {
      stopProcess(`TCP connection to ${address}:${port} rejected; only loopback addresses are allowed`);
    }
    return original.call(this, request, address, portMap.get(port) ?? port, ...rest);
  };
}

const { UDP } = process.binding('udp_wrap');
for (const method of ['connect', 'connect6']) {
  const original = UDP.prototype[method];
  UDP.prototype[method] = function guardedConnect(address, port, ...rest) {
    if (!isLoopbackAddress(address)) {
      stopProcess(`UDP connect to ${address}:${port} rejected; only loopback addresses are allowed`);
    }
    return original.call(this, address, port, ...rest);
  };
}
for (const method of ['send', 'send6']) {
  const original = UDP.prototype[method];
  // Unconnected sends pass (request, buffers, count, port, address, hasCallback); connected ones pass four
  // arguments and use the address that connect already checked.
  UDP.prototype[method] = function guardedSend(...args) {
    if (args.length >= 6 && !isLoopbackAddress(args[4])) {
      stopProcess(`UDP datagram to ${args[4]}:${args[3]} rejected; only loopback addresses are allowed`);
    }
    return original.apply(this, args);
  };
}
