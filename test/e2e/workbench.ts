// Drives the real VS Code UI (code-server in Debian's Chromium) for end-to-end tests.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, FrameLocator, Page } from 'playwright-core';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { provision } = require('../../scripts/lib/provision');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startCodeServer, workbenchUrl, remoteUri } = require('../../scripts/lib/codeServer');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { launchBrowser } = require('../../scripts/lib/browser');
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const { repoRoot } = require('../../scripts/lib/repoRoot') as { repoRoot: string };
/** A fresh copy of the sample and the test fixtures, with `files` (relative path → text) added. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const { makeTestWorkspace } = require('../../scripts/lib/testWorkspace') as { makeTestWorkspace: (files?: Record<string, string>) => string };

export const resultsDir = path.join(repoRoot, 'test-results');
export const samplesDir = path.join(repoRoot, 'samples');

/** The browser's globals used in page.evaluate (the project's TypeScript has no DOM library). */
interface BrowserGlobals {
  document: { querySelectorAll(selector: string): { length: number; [index: number]: { textContent: string | null } } };
  getComputedStyle(element: unknown): { color: string };
}

interface Tools {
  NODE24: string;
  CODE_SERVER_ENTRY: string;
  CHROMIUM: string;
  CACHE: string;
}

let tools: Tools | undefined;
export function getTools(): Tools {
  tools ??= provision() as Tools;
  return tools;
}

interface CodeServer {
  url: string;
  port: number;
  stop(): Promise<void>;
  readLog(): string;
}

export interface WorkbenchOptions {
  folder?: string;
  /** Load the extension from the repository (default) rather than from an installed .vsix. */
  development?: boolean;
  extensionsDir?: string;
  settings?: Record<string, unknown>;
  /** Keep Workspace Trust on (the folder then opens in Restricted Mode until trusted). */
  workspaceTrust?: boolean;
}

/** One code-server, one browser page showing its workbench. */
export class Workbench {
  private constructor(
    readonly page: Page,
    private readonly browser: Browser,
    private readonly server: CodeServer,
  ) {}

  static async open(options: WorkbenchOptions = {}): Promise<Workbench> {
    const { NODE24, CODE_SERVER_ENTRY, CHROMIUM } = getTools();
    const folder = options.folder ?? samplesDir;
    const server: CodeServer = await startCodeServer({
      node24: NODE24,
      entry: CODE_SERVER_ENTRY,
      folder,
      extensionsDir: options.extensionsDir,
      settings: options.settings,
      workspaceTrust: options.workspaceTrust,
      // Without the smoke-test driver, code-server ignores the extensionDevelopmentPath payload.
      extraArgs: options.development === false ? [] : ['--vscode-option', 'enable-smoke-test-driver'],
    });
    let browser: Browser | undefined;
    try {
      browser = (await launchBrowser(CHROMIUM)) as Browser;
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      // Generous: a wait ends when its condition holds; a busy CI machine needed more than 20 s once.
      page.setDefaultTimeout(30_000);
      const payload = options.development === false ? [] : [['extensionDevelopmentPath', remoteUri(server, repoRoot)]];
      await page.goto(workbenchUrl(server, folder, payload), { timeout: 60_000 });
      await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
      if (options.workspaceTrust) {
        // The trust dialog: choose Restricted Mode.
        await page.getByRole('button', { name: /No, I don.t trust the authors/ }).click({ timeout: 60_000 });
      }
      await page.locator('.explorer-folders-view, .explorer-viewlet').first().waitFor({ timeout: 60_000 });
      return new Workbench(page, browser, server);
    } catch (error) {
      await browser?.close().catch(() => {});
      const log = server.readLog();
      await server.stop();
      throw new Error(`the workbench did not open: ${String(error)}\ncode-server log:\n${log.slice(-5000)}`);
    }
  }

  async close(): Promise<void> {
    await this.browser.close().catch(() => {});
    await this.server.stop();
  }

