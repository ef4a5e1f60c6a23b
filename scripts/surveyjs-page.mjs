// Builds the peer page for the benchmark: the same framework as a SurveyJS survey (survey-core
// and survey-js-ui from npm, the free library), one page per theme, answers kept in
// localStorage as SurveyJS users hand-build it, and a Chart.js radar of theme levels loaded on
// completion. Used only by scripts/bench.mjs, never shipped.
// Usage: node scripts/surveyjs-page.mjs <framework.json> <out-dir>
import { build } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function surveyJson(framework) {
  const levels = framework.levels.map((l) => l.name);
  return {
    title: framework.title,
    showProgressBar: 'top',
    pages: framework.themes.map((theme) => ({
      name: theme.id,
      title: theme.title,
      description: theme.summary,
      elements: theme.questions.map((q) => ({
        type: 'radiogroup',
        name: q.id,
        title: q.prompt,
        description: 'Each statement includes the ones before it. Pick the highest one that is fully true today.',
        choices: [
          ...q.levels.map((rung, i) => ({ value: i + 1, text: `${rung.statement} (Level ${i + 1}: ${levels[i]})` })),
          { value: 'dontKnow', text: "Don't know" },
          { value: 'notApplicable', text: 'Not applicable' },
        ],
      })).concat(theme.questions.map((q) => ({
        type: 'comment', name: `${q.id}-note`, title: 'Evidence or notes (optional)',
      }))),
    })),
  };
}

const entry = `
import { Model } from 'survey-core';
import { renderSurvey } from 'survey-js-ui';
import json from './survey.json';
const KEY = 'sjs:data';
const survey = new Model(json);
const saved = localStorage.getItem(KEY);
if (saved) {
  const { data, page } = JSON.parse(saved);
  survey.data = data;
  if (page) survey.currentPageNo = page;
}
const save = () => localStorage.setItem(KEY, JSON.stringify({ data: survey.data, page: survey.currentPageNo }));
survey.onValueChanged.add(save);
survey.onCurrentPageChanged.add(save);
survey.onComplete.add(async (s) => {
  const { Chart, registerables } = await import('chart.js');
  Chart.register(...registerables);
  const canvas = document.createElement('canvas');
  document.getElementById('results').append(canvas);
  const means = json.pages.map((p) => {
    const values = p.elements.map((e) => s.data[e.name]).filter((v) => typeof v === 'number');
    return values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
  });
  new Chart(canvas, { type: 'radar', data: { labels: json.pages.map((p) => p.title), datasets: [{ label: 'Level', data: means }] }, options: { scales: { r: { min: 0, max: 5 } } } });
});
renderSurvey(survey, document.getElementById('survey'));
`;

export async function surveyPage(framework, outDir) {
  mkdirSync(outDir, { recursive: true });
  const work = join(root, 'target/bench/surveyjs-src');
  mkdirSync(work, { recursive: true });
  writeFileSync(join(work, 'survey.json'), JSON.stringify(surveyJson(framework)));
  writeFileSync(join(work, 'main.js'), entry);
  await build({
    entryPoints: [join(work, 'main.js')],
    bundle: true, minify: true, format: 'esm', splitting: true, target: ['es2020'],
    outdir: outDir, nodePaths: [join(root, 'node_modules')], logLevel: 'warning',
  });
  copyFileSync(join(root, 'node_modules/survey-core/survey-core.min.css'), join(outDir, 'survey-core.min.css'));
  writeFileSync(join(outDir, 'index.html'), `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${framework.title} (SurveyJS)</title>
<link rel="stylesheet" href="survey-core.min.css"></head>
<body><div id="survey"></div><div id="results"></div>
<script type="module" src="main.js"></script></body></html>
`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const framework = JSON.parse(readFileSync(process.argv[2], 'utf8'));
  await surveyPage(framework, process.argv[3]);
  console.log(`SurveyJS page in ${process.argv[3]}`);
}
