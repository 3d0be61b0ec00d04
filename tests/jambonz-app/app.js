// A jambonz application written the way jambonz's own documentation shows: express, WebhookResponse to build the
// verbs, and verifyJambonzSignature on every webhook. Nothing in it knows about Switchboard; the test gives it a
// port (0 for any) and the account's webhook secret, and reads one JSON line per webhook it accepted (or refused).
const express = require('express');
const {WebhookResponse} = require('@jambonz/node-client');

const secret = process.env.WEBHOOK_SECRET;
const app = express();
app.use(express.json());
app.use(WebhookResponse.verifyJambonzSignature(secret));
app.use((req, res, next) => {
  console.log(JSON.stringify({path: req.path, body: req.body}));
  next();
});

app.post('/call', (req, res) => {
  const response = new WebhookResponse();
  response
    .say({text: 'Welcome to the support line.'})
    .gather({
      input: ['digits'],
      numDigits: 1,
      timeout: 15,
      actionHook: '/menu',
      say: {text: 'Press one for sales, two for support.'},
    })
    .say({text: 'Thank you. Goodbye.'})
    .hangup();
  res.status(200).json(response);
});

// Where a live redirect sends a call: a short message, then it holds until it is hung up.
app.post('/moved', (req, res) => {
  const response = new WebhookResponse();
  response
    .say({text: 'Your call has been moved.'})
    .pause({length: 30});
  res.status(200).json(response);
});

// A customer call handed to an agent: the agent first hears who is calling and takes the call with a key (call
// screening with confirmHook); the customer hears ringback meanwhile, and is bridged once the agent accepts.
app.post('/connect', (req, res) => {
  const response = new WebhookResponse();
  response
    .say({text: 'Please hold while we connect you to an agent.'})
    .dial({
      callerId: req.body.from,
      timeLimit: 8,
      target: [{type: 'phone', number: '+15550003'}],
      confirmHook: '/screen',
      actionHook: '/dial-done',
    })
    .hangup();
  res.status(200).json(response);
});

// Runs on the agent's leg only, before the bridge.
app.post('/screen', (req, res) => {
  const response = new WebhookResponse();
  response.gather({
    input: ['digits'],
    numDigits: 1,
    timeout: 10,
    actionHook: '/screen-result',
    say: {text: `You have a call from ${req.body.from}. Press one to take it.`},
  });
  res.status(200).json(response);
});

// The agent pressed a key: with nothing more to run on the agent's leg, the two are connected.
app.post('/screen-result', (req, res) => res.sendStatus(200));

app.post('/dial-done', (req, res) => res.sendStatus(200));

// The choice is only noted: an answer with no verbs lets the call go on with the verbs after the gather.
app.post('/menu', (req, res) => res.sendStatus(200));

app.post('/status', (req, res) => res.sendStatus(200));

// A webhook whose signature does not verify lands here: reported, and refused as jambonz apps refuse it.
app.use((err, req, res, next) => {
  console.log(JSON.stringify({path: req.path, error: err.message}));
  res.sendStatus(403);
});

const server = app.listen(Number(process.env.PORT || 0), '127.0.0.1', () => {
  console.log(JSON.stringify({listening: server.address().port}));
});
