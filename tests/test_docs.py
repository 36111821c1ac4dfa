"""The docs in docs/ say what the code does: the JSON Schemas of docs/cli.md validate the
real output of `agenda --json` and `export --json` on a demo database, docs/keys.md lists
every binding that has an id, with its keys, and every link, module path and name the docs
give leads somewhere."""

from __future__ import annotations

import ast
import json
import re
import shutil
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from followup_tui.playbook.words import CHANNELS, TOUCH_KINDS
from followup_tui.store.backup import shapes
from followup_tui.store.schema import REVISIONS
from tests.cli import run_cli

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SCHEMA_BLOCK = re.compile(r"<!-- schema: (\w+) -->\n```json\n(.*?)\n```", re.DOTALL)


def schemas() -> dict[str, dict]:
    """The JSON Schemas written in docs/cli.md, by the name in the comment above each."""
    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    return {name: json.loads(body) for name, body in SCHEMA_BLOCK.findall(text)}


def validator(name: str) -> Draft202012Validator:
    schema = schemas()[name]
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    """A folder with a demo database made by `demo`, which the tests only read."""
    folder = tmp_path_factory.mktemp("docs")
    run("demo", "--db", str(folder / "demo.db"), cwd=folder)
    return folder


def run(*args: str, cwd: Path, stdin: str = ""):
    """The command in this process (tests/cli.py); it must succeed."""
    return run_cli(*args, cwd=cwd, stdin=stdin, check=True)


def errors(check: Draft202012Validator, value) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
            for e in check.iter_errors(value)]


def test_cli_md_holds_every_schema():
    assert set(schemas()) == {"agenda", "backup", "report", "stats", "list", "show",
                              "interview", "exchange", "touch"}


def test_stats_json_matches_its_schema(demo: Path):
    found = json.loads(run("stats", "--json", "--period", "all", "--db",
                           str(demo / "demo.db"), cwd=demo).stdout)
    assert found["applications"] == 12 and found["answers"]["by_source"]
    assert errors(validator("stats"), found) == []
    assert errors(validator("stats"), {**found, "weeks": found["weeks"][:3]}) != []


def test_the_shell_commands_json_matches_its_schemas(demo: Path, tmp_path: Path):
    """list, show, add, update, interview, log and the touch commands on the demo data:
    every item of every shape is checked, so a field the code adds or drops is caught."""
    shutil.copy(demo / "demo.db", tmp_path / "shell.db")  # this test changes it
    db = ["--db", str(tmp_path / "shell.db")]

    def out(*args: str, stdin: str = ""):
        return json.loads(run(*args, *db, cwd=tmp_path, stdin=stdin).stdout)

    listed = out("list", "--all", "--json")
    assert errors(validator("list"), listed) == []
    assert {item["next_touch"] is None for item in listed} == {True, False}
    added = out("add", "--json", "-", stdin='[{"company": "Z", "applied": "today"}]')
    updated = out("update", str(added[0]["id"]), "--stage", "offer", "--deadline", "in 9 days",
                  "--json")
    assert errors(validator("list"), [*added, updated]) == []
    for item in listed:
        shown = out("show", str(item["id"]), "--json")
        assert errors(validator("show"), shown) == [], item["id"]
        for touch in shown["touches"]:
            assert errors(validator("touch"), touch) == [], touch
    assert any(shown["interviews"] and shown["exchanges"] for shown in
               (out("show", str(item["id"]), "--json") for item in listed[:6]))
    interview = out("interview", str(added[0]["id"]), "--when", "yesterday 10:00",
                    "--with", "Ada Lovelace <ada@z.example>", "--json")
    assert errors(validator("interview"), interview) == [] and interview["panel"]
    exchange = out("log", str(added[0]["id"]), "--what", "reply", "--answer", "--json")
    assert errors(validator("exchange"), exchange) == []
    pending = [t["id"] for t in out("agenda", "--json")]
    for action in (("done",), ("skip",), ("snooze", "--days", "2"),
                   ("redate", "in 40 days", "--force")):
        touch = out(action[0], str(pending.pop()), *action[1:], "--json")
        assert errors(validator("touch"), touch) == [], (action, touch)


def test_the_shell_schemas_name_every_stage_kind_and_channel():
    from followup_tui.playbook.words import EXCHANGE_KINDS, INTERVIEW_FORMATS, STAGES

    where = "update the schemas in docs/cli.md"
    item = schemas()["list"]["items"]["properties"]
    assert item["stage"]["enum"] == list(STAGES), where
    touch = schemas()["touch"]["properties"]
    assert touch["kind"]["enum"] == list(TOUCH_KINDS), where
    assert touch["channel"]["enum"] == list(CHANNELS), where
    exchange = schemas()["exchange"]["properties"]
    assert exchange["kind"]["enum"] == list(EXCHANGE_KINDS), where
    assert schemas()["interview"]["properties"]["format"]["enum"] == list(INTERVIEW_FORMATS)


