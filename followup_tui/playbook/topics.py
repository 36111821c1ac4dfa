"""The personal touch of a thank-you note (R5): a concrete subject from the notes that
reads right mid-sentence, about this person and nobody else on the panel."""

from __future__ import annotations

import re
from dataclasses import dataclass

from followup_tui.playbook.draft_context import DraftContext, stable_seed
from followup_tui.playbook.english import (
    JUDGEMENTS,
    NOT_TOPICS,
    PRONOUNS,
    VERBS,
    WORD,
    content_words,
    is_common_word,
    second_person,
    sentence_case,
)
from followup_tui.playbook.names import mentions, name_parts, other_names, person_fragments, strip_names
from followup_tui.playbook.sections import note_lines

MAX_TOPIC_WORDS = 8

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


def proper_words(ctx: DraftContext) -> frozenset[str]:
    """Lower-cased words that are names here: the people, the company, and any word the
    notes capitalise mid-sentence ("the Atlas project")."""
    texts = [ctx.recipient.full_name, ctx.company, ctx.sender.name]
    words = {w.lower() for t in texts for w in WORD.findall(t or "")}
    for body in ctx.notes.values():
        for match in re.finditer(r"(?<![.!?:\n•*-])\s+([A-Z][\w'’-]*)", body or ""):
            words.add(match.group(1).lower())
    return frozenset(words)


def key_phrase(text: str) -> tuple[str, str]:
    """The noun phrase of a line and where it came from: "whole" (no verb, no pronoun),
    else the words "before" the first verb or pronoun, or "after" it:
    "They loved my portfolio" -> ("my portfolio", "after")."""
    words = list(WORD.finditer(text))
    stop = next((i for i, w in enumerate(words)
                 if w.group().lower() in VERBS or w.group().lower() in PRONOUNS), None)
    if stop is None:
        return text, "whole"
    before = text[:words[stop].start()].strip(" ,;:-–—") if stop else ""
    if content_words(before):
        return before, "before"
    rest = words[stop + 1:]
    while rest and (rest[0].group().lower() in VERBS | PRONOUNS
                    or rest[0].group().lower() in {"to", "about", "on", "of", "that"}):
        rest = rest[1:]
    return (text[rest[0].start():].strip(" ,;:-–—") if rest else ""), "after"


def line_touch(section: str, line: str, names: list[str],
               proper: frozenset[str] = frozenset()) -> PersonalTouch | None:
    """One notes line as a personal touch that reads right mid-sentence, or None when the
    line has no subject to mention (the mood of the meeting, a bare verdict, a question).

    Deterministic rules: the person's name and asides go; a lead ("asked about", "cared
    about", "great chat about") says what kind of touch it is and goes; the line is cut at
    its first clause break and a trailing verdict ("went great", "was good") goes; the
    first letter is lower-cased unless it is a name, a product or an acronym.
    """
    text, about_them = strip_names(line, names)
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
    lead = [w.lower() for w in WORD.findall(text) if w.lower() not in JUDGEMENTS
            and w.lower() not in {"instant", "real", "genuine", "the", "a", "an", "good"}]
    if not content_words(text) or (lead and lead[0] in NOT_TOPICS):
        return None
    if section == "common":
        lowered = text[0].lower() + text[1:]
        if re.match(r"both of us\b", lowered):
            return PersonalTouch(section, "shared", "we both" + lowered[len("both of us"):])
        if re.match(r"(?:we|both)\b", lowered):
            clause = lowered if lowered.startswith("we") else "we " + lowered
            return PersonalTouch(section, "shared", clause)
        if about_them and key_phrase(text)[1] != "whole" or re.match(
                r"(?:also|too|really|still|even)\b", lowered):
            return PersonalTouch(section, "shared", second_person(sentence_case(text, proper)))
    phrase, source = key_phrase(text)
    if not content_words(phrase) or len(phrase.split()) > MAX_TOPIC_WORDS:
        return None
    phrase = sentence_case(phrase, proper)
    if source == "after" and kind == "questions":
        return None  # "Asked me to describe X": not what their questions were about
    if source != "whole" and kind != "questions":
        return PersonalTouch(section, "talk", phrase)
    if section == "common":
        return PersonalTouch(section, "interest", phrase)
    return PersonalTouch(section, kind, phrase)


def starts_with_a_name(line: str) -> bool:
    """A line that starts with somebody's full name ("Maria Rivera runs …")."""
    return bool(re.match(r"^[A-Z][\w'’-]+ [A-Z][\w'’-]+\b", line)) and \
        not is_common_word(line.split(" ", 1)[0], frozenset())


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
    proper = proper_words(ctx)
    others = other_names(ctx)
    everyone = (*ctx.panel, full)

    def theirs(touch: PersonalTouch | None) -> bool:  # never another panelist's name
        return touch is not None and not (others and mentions(touch.text, others))

    for key in ("panel", "common"):
        for line in note_lines(ctx.notes, key):
            for part in person_fragments(line, everyone):
                if names and mentions(part, names):
                    touch = line_touch(key, part, names, proper)
                    if theirs(touch):
                        return touch
    if ctx.recipient.role in ("helper", "met"):
        return None
    for keys in (("common",), ("went_well", "asked")):
        touches = [t for key in keys for line in note_lines(ctx.notes, key)
                   if not starts_with_a_name(line)
                   and theirs(t := line_touch(key, line, names, proper))]
        if touches:
            return touches[stable_seed(ctx.recipient, "+".join(keys)) % len(touches)]
    return None
