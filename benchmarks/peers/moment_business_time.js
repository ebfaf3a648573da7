// moment-business-time on the peer workload: reads DIR/holidays.txt and
// DIR/minutes.csv, writes DIR/moment_minutes.csv, prints throughput as JSON.
// Run with TZ=UTC (run_peers.py does): the workload is in UTC.
'use strict';
const fs = require('fs');
const path = require('path');
const moment = require('moment-business-time');

const dir = process.argv[2];
const holidays = fs.readFileSync(path.join(dir, 'holidays.txt'), 'utf8').trim().split('\n');
const rows = fs.readFileSync(path.join(dir, 'minutes.csv'), 'utf8').trim().split('\n').slice(1);
const limit = Number(process.argv[3] || rows.length);
const work = rows.slice(0, limit).map((line) => {
  const [start, minutes] = line.split(',');
  return [moment.utc(start), Number(minutes)];
});

const day = ['09:00:00', '17:00:00'];
moment.updateLocale('en', {
  workinghours: { 0: null, 1: day, 2: day, 3: day, 4: day, 5: day, 6: null },
  holidays,
});

const out = new Array(work.length);
const begin = process.hrtime.bigint();
for (let i = 0; i < work.length; ++i) {
  out[i] = work[i][0].clone().addWorkingTime(work[i][1], 'minutes');
}
const seconds = Number(process.hrtime.bigint() - begin) / 1e9;
fs.writeFileSync(path.join(dir, 'moment_minutes.csv'),
                 'deadline\n' + out.map((m) => m.utc().format('YYYY-MM-DDTHH:mm:ss[Z]')).join('\n') + '\n');
console.log(JSON.stringify({ add_minutes_per_s: work.length / seconds, count: work.length }));