def test_report_json_matches_its_schema(demo: Path):
    log = json.loads(run("report", "--format", "json", "--db", str(demo / "demo.db"),
                         cwd=demo).stdout)
    assert len(log["activities"]) > 10
    assert {a["result"] for a in log["activities"]} >= {"answer", "no answer yet", "offer"}
    assert errors(validator("report"), log) == []


def test_report_schema_refuses_what_the_command_never_prints():
    from followup_tui.playbook.job_log import RESULTS

    check = validator("report")
    item = schemas()["report"]["properties"]["activities"]["items"]["properties"]
    assert item["result"]["enum"] == list(RESULTS), "update the report schema in docs/cli.md"
    log = {"format": "followup-tui-job-search-log", "format_version": 1, "person": None,
           "from": None, "to": "2026-12-01", "activities": [], "totals": {
               "activities": 0, "employers": 0, "by_activity": {}, "by_result": {}}}
    assert errors(check, log) == []
    assert errors(check, {**log, "format_version": 2}) != []
    assert errors(check, {**log, "activities": [{"date": "2026-12-01"}]}) != []


def test_agenda_json_matches_its_schema(demo: Path):
    items = json.loads(run("agenda", "--json", "--db", str(demo / "demo.db"), cwd=demo).stdout)
    assert len(items) > 3 and {item["status"] for item in items} == {"overdue", "due"}
    assert errors(validator("agenda"), items) == []


def test_agenda_schema_refuses_what_the_command_never_prints():
    check = validator("agenda")
    good = {"company": "Acme", "role": "", "contact": None, "kind": "check-in",
            "channel": "phone", "due": "2026-11-20", "status": "due", "rule": "R8",
            "application_id": 1, "id": 2}
    assert errors(check, [good]) == []
    for bad in ({"status": "late"}, {"rule": "R15"}, {"due": "20 Nov"}, {"kind": "lunch"},
                {"unknown": 1}):
        assert errors(check, [{**good, **bad}]), bad


def test_agenda_schema_names_every_kind_and_channel():
    item = schemas()["agenda"]["items"]["properties"]
    assert item["kind"]["enum"] == list(TOUCH_KINDS), "update the agenda schema in docs/cli.md"
    assert item["channel"]["enum"] == list(CHANNELS), "update the agenda schema in docs/cli.md"


def test_backup_matches_its_schema(demo: Path):
    path = demo / "backup.json"
    run("export", "--json", str(path), "--db", str(demo / "demo.db"), cwd=demo)
    backup = json.loads(path.read_text(encoding="utf-8"))
    assert all(backup["tables"].values()), "every table has rows, so every row is checked"
    assert errors(validator("backup"), backup) == []


def test_backup_schema_has_every_table_and_column_of_the_store():
    schema = schemas()["backup"]
    tables = schema["properties"]["tables"]
    where = "update the backup schema in docs/cli.md"
    assert tables["required"] == [shape.name for shape in shapes()], where
    for shape in shapes():
        assert schema["$defs"][shape.name]["required"] == list(shape.columns), (where, shape)
    assert schema["properties"]["schema"]["enum"] == list(REVISIONS), where


def test_backup_schema_refuses_a_row_with_a_wrong_type():
    check = validator("backup")
    backup = {"format": "followup-tui-backup", "format_version": 1, "schema": REVISIONS[-1],
              "exported_at": "2026-12-01T19:44:24+00:00",
              "tables": {shape.name: [] for shape in shapes()}}
    assert errors(check, backup) == []
    backup["tables"]["profile"] = [{"id": 1, "name": 7, "email": "", "phone": "",
                                    "postal_address": ""}]
    assert errors(check, backup)


# -- links and the modules the docs name --------------------------------------------------
LINK = re.compile(r"\]\(([^)\s]+)\)")
CODE_PATH = re.compile(r"`((?:[\w.]+/)+[\w.]+\.(?:py|tcss|md|toml))`")


