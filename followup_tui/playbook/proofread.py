"""Proofreading a thank-you note (docs/playbook.md, R5: "proofread: right names, no leftover
placeholders, no typos"; short; each panelist's note personal, not a copy).

Each check is its own small function returning findings; `proofread` runs them all.
Pure: the only outside thing touched is pyspellchecker's bundled dictionary
(`playbook.spelling`), loaded once per process on first use, never at import time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher

from followup_tui.playbook.checklist import says
from followup_tui.playbook.draft_context import HANDWRITTEN, DraftContext
from followup_tui.playbook.names import name_parts, other_names
from followup_tui.playbook.promises import note_promises
from followup_tui.playbook.spelling import dictionary

MAX_WORDS = 250  # email and letter
MAX_WORDS_HANDWRITTEN = 120
SIMILAR_RATIO = 0.8
MAX_TYPOS_LISTED = 5


@dataclass(frozen=True)
class Finding:
    code: str  # placeholder, name, spelling, other panelist, promise, time words, repeated,
    # length, similar
    message: str


_EMAIL_RE = re.compile(r"\S+@\S+")
_URL_RE = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’]*")


def _words(text: str) -> list[str]:
    """Words without emails, URLs or numbers; possessive 's dropped, curly quotes straightened."""
    text = _URL_RE.sub(" ", _EMAIL_RE.sub(" ", text))
    words = []
    for w in _WORD_RE.findall(text):
        w = w.replace("’", "'").strip("'")
        if w.lower().endswith("'s"):
            w = w[:-2]
        if w:
            words.append(w)
    return words


def _names_on_file(ctx: DraftContext, known_names: Iterable[str]) -> set[str]:
    """Lower-cased words that are right by definition: the card, the company, the job, you."""
    r, s = ctx.recipient, ctx.sender
    texts = [r.full_name, r.title, r.email, r.postal_address, ctx.company, ctx.role,
             s.name, s.email, s.address, *known_names]
    return {w.lower() for t in texts if t for w in _words(t)}


# --- checks ------------------------------------------------------------------------------

_PLACEHOLDER_RE = re.compile(
    r"\[[^\]\n]*\]|\{[^}\n]*\}|<[^>@\n]*>"
    r"|\b(?:TODO|TBD|XXX+|FIXME|COMPANY|ROLE|NAME)\b"
    r"|\b(?:First ?name|Last ?name|Full ?name|Company ?name)\b",
)


def check_placeholders(body: str, known: Iterable[str] = ()) -> list[Finding]:
    """R5: no leftover placeholders: [..], {..}, <..> (not an <email>), TODO, XXX, Firstname.
    `known`: names as they are on file ("Renée [O'Brien]", "Grace [/] Hopper"): their
    brackets are theirs, not a placeholder left in."""
    for text in sorted({t for t in known if t}, key=len, reverse=True):
        body = body.replace(text, " ")
    found = list(dict.fromkeys(m.group(0) for m in _PLACEHOLDER_RE.finditer(body)))
    if not found:
        return []
    return [Finding("placeholder", "Leftover placeholder: " + ", ".join(found[:5]))]


