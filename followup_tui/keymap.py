"""The `[keys]` table of settings.toml: binding ids (docs/keys.md) and the keys they take.

    [keys]
    "pipeline.add" = "n"              # n adds an application; a no longer does
    "table.down" = "down,j,ctrl+n"    # several keys: commas, or a list

Read once at start and handed to Textual's own keymap (`App.set_keymap`). An entry
whose key Textual has no name for is dropped; so is an id no binding has, found once
the panes are imported (after the first paint). What is dropped is named in ONE
settings warning; every other entry applies. A broken file is settings.py's to report.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from textual.binding import Binding, BindingsMap, BindingType
from textual.keys import KEY_NAME_REPLACEMENTS, Keys, format_key

from followup_tui.settings import settings_path

if TYPE_CHECKING:
    from textual.app import App

# Modifiers in the order Textual writes them in a key event ("ctrl+shift+up").
MODIFIERS = ("alt", "ctrl", "hyper", "meta", "shift", "super")
NAMED_KEYS = {key.value.rpartition("+")[2] for key in Keys if not key.value.startswith("<")}


def character_key(character: str) -> str:
    """Textual's name for a one-character key: `a`, `N`, `question_mark`, `slash`."""
    if character.isalnum():
        return character
    try:
        name = unicodedata.name(character).lower().replace("-", "_").replace(" ", "_")
    except ValueError:
        return character
    return KEY_NAME_REPLACEMENTS.get(name, name)


# question_mark, slash, full_stop...: the names of the keys that type a symbol.
SYMBOL_KEYS = {character_key(chr(code)) for code in range(33, 127)}


def normal_key(text: str) -> str:
    """One key as Textual names it in its key events ("shift+ctrl+up" -> "ctrl+shift+up",
    "shift+n" -> "N", "?" -> "question_mark"); ValueError says why there is no such key."""
    if text and not text.strip():
        return "space"
    text = text.strip()
    if not text:
        raise ValueError("an empty key")
    *modifiers, base = text.split("+") if text != "+" else ["+"]
    modifiers = [m.strip().lower() for m in modifiers]
    for modifier in modifiers:
        if modifier not in MODIFIERS:
            raise ValueError(f"{modifier or '+'!r} is not ctrl, shift, alt, meta, super or hyper")
    if len(base) == 1:
        if modifiers == ["shift"] and base.isalpha():  # shift+n arrives as N
            modifiers = []
            base = base.upper()
        base = character_key(base)
    else:
        base = base.strip().lower()
        if base not in NAMED_KEYS and base not in SYMBOL_KEYS:
            raise ValueError(f"{base!r} is not a key name (see docs/keys.md)")
    return "+".join(sorted(set(modifiers)) + [base])


def normal_keys(value: object) -> str:
    """The keys of one entry, "n" or "n,ctrl+n" or ["n", "ctrl+n"], as Textual's key list."""
    if isinstance(value, str):
        parts = value.split(",") if value.strip() != "," else [","]
    elif isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        parts = value
    else:
        raise ValueError("needs a key in quotes, such as \"n\" or \"ctrl+n\"")
    return ",".join(normal_key(part) for part in parts)


def flatten(table: dict, prefix: str = "") -> Iterator[tuple[str, object]]:
    """`pipeline.add = "n"` unquoted is a nested table in TOML: the same id as quoted."""
    for name, value in table.items():
        if isinstance(value, dict):
            yield from flatten(value, f"{prefix}{name}.")
        else:
            yield f"{prefix}{name}", value


def parse_keymap(data: dict) -> tuple[dict[str, str], list[str]]:
    """(binding id -> keys, one phrase per dropped entry) from a parsed settings file."""
    table = data.get("keys", {})
    if not isinstance(table, dict):
        return {}, ["keys must be a table: a [keys] line, then \"id\" = \"key\" lines"]
    keymap, problems = {}, []
    for binding_id, value in flatten(table):
        try:
            keymap[binding_id] = normal_keys(value)
        except ValueError as error:
            problems.append(f"{binding_id!r} = {value!r}: {error}")
    return keymap, problems


