"""The leadership report as a PDF: each figure's explanation, chart and table.

fpdf2 writes the PDF in pure Python; charts are drawn with matplotlib's Agg
backend as PNG (the object API, no global pyplot state, so it is safe in a
worker). Text uses the DejaVu Sans font that matplotlib ships, so names in any
script print. Hidden cells say so in the table and draw no bar.
"""

from __future__ import annotations

import io
import logging
from pathlib import Path

import matplotlib
from fpdf import FPDF
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure as PlotFigure

from ithaca.analytics.figures.chart import COLOURS
from ithaca.analytics.figures.privacy import HIDDEN_TEXT
from ithaca.analytics.figures.types import Figure

FONTS = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
FONT = "DejaVu"
# fontTools logs every glyph it subsets at INFO: noise in a worker's log.
logging.getLogger("fontTools").setLevel(logging.WARNING)


def chart_png(figure: Figure) -> bytes | None:
    """The figure's bars as a PNG, or None when it has no chart."""
    series = figure.series()
    if not series or not figure.rows:
        return None
    labels = [row.label[:40] for row in figure.rows]
    height = 0.9 + 0.28 * len(labels) * max(1, len(series))
    plot = PlotFigure(figsize=(7.0, min(height, 9.0)), dpi=110)
    FigureCanvasAgg(plot)
    axes = plot.add_subplot(1, 1, 1)
    bar = 0.8 / len(series)
    for index, (name, values) in enumerate(series):
        positions = [row + index * bar for row in range(len(labels))]
        shown = [value if value is not None else 0.0 for value in values]
        axes.barh(positions, shown, height=bar, label=name, color=COLOURS[index % len(COLOURS)])
        for position, value in zip(positions, values, strict=True):
            if value is None:
                axes.text(0, position, " hidden (<5 people)", va="center", fontsize=7)
    axes.set_yticks([row + bar * (len(series) - 1) / 2 for row in range(len(labels))])
    axes.set_yticklabels(labels, fontsize=7)
    axes.invert_yaxis()
    if figure.chart_max:
        axes.set_xlim(0, figure.chart_max)
    axes.tick_params(axis="x", labelsize=7)
    if len(series) > 1:
        axes.legend(fontsize=7, loc="lower right")
    plot.tight_layout()
    buffer = io.BytesIO()
    plot.savefig(buffer, format="png")
    return buffer.getvalue()


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
        self.cell(0, 8, f"{self.title_text} · page {self.page_no()}", align="C")


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
                line.cell(HIDDEN_TEXT if cell.hidden else cell.text)


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
    png = chart_png(figure)
    if png is not None:
        pdf.image(io.BytesIO(png), w=pdf.epw * 0.9)
    _table(pdf, figure)
    for note in figure.notes:
        pdf.set_font(FONT, "", 8)
        pdf.multi_cell(0, 4, note, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)


def render_pdf(*, title: str, period_label: str, figures: list[Figure], note: str) -> bytes:
    """The whole report: a title page block, then each figure in turn."""
    pdf = _Document(title)
    # Kept in the document's properties too, where viewers and searches read it.
    pdf.set_title(title)
    pdf.set_subject(f"Period: {period_label}")
    pdf.set_creator("Ithaca")
    pdf.add_page()
    pdf.set_font(FONT, "B", 18)
    pdf.multi_cell(0, 10, title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "", 11)
    pdf.multi_cell(0, 6, f"Period: {period_label}", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "", 9)
    pdf.multi_cell(0, 5, note, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    for figure in figures:
        _figure(pdf, figure)
    return bytes(pdf.output())
