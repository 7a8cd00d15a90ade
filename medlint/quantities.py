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
Each quantity *shape* is one regular expression (see ``_SHAPE_SPECS``),
compiled once, on first use. Candidate start positions come from a cheap
anchor scan (see ``_scan``); at the leftmost place where any shape matches,
every shape is tried and the longest match wins (ties go to the earlier, more
specific shape), then the scan continues after it. So results are
leftmost-longest and never overlap.
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
  ``"iga"`` in ug/mL (``0.046 mg/mL`` -> 46 ug/mL). Such a figure may be written
  in words, hundreds included ("one hundred and six micrograms per mL"); a
  number word before any other mass unit is not read ("ten mg/mL").
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

import functools
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from medlint import rx
from medlint.model import Value
from medlint.trie import Literals

__all__ = [
    "COMPARED_EXTRAS",
    "Quantity",
    "count_of",
    "find_quantities",
    "format_quantity",
    "parse_quantity",
    "range_relation",
    "tolerance",
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
        the number of days of a per-day dose (fewest and most), the number of doses before a
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
# Percentages are also written with larger number words: "a twenty percent solution",
# "sixteen and a half per cent" is rare and not read. Only the percent shape reads these.
_TENS_WORDS: dict[str, int] = {
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
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
# The extras a comparison of two values reads (checks.regimens.course_dose, per_day_reading,
# tolerance, and a schedule's later interval, "then"): what a claim kept for the corpus rules
# must not lose.
COMPARED_EXTRAS = frozenset({"days", "days_most", "either_days", "per_lb", "then"})
LB_PER_KG = 2.20462
# "0.9 g per pound" is 1.98 g/kg, written for 2 g/kg: 5% covers such rounding, not a dose a
# tenth too high ("1 g per pound" = 2.2 g/kg).
LB_TOLERANCE = 0.05
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
    "never more than": "<=", "not more than": "<=", "up to": "<=", "maximum": "<=",
    "maximum of": "<=", "max": "<=", "max.": "<=",
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
_W0 = r"\s{0,3}"
_W1 = r"\s{1,3}"
# A quantity never starts inside a word, right after a digit and a decimal
# point or comma, or after "letter-" (COVID-19, ICD-10).
_GUARD = r"(?<![\w/])(?<!\d[.,])(?<![^\W\d_][-‐‑–])(?<!point\s)"
# "0,12 ml per kg", "6,0 mg/kg/min" (a decimal comma, as translated leaflets write it): after a
# 0, which no thousands group starts with, or with one or two digits after the comma, which a
# thousands group never has
_NUM = (
    r"(?:\d{1,3},\d{1,2}(?![\d,])|0,\d+(?![\d,])"
    r"|(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?|\.\d+)"
)
_AFTER_DIGIT = r"(?:(?<=\d)|(?<=\d\s)|(?<=\d-))"
# "every six wk" (revision notes): after a number word too, each a fixed-width look-behind
_AFTER_NUMWORD = (
    "(?:"
    + "|".join(
        rf"(?<={w}\s)"
        for w in ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
    )
    + ")"
)
# ("half a milligram per millilitre", "half an hour": a half)
_NUMWORD = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|half\s+an?)\b"
_NUMW = rf"(?:{_NUM}|{_NUMWORD})"
_TENSWORD = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[\s‐‑-](?:one|two|three|four|five|six|seven|eight|nine)\b)?"
    r"|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)\b"
)
_SEP = rf"(?:{_W0}[-‐‑–—−]{_W0}|{_W1}to{_W1})"
# "one hundred and sixty", "two hundred": hundreds in words (IgA figures in micrograms)
_HUNDREDWORD = (
    r"(?:one|two|three|four|five|six|seven|eight|nine)[\s‐‑-]+hundred"
    rf"(?:[\s‐‑-]+(?:and[\s‐‑-]+)?(?:{_TENSWORD}|{_NUMWORD}))?\b"
)
# A number in words only right before the word for micrograms ("forty-six micrograms of IgA
# per mL"): never "ten mg/mL", which no one writes in words.
_WORDS_MICRO = (
    rf"(?:(?:{_HUNDREDWORD}|{_TENSWORD}|{_NUMWORD})"
    rf"(?=(?:{_SEP}(?:{_HUNDREDWORD}|{_TENSWORD}|{_NUMWORD}))?{_W0}micrograms?\b)"
    # "half a milligram per millilitre" (an IgA figure in words)
    rf"|half{_W1}a(?={_W1}milligram\b))"
)
_CMP = rf"""(?P<cmp>
      ≤ | ≦ | <= | =< | ≥ | ≧ | >= | => | < | (?<![-–—])> | ~ | ≈ | ∼
    | (?:less|lower|fewer){_W1}than | below | under
    | (?:more|greater|higher){_W1}than | above | exceeding | in{_W1}excess{_W1}of
    | at{_W1}most | (?:no|not|never){_W1}more{_W1}than | (?<!adds\x20)(?<!add\x20)up{_W1}to
    | (?:(?:should|must|do|does){_W1})?not{_W1}(?:to{_W1})?exceed(?:ing)?
    | maximum(?:{_W1}of)? | max\b\.?
    | at{_W1}least | (?:no|not){_W1}less{_W1}than | minimum(?:{_W1}of)?
    | approximately | approx\b\.? | about | around | roughly | nearly | almost
    | circa | ca\.
    )"""
# ("->" is an arrow in a clinical note, "wt 40 kg -> 2 g/kg = 80 g", not "more than")
# The lookahead skips the 40-way comparator alternation at once when a
# quantity starts with a digit, which is most of them.
_CMPOPT = rf"(?:(?![\d.]){_CMP}(?:(?<=\W)|(?!\w)){_W0})?"
_PCT = r"(?:%|％|-?percent\b|-?per\s?cent\b)"  # "a 10-percent solution"
_MASS = r"(?:micrograms?|mcg|µg|μg|ug|milligrams?|mg|grams?|gm|g)"
_VOL = r"(?:millilit(?:er|re)s?|ml|decilit(?:er|re)s?|dl|lit(?:er|re)s?|l)\b"
_KG = r"(?:kg|kilograms?|kilo)\b"
_LB = r"(?:lbs?|pounds?)\b"
_PER_SLASH = rf"(?:{_W0}/{_W0}|{_W1}per{_W1})"
# "per kg", "/kg", and "for each kilogram" (only before the body weight: "every week" after a
# dose is an interval)
_PER_KG = rf"(?:{_PER_SLASH}|{_W1}(?:for{_W1})?(?:each|every){_W1})"
_BODY_WEIGHT = rf"(?:{_W1}(?:of{_W1})?body[\s-]?weight\b)"
_NOT_RATE = rf"(?!{_W0}/{_W0}(?:min|minute|h|hr|hour)\b)"
# Words allowed between "divided into" and "doses": a closed set, so that the
# fast scan's prefix table (``_PREFIX_WORDS``) covers every shape.
_DOSE_WORDS = (
    r"(?:equal|separate|smaller|daily|individual|two|three|four|five|six|seven|eight|nine|ten"
    r"|\d{1,2})"
)


# "between 1 and 2": the "and" is a range separator only after "between".
_AND_OR_SEP = rf"(?(btw){_W1}and{_W1}|{_SEP})"


def _range_of(num: str, unit_between: str = "") -> str:
    """Groups ``lo``/``hi`` for "1", "1-2", "1 to 2 g/kg", "1 g/kg to 2", "between 1 and 2".

    ``unit_between`` is the unit a writer may repeat after the first number
    ("9%-11%", "1 g/kg to 2 g/kg").
    """
    unit = rf"(?:{unit_between})?" if unit_between else ""
    return rf"(?P<btw>between{_W1})?(?P<lo>{num})(?:{unit}{_AND_OR_SEP}(?P<hi>{num}))?"


