"""English for the drafts (R5): word lists and small grammar helpers, so a notes line
reads right mid-sentence ("Whiteboard design" -> "whiteboard design", "also runs trail
marathons" -> "you also run trail marathons"). Pure; the dictionary comes from
`playbook.spelling`.
"""

from __future__ import annotations

import re

from followup_tui.playbook.spelling import dictionary


WORD = re.compile(r"[^\W\d_][\w'’-]*|\d[\w.]*")

FUNCTION_WORDS = frozenset({"a", "an", "the", "our", "their", "his", "her", "my", "your", "both",
                            "how", "what", "why", "when", "where", "which", "some", "all"})

# Words that are never the topic itself: pronouns, verbs that make a line a clause, and
# words that judge how it went rather than say what it was about.
PRONOUNS = frozenset({"i", "we", "they", "he", "she", "you", "it", "me", "us", "them",
                      "i'd", "i'm", "i've", "i’d", "i’m", "i’ve", "we'd", "we’d",
                      "him", "this", "that", "everything", "everyone", "nothing"})

VERBS = frozenset({
    "is", "are", "was", "were", "be", "been", "am", "went", "go", "goes", "did", "do", "does",
    "had", "has", "have", "got", "get", "gets", "felt", "feel", "seemed", "seems", "liked",
    "likes", "loved", "loves", "love", "asked", "said", "says", "told", "answered",
    "explained", "gave", "showed", "wanted", "wants", "want", "thinks", "think", "thought",
    "mentioned", "talked", "discussed", "agreed", "laughed", "clicked", "landed", "worked",
    "uses", "needs", "builds", "ships", "hires", "plans", "takes", "wanted", "came", "looked", "nailed", "handled", "impressed", "enjoyed", "can", "could", "will",
    "would", "should", "runs", "ran", "plays", "played", "knew", "knows", "made", "makes",
})

JUDGEMENTS = frozenset({"great", "good", "well", "nice", "fine", "ok", "okay", "really",
                        "very", "also", "too", "strong", "solid", "excellent", "smooth",
                        "smoothly", "positive", "lots", "much", "more", "most", "mostly"})

# Lines about the mood of the meeting, not a subject the two of you talked about.
NOT_TOPICS = frozenset({"rapport", "chemistry", "connection", "vibe", "vibes", "energy",
                        "atmosphere", "mood", "tone", "overall", "timing", "everything",
                        "interview", "day", "feeling", "feel", "fit"})

# Capitalised at the start of a line but names, not common words (the dictionary has them).
PROPER_WORDS = frozenset({
    "python", "java", "go", "rust", "swift", "ruby", "excel", "linux", "windows", "android",
    "kafka", "spark", "docker", "react", "angular", "django", "flask", "tableau", "figma",
    "jira", "slack", "azure", "terraform", "postgres", "oracle", "scala", "kotlin", "perl",
    "javascript", "typescript", "apple", "google", "amazon", "microsoft", "agile", "scrum",
    "english", "french", "german", "spanish", "london", "berlin", "paris", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
})

STOPWORDS = FUNCTION_WORDS | PRONOUNS | VERBS | JUDGEMENTS | frozenset({
    "and", "or", "with", "for", "about", "from", "into", "that", "then", "than", "but", "not",
    "its", "any", "the", "was", "conversation", "chat", "talk", "talking", "discussion",
    "interview", "meeting", "role", "position", "job", "team", "company", "time", "today",
    "yesterday", "enjoyed", "enjoy", "question", "questions", "answer", "answers", "thank",
    "thanks", "especially", "particularly", "stayed", "finding", "find", "out", "interest",
    "common", "great", "there", "here", "what", "which",
})


def join_words(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def lower_first(text: str) -> str:
    """"The pipeline" -> "the pipeline" mid-sentence; "Python" stays as written."""
    first = text.split(" ", 1)[0]
    if first.lower() in FUNCTION_WORDS:
        return first.lower() + text[len(first):]
    return text


def content_words(text: str) -> set[str]:
    """The words of a text that carry meaning (not function words, verbs or verdicts)."""
    return {w.lower() for w in WORD.findall(text)
            if len(w) > 2 and w.lower() not in STOPWORDS}


def is_common_word(word: str, proper: frozenset[str]) -> bool:
    """A capitalised word that is an ordinary English word where it stands ("Whiteboard"),
    not a name, a product or an acronym ("Kubernetes", "SQL", "GraphQL", "Maria")."""
    low = word.lower()
    if low in FUNCTION_WORDS or low in JUDGEMENTS:
        return True
    if (low in proper or low in PROPER_WORDS or any(c.isdigit() for c in word)
            or not (word[:1].isupper() and (len(word) == 1 or word[1:].islower()))):
        return False
    return dictionary().knows(low.replace("’", "'"))


def sentence_case(text: str, proper: frozenset[str] = frozenset()) -> str:
    """A phrase's first letter as it reads mid-sentence: "Whiteboard design" -> "whiteboard
    design"; "Kubernetes operators", "SQL tuning" and names stay as written."""
    match = WORD.match(text)
    if not match or not is_common_word(match.group(), proper):
        return text
    return text[0].lower() + text[1:]


def second_person(clause: str) -> str:
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