def read_keymap(path: Path | None = None) -> tuple[dict[str, str], list[str]]:
    """The [keys] table of settings.toml; nothing when the file is missing or broken.
    At start: a file that never says "keys" costs no TOML parser."""
    try:
        text = (path or settings_path()).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return {}, []
    if "keys" not in text:
        return {}, []
    import tomllib

    try:
        return parse_keymap(tomllib.loads(text))
    except ValueError:  # tomllib.TOMLDecodeError: settings.py's warning says so
        return {}, []


def app_classes(base: type) -> list[type]:
    """Every class of the app derived from `base`, in every module of screens/ and
    widgets/ (imports them all: a thread's work, after the first paint)."""
    import importlib
    import pkgutil

    from followup_tui import screens, widgets

    importlib.import_module("followup_tui.app")
    for package in (screens, widgets):
        for module in pkgutil.iter_modules(package.__path__):
            importlib.import_module(f"{package.__name__}.{module.name}")
    found, classes = [], [base]
    while classes:
        cls = classes.pop()
        classes += cls.__subclasses__()
        if cls.__module__.startswith("followup_tui."):
            found.append(cls)
    return found


def binding_classes() -> list[type]:
    """Every class of the app that declares Bindings: the app, panes, modals, widgets."""
    from textual.dom import DOMNode

    return [cls for cls in app_classes(DOMNode) if "BINDINGS" in cls.__dict__]


def declared_ids(classes: list[type] | None = None) -> set[str]:
    """The id of every Binding the app declares."""
    return {binding.id for cls in classes or binding_classes()
            for binding in cls.__dict__["BINDINGS"] if isinstance(binding, Binding) and binding.id}


def clashes(cls: type, keymap: dict[str, str]) -> Iterator[str]:
    """Keys the keymap gives a binding of `cls` that another of its bindings (its own,
    inherited or Textual's) keeps: Textual quietly lets the keymap's win."""
    kept: dict[str, Binding] = {}
    for base in reversed(cls.__mro__):
        for key, binding in BindingsMap(base.__dict__.get("BINDINGS", ())):
            if binding.id not in keymap:
                kept[key] = binding
    for _key, binding in BindingsMap(cls.__dict__["BINDINGS"]):
        for key in keymap.get(binding.id or "", "").split(","):
            other = kept.get(key)
            if other is not None and other.action != binding.action:
                what = f"“{other.description or other.action}”"
                yield (f"{key} now does {binding.id}, no longer {what}"
                       + (f" ({other.id})" if other.id else ""))


def keymap_warning(keymap: dict[str, str], problems: list[str],
                   path: Path | None = None) -> str | None:
    """The one sentence that names every dropped entry and every key taken from another
    binding, or None when every entry applies as written."""
    parts, taken = [], []
    if keymap:
        classes = binding_classes()
        known = declared_ids(classes)
        problems = problems + [f"{binding_id!r} is no binding id" for binding_id in keymap
                               if binding_id not in known]
        taken = sorted({clash for cls in classes for clash in clashes(cls, keymap)})
    if problems:
        parts.append(f"{'; '.join(problems)}: ignored, the other keys apply")
    if taken:
        parts.append("; ".join(taken))
    if not parts:
        return None
    return (f"Settings file {path or settings_path()}, [keys]: {'; '.join(parts)} "
            "(ids and keys: docs/keys.md).")


def rebound(binding: Binding, keymap: dict[str, str]) -> Binding:
    """The binding with the key the user gave its id, as the keymap makes it."""
    keys = keymap.get(binding.id or "")
    return binding.with_key(keys, key_display=None) if keys else binding


def key_text(app: App, binding: Binding) -> str:
    """How a binding's keys read on screen: `?`, `^s`, `n / ^n`."""
    if binding.key_display:
        return binding.key_display
    return " / ".join(app.get_key_display(binding.with_key(key, key_display=None))
                      for key in binding.key.split(","))


def hint(app: App, binding: BindingType) -> str:
    """A binding's keys as a hint line in a modal names them, with the user's keys:
    `n / escape`, `?`, `ctrl+s`."""
    if not isinstance(binding, Binding):  # a (key, action[, description]) in BINDINGS
        binding = Binding(*binding)
    keys = rebound(binding, getattr(app, "user_keymap", {})).key.split(",")
    return " / ".join(format_key(key) if key in SYMBOL_KEYS else key for key in keys)
