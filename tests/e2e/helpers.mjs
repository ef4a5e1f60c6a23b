// Shared set-up for the browser tests: Debian's Chromium driven by playwright-core, and the
// release build served on loopback.
import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { readFile } from 'node:fs/promises';
import { serve } from './server.mjs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const DIST = process.env.DIST_DIR ?? 'dist';

export const ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export async function launch() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}

// Ways to find a test that reads a screen before it has arrived (not used by the test command):
// CMM_E2E_SLOW_MODULES=<ms> delays every split module, CMM_E2E_CPU=<rate> slows the CPU.
const SLOW_MODULES = Number(process.env.CMM_E2E_SLOW_MODULES ?? 0);
const CPU = Number(process.env.CMM_E2E_CPU ?? 1);

async function slowDown(context) {
  if (SLOW_MODULES > 0) {
    await context.route(/\/chunk_\d+-[0-9a-f]+\.wasm/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, SLOW_MODULES));
      await route.fallback();
    });
  }
  if (CPU > 1) {
    context.on('page', (page) => {
      context.newCDPSession(page)
        .then((cdp) => cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU }))
        .catch(() => {});
    });
  }
}

/** Starts the server and a browser; returns them with a cleanup. */
export async function setup() {
  const server = await serve(DIST);
  const browser = await launch();
  return {
    server,
    browser,
    async newPage(options = {}) {
      // The offline worker is tested on its own (offline.test.mjs); elsewhere it would only add
      // its background download of the release to every journey's requests.
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block', ...options });
      await slowDown(context);
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('console', (m) => {
        // A JSON page opened to seed storage asks for /favicon.ico; that 404 is not the app's.
        if (m.type() === 'error' && !m.location()?.url?.endsWith('/favicon.ico')) errors.push(m.text());
      });
      page.errors = errors;
      return page;
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** Runs axe with the WCAG 2.0/2.1/2.2 A and AA rules and returns the violations. */
export async function axe(page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** The framework the build serves, to write test data against its real question ids. */
export async function loadFramework(file = 'framework.json', lang = 'en') {
  return inLanguage(JSON.parse(await readFile(`${DIST}/data/${file}`, 'utf8')), lang);
}

/** A content file with every {"en": …, "cy": …} text reduced to one language's string. */
export function inLanguage(value, lang) {
  if (Array.isArray(value)) return value.map((v) => inLanguage(v, lang));
  if (value && typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length && keys.every((k) => /^[a-z]{2}$/.test(k)) && typeof value[lang] === 'string') return value[lang];
    // The result is a file in that one language.
    return Object.fromEntries(keys.map((k) => [k, k === 'languages' ? [lang] : inLanguage(value[k], lang)]));
  }
  return value;
}