def _interval_core(p: str) -> str:
    """The part of an interval that says how often; ``p`` prefixes group names."""
    return rf"""(?P<{p}all>
        # "every month and a half": six weeks, a month counted as 4 weeks (before "every month")
        (?P<{p}mhalf>every{_W1}(?:a{_W1})?month{_W1}and{_W1}a{_W1}half)\b
      # "each 6 weeks" (translated leaflets): only with a number ("each day" is no schedule)
      |        (?:once{_W1})?(?:every|each(?={_W1}{_NUMW}))
          {_W1}(?:(?P<{p}lo>{_NUMW})(?:(?:{_SEP}|{_W1}or{_W1})(?P<{p}hi>{_NUMW}))?{_W0}
            |(?P<{p}other>other){_W1})?
          (?P<{p}unit>days?|weeks?|(?:{_AFTER_DIGIT}|{_AFTER_NUMWORD})wks?|months?|fortnights?)\b
      # "at 6-week intervals", "at four- to six-week intervals", "6 weeks apart", "six-weekly",
      # "the dosing interval is 6 weeks"
      | (?:at{_W1})?(?P<{p}ilo>{_NUMW})(?:{_W0}-?(?:{_SEP}|{_W1}or{_W1})(?P<{p}ihi>{_NUMW}))?
          (?:{_W0}-{_W0}|{_W1})(?P<{p}iunit>day|week|month)s?{_W1}intervals?\b
      | (?P<{p}alo>{_NUMW})(?:{_SEP}(?P<{p}ahi>{_NUMW}))?{_W1}(?P<{p}aunit>days?|weeks?|months?)
          # "6 weeks apart", "6 weeks between courses"
          {_W1}(?:apart\b|between{_W1}(?:(?:the|each|two){_W1})?
            # "between Octagam 10% courses": a product's name between
            (?:(?:ivig|scig|ig|[A-Z][\w-]*(?:{_W1}\d+(?:\.\d+)?{_W0}%|{_W1}[A-Z][\w-]*)?){_W1})?
            (?:courses|infusions|doses
            |cycles|treatments|course|infusion|dose|cycle|treatment)\b)
      | (?P<{p}wlo>{_NUMW})(?:{_W0}-?(?:{_SEP})(?P<{p}whi>{_NUMW}))?-(?P<{p}wunit>week|month)ly\b
      | (?:dosing{_W1})?interval{_W1}(?:is|of){_W1}(?:(?:about|usually|typically){_W1})?
          (?P<{p}vlo>{_NUMW})(?:{_SEP}(?P<{p}vhi>{_NUMW}))?{_W1}(?P<{p}vunit>days?|weeks?|months?)\b
      | (?P<{p}quarterly>quarterly|every{_W1}quarter)\b
      | q{_W0}(?P<{p}qlo>\d+)(?:{_SEP}(?P<{p}qhi>\d+))?{_W0}
          (?P<{p}qunit>weeks?|wks?|wk|w|days?|d|months?|mo)\b
      | (?P<{p}monthly>monthly|once{_W1}(?:a|per|each|every){_W1}month|once{_W1}monthly
          |each{_W1}month)\b
      | (?P<{p}weekly>weekly|once{_W1}(?:a|per|each|every){_W1}week|once{_W1}weekly
          |each{_W1}week)\b
      | (?P<{p}fortnightly>fortnightly)\b
      | (?P<{p}times>twice|thrice|two{_W1}times|three{_W1}times|four{_W1}times){_W1}
          (?:(?:a|per|each|every){_W1}(?P<{p}tunit>week|month)|(?P<{p}tadv>week|month)ly)\b
    )"""


_P_INTERVAL = (
    _GUARD
    + _interval_core("")
    + rf"""(?:{_W0},?{_W0}(?:for|x|×){_W0}(?P<doses>{_NUMW}){_W0}
            (?:doses|infusions|cycles|treatments|courses|times)\b)?
          (?:{_W0}[,;]?{_W0}(?:and{_W1})?then{_W1}{_interval_core("t_")})?"""
)

_P_PERCENT = (
    _GUARD
    + _CMPOPT
    # "ten percent", "five per cent": a number word only before the word (never "ten %")
    + _range_of(
        rf"(?:{_NUM}|(?:{_TENSWORD}|{_NUMWORD})(?=(?:{_SEP}(?:{_TENSWORD}|{_NUMWORD}))?{_W0}-?per))",
        rf"{_W0}{_PCT}",
    )
    + rf"""{_W0}{_PCT}
         (?P<ci>{_W0}(?:CI\b|C\.I\.|confidence{_W1}(?:interval|limits?)\b))?"""
)

_P_CONC = (
    _GUARD
    + _CMPOPT
    + _range_of(rf"(?:{_NUM}|{_WORDS_MICRO})", rf"{_W0}{_MASS}(?:{_W0}/{_W0}{_VOL})?")
    + rf"""
         {_W0}(?P<mass>{_MASS})
         # "37 micrograms of IgA per mL", "0.1 g of protein per mL"
         (?:{_W1}(?:of{_W1})?(?:(?:human|total){_W1}(?:normal{_W1})?)?(?P<substance>IgA|immunoglobulin{_W1}A|IgG|proteins?|immunoglobulins?
            |immune{_W1}globulins?)\b)?
         # "per mL", "/mL", "in each mL", "in 100 mL"
         # ("1060 microgram for ml": "for" as a translated leaflet writes "per")
         {_W0}(?:/|per\s|in{_W1}(?:(?:each|every|a){_W1})?|for{_W1}(?:(?:each|every){_W1})?){_W0}
         (?:(?P<volnum>{_NUM}){_W0})?
         (?P<vol>{_VOL})
         (?!{_W0}/{_W0}(?:kg|min|h)\b)
         # "1 mg/mL of IgA", "2 mg/ml IgA": the substance after the unit
         (?:{_W1}(?:of{_W1})?(?P<substance2>IgA|immunoglobulin{_W1}A)\b)?"""
)

# "Each mL of Privigen contains 100 mg of IgG": the mass alone, read as a
# concentration only after "each mL ... contains" (``_build_conc_each`` looks back).
_P_CONC_EACH = (
    _GUARD
    + _CMPOPT
    + _range_of(_NUM, rf"{_W0}{_MASS}")
    + rf"""
         {_W0}(?P<mass>{_MASS})\b
         # the protein, or nothing else: "50 mg of D-sorbitol" is a stabilizer's amount
         (?:{_W1}(?:of{_W1})?(?:(?:human|total){_W1}(?:normal{_W1})?)?(?P<substance>IgA|immunoglobulin{_W1}A|IgG|proteins?|immunoglobulins?
            |immune{_W1}globulins?)\b
          |(?={_W0}(?:[.,;:)!?]|$|(?:and|or)\b)))"""
)
_EACH_VOL_BEFORE = rx.compile(
    r"\b(?:each|every|one|1)\s{1,3}(?:ml|millilit(?:er|re))\b[^.;:!?]{0,60}?"
    r"\s(?:contains|has|provides|holds|delivers|carries|gives|supplies)\s{1,3}$",
    re.I,
)