def _distance(a: str, b: str) -> int:
    """Levenshtein distance."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def _misspelt_names(body: str, ctx: DraftContext, known_names: Iterable[str]) -> dict[str, str]:
    """Capitalised words close to, but not equal to, the recipient's or company's name.

    Close means same first letter and an edit distance of 1 (2 for names of 7+ letters);
    words on file and very common English words ("Will", "Look") are never flagged.
    """
    targets = {w for w in name_parts(ctx.recipient.full_name) + _words(ctx.company) if len(w) >= 3}
    on_file = _names_on_file(ctx, known_names)
    wrong: dict[str, str] = {}
    for word in _words(body):
        low = word.lower()
        if not word[0].isupper() or low in on_file or word in wrong:
            continue
        for target in targets:
            t = target.lower()
            if low[0] != t[0] or abs(len(low) - len(t)) > 2:
                continue
            if _distance(low, t) <= (2 if len(t) >= 7 else 1):
                if not dictionary().is_common(low):
                    wrong[word] = target
                break
    return wrong


def check_names(body: str, ctx: DraftContext, known_names: Iterable[str] = ()) -> list[Finding]:
    """R5 (and R2): names spelled exactly as on the card: "Jon" for "John" is flagged."""
    return [Finding("name", f"“{word}” — did you mean “{target}” (as on file)?")
            for word, target in _misspelt_names(body, ctx, known_names).items()]


def check_spelling(body: str, ctx: DraftContext, known_names: Iterable[str] = ()) -> list[Finding]:
    """R5: no typos. Words the dictionary does not know, listed in one finding.

    Ignored: names on file (recipient, company, job title, sender, known_names), emails,
    URLs, numbers, acronyms (ALLCAPS), CamelCase brands, and near-misses of names
    (`check_names` reports those).
    """
    on_file = _names_on_file(ctx, known_names)
    near_names = set(_misspelt_names(body, ctx, known_names))
    candidates: dict[str, str] = {}
    for word in _words(body):
        if word.isupper() and len(word) > 1 or any(c.isupper() for c in word[1:]):
            continue
        if word.lower() in on_file or word in near_names:
            continue
        candidates.setdefault(word.lower(), word)
    unknown = dictionary().unknown(list(candidates))
    typos = [w for low, w in candidates.items() if low in unknown]
    if not typos:
        return []
    more = f" (and {len(typos) - MAX_TYPOS_LISTED} more)" if len(typos) > MAX_TYPOS_LISTED else ""
    return [Finding("spelling", "Check the spelling: " + ", ".join(typos[:MAX_TYPOS_LISTED]) + more)]


_REPEATED_RE = re.compile(r"\b([A-Za-z']+)\s+\1\b", re.IGNORECASE)
_REPEAT_OK = frozenset({"that", "had"})


def _common_word(word: str) -> bool:
    """An everyday English word ("will", "Mark" at a sentence start), not only a name."""
    return dictionary().is_common(word)


def check_other_panelists(body: str, ctx: DraftContext) -> list[Finding]:
    """R5: each panelist's note is theirs. Another panelist's name in it reads like a line
    of notes about someone else left in ("for Priya by Thursday", "our discussion of Maria
    Lopez", "maria"). Greeting both ("you and Maria Lopez") is fine, and so is an everyday
    word that is also a name ("I will", "Will you…" for Will Smith)."""
    others = other_names(ctx)
    if not others:
        return []
    alt = "|".join(re.escape(n) for n in others)
    topic = re.compile(rf"\b(?:about|of|on|regarding|around|in|for|to|with|from)\s+"
                       rf"(?:(?:the|your)\s+)?(?:{alt})\b", re.IGNORECASE)
    named = re.compile(rf"(?<![\w’'])(?:{alt})(?![\w’'])", re.IGNORECASE)
    social = re.compile(rf"\byou\s+and\s+(?:{alt})\b|\b(?:{alt})\s+and\s+you\b", re.IGNORECASE)
    found = [m.group(0) for m in topic.finditer(body)]
    covered = [m.span() for m in (*topic.finditer(body), *social.finditer(body))]
    for m in named.finditer(body):
        if any(a <= m.start() < b for a, b in covered):
            continue
        word = m.group(0)
        start = re.search(r"(?:^|[.!?]\s+|\n)$", body[:m.start()]) is not None
        if _common_word(word) and (word[0].islower() or start):
            continue
        found.append(word)
    if not found:
        return []
    shown = ", ".join(f"“{f}”" for f in dict.fromkeys(found))
    return [Finding("other panelist", f"{shown}: another panelist's name, like a leftover from "
                    f"your notes: make it about {ctx.recipient.full_name or 'them'}.")]


def check_promises(body: str, ctx: DraftContext) -> list[Finding]:
    """R5: what was promised to another panelist belongs in their note: this one names
    the thing promised ("reference list" in Tom's note when it was for Priya)."""
    mine, others = note_promises(ctx)
    findings = []
    for promise in others:
        if says(body, promise) and not any(says(promise.what, own) for own in mine):
            whom = " and ".join(promise.to)
            findings.append(Finding("promise", f"“{promise.thing}” was promised to {whom}: "
                                    "it belongs in their note, not this one."))
    return findings


_DAY_NAMED = (r"(?:by|on|before)\s+(?:the\s+)?(?:monday|tuesday|wednesday|thursday|friday|"
              r"saturday|sunday|tomorrow|today|tonight|next\s+week|the\s+end\s+of\s+the\s+week)"
              r"(?:,\s+[a-z]+\s+\d{1,2})?")
_VAGUE_WORDS = r"(?:soon|shortly|asap|later|right\s+away|as\s+soon\s+as\s+possible)"
_DOUBLED_TIME = re.compile(rf"\b{_DAY_NAMED}\s*,?\s+{_VAGUE_WORDS}\b|\b{_VAGUE_WORDS}\s+"
                           rf"{_DAY_NAMED}\b|\b{_VAGUE_WORDS}\s*,?\s+{_VAGUE_WORDS}\b",
                           re.IGNORECASE)


def check_time_words(body: str) -> list[Finding]:
    """R5 proofreading: one time word per promise: "by Thursday soon" says when twice."""
    found = [m.group(0) for m in _DOUBLED_TIME.finditer(body)]
    if not found:
        return []
    return [Finding("time words", "When, said twice: " + ", ".join(f"“{f}”" for f in found[:3])
                    + ": keep the day.")]


def check_repeated(body: str) -> list[Finding]:
    """R5 proofreading: a word written twice in a row ("the the")."""
    found = [m.group(0) for m in _REPEATED_RE.finditer(body) if m.group(1).lower() not in _REPEAT_OK]
    if not found:
        return []
    return [Finding("repeated", "Repeated word: " + ", ".join(f"“{f}”" for f in found[:5]))]


def check_length(body: str, medium: str) -> list[Finding]:
    """R5: short. More than ~250 words (email, letter) or ~120 (handwritten card, R6)."""
    limit = MAX_WORDS_HANDWRITTEN if medium == HANDWRITTEN else MAX_WORDS
    count = len(re.findall(r"\S+", body))
    if count <= limit:
        return []
    return [Finding("length", f"{count} words: a {medium} note should stay under about {limit}.")]


def _normal(text: str) -> str:
    return " ".join(text.lower().split())


def check_similar(body: str, other_notes: Iterable[str]) -> list[Finding]:
    """R5: panelists compare notes, so a note must not be a copy of another panelist's
    note of the same interview (difflib ratio >= 0.8)."""
    mine = _normal(body)
    best = max((SequenceMatcher(None, mine, _normal(o)).ratio() for o in other_notes if o.strip()),
               default=0.0)
    if best < SIMILAR_RATIO:
        return []
    return [Finding("similar", f"{best:.0%} the same as another panelist's note: make it personal.")]


def proofread(body: str, ctx: DraftContext, *, other_notes: Iterable[str] = (),
              known_names: Iterable[str] = ()) -> list[Finding]:
    """All R5 proofreading checks on one note body; an empty list means nothing to fix."""
    if not body.strip():
        return []
    return [
        *check_placeholders(body, (ctx.recipient.full_name, ctx.recipient.title, ctx.company,
                                   ctx.role, ctx.sender.name, ctx.sender.address)),
        *check_names(body, ctx, known_names),
        *check_spelling(body, ctx, known_names),
        *check_other_panelists(body, ctx),
        *check_promises(body, ctx),
        *check_time_words(body),
        *check_repeated(body),
        *check_length(body, ctx.medium),
        *check_similar(body, other_notes),
    ]
