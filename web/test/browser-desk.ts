/**
 * The browser tests' harness: the real desk server on a fresh SQLite store (one account per role,
 * see src/testing/desk-server.ts) serving the built app, headless Chromium driven by
 * playwright-core, an accessibility check with axe-core, and screenshots for the docs.
 * @module
 */
import AxeBuilder from '@axe-core/playwright';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startTestDesk, TEST_PASSWORD, type TestDesk } from '../../src/testing/desk-server.js';
import { TEST_STORES } from '../../src/testing/test-stores.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SCREENSHOTS = join(ROOT, 'docs', 'screenshots');
const CHROMIUM = process.env.DESK_CHROMIUM ?? '/usr/bin/chromium';

/** The newest modification time under a folder. */
function newest(folder: string): number {
  return Math.max(
    ...readdirSync(folder, { withFileTypes: true }).map((entry) => {
      const path = join(entry.parentPath, entry.name);
      return entry.isDirectory() ? newest(path) : statSync(path).mtimeMs;
    }),
  );
}

/** The build is there and newer than every source of the app. */
function builtFresh(): boolean {
  const index = join(ROOT, 'dist', 'web', 'index.html');
  const sources = Math.max(
    newest(join(ROOT, 'web', 'src')),
    statSync(join(ROOT, 'web', 'index.html')).mtimeMs,
  );
  return existsSync(index) && statSync(index).mtimeMs >= sources;
}

const pause = (ms: number) => {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
};

/**
 * Builds the app when the build is missing or older than its sources, so a test never runs old
 * code. Test files run in parallel: one builds, holding a lock folder, while the others wait.
 */
function ensureBuilt(): void {
  if (builtFresh()) return;
  const lock = join(ROOT, 'dist', '.web-build-lock');
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  for (let waited = 0; ; waited += 200) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (waited > 120_000) throw new Error(`${lock} has been held for 2 minutes: remove it`);
      pause(200);
      if (builtFresh()) return;
    }
  }
  try {
    if (builtFresh()) return;
    const built = spawnSync('npm', ['run', 'build:web'], { cwd: ROOT, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('npm run build:web failed');
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export interface BrowserDesk {
  desk: TestDesk;
  /** A new page in its own browser context (its own cookies), with its problems recorded. */
  newPage(): Promise<Page>;
  /** Opens the sign-in page and signs in as this account. */
  signIn(page: Page, username: string, password?: string): Promise<void>;
  /** A new page signed in as this account (the header offers to sign out), then at `path`. */
  pageAs(username: string, path?: string): Promise<Page>;
  /** Errors the pages logged or threw (a CSP refusal is one); the tests expect none. */
  pageErrors: string[];
  close(): Promise<void>;
}

async function signIn(page: Page, username: string, password = TEST_PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export async function startBrowserDesk(): Promise<BrowserDesk> {
  ensureBuilt();
  const desk = await startTestDesk(TEST_STORES[0]!);
  let browser: Browser;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
  } catch (error) {
    await desk.close();
    throw error;
  }
  const pageErrors: string[] = [];
  const newPage = async () => {
    const context = await browser.newContext({
      baseURL: desk.url,
      viewport: { width: 1280, height: 800 },
      locale: 'en-US',
      timezoneId: 'America/New_York',
    });
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
    page.on('console', (message) => {
      // A 401 or 4xx the app handles still logs a network line; only script errors count.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
        pageErrors.push(`${page.url()}: ${message.text()}`);
      }
    });
    return page;
  };
  return {
    desk,
    pageErrors,
    newPage,
    signIn,
    async pageAs(username, path) {
      const page = await newPage();
      await signIn(page, username);
      await page.getByRole('button', { name: 'Sign out' }).waitFor();
      if (path !== undefined) await page.goto(path);
      return page;
    },
    async close() {
      await browser.close();
      await desk.close();
    },
  };
}

/**
 * The desk a test file's suite shares: started before its first test (then `seed`, e.g. cases
 * recorded through the API) and closed after its last. Call it in the `describe`.
 */
export function browserDeskForSuite(
  seed?: (desk: TestDesk) => Promise<unknown>,
): Omit<BrowserDesk, 'close'> {
  let started: BrowserDesk | undefined;
  before(async () => {
    started = await startBrowserDesk();
    await seed?.(started.desk);
  });
  after(() => started?.close());
  const current = () => {
    if (started === undefined) throw new Error('the suite’s desk starts before its first test');
    return started;
  };
  return {
    get desk() {
      return current().desk;
    },
    get pageErrors() {
      return current().pageErrors;
    },
    newPage: () => current().newPage(),
    signIn: (page, username, password) => current().signIn(page, username, password),
    pageAs: (username, path) => current().pageAs(username, path),
  };
}

/**
 * Fails, naming each rule and element, when axe-core finds a serious or critical violation of
 * WCAG 2.1 A/AA (contrast, labels, names, landmarks ...) on the page as it stands.
 */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  const bad = results.violations.filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
  if (bad.length > 0) {
    const lines = bad.map(
      (violation) =>
        `${violation.impact ?? ''} ${violation.id}: ${violation.help} (${violation.nodes
          .map((node) => node.target.join(' '))
          .join(', ')})`,
    );
    throw new Error(`accessibility violations on ${page.url()}:\n${lines.join('\n')}`);
  }
}

/** A screenshot for the README and docs/web.md, made by the test run, never by hand. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
