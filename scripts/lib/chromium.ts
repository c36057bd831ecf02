// Debian's Chromium, never a downloaded browser (see ../shared/OFFLINE-STACK.md), launched the
// same way by Playwright's tests and by the benchmarks: no sandbox (containers), no GPU, and
// nothing that reaches for the network by itself.
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
  ],
};
