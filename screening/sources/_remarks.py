"""Facts written as text in OFAC's legacy formats.

SDN.CSV and CONS_PRIM.CSV put everything beyond the name, type, programs, title and vessel
columns into one Remarks field, as ``"; "``-separated items closed by a full stop::

    DOB 1955; POB Pingyu, Henan, China; nationality China; Gender Male;
    Passport E12345678 (China) issued 01 Jan 2015; a.k.a. 'CHEN'; Linked To: SOME BUREAU.

SDN.XML keeps most of these in elements, but its ``idList`` uses the same labels and its
``remarks`` element still holds free text and ``(Linked To: NAME)``. Both are parsed here:
:func:`parse_remarks` for the text, :func:`labelled_fact` for one labelled value.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from screening.models import (
    DateOfBirth,
    EntryKind,
    Identifier,
    IdScheme,
    Name,
    NameStrength,
    NameType,
    Relation,
)
from screening.sources._facts import id_scheme, parse_date_of_birth, parse_fuzzy_date
from screening.sources._labels import label_kind, match_label
from screening.sources._names import legacy_name

__all__ = ["REMARK", "TRUNCATED_REMARK", "Facts", "labelled_fact", "parse_remarks"]

log = logging.getLogger(__name__)

_scheme = functools.cache(id_scheme)  # a few hundred labels, tens of thousands of lookups

REMARK = "Remark"
"""Property label of a remark item that carries no label of its own (``"ICTY indictee."``)."""

TRUNCATED_REMARK = "Remark (truncated)"
"""Property label of the item a 1,000-character cut went through."""

_WEAK_ALIAS = re.compile(r"^(a\.k\.a\.|f\.k\.a\.|n\.k\.a\.) '(.+)'$")
_ALIAS_TYPES = {"a.k.a.": NameType.AKA, "f.k.a.": NameType.FKA, "n.k.a.": NameType.NKA}
# "alt. DOB ...", "alt. Passport ...": one more value of the same kind; nothing else changes.
_ALT = re.compile(r"^[Aa]lt\. ")
_PREFIXED = re.compile(r"^(DOB|POB:?|nationality:?|citizen|Gender) (.+)$")
_CURRENCY = re.compile(r"^(Digital Currency Address - (\S+)) (.+)$")
_DATE = r"(?:\d{1,2} )?(?:[A-Z][a-z]{2} )?\d{4}"
_ID_VALUE = re.compile(
    rf"^(?P<value>.+?)(?: \((?P<country>[^()]+)\))?"
    rf"(?: issued (?P<issued>{_DATE}))?(?: expires (?P<expires>{_DATE}))?$"
)
_IMO = re.compile(r"^IMO \d{7}$")
_EMAIL = re.compile(r"^(\S+@\S+\.[A-Za-z]{2,})(?: \(email\))?$")
_WEBSITE = re.compile(r"^((?:https?://|www\.)\S+)(?: \(website\))?$")
# Labels outside the table: "Travel Document Number A0144378 (Germany)" is an identifier...
_ID_WORD = r"(?:No\.?|Number|#|ID|Card|Passport)"
_ID_LABEL = re.compile(rf"(?:^|\s){_ID_WORD}$")
_GENERIC_ID = re.compile(
    rf"^(?P<label>[A-Z][\w.'/&-]*(?: [\w.'/&()-]+){{0,6}}? {_ID_WORD}) (?P<rest>\S*\d.*)$"
)
# ...and "Listing Date (EO 14024 Directive 2): 24 Feb 2022" a labelled fact.
_GENERIC_FACT = re.compile(r"^(?P<label>[^:;]{1,100}?):\s+(?P<value>.+)$")
# A closing full stop is part of the value only after an abbreviation ("n.e.c.", "S.A.").
_ABBREVIATION_END = re.compile(r"(?:^|[\s,(])(?:[A-Za-z]{1,3}\.){2,}$")


@dataclass(slots=True)
class Facts:
    """What remark text says about an entry, in the model's terms."""

    aliases: list[Name] = field(default_factory=list)
    dates_of_birth: list[DateOfBirth] = field(default_factory=list)
    places_of_birth: list[str] = field(default_factory=list)
    nationalities: list[str] = field(default_factory=list)
    citizenships: list[str] = field(default_factory=list)
    gender: str | None = None
    identifiers: list[Identifier] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    properties: list[tuple[str, str]] = field(default_factory=list)


