"""Reports: text and machine tables, charts, Markdown and HTML."""

from graphmodel.report.build import Chart, Report, Section, build_report, write_report

__all__ = ["Chart", "Report", "Section", "build_report", "write_report"]
