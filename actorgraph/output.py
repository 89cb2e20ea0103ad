"""Rendering query rows as a table (rich), JSON or CSV, the three formats every query offers."""

from __future__ import annotations

import csv
import io
import json
import sys
from enum import StrEnum

from rich.console import Console
from rich.table import Table


class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


def _cell(value: object) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else str(value)


def emit(
    data: object,
    fmt: OutputFormat,
    *,
    rows: list[dict] | None = None,
    columns: list[str] | None = None,
    title: str | None = None,
    caption: str | None = None,
    section_by: str | None = None,
    console: Console | None = None,
) -> None:
    """JSON prints `data` whole; table and CSV print `rows` (defaults to `data`) by `columns`.

    In a table, `caption` is printed under it and a rule separates runs of rows that differ in
    the column `section_by` (the for / against / neutral groups of `who`).
    """
    if fmt is OutputFormat.json:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    rows = rows if rows is not None else data  # type: ignore[assignment]
    columns = columns or (list(rows[0].keys()) if rows else [])
    if fmt is OutputFormat.csv:
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_cell(row.get(c)) for c in columns])
        sys.stdout.write(buffer.getvalue())
        return
    console = console or Console()
    table = Table(title=title, caption=caption, show_lines=False, header_style="bold")
    for column in columns:
        table.add_column(column, overflow="fold")
    for i, row in enumerate(rows):
        if section_by and i and row.get(section_by) != rows[i - 1].get(section_by):
            table.add_section()
        table.add_row(*(_cell(row.get(c)) for c in columns))
    if not rows:
        console.print(f"[dim]{title + ': ' if title else ''}nothing found[/dim]")
        return
    console.print(table)