def _clean_label(label: str) -> str:
    return label.removesuffix(" -").removesuffix(":").strip()


def labelled_fact(
    label: str,
    value: str,
    *,
    country: str | None = None,
    issued: str | None = None,
    expires: str | None = None,
) -> Identifier | tuple[str, str]:
    """An identifier for an identifying label (``"Passport"``), else a ``(label, value)`` pair.

    Labels come from the table ``ofac_fact_labels.tsv``; a label the table lacks counts as an
    identifier when it reads like one (``"... No."``, ``"... Number"``, ``"... ID"``) or
    :func:`~screening.sources._facts.id_scheme` knows it. A value ``"IMO 1234567"`` is an IMO
    number whatever the label (OFAC writes ship-owner numbers as ``Company Number IMO ...``).

    Raises:
        ValueError: an issue or expiry date that is not an OFAC date.
    """
    scheme, currency = _scheme(label)
    kind = label_kind(label)
    if kind is None:
        looks_like_id = scheme is not IdScheme.OTHER or _ID_LABEL.search(label)
        kind = "id" if looks_like_id else "fact"
    if kind == "fact" or not value:
        return _clean_label(label), value
    if _IMO.match(value):
        scheme = IdScheme.IMO
    return Identifier(
        scheme=scheme,
        type=label,
        value=value,
        country=country,
        issue_date=None if issued is None else str(parse_fuzzy_date(issued)),
        expiry_date=None if expires is None else str(parse_fuzzy_date(expires)),
        currency=currency,
    )


def _identifier(label: str, rest: str) -> Identifier | tuple[str, str]:
    m = _ID_VALUE.match(rest)
    if m is None:  # only an empty rest fails to match
        return labelled_fact(label, rest)
    return labelled_fact(
        label,
        m.group("value"),
        country=m.group("country"),
        issued=m.group("issued"),
        expires=m.group("expires"),
    )


def _add(facts: Facts, fact: Identifier | tuple[str, str]) -> None:
    if isinstance(fact, Identifier):
        facts.identifiers.append(fact)
    else:
        facts.properties.append(fact)


def _prefixed(facts: Facts, key: str, value: str) -> None:
    if key == "DOB":
        facts.dates_of_birth.append(parse_date_of_birth(value))
    elif key.startswith("POB"):
        facts.places_of_birth.append(value)
    elif key.startswith("nationality"):
        facts.nationalities.append(value)
    elif key == "citizen":
        facts.citizenships.append(value)
    elif facts.gender is None:
        facts.gender = value
    else:
        facts.properties.append(("Gender", value))


