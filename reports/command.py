"""`dkbudget audit --document NAME_OR_ID`: write one document's audit report and say where it is."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reports.build import audit_dir, build_report
from reports.published import ReportInputError

EXIT_OK = 0
EXIT_USAGE = 2  # missing clean dir, unknown document


def add_arguments(parser: argparse.ArgumentParser, raw_help: str, clean_help: str) -> None:
    """Given the `audit` sub-parser, add its arguments."""
    parser.add_argument("--document", required=True, help="the document: its file name or document_id")
    parser.add_argument("--raw-dir", default=None, help=raw_help)
    parser.add_argument("--clean-dir", default=None, help=clean_help)
    parser.add_argument("--out", default=None,
                        help="folder for the report (default: .dkbudget/audit/ in the clean dir)")


def audit_command(document: str, raw_dir: Path, clean_dir: Path, out: Path | None) -> int:
    """Given the document and the dirs, write its report and print its path; return the exit code."""
    try:
        report = build_report(clean_dir, raw_dir, document, out or audit_dir(clean_dir))
    except ReportInputError as exc:
        print(f"dkbudget: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if report.notice:
        print(f"dkbudget: {report.notice}", file=sys.stderr)
    print(f"{report.status:<8} {report.path}  ({report.pages_rendered} pages, {report.cells} cells, "
          f"{report.checks} totals checked, {report.failing} failing; {report.size_bytes / 1e6:.1f} MB, "
          f"{report.seconds:.1f} s)")
    return EXIT_OK
