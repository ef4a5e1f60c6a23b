// For pages that embed the self-assessment in an iframe: sizes each iframe marked
// data-cmm-frame to its content, from the height the widget reports, and tells the widget what
// the frame's sandbox forbids, so it can say so instead of offering what cannot work.
// No dependencies. Only messages from the iframe's own window (and its origin) are believed.
(() => {
  // What the widget needs from a sandbox: scripts to run, its own origin (for storage and for
  // its files), downloads (exports), modals (printing).
  const NEEDED = ['allow-scripts', 'allow-same-origin', 'allow-downloads', 'allow-modals'];
  const frames = () => [...document.querySelectorAll('iframe[data-cmm-frame]')];
  const missing = (frame) => (frame.hasAttribute('sandbox') ? NEEDED.filter((t) => !frame.sandbox.contains(t)) : []);
  // Full width and no border, set here so the host page needs no inline styles.
  const prepare = () => frames().forEach((frame) => {
    frame.style.width = '100%';
    frame.style.border = '0';
    frame.style.display = 'block';
    const lacking = missing(frame);
    if (lacking.length) {
      console.warn(`The self-assessment's iframe sandbox lacks ${lacking.join(', ')}; some features will not work.`);
    }
    if (lacking.includes('allow-scripts') && !frame.nextElementSibling?.matches?.('[data-cmm-sandbox-note]')) {
      // Nothing can run in the frame: say so beside it, rather than leave a blank space.
      const note = document.createElement('p');
      note.setAttribute('data-cmm-sandbox-note', '');
      note.setAttribute('role', 'alert');
      note.textContent = 'The self-assessment cannot run here: its frame needs allow-scripts and allow-same-origin in its sandbox attribute.';
      frame.after(note);
    }
  });
  if (document.readyState === 'loading') addEventListener('DOMContentLoaded', prepare);
  else prepare();
  addEventListener('message', (event) => {
    const data = event.data;
    if (!data || data.type !== 'cmm:height' || typeof data.height !== 'number') return;
    for (const frame of frames()) {
      if (event.source !== frame.contentWindow) continue;
      const lacking = missing(frame);
      // A frame sandboxed without allow-same-origin has no origin of its own ("null").
      const origin = lacking.includes('allow-same-origin') ? 'null' : new URL(frame.src, location.href).origin;
      if (event.origin !== origin) return;
      const height = Math.min(Math.max(Math.ceil(data.height), 100), 100000);
      frame.style.height = `${height}px`;
      // Told with every height report, so a widget still starting up hears it too.
      if (lacking.length) event.source.postMessage({ type: 'cmm:sandbox', missing: lacking }, '*');
      return;
    }
  });
})();
