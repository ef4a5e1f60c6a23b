// For pages that embed the self-assessment in an iframe: sizes each iframe marked
// data-cmm-frame to its content, from the height the widget reports. No dependencies.
// Only messages from the iframe's own window and origin are believed.
(() => {
  const frames = () => [...document.querySelectorAll('iframe[data-cmm-frame]')];
  // Full width and no border, set here so the host page needs no inline styles.
  const prepare = () => frames().forEach((frame) => {
    frame.style.width = '100%';
    frame.style.border = '0';
    frame.style.display = 'block';
  });
  if (document.readyState === 'loading') addEventListener('DOMContentLoaded', prepare);
  else prepare();
  addEventListener('message', (event) => {
    const data = event.data;
    if (!data || data.type !== 'cmm:height' || typeof data.height !== 'number') return;
    for (const frame of frames()) {
      if (event.source !== frame.contentWindow) continue;
      if (event.origin !== new URL(frame.src, location.href).origin) return;
      const height = Math.min(Math.max(Math.ceil(data.height), 100), 100000);
      frame.style.height = `${height}px`;
      return;
    }
  });
})();
