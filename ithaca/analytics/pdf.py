"""The leadership report as a PDF: each figure's explanation, chart and table.

fpdf2 writes the PDF in pure Python. Each chart is the very SVG the web page
shows (figures/chart.py, drawn for print), which fpdf2 turns into vector
shapes and text: one drawing code for both, no plotting library. Text uses
DejaVu Sans, kept in ithaca/analytics/fonts/ (its licence beside it), so
names in most scripts print. Hidden cells say so in the table and draw no bar;
a chart that would have nothing to draw is replaced by a sentence saying why.
Fixed words (the period line, the page footer, "hidden") are written in the
active language; the figures arrive already worded in it (services/reports.py
activates the requester's language).
"""

from __future__ import annotations

import io
import logging
from pathlib import Path

from django.utils.translation import gettext as _
from fpdf import FPDF

from ithaca.analytics.figures.chart import WIDTH, figure_svg
from ithaca.analytics.figures.privacy import hidden_text
from ithaca.analytics.figures.types import Figure

FONTS = Path(__file__).resolve().parent / "fonts"
FONT = "DejaVu"
# fontTools logs every glyph it subsets at INFO: noise in a worker's log.
logging.getLogger("fontTools").setLevel(logging.WARNING)


def chart_svg(figure: Figure) -> bytes | None:
    """The figure's chart as print-ready SVG, or None when there is nothing to draw."""
    svg = figure_svg(figure, print_ready=True, font=FONT)
    return svg.encode() if svg else None


class _Document(FPDF):
    def __init__(self, title: str) -> None:
        super().__init__(format="A4")
        self.title_text = title
        self.add_font(FONT, "", str(FONTS / "DejaVuSans.ttf"))
        self.add_font(FONT, "B", str(FONTS / "DejaVuSans-Bold.ttf"))
        self.set_auto_page_break(auto=True, margin=15)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FONT, "", 8)
        footer = _("%(title)s · page %(page)s") % {"title": self.title_text, "page": self.page_no()}
        self.cell(0, 8, footer, align="C")


def _table(pdf: _Document, figure: Figure) -> None:
    pdf.set_font(FONT, "", 8)
    first = 70 if len(figure.columns) > 2 else 110
    rest = (pdf.epw - first) / max(1, len(figure.columns) - 1)
    widths = (first, *([rest] * (len(figure.columns) - 1)))
    with pdf.table(col_widths=widths, text_align="LEFT", line_height=5) as table:
        header = table.row()
        for column in figure.columns:
            header.cell(column)
        for row in figure.rows:
            line = table.row()
            line.cell(row.label)
            for cell in row.cells:
                line.cell(hidden_text() if cell.hidden else cell.text)


def _figure(pdf: _Document, figure: Figure) -> None:
    pdf.set_font(FONT, "B", 12)
    pdf.multi_cell(0, 7, figure.title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "", 9)
    pdf.multi_cell(0, 5, figure.explanation, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    if not figure.rows:
        pdf.multi_cell(0, 5, figure.empty_text, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
        return
    svg = chart_svg(figure)
    if svg is not None:
        # 640 SVG units across the page's width: the web's proportions, printed.
        pdf.image(io.BytesIO(svg), w=min(pdf.epw, WIDTH * 0.28))
        pdf.ln(2)
    note = figure.chart_note()
    if note:
        pdf.set_font(FONT, "", 9)
        pdf.multi_cell(0, 5, note, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1)
    _table(pdf, figure)
    for note in figure.notes:
        pdf.set_font(FONT, "", 8)
        pdf.multi_cell(0, 4, note, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)


def period_line(period_label: str, prepared: str = "") -> str:
    """ "Period: 01 Jan 2026 to 31 Mar 2026 · prepared 7 Apr 2026", in the active language."""
    if prepared:
        return _("Period: %(label)s · prepared %(prepared)s") % {
            "label": period_label,
            "prepared": prepared,
        }
    return _("Period: %(label)s") % {"label": period_label}


def render_pdf(
    *, title: str, period_label: str, figures: list[Figure], note: str, prepared: str = ""
) -> bytes:
    """The whole report: a title page block, then each figure in turn."""
    pdf = _Document(title)
    # Kept in the document's properties too, where viewers and searches read it.
    pdf.set_title(title)
    pdf.set_subject(period_line(period_label))
    pdf.set_creator("Ithaca")
    pdf.add_page()
    pdf.set_font(FONT, "B", 18)
    pdf.multi_cell(0, 10, title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "", 11)
    pdf.multi_cell(0, 6, period_line(period_label, prepared), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "", 9)
    pdf.multi_cell(0, 5, note, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    for figure in figures:
        _figure(pdf, figure)
    return bytes(pdf.output())
