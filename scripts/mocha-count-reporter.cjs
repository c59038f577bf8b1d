// Mocha's spec output, plus the totals written where scripts/run.mjs sums them up.
const { writeFileSync } = require('node:fs');
const Mocha = require('mocha');

class CountReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const { passes = 0, failures = 0, pending = 0 } = runner.stats ?? {};
      const file = process.env.TAGWERK_COUNT_FILE;
      if (file)
        writeFileSync(file, JSON.stringify({ passed: passes, failed: failures, skipped: pending, fileErrors: 0 }));
    });
  }
}
module.exports = CountReporter;
