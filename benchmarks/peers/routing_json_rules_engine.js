// json-rules-engine on the routing workload: one engine rule per route of
// DIR/table.json, all of a route's tests under `all`. First match comes from
// priorities: route i of n has priority n - i, so each priority level holds
// one rule and levels run from the first route down; the first rule that
// succeeds calls engine.stop(), which skips every lower level (the engine's
// documented way to end a run early). Tickets are routed one engine.run()
// each, one after the other. Writes OUT (one answer a line) and prints the
// throughput of the runs as JSON: building the engine and reading the files
// are not timed.
//
//   node routing_json_rules_engine.js DIR COUNT OUT
'use strict';
const { Engine } = require('json-rules-engine');
const { loadTable, loadTickets, fieldOf, writeAnswers } = require('./routing_peer_io');

// Facts are named by the field path with '_' for '.': customer_tier.
const factOf = (field) => field.replace(/\./g, '_');

const operators = {
  eq: 'equal',
  in: 'in',
  gt: 'greaterThan',
  gte: 'greaterThanInclusive',
  lt: 'lessThan',
  lte: 'lessThanInclusive',
};

function conditions(when) {
  const all = [];
  for (const [field, test] of Object.entries(when)) {
    for (const [op, value] of Object.entries(test)) {
      all.push({ fact: factOf(field), operator: operators[op], value });
    }
  }
  return { all };
}

function makeEngine(table) {
  // A ticket without a field leaves its fact undefined: the test is false,
  // as in slakit, instead of an error.
  const engine = new Engine([], { allowUndefinedFacts: true });
  const n = table.rules.length;
  table.rules.forEach((r, i) => {
    engine.addRule({
      name: r.name,
      priority: n - i,
      conditions: conditions(r.when),
      event: { type: 'route', params: { rule: r.name, queue: r.queue } },
    });
  });
  engine.on('success', () => {
    engine.stop();
  });
  return engine;
}

async function main() {
  const [dir, count, out] = [process.argv[2], Number(process.argv[3] || Infinity), process.argv[4]];
  const table = loadTable(dir);
  const tickets = loadTickets(dir, count);
  const fields = table.fields.map((f) => f.name);
  const facts = tickets.map((t) => {
    const f = {};
    for (const name of fields) {
      const v = fieldOf(t, name);
      if (v !== undefined) f[factOf(name)] = v;
    }
    return f;
  });
  const engine = makeEngine(table);
  for (const f of facts.slice(0, 20)) await engine.run(f);  // warm up
  const answers = new Array(tickets.length);
  const begin = process.hrtime.bigint();
  for (let i = 0; i < facts.length; ++i) {
    const { events } = await engine.run(facts[i]);
    answers[i] = events.length > 0 ? events[0].params : null;
  }
  const seconds = Number(process.hrtime.bigint() - begin) / 1e9;
  writeAnswers(out, tickets, answers);
  console.log(JSON.stringify({ tickets_per_s: tickets.length / seconds, count: tickets.length, seconds }));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
