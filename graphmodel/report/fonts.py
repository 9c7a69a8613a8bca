"""The CJK font the charts are drawn in, brought by ``pip install``.

Matplotlib's own fonts (DejaVu) have no Chinese glyphs, and a fresh machine may have no CJK
font at all, so labels would come out as empty boxes. The ``pylopdf-fonts-zh-cn`` package
(a data-only wheel, SIL Open Font License 1.1) ships Noto Sans SC from Google's noto-cjk
repository; ``chart_font`` registers that file with matplotlib's font manager and checks that
it has a glyph for every character the charts will draw. A missing package or glyph is a
warning, not an error: the report is still written, with boxes where glyphs are missing.
"""

from __future__ import annotations

import functools
import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from graphmodel.errors import GraphmodelWarning

__all__ = ["FALLBACK_FAMILY", "GLYPH_CHECK", "ChartFont", "FontWarning", "chart_font", "font_path"]

GLYPH_CHECK = "社区结对共建党组织街道工委协调委员会驻区单位覆盖率缺口枢纽分单点故障"
"""Characters every chart uses in some form; checked even when no label is given."""

FALLBACK_FAMILY = "DejaVu Sans"
"""Matplotlib's bundled font, used when the CJK font is not installed."""


class FontWarning(GraphmodelWarning):
    """The CJK font is missing, or lacks glyphs the charts need."""


@dataclass(frozen=True)
class ChartFont:
    """The font family to draw in, its file, and the characters it has no glyph for."""

    family: str
    path: Path | None
    missing: str


def font_path() -> Path | None:
    """The Noto Sans SC file of ``pylopdf-fonts-zh-cn``, or ``None`` when not installed."""
    try:
        from pylopdf_fonts_zh_cn import sans_path
    except ImportError:
        return None
    path = Path(sans_path())
    return path if path.is_file() else None


def chart_font(texts: Iterable[str] = ()) -> ChartFont:
    """Register the CJK font with matplotlib and check it covers ``texts`` and ``GLYPH_CHECK``.

    Warns (``FontWarning``) when the font is not installed (the charts then fall back to
    ``FALLBACK_FAMILY``) or lacks glyphs, naming the characters.
    """
    needed = "".join(sorted({c for text in (GLYPH_CHECK, *texts) for c in text if c.isprintable()}))
    path = font_path()
    if path is None:
        warnings.warn(FontWarning("font_missing", package="pylopdf-fonts-zh-cn"), stacklevel=2)
        return ChartFont(FALLBACK_FAMILY, None, "".join(c for c in needed if ord(c) > 0x2E7F))
    family = _register(str(path))
    missing = "".join(c for c in needed if c != " " and ord(c) not in _code_points(str(path)))
    if missing:
        warnings.warn(FontWarning("font_glyphs", family=family, missing=missing), stacklevel=2)
    return ChartFont(family, path, missing)


@functools.cache
def _register(path: str) -> str:
    from matplotlib import font_manager

    font_manager.fontManager.addfont(path)
    return font_manager.FontProperties(fname=path).get_name()


@functools.cache
def _code_points(path: str) -> frozenset[int]:
    from matplotlib import ft2font

    return frozenset(ft2font.FT2Font(path).get_charmap())
