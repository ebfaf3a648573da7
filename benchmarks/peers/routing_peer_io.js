// What the routing peers share: reading the workload that
// slakit_routing_workload wrote (table.json, tickets.jsonl) and writing each
// ticket's answer as `id TAB rule TAB queue` ("null" when no rule matches),
// the form run_routing_peers.py compares.
'use strict';
const fs = require('fs');
const path = require('path');

function loadTable(dir) {
  return JSON.parse(fs.readFileSync(path.join(dir, 'table.json'), 'utf8'));
}

// The first `limit` tickets, as the nested objects of the JSON Lines.
function loadTickets(dir, limit) {
  const lines = fs.readFileSync(path.join(dir, 'tickets.jsonl'), 'utf8').trim().split('\n');
  return lines.slice(0, Math.min(limit, lines.length)).map((l) => JSON.parse(l));
}

// A field of a ticket by its path ("customer.tier"); undefined when absent.
function fieldOf(ticket, fieldPath) {
  let v = ticket;
  for (const key of fieldPath.split('.')) {
    if (v === undefined || v === null) return undefined;
    v = v[key];
  }
  return v === null ? undefined : v;
}

// answers[i]: {rule, queue} or null.
function writeAnswers(file, tickets, answers) {
  const out = tickets.map((t, i) => {
    const a = answers[i];
    return `${t.id}\t${a ? a.rule : 'null'}\t${a ? a.queue : 'null'}`;
  });
  fs.writeFileSync(file, out.join('\n') + '\n');
}

module.exports = { loadTable, loadTickets, fieldOf, writeAnswers };
