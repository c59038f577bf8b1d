// Classic script, loaded first: collects CSP violations and errors from every later script.
window.__tagwerkReport = { violations: [], errors: [] };
document.addEventListener('securitypolicyviolation', function (e) {
  window.__tagwerkReport.violations.push(
    e.violatedDirective + ' blocked ' + (e.blockedURI || '(inline)') + ' at ' + e.sourceFile + ':' + e.lineNumber,
  );
});
window.addEventListener('error', function (e) {
  window.__tagwerkReport.errors.push(String(e.message) + ' at ' + e.filename);
});
