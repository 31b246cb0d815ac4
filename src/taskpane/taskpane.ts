/*
 * Task pane entry (placeholder until the React/Fluent UI pane lands). The page shows the version
 * statically (see taskpane.html); this script only reports whether Office.js came up and in which host.
 */
function setStatus(text: string): void {
  const status = document.getElementById('sizer-status');
  if (status) status.textContent = text;
}

// Office.js comes from the CDN; if it was blocked or unreachable the global is missing, and we say so
// instead of throwing a ReferenceError.
if (typeof Office === 'undefined') {
  setStatus('Office.js did not load: open this page from Excel.');
} else {
  void Office.onReady((info) => {
    setStatus(info.host ? `Ready in ${info.host} (${info.platform}).` : 'Office.js loaded outside Office.');
  });
}
