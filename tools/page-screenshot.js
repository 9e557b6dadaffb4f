// Screenshot of the page as a person sees it, for the README: headless Chromium over the DevTools protocol.
// Usage (a server running, e.g. `./dragoman serve --db fakes.db`):
//   node --experimental-websocket tools/page-screenshot.js http://127.0.0.1:5080/ docs/screenshot.png [EVENT_ID]
// Waits for the events, the place labels and (given EVENT_ID) the event's evidence, then scrolls back to the top.
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const [url, out, eventId] = process.argv.slice(2);
if (!url || !out) { console.error('usage: node --experimental-websocket tools/page-screenshot.js URL OUT.png [EVENT_ID]'); process.exit(2); }
const chromium = process.env.DRAGOMAN_CHROMIUM || '/usr/bin/chromium';
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'dragoman-shot-'));
const browser = spawn(chromium, ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--remote-debugging-port=0',
  `--user-data-dir=${profile}`, '--window-size=1400,1000', 'about:blank'], { stdio: ['ignore', 'ignore', 'pipe'] });

const sleep = ms => new Promise(r => setTimeout(r, ms));
let stderr = '';
const endpoint = new Promise((resolve, reject) => {
  browser.stderr.on('data', d => { stderr += d; const m = /ws:\/\/[^\s]+/.exec(stderr); if (m) resolve(m[0]); });
  browser.once('exit', code => reject(new Error(`chromium exited (${code}): ${stderr}`)));
});

(async () => {
  const ws = new URL(await endpoint);
  const targets = await (await fetch(`http://${ws.host}/json/list`)).json();
  const socket = new WebSocket(targets.find(t => t.type === 'page').webSocketDebuggerUrl);
  await new Promise(r => socket.addEventListener('open', r));
  let next = 0;
  const pending = new Map();
  socket.addEventListener('message', m => { const r = JSON.parse(m.data); if (pending.has(r.id)) { pending.get(r.id)(r); pending.delete(r.id); } });
  const send = (method, params = {}) => new Promise(r => { const id = ++next; pending.set(id, r); socket.send(JSON.stringify({ id, method, params })); });
  const evaluate = async expr => (await send('Runtime.evaluate', { expression: expr, awaitPromise: true, returnByValue: true })).result.result.value;
  const waitFor = async (expr, what) => {
    for (let i = 0; i < 120; i++) { if (await evaluate(expr)) return; await sleep(250); }
    throw new Error('timed out waiting for ' + what);
  };

  await send('Page.navigate', { url });
  await waitFor("document.querySelectorAll('#event-list li[data-id]').length > 0", 'the event list');
  await waitFor("document.querySelectorAll('.dm-city').length > 0", 'the place labels');
  if (eventId) {
    await evaluate(`openEvent(${JSON.stringify(eventId)})`);
    await waitFor("document.querySelectorAll('#article-text .evidence').length > 0", 'the evidence');
  }
  await sleep(1500); // the smooth scroll to the evidence and the cluster animation settle
  await evaluate('window.scrollTo(0, 0)');
  await sleep(300);
  const shot = await send('Page.captureScreenshot', { format: 'png' });
  fs.writeFileSync(out, Buffer.from(shot.result.data, 'base64'));
  console.log(`wrote ${out}`);
  socket.close();
})().catch(err => { console.error(err.message); process.exitCode = 1; }).finally(async () => {
  const exited = new Promise(r => browser.once('exit', r));
  browser.kill();
  await exited; // chromium writes its profile until it is gone
  try { fs.rmSync(profile, { recursive: true, force: true }); } catch { /* a temporary folder */ }
});