def _item(facts: Facts, item: str, *, uid: str, kind: EntryKind, titles: frozenset[str]) -> None:
    item = _ALT.sub("", item)
    if m := _WEAK_ALIAS.match(item):
        alias_type = _ALIAS_TYPES[m.group(1)]
        facts.aliases.append(
            legacy_name(m.group(2), kind, type=alias_type, strength=NameStrength.WEAK)
        )
    elif m := _PREFIXED.match(item):
        _prefixed(facts, m.group(1), m.group(2))
    elif item.startswith("Linked To: "):
        facts.relations.append(Relation(type="Linked To", name=item[len("Linked To: ") :]))
    elif item.startswith("(Linked To: ") and item.endswith(")"):  # SDN.XML's remarks
        facts.relations.append(Relation(type="Linked To", name=item[len("(Linked To: ") : -1]))
    elif m := _CURRENCY.match(item):
        _add(facts, labelled_fact(m.group(1), m.group(3)))
    elif matched := match_label(item):
        label, label_kind_, rest = matched
        _add(facts, _identifier(label, rest) if label_kind_ == "id" else labelled_fact(label, rest))
    elif item.rstrip(".") in titles:
        pass  # the Title column repeated in remarks
    elif m := _EMAIL.match(item):
        facts.properties.append(("Email Address", m.group(1)))
    elif m := _WEBSITE.match(item):
        facts.properties.append(("Website", m.group(1)))
    elif m := _GENERIC_ID.match(item):
        log.debug("ent_num %s: remark label %r is not in the label table", uid, m.group("label"))
        _add(facts, _identifier(m.group("label"), m.group("rest")))
    elif m := _GENERIC_FACT.match(item):
        log.debug("ent_num %s: remark label %r is not in the label table", uid, m.group("label"))
        facts.properties.append((m.group("label").strip(), m.group("value")))
    else:
        log.debug("ent_num %s: remark item without a known label kept as text: %r", uid, item)
        facts.properties.append((REMARK, item))


def _without_full_stop(item: str) -> str:
    if item.endswith(".") and not _ABBREVIATION_END.search(item):
        return item[:-1]
    return item


# SDN.XML shows this sentence to be part of the value of "Additional Sanctions Information -",
# which itself contains "; " ("Not on the SDN List...; U.S. Persons Must Continue to Block...").
_CONTINUES_SANCTIONS_INFO = "U.S. Persons Must Continue to Block"


def _items(text: str) -> list[str]:
    items: list[str] = []
    for item in text.split("; "):
        if (
            items
            and item.startswith(_CONTINUES_SANCTIONS_INFO)
            and items[-1].startswith("Additional Sanctions Information - ")
        ):
            items[-1] += "; " + item
        else:
            items.append(item)
    return items


def parse_remarks(
    text: str,
    *,
    uid: str,
    kind: EntryKind,
    title: str | None = None,
    closed_by_full_stop: bool = True,
    truncated: bool = False,
    is_known_name: Callable[[str], bool] = lambda name: False,
) -> Facts:
    """Parse remark text into facts; nothing is dropped.

    Args:
        text: the remarks (for SDN.CSV, joined with their SDN_COMMENTS.CSV continuation).
        uid: the entry's uid, for log messages.
        kind: the entry's kind (weak aliases of individuals are split into name parts).
        title: the entry's title; an item repeating it is not kept twice.
        closed_by_full_stop: the text ends with a full stop that belongs to no item (the CSV
            formats) rather than ending with its last item (SDN.XML).
        truncated: the text was cut at the format's length limit; its last item is kept only
            as text, under :data:`TRUNCATED_REMARK`.
        is_known_name: whether a name is on the list. OFAC does not double a closing full stop,
            so ``"Linked To: KPD S.A."`` at the end may name ``KPD S.A.`` or ``KPD S.A``; the
            list decides.

    Raises:
        ValueError: a date (of birth, issue or expiry) that is not an OFAC date.
    """
    facts = Facts()
    items = _items(text)
    # A title repeated in remarks is split like them: "Director, X; Director, Y".
    titles = frozenset(t.strip().rstrip(".") for t in (title or "").split("; ") if t.strip())
    for position, item in enumerate(items, 1):
        if position == len(items):
            if truncated:
                facts.properties.append((TRUNCATED_REMARK, item))
                break
            if closed_by_full_stop:
                linked = item.startswith("Linked To: ") and item.endswith(".")
                if not (linked and is_known_name(item[len("Linked To: ") :])):
                    item = item[:-1] if linked else _without_full_stop(item)
        if item.strip():
            _item(facts, item.strip(), uid=uid, kind=kind, titles=titles)
    return facts
