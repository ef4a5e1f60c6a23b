// Script mode: mounts the self-assessment into every element with a data-cmm-widget attribute.
// Each widget lives in its own Shadow DOM, so its styles and the host page's styles stay apart.
// Load with: <script type="module" src="https://WIDGET-HOST/embed.js"></script>
import init, { mount } from './cm-maturity.js';

const base = new URL('./', import.meta.url).href;
await init({ module_or_path: new URL('cm-maturity_bg.wasm', base) });

for (const host of document.querySelectorAll('[data-cmm-widget]')) {
  if (host.shadowRoot) continue;
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('link');
  style.rel = 'stylesheet';
  style.href = new URL('main.css', base).href;
  const root = document.createElement('div');
  shadow.append(style, root);
  mount(root, Object.entries(host.dataset), base);
}
