// Steps shared by the journey tests, written the way a user acts: by labels and roles.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export const themeHeadings = [
  'Governance and planning', 'People and capability', 'Administration and data',
  'Performance and payment', 'Relationships and stakeholders', 'Risk, resilience and exit',
  'Contract and supplier development', 'Strategy and market',
];

export const COUNCIL = 'Contract management maturity self-assessment for councils';
export const LEARNER = 'Contract management practice: rate your own';

/** Runs `action`, waits for the download it starts, and returns the file's name, path, bytes
 * and text: saved in `dir` when given, else read where the browser left it. */
export async function download(page, action, dir) {
  const [dl] = await Promise.all([page.waitForEvent('download'), action()]);
  const name = dl.suggestedFilename();
  const path = dir ? join(dir, name) : await dl.path();
  if (dir) await dl.saveAs(path);
  const bytes = await readFile(path);
  return { name, path, bytes, text: bytes.toString('utf8') };
}

/** Clicks the link or button with this accessible name (navigation is links, actions buttons). */
export async function press(page, name, options = {}) {
  const exact = options.exact ?? typeof name === 'string';
  const target = page.getByRole('link', { name, exact }).or(page.getByRole('button', { name, exact })).first();
  await target.click();
}

export async function start(page, { framework, kind, organisation, role }) {
  // A returning user's start button is the second choice, "Start a new assessment".
  const button = page.getByRole('button', { name: /^(Start|Start a new assessment)$/ });
  await button.waitFor();
  if (framework) await page.getByRole('radio', { name: framework }).check();
  await page.getByRole('radio', { name: kind }).check();
  if (organisation) await page.getByLabel('Council or organisation (optional)').fill(organisation);
  if (role) await page.getByLabel('Your role (optional)').fill(role);
  await button.click();
  await page.getByRole('heading', { level: 1, name: 'Your assessment' }).waitFor();
}

/** Picks the rung whose hint starts with `level` (for example 'Level 3') in the first `count` questions. */
export async function answerTheme(page, level, note, count = Infinity) {
  const groups = page.locator('fieldset.cmm-fieldset');
  await groups.first().waitFor();
  const n = Math.min(await groups.count(), count);
  for (let i = 0; i < n; i++) {
    const group = groups.nth(i);
    const hint = page.locator('.cmm-radios__hint', { hasText: new RegExp(`^${level}:`) });
    await group.locator('.cmm-radios__item', { has: hint }).getByRole('radio').check();
    if (note && i === 0) await page.getByLabel(/Evidence or notes/).first().fill(note);
  }
  await page.getByText('Saved in this browser').waitFor();
}

export async function savedData(page, namespace = 'cmm') {
  const raw = await page.evaluate((key) => window.localStorage.getItem(key), `${namespace}:data`);
  return raw === null ? null : JSON.parse(raw);
}

/** The assessment this tab works on. */
export async function currentId(page, namespace = 'cmm') {
  return page.evaluate((key) => window.sessionStorage.getItem(key), `${namespace}:tab`);
}

/** Writes raw values into the app origin's localStorage before the app loads. */
export async function seedStorage(page, baseUrl, entries) {
  await page.goto(`${baseUrl}data/benchmarks.json`);
  await page.evaluate((e) => { for (const [k, v] of Object.entries(e)) localStorage.setItem(k, v); }, entries);
  // The JSON page's own favicon request 404s; that is not the app's error.
  page.errors?.splice(0);
}

/** Seeds saved data (schema 3) with `current` as the assessment a new tab opens, then opens `route`. */
export async function openWith(page, baseUrl, data, { current, route = 'overview' } = {}) {
  const entries = { 'cmm:data': typeof data === 'string' ? data : JSON.stringify(data) };
  if (current) entries['cmm:last'] = current;
  await seedStorage(page, baseUrl, entries);
  await page.goto(`${baseUrl}#/${route}`);
}

/** The framework's question ids by theme, for writing seeded answers. */
export function answersFor(framework, rate) {
  const answers = {};
  for (const theme of framework.themes) {
    theme.questions.forEach((q, i) => {
      const rating = rate(theme, q, i);
      if (rating !== undefined) answers[q.id] = { rating };
    });
  }
  return answers;
}
