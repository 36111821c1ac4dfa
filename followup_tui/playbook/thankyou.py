"""Thank-you notes (docs/playbook.md, R4, R5, R6) as pure functions.

R4: every interviewer, panelist, helper and person met gets their own note.
R5: a good note thanks them, has a personal touch, shows interest in the role, says why
    you fit, delivers what you promised, looks forward to hearing back and gives your
    contact details; it is short, and each panelist's note is personal, not a copy.
R6: the medium (email, handwritten card, typed letter) shapes the note.

`build_draft` writes a first draft from the interview notes (R3 sections); `checklist`
says which R5 elements a (possibly edited) body has; `note_state` sums it up for the
pane. Proofreading lives in `followup_tui.playbook.proofread`.

No I/O, no Textual, no database: plain frozen dataclasses in, strings and lists out.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass, field
from datetime import date

from followup_tui.playbook.words import MEDIA

EMAIL, HANDWRITTEN, LETTER = MEDIA  # ("email", "handwritten", "letter"), R6

# note_state values.
NO_DRAFT = "no draft"
DRAFT = "draft"
READY = "ready"
SENT = "sent"

# Checklist elements (R5), in the order a note usually has them.
THANKS = "thanks"
PERSONAL_TOUCH = "personal touch"
INTEREST = "interest in the role"
FIT = "why you fit"
PROMISED = "what you promised"
LOOKING_FORWARD = "looking forward"
CONTACT = "contact details"

HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame"})

_MONTHS = ("January", "February", "March", "April", "May", "June", "July",
           "August", "September", "October", "November", "December")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_ORDINALS = {2: "second", 3: "third", 4: "fourth", 5: "fifth"}


@dataclass(frozen=True)
class Sender:
    """The user's profile: who signs the note (R5: your contact details)."""

    name: str
    email: str
    phone: str
    address: str = ""


@dataclass(frozen=True)
class Recipient:
    """One person to thank (R4), as on their card (R2).

    role: "panel", "interviewer", "met" (met that day) or "helper" (helped get the interview).
    organisation: where they work, from their card; "" when not on file.
    touch_*: the plan's R4 touch for this note (status pending/done/skipped/cancelled, its
    due day, whether the user snoozed or re-dated it); "" / None when the plan has none.
    """

    contact_id: int | None
    full_name: str
    title: str
    email: str
    postal_address: str
    role: str
    organisation: str = ""
    touch_status: str = ""
    touch_due: date | None = None
    touch_changed: bool = False


@dataclass(frozen=True)
class DraftContext:
    """Everything known when writing one recipient's note (R5)."""

    recipient: Recipient
    company: str
    role: str  # the job title
    interview_round: int
    interview_date: date
    notes: dict[str, str] = field(hash=False)  # R3 section key -> text; may be empty
    sender: Sender
    medium: str = EMAIL  # one of MEDIA (R6)
    # Full names of everyone thanked for this interview (R4), so that a notes line naming
    # two of them is read per person; () when not known.
    panel: tuple[str, ...] = field(default=(), hash=False)


@dataclass(frozen=True)
class ChecklistItem:
    """One R5 element: whether the body has it, and what to add (or why it is not needed)."""

    element: str
    present: bool
    hint: str


# --- small text helpers --------------------------------------------------------------

def name_parts(full_name: str) -> list[str]:
    """The words of a name without honorifics: "Dr. Ana Lopez" -> ["Ana", "Lopez"]."""
    words = re.findall(r"[^\W\d_][\w'’-]*", full_name)
    return [w for w in words if w.lower().rstrip(".") not in HONORIFICS]


def first_name(full_name: str) -> str:
    parts = name_parts(full_name)
    return parts[0] if parts else ""


def note_lines(notes: dict[str, str], key: str) -> list[str]:
    """Non-empty lines of one R3 section, without bullets and trailing full stops."""
    lines = []
    for raw in (notes.get(key) or "").splitlines():
        line = re.sub(r"^\s*(?:[-*•·]|\d+[.)])\s*", "", raw).strip().rstrip(".;").strip()
        if line:
            lines.append(line)
    return lines


def _items(notes: dict[str, str], key: str) -> list[str]:
    """Lines of a section split further on commas and semicolons, deduplicated."""
    seen: dict[str, str] = {}
    for line in note_lines(notes, key):
        for item in re.split(r"[;,]", line):
            item = item.strip()
            if item and item.lower() not in seen:
                seen[item.lower()] = item
    return list(seen.values())


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _mentions(line: str, names: list[str]) -> bool:
    return any(re.search(rf"\b{re.escape(n)}\b", line, re.IGNORECASE) for n in names)


