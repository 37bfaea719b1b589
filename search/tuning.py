"""A portal's own search words (`SearchTuning`): synonyms, applied at query time on both
backends as alternatives of the words typed, and best bets, pages pinned for a query.

Synonyms: each line of the setting is a group (`UBND, Ủy ban nhân dân`); where the words
typed hold one of a group's terms (diacritics and case aside), each other term of the group
in its place makes an alternative, and a document matching the words or any alternative is
found. Best bets: `keyword, other keyword => /path/` lines; a query equal to a keyword
(diacritics and case aside) shows that page of the portal above the results.
"""

from __future__ import annotations

from dataclasses import dataclass

from .backends.base import fold
from .models import DEFAULT_SYNONYMS, SearchTuning

# Alternatives searched at most (each is one more text query OR-ed in).
MAX_ALTERNATIVES = 6


@dataclass(frozen=True)
class Tuning:
    synonyms: tuple[tuple[str, ...], ...] = ()
    best_bets: tuple[tuple[tuple[str, ...], str], ...] = ()  # (folded keywords, path)


def parse_synonyms(text: str) -> tuple[tuple[str, ...], ...]:
    groups = []
    for line in text.splitlines():
        terms = tuple(dict.fromkeys(t.strip() for t in line.split(",") if t.strip()))
        if len(terms) > 1:
            groups.append(terms)
    return tuple(groups)


def parse_best_bets(text: str) -> tuple[tuple[tuple[str, ...], str], ...]:
    bets = []
    for line in text.splitlines():
        keywords, arrow, path = line.partition("=>")
        path = path.strip()
        if not arrow or not path.startswith("/"):
            continue
        folded = tuple(fold(" ".join(k.split())) for k in keywords.split(",") if k.strip())
        if folded:
            bets.append((folded, path))
    return tuple(bets)


def tuning_for(schema: str) -> Tuning:
    """The portal's synonyms and best bets (the default synonyms when it has set none)."""
    row = SearchTuning.objects.filter(portal=schema).values_list("synonyms", "best_bets").first()
    synonyms, best_bets = row if row is not None else (DEFAULT_SYNONYMS, "")
    return Tuning(parse_synonyms(synonyms), parse_best_bets(best_bets))


def _find(words: list[str], term: list[str]) -> int:
    for start in range(len(words) - len(term) + 1):
        if words[start : start + len(term)] == term:
            return start
    return -1


def alternatives(text: str, groups: tuple[tuple[str, ...], ...]) -> list[str]:
    """The words typed with each synonym in place of the group's term they hold:
    `quyết định UBND tỉnh` → [`quyết định Ủy ban nhân dân tỉnh`]."""
    words = text.split()
    folded = [fold(w) for w in words]
    found: list[str] = []
    for group in groups:
        for term in group:
            term_words = [fold(w) for w in term.split()]
            start = _find(folded, term_words)
            if start < 0:
                continue
            for other in group:
                if other == term:
                    continue
                replaced = words[:start] + other.split() + words[start + len(term_words) :]
                found.append(" ".join(replaced))
            break
    return list(dict.fromkeys(found))[:MAX_ALTERNATIVES]


def best_bet_path(text: str, tuning: Tuning) -> str:
    """The path pinned for these words, or ""."""
    typed = fold(" ".join(text.split()))
    for keywords, path in tuning.best_bets:
        if typed in keywords:
            return path
    return ""