_P_DOSE = (
    _GUARD
    + _CMPOPT
    # "one gram per kilogram": a number word only before the word for the mass
    + _range_of(
        rf"(?:{_NUM}|{_NUMWORD}(?=(?:{_SEP}{_NUMWORD})?{_W1}(?:grams?|milligrams?)\b))",
        rf"{_W0}{_MASS}{_PER_KG}(?:{_KG}|{_LB})",
    )
    + rf"""
         {_W0}(?P<mass>{_MASS})
         # "2 g of IVIG per kg"
         (?:{_W1}of{_W1}(?:IVIG|SCIG|IgG|immunoglobulins?|immune{_W1}globulins?)\b)?
         # "0.9 g per pound": converted to g/kg (see _build_dose)
         # "1 g for every 2 kg of body weight": per that many kilograms
         {_PER_KG}(?:(?P<kgnum>\d{{1,2}}(?:\.\d+)?){_W0})?(?:{_KG}|(?P<lb>{_LB})){_BODY_WEIGHT}?
         {_NOT_RATE}
         (?:
            (?P<perday>{_W0}/{_W0}(?:day|d)\b|{_W1}(?:per|a){_W1}day\b|{_W1}daily\b
              # "1 g/kg every day for 2 days", "0.4 g/kg each day"
              |{_W1}(?:every|each){_W1}(?:single{_W1})?day\b(?!{_W0}['’])
              # "no more than 1 g/kg on a single day", "in any one day"
              |{_W1}(?:on|in){_W1}(?:a{_W1}single|any{_W1}(?:one|single)|one|a|any){_W1}day\b)
            (?:{_W0},?{_W0}(?:for|over|on|x|×){_W0}(?P<days>{_NUMW})
               # "2 g/kg/day for 2-5 consecutive days": a course of 4 to 10 g/kg
               (?:{_SEP}(?P<days2>{_NUMW}))?(?:{_W1}consecutive)?{_W1}days?\b)?
          | {_W1}(?:(?:given|administered|infused){_W1})?(?:(?:on|for){_W1})?each{_W1}of{_W1}
            (?:the{_W1})?(?P<eachdays>{_NUMW})
            (?:{_SEP}(?P<eachdays2>{_NUMW}))?(?:{_W1}consecutive)?{_W1}days\b
          | {_PER_SLASH}(?P<perother>week|wk|month|mo)\b
         )?
         # "1 g/kg on two consecutive days": the course, or each day's dose? Noted, not taken
         # (the days stay a division of their own); see checks.regimens.per_day_reading.
         (?:(?={_W1}(?:on|for){_W1}(?P<ondays>{_NUMW})
              (?:(?:{_SEP}|{_W1}or{_W1})(?P<ondays2>{_NUMW}))?
              (?:{_W1}consecutive)?{_W1}days?\b)|)"""
)

_P_MAX = (
    _GUARD
    + rf"""(?P<cmp>maximum(?:{_W1}(?:(?:total|single|daily|individual){_W1})*(?:dose|amount))?
            (?:{_W1}(?:of|is))?
            # "each dose capped at 90 g", "a cap of 70 g", "caps each infusion at no more than"
            |(?:capped|capping|cap){_W1}(?:at|of)(?:{_W1}no{_W1}more{_W1}than)?
            |caps?(?:{_W1}(?:each|every|the|a|any))?(?:{_W1}(?:single{_W1})?(?:dose|infusion
              |course)s?)?{_W1}at(?:{_W1}no{_W1}more{_W1}than)?
            # "the highest single dose we use is 100 g"
            |(?:highest|largest)(?:{_W1}(?:total|single|daily|individual))*{_W1}(?:dose|amount)
             (?:{_W1}(?:we|you|they|ever|used|given|allowed|use|give|recommended)){{0,3}}
             {_W1}(?:is|of|was)
            |max\b\.?(?:{_W1}(?:of|is))?|(?:(?:should|must|do|does){_W1})?not{_W1}(?:to{_W1})?exceed(?:ing)?
            # "with no single dose above 100 g", "no single dose goes over 100 g"
            |no{_W1}(?:single{_W1})?(?:dose|infusion|course)s?{_W1}
              (?:(?:goes|may{_W1}go|should{_W1}go|can{_W1}go|is){_W1})?(?:above|over|exceeding
              |(?:of{_W1})?(?:more|greater){_W1}than)
            # "the dose tops out at 100 g"
            |tops?{_W1}out{_W1}at)
         (?:{_W0}[:=])?{_W0}(?P<lo>{_NUM}|{_TENSWORD}|{_NUMWORD}){_W0}(?P<mass>grams?|gm|g|milligrams?|mg)\b
         # not "maximum 400 mg per kg" (a dose); "a maximum of 100 g per dose" is a cap
         (?!{_W0}(?:/|per\s)(?!{_W0}(?:dose|infusion|course|treatment|administration)s?\b))
         (?:{_W1}per{_W1}(?:dose|infusion|course|treatment|administration)\b)?"""
)

# "up to 70 g per dose", "no more than 70 g per infusion": a cap in grams, said per dose.
_P_MAX_PER_DOSE = (
    _GUARD
    + rf"""(?P<cmp>up{_W1}to|(?:no|not|never){_W1}more{_W1}than|at{_W1}most
         # "they never go above 100 g in one infusion", "do not give more than 90 g per dose"
         |never{_W1}(?:goes|go|went){_W1}(?:above|over|beyond)
         |(?:do{_W1}not|don['’]t|never){_W1}(?:give|infuse|use){_W1}(?:more{_W1}than|over|above)
         ){_W1}
         (?P<lo>{_NUM}|{_TENSWORD}|{_NUMWORD}){_W0}(?P<mass>grams?|gm|g)\b
         {_W1}(?:per|a|each|in{_W1}(?:a|one|each)){_W1}(?:single{_W1})?(?:dose|infusion)\b"""
)

_P_MAX_POST = (
    _GUARD
    + rf"""(?P<lo>{_NUM}){_W0}(?P<mass>grams?|gm|g|milligrams?|mg)\b{_W1}
         (?P<cmp>maximum|max\b\.?)"""
)

_P_RATE = (
    _GUARD
    + _CMPOPT
    # "thirty-two kids in every million": a tens word too
    + _range_of(rf"(?:{_NUMW}|{_TENSWORD})")
    # "3 new cases per", "3 children per 100,000", "3 children in 100,000"
    # ("one new diagnosis for every nine thousand people")
    + rf"""(?:{_W1}(?:new{_W1})?(?:cases?|diagnos[ie]s
                 |(?P<pop0>children|kids|people|persons|individuals
                 |adults|patients|women|men|girls|boys|child|kid|person|individual|adult|patient
                 |woman|man|girl|boy))\b
            # "1.1 new cases of dermatomyositis for every 10,000 people"
            (?:{_W1}of{_W1}(?:(?:juvenile|adult){_W1})?(?:dermatomyositis|DM|JDM|myositis))?
            # "96 new cases were diagnosed per million"
            (?:{_W1}(?:were|are|is|was){_W1}(?:newly{_W1})?(?:diagnosed|reported|identified|seen
                |recorded)
              # "about one new case arose for every ten thousand person-years"
              |{_W1}(?:arose|arise|arises|occurred|occurs|occur|appeared|appears))?
            # "three new cases a year in every hundred thousand children", "ten new cases are
            # diagnosed each year for every 100,000 people"
            (?:{_W1}(?:a|per|each|every){_W1}year)?)?
         # ("1 new case is diagnosed for each million persons")
         (?:{_W0}/{_W0}|{_W1}(?:per|in|out{_W1}of|for(?={_W1}(?:every|each)\b)){_W1})
         (?:(?:every|each){_W1})?
         (?P<base>(?:(?P<bnum>{_NUM}|one|a){_W1})?million\b
                 # "one in ten thousand", "per hundred thousand"
                 |(?:(?P<tnum>{_NUM}|{_NUMWORD}|{_TENSWORD}|a|(?:(?:a|one){_W1})?hundred){_W1})?thousand\b
                 |\d{{1,3}}(?:[,\u00a0\u202f\x20]\d{{3}})+(?![\d,])|10{{3,}}(?!\d)
                 |(?P<kbase>\d{{1,3}}){_W0}k\b)
         (?:{_W1}(?P<pop>person[\s-]?years|patient[\s-]?years|live{_W1}births|children|child
                 |kids|people|persons|individuals|adults|patients|population|inhabitants
                 |residents|births|infants|newborns|women|men|girls|boys)\b)?
         (?:{_W0},?{_W0}(?P<period>per{_W1}(?:year|annum|yr)\b|a{_W1}year\b|each{_W1}year\b
                 |every{_W1}year\b|annually\b|yearly\b|/{_W0}(?:year|yr|y)\b))?"""
)