_FUNCTION_WORDS = frozenset({"a", "an", "the", "our", "their", "his", "her", "my", "your", "both",
                             "how", "what", "why", "when", "where", "which", "some", "all"})


def _lower_first(text: str) -> str:
    """"The pipeline" -> "the pipeline" mid-sentence; "Python" stays as written."""
    first = text.split(" ", 1)[0]
    if first.lower() in _FUNCTION_WORDS:
        return first.lower() + text[len(first):]
    return text


def _when(d: date) -> str:
    return f"{_WEEKDAYS[d.weekday()]}, {_MONTHS[d.month - 1]} {d.day}"


def _seed(recipient: Recipient, slot: str = "") -> int:
    """A stable number per recipient (and sentence slot): deterministic, unlike hash()."""
    return zlib.crc32(f"{slot}|{recipient.contact_id}|{recipient.full_name}".encode())


def _pick(ctx: DraftContext, slot: str, options: tuple[str, ...]) -> str:
    """One of several phrasings, chosen per recipient, so that panelists' notes are not
    copies of each other (R5) while the same recipient always gets the same draft."""
    return options[_seed(ctx.recipient, slot) % len(options)]


# --- turning a notes line into words that read right (R5's personal touch) ---------------

# Words that are never the topic itself: pronouns, verbs that make a line a clause, and
# words that judge how it went rather than say what it was about.
_PRONOUNS = frozenset({"i", "we", "they", "he", "she", "you", "it", "me", "us", "them",
                       "i'd", "i'm", "i've", "i’d", "i’m", "i’ve", "we'd", "we’d",
                       "him", "this", "that", "everything", "everyone", "nothing"})
_VERBS = frozenset({
    "is", "are", "was", "were", "be", "been", "am", "went", "go", "goes", "did", "do", "does",
    "had", "has", "have", "got", "get", "gets", "felt", "feel", "seemed", "seems", "liked",
    "likes", "loved", "loves", "love", "asked", "said", "says", "told", "answered",
    "explained", "gave", "showed", "wanted", "wants", "want", "thinks", "think", "thought",
    "mentioned", "talked", "discussed", "agreed", "laughed", "clicked", "landed", "worked",
    "uses", "needs", "builds", "ships", "hires", "plans", "takes", "wanted", "came", "looked", "nailed", "handled", "impressed", "enjoyed", "can", "could", "will",
    "would", "should", "runs", "ran", "plays", "played", "knew", "knows", "made", "makes",
})
_JUDGEMENTS = frozenset({"great", "good", "well", "nice", "fine", "ok", "okay", "really",
                         "very", "also", "too", "strong", "solid", "excellent", "smooth",
                         "smoothly", "positive", "lots", "much", "more", "most", "mostly"})
# Lines about the mood of the meeting, not a subject the two of you talked about.
_NOT_TOPICS = frozenset({"rapport", "chemistry", "connection", "vibe", "vibes", "energy",
                         "atmosphere", "mood", "tone", "overall", "timing", "everything",
                         "interview", "day", "feeling", "feel", "fit"})
# Capitalised at the start of a line but names, not common words (the dictionary has them).
_PROPER = frozenset({
    "python", "java", "go", "rust", "swift", "ruby", "excel", "linux", "windows", "android",
    "kafka", "spark", "docker", "react", "angular", "django", "flask", "tableau", "figma",
    "jira", "slack", "azure", "terraform", "postgres", "oracle", "scala", "kotlin", "perl",
    "javascript", "typescript", "apple", "google", "amazon", "microsoft", "agile", "scrum",
    "english", "french", "german", "spanish", "london", "berlin", "paris", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
})
_ADJECTIVES = r"(?:(?:good|great|nice|long|deep|fun|lively|interesting|real|solid|strong|" \
              r"detailed|in-depth|useful|quick|short|brief|big|lots of|a|an|the|our|my)\s+)*"
_ASK_LEAD = re.compile(
    r"^(?:(?:they|he|she|was|were|very|really|mostly|mainly)\s+)*"
    r"(?:asked(?:\s+me)?|questions?|quizzed me|grilled me|probed|tell me|talk me through|"
    r"walk me through|describe|explain|give me an example of)"
    r"(?:\s+(?:mostly|mainly|a lot|most|lots|several things|a few things))?"
    r"(?:\s*:\s*|\s+(?:about|on|regarding|around|for|into)\s+|\s+(?=[\w\"“]))",
    re.IGNORECASE)
