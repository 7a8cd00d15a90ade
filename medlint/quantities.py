"""Find, parse and normalise the quantities that IVIG articles state.

medlint compares what an article says ("2g/kg divided over 2-5 consecutive
days, every 4-6 weeks") with a canonical facts file ("2 g/kg", "every 4
weeks"). Both sides are written by people in many surface forms, so both go
through this module, which turns each quantity into a :class:`Quantity`
whose ``low``/``high``/``unit`` are *normalised* (``2000 mg/kg`` and ``2 g/kg``
compare equal, ``monthly`` and ``every 4 weeks`` compare equal) and which
remembers the exact character span it came from, so that a finding can point
at it and a fix can replace it.

Why no pint (or quantulum3)
---------------------------
The conversions medlint needs are few and fixed: g/kg <-> mg/kg, mg/mL <-> %
(w/v), ug/mL <-> mg/mL <-> mg/L, days/weeks/months for dosing intervals, and
"per 100,000" <-> "per million". pint gets the single values right but costs
~0.45 s of import and registry building (medlint runs as a pre-commit hook
and must start fast), silently parses ``1-2 g/kg`` as a subtraction and
``$5,000`` as dimensionless, and knows nothing about "every 4-6 weeks" or
"3 in 1 million children annually". The *shapes* of these quantities
(ranges, comparators, intervals, rates, money with what it is counted per)
are the hard part, and they need hand-written patterns anyway; a few small
conversion tables (``_MASS_G``, ``_VOLUME_ML``, ...) then cover every unit.
This module imports only the standard library.

How matching works
------------------
Each quantity *shape* is one regular expression (see ``_SHAPES``), compiled
once at import. A single union of all shapes (``_LOCATOR``) finds the next
place where any quantity starts; at that place every shape is tried and the
longest match wins (ties go to the earlier, more specific shape), then the
scan continues after it. So results are leftmost-longest and never overlap.
Some shapes exist only to *consume* text that looks like a quantity but is
not one medlint compares (infusion rates such as ``1.0 mg/kg/min``, volumes
per kg, ages such as ``2 years of age and older``), so that no shorter,
wrong-kind quantity is read out of them.

Numbers glued to a word by a hyphen (``COVID-19``, ``ICD-10``) or that have
no unit (``2022``, ``Step 2``, list numbering ``1.``) are never quantities.

Conventions (documented decisions)
----------------------------------
* **Percent vs mass concentration.** ``100 mg/mL`` is read as 10 % (w/v):
  1 g per 100 mL = 1 %. That equivalence holds for protein solutions such as
  immunoglobulin, where "10 %" on a label means 10 g of protein per 100 mL.
  Mass concentrations of at least 1 mg/mL (judged on the upper end of a
  range) are such protein-level concentrations and get kind ``"percent"``;
  anything below 1 mg/mL, and *anything written in micrograms*, is a
  trace-level concentration (in practice IgA content) and gets kind
  ``"iga"`` in ug/mL (``0.046 mg/mL`` -> 46 ug/mL).
* **Monthly = every 4 weeks.** Dosing schedules say "monthly" where labels say
  "every 4 weeks" (the Octagam 10 % DM label and ProDERM use 4 weeks, Dalakas
  1993 says "per month"). Intervals are therefore normalised to weeks with one
  month = 4 weeks and 1 week = 7 days; the key uses weeks, the display keeps
  the author's family ("monthly", "every 2 months"). Durations ("for 6-12
  months") are *not* converted between units, because there "6 months" is a
  calendar span, not a dosing cycle.
* **Vague amounts** are kept, flagged ``approximate=True``, with documented
  bounds so ranges can still be compared: a plural magnitude "thousands" is
  [2,000, 9,999] (at least two thousand, less than "tens of thousands"),
  "hundreds" [200, 999], "tens of thousands" [20,000, 99,999], "hundreds of
  thousands" [200,000, 999,999], "millions" [2e6, 9,999,999]; counts "a couple
  of" [2, 3], "a few" [2, 5], "several" [3, 9] (so "several hours" is
  [3, 9] hours and "several thousand dollars" [3,000, 9,000]). The words are
  kept in ``extra`` (``("vague", "thousands")``) so the display says them back.
* **Comparators.** "≤", "up to", "not more than", "maximum" -> ``"<="``;
  "<", "less/lower than", "below", "under" -> ``"<"``; "≥", "at least" ->
  ``">="``; ">", "more/greater than", "above" -> ``">"``; "about",
  "approximately", "~" -> ``"~"`` with ``approximate=True``. The comparator is
  part of the span. "over" is never a comparator: "over 2-5 days" is how a
  dose is divided and "over several hours" how long an infusion lasts.
* **Rates** are normalised to cases per million per year (unit
  ``"per_million_per_year"``). The population word ("children", "persons",
  "person-years") is kept in ``per``. When the text gives no time unit,
  ``extra`` holds ``("period", None)`` rather than assuming annual.
* **Confidence intervals.** ``95% CI`` (or "95% confidence interval") is a
  percent quantity whose span includes the CI words and whose ``extra`` holds
  ``("ci", True)``, so a check can skip it; its key differs from plain 95 %.
* **Money.** ``$`` is taken as US dollars (``"USD"``; ``€`` -> ``"EUR"``,
  ``£`` -> ``"GBP"``). ``per`` says what the amount is counted per: "course"
  (also "treatment", "cycle"), "infusion" (also "session"), "dose", "year",
  "month", "gram"; "$33.073 per 500 mg" is normalised to 66.146 per gram.
* **Maximum doses.** "maximum 70 g", "max 70 g", "not to exceed 70 g" are
  kind ``"max_dose"`` in grams with comparator ``"<="``. A bare mass ("126 g
  Ig per patient") is never found in running text, but :func:`parse_quantity`
  accepts a bare ``"70 g"`` as a max dose, because a facts file stores the
  figure under a ``max`` key. "maximum 2 g/kg" is a ``"dose"`` with ``"<="``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from medlint.model import Value

__all__ = [
    "Quantity",
    "find_quantities",
    "format_quantity",
    "parse_quantity",
    "range_relation",
]


@dataclass(frozen=True, slots=True)
class Quantity:
    """One normalised quantity and the span of text it was read from.

    ``low == high`` for a single value. ``extra`` carries what does not fit
    the fixed fields, as ``(name, value)`` pairs, e.g. ``(("days", 5),)`` for
    "0.4 g/kg/day for 5 days" or ``(("doses", 3), ("then", <Quantity>))`` for
    "every 2 weeks for 3 doses, then monthly".
    """

    kind: str
    low: float
    high: float
    unit: str
    start: int
    end: int
    text: str
    comparator: str = "="
    per: str | None = None
    approximate: bool = False
    extra: tuple[tuple[str, object], ...] = ()

    def get(self, name: str, default: object = None) -> object:
        """The value of ``name`` in ``extra`` (first occurrence), or ``default``."""
        for key, value in self.extra:
            if key == name:
                return value
        return default

    @property
    def key(self) -> tuple[object, ...]:
        """What comparisons use; see :meth:`to_value`."""
        return _key(self)

    def to_value(self) -> Value:
        """The :class:`~medlint.model.Value` downstream checks compare.

        The key is ``(kind, low, high, unit)``, followed only by qualifiers that
        change what is claimed: a strict or one-sided comparator (``("cmp",
        "<=")``; "about" does not change the value), what money is counted per,
        the number of days of a per-day dose, the number of doses before a
        ``then`` and the key of the schedule that follows, and the CI mark.
        The display is :func:`format_quantity`'s canonical text.
        """
        return Value(kind=self.kind, key=_key(self), display=format_quantity(self))


# ---------------------------------------------------------------------------
# Tables
# ---------------------------------------------------------------------------

_WORD_NUMBERS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a": 1, "an": 1,
}  # fmt: skip

_VAGUE_COUNTS: dict[str, tuple[float, float]] = {
    "a couple of": (2.0, 3.0),
    "a few": (2.0, 5.0),
    "several": (3.0, 9.0),
}

_VAGUE_MAGNITUDES: dict[str, tuple[float, float]] = {
    "hundreds": (200.0, 999.0),
    "thousands": (2000.0, 9999.0),
    "tens of thousands": (20000.0, 99999.0),
    "hundreds of thousands": (200000.0, 999999.0),
    "millions": (2e6, 9999999.0),
}

_MAGNITUDE: dict[str, float] = {
    "hundred": 1e2, "k": 1e3, "thousand": 1e3, "million": 1e6, "mn": 1e6,
    "billion": 1e9, "bn": 1e9,
}  # fmt: skip

# Mass in grams per unit as written.
_MASS_G: dict[str, float] = {
    "g": 1.0, "gm": 1.0, "gram": 1.0, "grams": 1.0,
    "mg": 1e-3, "milligram": 1e-3, "milligrams": 1e-3,
    "ug": 1e-6, "µg": 1e-6, "μg": 1e-6, "mcg": 1e-6, "microgram": 1e-6, "micrograms": 1e-6,
}  # fmt: skip
_MICRO = frozenset({"ug", "µg", "μg", "mcg", "microgram", "micrograms"})

# Volume in millilitres per unit as written.
_VOLUME_ML: dict[str, float] = {"ml": 1.0, "dl": 100.0, "l": 1000.0}

# Interval length in weeks per unit (a month is 4 weeks: see the module docstring).
_WEEKS_PER: dict[str, float] = {"days": 1.0 / 7.0, "weeks": 1.0, "months": 4.0}

_CURRENCY: dict[str, str] = {
    "$": "USD", "us$": "USD", "usd": "USD", "dollars": "USD",
    "€": "EUR", "eur": "EUR", "euros": "EUR", "£": "GBP", "gbp": "GBP", "pounds": "GBP",
}  # fmt: skip
_CURRENCY_SYMBOL: dict[str, str] = {"USD": "$", "EUR": "€", "GBP": "£"}

_MONEY_PER: dict[str, str] = {
    "course": "course", "cycle": "course", "treatment": "course",
    "infusion": "infusion", "session": "infusion", "dose": "dose",
    "year": "year", "annum": "year", "yr": "year", "annually": "year", "yearly": "year",
    "a year": "year", "month": "month", "monthly": "month", "a month": "month",
    "gram": "gram", "g": "gram",
}  # fmt: skip

_CMP_SYMBOL: dict[str, str] = {
    "≤": "<=", "≦": "<=", "<=": "<=", "=<": "<=", "at most": "<=", "no more than": "<=",
    "not more than": "<=", "up to": "<=", "maximum": "<=", "maximum of": "<=",
    "max": "<=", "max.": "<=",
    "≥": ">=", "≧": ">=", ">=": ">=", "=>": ">=", "at least": ">=", "no less than": ">=",
    "not less than": ">=", "minimum": ">=", "minimum of": ">=",
    "<": "<", "less than": "<", "lower than": "<", "fewer than": "<", "below": "<",
    "under": "<",
    ">": ">", "more than": ">", "greater than": ">", "higher than": ">", "above": ">",
    "exceeding": ">", "in excess of": ">",
}  # fmt: skip

_CMP_DISPLAY: dict[str, str] = {"=": "", "~": "about ", "<=": "≤", "<": "<", ">=": "≥", ">": ">"}

# ---------------------------------------------------------------------------
# Pattern pieces (all shapes are compiled with IGNORECASE | VERBOSE)
# ---------------------------------------------------------------------------

# Bounded whitespace keeps backtracking linear on long runs of spaces.
W0 = r"\s{0,3}"
W1 = r"\s{1,3}"
# A quantity never starts inside a word, right after a digit and a decimal
# point or comma, or after "letter-" (COVID-19, ICD-10).
GUARD = r"(?<![\w/])(?<!\d[.,])(?<![^\W\d_][-‐‑–])"
NUM = r"(?:(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?|\.\d+)"
NUMWORD = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b"
NUMW = rf"(?:{NUM}|{NUMWORD})"
SEP = rf"(?:{W0}[-‐‑–—−]{W0}|{W1}to{W1})"
CMP = rf"""(?P<cmp>
      ≤ | ≦ | <= | =< | ≥ | ≧ | >= | => | < | > | ~ | ≈ | ∼
    | (?:less|lower|fewer){W1}than | below | under
    | (?:more|greater|higher){W1}than | above | exceeding | in{W1}excess{W1}of
    | at{W1}most | (?:no|not){W1}more{W1}than | up{W1}to
    | (?:(?:should|must|do|does){W1})?not{W1}(?:to{W1})?exceed(?:ing)?
    | maximum(?:{W1}of)? | max\b\.?
    | at{W1}least | (?:no|not){W1}less{W1}than | minimum(?:{W1}of)?
    | approximately | approx\b\.? | about | around | roughly | nearly | almost
    | circa | ca\.
    )"""
CMPOPT = rf"(?:{CMP}{W0})?"
PCT = r"(?:%|％|percent\b|per\s?cent\b)"
MASS = r"(?:micrograms?|mcg|µg|μg|ug|milligrams?|mg|grams?|gm|g)"
VOL = r"(?:millilit(?:er|re)s?|ml|decilit(?:er|re)s?|dl|lit(?:er|re)s?|l)\b"
KG = r"(?:kg|kilograms?|kilo)\b"
PER_SLASH = rf"(?:{W0}/{W0}|{W1}per{W1})"
BODY_WEIGHT = rf"(?:{W1}(?:of{W1})?body[\s-]?weight\b)"
NOT_RATE = rf"(?!{W0}/{W0}(?:min|minute|h|hr|hour)\b)"
WORDS_0_2 = r"(?:\s{1,3}\w+){0,2}?"


def _interval_core(p: str) -> str:
    """The part of an interval that says how often; ``p`` prefixes group names."""
    return rf"""(?P<{p}all>
        (?:once{W1})?every{W1}
          (?:(?P<{p}lo>{NUMW})(?:{SEP}(?P<{p}hi>{NUMW}))?{W0}|(?P<{p}other>other){W1})?
          (?P<{p}unit>days?|weeks?|wks?|months?)\b
      | q{W0}(?P<{p}qlo>\d+)(?:{SEP}(?P<{p}qhi>\d+))?{W0}
          (?P<{p}qunit>weeks?|wks?|wk|w|days?|d|months?|mo)\b
      | (?P<{p}monthly>monthly|once{W1}(?:a|per|each|every){W1}month|once{W1}monthly
          |each{W1}month)\b
      | (?P<{p}weekly>weekly|once{W1}(?:a|per|each|every){W1}week|once{W1}weekly
          |each{W1}week)\b
      | (?P<{p}fortnightly>fortnightly)\b
    )"""


_P_INTERVAL = (
    GUARD
    + _interval_core("")
    + rf"""(?:{W0},?{W0}(?:for|x|×){W0}(?P<doses>{NUMW}){W0}
            (?:doses|infusions|cycles|treatments|courses|times)\b)?
          (?:{W0}[,;]?{W0}(?:and{W1})?then{W1}{_interval_core("t_")})?"""
)

_P_PERCENT = (
    GUARD
    + CMPOPT
    + rf"""(?P<lo>{NUM})(?:(?:{W0}{PCT})?{SEP}(?P<hi>{NUM}))?{W0}{PCT}
         (?P<ci>{W0}(?:CI\b|C\.I\.|confidence{W1}(?:interval|limits?)\b))?"""
)

_P_CONC = (
    GUARD
    + CMPOPT
    + rf"""(?P<lo>{NUM})(?:(?:{W0}{MASS}(?:{W0}/{W0}{VOL})?)?{SEP}(?P<hi>{NUM}))?
         {W0}(?P<mass>{MASS}){W0}(?:/|per\s){W0}(?:(?P<volnum>{NUM}){W0})?(?P<vol>{VOL})
         (?!{W0}/{W0}(?:kg|min|h)\b)"""
)

_P_DOSE = (
    GUARD
    + CMPOPT
    + rf"""(?P<lo>{NUM})(?:(?:{W0}{MASS}{PER_SLASH}{KG})?{SEP}(?P<hi>{NUM}))?
         {W0}(?P<mass>{MASS}){PER_SLASH}{KG}{BODY_WEIGHT}?{NOT_RATE}
         (?:
            (?P<perday>{W0}/{W0}(?:day|d)\b|{W1}(?:per|a){W1}day\b|{W1}daily\b)
            (?:{W0},?{W0}(?:for|over|x|×){W0}(?P<days>{NUMW})(?:{W1}consecutive)?{W1}days?\b)?
          | {PER_SLASH}(?P<perother>week|wk|month|mo)\b
         )?"""
)

_P_MAX = (
    GUARD
    + rf"""(?P<cmp>maximum(?:{W1}(?:total{W1})?(?:daily{W1})?dose)?(?:{W1}(?:of|is))?
            |max\b\.?|(?:(?:should|must|do|does){W1})?not{W1}(?:to{W1})?exceed(?:ing)?)
         (?:{W0}[:=])?{W0}(?P<lo>{NUM}){W0}(?P<mass>grams?|gm|g|milligrams?|mg)\b
         (?!{W0}(?:/|per\s))"""
)

_P_MAX_POST = (
    GUARD
    + rf"""(?P<lo>{NUM}){W0}(?P<mass>grams?|gm|g|milligrams?|mg)\b{W1}
         (?P<cmp>maximum|max\b\.?)"""
)

_P_RATE = (
    GUARD
    + CMPOPT
    + rf"""(?P<lo>{NUMW})(?:{SEP}(?P<hi>{NUMW}))?(?:{W1}(?:new{W1})?cases?\b)?
         (?:{W0}/{W0}|{W1}(?:per|in|out{W1}of){W1})(?:every{W1})?
         (?P<base>(?:(?P<bnum>{NUM}|one|a){W1})?million\b
                 |\d{{1,3}}(?:[,\u00a0\u202f\x20]\d{{3}})+(?![\d,])|10{{3,}}(?!\d))
         (?:{W1}(?P<pop>person[\s-]?years|patient[\s-]?years|live{W1}births|children|child
                 |kids|people|persons|individuals|adults|patients|population|inhabitants
                 |residents|births|infants|newborns|women|men|girls|boys)\b)?
         (?:{W0},?{W0}(?P<period>per{W1}(?:year|annum|yr)\b|a{W1}year\b|each{W1}year\b
                 |every{W1}year\b|annually\b|yearly\b|/{W0}(?:year|yr|y)\b))?"""
)

CUR = r"(?:US\s?\$|\$|USD\s?|€|EUR\s?|£|GBP\s?)"
MONEY_PER = rf"""(?:
      {W0}(?:per|a|an|each|every|/){W0}(?:(?:patient|person){W1}(?:per|a){W1})?
        (?:(?:single|treatment|ivig|full|complete|individual|standard){W1})?
        (?P<per>courses?|cycles?|infusions?|doses?|treatments?|sessions?|years?|annum|yr
                |months?|grams?|g)\b
    | {W1}per{W1}(?P<pernum>{NUM}){W0}(?P<permass>grams?|g|milligrams?|mg)\b
    | {W1}(?P<peradv>annually|yearly|monthly|a{W1}year|a{W1}month)\b
    )?"""
MULT = r"(?:k|thousand|million|mn|billion|bn)\b"

_P_MONEY = (
    GUARD
    + CMPOPT
    + rf"""(?P<cur>{CUR}){W0}(?P<lo>{NUM})(?:{W0}(?P<lomult>{MULT}))?
         (?:{SEP}{CUR}?{W0}(?P<hi>{NUM})(?:{W0}(?P<himult>{MULT}))?)?"""
    + MONEY_PER
)

_P_MONEY_WORDS = (
    GUARD
    + CMPOPT
    + rf"""(?P<lo>{NUM})(?:{SEP}(?P<hi>{NUM}))?(?:{W1}(?P<himult>thousand|million|billion))?
         {W1}(?:US{W1})?(?P<cur>dollars|euros|pounds)\b"""
    + MONEY_PER
)

_P_MONEY_VAGUE = (
    GUARD
    + rf"""(?P<vague>(?:several|a{W1}few|a{W1}couple{W1}of){W1}(?:hundred|thousand|million)
            |tens{W1}of{W1}thousands|hundreds{W1}of{W1}thousands|hundreds|thousands|millions)
         (?:{W1}of)?{W1}(?:US{W1})?dollars\b"""
    + MONEY_PER
)

DIV_PREFIX = rf"""(?:divided(?:{W1}equally)?(?:{W1}(?:in|into){WORDS_0_2}{W1}doses)?{W1})?
                (?:(?:given|administered|infused){W1})?"""

_P_DIVISION = (
    GUARD
    + DIV_PREFIX
    + rf"""(?:(?:over|across){W1}(?P<lo>{NUMW})(?:{SEP}(?P<hi>{NUMW}))?(?:{W1}consecutive)?
           |(?:on{W1})?(?P<lo2>{NUMW})(?:{SEP}(?P<hi2>{NUMW}))?{W1}consecutive)
         {W1}days?\b"""
)

TUNIT = r"(?P<unit>hours?|hrs?|h|days?|weeks?|wks?|months?|mos|years?|yrs?)\b"
DUR_PREFIX = rf"(?:(?P<pre>for|over|lasting|during|within|after){W1})?"

_P_DURATION = (
    GUARD
    + DUR_PREFIX
    + CMPOPT
    + rf"(?P<lo>{NUMW})(?:{SEP}(?P<hi>{NUMW}))?(?:{W0}|-)"
    + TUNIT
)

_P_DURATION_VAGUE = (
    GUARD
    + DUR_PREFIX
    + rf"(?P<vague>several|a{W1}few|a{W1}couple{W1}of){W1}"
    + r"(?P<unit>hours|days|weeks|months|years)\b"
)

# Consumed but not reported: infusion rates, volumes per kg, ages.
_P_SKIP = (
    GUARD
    + rf"""(?:
        {NUM}(?:{SEP}{NUM})?{W0}(?:{MASS}|ml|units?|iu){W0}/{W0}kg{W0}/{W0}
          (?:min|minute|h|hr|hour)\b
      | {NUM}(?:{SEP}{NUM})?{W0}ml{W0}/{W0}kg\b
      | {NUMW}(?:{SEP}{NUMW})?(?:{W0}|-)(?:years?|yrs?|months?)(?:{W0}|-)
          (?:of{W1}age|old|and{W1}(?:older|over|above|up)|or{W1}(?:older|more))\b
    )"""
)

_BARE_MASS = re.compile(rf"(?P<lo>{NUM}){W0}(?P<mass>grams?|gm|g|milligrams?|mg)\b", re.I)

# ---------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------


def _n(x: float) -> float:
    """Round to 12 significant digits so that 0.3 * 10 == 3.0 in keys."""
    if not math.isfinite(x):
        return x
    return float(f"{x:.12g}")


def _num(s: str) -> float:
    """Parse a number as written: digits with thousands commas or a number word."""
    t = s.strip().lower()
    if t in _WORD_NUMBERS:
        return float(_WORD_NUMBERS[t])
    return float(re.sub(r"[,\s\u00a0\u202f]", "", t))


def _words(s: str) -> str:
    return re.sub(r"\s+", " ", s.strip().lower())


def _group(m: re.Match[str], name: str) -> str | None:
    """The text of group ``name``, or None when it did not take part (or does not exist)."""
    if name not in m.re.groupindex:
        return None
    value = m.group(name)
    return value if isinstance(value, str) else None


def _range(m: re.Match[str], lo: str = "lo", hi: str = "hi") -> tuple[float, float] | None:
    """``(low, high)`` from two groups; None when the range is reversed or not finite."""
    lo_s = _group(m, lo)
    if lo_s is None:
        return None
    low = _num(lo_s)
    hi_s = _group(m, hi)
    high = _num(hi_s) if hi_s is not None else low
    if high < low or not (math.isfinite(low) and math.isfinite(high)):
        return None
    return low, high


def _comparator(m: re.Match[str]) -> str:
    raw = _group(m, "cmp")
    if raw is None:
        return "="
    w = _words(raw)
    if "exceed" in w and w != "exceeding":
        return "<="
    return _CMP_SYMBOL.get(w, "~")


def _make(
    m: re.Match[str],
    kind: str,
    low: float,
    high: float,
    unit: str,
    *,
    comparator: str = "=",
    per: str | None = None,
    approximate: bool = False,
    extra: tuple[tuple[str, object], ...] = (),
) -> Quantity | None:
    low, high = _n(low), _n(high)
    if not (math.isfinite(low) and math.isfinite(high)):
        return None
    return Quantity(
        kind=kind,
        low=low,
        high=high,
        unit=unit,
        start=m.start(),
        end=m.end(),
        text=m.group(0),
        comparator=comparator,
        per=per,
        approximate=approximate or comparator == "~",
        extra=extra,
    )


def _count(x: float) -> int | float:
    """Counts (days, doses) as int when whole, as the brief's ``("days", 5)``."""
    return int(x) if x.is_integer() else x


