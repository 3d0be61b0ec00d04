// Prints, as one JSON line, every example verb that jambonz's own specification package (@jambonz/verb-specifications)
// lists as correct in its test suite, each checked again with that package's validator. The test reads them through
// Switchboard's verb reader: each must run or be skipped by name, never fail the call.
const fs = require('fs');
const path = require('path');
const {validate} = require('@jambonz/verb-specifications');

const source = fs.readFileSync(
  path.join(path.dirname(require.resolve('@jambonz/verb-specifications')), 'test', 'jambonz-verb-test.js'), 'utf8');
const start = source.indexOf('verbs = [', source.indexOf('validate correct verbs'));
const end = source.indexOf('\n  ];', start);
if (start < 0 || end < 0) throw new Error('the specification package no longer holds its list of correct verbs');
// The list is a JavaScript literal (trailing commas, unquoted keys): evaluate it, then write it as JSON.
const examples = new Function(`return ${source.slice(start + 'verbs = '.length, end + 4)}`)();
const logger = {debug() {}, info() {}, error() {}, warn() {}};
validate(logger, examples);
console.log(JSON.stringify({examples}));
