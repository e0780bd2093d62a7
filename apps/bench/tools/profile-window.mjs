// Preloaded into an API process (`node --import`) by profile-approve.mjs: SIGUSR2 starts the V8
// CPU profiler, the next SIGUSR2 stops it and writes the profile to PROFILE_OUT.
import inspector from 'node:inspector';
import { writeFileSync } from 'node:fs';

const session = new inspector.Session();
session.connect();
let running = false;
process.on('SIGUSR2', () => {
  if (!running) {
    running = true;
    session.post('Profiler.enable', () =>
      session.post('Profiler.setSamplingInterval', { interval: 200 }, () => session.post('Profiler.start')),
    );
    return;
  }
  session.post('Profiler.stop', (error, result) => {
    running = false;
    if (!error) writeFileSync(process.env.PROFILE_OUT, JSON.stringify(result.profile));
  });
});
