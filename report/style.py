"""The report page's stylesheet and script, and the Content-Security-Policy that allows exactly them.

Owns what the page inlines besides its content: no external file, font or
library (the report must render offline). The policy names the style and
the script by their sha256, so no other style or script on the page can
apply or run, whatever a source's text contains.

report/render.py inlines STYLE and SCRIPT into the page unescaped and
unchanged: the hashes are of exactly these strings.

Must not: hold content from the sources.
Proof: tests/test_report_browser.py (no console errors, no requests, no dialogs),
tests/test_report.py (test_the_page_is_self_contained).
"""

from __future__ import annotations

import base64
import hashlib

STYLE = """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1d2430;background:#f6f7f9}
main{max-width:1080px;margin:0 auto;padding:24px}
h1{font-size:26px;margin:0 0 4px}h2{font-size:20px;margin:32px 0 8px;border-bottom:2px solid #d7dbe2;padding-bottom:4px}
.meta{color:#596273;margin:0}.cards{display:flex;flex-wrap:wrap;gap:12px;margin:16px 0}
.card{background:#fff;border:1px solid #d7dbe2;border-radius:6px;padding:10px 14px;min-width:150px}
.card b{display:block;font-size:22px}.card span{color:#596273;font-size:13px}
figure{background:#fff;border:1px solid #d7dbe2;border-radius:6px;margin:12px 0;padding:12px}
figcaption{font-weight:600;margin-bottom:6px}figcaption small{font-weight:400;color:#596273;display:block}
svg.chart{width:100%;height:auto;display:block}
.grid{stroke:#e3e6eb}.axis{stroke:#8a93a3}.tick,.label{font-size:12px;fill:#596273}
.completed{fill:#2f6db5}.aborted{fill:#c9822b}.faces{fill:#5b8c5a}.true{fill:#2f6db5}.false{fill:#c23b3b}
.per-face{fill:#7a4fb0}.per-alert{fill:#c23b3b}.arrests{fill:#3d4a5c}.disposals{fill:#9aa6b8}
.hatch-bg{fill:#3d4a5c}.hatch-line{stroke:#f6f7f9;stroke-width:2}
.legend{list-style:none;padding:0;margin:6px 0 0;display:flex;flex-wrap:wrap;gap:14px;font-size:13px}
.swatch{display:inline-block;width:12px;height:12px;margin-right:5px;vertical-align:-1px}
span.completed,span.true,span.arrests{background:#2f6db5}span.aborted{background:#c9822b}span.faces{background:#5b8c5a}
span.false,span.per-alert{background:#c23b3b}span.per-face{background:#7a4fb0}span.disposals{background:#9aa6b8}
span.arrests{background:#3d4a5c}
span.hatched{background:repeating-linear-gradient(45deg,#3d4a5c 0 3px,#f6f7f9 3px 5px)}
table{border-collapse:collapse;width:100%;background:#fff;font-size:13px;margin:8px 0}
th,td{border:1px solid #d7dbe2;padding:4px 6px;text-align:left;vertical-align:top;overflow-wrap:anywhere}
th,td.n,td.s{white-space:nowrap}
th{background:#eef0f4;cursor:pointer}td.n{text-align:right;font-variant-numeric:tabular-nums}
.badge{border-radius:3px;padding:1px 6px;font-size:12px;white-space:nowrap}
.contradicts,.failing,.open{background:#f8d7d7}.review,.acknowledged,.never_read{background:#fbecc8}
.agrees,.ok{background:#d8efd9}.note{color:#596273;font-size:13px}
.sample{background:#fff3c4;border:2px solid #b58900;padding:8px 12px;font-weight:600}
details{margin:8px 0}summary{cursor:pointer;font-weight:600}td details{margin:2px 0}td summary{font-weight:400}
"""

SCRIPT = """
function key(cell) {
  var text = cell.textContent.trim(), plain = text.replace(/[,%*\\s]/g, "");
  return /^-?[0-9.]+$/.test(plain) ? parseFloat(plain) : text;
}
document.querySelectorAll("table.sortable th").forEach(function (th, col) {
  th.addEventListener("click", function () {
    var body = th.closest("table").tBodies[0], asc = th.dataset.dir !== "asc";
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = key(a.cells[col]), y = key(b.cells[col]);
      var c = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
      return asc ? c : -c;
    });
    rows.forEach(function (r) { body.appendChild(r); });
    th.dataset.dir = asc ? "asc" : "desc";
  });
});
document.documentElement.dataset.ready = document.querySelectorAll("svg.chart").length;
"""


def _sha(text: str) -> str:
    """A CSP source naming `text` by its sha256."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


CSP = (f"default-src 'none'; style-src {_sha(STYLE)}; script-src {_sha(SCRIPT)}; img-src data:; "
       "base-uri 'none'; form-action 'none'")
