// GoRules ZEN (@gorules/zen-engine) on the routing workload: the routes of
// DIR/table.json as one decision table with hit policy "first", run in the
// table's "loop" execution mode, so one evaluation routes every ticket of
// the array it is given. Writes OUT (one answer a line) and prints the
// throughput of that evaluation as JSON: building the decision and reading
// the files are not timed.
//
//   node routing_zen.js DIR COUNT OUT
'use strict';
const { ZenEngine } = require('@gorules/zen-engine');
const { loadTable, loadTickets, writeAnswers } = require('./routing_peer_io');

// A unary test cell: `"gold"`, `"gold", "silver"`, `>= 100`, `[100..5000)`.
function cell(test) {
  if ('eq' in test) return JSON.stringify(test.eq);
  if ('in' in test) return test.in.map((v) => JSON.stringify(v)).join(', ');
  const lower = 'gt' in test ? ['(', test.gt] : 'gte' in test ? ['[', test.gte] : null;
  const upper = 'lt' in test ? [')', test.lt] : 'lte' in test ? [']', test.lte] : null;
  if (lower && upper) return `${lower[0]}${lower[1]}..${upper[1]}${upper[0]}`;
  if (lower) return `${lower[0] === '[' ? '>=' : '>'} ${lower[1]}`;
  return `${upper[0] === ']' ? '<=' : '<'} ${upper[1]}`;
}

function decisionTable(table) {
  const inputs = table.fields.map((f, i) => ({ id: `c${i}`, name: f.name, field: f.name }));
  const rules = table.rules.map((r) => {
    const row = { _id: r.name, rule: JSON.stringify(r.name), queue: JSON.stringify(r.queue) };
    table.fields.forEach((f, i) => {
      row[`c${i}`] = f.name in r.when ? cell(r.when[f.name]) : '';
    });
    return row;
  });
  const position = { x: 0, y: 0 };
  return {
    nodes: [
      { id: 'in', type: 'inputNode', name: 'request', position },
      {
        id: 'routes',
        type: 'decisionTableNode',
        name: 'routes',
        position,
        content: {
          hitPolicy: 'first',
          executionMode: 'loop',
          inputField: 'tickets',
          outputPath: 'results',
          passThrough: false,
          inputs,
          outputs: [
            { id: 'rule', name: 'rule', field: 'rule' },
            { id: 'queue', name: 'queue', field: 'queue' },
          ],
          rules,
        },
      },
      { id: 'out', type: 'outputNode', name: 'response', position },
    ],
    edges: [
      { id: 'e1', type: 'edge', sourceId: 'in', targetId: 'routes' },
      { id: 'e2', type: 'edge', sourceId: 'routes', targetId: 'out' },
    ],
  };
}

async function main() {
  const [dir, count, out] = [process.argv[2], Number(process.argv[3] || Infinity), process.argv[4]];
  const table = loadTable(dir);
  const tickets = loadTickets(dir, count);
  const engine = new ZenEngine();
  const decision = engine.createDecision(decisionTable(table));
  await decision.evaluate({ tickets: tickets.slice(0, 100) });  // warm up
  const begin = process.hrtime.bigint();
  const { result } = await decision.evaluate({ tickets });
  const seconds = Number(process.hrtime.bigint() - begin) / 1e9;
  writeAnswers(out, tickets, result.results);
  console.log(JSON.stringify({ tickets_per_s: tickets.length / seconds, count: tickets.length, seconds }));
  engine.dispose?.();
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}

module.exports = { decisionTable };