# ---------------------------------------------------------------------------
# Builders: one per shape, from a match to a Quantity (None = not a quantity)
# ---------------------------------------------------------------------------


def _build_percent(m: re.Match[str]) -> Quantity | None:
    r = _range(m)
    if r is None:
        return None
    extra: tuple[tuple[str, object], ...] = (("ci", True),) if _group(m, "ci") else ()
    return _make(m, "percent", r[0], r[1], "%", comparator=_comparator(m), extra=extra)


def _build_conc(m: re.Match[str]) -> Quantity | None:
    r = _range(m)
    if r is None:
        return None
    mass = (_group(m, "mass") or "").lower()
    vol = (_group(m, "vol") or "").lower()
    if vol.startswith(("ml", "milli")):
        vol_ml = _VOLUME_ML["ml"]
    elif vol.startswith(("dl", "deci")):
        vol_ml = _VOLUME_ML["dl"]
    else:
        vol_ml = _VOLUME_ML["l"]
    volnum = _group(m, "volnum")
    vol_ml *= _num(volnum) if volnum is not None else 1.0
    if vol_ml <= 0:
        return None
    to_mg_per_ml = _MASS_G[mass] * 1000.0 / vol_ml
    lo_mg, hi_mg = r[0] * to_mg_per_ml, r[1] * to_mg_per_ml
    cmp = _comparator(m)
    if mass in _MICRO or hi_mg < 1.0:
        return _make(m, "iga", lo_mg * 1000.0, hi_mg * 1000.0, "ug/mL", comparator=cmp)
    return _make(m, "percent", lo_mg / 10.0, hi_mg / 10.0, "%", comparator=cmp)