_TALK_LEAD = re.compile(
    r"^(?:(?:we|both|was|were|is|very|really|mostly|mainly|most|also)\s+)*"
    r"(?:" + _ADJECTIVES + r"(?:discussion|conversation|chat|talk|exchange|back-and-forth|"
    r"debate|deep dive|dive|answers?|story|example)\s+(?:about|on|of|around|into|regarding|"
    r"re|to|for)|cared about|cares about|care about|focused on|focuses on|focussed on|"
    r"interested in|keen on|passionate about|big on|into|wanted to know about|"
    r"wants to know about|talked about|talked|chatted about|spoke about|discussed|covered|"
    r"went over|dug into|got into|about|re|shared love of|shared interest in|"
    r"love of|interest in|passion for|shared|common|mutual)\s+",
    re.IGNORECASE)
_CLAUSE_CUT = re.compile(
    r"\s+[—–-]{1,2}\s+|\s*[;:]\s+|,\s+|\s*\(|\?|!|"
    r"\s+(?:because|but|which|so that|so|since|while|whereas|although|though|"
    r"and (?:I|we|they|he|she|how|why|what|whether|when))\s+",
    re.IGNORECASE)
_TRAILING_VERDICT = re.compile(
    r"\s+(?:went|was|were|is|are|felt|seemed|got|landed|came across|looked|clicked|worked|"
    r"played out|impressed|resonated)\b.*$|\s+(?:well|great|nicely|fine|ok|okay)$",
    re.IGNORECASE)
