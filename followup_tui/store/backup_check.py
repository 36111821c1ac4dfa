"""Every row of a backup checked against the schema before anything is written (issue 11).

A backup is a file anyone can edit. A stage that does not exist, a day that is not a day,
a list where a name belongs or a number too big for SQLite would either end the import
with a traceback or get in and end the app later, when the row is read. So each table
gets a pydantic model built from its SQLModel class: strict column types ("yes" is not a
boolean, a list is not a text), the words of playbook/words.py, bounds on numbers, and
values coming out in the form the store writes them. References must point at a row of
the backup, and ids and unique keys must not repeat. The first problem is named by
table, row and field, and nothing is written.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime, timezone
from functools import lru_cache
from typing import Annotated, Any, Callable, Literal, Optional, Union, get_args, get_origin
from zoneinfo import ZoneInfo

from pydantic import ConfigDict, Field, TypeAdapter, ValidationError
from pydantic.functional_validators import AfterValidator, PlainValidator
from pydantic_core import ErrorDetails
from typing_extensions import NotRequired, TypedDict

from followup_tui.playbook import words
from followup_tui.playbook.sections import SECTIONS
from followup_tui.store.backup import FORMAT, FORMAT_VERSION, shapes
from followup_tui.store.base import StoreError
from followup_tui.store.moments import stored_text
from followup_tui.store.schema import REVISIONS

# The words a column may hold, by the columns that share a vocabulary (playbook/words.py
# is the one spelling of each).
WORDS: dict[str, tuple[str, ...]] = {
    "application.stage stagechange.from_stage stagechange.to_stage": words.STAGES,
    "interview.format": words.INTERVIEW_FORMATS,
    "applicationcontact.role": words.ROLES,
    "panelmember.role": words.PANEL_ROLES,
    "note.section": tuple(section.key for section in SECTIONS),
    "thankyou.medium": words.MEDIA,
    "exchange.kind": words.EXCHANGE_KINDS,
    "exchange.channel touch.channel": words.CHANNELS,
    "exchange.direction": words.DIRECTIONS,
    "touch.kind": words.TOUCH_KINDS,
    "touch.status": words.TOUCH_STATUSES,
}
# (table, column) → its words.
ALLOWED: dict[tuple[str, str], tuple[str, ...]] = {
    (table, column): values
    for columns, values in WORDS.items()
    for table, _, column in (name.partition(".") for name in columns.split())
}
INT64 = (-(2**63), 2**63 - 1)  # what SQLite can hold
# Narrower bounds where the app relies on them (the interview form takes rounds 1-99).
BOUNDS: dict[str, tuple[int, int]] = {
    "id": (1, INT64[1]), "version": (1, INT64[1]), "round": (1, 99), "position": (0, 10_000),
}
YEARS = (1900, 2999)  # the plan adds and subtracts days: year 1 or 9999 would overflow
STORED_MOMENT = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d{6})?")


# -- one value ------------------------------------------------------------------
MOMENT_HINT = "is not a date and time like 2026-11-20 13:30:00 (UTC)"
DAY_HINT = "is not a day like 2026-11-20"


def _text_check(read: Callable[[str], str], hint: str) -> Callable[[Any], str]:
    """A column's check: text, read by `read` (each text once: many rows share a moment
    or a day), or ValueError(hint)."""
    cached = lru_cache(maxsize=65536)(read)

    def check(value: Any) -> str:
        if not isinstance(value, str):
            raise ValueError(hint)
        return cached(value)
    return check


def _parsed(parse: Callable[[str], Any], value: str, hint: str, what: str) -> Any:
    """`parse(value)`, a date or a datetime in the years the plan can work with."""
    try:
        parsed = parse(value)
    except ValueError:
        raise ValueError(hint) from None
    if not YEARS[0] <= parsed.year <= YEARS[1]:
        raise ValueError(f"is not a {what} this app can plan with "
                         f"(the year must be {YEARS[0]}-{YEARS[1]})")
    return parsed


def _stored_moment(value: str) -> str:
    """A moment as stored: UTC text `YYYY-MM-DD HH:MM:SS[.ffffff]`; ISO 8601 with an
    offset is turned into that, text already in it is kept exactly."""
    moment = _parsed(datetime.fromisoformat, value, MOMENT_HINT, "date and time")
    if STORED_MOMENT.fullmatch(value):
        return value
    return stored_text(moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc),
                       micro=True)


def _stored_day(value: str) -> str:
    return _parsed(date.fromisoformat, value, DAY_HINT, "day").isoformat()


_moment = _text_check(_stored_moment, MOMENT_HINT)
_day = _text_check(_stored_day, DAY_HINT)


def _flag(value: Any) -> int:
    """true/false, or 1/0 as SQLite holds it (and a backup writes it)."""
    if value is True or value is False or (type(value) is int and value in (0, 1)):
        return int(value)
    raise ValueError("should be true or false (or 1 or 0)")


def _zone(value: str) -> str:
    try:
        ZoneInfo(value)
    except Exception:  # ZoneInfoNotFoundError, ValueError, IsADirectoryError…
        raise ValueError("is not a time zone like Europe/Berlin or UTC") from None
    return value


# -- one table ------------------------------------------------------------------
def _column_type(table: str, column: str, annotation: Any) -> Any:
    """The strict pydantic type of one column, from its SQLModel annotation."""
    args = get_args(annotation)
    optional = get_origin(annotation) is Union and type(None) in args
    base = next(a for a in args if a is not type(None)) if optional else annotation
    if (table, column) in ALLOWED:
        kind: Any = Literal[ALLOWED[table, column]]
    elif base is bool:
        kind = Annotated[Any, PlainValidator(_flag)]
    elif base is int:
        low, high = BOUNDS.get(column, INT64)
        kind = Annotated[int, Field(ge=low, le=high)]
    elif base is datetime:
        kind = Annotated[Any, PlainValidator(_moment)]
    elif base is date:
        kind = Annotated[Any, PlainValidator(_day)]
    elif column == "tz":
        kind = Annotated[str, Field(pattern="^"), AfterValidator(_zone)]
    else:
        kind = Annotated[str, Field(pattern="^")]  # a pattern refuses a lone surrogate
    return Optional[kind] if optional and column != "id" else kind


def _default(field: Any) -> Any:
    """The model's default as stored (a backup of an older schema lacks newer columns)."""
    if field.default_factory is not None:
        factory = field.default_factory
        return Field(default_factory=lambda: _stored(factory()))
    return Field(default=_stored(field.default))