def _build_dose(m: re.Match[str]) -> Quantity | None:
    r = _range(m)
    if r is None:
        return None
    factor = _MASS_G[(_group(m, "mass") or "g").lower()]
    unit = "g/kg"
    extra: tuple[tuple[str, object], ...] = ()
    if _group(m, "perday") is not None:
        unit = "g/kg/day"
        days = _group(m, "days")
        if days is not None:
            extra = (("days", _count(_num(days))),)
    elif (other := _group(m, "perother")) is not None:
        unit = "g/kg/week" if other.lower().startswith("w") else "g/kg/month"
    return _make(
        m, "dose", r[0] * factor, r[1] * factor, unit, comparator=_comparator(m), extra=extra
    )


def _build_max(m: re.Match[str]) -> Quantity | None:
    r = _range(m)
    if r is None:
        return None
    factor = _MASS_G[(_group(m, "mass") or "g").lower()]
    return _make(m, "max_dose", r[0] * factor, r[1] * factor, "g", comparator="<=")


def _interval_weeks(m: re.Match[str], p: str) -> tuple[float, float, str] | None:
    """(low, high) in weeks and the unit family written, for one interval core."""
    if _group(m, p + "monthly") is not None:
        return 4.0, 4.0, "months"
    if _group(m, p + "weekly") is not None:
        return 1.0, 1.0, "weeks"
    if _group(m, p + "fortnightly") is not None:
        return 2.0, 2.0, "weeks"
    unit_s = _group(m, p + "unit") or _group(m, p + "qunit") or ""
    u = unit_s.lower()
    family = "days" if u.startswith("d") else "months" if u.startswith("m") else "weeks"
    if _group(m, p + "other") is not None:
        low = high = 2.0
    elif _group(m, p + "lo") is not None or _group(m, p + "qlo") is not None:
        r = _range(m, p + "lo", p + "hi") or _range(m, p + "qlo", p + "qhi")
        if r is None:
            return None
        low, high = r
    else:
        low = high = 1.0
    if low <= 0:
        return None
    f = _WEEKS_PER[family]
    return low * f, high * f, family


