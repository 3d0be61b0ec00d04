// Drives Switchboard's Calls API with jambonz's own REST client, as a jambonz application does: create a call,
// read it back, list calls, redirect it to another hook while it runs, hang it up with an update. Each step's result is one JSON line on standard output;
// a step that fails prints {step, error} and the script exits 1. The test gives the base URL, account, key and hooks.
const jambonz = require('@jambonz/node-client');

const {BASE_URL, ACCOUNT_SID, API_KEY, CALL_HOOK, STATUS_HOOK, MOVED_HOOK, TO} = process.env;
const client = jambonz(ACCOUNT_SID, API_KEY, {baseUrl: BASE_URL});

const report = (line) => console.log(JSON.stringify(line));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function step(name, action) {
  try {
    const result = await action();
    report({step: name, result: result === undefined ? null : result});
    return result;
  } catch (err) {
    report({step: name, error: err.message});
    process.exit(1);
  }
}

(async() => {
  const sid = await step('create', () => client.calls.create({
    from: '+15550001',
    to: {type: 'phone', number: TO},
    call_hook: CALL_HOOK,
    call_status_hook: STATUS_HOOK,
  }));
  // The callee answers and the application's verbs keep the call up; wait until it is in progress.
  let call;
  for (let i = 0; i < 100; i++) {
    call = await client.calls.retrieve(sid);
    if (call.call_status === 'in-progress') break;
    await sleep(200);
  }
  report({step: 'retrieve', result: call});
  await step('list', () => client.calls.list());
  await step('redirect', () => client.calls.update(sid, {call_hook: MOVED_HOOK}));
  await sleep(2000);
  await step('update', () => client.calls.update(sid, {call_status: 'completed'}));
})();