_CUR = r"(?:US\s?\$|\$|USD\s?|€|EUR\s?|£|GBP\s?)"
_MONEY_PER_RE = rf"""(?:
      {_W0}(?:per|a|an|each|every|/){_W0}(?:(?:patient|person){_W1}(?:per|a){_W1})?
        (?:(?:single|treatment|ivig|full|complete|individual|standard){_W1})?
        (?P<per>courses?|cycles?|infusions?|doses?|treatments?|sessions?|years?|annum|yr
                |months?|grams?|g)\b
    | {_W1}per{_W1}(?P<pernum>{_NUM}){_W0}(?P<permass>grams?|g|milligrams?|mg)\b
    | {_W1}(?P<peradv>annually|yearly|monthly|a{_W1}year|a{_W1}month)\b
    )?"""
_MULT = r"(?:k|thousand|million|mn|billion|bn)\b"

_P_MONEY = (
    _GUARD
    + _CMPOPT
    + rf"""(?P<btw>between{_W1})?(?P<cur>{_CUR}){_W0}(?P<lo>{_NUM})(?:{_W0}(?P<lomult>{_MULT}))?
         (?:{_AND_OR_SEP}{_CUR}?{_W0}(?P<hi>{_NUM})(?:{_W0}(?P<himult>{_MULT}))?)?"""
    + _MONEY_PER_RE
)

_P_MONEY_WORDS = (
    _GUARD
    + _CMPOPT
    + _range_of(_NUM)
    + rf"""(?:{_W1}(?P<himult>thousand|million|billion))?
         {_W1}(?:US{_W1})?(?P<cur>dollars|euros|pounds)\b"""
    + _MONEY_PER_RE
)

_P_MONEY_VAGUE = (
    _GUARD
    + rf"""(?P<vague>(?:several|a{_W1}few|a{_W1}couple{_W1}of){_W1}(?:hundred|thousand|million)
            |tens{_W1}of{_W1}thousands|hundreds{_W1}of{_W1}thousands|hundreds|thousands|millions)
         (?:{_W1}of)?{_W1}(?:US{_W1})?dollars\b"""
    + _MONEY_PER_RE
)

_DIV_PREFIX = rf"""(?:divided(?:{_W1}equally)?
                   (?:{_W1}(?:in|into)(?:{_W1}{_DOSE_WORDS}){{0,2}}{_W1}doses)?{_W1})?
                (?:(?:given|administered|infused){_W1})?"""

_SINGLE = rf"(?:a{_W1}single|one{_W1}single|just{_W1}one|only{_W1}one)"
_P_DIVISION = (
    _GUARD
    + rf"""(?:{_DIV_PREFIX}
           (?:(?:over|across){_W1}(?:anywhere{_W1}(?:from|between){_W1}|between{_W1})?
              (?P<lo>{_NUMW})(?:(?:{_SEP}|{_W1}and{_W1})(?P<hi>{_NUMW}))?(?:{_W1}consecutive)?
             |(?:on{_W1})?(?P<lo2>{_NUMW})(?:{_SEP}(?P<hi2>{_NUMW}))?{_W1}consecutive
             # "over a single day"
             |(?:over|across){_W1}(?P<single>{_SINGLE}))
           {_W1}days?\b
         # "given in one day": "in one day" alone is a duration ("improved in one day")
         | (?:given|administered|infused){_W1}(?:(?:all|in{_W1}full){_W1})?(?:in|on|within){_W1}
           (?P<single2>{_SINGLE}|one){_W1}day\b
         # "the full 2 g/kg course in a single sitting"
         | in{_W1}(?P<single3>{_SINGLE}){_W1}(?:sitting|session)\b)"""
)

# Unit abbreviations only after digits ("72h", "2-4 hrs", "6 mos"): "two h" is
# not worth a fast-scan anchor (see ``_ANCHOR_WORDS``).
_TUNIT = rf"""(?P<unit>hours?|{_AFTER_DIGIT}(?:hrs?|h|wks?|mos|yrs?)|days?|weeks?|months?
            |years?)\b"""
_DUR_PREFIX = rf"(?:(?P<pre>for|over|lasting|during|within|after){_W1})?"

_P_DURATION = _GUARD + _DUR_PREFIX + _CMPOPT + _range_of(_NUMW) + rf"(?:{_W0}|-)" + _TUNIT

_P_DURATION_VAGUE = (
    _GUARD
    + _DUR_PREFIX
    + rf"(?P<vague>several|a{_W1}few|a{_W1}couple{_W1}of){_W1}"
    + r"(?P<unit>hours|days|weeks|months|years)\b"
)

# Consumed but not reported: infusion rates, volumes per kg, ages.
_P_SKIP = (
    _GUARD
    + rf"""(?:
        {_NUM}(?:{_SEP}{_NUM})?{_W0}(?:units?|iu){_W0}/{_W0}kg{_W0}/{_W0}
          (?:min|minute|h|hr|hour)\b
      | {_NUM}(?:{_SEP}{_NUM})?{_W0}ml{_W0}/{_W0}kg\b
      | {_NUMW}(?:{_SEP}{_NUMW})?(?:{_W0}|-)(?:years?|{_AFTER_DIGIT}yrs?|months?)(?:{_W0}|-)
          (?:of{_W1}age|old|and{_W1}(?:older|over|above|up)|or{_W1}(?:older|more))\b
    )"""
)

# Infusion rates: "1.0 mg/kg/min", "0.04 mL/kg/min", "up to 8 mg/kg per minute", "0.5 mL/kg/h"
_RATE_MASS = rf"(?:{_MASS}|millilit(?:er|re)s?|ml)"
_PER_TIME = rf"(?:{_W0}/{_W0}|{_W1}(?:per|a|an|each){_W1})(?P<time>min(?:ute)?|h(?:ou)?r?)s?\b"
_P_INFUSION = (
    _GUARD
    + _CMPOPT
    # "ten milligrams per kilo a minute": a number word only before the word for the mass
    + _range_of(
        rf"(?:{_NUM}|{_NUMWORD}(?={_W1}(?:milligrams?|grams?|millilit)))",
        rf"{_W0}{_RATE_MASS}{_W0}/{_W0}kg{_W0}/{_W0}(?:min|minute|h|hr|hour)\b",
    )
    + rf"""{_W0}(?P<mass>{_RATE_MASS})\b{_PER_SLASH}{_KG}{_BODY_WEIGHT}?{_PER_TIME}"""
)

_BARE_MASS = rx.compile(rf"(?P<lo>{_NUM}){_W0}(?P<mass>grams?|gm|g|milligrams?|mg)\b", re.I)

# ---------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------


def _n(x: float) -> float:
    """Round to 12 significant digits so that 0.3 * 10 == 3.0 in keys."""
    if not math.isfinite(x):
        return x
    return float(f"{x:.12g}")


_DECIMAL_COMMA = rx.compile(r"0,\d+|\d{1,3},\d{1,2}")