def _interval_extra(family: str, doses: float | None) -> tuple[tuple[str, object], ...]:
    extra: list[tuple[str, object]] = []
    if family != "weeks":
        extra.append(("as", family))
    if doses is not None:
        extra.append(("doses", _count(doses)))
    return tuple(extra)


def _build_interval(m: re.Match[str]) -> Quantity | None:
    main = _interval_weeks(m, "")
    if main is None:
        return None
    doses_s = _group(m, "doses")
    extra = list(_interval_extra(main[2], _num(doses_s) if doses_s is not None else None))
    if _group(m, "t_all") is not None:
        then = _interval_weeks(m, "t_")
        if then is None:
            return None
        then_q = Quantity(
            kind="interval",
            low=_n(then[0]),
            high=_n(then[1]),
            unit="weeks",
            start=m.start("t_all"),
            end=m.end("t_all"),
            text=m.group("t_all"),
            extra=_interval_extra(then[2], None),
        )
        extra.append(("then", then_q))
    return _make(m, "interval", main[0], main[1], "weeks", extra=tuple(extra))


def _build_division(m: re.Match[str]) -> Quantity | None:
    r = _range(m) or _range(m, "lo2", "hi2")
    if r is None or r[0] <= 0:
        return None
    return _make(m, "division", r[0], r[1], "days")


