// Post-processing of the page build-docs writes, limited to what neither Redoc's options nor the page template can
// reach. Each step names the reason, and each fails loudly when build-docs' output no longer has the expected shape
// (a silent no-op would quietly bring the problem back).

// build-docs pre-renders the page with a plain router at base path "/", so every pre-rendered link is `href="/paging"`;
// the page then hydrates under Redoc's hash router, and React keeps the pre-rendered attributes. Those links 404 in a
// new tab or a bookmark and point at file:/// offline. Rewrite them to the hash routes the router itself uses.
function hashRoutes(html: string): string {
  const start = html.indexOf('<div id="redoc">');
  const end = html.indexOf('<script type="module">', start);
  if (start < 0 || end < 0) throw new Error('build-docs output has no pre-rendered <div id="redoc"> followed by its module script');
  const markup = html.slice(start, end).replace(/ href="\/(?!\/)([^"]*)"/g, ' href="#/$1"');
  return html.slice(0, start) + markup + html.slice(end);
}

// The inline module (Redoc, 2.3 MB, and the definition) is deferred, so DOMContentLoaded waits for Redoc to parse and
// hydrate. The pre-rendered page is already readable without it: `async` lets the document finish first, and the
// hydration (React's heavy part) waits for DOMContentLoaded, instead of holding it for a second.
const HYDRATE = "hydrate(__redoc_definition, __redoc_options, document.getElementById('redoc'));";

function asyncHydration(html: string): string {
  if (!html.includes('<script type="module">') || !html.includes(HYDRATE)) throw new Error('build-docs output has no inline module script ending in its hydrate() call');
  const later = `const start = () => ${HYDRATE.slice(0, -1)};\n      if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });\n      else start();`;
  return html.replace('<script type="module">', '<script type="module" async>').replace(HYDRATE, later);
}

// Redoc's bundle still loads its logo from Redocly's CDN, for the "API docs by Redocly" credit. Inline a legible
// wordmark instead, so the page makes no request off its own host (offline, strict networks).
const wordmark = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" width="52" height="16" viewBox="0 0 52 16"><text x="0" y="12.5" font-family="sans-serif" font-size="12" font-weight="600" fill="#3b3c45">Redocly</text></svg>',
)}`;

function selfContained(html: string): string {
  const logos = ['https://cdn.redoc.ly/redoc/logo-mini-full.svg', 'https://cdn.redoc.ly/redoc/logo-mini.svg'];
  if (!logos.some((l) => html.includes(l))) throw new Error("build-docs output no longer names Redoc's CDN logo: check for other off-host requests");
  return logos.reduce((h, logo) => h.replaceAll(logo, wordmark), html);
}

// Redoc 3.0.1 labels an HTTP security scheme's `scheme` (basic, bearer) "HTTP Authorization Scheme" but prints its
// `type` there, so the page read "HTTP Authorization Scheme: http". Print the scheme, as the label says.
const SCHEME_ROW = 'label:t(`httpAuthorizationScheme`,`HTTP Authorization Scheme`),value:e.type}';

function httpSchemeLabel(html: string): string {
  if (!html.includes(SCHEME_ROW)) throw new Error("Redoc's security-scheme row changed: check whether it still prints the scheme's type as its HTTP scheme");
  return html.replace(SCHEME_ROW, 'label:t(`httpAuthorizationScheme`,`HTTP Authorization Scheme`),value:e.scheme??e.type}');
}

export function finishHtml(html: string): string {
  return httpSchemeLabel(selfContained(asyncHydration(hashRoutes(html))));
}
