// CSP test page helper, loaded first (a file, never inline: the page runs under
// script-src 'self'): records every Content-Security-Policy and Trusted Types
// violation and every uncaught error, from the first moment of the page.
window.cspViolations = [];
window.pageErrors = [];
document.addEventListener(
  'securitypolicyviolation',
  (e) =>
    window.cspViolations.push({
      directive: e.effectiveDirective || e.violatedDirective,
      blocked: e.blockedURI,
      sample: e.sample,
      source: `${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`,
      disposition: e.disposition,
    }),
  true,
);
addEventListener('error', (e) => window.pageErrors.push(`error: ${e.message} (${e.filename}:${e.lineno})`));
addEventListener('unhandledrejection', (e) => window.pageErrors.push(`unhandled rejection: ${e.reason?.stack ?? e.reason}`));