def _normal_unit(u: str) -> str:
    u = u.lower()
    for prefix, unit in (("h", "hours"), ("d", "days"), ("w", "weeks"), ("m", "months")):
        if u.startswith(prefix):
            return unit
    return "years"


def _build_duration(m: re.Match[str]) -> Quantity | None:
    r = _range(m)
    if r is None:
        return None
    cmp = _comparator(m)
    if cmp == "=" and (_group(m, "pre") or "").lower() == "within":
        cmp = "<="
    return _make(m, "duration", r[0], r[1], _normal_unit(_group(m, "unit") or ""), comparator=cmp)


def _build_duration_vague(m: re.Match[str]) -> Quantity | None:
    label = _words(_group(m, "vague") or "")
    low, high = _VAGUE_COUNTS[label]
    unit = _normal_unit(_group(m, "unit") or "")
    return _make(m, "duration", low, high, unit, approximate=True, extra=(("vague", label),))


def _build_rate(m: re.Match[str]) -> Quantity | None:
    r = _range(m)
    base_s = _group(m, "base")
    if r is None or base_s is None:
        return None
    if "million" in base_s.lower():
        bnum = _group(m, "bnum")
        base = 1e6 * (_num(bnum) if bnum is not None else 1.0)
    else:
        base = _num(base_s)
    if base < 1000:
        return None
    pop_s = _group(m, "pop")
    pop = re.sub(r"[\s-]+", "-", _words(pop_s)) if pop_s else None
    if pop is not None and not pop.endswith("years"):
        pop = pop.replace("-", " ")
    extra: tuple[tuple[str, object], ...] = ()
    if _group(m, "period") is None and not (pop or "").endswith("years"):
        extra = (("period", None),)
    f = 1e6 / base
    return _make(
        m,
        "rate",
        r[0] * f,
        r[1] * f,
        "per_million_per_year",
        comparator=_comparator(m),
        per=pop,
        extra=extra,
    )


