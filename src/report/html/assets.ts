/**
 * The report's only style and script, inlined: the file must open offline and from an archive,
 * so it loads nothing (its Content-Security-Policy forbids any fetch).
 */
export const STYLE = `
:root { --allow: #c8efd0; --deny: #dde3ec; --error: #ffdca8; --drift: #ffc9c9; --drift-edge: #c62828; --ink: #1d232b; --muted: #5c6670; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); margin: 0 auto; max-width: 1200px; padding: 16px 24px 48px; }
h1 { font-size: 22px; margin: 8px 0; } h2 { font-size: 18px; margin: 28px 0 8px; border-bottom: 1px solid #d6dbe0; padding-bottom: 4px; } h3 { font-size: 15px; margin: 16px 0 6px; }
.meta { color: var(--muted); margin: 0; }
.badge { font-size: 13px; padding: 2px 8px; border-radius: 10px; vertical-align: middle; color: #fff; }
.badge.pass { background: #2e7d32; } .badge.fail { background: var(--drift-edge); }
table { border-collapse: collapse; margin: 6px 0; }
th, td { border: 1px solid #d6dbe0; padding: 4px 8px; text-align: left; vertical-align: top; }
thead th { background: #f3f5f7; }
nav#filters { position: sticky; top: 0; background: #fff; padding: 8px 0; border-bottom: 1px solid #d6dbe0; display: flex; flex-wrap: wrap; gap: 6px 16px; z-index: 1; }
nav#filters label { cursor: pointer; user-select: none; }
.count { color: var(--muted); }
table.matrix td.cell { text-align: center; min-width: 110px; }
td.cell .obs { display: block; font-weight: 600; }
td.cell .exp { display: block; font-size: 11px; color: var(--muted); }
td.cell.observed-allow { background: var(--allow); }
td.cell.observed-deny { background: var(--deny); }
td.cell.observed-error { background: var(--error); }
td.cell.drift { background: var(--drift); outline: 3px solid var(--drift-edge); outline-offset: -3px; }
td.cell.drift .obs::before { content: "⚠ "; color: var(--drift-edge); }
td.cell.missing { color: var(--muted); }
.legend span { display: inline-block; padding: 0 8px; margin-right: 6px; border-radius: 3px; }
.legend .allow { background: var(--allow); } .legend .deny { background: var(--deny); } .legend .error { background: var(--error); } .legend .drift { background: var(--drift); outline: 2px solid var(--drift-edge); }
.held { color: #2e7d32; } .broken { color: var(--drift-edge); font-weight: 600; }
details.case { border: 1px solid #d6dbe0; border-left: 4px solid var(--drift-edge); border-radius: 4px; margin: 6px 0; padding: 4px 10px; }
details.case[data-verdict="error"] { border-left-color: #ef6c00; }
details.case > summary { cursor: pointer; }
pre { background: #f6f8fa; padding: 8px; overflow-x: auto; white-space: pre-wrap; word-break: break-all; font-size: 12px; }
code { font-size: 12px; background: #f3f5f7; padding: 1px 4px; border-radius: 3px; word-break: break-all; }
tr.case-row[data-verdict="failed"] td.verdict, tr.case-row[data-verdict="error"] td.verdict { color: var(--drift-edge); font-weight: 600; }
[hidden] { display: none !important; }
`;

/** Suite filter: hides every element of an unticked suite, and endpoint groups left empty. */
export const SCRIPT = `
(() => {
  const boxes = Array.from(document.querySelectorAll('input[data-suite-filter]'));
  const onlyFailing = document.getElementById('only-failing');
  function apply() {
    const shown = new Set(boxes.filter((b) => b.checked).map((b) => b.dataset.suiteFilter));
    const failingOnly = onlyFailing !== null && onlyFailing.checked;
    for (const el of document.querySelectorAll('[data-suite]')) {
      el.hidden = !shown.has(el.dataset.suite) || (failingOnly && el.dataset.verdict === 'passed');
    }
    for (const group of document.querySelectorAll('[data-endpoint-group]')) {
      group.hidden = group.querySelector('[data-suite]:not([hidden])') === null;
    }
    document.body.dataset.suites = Array.from(shown).join(' ');
  }
  for (const box of boxes) box.addEventListener('change', apply);
  if (onlyFailing) onlyFailing.addEventListener('change', apply);
  apply();
})();
`;
