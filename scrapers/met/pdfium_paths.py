"""A pdfium path object as the rects, lines and curves pdfminer's paint_path makes of it.

pdfplumber's table finder takes its ruling lines from these; pdfium_page.py
reads the page. A path segment pdfium reports that pdfminer has no rule
for raises Fallback (the page is then read by pdfplumber itself).
Pure geometry over pypdfium2's raw API. Proof: tests/test_met_pdfium_page.py.
"""

from __future__ import annotations

import ctypes
import re

import pypdfium2.raw as raw

SUBPATH = re.compile(r"m[^m]+")


class Fallback(Exception):
    """pdfium's reading of this page cannot be made the same as pdfminer's: pdfplumber reads it instead."""


def path_objects(obj, matrix, height, doctop, rects, lines, curves) -> None:
    """One path object as pdfminer's paint_path makes it: a rect, a line or a curve per subpath."""
    a, b, c, d, e, f = matrix
    x, y = ctypes.c_float(), ctypes.c_float()
    ops: list[str] = []
    points: list[tuple[float, float]] = []
    bezier = 0
    start = None
    for n in range(raw.FPDFPath_CountSegments(obj)):
        segment = raw.FPDFPath_GetPathSegment(obj, n)
        raw.FPDFPathSegment_GetPoint(segment, x, y)
        point = (a * x.value + c * y.value + e, b * x.value + d * y.value + f)
        kind = raw.FPDFPathSegment_GetType(segment)
        if kind == raw.FPDF_SEGMENT_MOVETO:
            ops.append("m")
            points.append(point)
            start = point
            bezier = 0
        elif kind == raw.FPDF_SEGMENT_LINETO:
            ops.append("l")
            points.append(point)
        elif kind == raw.FPDF_SEGMENT_BEZIERTO:
            bezier += 1
            if bezier % 3:
                continue  # control points: pdfminer keeps a curve's end point only
            ops.append("c")
            points.append(point)
        else:
            raise Fallback("unknown path segment")
        if raw.FPDFPathSegment_GetClose(segment):
            ops.append("h")
            points.append(start if start is not None else point)
    shape = "".join(ops)
    if shape[:1] != "m":
        return
    for m in SUBPATH.finditer(shape):
        _subpath(shape[m.start() : m.end()], points[m.start() : m.end()], height, doctop, rects, lines, curves)


def _subpath(shape, pts, height, doctop, rects, lines, curves) -> None:
    pts = list(pts)
    if len(shape) > 3 and shape[-2:] == "lh" and pts[-2] == pts[0]:
        shape = shape[:-2] + "h"
        pts.pop()
    if shape in ("mlh", "ml"):
        lines.append(box("line", bound(pts[:2]), height, doctop))
    elif shape in ("mlllh", "mllll") and _square(pts):
        rects.append(box("rect", bound([pts[0], pts[2]]), height, doctop))
    else:
        curve = box("curve", bound(pts), height, doctop)
        curve["pts"] = [(px, height - py) for px, py in pts]
        curves.append(curve)


def _square(pts) -> bool:
    (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = pts
    closed = pts[0] == pts[4]
    return closed and ((x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0))


def bound(pts) -> tuple[float, float, float, float]:
    """The smallest box (x0, y0, x1, y1) around points."""
    xs = [p[0] for p in pts]
    ys = [p[1] for p in pts]
    return (min(xs), min(ys), max(xs), max(ys))


def box(kind, bbox, height, doctop) -> dict:
    """A pdfplumber object of `kind` for a box in PDF space (y up), with pdfplumber's top-down coordinates."""
    x0, y0, x1, y1 = bbox
    top = height - y1
    return {
        "object_type": kind,
        "x0": x0,
        "y0": y0,
        "x1": x1,
        "y1": y1,
        "top": top,
        "bottom": height - y0,
        "doctop": doctop + top,
        "width": x1 - x0,
        "height": y1 - y0,
    }