def _money_per(m: re.Match[str]) -> tuple[str | None, float]:
    """What the amount is counted per, and the divisor that makes it per one of those."""
    pernum = _group(m, "pernum")
    if pernum is not None:
        grams = _num(pernum) * _MASS_G[(_group(m, "permass") or "g").lower()]
        return "gram", grams
    word = _group(m, "per") or _group(m, "peradv")
    if word is None:
        return None, 1.0
    w = _words(word)
    w = _MONEY_PER.get(w, _MONEY_PER.get(w.rstrip("s"), w))
    return w, 1.0


def _build_money(m: re.Match[str]) -> Quantity | None:
    # Not _range(): "$500-1 million" is only ordered once multipliers apply.
    lo_s, hi_s = _group(m, "lo"), _group(m, "hi")
    if lo_s is None:
        return None
    lomult_s, himult_s = _group(m, "lomult"), _group(m, "himult")
    lo_mult = _MAGNITUDE[lomult_s.lower()] if lomult_s else None
    hi_mult = _MAGNITUDE[himult_s.lower()] if himult_s else None
    low = _num(lo_s)
    if hi_s is None:  # "$5k", "5 thousand dollars"
        low *= lo_mult or hi_mult or 1.0
        high = low
    else:
        high = _num(hi_s) * (hi_mult or 1.0)
        if lo_mult is None and hi_mult is not None and low * hi_mult <= high:
            lo_mult = hi_mult  # "$5-10 thousand": the multiplier applies to both
        low *= lo_mult or 1.0
    if high < low:
        return None
    per, divisor = _money_per(m)
    if divisor <= 0:
        return None
    cur = _CURRENCY.get(re.sub(r"\s+", "", (_group(m, "cur") or "$").lower()), "USD")
    return _make(
        m, "money", low / divisor, high / divisor, cur, comparator=_comparator(m), per=per
    )