def slug(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces to -."""
    text = re.sub(r"[`*]", "", heading.strip().lower())
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


def anchors(page: Path) -> set[str]:
    text = re.sub(r"```.*?```", "", page.read_text(encoding="utf-8"), flags=re.DOTALL)
    return {slug(line.lstrip("#")) for line in text.splitlines() if line.startswith("#")}


@pytest.mark.parametrize("page", [*sorted(DOCS.glob("*.md")), ROOT / "README.md"],
                         ids=lambda p: p.name)
def test_every_link_between_the_docs_leads_somewhere(page: Path):
    broken = []
    for target in LINK.findall(page.read_text(encoding="utf-8")):
        if target.startswith(("http://", "https://", "mailto:")):
            continue
        file, _, anchor = target.partition("#")
        linked = (page.parent / file).resolve() if file else page
        if not linked.exists() or (anchor and linked.suffix == ".md"
                                   and anchor not in anchors(linked)):
            broken.append(target)
    assert broken == []


@pytest.mark.parametrize("page", sorted(DOCS.glob("*.md")), ids=lambda p: p.name)
def test_every_module_the_docs_name_exists(page: Path):
    named = CODE_PATH.findall(page.read_text(encoding="utf-8"))
    missing = [path for path in named
               if not (ROOT / path).exists() and not (ROOT / "followup_tui" / path).exists()]
    assert named and missing == []



def defined(module: Path) -> set[str]:
    """Every class, function, method and assigned name in a module."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        targets = node.targets if isinstance(node, ast.Assign) else (
            [node.target] if isinstance(node, ast.AnnAssign) else [])
        for target in targets:
            elements = target.elts if isinstance(target, ast.Tuple) else [target]
            names |= {e.id for e in elements if isinstance(e, ast.Name)}
    return names


NAME = re.compile(r"^[A-Za-z_]\w*(\.\w+)?(\(\))?$")
NAMES_IN = re.compile(r"((?:`[^`]+`[^`]*?)+?)\bin\s+`([\w/]+\.py)`")


@pytest.mark.parametrize("page", sorted(DOCS.glob("*.md")), ids=lambda p: p.name)
def test_every_name_the_docs_place_in_a_module_is_there(page: Path):
    """"`reconcile` in `playbook/reconcile.py`": each name a sentence puts in a module is
    defined in it (a class, a function, a method or a constant)."""
    text = re.sub(r"```.*?```", "", page.read_text(encoding="utf-8"), flags=re.DOTALL)
    text = " ".join(line for line in text.splitlines() if not line.startswith("|"))
    checked, missing = 0, []
    for clause in re.split(r"[;:.]\s|[()]", text):
        for names, path in NAMES_IN.findall(clause):
            module = ROOT / path if (ROOT / path).exists() else ROOT / "followup_tui" / path
            if not module.exists():
                continue  # test_every_module_the_docs_name_exists says so
            known = defined(module)
            for name in re.findall(r"`([^`]+)`", names):
                if NAME.match(name) and not name.endswith((".py", ".md")):
                    checked += 1
                    if name.removesuffix("()").split(".")[0] not in known:
                        missing.append(f"{name} in {path}")
    assert missing == [], "docs/" + page.name + " names what the module no longer has"
    assert page.name != "playbook.md" or checked > 50

# -- the keys ----------------------------------------------------------------------------
BINDING_ID = re.compile(r"^`([a-z_]+\.[a-z_]+)`$")


def bindings() -> dict[str, tuple[list[str], str | None]]:
    """Every binding with an id in the BINDINGS of the app, its screens and widgets (the
    classes' own, so a table built in a loop counts): id -> (its keys, key_display)."""
    import importlib
    import pkgutil

    from textual.binding import Binding
    from textual.dom import DOMNode

    import followup_tui.screens
    import followup_tui.widgets

    importlib.import_module("followup_tui.app")
    for package in (followup_tui.screens, followup_tui.widgets):
        for info in pkgutil.iter_modules(package.__path__, package.__name__ + "."):
            importlib.import_module(info.name)
    found = {}
    classes, seen = [DOMNode], set()
    while classes:
        cls = classes.pop()
        classes += [sub for sub in cls.__subclasses__() if sub not in seen]
        seen.add(cls)
        if not cls.__module__.startswith("followup_tui."):
            continue
        for binding in cls.__dict__.get("BINDINGS", ()):
            if isinstance(binding, Binding) and binding.id:
                found[binding.id] = (binding.key.split(","), binding.key_display)
    return found


def key_rows() -> dict[str, list[str]]:
    """The rows of docs/keys.md's tables, by the binding id they name."""
    rows: dict[str, list[str]] = {}
    for line in (DOCS / "keys.md").read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.split("|")]
        for cell in cells:
            if (match := BINDING_ID.match(cell)) and not cell.endswith((".py`", ".md`")):
                rows.setdefault(match[1], []).append(line)
    return rows


def test_keys_md_lists_every_binding_id_with_its_keys():
    code, documented = bindings(), key_rows()
    assert len(code) > 40
    assert sorted(set(code) - set(documented)) == [], "add these to docs/keys.md"
    assert sorted(set(documented) - set(code)) == [], "docs/keys.md names ids the code lacks"
    for binding_id, (keys, display) in code.items():
        row = " ".join(documented[binding_id])
        for key in keys:
            assert f"`{key}`" in row or (display and f"`{display}`" in row), (binding_id, key)
