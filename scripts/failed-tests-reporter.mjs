// A web-test-runner reporter that repeats, after the run's summary, which tests failed and
// why: CI keeps only the end of a long log, and the default reporter prints each failure
// next to its file, hundreds of lines earlier.

const firstLine = (text = '') => text.split('\n', 1)[0];

/** Failed tests of one suite, each as `suite › … › test`, with its error's first line. */
function failuresIn(suite, path = []) {
  const here = suite.name ? [...path, suite.name] : path;
  return [
    ...(suite.tests ?? [])
      .filter((test) => !test.passed && !test.skipped)
      .map((test) => ({ name: [...here, test.name].join(' › '), error: test.error?.message ?? '' })),
    ...(suite.suites ?? []).flatMap((child) => failuresIn(child, here)),
  ];
}

/** @returns {import('@web/test-runner').Reporter} */
export function failedTestsReporter() {
  let lines = [];
  return {
    onTestRunFinished({ sessions }) {
      lines = sessions.flatMap((session) => {
        const file = session.testFile.replace(`${process.cwd()}/`, '');
        const fileErrors = (session.errors ?? []).map((error) => `  ${file}: ${firstLine(error.message)}`);
        const tests = session.testResults
          ? failuresIn(session.testResults).map((f) => `  ${file}: ${f.name}\n      ${firstLine(f.error)}`)
          : [];
        return [...fileErrors, ...tests];
      });
    },
    stop() {
      if (lines.length) console.log(`\nFailed (${lines.length}):\n${lines.join('\n')}\n`);
    },
  };
}