def _build_money_vague(m: re.Match[str]) -> Quantity | None:
    label = _words(_group(m, "vague") or "")
    if label in _VAGUE_MAGNITUDES:
        low, high = _VAGUE_MAGNITUDES[label]
    else:
        count, _, magnitude = label.rpartition(" ")
        c_lo, c_hi = _VAGUE_COUNTS[count]
        low, high = c_lo * _MAGNITUDE[magnitude], c_hi * _MAGNITUDE[magnitude]
    per, divisor = _money_per(m)
    if divisor <= 0:
        return None
    return _make(
        m,
        "money",
        low / divisor,
        high / divisor,
        "USD",
        per=per,
        approximate=True,
        extra=(("vague", label),),
    )


def _build_skip(m: re.Match[str]) -> Quantity | None:
    return None


@dataclass(frozen=True, slots=True)
class _Shape:
    name: str
    source: str
    build: Callable[[re.Match[str]], Quantity | None]
    pattern: re.Pattern[str]
    skip: bool = False


def _shape(
    name: str, source: str, build: Callable[[re.Match[str]], Quantity | None], skip: bool = False
) -> _Shape:
    return _Shape(name, source, build, re.compile(source, re.I | re.X), skip)


# Order breaks ties between equally long matches: most specific first.
_SHAPES: tuple[_Shape, ...] = (
    _shape("skip", _P_SKIP, _build_skip, skip=True),
    _shape("interval", _P_INTERVAL, _build_interval),
    _shape("money", _P_MONEY, _build_money),
    _shape("money_words", _P_MONEY_WORDS, _build_money),
    _shape("money_vague", _P_MONEY_VAGUE, _build_money_vague),
    _shape("rate", _P_RATE, _build_rate),
    _shape("dose", _P_DOSE, _build_dose),
    _shape("max_dose", _P_MAX, _build_max),
    _shape("max_dose_post", _P_MAX_POST, _build_max),
    _shape("concentration", _P_CONC, _build_conc),
    _shape("percent", _P_PERCENT, _build_percent),
    _shape("division", _P_DIVISION, _build_division),
    _shape("duration", _P_DURATION, _build_duration),
    _shape("duration_vague", _P_DURATION_VAGUE, _build_duration_vague),
)

# One union of every shape, with group names removed (they repeat across
# shapes), used only to find where the next quantity starts.
_LOCATOR = re.compile(
    "|".join(
        "(?:" + re.sub(r"\(\?P<[A-Za-z_]\w*>", "(?:", s.source) + ")" for s in _SHAPES
    ),
    re.I | re.X,
)