def _num(s: str) -> float:
    """Parse a number as written: digits with thousands commas or a number word."""
    t = s.strip().lower()
    if t in _WORD_NUMBERS:
        return float(_WORD_NUMBERS[t])
    if t.startswith("half") and t.split() in (["half", "a"], ["half", "an"]):
        return 0.5
    tens, _, unit = re.sub(r"[\s‐‑-]+", " ", t).partition(" ")
    if tens in _TENS_WORDS:  # "twenty", "twenty-five"
        return float(_TENS_WORDS[tens] + (_WORD_NUMBERS.get(unit, 0) if unit else 0))
    if unit.startswith("hundred") and tens in _WORD_NUMBERS:  # "one hundred and sixty"
        rest = unit.removeprefix("hundred").strip().removeprefix("and ").strip()
        return 100.0 * _WORD_NUMBERS[tens] + (_num(rest) if rest else 0.0)
    if "," in t and _DECIMAL_COMMA.fullmatch(t):
        t = t.replace(",", ".")  # a decimal comma (see _NUM)
    return float(re.sub(r"[,\s\u00a0\u202f]", "", t))


def count_of(s: str) -> int:
    """A whole count as written in figures or words ("5", "two"), as the grammar reads it."""
    return int(_num(s))


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
    if ("exceed" in w and w != "exceeding") or w.startswith(("never", "do not", "don")):
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
    """Counts (days, doses) as int when whole, so ``extra`` reads ``("days", 5)``."""
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
    substance = (_group(m, "substance") or _group(m, "substance2") or "").lower()
    iga = substance.startswith("iga") or substance.endswith(" a")
    if iga or (not substance and (mass in _MICRO or hi_mg < 1.0)):
        return _make(m, "iga", lo_mg * 1000.0, hi_mg * 1000.0, "ug/mL", comparator=cmp)
    return _make(m, "percent", lo_mg / 10.0, hi_mg / 10.0, "%", comparator=cmp)


def _build_conc_each(m: re.Match[str]) -> Quantity | None:
    """A mass after "each mL (of X) contains": mg per mL as a percent, or IgA in ug/mL."""
    before = m.string[max(0, m.start() - 90) : m.start()]
    if _EACH_VOL_BEFORE.search(before) is None:
        return None
    r = _range(m)
    if r is None:
        return None
    to_mg = _MASS_G[(_group(m, "mass") or "").lower()] * 1000.0
    lo_mg, hi_mg = r[0] * to_mg, r[1] * to_mg
    cmp = _comparator(m)
    substance = (_group(m, "substance") or "").lower()
    if substance.startswith("iga") or substance.endswith(" a"):
        return _make(m, "iga", lo_mg * 1000.0, hi_mg * 1000.0, "ug/mL", comparator=cmp)
    if not substance and hi_mg < 1.0:  # micrograms in a mL: an IgA figure, as in _build_conc
        return _make(m, "iga", lo_mg * 1000.0, hi_mg * 1000.0, "ug/mL", comparator=cmp)
    return _make(m, "percent", lo_mg / 10.0, hi_mg / 10.0, "%", comparator=cmp)


def _build_dose(m: re.Match[str]) -> Quantity | None:
    r = _range(m)
    if r is None:
        return None
    factor = _MASS_G[(_group(m, "mass") or "g").lower()]
    unit = "g/kg"
    extra: tuple[tuple[str, object], ...] = ()
    each = _group(m, "eachdays")  # "1 g/kg on each of two days": per day, with its days
    if _group(m, "perday") is not None or each is not None:
        unit = "g/kg/day"
        days = _group(m, "days") or each
        if days is not None:
            extra = (("days", _count(_num(days))),)
            if (most := _group(m, "eachdays2") or _group(m, "days2")) is not None:
                # "2 g/kg on each of 2 to 5 days": a course of 4 to 10 g/kg
                extra = (*extra, ("days_most", _count(_num(most))))
    elif (other := _group(m, "perother")) is not None:
        unit = "g/kg/week" if other.lower().startswith("w") else "g/kg/month"
    elif (ondays := _group(m, "ondays")) is not None:
        # "1 g/kg for 1 to 2 days": the fewest and the most days
        most = _group(m, "ondays2") or ondays
        extra = (("either_days", (_count(_num(ondays)), _count(_num(most)))),)
    if (kgnum := _group(m, "kgnum")) is not None:
        per = _num(kgnum)
        if per <= 0:
            return None
        factor /= per
    if _group(m, "lb") is not None:
        # per pound of body weight: 2.20462 lb to the kg, kept to 3 significant digits.
        # Writers round such conversions ("0.9 g/lb" for 2 g/kg), so comparisons allow
        # LB_TOLERANCE (``tolerance``).
        extra = (*extra, ("per_lb", True))
        lo, hi = (float(f"{x * factor * LB_PER_KG:.3g}") for x in r)  # 2 g/lb -> 4.41 g/kg
        return _make(m, "dose", lo, hi, unit, comparator=_comparator(m), extra=extra)
    return _make(
        m, "dose", r[0] * factor, r[1] * factor, unit, comparator=_comparator(m), extra=extra
    )


def _build_infusion(m: re.Match[str]) -> Quantity | None:
    """An infusion rate in mg or mL per kg per minute (per hour is divided by 60)."""
    r = _range(m)
    if r is None:
        return None
    mass = (_group(m, "mass") or "").lower()
    if mass.startswith(("ml", "milli")) and "gram" not in mass:
        factor, unit = 1.0, "mL/kg/min"
    else:
        factor, unit = _MASS_G[mass] * 1000.0, "mg/kg/min"
    lo, hi = r[0] * factor, r[1] * factor
    if (_group(m, "time") or "m").lower().startswith("h"):  # per hour: 3 significant digits
        lo, hi = float(f"{lo / 60.0:.3g}"), float(f"{hi / 60.0:.3g}")
    return _make(m, "infusion_rate", lo, hi, unit, comparator=_comparator(m))


def _build_max(m: re.Match[str]) -> Quantity | None:
    r = _range(m)
    if r is None:
        return None
    factor = _MASS_G[(_group(m, "mass") or "g").lower()]
    return _make(m, "max_dose", r[0] * factor, r[1] * factor, "g", comparator="<=")


_FREQUENCY = {"twice": 2, "thrice": 3, "two": 2, "three": 3, "four": 4}
# The forms of an interval core with a count and a unit: (low, high, unit) group names.
_INTERVAL_FORMS = (
    ("lo", "hi", "unit"),
    ("qlo", "qhi", "qunit"),
    ("ilo", "ihi", "iunit"),
    ("alo", "ahi", "aunit"),
    ("wlo", "whi", "wunit"),
    ("vlo", "vhi", "vunit"),
)


def _interval_weeks(m: re.Match[str], p: str) -> tuple[float, float, str] | None:
    """(low, high) in weeks and the unit family written, for one interval core."""
    if _group(m, p + "monthly") is not None:
        return 4.0, 4.0, "months"
    if _group(m, p + "weekly") is not None:
        return 1.0, 1.0, "weeks"
    if _group(m, p + "fortnightly") is not None:
        return 2.0, 2.0, "weeks"
    times = _group(m, p + "times")
    if times is not None:
        # "twice a month" = every 2 weeks (a month counted as 4 weeks, as "monthly" is)
        count = _FREQUENCY[times.split()[0].lower()]
        unit = (_group(m, p + "tunit") or _group(m, p + "tadv") or "week").lower()
        period = 4.0 if unit == "month" else 1.0
        # shown in the unit that reads best: "every 2 weeks", "every 3.5 days"
        return period / count, period / count, "weeks" if unit == "month" else "days"
    if _group(m, p + "quarterly") is not None:
        return 12.0, 12.0, "months"  # every 3 months, a month counted as 4 weeks
    if _group(m, p + "mhalf") is not None:
        return 6.0, 6.0, "weeks"
    lo_name, hi_name, unit_name = next(
        (form for form in _INTERVAL_FORMS if _group(m, p + form[2]) is not None),
        _INTERVAL_FORMS[0],
    )
    u = (_group(m, p + unit_name) or "").lower()
    family = "days" if u.startswith("d") else "months" if u.startswith("m") else "weeks"
    scale = 2.0 if u.startswith("f") else 1.0  # a fortnight is 2 weeks
    if _group(m, p + "other") is not None:
        low = high = 2.0
    elif _group(m, p + lo_name) is not None:
        r = _range(m, p + lo_name, p + hi_name)
        if r is None:
            return None
        low, high = r
    else:
        low = high = 1.0
    low, high = low * scale, high * scale
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
    if any(_group(m, g) is not None for g in ("single", "single2", "single3")):
        r = (1.0, 1.0)
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
    elif base_s.lower().endswith("thousand"):
        tnum = _words(_group(m, "tnum") or "one")
        base = 1000.0 * (100.0 if tnum.endswith("hundred") else _num(tnum))
    elif (kbase := _group(m, "kbase")) is not None:
        base = _num(kbase) * 1000.0  # "per 100k"
    else:
        base = _num(base_s)
    if base < 1000:
        return None
    pop_s = _group(m, "pop") or _group(m, "pop0")
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
    return _make(m, "money", low / divisor, high / divisor, cur, comparator=_comparator(m), per=per)


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