_QUESTION_START = re.compile(
    r"^(?:why|what|how|when|where|who|which|whether|do|does|did|are|is|can|could|would|"
    r"will|have|has|should)\b", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_][\w'’-]*|\d[\w.]*")
MAX_TOPIC_WORDS = 8
_STOPWORDS = _FUNCTION_WORDS | _PRONOUNS | _VERBS | _JUDGEMENTS | frozenset({
    "and", "or", "with", "for", "about", "from", "into", "that", "then", "than", "but", "not",
    "its", "any", "the", "was", "conversation", "chat", "talk", "talking", "discussion",
    "interview", "meeting", "role", "position", "job", "team", "company", "time", "today",
    "yesterday", "enjoyed", "enjoy", "question", "questions", "answer", "answers", "thank",
    "thanks", "especially", "particularly", "stayed", "finding", "find", "out", "interest",
    "common", "great", "there", "here", "what", "which",
})


@dataclass(frozen=True)
class PersonalTouch:
    """A personal touch made from one notes line (R5).

    kind: "topic" (a noun phrase: "our conversation about <text>"), "questions" (what they
    asked about: "your questions about <text>"), "interest" (a shared interest: "an interest
    in <text>"), "shared" (a clause: "find out that <text>"), or "talk" (the key phrase of a
    line that is no topic by itself: "talking about <text>").
    """

    section: str
    kind: str
    text: str


def _strip_names(line: str, names: list[str]) -> tuple[str, bool]:
    """The line without the person's name (and a following "'s"); whether it had it."""
    text, found = line, False
    for n in sorted(names, key=len, reverse=True):
        text, count = re.subn(rf"\b{re.escape(n)}\b(?:'s|’s)?", "", text, flags=re.IGNORECASE)
        found = found or bool(count)
    text = re.sub(r"\([^)]*\)", "", text)  # "(hiring manager)"
    return re.sub(r"^[\s:,;\-–—]+", "", re.sub(r"\s{2,}", " ", text)).strip(), found


def _is_common(word: str, proper: frozenset[str]) -> bool:
    """A capitalised word that is an ordinary English word where it stands ("Whiteboard"),
    not a name, a product or an acronym ("Kubernetes", "SQL", "GraphQL", "Maria")."""
    low = word.lower()
    if low in _FUNCTION_WORDS or low in _JUDGEMENTS:
        return True
    if (low in proper or low in _PROPER or any(c.isdigit() for c in word)
            or not (word[:1].isupper() and (len(word) == 1 or word[1:].islower()))):
        return False
    from followup_tui.playbook.proofread import _spell  # the dictionary, loaded once

    return bool(_spell().known([low.replace("’", "'")]))


def sentence_case(text: str, proper: frozenset[str] = frozenset()) -> str:
    """A phrase's first letter as it reads mid-sentence: "Whiteboard design" -> "whiteboard
    design"; "Kubernetes operators", "SQL tuning" and names stay as written."""
    match = _WORD.match(text)
    if not match or not _is_common(match.group(), proper):
        return text
    return text[0].lower() + text[1:]


def _proper_words(ctx: DraftContext) -> frozenset[str]:
    """Lower-cased words that are names here: the people, the company, and any word the
    notes capitalise mid-sentence ("the Atlas project")."""
    texts = [ctx.recipient.full_name, ctx.company, ctx.sender.name]
    words = {w.lower() for t in texts for w in _WORD.findall(t or "")}
    for body in ctx.notes.values():
        for match in re.finditer(r"(?<![.!?:\n•*-])\s+([A-Z][\w'’-]*)", body or ""):
            words.add(match.group(1).lower())
    return frozenset(words)


def _key_phrase(text: str) -> tuple[str, str]:
    """The noun phrase of a line and where it came from: "whole" (no verb, no pronoun),
    else the words "before" the first verb or pronoun, or "after" it:
    "They loved my portfolio" -> ("my portfolio", "after")."""
    words = list(_WORD.finditer(text))
    stop = next((i for i, w in enumerate(words)
                 if w.group().lower() in _VERBS or w.group().lower() in _PRONOUNS), None)
    if stop is None:
        return text, "whole"
    before = text[:words[stop].start()].strip(" ,;:-–—") if stop else ""
    if _content(before):
        return before, "before"
    rest = words[stop + 1:]
    while rest and (rest[0].group().lower() in _VERBS | _PRONOUNS
                    or rest[0].group().lower() in {"to", "about", "on", "of", "that"}):
        rest = rest[1:]
    return (text[rest[0].start():].strip(" ,;:-–—") if rest else ""), "after"


def _content(text: str) -> set[str]:
    """The words of a text that carry meaning (not function words, verbs or verdicts)."""
    return {w.lower() for w in _WORD.findall(text)
            if len(w) > 2 and w.lower() not in _STOPWORDS}


def _second_person(clause: str) -> str:
    """A line about them in the third person, for "find out that you …": "also runs trail
    marathons" -> "you also run trail marathons"."""
    words = clause.split(" ")
    i = 0
    while i < len(words) and words[i].lower() in {"also", "too", "really", "regularly", "often",
                                                    "both", "still", "even"}:
        i += 1
    if i < len(words):
        verb = words[i].lower()
        irregular = {"has": "have", "is": "are", "was": "were", "does": "do", "goes": "go"}
        if verb in irregular:
            words[i] = irregular[verb]
        elif re.search(r"[^aeiou]ies$", verb):
            words[i] = words[i][:-3] + "y"
        elif re.search(r"(?:ch|sh|ss|x|z)es$", verb):
            words[i] = words[i][:-2]
        elif verb.endswith("s") and not verb.endswith("ss"):
            words[i] = words[i][:-1]
    return "you " + " ".join(words)


def line_touch(section: str, line: str, names: list[str],
               proper: frozenset[str] = frozenset()) -> PersonalTouch | None:
    """One notes line as a personal touch that reads right mid-sentence, or None when the
    line has no subject to mention (the mood of the meeting, a bare verdict, a question).

    Deterministic rules: the person's name and asides go; a lead ("asked about", "cared
    about", "great chat about") says what kind of touch it is and goes; the line is cut at
    its first clause break and a trailing verdict ("went great", "was good") goes; the
    first letter is lower-cased unless it is a name, a product or an acronym.
    """
    text, about_them = _strip_names(line, names)
    kind = "questions" if section == "asked" else "topic"
    asked = _ASK_LEAD.match(text)
    if asked:
        text, kind = text[asked.end():], "questions"
    elif section == "asked" and (_QUESTION_START.match(text) or text.rstrip().endswith("?")):
        return None  # a question as asked ("Why do you want to leave?") is no topic
    text = _TALK_LEAD.sub("", text, count=1).strip(" \"“”'")
    text = _CLAUSE_CUT.split(text, maxsplit=1)[0].strip()
    text = _TRAILING_VERDICT.sub("", text).strip(" .,:;-–—\"“”'")
    text = re.sub(r"^(?:about|of|on)\s+", "", text, flags=re.IGNORECASE)  # never "about about"
    text = re.sub(r"\s+(?:discussion|conversation|chat|talk|overall)$", "", text,
                  flags=re.IGNORECASE)
    lead = [w.lower() for w in _WORD.findall(text) if w.lower() not in _JUDGEMENTS
            and w.lower() not in {"instant", "real", "genuine", "the", "a", "an", "good"}]
    if not _content(text) or (lead and lead[0] in _NOT_TOPICS):
        return None
    if section == "common":
        lowered = text[0].lower() + text[1:]
        if re.match(r"both of us\b", lowered):
            return PersonalTouch(section, "shared", "we both" + lowered[len("both of us"):])
        if re.match(r"(?:we|both)\b", lowered):
            clause = lowered if lowered.startswith("we") else "we " + lowered
            return PersonalTouch(section, "shared", clause)
        if about_them and _key_phrase(text)[1] != "whole" or re.match(
                r"(?:also|too|really|still|even)\b", lowered):
            return PersonalTouch(section, "shared", _second_person(sentence_case(text, proper)))
    phrase, source = _key_phrase(text)
    if not _content(phrase) or len(phrase.split()) > MAX_TOPIC_WORDS:
        return None
    phrase = sentence_case(phrase, proper)
    if source == "after" and kind == "questions":
        return None  # "Asked me to describe X": not what their questions were about
    if source != "whole" and kind != "questions":
        return PersonalTouch(section, "talk", phrase)
    if section == "common":
        return PersonalTouch(section, "interest", phrase)
    return PersonalTouch(section, kind, phrase)


def other_names(ctx: DraftContext) -> list[str]:
    """The other panelists' full names and name words (not the recipient's), longest first:
    a touch for this recipient never says them (R5: each panelist's note is theirs)."""
    mine = ctx.recipient.full_name.strip().casefold()
    mine_parts = {w.casefold() for w in name_parts(mine)}
    names: set[str] = set()
    for full in (f.strip() for f in ctx.panel):
        if full and full.casefold() != mine:
            names.add(full)
            names.update(w for w in name_parts(full) if len(w) > 1 and w.casefold() not in mine_parts)
    return sorted(names, key=len, reverse=True)


def person_fragments(line: str, panel: tuple[str, ...] | list[str] = ()) -> list[str]:
    """A notes line cut into one fragment per person: on ";", and on ",", " - " or "—"
    just before a panelist's name: "Maria Lopez - reliability; Tom Chen - cost" ->
    ["Maria Lopez - reliability", "Tom Chen - cost"]."""
    pieces = [p.strip() for p in re.split(r"\s*;\s*", line) if p.strip()]
    names = sorted({n for full in panel for n in (full.strip(), *name_parts(full))
                    if len(n) > 1}, key=len, reverse=True)
    if not names:
        return pieces
    before_name = re.compile(r"(?:,\s+|\s+[-–]{1,2}\s+|\s*—\s*)(?=(?:"
                             + "|".join(re.escape(n) for n in names) + r")\b)")
    return [f.strip() for p in pieces for f in before_name.split(p) if f.strip()]


def _someone_else(line: str) -> bool:
    """A line that starts with somebody's full name ("Maria Rivera runs …")."""
    return bool(re.match(r"^[A-Z][\w'’-]+ [A-Z][\w'’-]+\b", line)) and \
        not _is_common(line.split(" ", 1)[0], frozenset())


def personal_touch(ctx: DraftContext) -> PersonalTouch | None:
    """A concrete touch from the notes for this recipient (R5), or None when none reads right.

    Panelists compare notes, so prefer what is about *this* person: a "panel" or "common"
    line naming them. Otherwise, for an interviewer or panelist, a "common" line (a shared
    interest), else one of the "went_well" and "asked" lines, chosen per recipient so that
    different people tend to get different ones; lines naming someone else are left alone.
    Helpers and people met that day (R4) were not in the interview: only lines naming them.
    """
    full = ctx.recipient.full_name.strip()
    names = [full, *name_parts(full)] if full else []
    proper = _proper_words(ctx)
    others = other_names(ctx)
    everyone = (*ctx.panel, full)

    def theirs(touch: PersonalTouch | None) -> bool:  # never another panelist's name
        return touch is not None and not (others and _mentions(touch.text, others))

    for key in ("panel", "common"):
        for line in note_lines(ctx.notes, key):
            for part in person_fragments(line, everyone):
                if names and _mentions(part, names):
                    touch = line_touch(key, part, names, proper)
                    if theirs(touch):
                        return touch
    if ctx.recipient.role in ("helper", "met"):
        return None
    for keys in (("common",), ("went_well", "asked")):
        touches = [t for key in keys for line in note_lines(ctx.notes, key)
                   if not _someone_else(line)
                   and theirs(t := line_touch(key, line, names, proper))]
        if touches:
            return touches[_seed(ctx.recipient, "+".join(keys)) % len(touches)]
    return None


# --- the draft (R5, R6) ------------------------------------------------------------------

def _greeting(ctx: DraftContext) -> str:
    """R2/R5: the name exactly as on the card; first name, or full name for a letter."""
    full = ctx.recipient.full_name.strip()
    name = full if ctx.medium == LETTER else first_name(full)
    return f"Dear {name}," if name else "Hello,"


def _thanks(ctx: DraftContext, short: bool) -> str:
    where = f" at {ctx.company}" if ctx.company else ""
    job = f" for the {ctx.role} role" if ctx.role else ""
    when = _when(ctx.interview_date)
    if ctx.recipient.role == "helper":
        return f"Thank you for your help in getting me the interview{job}{where}."
    if ctx.recipient.role == "met":
        place = ctx.company or "you"
        return f"Thank you for taking the time to talk with me when I visited {place} on {when}."
    rnd = ctx.interview_round
    kind = f"{_ORDINALS.get(rnd, f'round {rnd}')}-round interview" if rnd and rnd > 1 else "interview"
    if short:
        return _pick(ctx, "thanks", (
            f"Thank you for the {kind} on {when}.",
            f"Thank you so much for your time on {when}.",
            f"Many thanks for meeting with me on {when}.",
        ))
    return _pick(ctx, "thanks", (
        f"Thank you for taking the time to meet with me on {when} for the {kind}{job}{where}.",
        f"Thank you for the {kind} on {when}{job}{where}; I appreciated your time.",
        f"Thank you for your time on {when} and for a great {kind}{job}{where}.",
    ))


def _touch(ctx: DraftContext) -> str:
    """The personal-touch sentence (R5), worded for the kind of line it comes from."""
    touch = personal_touch(ctx)
    if touch is None:
        return ""
    t = touch.text
    if touch.kind == "shared":
        return f"It was great to find out that {t}."
    if touch.kind == "interest":
        return f"I also enjoyed finding out that we share an interest in {t}."
    if touch.kind == "questions":
        return _pick(ctx, "touch", (
            f"I especially enjoyed your questions about {t}.",
            f"I enjoyed your questions about {t}.",
        ))
    if touch.kind == "talk":
        return f"I especially enjoyed talking about {t}."
    return _pick(ctx, "touch", (
        f"I especially enjoyed our conversation about {t}.",
        f"I particularly enjoyed talking with you about {t}.",
        f"Our discussion of {t} stayed with me.",
    ))


def _interest(ctx: DraftContext, short: bool) -> str:
    if not ctx.company and not ctx.role:
        return ""
    if short:
        what = " at ".join(x for x in (f"the {ctx.role} role" if ctx.role else "", ctx.company) if x)
        return _pick(ctx, "interest", (
            f"I'm excited about {what}.",
            f"I'm really keen on {what}.",
            f"I'm very interested in {what}.",
        ))
    if ctx.role and ctx.company:
        return _pick(ctx, "interest", (
            f"I am very interested in the {ctx.role} role and excited about the chance to join {ctx.company}.",
            f"Our meeting made me even more interested in the {ctx.role} position at {ctx.company}.",
            f"I am genuinely excited about the opportunity to join {ctx.company} in the {ctx.role} role.",
        ))
    if ctx.role:
        return f"I am very interested in the {ctx.role} role."
    return f"I am very interested in joining {ctx.company}."


def _fit(ctx: DraftContext, short: bool) -> str:
    skills = [_lower_first(s) for s in _items(ctx.notes, "skills")]
    if not skills:
        return ""
    if short:
        return _pick(ctx, "fit", (
            f"I'd love to bring my experience with {skills[0]} to the team.",
            f"I'm sure my {skills[0]} skills would help the team.",
            f"My background in {skills[0]} would be a good fit.",
        ))
    listed = _join(skills[:3])
    return _pick(ctx, "fit", (
        f"My experience with {listed} fits what you are looking for, "
        "and I am confident I can bring real value to the team.",
        f"I believe my background in {listed} would let me contribute from day one.",
        f"With my experience in {listed}, I am confident I can bring real value to your team.",
    ))


def owed_items(notes: dict[str, str]) -> list[str]:
    """The "owed" section's lines (R3), without a leading "send": "the portfolio link"."""
    return [_lower_first(re.sub(r"^(?:to\s+)?(?:send|email|share|forward)\s+(?:them\s+|you\s+)?",
                                "", line, flags=re.IGNORECASE))
            for line in note_lines(notes, "owed")]


def _owed(ctx: DraftContext) -> str:
    items = owed_items(ctx.notes)
    if not items:
        return ""
    listed = _join(items)
    return _pick(ctx, "owed", (
        f"As promised, I'll send {listed} shortly.",
        f"I'll send {listed} shortly, as promised.",
        f"As I promised, I will send you {listed} soon.",
    ))


def _looking_forward(ctx: DraftContext, short: bool) -> str:
    if short:
        return _pick(ctx, "forward", (
            "I look forward to hearing from you.",
            "Hope to hear from you soon.",
            "Looking forward to the next steps.",
        ))
    return _pick(ctx, "forward", (
        "I look forward to hearing from you about the next steps.",
        "I look forward to hearing from you.",
        "I am looking forward to hearing about the next steps.",
    ))


def _sign_off(ctx: DraftContext) -> list[str]:
    s = ctx.sender
    closing = {LETTER: "Sincerely,", HANDWRITTEN: "Best wishes,"}.get(ctx.medium, "Best regards,")
    lines = [closing, s.name] if s.name else [closing]
    if ctx.medium != HANDWRITTEN:
        lines += [x for x in (s.email, s.phone) if x]
        if ctx.medium == LETTER and s.address:
            lines += s.address.splitlines()
    return lines


def recipient_block(recipient: Recipient, company: str) -> list[str]:
    """A letter's recipient block (R6), as on their card (R2): name, title, organisation
    (theirs; the application's company only when the card has none), then the address;
    each line once (an address that repeats the organisation does not show it twice)."""
    lines = [recipient.full_name, recipient.title, recipient.organisation or company,
             *recipient.postal_address.splitlines()]
    seen: set[str] = set()
    block = []
    for line in (x.strip() for x in lines if x):
        if line and line.casefold() not in seen:
            seen.add(line.casefold())
            block.append(line)
    return block


def _letter_head(ctx: DraftContext) -> list[str]:
    """A typed letter (R6) opens with the recipient's block."""
    return recipient_block(ctx.recipient, ctx.company)


def build_draft(ctx: DraftContext) -> str:
    """A short, personal first draft of one recipient's thank-you note (R4, R5, R6).

    Built only from what is known: a sentence whose facts are missing is left out (never a
    "[skill]" placeholder), so `checklist` then reports that element as missing.
    Handwritten cards (R6) are shorter and carry no contact block; letters open with the
    recipient's address block and greet them by full name. Deterministic.
    """
    short = ctx.medium == HANDWRITTEN
    opening = [_thanks(ctx, short), _touch(ctx)]
    middle = [_interest(ctx, short), _fit(ctx, short)]
    closing = [_owed(ctx), _looking_forward(ctx, short)]

    paragraphs = [" ".join(s for s in part if s) for part in (opening, middle, closing)]
    if short:
        paragraphs = [" ".join(p for p in paragraphs if p)]
    head = _letter_head(ctx) if ctx.medium == LETTER else []
    blocks = (["\n".join(head)] if head else []) + [_greeting(ctx)]
    blocks += [p for p in paragraphs if p] + ["\n".join(_sign_off(ctx))]
    return "\n\n".join(blocks) + "\n"


def subject_line(ctx: DraftContext) -> str:
    """The email subject (R6): "Thank you — <role> interview"."""
    if ctx.role:
        return f"Thank you — {ctx.role} interview"
    if ctx.company:
        return f"Thank you — interview at {ctx.company}"
    return "Thank you for the interview"


# --- the R5 checklist --------------------------------------------------------------------

_THANKS_RE = re.compile(r"\bthank|\bgrateful\b|\bappreciat", re.IGNORECASE)
_TOUCH_RE = re.compile(
    r"\benjoy|\bconversation\b|\bdiscuss|\btalking\b|\bin common\b|\bshare[ds]?\b|"
    r"\bmentioned\b|\binteresting\b|\bstayed with me\b|\bloved\b|\bfind out\b|"
    r"\bfound out\b|\bquestions about\b", re.IGNORECASE)
_INTEREST_RE = re.compile(r"\binterest|\bexcit|\benthusias|\bkeen\b|\beager|\bthrilled\b|"
                          r"\bpassionate\b|\blove to\b|\bwould love\b", re.IGNORECASE)
_JOB_RE = re.compile(r"\b(?:role|position|job|opportunity|team)\b", re.IGNORECASE)
_FIT_RE = re.compile(r"\bexperience\b|\bskills?\b|\bbackground\b|\bfit\b|\bbring\b|"
                     r"\btrack record\b|\bstrengths?\b|\bcontribute\b|\bvalue\b", re.IGNORECASE)
_PROMISE_RE = re.compile(r"\bpromised\b|\battach|\benclos|\bI'll send\b|\bI will send\b|"
                         r"\bI’ll send\b|\bhere is\b|\bhere are\b|\bsending\b", re.IGNORECASE)
_FORWARD_RE = re.compile(r"\blook(?:ing)? forward\b|\bhearing from you\b|\bhear from you\b|"
                         r"\bhear back\b|\bnext steps\b", re.IGNORECASE)


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def _has_contact(body: str, sender: Sender) -> bool:
    if sender.email and sender.email.lower() in body.lower():
        return True
    phone = _digits(sender.phone)
    return len(phone) >= 5 and phone in _digits(body)


def _has_touch(body: str, ctx: DraftContext) -> bool:
    """A sentence that recalls the conversation *and* names something specific from it.

    "I enjoyed our conversation." alone is not a personal touch (R5): a touch sentence
    must share a meaningful word with the notes' panel, common, went-well or asked lines
    (or, where the notes have none, name anything beyond the job and the meeting)."""
    job = _content(" ".join((ctx.company, ctx.role, ctx.recipient.full_name)))
    job |= {w.casefold() for w in other_names(ctx)}  # another panelist's name is no touch
    noted = set().union(*(_content(line) for key in ("panel", "common", "went_well", "asked")
                          for line in note_lines(ctx.notes, key))) - job
    for sentence in re.split(r"(?<=[.!?])\s+|\n+", body):
        if not _TOUCH_RE.search(sentence):
            continue
        words = _content(_TOUCH_RE.sub(" ", sentence)) - job
        if (words & noted) if noted else words:
            return True
    return False


def checklist(body: str, ctx: DraftContext) -> list[ChecklistItem]:
    """Which of R5's elements the body has, by keyword heuristics on the text.

    "What you promised" is only required when the "owed" notes section has text;
    "contact details" (sender's email or phone in the body) only for email and letters (R6).
    """
    low = body.lower()
    job_named = bool((ctx.role and ctx.role.lower() in low)
                     or (ctx.company and ctx.company.lower() in low) or _JOB_RE.search(body))
    owed = owed_items(ctx.notes)
    skills = _items(ctx.notes, "skills")
    fit_hint = ("Say why you fit: your experience with " + _join(skills[:3]) + "."
                if skills else "Say why your skills fit the job (note the skills they cared about).")
    job = " at ".join(x for x in (f"{ctx.role} role" if ctx.role else "", ctx.company) if x)

    items = [
        ChecklistItem(THANKS, bool(_THANKS_RE.search(body)), "Thank them for their time."),
        ChecklistItem(PERSONAL_TOUCH, _has_touch(body, ctx),
                      "Mention something from your conversation or a shared interest."),
        ChecklistItem(INTEREST, bool(_INTEREST_RE.search(body)) and job_named,
                      f"Say you are genuinely interested in the {job or 'role'}."),
        ChecklistItem(FIT, bool(_FIT_RE.search(body)), fit_hint),
    ]
    if owed:
        items.append(ChecklistItem(PROMISED, bool(_PROMISE_RE.search(body)),
                                   "Send what you promised: " + _join(owed) + "."))
    else:
        items.append(ChecklistItem(PROMISED, True, "Nothing owed: not needed."))
    items.append(ChecklistItem(LOOKING_FORWARD, bool(_FORWARD_RE.search(body)),
                               "Say you look forward to hearing from them."))
    if ctx.medium == HANDWRITTEN:
        items.append(ChecklistItem(CONTACT, True, "Not needed on a handwritten card."))
    else:
        hint = ("Sign with your email and phone." if ctx.sender.email or ctx.sender.phone
                else "Add your email and phone to your profile, then sign with them.")
        items.append(ChecklistItem(CONTACT, _has_contact(body, ctx.sender), hint))
    return items


def note_state(body: str, findings, checklist, sent: bool) -> str:  # noqa: A002 - API name
    """"sent", "no draft" (empty body), "draft" (R5 element missing or a proofreading
    finding) or "ready"."""
    if sent:
        return SENT
    if not body.strip():
        return NO_DRAFT
    if list(findings) or not all(item.present for item in checklist):
        return DRAFT
    return READY
