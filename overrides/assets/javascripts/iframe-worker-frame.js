// The frame of iframe-worker.js: given a worker's address and a message port, it runs the worker
// as a worker would run: messages come and go through the port, `importScripts` loads scripts
// relative to the worker's address, and there is no parent window.
(() => {
  const opener = parent;
  const load = (url) => new Promise((loaded, failed) =>
    document.head.append(Object.assign(document.createElement("script"), { src: url, onload: loaded, onerror: failed })));

  addEventListener("message", function start({ source, data: worker, ports: [port] }) {
    if (source !== opener || !port) return;
    removeEventListener("message", start);
    window.parent = undefined;  // as in a worker (the theme's worker, given a parent, looks there for the iframe-worker package)
    window.postMessage = (data) => port.postMessage(data);
    window.importScripts = (...urls) =>
      urls.reduce((done, url) => done.then(() => load(new URL(url, worker))), Promise.resolve());
    load(worker).then(() => {
      port.onmessage = ({ data }) => dispatchEvent(new MessageEvent("message", { data }));
    });
  });
})();
