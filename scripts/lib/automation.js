// Runs an extension test suite in a workbench page and waits for its result, as VS Code's
// smoke-test driver reports it: window.codeAutomationLog(level, args) for the output and
// window.codeAutomationExit(code) at the end. Bounded in time.
const { format } = require('node:util');

/**
 * @param {import('playwright-core').Browser} browser
 * @param {string} url the workbench URL whose payload names the tests
 * @param {{ timeoutMs: number, isNoise: (text: string) => boolean, onLine?: (text: string) => void }} options
 * @returns {Promise<number | 'timeout'>} the suite's exit code, or 'timeout' when it hung
 */
async function runSuiteInPage(browser, url, options) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const result = new Promise((resolve) => {
    void page.exposeFunction('codeAutomationLog', (level, args) => {
      // Mocha's reporter logs printf-style (`%d passing (%s)`), as console.log does.
      const text = format(...(Array.isArray(args) ? args : [args]));
      if (text.trim() && !options.isNoise(text)) process.stdout.write(`${text}\n`);
      options.onLine?.(text);
    });
    void page.exposeFunction('codeAutomationExit', (code) => resolve(Number(code)));
  });
  page.on('pageerror', (error) => process.stderr.write(`[page error] ${error.message}\n`));
  await page.goto(url, { timeout: 60_000 });
  let timer;
  const timeout = new Promise((resolve) => {
    timer = setTimeout(() => resolve('timeout'), options.timeoutMs);
  });
  const outcome = await Promise.race([result, timeout]);
  clearTimeout(timer);
  return outcome;
}

module.exports = { runSuiteInPage };
