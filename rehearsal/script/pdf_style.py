"""The drawing attributes of a PDF text object: size, turn, colour, and its font's style.

A text object's glyphs share all of these, so they are read once per object (a feature
script has thousands) through pdfium calls re-typed with plain pointers; a font's bold and
italic flags and whether it maps to Unicode are read once per font of the document. They
decide what is script and what is a watermark (:mod:`rehearsal.script.pdf_text`) and, for
stage plays, which words are a run-in name or a direction.
"""

from __future__ import annotations

import ctypes
import math
import re
from dataclasses import dataclass
from typing import Any

import pypdfium2.raw as pdfium_c

#: Fill alpha below this (0-255) is a translucent overlay, not script text.
_MIN_ALPHA = 150
#: Text whose darkest colour channel is at least this light is a faint overlay.
_LIGHT_CHANNEL = 150


@dataclass(slots=True)
class TextStyle:
    """Drawing attributes of one text object, shared by all its glyphs."""

    size: float
    angle: float
    hidden: bool
    unmapped: bool = False
    bold: bool = False
    italic: bool = False
    upright: bool = True  # not turned at all: the loose box's bottom is the baseline


def fast(name: str, restype: Any, *argtypes: Any) -> Any:
    """pdfium functions re-typed with plain pointers: the per-glyph calls are the hot loop,
    and pypdfium2's typed pointers cost more than the calls themselves."""
    prototype = ctypes.CFUNCTYPE(restype, *argtypes)
    return ctypes.cast(getattr(pdfium_c, name), prototype)


_map_error = fast("FPDFText_HasUnicodeMapError", ctypes.c_int, ctypes.c_void_p, ctypes.c_int)
# Per text object (thousands in a feature script), so also re-typed.
_UINT_P = ctypes.POINTER(ctypes.c_uint)
_get_matrix = fast(
    "FPDFPageObj_GetMatrix", ctypes.c_int, ctypes.c_void_p, ctypes.POINTER(pdfium_c.FS_MATRIX)
)
_get_font_size = fast(
    "FPDFTextObj_GetFontSize", ctypes.c_int, ctypes.c_void_p, ctypes.POINTER(ctypes.c_float)
)
_get_fill = fast(
    "FPDFPageObj_GetFillColor", ctypes.c_int, ctypes.c_void_p, _UINT_P, _UINT_P, _UINT_P, _UINT_P
)
_get_stroke = fast(
    "FPDFPageObj_GetStrokeColor", ctypes.c_int, ctypes.c_void_p, _UINT_P, _UINT_P, _UINT_P, _UINT_P
)
_get_render_mode = fast("FPDFTextObj_GetTextRenderMode", ctypes.c_int, ctypes.c_void_p)
_get_font = fast("FPDFTextObj_GetFont", ctypes.c_void_p, ctypes.c_void_p)


_BOLD_NAME = re.compile(r"bold|black|heavy|semibold|demi|[-,]bd\b|ultra", re.I)
_ITALIC_NAME = re.compile(r"italic|oblique|slanted|[-,]it\b", re.I)
#: PDF font descriptor flags (PDF 32000, 9.8.2): Italic is bit 7, ForceBold bit 19.
_FLAG_ITALIC = 1 << 6
_FLAG_FORCE_BOLD = 1 << 18


FontInfo = tuple[bool, bool, bool]  # bold, italic, no Unicode map


def font_style(obj: int, textpage: int, index: int, cache: dict[int, FontInfo]) -> FontInfo:
    """Whether a text object's font is bold, italic, and without a Unicode map; read once
    per font of the document (``index`` is a glyph of ``obj`` on ``textpage``).

    The name says it for most fonts (``Times-Italic``, ``ABCDEF+Helvetica-Bold``); an
    embedded font with a generic name (``F0``) still has its descriptor's weight, italic
    angle and flags, which pdfium reports. A font without a Unicode map garbles every glyph
    it prints, so its first glyph tells.
    """
    address = _get_font(obj)
    if not address:
        return False, False, _map_error(textpage, index) == 1
    known = cache.get(address)
    if known is None:
        font = ctypes.cast(ctypes.c_void_p(address), pdfium_c.FPDF_FONT)
        bold, italic = _read_font_style(font)
        known = cache[address] = (bold, italic, _map_error(textpage, index) == 1)
    return known


def _read_font_style(font: Any) -> tuple[bool, bool]:
    buffer = ctypes.create_string_buffer(128)
    length = pdfium_c.FPDFFont_GetBaseFontName(font, buffer, 128)
    name = buffer.value.decode("latin-1", "replace") if length > 0 else ""
    flags = pdfium_c.FPDFFont_GetFlags(font)
    weight = pdfium_c.FPDFFont_GetWeight(font)
    angle = ctypes.c_int(0)
    has_angle = pdfium_c.FPDFFont_GetItalicAngle(font, ctypes.byref(angle))
    forced = flags > 0 and bool(flags & _FLAG_FORCE_BOLD)
    bold = bool(_BOLD_NAME.search(name)) or weight >= 600 or forced
    italic = (
        bool(_ITALIC_NAME.search(name))
        or (has_angle and angle.value != 0)
        or (flags > 0 and bool(flags & _FLAG_ITALIC))
    )
    return bold, italic


def style_of(key: int, textpage: int, index: int, fonts: dict[int, FontInfo]) -> TextStyle:
    """The style of text object ``key`` (an address), whose glyph ``index`` is on
    ``textpage``: faint or translucent text is ``hidden`` (a watermark), except invisible
    text, which is the OCR layer over a scan and so the text itself."""
    matrix = pdfium_c.FS_MATRIX()
    _get_matrix(key, ctypes.byref(matrix))
    size = ctypes.c_float(0.0)
    _get_font_size(key, ctypes.byref(size))
    scale = math.sqrt(abs(matrix.a * matrix.d - matrix.b * matrix.c)) or 1.0
    red, green, blue, alpha = (ctypes.c_uint(0) for _ in range(4))
    channels = (ctypes.byref(red), ctypes.byref(green), ctypes.byref(blue), ctypes.byref(alpha))
    _get_fill(key, *channels)
    mode = _get_render_mode(key)
    if mode in (pdfium_c.FPDF_TEXTRENDERMODE_STROKE, pdfium_c.FPDF_TEXTRENDERMODE_STROKE_CLIP):
        _get_stroke(key, *channels)
    faint = alpha.value < _MIN_ALPHA or min(red.value, green.value, blue.value) >= _LIGHT_CHANNEL
    # Invisible text (mode 3) is an OCR layer over a scan: it is the text, keep it.
    invisible = mode == pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE
    bold, italic, unmapped = font_style(key, textpage, index, fonts)
    angle = math.degrees(math.atan2(matrix.b, matrix.a))
    return TextStyle(
        bold=bold,
        italic=italic,
        upright=abs(angle) < 0.5,
        size=size.value * scale,
        angle=angle,
        hidden=faint and not invisible,
        unmapped=unmapped,
    )


__all__ = ["FontInfo", "TextStyle", "fast", "font_style", "style_of"]
