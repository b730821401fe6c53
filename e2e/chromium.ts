// The Chromium lookup lives in lib/ because the build renders diagrams with it too.
export { chromiumArgs, findChromium } from '../lib/chromium';
