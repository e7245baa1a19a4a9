"""Hostile documents for the fuzz tests: PDFs and HTML pages built to break a reader.

Owns generating, from a seed, a few hundred inputs of the kinds that have
crashed or stalled readers: PDFs with impossible page boxes, broken
cross-reference tables, thousands of pages, one grid shared by many pages,
objects nested thousands deep, strings in no known encoding, decompression
bombs, truncations and flipped bytes; HTML pages nested thousands deep, in
the wrong encoding, empty, binary, or cut from a real layout at random.
Everything here is generated; nothing is copied from a real document.
"""

from __future__ import annotations

import random
import zlib
from collections.abc import Iterator
from pathlib import Path

FIXTURES = Path(__file__).parents[1] / "fixtures" / "london_gov"


def _pdf(objects: list[bytes]) -> bytes:
    """A PDF whose objects are numbered from 1 in order; object 1 is the catalog. Offsets are right."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def grid(lines: int = 120) -> bytes:
    """A content stream ruling a table of `lines` rows with a date in each: the shape of a deployment record."""
    ops = [b"0.5 w"]
    for i in range(lines + 1):
        y = 560 - i * 4.5
        ops.append(b"20 %.1f m 820 %.1f l S" % (y, y))
    for x in range(20, 821, 50):
        ops.append(b"%d 20 m %d 560 l S" % (x, x))
    ops.append(b"BT /F1 3 Tf")
    for i in range(lines):
        ops.append(b"1 0 0 1 22 %.1f Tm (%02d/%02d/24) Tj" % (557 - i * 4.5, 1 + i % 28, 1 + i % 12))
    ops.append(b"ET")
    return b"\n".join(ops)


def pages_pdf(pages: int, content: bytes = b"BT /F1 12 Tf 72 720 Td (hello) Tj ET", box: bytes = b"[0 0 842 595]",
              shared: bool = True) -> bytes:
    """`pages` pages showing `content`; with `shared`, one content stream object used by every page."""
    font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
    kids_start = 5
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"", font, _stream(content)]
    kids = []
    for i in range(pages):
        stream_ref = 4 if shared else kids_start + pages + i
        kids.append(b"%d 0 R" % (kids_start + i))
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox %s /Resources << /Font << /F1 3 0 R >> >> "
                       b"/Contents %d 0 R >>" % (box, stream_ref))
    if not shared:
        objects += [_stream(content)] * pages
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), pages)
    return _pdf(objects)


def nested_pdf(depth: int) -> bytes:
    """An object nested `depth` arrays deep inside the page dictionary."""
    deep = b"[" * depth + b"0" + b"]" * depth
    return _pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                 b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Junk %s >>" % deep])


def bomb_pdf(megabytes: int) -> bytes:
    """A page whose content stream inflates to `megabytes` of spaces."""
    packed = zlib.compress(b" " * (megabytes * 1024 * 1024), 9)
    return _pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                 b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
                 _stream(packed, b"/Filter /FlateDecode")])


BOXES = [b"[0 0]", b"[(a) (b) (c) (d)]", b"[0 0 0 0]", b"[0 0 -612 -792]", b"[0 0 1e30 1e30]", b"[0 0 612]",
         b"[]", b"null", b"(box)", b"[0 0 612 792 5 6]", b"[/a /b /c /d]", b"<< >>"]


def hostile_pdfs(seed: int = 2026) -> Iterator[tuple[str, bytes]]:
    """(name, bytes) of a few hundred hostile PDFs."""
    rng = random.Random(seed)
    base = pages_pdf(3, grid(30))
    yield "empty", b""
    yield "header-only", b"%PDF-1.7\n"
    yield "not-a-pdf", b"<html>not a pdf</html>"
    for i in range(20):
        yield f"binary-{i}", b"%PDF-1.4\n" + rng.randbytes(rng.randint(10, 5000))
    for box in BOXES:
        yield f"box-{box.decode()}", pages_pdf(1, grid(10), box=box)
    for i in range(25):
        cut = rng.randint(0, len(base))
        yield f"truncated-{cut}", base[:cut]
    for i in range(35):
        data = bytearray(base)
        for _ in range(rng.randint(1, 40)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        yield f"flipped-{i}", bytes(data)
    yield "xref-renamed", base.replace(b"xref", b"xrfe")
    yield "startxref-wrong", base.replace(b"startxref\n", b"startxref\n9999999")
    yield "no-trailer", base.split(b"trailer")[0]
    yield "root-missing", base.replace(b"/Root 1 0 R", b"/Root 99 0 R")
    yield "pages-loop", _pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [2 0 R] /Count 1 >>"])
    for n in (150, 201, 2000):
        yield f"pages-{n}", pages_pdf(n)
    for n in (5, 40, 150):
        yield f"shared-grid-{n}", pages_pdf(n, grid(120))
    for depth in (100, 1000, 10000, 100000):
        yield f"nested-{depth}", nested_pdf(depth)
    for i in range(20):
        junk = b"".join(b"(%s) Tj " % bytes(rng.randrange(256) for _ in range(12)).replace(b"(", b"").replace(
            b")", b"").replace(b"\\", b"") for _ in range(30))
        yield f"encoding-{i}", pages_pdf(1, b"BT /F1 10 Tf 72 500 Td " + junk + b" ET")
    yield "bomb-300mb", bomb_pdf(300)


def hostile_pages(seed: int = 2026) -> Iterator[tuple[str, bytes]]:
    """(name, bytes) of hostile question pages."""
    rng = random.Random(seed)
    fixtures = sorted(FIXTURES.glob("new_*.html")) + sorted(FIXTURES.glob("old_*.html"))
    new = (FIXTURES / "new_answer_with_figures_in_words.html").read_text(encoding="utf-8")
    old = (FIXTURES / "old_question_asker_sian_berry.html").read_text(encoding="utf-8")
    yield "empty", b""
    yield "whitespace", b" \n\t "
    for i in range(15):
        yield f"binary-{i}", rng.randbytes(rng.randint(1, 20000))
    for depth in (300, 2000, 10000):
        for name, page in (("new", new), ("old", old)):
            marker = "The MPS" if "The MPS" in page else "<p>"
            yield f"nested-{name}-{depth}", page.replace(marker, "<div>" * depth + marker + "</div>" * depth, 1).encode()
    yield "utf16-no-bom", new.encode("utf-16-le")
    yield "latin1-declared-utf8", new.replace("Stratford", "Stratförd").encode("latin-1", "replace")
    yield "charset-lie", new.replace("<head>", '<head><meta charset="shift_jis">', 1).encode()
    yield "huge-attribute", new.replace("<body", '<body data-x="' + "x" * 2_000_000 + '"', 1).encode()
    yield "many-tables", new.replace("The MPS", "<table>" + "<tr><td>1</td></tr>" * 20000 + "</table>The MPS", 1).encode()
    yield "huge-text", new.replace("The MPS", "eight alerts. " * 100000 + "The MPS", 1).encode()
    yield "unclosed-tags", (new.replace("</div>", "") + "<div>" * 500).encode()
    for i in range(60):
        page = rng.choice(fixtures).read_bytes()
        cut = bytearray(page)
        for _ in range(rng.randint(1, 200)):
            del cut[rng.randrange(len(cut))]
        yield f"mutated-{i}", bytes(cut)
    for i in range(20):
        page = rng.choice(fixtures).read_bytes()
        yield f"truncated-{i}", page[:rng.randrange(len(page))]