def _stored(value: Any) -> Any:
    if isinstance(value, datetime):
        return stored_text(value, micro=True)
    if isinstance(value, date):
        return value.isoformat()
    return int(value) if isinstance(value, bool) else value


@lru_cache(maxsize=None)
def row_checks() -> dict[str, TypeAdapter]:
    """Per table, a strict pydantic check of a list of rows, built from the SQLModel
    class; it returns the rows as dicts with defaults filled in (a TypedDict, so a
    backup of 100,000 applications is checked without building a model per row)."""
    from sqlmodel import SQLModel

    from followup_tui.store import models

    classes = {
        cls.__tablename__: cls for cls in vars(models).values()
        if isinstance(cls, type) and issubclass(cls, SQLModel) and hasattr(cls, "__table__")
    }
    config = ConfigDict(strict=True, extra="forbid")
    result = {}
    for shape in shapes():
        fields = {}
        for name, field in classes[shape.name].model_fields.items():
            kind = _column_type(shape.name, name, field.annotation)
            required = name == "id" or field.is_required()
            fields[name] = kind if required else NotRequired[Annotated[kind, _default(field)]]
        row = TypedDict(f"Backup{shape.name.title()}", fields)  # type: ignore[misc]
        result[shape.name] = TypeAdapter(list[row], config=config)
    return result