# ---------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in ``text``, sorted by start, never overlapping.

    Leftmost-longest: at the first place any quantity shape matches, the
    longest match of all shapes wins (ties: the more specific shape), and the
    scan resumes after it. A match whose numbers make no sense (a reversed
    range "2 to 1 g/kg", a base below 1,000 for a rate) is dropped and the
    scan resumes one character later, so a shorter quantity inside it can
    still be found.
    """
    out: list[Quantity] = []
    pos = 0
    n = len(text)
    while pos < n:
        loc = _LOCATOR.search(text, pos)
        if loc is None:
            break
        start = loc.start()
        candidates: list[tuple[int, int, _Shape, re.Match[str]]] = []
        for i, shape in enumerate(_SHAPES):
            m = shape.pattern.match(text, start)
            if m is not None and m.end() > start:
                candidates.append((-m.end(), i, shape, m))
        candidates.sort(key=lambda c: (c[0], c[1]))
        taken = False
        for _, _, shape, m in candidates:
            if shape.skip:
                pos = m.end()
                taken = True
                break
            q = shape.build(m)
            if q is not None:
                out.append(q)
                pos = m.end()
                taken = True
                break
        if not taken:
            pos = start + 1
    return out


_STRIP = " \t\r\n.;,:"


def parse_quantity(text: str) -> Quantity | None:
    """Parse a string that is exactly one quantity (a facts-file value), or None.

    Surrounding whitespace, trailing punctuation and one pair of enclosing
    parentheses are ignored; the span still refers to ``text``. A bare mass
    ("70 g") is read as a ``max_dose`` with comparator ``"="`` (see the module
    docstring), since a facts file stores a maximum's figure under its key.
    """
    start, end = 0, len(text)
    while start < end and text[start] in _STRIP:
        start += 1
    while end > start and text[end - 1] in _STRIP:
        end -= 1
    if end - start >= 2 and text[start] == "(" and text[end - 1] == ")":
        start, end = start + 1, end - 1
        while start < end and text[start] in _STRIP:
            start += 1
        while end > start and text[end - 1] in _STRIP:
            end -= 1
    if start >= end:
        return None
    for shape in _SHAPES:
        m = shape.pattern.fullmatch(text, start, end)
        if m is None or shape.skip:
            continue
        q = shape.build(m)
        if q is not None:
            return q
    m = _BARE_MASS.fullmatch(text, start, end)
    if m is not None:
        q = _build_max(m)
        if q is not None:
            return Quantity(
                kind=q.kind, low=q.low, high=q.high, unit=q.unit, start=q.start,
                end=q.end, text=q.text, comparator="=",
            )  # fmt: skip
    return None


def _fmt(x: float, commas: bool = False) -> str:
    """A number as plain decimal text that :data:`NUM` parses back exactly."""
    x = _n(x)
    if not math.isfinite(x):
        return str(x)
    if x.is_integer() and abs(x) < 1e15:
        return f"{int(x):,}" if commas else str(int(x))
    s = format(Decimal(repr(x)), "f")
    if commas:
        whole, _, frac = s.partition(".")
        s = f"{int(whole):,}" + ("." + frac if frac else "")
    return s


def _fmt_range(q: Quantity, scale: float = 1.0, commas: bool = False) -> str:
    lo, hi = _n(q.low * scale), _n(q.high * scale)
    if lo == hi:
        return _fmt(lo, commas)
    return f"{_fmt(lo, commas)}-{_fmt(hi, commas)}"


def _is_whole(x: float) -> bool:
    return math.isfinite(x) and _n(x).is_integer()


def _format_interval(q: Quantity) -> str:
    family = q.get("as")
    if family == "months":
        if _n(q.low) == 4.0 and _n(q.high) == 4.0:
            core = "monthly"
        else:
            core = f"every {_fmt_range(q, 0.25)} months"
    elif _is_whole(q.low) and _is_whole(q.high):
        core = "every week" if q.low == q.high == 1 else f"every {_fmt_range(q)} weeks"
    elif _is_whole(q.low * 7) and _is_whole(q.high * 7):
        core = f"every {_fmt_range(q, 7.0)} days"
    else:
        core = f"every {_fmt_range(q)} weeks"
    doses = q.get("doses")
    if isinstance(doses, int | float):
        core += f" for {_fmt(float(doses))} doses"
    then = q.get("then")
    if isinstance(then, Quantity):
        core += f", then {_format_interval(then)}"
    return core


def format_quantity(q: Quantity) -> str:
    """Canonical text for ``q``: what medlint displays, and what
    :func:`parse_quantity` parses back to the same :meth:`Quantity.to_value` key.

    Units are the normalised ones (``2000 mg/kg`` prints as ``2 g/kg``);
    intervals given in months keep months ("monthly"), and vague amounts keep
    their words ("thousands of dollars per infusion").
    """
    cmp = _CMP_DISPLAY.get(q.comparator, "")
    kind = q.kind
    if kind == "percent":
        return f"{cmp}{_fmt_range(q)}%" + (" CI" if q.get("ci") else "")
    if kind == "iga":
        return f"{cmp}{_fmt_range(q)} µg/mL"
    if kind == "dose":
        text = f"{cmp}{_fmt_range(q)} {q.unit}"
        days = q.get("days")
        if q.unit == "g/kg/day" and isinstance(days, int | float):
            text += f" for {_fmt(float(days))} days"
        return text
    if kind == "max_dose":
        return f"maximum {_fmt_range(q)} g"
    if kind == "division":
        return f"divided over {_fmt_range(q)} days"
    if kind == "interval":
        return _format_interval(q)
    if kind == "rate":
        text = f"{cmp}{_fmt_range(q)} per million"
        if q.per:
            text += f" {q.per}"
        if q.get("period", "year") is not None and not (q.per or "").endswith("years"):
            text += " per year"
        return text
    if kind == "money":
        per = f" per {q.per}" if q.per else ""
        vague = q.get("vague")
        if isinstance(vague, str) and q.unit == "USD":
            sep = " of" if vague in _VAGUE_MAGNITUDES else ""
            return f"{vague}{sep} dollars{per}"
        sym = _CURRENCY_SYMBOL.get(q.unit, "$")
        lo, hi = _fmt(q.low, commas=True), _fmt(q.high, commas=True)
        amount = f"{sym}{lo}" if q.low == q.high else f"{sym}{lo}-{sym}{hi}"
        return f"{cmp}{amount}{per}"
    if kind == "duration":
        vague = q.get("vague")
        if isinstance(vague, str):
            return f"{vague} {q.unit}"
        return f"{cmp}{_fmt_range(q)} {q.unit}"
    return f"{cmp}{_fmt_range(q)} {q.unit}"


def _key(q: Quantity) -> tuple[object, ...]:
    base: tuple[object, ...] = (q.kind, q.low, q.high, q.unit)
    quals: list[tuple[str, object]] = []
    if q.comparator not in ("=", "~") and q.kind not in ("max_dose", "interval", "division"):
        quals.append(("cmp", q.comparator))
    if q.kind == "money":
        quals.append(("per", q.per))
    for name, value in q.extra:
        if name in ("days", "doses", "ci"):
            quals.append((name, value))
        elif name == "then" and isinstance(value, Quantity):
            quals.append(("then", _key(value)))
    return base + tuple(quals)


def range_relation(stated: Quantity, canonical: Quantity) -> str:
    """Where the ``stated`` range lies relative to the ``canonical`` one.

    Both are closed ranges ``[low, high]`` in the same normalised unit;
    comparators and ``approximate`` are not considered (the caller decides
    what "≤25" against a maximum of 25 means). Returns one of:

    * ``"equal"``         same bounds;
    * ``"inside"``        stated lies within canonical and is narrower;
    * ``"reaches-above"`` they overlap and only stated's high end is beyond
      canonical ("every 4-6 weeks" against "every 4 weeks");
    * ``"reaches-below"`` they overlap and only stated's low end is below;
    * ``"wider"``         stated reaches beyond canonical at both ends;
    * ``"above"``         stated lies entirely above canonical (disjoint);
    * ``"below"``         stated lies entirely below canonical (disjoint:
      "1 g/kg" against "2 g/kg");
    * ``"incomparable"``  different kinds or units.
    """
    if stated.kind != canonical.kind or stated.unit != canonical.unit:
        return "incomparable"

    def same(a: float, b: float) -> bool:
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)

    s_lo, s_hi, c_lo, c_hi = stated.low, stated.high, canonical.low, canonical.high
    if same(s_lo, c_lo) and same(s_hi, c_hi):
        return "equal"
    if s_hi < c_lo and not same(s_hi, c_lo):
        return "below"
    if s_lo > c_hi and not same(s_lo, c_hi):
        return "above"
    out_low = s_lo < c_lo and not same(s_lo, c_lo)
    out_high = s_hi > c_hi and not same(s_hi, c_hi)
    if out_low and out_high:
        return "wider"
    if out_low:
        return "reaches-below"
    if out_high:
        return "reaches-above"
    return "inside"