# Order breaks ties between equally long matches: most specific first.
_SHAPE_SPECS: tuple[tuple[str, str, Callable[[re.Match[str]], Quantity | None], bool], ...] = (
    ("skip", _P_SKIP, _build_skip, True),
    ("interval", _P_INTERVAL, _build_interval, False),
    ("money", _P_MONEY, _build_money, False),
    ("money_words", _P_MONEY_WORDS, _build_money, False),
    ("money_vague", _P_MONEY_VAGUE, _build_money_vague, False),
    ("rate", _P_RATE, _build_rate, False),
    ("dose", _P_DOSE, _build_dose, False),
    ("infusion_rate", _P_INFUSION, _build_infusion, False),
    ("max_dose", _P_MAX, _build_max, False),
    ("max_dose_post", _P_MAX_POST, _build_max, False),
    ("max_dose_per_dose", _P_MAX_PER_DOSE, _build_max, False),
    ("concentration", _P_CONC, _build_conc, False),
    ("concentration_each", _P_CONC_EACH, _build_conc_each, False),
    ("percent", _P_PERCENT, _build_percent, False),
    ("division", _P_DIVISION, _build_division, False),
    ("duration", _P_DURATION, _build_duration, False),
    ("duration_vague", _P_DURATION_VAGUE, _build_duration_vague, False),
)


@functools.cache
def _shapes() -> tuple[_Shape, ...]:
    """The compiled shapes, built on first use.

    Compiling them takes ~45 ms (the regex parser is pure Python), so it is
    not done at import: ``medlint --version`` and friends stay instant.
    """
    return tuple(
        _Shape(name, source, build, rx.compile(source, re.I | re.X), skip)
        for name, source, build, skip in _SHAPE_SPECS
    )


def _renamed(source: str, i: int) -> str:
    """``source`` with its group names made unique to shape ``i`` (names repeat across shapes)."""
    source = re.sub(r"\(\?P<([A-Za-z_]\w*)>", rf"(?P<s{i}_\1>", source)
    return re.sub(r"\(\?\(([A-Za-z_]\w*)\)", rf"(?(s{i}_\1)", source)


@functools.cache
def _locator() -> re.Pattern[str]:
    """One union of every shape, for the reference full scan only.

    Compiled on first use: it is a 16 kB pattern that costs ~25 ms to compile,
    and the fast scan does not need it.
    """
    return rx.compile(
        "|".join("(?:" + _renamed(s.source, i) + ")" for i, s in enumerate(_shapes())), re.I | re.X
    )


# ---------------------------------------------------------------------------
# Scanning
# ---------------------------------------------------------------------------

# Fast scan. Trying every shape (or their union) at every character costs
# about 1 us per character in CPython's regex engine: over a second per MB.
# But every quantity contains an *anchor* (a digit, a currency sign, or one of
# a few words such as "month" or "thousand"), and whatever a shape allows
# before its first anchor is drawn from a closed set of words (comparators,
# "every", "divided over", number words...). So: find the anchors with a few
# literal searches on the lowercased text, walk back from each over the run of
# such words (matched on the reversed text), and try at each token start in
# that run only the shapes that can start with that token (``_dispatch``).
# ``_scan(text, fast=False)`` is the plain full scan; the tests check that
# both give the same result.
_ANCHOR_WORDS = (
    "month", "week", "day", "hour", "year", "fortnight", "quarter",
    "wk",  # "every six wk"
    "hundred", "thousand", "million", "several", "few", "couple",
    "cent",  # "ten percent", "five per cent": the number word is walked back over
    "gram",  # "one gram per kilogram"
    "sitting", "session",  # "in a single sitting"
)  # fmt: skip
# One Aho-Corasick scan finds the words, the currency signs and every digit (a digit counts
# where a run of digits starts). The regex ``[0-9]+|[$€£]`` was 5x slower: ``re`` scans
# quickly for one leading character set, but tries an alternation at every character.
_ANCHOR_LITERALS = Literals([*"0123456789$€£", *_ANCHOR_WORDS])
_ANCHOR_I = rx.compile(r"[0-9]+|[$€£]|" + "|".join(_ANCHOR_WORDS), re.I)
_TOKEN_START = rx.compile(_GUARD + r"\S")
_PREFIX_WORDS = (
    # comparators
    "less", "lower", "fewer", "than", "below", "under", "more", "greater", "higher", "above",
    "exceeding", "exceed", "in", "excess", "of", "at", "most", "least", "no", "not", "up", "to",
    "should", "must", "do", "does", "maximum", "max", "minimum", "approximately", "approx",
    "about", "around", "roughly", "nearly", "almost", "circa", "ca", "never", "went", "beyond",
    "don", "t", "infuse",
    # intervals, money, vague amounts
    "once", "every", "other", "each", "any", "a", "an", "per", "q", "us", "usd", "eur", "gbp",
    "twice", "thrice", "times",
    "several", "few", "couple", "tens", "hundreds",
    # division, duration, maximum dose, rate
    "divided", "equally", "into", "equal", "separate", "smaller", "daily", "individual",
    "doses", "given", "administered", "infused", "over", "across", "on", "consecutive", "full",
    "anywhere", "from", "between", "single", "dose", "infusion", "course", "for", "goes", "go",
    "may", "can", "tops", "top",
    "for", "lasting", "during", "within", "after", "total", "dose", "is", "single", "amount",
    "new", "case", "cases", "out", "between", "and", "or", "interval", "dosing", "just", "only",
    "diagnosis", "diagnoses", "half", "year",
    "all", "highest", "largest", "we", "you", "they", "ever", "used", "allowed", "use", "give",
    "recommended", "was", "capped", "capping", "cap", "caps", "infusion", "course", "were", "are",
    "diagnosed", "reported", "identified", "seen", "recorded", "newly",
    "arose", "arise", "arises", "occurred", "occurs", "occur", "appeared", "appears",
    "milli",  # "two milligrams per kilogram": the anchor "gram" sits inside the word
    "micro", "hundred",  # "one hundred and sixty micrograms of IgA per mL"
    # "one child in every 100,000": the number word before the population
    "child", "children", "kid", "kids", "person", "persons", "people", "individual",
    "individuals", "adult", "adults", "patient", "patients", "woman", "women", "man", "men",
    "girl", "girls", "boy", "boys",
    # number words
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", *_TENS_WORDS,
)  # fmt: skip
_REV_PREFIX = rx.compile(
    r"(?:\W|(?:"
    # longest first; ties by spelling, so the pattern (and its stored program) is the same in
    # every process: a set's order changes with the hash seed
    + "|".join(sorted({w[::-1] for w in _PREFIX_WORDS}, key=lambda w: (-len(w), w)))
    + r")(?!\w))*",
    re.I,
)
_MAX_PREFIX = 200  # longer than any shape's text before its first anchor (~125)


