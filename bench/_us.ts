import { benchUnseenSlips } from './unseenSlips';
void (async () => { for (const r of await benchUnseenSlips()) console.log(r.metric.replace(/\(.*/, ''), r.value, process.env.V ? r.metric : (r.metric.match(/\(\d+ in \d+/)?.[0] ?? '')); })();