  /** Opens a file of the workspace through Quick Open (Ctrl+P) and waits for its tab. */
  async quickOpen(fileName: string): Promise<void> {
    const { page } = this;
    await page
      .locator('.monaco-workbench')
      .click({ position: { x: 640, y: 400 } })
      .catch(() => {});
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(fileName);
    // The focused row, which Enter opens: until the list is filtered, it is the most recent editor.
    await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: fileName }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.tabs-container .tab.active', { hasText: fileName }).first().waitFor();
    await page.locator('.editor-instance .view-lines').first().waitFor();
  }

  /**
   * Clicks the tab of a text editor and waits for the editor's focus: the way back from a
   * webview, where a click on the workbench would land in the webview.
   */
  async focusTab(fileName: string): Promise<void> {
    await this.page.locator('.tabs-container .tab', { hasText: fileName }).filter({ hasNotText: 'Preview' }).first().click();
    await this.page.locator('.editor-group-container.active .monaco-editor.focused').waitFor();
  }

  /**
   * Runs a command by its title through the command palette (F1). `chosen` is given the time the
   * click on its row reached the window (its pointerdown): a bench's clock starts there, not
   * before Playwright's own checks of the row, which take longer than some pictures take to draw.
   */
  async runCommand(title: string, chosen?: (at: number) => void): Promise<void> {
    const { page } = this;
    const input = page.locator('.quick-input-widget input');
    // A webview that takes the focus as its tab is shown can close the palette just opened: it is opened again.
    for (let attempt = 1; ; attempt++) {
      await page.keyboard.press('F1');
      await input.waitFor({ state: 'visible' });
      try {
        await input.fill(`>${title}`, { timeout: 5_000 });
        break;
      } catch (error) {
        if (attempt === 3) throw error;
      }
    }
    // The row whose title starts with `title` ("Welcome: Open Walkthrough" for its "…"): the
    // palette's fuzzy order may put another first ("Tasks: Run Task" finds "Tasks: Rerun All
    // Running Tasks" first), so Enter could run another command.
    const startsWith = new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
    const row = page
      .locator('.quick-input-list .monaco-list-row')
      .filter({ has: page.locator('.label-name', { hasText: startsWith }) })
      .first();
    await row.waitFor();
    if (chosen) {
      await page.evaluate(() => {
        const window = globalThis as unknown as { chosenAt?: number; addEventListener(type: string, listener: () => void, options: object): void };
        window.chosenAt = undefined;
        window.addEventListener('pointerdown', () => (window.chosenAt = Date.now()), { capture: true, once: true });
      });
    }
    const clicking = Date.now();
    await row.click();
    // Off the window's top, where the palette was: left there, the mouse shows the tooltip of what
    // lies under it once the palette closes (the breadcrumb's), over a picture's toolbar. The
    // activity bar's empty middle shows none.
    await page.mouse.move(1, Math.round((page.viewportSize()?.height ?? 800) * 0.6));
    if (chosen) chosen((await page.evaluate(() => (globalThis as { chosenAt?: number }).chosenAt)) ?? clicking);
  }

  /** Moves the cursor to a 1-based line with Go to Line (Ctrl+G). */
  async goToLine(line: number): Promise<void> {
    const { page } = this;
    await page.keyboard.press('Control+G');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(`:${line}`);
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    await page.locator('[id="status.editor.selection"]', { hasText: `Ln ${line},` }).waitFor();
  }

  /**
   * The computed colour of the first rendered token in the active editor whose text is exactly
   * `text` (Monaco renders spaces as no-break spaces; they compare equal here).
   */
  async spanColor(text: string): Promise<string | undefined> {
    return this.page.evaluate((wanted) => {
      const browser = globalThis as unknown as BrowserGlobals;
      const spans = browser.document.querySelectorAll('.editor-group-container.active .view-lines span span');
      for (let i = 0; i < spans.length; i++) {
        if ((spans[i].textContent ?? '').replace(/\u00a0/g, ' ') === wanted) return browser.getComputedStyle(spans[i]).color;
      }
      return undefined;
    }, text);
  }

  /** The text of the active editor's rendered lines, top to bottom (the whole of a short document). */
  async editorTextLines(): Promise<string[]> {
    return this.page.evaluate(() => {
      const browser = globalThis as unknown as BrowserGlobals;
      const found = browser.document.querySelectorAll('.editor-group-container.active .view-lines .view-line');
      const lines: { top: number; text: string }[] = [];
      for (let i = 0; i < found.length; i++) {
        const line = found[i] as unknown as { style: { top: string }; textContent: string | null };
        lines.push({ top: parseFloat(line.style.top), text: (line.textContent ?? '').replace(/\u00a0/g, ' ') });
      }
      return lines.sort((a, b) => a.top - b.top).map((line) => line.text);
    });
  }

  /** The rendered token of the active editor whose text is exactly `text` (the first one). */
  async token(text: string) {
    const spans = this.page.locator('.editor-group-container.active .view-lines span span', { hasText: text.split(' ')[0] });
    for (const span of await spans.all()) {
      if (((await span.textContent()) ?? '').replace(/\u00a0/g, ' ') === text) return span;
    }
    throw new Error(`no rendered token "${text}"`);
  }

  /** Hovers a rendered token and returns the hover widget once it shows `expected`. */
  async hover(text: string, expected: string) {
    const token = await this.token(text);
    const widget = this.page.locator('.monaco-hover', { hasText: expected }).first();
    // On a busy machine the editor can miss a single mouse move: move away and back, at most three times.
    for (let attempt = 1; ; attempt++) {
      await this.page.mouse.move(0, 0);
      await token.hover();
      try {
        await widget.waitFor({ state: 'visible', timeout: 7_000 });
        return widget;
      } catch (error) {
        if (attempt === 3) throw error;
      }
    }
  }

  /** Polls `probe` until it returns a value, for at most `timeoutMs`. */
  async waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await probe();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
      await this.page.waitForTimeout(100);
    }
  }

  /** The language shown in the status bar (the "Select Language Mode" item). */
  languageStatus() {
    return this.page.locator('[id="status.editor.mode"]');
  }

  /** The rendered lines of the active editor. */
  editorLines() {
    return this.page.locator('.editor-group-container.active .editor-instance .view-lines').first();
  }

  /** The rendered line of the active editor that holds `text`. */
  editorLine(text: string) {
    return this.editorLines().locator('.view-line', { hasText: text });
  }

  /**
   * Presses Ctrl+. and waits for the quick fix `title` in the action widget. In one run of many
   * the widget never opened although the lightbulb showed (a press lost while the editor
   * refreshed): it is asked again, three times at most, as a user would press again.
   */
  async quickFix(title: string) {
    const fix = this.page.locator('.action-widget', { hasText: title });
    for (let attempt = 1; ; attempt++) {
      await this.page.keyboard.press('Control+.');
      try {
        await fix.waitFor({ state: 'visible', timeout: 7_000 });
        return fix;
      } catch (error) {
        if (attempt === 3) throw error;
        await this.page.keyboard.press('Escape');
      }
    }
  }

  /**
   * Applies the quick fix `title` at the cursor (Ctrl+., a screenshot of the widget named
   * `screenshot`, Enter) and waits for the widget to close and a line to hold `fixed`.
   */
  async applyQuickFix(title: string, screenshot: string, fixed: string): Promise<void> {
    const fix = await this.quickFix(title);
    await this.screenshot(screenshot);
    await this.page.keyboard.press('Enter');
    await fix.waitFor({ state: 'hidden' });
    await this.editorLine(fixed).waitFor();
  }

  /**
   * The active editor's squiggles of one severity. Right after Quick Open, the editor may still
   * show the file it replaces: wait for a line of the new one before waiting for its squiggles.
   */
  squiggles(severity: 'error' | 'warning') {
    return this.page.locator(`.editor-group-container.active .squiggly-${severity}`).first();
  }

  /** An option of the open quick pick, by its exact name. */
  quickPickOption(name: string) {
    return this.page.locator('.quick-input-list').getByRole('option', { name, exact: true });
  }

  /**
   * Tasks: Run Task, then the extension's task type: the picker shows "briefing: check".
   * code-server sometimes drops the first Run Task soon after its start: the palette closes and
   * no picker ever follows (about one run in four on this machine; the second Run Task always
   * showed it). So the command is run again when no picker came, twice at most.
   */
  async openBriefingTasks(): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      await this.runCommand('Tasks: Run Task');
      const shown = await this.quickPickOption('All briefing tasks')
        .waitFor({ timeout: 8000 })
        .then(
          () => true,
          () => false,
        );
      if (shown || attempt === 3) break;
    }
    // The task types first; the extension's is "briefing", then its task.
    await this.quickPickOption('All briefing tasks').click();
    await this.quickPickOption('briefing: check').waitFor();
  }

  /**
   * Closes the picture beside `fileName` (its tab named `tab`) and opens it again with `command`,
   * `fileName` active: a new panel, whose page is made afresh.
   */
  async reopenPicture(fileName: string, tab: string, command: string): Promise<void> {
    await this.focusTab(fileName);
    await this.runCommand('View: Close Editors in Other Groups');
    await this.page.locator('.tabs-container .tab', { hasText: tab }).waitFor({ state: 'detached' });
    await this.focusTab(fileName);
    await this.runCommand(command);
  }

  /** When a picture's page first made each of `marks` (its `performance.mark`s), in ms since it began; Infinity for one it has not made. */
  pageMarks(page: FrameLocator, marks: readonly string[]): Promise<number[]> {
    return page.locator('body').evaluate((_body, names) => names.map((name) => performance.getEntriesByName(name)[0]?.startTime ?? Infinity), marks);
  }

  /** The timeline's page: VS Code puts a webview's page in an iframe inside an iframe. */
  timelinePage() {
    return this.page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  }

  /** Runs Briefing: Show Timeline and waits until its page has drawn `events` events. */
  async showTimeline(events: number) {
    await this.runCommand('Briefing: Show Timeline');
    const body = this.timelinePage().locator('body');
    await this.waitFor(`the timeline's ${events} events drawn`, async () => ((await body.getAttribute('data-drawn').catch(() => null)) === String(events) ? true : undefined));
    return this.timelinePage();
  }

  /** Saves a screenshot under test-results/ and returns its path. */
  async screenshot(name: string): Promise<string> {
    fs.mkdirSync(resultsDir, { recursive: true });
    const file = path.join(resultsDir, `${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  log(): string {
    return this.server.readLog();
  }
}

/**
 * One workbench for the calling suite: opened before its tests (`options` is read then), closed
 * after them, handed to `keep`; each failing test leaves test-results/failed-<title>.png.
 */
/**
 * Whether an exported file is there and whole: an SVG up to its closing tag, a PNG up to its
 * IEND chunk. A file seen while it is being written holds only its start.
 */
export function writtenWhole(file: string): true | undefined {
  if (!fs.existsSync(file)) return undefined;
  const bytes = fs.readFileSync(file);
  const whole = file.endsWith('.png') ? bytes.subarray(-8, -4).toString('latin1') === 'IEND' : bytes.toString('utf8').trimEnd().endsWith('</svg>');
  return whole ? true : undefined;
}

export function workbenchForSuite(options: () => WorkbenchOptions, keep: (workbench: Workbench) => void): void {
  let workbench: Workbench | undefined;
  suiteSetup(async () => {
    workbench = await Workbench.open(options());
    keep(workbench);
  });
  suiteTeardown(async () => {
    await workbench?.close();
  });
  teardown(async function () {
    if (this.currentTest?.state === 'failed') await workbench?.screenshot(`failed-${this.currentTest.title.replace(/\W+/g, '-')}`);
  });
}