# Which shapes can start with a given word, symbol or digit: the fast scan
# tries only those (about 3 instead of 14 at a typical start). A shape missing
# here would be found by ``_scan(fast=False)`` only, which the tests compare.
_CMP_SHAPES = (
    "rate", "dose", "infusion_rate", "concentration", "concentration_each", "percent", "money",
    "money_words", "duration",
)  # fmt: skip
_DIGIT_SHAPES = (
    "skip", "money_words", "rate", "dose", "infusion_rate", "max_dose_post", "concentration",
    "concentration_each", "percent", "division", "duration", "interval",
)  # fmt: skip
_START_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "less lower fewer below under more greater higher above exceeding in"
        " minimum approximately approx about around roughly nearly almost circa ca between",
        _CMP_SHAPES,
    ),
    ("up never", (*_CMP_SHAPES, "max_dose_per_dose")),
    ("no", (*_CMP_SHAPES, "max_dose_per_dose", "max_dose")),
    ("at", (*_CMP_SHAPES, "max_dose_per_dose", "interval")),
    ("maximum max should must does", (*_CMP_SHAPES, "max_dose")),
    ("do", (*_CMP_SHAPES, "max_dose", "max_dose_per_dose")),
    ("don", ("max_dose_per_dose",)),
    ("highest largest capped capping cap caps top tops", ("max_dose",)),
    ("not", (*_CMP_SHAPES, "max_dose", "max_dose_per_dose")),
    ("us usd eur gbp", ("money",)),
    ("every once q monthly weekly fortnightly each quarterly interval dosing", ("interval",)),
    ("tens hundreds thousands millions", ("money_vague",)),
    ("several a", ("money_vague", "duration_vague")),
    ("divided given administered infused across on", ("division",)),
    ("over", ("division", "duration", "duration_vague")),
    ("in", ("division",)),
    ("for lasting during within after", ("duration", "duration_vague")),
    (
        "one five six seven eight nine ten eleven twelve half",
        (
            *("skip", "rate", "division", "duration", "interval", "percent", "dose"),
            *("infusion_rate", "concentration"),  # "forty-six micrograms of IgA per mL"
        ),
    ),
    # "twenty-five new cases per million", "forty-six micrograms of IgA per mL"
    (" ".join(_TENS_WORDS), ("percent", "rate", "concentration")),
    (
        "two three four",
        (
            *("skip", "rate", "division", "duration", "interval", "percent", "dose"),
            *("infusion_rate", "concentration"),
        ),
    ),
    ("twice thrice", ("interval",)),
)
_WORD = rx.compile(r"[^\W\d_]+")
# For a digit start, the character after the number (or range) narrows the
# shapes further: "%" can only be a percent, "g" a dose or concentration...
# Characters not listed here get every digit shape.
_DIGIT_PEEK = rx.compile(rf"{_NUM}(?:{_SEP}{_NUM})?[\s\-]{{0,3}}(.)")
_MASS_START = (
    "skip", "dose", "infusion_rate", "concentration", "concentration_each", "max_dose_post",
    "money_words", "duration", "interval",
    "rate",  # "3 men per 100,000", "3 girls in 100,000"
)  # fmt: skip
_DIGIT_NEXT: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("%％", ("percent",)),
    ("pP", ("percent", "rate", "money_words")),
    ("gGmMµμuU", _MASS_START),
    ("wWhH", ("duration", "interval", "rate")),  # "3 women per 100,000"
    ("dD", ("duration", "money_words", "interval")),
    ("yY", ("skip", "duration")),
    ("cC", ("rate", "division")),
    ("oO/", ("rate",)),
)


@functools.cache
def _dispatch() -> dict[str, tuple[_Shape, ...]]:
    """Start word (or ``"#digit"``, ``"#money"``, ``"#cmp"``) -> shapes, in tie-break order."""
    names: dict[str, set[str]] = {
        "#digit": set(_DIGIT_SHAPES),
        **{f"#digit{c}": set(shape_names) for chars, shape_names in _DIGIT_NEXT for c in chars},
        "#money": {"money"},
        "#cmp": set(_CMP_SHAPES),
    }
    for words, shape_names in _START_WORDS:
        for word in words.split():
            names.setdefault(word, set()).update(shape_names)
    shapes = _shapes()
    return {k: tuple(s for s in shapes if s.name in v) for k, v in names.items()}


def _shapes_at(text: str, start: int) -> tuple[_Shape, ...]:
    table = _dispatch()
    c = text[start]
    if c.isdigit() or c == ".":
        peek = _DIGIT_PEEK.match(text, start)
        if peek is not None:
            return table.get("#digit" + peek.group(1), table["#digit"])
        return table["#digit"]
    if c in "$€£":
        return table["#money"]
    if c in "≤≦<>≥≧=~≈∼":
        return table["#cmp"]
    word = _WORD.match(text, start)
    return table.get(word.group(0).lower(), ()) if word is not None else ()


def _take(shapes: tuple[_Shape, ...], text: str, start: int) -> tuple[int, Quantity | None] | None:
    """The winning shape at ``start``: (end, quantity, or None for a skip shape)."""
    candidates: list[tuple[int, int, _Shape, re.Match[str]]] = []
    for i, shape in enumerate(shapes):
        m = shape.pattern.match(text, start)
        if m is not None and m.end() > start:
            candidates.append((-m.end(), i, shape, m))
    candidates.sort(key=lambda c: (c[0], c[1]))
    for _, _, shape, m in candidates:
        if shape.skip:
            return m.end(), None
        q = shape.build(m)
        if q is not None:
            return m.end(), q
    return None


# "average 100 and 46 µg/mL", "5, 10 and 20% solutions": bare numbers listed before a
# quantity share its unit. Not after a word that makes a number a label or a bound ("days 1
# and 2 g/kg", "between 5 and 10%": the latter the grammar reads as one range anyway).
_SHARED_UNIT_KINDS = frozenset({"percent", "iga", "dose", "infusion_rate"})
_LIST_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SHARED_UNIT_LIST = rx.compile(
    rf"(?<![\w.,/%^\[-])(?P<list>(?:{_LIST_NUMBER})(?:\s*,\s*(?:{_LIST_NUMBER}))*)"
    r"\s*,?\s+(?:and|or|&)\s+$"
)
_SHARED_UNIT_LABEL = rx.compile(
    r"(?i)\b(?:between|from|days?|weeks?|months?|years?|aged?|ages|grades?|stages?|steps?|"
    r"phases?|types?|tables?|figures?|figs?\.?|versions?|cycles?|courses?|doses?|visits?|"
    r"items?|points?|questions?|levels?|refs?\.?|references?|footnotes?|nos?\.?|numbers?|"
    r"lots?|batch(?:es)?|parts?|sections?|chapters?|pages?|pp?\.?)\s*$"
)
_LEADING_NUMBER = rx.compile(rf"(?:{_LIST_NUMBER})(?=\s*[^\d\s,.])")
_LIST_ITEM = rx.compile(_LIST_NUMBER)


def _with_shared_units(text: str, found: list[Quantity]) -> list[Quantity]:
    """``found`` plus the bare numbers listed before a quantity, each with its unit."""
    out: list[Quantity] = []
    prev_end = 0
    for q in found:
        if (
            q.kind in _SHARED_UNIT_KINDS
            and q.low == q.high
            and q.start >= prev_end + 4
            and (
                "and" in text[max(0, q.start - 5) : q.start]
                or "or" in text[max(0, q.start - 4) : q.start]
                or "&" in text[max(0, q.start - 3) : q.start]
            )
            and (lead := _LEADING_NUMBER.match(q.text)) is not None
            and (listed := _SHARED_UNIT_LIST.search(text, max(prev_end, q.start - 80), q.start))
            and not _SHARED_UNIT_LABEL.search(text, max(0, listed.start() - 20), listed.start())
        ):
            out.extend(_listed_before(text, q, listed.start("list"), listed.end("list"), lead))
        out.append(q)
        prev_end = q.end
    return out


