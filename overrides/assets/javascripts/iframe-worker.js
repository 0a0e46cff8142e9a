// Search in the offline bundle. Opened from file://, a page may not start a Web Worker, so the
// theme's search worker runs in a hidden frame instead (as the iframe-worker package does). The
// frame's document is a `srcdoc` that only loads iframe-worker-frame.js: it carries no inline
// script, and the page's policy (which it inherits) needs no 'unsafe-inline'. The frame is sent
// the worker's address and one end of a message channel, the way to and from the worker.
(() => {
  const script = new URL("iframe-worker-frame.js", document.currentScript.src).href.replaceAll("&", "&amp;");
  const frame = `<script src="${script}"></script>`;

  class FrameWorker extends EventTarget {
    constructor(url) {
      super();
      const channel = new MessageChannel();
      this.port = channel.port1;
      this.port.onmessage = ({ data }) => {
        const message = new MessageEvent("message", { data });
        this.dispatchEvent(message);
        if (this.onmessage) this.onmessage(message);
      };
      this.iframe = Object.assign(document.createElement("iframe"), { hidden: true, srcdoc: frame });
      this.iframe.addEventListener("load", () =>
        this.iframe.contentWindow.postMessage(`${new URL(url, location)}`, "*", [channel.port2]), { once: true });
      document.body.append(this.iframe);
    }

    postMessage(data) {
      this.port.postMessage(data);
    }

    terminate() {
      this.port.close();
      this.iframe.remove();
    }
  }

  if (location.protocol === "file:") window.Worker = FrameWorker;
})();
