// Reads "FILE --name value ..." command lines for the benchmark's Node scripts.
'use strict';

/**
 * Splits the arguments into the one positional argument (the file) and a map of option names, without the
 * leading "--", to their string values. Throws when an option has no value.
 */
function readOptions(argv) {
  const options = new Map();
  let file;
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i];
    if (!name.startsWith('--')) {
      file = name;
      continue;
    }
    const value = argv[++i];
    if (value === undefined) {
      throw new Error(`Option ${name} needs a value.`);
    }
    options.set(name.slice(2), value);
  }
  return { file, options };
}

module.exports = { readOptions };