def _listed_before(
    text: str, q: Quantity, start: int, end: int, lead: re.Match[str]
) -> list[Quantity]:
    """The numbers of ``text[start:end]`` with ``q``'s unit, or none if any is implausible.

    Each must be of ``q``'s order of magnitude (within 50x: "in 2019 and 10%" is a year, not
    a list) and a percentage at most 100.
    """
    rest = q.text[lead.end() :]
    out = []
    for item in _LIST_ITEM.finditer(text, start, end):
        shared = parse_quantity(item.group() + rest)
        if (
            shared is None
            or shared.kind != q.kind
            or shared.low <= 0
            or q.low <= 0
            or max(shared.low / q.low, q.low / shared.low) > 50
            or (q.kind == "percent" and shared.low > 100)
        ):
            return []
        out.append(
            Quantity(
                kind=shared.kind, low=shared.low, high=shared.high, unit=shared.unit,
                start=item.start(), end=item.end(), text=item.group(),
                comparator=shared.comparator, per=shared.per, approximate=q.approximate,
                extra=shared.extra,
            )
        )  # fmt: skip
    return out


def _scan(text: str, fast: bool = True) -> list[Quantity]:
    """Leftmost-longest scan; ``fast=False`` tries every position (the reference)."""
    found = _scan_shapes(text, fast)
    return _with_shared_units(text, found) if found else found


def _scan_shapes(text: str, fast: bool) -> list[Quantity]:
    out: list[Quantity] = []
    pos = 0
    shapes = _shapes()
    if not fast:
        locator = _locator()
        while pos < len(text):
            loc = locator.search(text, pos)
            if loc is None:
                break
            taken = _take(shapes, text, loc.start())
            if taken is None:
                pos = loc.start() + 1
                continue
            pos = taken[0]
            if taken[1] is not None:
                out.append(taken[1])
        return out
    lower = text.lower()
    if len(lower) == len(text):
        anchors = [
            s
            for s, _ in _ANCHOR_LITERALS.starts(lower)
            if not (s and "0" <= lower[s] <= "9" and "0" <= lower[s - 1] <= "9")
        ]
    else:  # lowercasing changed offsets (e.g. "İ"): search case-insensitively
        anchors = [m.start() for m in _ANCHOR_I.finditer(text)]
    n = len(text)
    rev = text[::-1] if anchors else ""  # reversed once: each anchor matches backwards in it
    for a in anchors:
        if a < pos:
            continue
        lo = max(pos, a - _MAX_PREFIX)
        # == _REV_PREFIX.match(text[lo:a][::-1]): the pattern has no look-behind or ^
        run = _REV_PREFIX.match(rev, n - a, n - lo)
        s = a - (run.end() - (n - a) if run is not None else 0)
        while s <= a:
            tok = _TOKEN_START.search(text, s, a + 1)
            if tok is None:
                break
            s = tok.start()
            here = _shapes_at(text, s)
            taken = _take(here, text, s) if here else None
            if taken is None:
                s += 1
                continue
            s = pos = taken[0]
            if taken[1] is not None:
                out.append(taken[1])
        pos = max(pos, a + 1)
    return out


# ---------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------


# Paragraphs an archive repeats (product blurbs, disclaimers, reference lists) are scanned
# once per process: the scan is a pure function of the text and a Quantity is immutable.
# Bounded, so an archive of unique paragraphs costs a fixed amount of memory.
PARAGRAPH_MEMO = 4096


@functools.lru_cache(maxsize=PARAGRAPH_MEMO)
def _scan_once(text: str) -> tuple[Quantity, ...]:
    return tuple(_scan(text))


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in ``text``, sorted by start, never overlapping.

    Leftmost-longest: at the first place any quantity shape matches, the
    longest match of all shapes wins (ties: the more specific shape), and the
    scan resumes after it. A match whose numbers make no sense (a reversed
    range "2 to 1 g/kg", a base below 1,000 for a rate) is dropped and the
    scan resumes one character later, so a shorter quantity inside it can
    still be found.
    """
    return list(_scan_once(text))


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
    for shape in _shapes():
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
    """A number as plain decimal text that :data:`_NUM` parses back exactly."""
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


def _whole_days(weeks: float) -> int | None:
    """``weeks`` as a whole number of days (1/7 week stored to 12 digits is 1 day), or None."""
    days = weeks * 7
    if not math.isfinite(days) or abs(days - round(days)) > 1e-6 or round(days) < 1:
        return None
    return round(days)


def _is_whole(x: float) -> bool:
    return math.isfinite(x) and _n(x).is_integer()


_TIMES_A_WEEK = {_n(1 / 2): "twice", _n(1 / 3): "three times", _n(1 / 4): "four times"}


def _format_interval(q: Quantity) -> str:
    family = q.get("as")
    if family == "months":
        if _n(q.low) == 4.0 and _n(q.high) == 4.0:
            core = "monthly"
        else:
            core = f"every {_fmt_range(q, 0.25)} months"
    elif q.low == q.high and _n(q.low) in _TIMES_A_WEEK:
        core = f"{_TIMES_A_WEEK[_n(q.low)]} a week"  # "twice a week", not "every 0.5 weeks"
    elif _is_whole(q.low) and _is_whole(q.high):
        core = "every week" if q.low == q.high == 1 else f"every {_fmt_range(q)} weeks"
    elif _whole_days(q.low) is not None and _whole_days(q.high) is not None:
        lo, hi = _whole_days(q.low), _whole_days(q.high)
        if lo == hi == 1:
            core = "every day"
        else:
            core = f"every {lo} days" if lo == hi else f"every {lo}-{hi} days"
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
        most = q.get("days_most")
        if q.unit == "g/kg/day" and isinstance(days, int | float):
            if isinstance(most, int | float):
                each = f"on each of {_fmt(float(days))} to {_fmt(float(most))} days"
                return f"{cmp}{_fmt_range(q)} g/kg {each}"
            text += f" for {_fmt(float(days))} days"
        return text
    if kind == "max_dose":
        return f"maximum {_fmt_range(q)} g"
    if kind == "infusion_rate":
        return f"{cmp}{_fmt_range(q)} {q.unit}"
    if kind == "division":
        return f"divided over {_fmt_range(q)} day{'' if q.low == q.high == 1 else 's'}"
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
    base: tuple[object, ...] = (q.kind, _n(q.low), _n(q.high), q.unit)
    quals: list[tuple[str, object]] = []
    if q.comparator not in ("=", "~") and q.kind not in ("max_dose", "interval", "division"):
        quals.append(("cmp", q.comparator))
    if q.kind == "money":
        quals.append(("per", q.per))
    for name, value in q.extra:
        if name in ("days", "days_most", "doses", "ci"):
            quals.append((name, value))
        elif name == "then" and isinstance(value, Quantity):
            quals.append(("then", _key(value)))
    return base + tuple(quals)


def tolerance(q: Quantity) -> float:
    """The relative slack a value converted from a rounded figure needs (0 for the rest)."""
    return LB_TOLERANCE if q.extra and q.get("per_lb") else 0.0


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

    rel_tol = max(1e-9, tolerance(stated), tolerance(canonical))

    def same(a: float, b: float) -> bool:
        return math.isclose(a, b, rel_tol=rel_tol, abs_tol=1e-12)

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