# -- the whole backup -------------------------------------------------------------
def check_backup(data: Any) -> dict[str, list[dict[str, Any]]]:
    """The tables of a parsed backup, each row checked and in stored form, or
    StoreError naming the first problem (table, row, field)."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise StoreError("it is not a followup-tui backup (made by `followup-tui export --json`)")
    version = data.get("format_version")
    if version is None:
        raise StoreError("it has no format_version: it was not written by `export --json`")
    if type(version) is not int or version < 1:
        raise StoreError(f"its format_version is {_show(version)}, not a version number")
    if version > FORMAT_VERSION:
        raise StoreError(f"it was written in a newer backup format (format_version {version}, "
                         f"this followup-tui reads {FORMAT_VERSION}): upgrade followup-tui first")
    schema = data.get("schema")
    if not isinstance(schema, str) or not re.fullmatch(r"\d{4}", schema):
        raise StoreError(
            f"its schema is {_show(schema)}, not a schema revision like {REVISIONS[-1]}"
        )
    if schema not in REVISIONS:
        raise StoreError(
            f"it was made by a newer followup-tui (schema {schema}): upgrade followup-tui first"
        )
    tables = data.get("tables")
    if not isinstance(tables, dict):
        raise StoreError("it has no tables")
    checks = row_checks()
    for name, rows in tables.items():
        if name not in checks:
            raise StoreError(f"it holds a table this version does not know ({_show(name)})")
        if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
            raise StoreError(f"its {name} table is not a list of rows")
    checked = {name: _rows(name, check, tables.get(name, [])) for name, check in checks.items()}
    _check_keys(checked)
    return checked


def _rows(table: str, check: TypeAdapter, rows: list[dict]) -> list[dict[str, Any]]:
    try:
        return check.validate_python(rows)
    except ValidationError as error:
        first = error.errors()[0]  # the rows are checked in order: the earliest problem
        raise StoreError(_problem(table, rows, first)) from None


def _problem(table: str, rows: list[dict], error: ErrorDetails) -> str:
    """One line: `interview row 2 (id 5), starts_at: is not a date… (it holds "soon")`."""
    index, field = error["loc"][0], str(error["loc"][1]) if len(error["loc"]) > 1 else "?"
    assert isinstance(index, int)  # the rows are checked as a list: the row's place first
    row = rows[index]
    known = type(row.get("id")) is int and field != "id"
    where = f"{table} row {index + 1}" + (f" (id {row['id']})" if known else "")
    if error["type"] == "missing":
        return f"{where}, {field}: is missing"
    if error["type"] == "extra_forbidden":
        return f"{where}: {_show(field)} is not a column of {table}"
    if error["type"] == "string_unicode":
        return f"{where}, {field}: holds a broken character (a lone surrogate escape)"
    context = error.get("ctx", {})
    message = {
        "string_type": "should be text",
        "int_type": "should be a whole number",
        "greater_than_equal": f"should be at least {context.get('ge')}",
        "less_than_equal": f"should be at most {context.get('le')}",
        "literal_error": f"should be one of {context.get('expected')}",
    }.get(error["type"]) or error["msg"].removeprefix("Value error, ")
    return f"{where}, {field}: {message} (it holds {_show(error['input'])})"


def _show(value: Any) -> str:
    """A value as JSON, short, and printable whatever it holds."""
    text = json.dumps(value, ensure_ascii=False, default=str)
    text = text if len(text) <= 60 else text[:57] + "…"
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _check_keys(tables: dict[str, list[dict[str, Any]]]) -> None:
    """Ids and unique keys do not repeat; every reference points at a row of the backup.

    Sets answer for the whole table at once; rows are looked at one by one only to
    name the one at fault."""
    from sqlalchemy import UniqueConstraint
    from sqlmodel import SQLModel

    ids: dict[str, set[int]] = {}
    for shape in shapes():
        rows = tables[shape.name]
        table = SQLModel.metadata.tables[shape.name]
        keys = [("id",)] + [tuple(c.name for c in constraint.columns)
                            for constraint in table.constraints
                            if isinstance(constraint, UniqueConstraint)]
        for columns in keys:
            values = [tuple(row[c] for c in columns) for row in rows]
            if len(set(values)) != len(values):
                _name_repeat(shape.name, columns, rows, values)
        ids[shape.name] = {row["id"] for row in rows}
        for column, target in shape.references.items():
            missing = {row[column] for row in rows} - ids[target] - {None}
            if missing:
                number, row = next((n, r) for n, r in enumerate(rows, start=1)
                                   if r[column] in missing)
                raise StoreError(
                    f"{shape.name} row {number} (id {row['id']}), {column}: points at "
                    f"{target} {row[column]}, which is not in the backup"
                )


def _name_repeat(table: str, columns: tuple[str, ...], rows: list[dict],
                 values: list[tuple]) -> None:
    seen: dict[tuple, int] = {}
    for number, (row, value) in enumerate(zip(rows, values), start=1):
        if value in seen and None not in value:  # NULLs never clash in SQLite
            raise StoreError(f"{table} row {number} (id {row['id']}), {' and '.join(columns)}: "
                             f"{_show(list(value))} repeats row {seen[value]}")
        seen.setdefault(value, number)
