// The way hosts compute SLA deadlines today, per target, with
// moment-business-time: for each ticket of DIR/tickets.jsonl, the due of
// its first response (4 business hours) and of its resolution (16), both
// paused while the ticket's status is pending_customer, in the office
// calendar of DIR/peer_holidays.txt (Monday to Friday 09:00-17:00 UTC).
// Writes DIR/peer_dues.csv (id, first_response_due, resolution_due; empty
// when paused for good) and prints throughput as JSON. Run with TZ=UTC.
//
// The algorithm is the usual host one: walk the ticket's events, split its
// life into paused and running stretches, and spend the target over the
// running ones with workingDiff and addWorkingTime. Only the first cycle of
// each target is computed (a reopening starts no new one here).
'use strict';
const fs = require('fs');
const path = require('path');
const moment = require('moment-business-time');

const dir = process.argv[2];
const limit = Number(process.argv[3] || Infinity);
const holidays = fs.readFileSync(path.join(dir, 'peer_holidays.txt'), 'utf8').trim().split('\n');
const day = ['09:00:00', '17:00:00'];
moment.updateLocale('en', {
  workinghours: { 0: null, 1: day, 2: day, 3: day, 4: day, 5: day, 6: null },
  holidays,
});

const lines = fs.readFileSync(path.join(dir, 'tickets.jsonl'), 'utf8').trim().split('\n');
const tickets = lines.slice(0, Math.min(limit, lines.length)).map((l) => JSON.parse(l));
const now = moment.utc(process.argv[4] || '2027-01-15T00:00:00Z');

// The stretches from `start` on, each paused or not, from the status changes
// before `stop` (null: none).
function stretches(ticket, start, stop) {
  const out = [];
  let paused = ticket.ticket.status === 'pending_customer';
  let from = start;
  for (const e of ticket.events) {
    const at = moment.utc(e.at);
    if (at.isAfter(now)) break;
    if (e.kind !== 'status_changed') continue;
    if (!at.isAfter(from)) {
      paused = e.to === 'pending_customer';
      continue;
    }
    if (stop !== null && !at.isBefore(stop)) break;
    out.push({ from, to: at, paused });
    from = at;
    paused = e.to === 'pending_customer';
  }
  // After the stop (or now) the state it last had holds: the due as of then.
  out.push({ from, to: null, paused });
  return out;
}

// Spends `seconds` of business time over the running stretches.
function due(parts, seconds) {
  let left = seconds;
  for (const p of parts) {
    if (p.paused) {
      if (p.to === null) return null;  // paused for good
      continue;
    }
    if (p.to !== null) {
      const available = p.to.workingDiff(p.from, 'seconds');
      if (available < left) {
        left -= available;
        continue;
      }
    }
    return p.from.clone().addWorkingTime(left, 'seconds');
  }
  return null;
}

function firstEvent(ticket, test) {
  for (const e of ticket.events) {
    const at = moment.utc(e.at);
    if (at.isAfter(now)) return null;
    if (test(e)) return at;
  }
  return null;
}

const out = new Array(tickets.length);
const begin = process.hrtime.bigint();
for (let i = 0; i < tickets.length; ++i) {
  const t = tickets[i];
  const created = moment.utc(t.created);
  const solved = firstEvent(t, (e) => e.kind === 'solved');
  const replied = firstEvent(t, (e) => (e.kind === 'agent_replied' && e.public !== false) ||
                                       e.kind === 'solved');
  const first = due(stretches(t, created, replied), 4 * 3600);
  const resolution = due(stretches(t, created, solved), 16 * 3600);
  out[i] = [t.id, first, resolution];
}
const seconds = Number(process.hrtime.bigint() - begin) / 1e9;
const fmt = (m) => (m === null ? '' : m.utc().format('YYYY-MM-DDTHH:mm:ss[Z]'));
fs.writeFileSync(path.join(dir, 'peer_dues.csv'),
                 'id,first_response_due,resolution_due\n' +
                 out.map((r) => `${r[0]},${fmt(r[1])},${fmt(r[2])}`).join('\n') + '\n');
console.log(JSON.stringify({ tickets_per_s: tickets.length / seconds, count: tickets.length }));
