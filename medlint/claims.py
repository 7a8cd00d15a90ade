"""Claim extraction and attribution: which value does an article state for which product?

This is where false alarms are born or prevented, so every rule here errs on
the side of silence: a value becomes a claim only when it is clearly about a
product's attribute, and it is attributed only when the product is clear.

Attribution, in order:

1. *respectively*: products and values paired in order;
2. a table cell: the row's product, the column header's attribute;
3. the clause's single product (``Privigen is a 10% liquid``), including an
   apposition (``Privigen, a 10% liquid``);
4. several coordinated products (``Gamunex-C and Flebogamma``) with one value:
   each gets it; with several coordinated values and no *respectively*: an
   **ambiguous** claim, every product gets every value and the ambiguity is
   reported;
5. a list item led by a product (``Gamunex-C (Grifols): 10% ...``);
6. a sentence led by a pronoun (``It is stabilized with glycine``) refers to
   the single product of the sentence before.

Contrast phrases (``Unlike Flebogamma 5% DIF, ...``, ``rather than sugar``)
and negation (``contains no sugar``, ``not into a vein``) never make a
positive claim; negated stabilizers and "sugar-free" make negative ones.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import itertools
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Concatenate, ParamSpec, TypeVar, overload

from medlint import extraction_memo, rx
from medlint.documents._build import TEXT_MARKER
from medlint.documents.sections import makes_no_claims
from medlint.facts import Facts
from medlint.memo import memoised
from medlint.model import Claim, Document, Unit, Value
from medlint.prefilter import TermIndex
from medlint.quantities import (
    PARAGRAPH_MEMO,
    Quantity,
    count_of,
    find_quantities,
    parse_quantity,
)
from medlint.sentences import split_sentences
from medlint.trie import Literals, lower_same_length

# Run on lower-cased text, without a leading ``\b``: every branch then starts with a letter,
# which ``re`` scans for in C; the word start is checked on the hits (see _contrast_ranges).
CONTRAST = rx.compile(
    r"(?:unlike|in\s+contrast\s+to|compared\s+(?:with|to)|as\s+opposed\s+to|rather\s+than|"
    r"instead\s+of|alternatives?\s+to|versus|vs\.?|switch(?:ing|ed|es)?\s+from|other\s+than|"
    r"except(?:\s+for)?|not\s+like|apart\s+from|replac(?:e|es|ed|ing)|confused\s+with|"
    r"(?:different|distinct)\s+from|chang(?:e|ed|es|ing)\s+from|"
    # "a different, freeze-dried product ..., not the same product as Gammagard Liquid"
    r"not\s+the\s+same\s+(?:product|medicine|brand|thing|drug|preparation|one)\s+as|"
    # "CSL Behring, which also makes a 20% product": the maker's other product
    r"which also (?:makes?|produces?|offers?|sells?|markets?))\b",
)
# Every CONTRAST alternative contains one of these words: a unit without any (two in three)
# skips the regex, which ``re`` must try at every character.
_CONTRAST_WORDS = Literals(
    [
        *("unlike", "contrast", "compared", "opposed", "rather", "instead", "alternative"),
        *("versus", "vs", "switch", "other", "except", "like", "apart", "replac", "confused"),
        *("different", "distinct", "which also", "same", "chang"),
    ]
)
_CONTRAST_END = rx.compile(r"[,;:.()]|\s(?:and|but|while|whereas|is|are|was|has|have|to)\s")
# A short noun phrase in apposition, closed by a comma or the sentence's end, with no verb (so
# "Unlike Privigen, a 5% solution needs more volume" keeps its subject).
_CONTRAST_APPOSITION = rx.compile(
    r",\s*((?:an?|the)\s+(?!(?:[\w%-]+(?:\.[\w%-]+)*\s+){0,5}?(?:is|are|was|were|has|have|"
    r"needs?|requires?|can|may|must|should|will|contains?|comes?|uses?|takes?|gives?)\b)"
    r"(?:[\w%-]+(?:\.[\w%-]+)*\s+){0,5}?[\w%-]+(?:\.[\w%-]+)*)(?=\s*(?:,|[.;!?](?:\s|$)|$))",
    re.IGNORECASE,
)
# "Unlike Privigen, a 20 percent product that is not approved for dermatomyositis, ...": an
# apposition whose verb is in its own relative clause
_CONTRAST_APPOSITION_REL = rx.compile(
    r",\s*((?:an?|the)\s+(?:[\w%-]+(?:\.[\w%-]+)*\s+){1,5}?(?:that|which|who)\s[^,;.()]{0,80}?)"
    r"(?=\s*(?:,|[.;!?](?:\s|$)|$))",
    re.IGNORECASE,
)
_RELATIVE = rx.compile(r",\s*(?:which|who|whose|that)\b", re.IGNORECASE)
CLAUSE_BREAK = rx.compile(
    r";|\s[–—-]\s(?=[a-z])|,?\s+(?:while|whereas|but|although|though|however)\s+|\.\s",
    re.IGNORECASE,
)
# A belief reported in order to be corrected states nothing: "Myth: Privigen is a 5% product.",
# "It is a common misconception that Hizentra can be given intravenously", "You may read
# online that Panzyga contains maltose". Each match opens a stretch that runs to the end of
# its clause ("..., but it is 10%" is a claim again). "Contrary to popular belief, X is Y"
# asserts Y, so it is not here.
REPORTED_LABEL = rx.compile(
    # (after a field's own label: "**On-screen text:** MYTH: ...")
    r"\W*(?:[A-Za-z][\w -]{1,25}:\W*)?"
    r"(?:myth|misconception|fiction|false|wrong|not\s+true|incorrect"
    # a corrections column: "**We wrote:** "Hizentra is made by Takeda."", "Error: ..."
    r"|(?:what\s+)?we\s+(?:wrote|said|printed|stated|published)|(?:our\s+)?(?:error|mistake)"
    r"|erratum|previously|originally)"
    # ("FALSE / FALSO:": a bilingual card's label)
    r"(?:\s*/\s*[^\W\d_]{2,15})?"
    r"(?:\s*\#?\d+)?\s*[:–—-]",
    re.IGNORECASE,
)  # at a sentence's start
REPORTED_BELIEF = rx.compile(
    r"""\b(?:myth|misconception|mistaken\s+belief|misbelief)\s+(?:is\s+)?that\b
      | \b(?:it\s+is|it['’]s|is)\s+(?:not\s+true|a\s+myth|false|untrue)\s+that\b
      # "It is wrong to say that ...", "please stop posting that ...", "Do not believe anyone
      # who says ...", "People keep posting that ..."
      | \b(?:it\s+is|it['’]s)\s+(?:wrong|incorrect|misleading|a\s+mistake)\s+to\s+(?:say|claim
          |think|believe|write)\b
      # 'a figure such as "2 g/kg a day for five days" would be five times too much'
      | \b(?:a|any)\s+(?:figure|dose|schedule|number|value|rate|interval|statement)\s+(?:such\s+as
          |like)\s+(?=["“])
      # "We corrected a leaflet that listed Gamunex-C as a 5% solution"
      | \b(?:corrected|fixed|amended|withdrew|withdrawn|updated)\s+(?:a|an|the|our|one|two)\s+
          (?:[\w-]+\s+){0,2}?(?:leaflets?|pages?|articles?|posts?|sheets?|brochures?|websites?
          |entries|entry|labels?|guides?)\s+(?:that|which)\s+(?:\w+\s+){0,2}?(?:listed|said|stated
          |described|called|gave|showed|claimed)\b
      | \b(?:stop|quit)\s+(?:posting|saying|claiming|writing|repeating|telling\s+people)\b
      | \b(?:do\s+not|don['’]t|never)\s+(?:post|say|claim|believe|repeat|write|trust|relabel
          |label|mark|call)\s+(?:that|anyone|anybody|people|those|what|the|a|an|any|["“]
          |(?:it|them|this|these)\s+["“])
      # hearsay: "If someone tells you Flebogamma contains sucrose, ...", "My cousin said ...",
      # "I heard ...", "If you read that ..."
      | \b(?:someone|somebody|anyone|people|a\s+friend)\s+(?:may\s+|might\s+|ever\s+|will\s+)?
          (?:tells?|told|says?|said)\s+(?:you|me|us)?\b
      # "Someone in a Facebook group swore Privigen is 'IgA-free'"
      | \b(?:someone|somebody|people|a\s+friend|a\s+(?:nurse|doctor|parent|member))\b[^.;]{0,40}?
          \b(?:swore|swears|insists?|insisted|reckons?|claims?|claimed)\b
      | \bif\s+you\s+(?:ever\s+)?(?:read|hear|see)\b
      | \b(?:my|our|your|his|her|their)\s+(?:[\w-]+\s+)?(?:cousin|friend|mum|mom|dad|neighbou?r
          |aunt|uncle|sister|brother|colleague|relative|grandmother|grandma|grandad|grandfather
          |partner|husband|wife)\s+(?:said|says|told|thinks|thought|believes|heard|reckons)\b
      | \bI\s+(?:heard|read\s+(?:online|somewhere|on\s+a\s+forum))\b
      # 'Somebody had read on Facebook that "Octagam is sugar-free"'
      | \bread\s+(?:on|in)\s+(?:an?\s+|the\s+|some\s+)?(?:facebook|forums?|online|internet|blogs?
          |social\s+media|(?:facebook\s+|whatsapp\s+|online\s+)?groups?|twitter|tiktok|instagram
          |whatsapp|reddit|websites?|posts?)\b[^.;]{0,30}?(?:\bthat\b|["“])
      # someone else's product: "It is not the same as my sister's drip: hers is a 10% ..."
      | \b(?:hers|his|theirs)\s+(?:is|are|was|were)\b
      # ... or schedule: "the man next to me goes every three weeks", "A lady at our church has
      # her own drip every three weeks"
      | \b(?:a|one|another)\s+(?:lady|woman|man|friend|girl|boy|gentleman|chap|neighbou?r)\s+(?:at
          |from|in)\s+(?:our|my|the)\s+\w+\s+(?:has|gets|had|got|receives|is\s+on)\b
      # ... or schedule: "the man next to me goes every three weeks"
      | \bthe\s+(?:man|woman|lady|guy|person|patient|boy|girl|chap|gentleman)\s+(?:next\s+to|beside
          |opposite|across\s+from|in\s+the\s+(?:next|other)\s+(?:chair|bed|bay))\s+(?:me|us|him|her)?\b
      | \b(?:people|some\s+people|folks|users|members)\s+(?:keep\s+|still\s+)?(?:post(?:ing)?|repost
          (?:ing)?|share|sharing)\s+(?:that|["“])
      | \byou\s+(?:may|might|will|could|can|often|sometimes)\s+(?:have\s+)?(?:read|hear|heard
          |come\s+across|see|seen|find|found|notice)\b[^.;]{0,40}?(?:\bthat\b|["“])
      # "Some of you have said your infusions are 'every 4-6 weeks'"
      | \b(?:some|many|a\s+few)\s+of\s+you\s+(?:have\s+)?(?:said|say|asked|told\s+us|written|wrote
          |mentioned|believe|think)\b
      | \b(?:some|many|other|older|old|outdated|online)\s+(?:people|patients|parents|websites
          |sites|sources|forums|forum\s+posts|posts|articles|blogs|leaflets|guides|pages)\s+
          (?:still\s+|wrongly\s+|mistakenly\s+)?(?:say|claim|believe|think|assume|state|suggest
          |call|describe|list|label)\b
      # "If an old leaflet tells you Gamunex-C is a 5% product, the leaflet is wrong."
      | \b(?:if|when|where)\s+(?:an?|any|the|your|some)\s+(?:(?:old|older|outdated|other)\s+)?
          (?:leaflet|website|site|source|post|forum|article|blog|guide|page|book|video|advert)s?\s+
          (?:tells?|says?|claims?|states?|suggests?|lists?|calls?)\b
      | \b(?:forum|facebook|social\s+media)\s+(?:posts|threads|groups)\s+(?:still\s+)?(?:say
          |claim|suggest|state)\b
      | \b(?:wrongly|mistakenly|incorrectly|falsely)\s+(?:said|claimed|believed|thought
          |described|stated|reported|listed|called|labell?ed|wrote|printed|gave)\b
      # a correction of the article's own earlier text: "We wrote that Hizentra is made by
      # Takeda.", "Last month we said ...", "An earlier version of this article said that ..."
      | \b(?:we|i)\s+(?:(?:had|have)\s+)?(?:(?:previously|originally|once)\s+)?
          (?:wrote|printed|stated|reported|claimed)\s+that\b
      | \b(?:last|previous|earlier)\s+(?:week|month|year|issue|edition)(?:['’]s)?\s*,?\s+
          (?:[\w'’]+\s+){0,3}?(?:we|our\s+\w+)\s+(?:wrote|said|stated|printed|reported)\b
      | \b(?:earlier|previous|original|older|first|january|february|march|april|may|june|july
          |august|september|october|november|december|\d{4})\s+(?:version|edition|draft|printing)\s+
          (?:of\s+(?:this|the|our)\s+\w+\s+)?(?:said|stated|claimed|reported|wrote|gave|listed
          |described|read|had|showed|used)\b
      | \bour\s+(?:\w+\s+){0,3}?(?:article|post|leaflet|newsletter|page|issue|story|introduction
          |intro|table|section|glossary|summary|text|entry|explainer|faq|guide|website|site
          |fact\s?sheet)\s+
          (?:\w+\s+){0,4}?(?:said|stated|claimed|wrote|gave|listed|reported)\b
      # hearsay quoted: 'Our helpline still hears that IVIG for dermatomyositis is "every 4-6
      # weeks"'
      | \b(?:hears?|heard|hearing)\s+(?:[\w-]+\s+){0,5}?that\b[^.;"“]{0,100}?["“]
      # a phrase talked about, not used: 'The phrase "every 4 to 6 weeks" is not in the label'
      | \b(?:the|that|this)\s+(?:(?:old|older|previous|original|earlier|former)\s+)?(?:phrase
          |wording|words|expression)\s+(?=["“‘])
      # a claim quoted from elsewhere: 'A leaflet said "Privigen is made by Grifols"',
      # "Another page claimed that ..."
      | \b(?:said|says|claimed|claims|stated|states|wrote|writes|suggested|suggests|cited|quoted
          |pencill?ed|scribbled|scrawled|handwritten
          |calls|called|describes|described|lists|listed|warns|warned
          |told\s+(?:me|us|her|him|them))\s+(?:that\s+)?(?:[\w%-]+,?\s+){0,6}?["“]
      # the article's own words, quoted to be corrected: 'We listed the IgA content of
      # Gamunex-C as "0.46 mg/mL".', 'We said Panzyga "contains maltose"'
      | \b(?:we|I)\s+(?:had\s+)?(?:(?:previously|originally|once|wrongly|mistakenly)\s+)?(?:wrote
          |said|listed|gave|described|called|quoted|put|labell?ed|stated|printed|reported|claimed)
          \b[^.;"“]{0,80}?["“]
      # "Someone at school told me that ...", "A friend told us IVIG is ..."
      | \b(?:someone|somebody|people|a\s+friend|friends|a\s+neighbou?r|relatives?|another\s+(?:mum
          |mom|dad|parent|patient))\b[^.;"“]{0,30}?\btold\s+(?:me|us|her|him|them)\b
      # "When she was diagnosed they told us it was one in a million"
      | \bthey\s+(?:had\s+)?told\s+(?:me|us|her|him|them)\b
      # a mark scheme's wrong answers: "Automatic fail (record on sheet): tells patient
      # Octagam 10% is sugar-free"
      | \b(?:automatic\s+|instant\s+)?fail\b[^.;:]{0,30}:\s*(?:the\s+)?(?:candidate\s+|student\s+)?
          (?:tells?|says?|states?|advises?|claims?|suggests?|describes?|gives?)\b
      # a reviewed text quoted to be corrected: 'Table 1 also lists "Privigen 20%"', 'The
      # manuscript gives the incidence as "9.63 per 100,000"'
      | \b(?:the\s+)?(?:manuscript|authors?|submission|draft|abstract|table\s*\d+|figure\s*\d+)
          \b[^.;"“]{0,60}?["“]
      # a spreadsheet's own history: "v5 of this sheet showed Gamunex-C as 5%"
      | \b(?:v|version\s*|rev(?:ision)?\.?\s*)\d+(?:\.\d+)?\s+(?:of\s+(?:this|the|our)\s+
          (?:\w+\s+){1,2}?)?(?:showed|said|stated|listed|gave|had|read|used|printed)\b
      # a document's wording quoted: 'an order read "Gamunex-C 5%"', 'A 2024 handover sheet
      # still in one pod read "DM max 0.08 mL/kg/min"'
      | \b(?:an?|the|one|old|older)\s+(?:[\w-]+\s+){0,2}?(?:sheet|card|handout|poster|leaflet
          |website|page|note|chart|order|prescription|entry|form|sign|label)\s+(?:[\w-]+\s+){0,4}?
          (?:read|reads|said|says)\s*,?\s*["“]
      # a translation's versions: 'v1: "You will receive a cycle every 4 to 6 weeks."'
      | \bv\d+\s*:\s*["“]
      # an older document's wording quoted: 'Factsheet 9 (2022 edition) gave the course as "..."'
      | \b(?:gave|listed|printed|showed|described)\s+(?:the\s+)?[\w\s-]{0,40}?\s+as\s+["“]
      # a question reported: 'A patient ... asks if Privigen is "IgA-free."'
      | \b(?:asks?|asked|asking|wonders?|wondered|wondering)\s+(?:us\s+|me\s+|you\s+)?
          (?:if|whether)\b
      # "One nurse believed that Octagam is sugar-free", "Two parents thought it was monthly"
      | \b(?:one|a|an|the|another|two|three|several|some|many|most|our|her|his|their)\s+
          (?:[\w-]+\s+)?(?:nurses?|doctors?|patients?|parents?|members?|students?|colleagues?
          |pharmacists?|staff|mother|father|mum|mom|dad|carers?|caregivers?|candidates?
          |respondents?)\s+(?:\w+\s+)?(?:believed|thought|assumed|(?:was|were)\s+convinced
          |had\s+(?:assumed|thought|believed))\b(?!\s+(?:about|of|through|over|back)\b)
      | \b(?:another|one|a|some|other)\s+(?:web\s?)?(?:page|site|website|leaflet|post|forum
          |article|blog|source|brochure|video)s?\s+(?:\w+\s+){0,3}?(?:claimed|claims|said|says
          |stated|states|suggested|suggests|claiming|saying|stating|suggesting)\b""",
    re.IGNORECASE | re.VERBOSE,
)
# "If Privigen were a 5% product", "Had Privigen been ...", "Suppose Hizentra were made by
# Takeda", "Privigen, if it were ...": a counterfactual, which states the opposite
COUNTERFACTUAL = rx.compile(
    r"\b(?:(?:even\s+|as\s+|what\s+)?if|suppose|supposing|imagine)\s+(?:[\w%-]+\s+){0,4}?"
    r"(?:were|had\s+been)\b|(?:^|(?<=[.!?;:,]\s))\W*had\s+(?:[\w%-]+\s+){1,4}?been\b",
    re.IGNORECASE,
)
# A label that gives a verdict (a rebuttal, when it follows the belief) rather than one that
# announces a belief ("Myth:")
VERDICT_LABEL = rx.compile(r"\W*(?:false|wrong|not\s+true|incorrect)\b", re.IGNORECASE)
FACT_HEADER = rx.compile(r"\b(?:facts?|truth|reality|answers?|correct\w*)\b", re.IGNORECASE)
MYTH_HEADING = rx.compile(r"\b(?:myths?|misconceptions?|misunderst\w*)\b", re.IGNORECASE)
# A table column of beliefs set beside their corrections: "| Myth | Fact |", "| What you may
# hear | What is correct |", "| Old leaflet said | Now reads |"
BELIEF_COLUMN = rx.compile(
    r"\b(?:myths?|misconceptions?|misbeliefs?|rumou?rs?|what\s+(?:you|people|patients|parents|"
    r"families|others)\s+(?:may\s+|might\s+|often\s+|sometimes\s+)?(?:hear|read|see|think|"
    r"believe|say)|you\s+(?:may|might)\s+(?:hear|read|see)|common\s+(?:beliefs?|mistakes?|errors?)|"
    r"(?:old|previous|earlier|original)\s+(?:leaflet|wording|text|version|label)|we\s+wrote|"
    r"wrong|incorrect|error)\b",
    re.IGNORECASE,
)
# A reply's first words rebutting the post it quotes ("> can go up to 0.4 mL/kg/min" / "That
# one is off by a decimal point", "Not legit, sorry!")
QUOTE_REBUTTED_LEAD = rx.compile(
    r"[\s*_]*(?:that(?:\s+one|\s+part|\s+figure|\s+number|\s+bit)?(?:['’]s|\s+is|\s+was)\s+"
    r"(?:not\s+(?:right|true|correct|legit|accurate|so)|wrong|off|incorrect|false|untrue|a\s+myth"
    r"|outdated|out\s+of\s+date|a\s+mistake|a\s+typo)|not\s+(?:legit|right|true|correct|quite"
    r"|so)|nope|no\s*[,.!]|wrong|false|incorrect|untrue|myth|sadly\s+not|actually,?\s+no)\b",
    re.IGNORECASE,
)
# "The product itself has only a trace of IgA": a definite reference to one product, which
# may reach back past sentences about other things (not "It", which may be anything)
DEFINITE_PRODUCT_LEAD = rx.compile(
    # (after a field's label and a subordinator: "Blood sugar testing: because the product
    # contains no sugar, ...")
    r"\W*(?:[A-Z][\w-]{1,20}+(?:\s+[\w-]{1,12}+){0,2}+:\W*)?"
    r"(?:(?:because|since|as|although|though|while|so)\s+)?"
    r"(?:the|this)\s+(?:product|medicine|medication|brand|immunoglobulin)\b",
    re.IGNORECASE,
)
DEFINITE_PRODUCT_WORDS = (
    *("he product", "his product", "he medic", "his medic", "he brand", "his brand"),
    *("he immunoglobulin", "his immunoglobulin"),
)
GENERIC_PRODUCT_WORD = rx.compile(
    r"\b(?:products?|medicines?|medications?|brands?|immunoglobulins?|IVIG|SCIG)\b",
    re.IGNORECASE,
)
# Words every comparison the comparison rule reads contains ("the same strength as", "twice",
# "more IgA than"): only units with one need their beliefs recorded for it.
COMPARISON_WORDS = ("same", "as ", "twice", "double", "half", "than", "times")
# A sentence opening on a subordinate clause, up to its comma: "Now and then, when Octagam 10%
# is short, "
SUBORDINATE_LEAD = rx.compile(
    r"\W*(?:(?:now\s+and\s+then|sometimes|occasionally|often|in\s+a\s+shortage),\s*)?"
    r"(?:when|whenever|if|while|because|since|although|though|after|before|unless|until|once)\b"
    r"[^,;.]{1,80},\s*",
    re.IGNORECASE,
)
# A sentence opening on the regimen the sentence before spoke of: "That regimen is ..."
REGIMEN_REFERRED = rx.compile(
    r"\W*(?:that|this|its|the\s+same)\s+(?:regimen|dose|dosing|schedule|course|protocol)\b",
    re.IGNORECASE,
)
# Before a condition: the person who has it ("Bernadette, who had chronic ITP")
PERSON_WITH_BEFORE = rx.compile(
    r"\b(?:who|whose\s+\w+)\s+(?:has|had|have|is|was)\s+(?:(?:been\s+)?(?:diagnosed|living|treated)"
    r"\s+(?:with|for)\s+)?(?:[\w-]+\s+){0,2}$|\b(?:woman|man|girl|boy|lady|patient|child|person"
    r"|neighbou?r|friend)\s+with\s+(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
POSSESSIVE = rx.compile(r"\b(?:her|his|their)\b", re.IGNORECASE)
# "a hypothetical 5% solution": a strength no product is said to have
HYPOTHETICAL_BEFORE = rx.compile(r"\bhypothetical(?:ly)?\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
# Before a duration that is an interval: "the labelled interval for adult dermatomyositis is"
INTERVAL_IS_BEFORE = rx.compile(
    r"\b(?:dosing\s+|treatment\s+|course\s+)?interval(?:\s+(?:between|for|in)\s+[\w\s-]{1,50}?)?"
    r"\s+(?:is|was|of|=|:)\s+(?:(?:about|around|roughly|usually|typically|normally)\s+)?$",
    re.IGNORECASE,
)
CALLED_WORDS = ("called", "named", "sold as", "marketed as", "branded as")  # CALLED_AFTER's
IT_WORD = rx.compile(r"\bit\b", re.IGNORECASE)
# Between a product and its value: a bracket (its maker) and a colon ("Gamunex-C (Grifols): ")
BRACKET_LABEL_GAP = rx.compile(r"[ \t]*\([^()\n]{1,40}\)[ \t]*[:–—-][ \t]*")
# "Gamunex-C, made by Takeda, is ...": a maker in an apposition right after its product
MADE_BY_APPOSITION_GAP = rx.compile(
    # (a relative clause, "which is made by", has its own reading, "relative-clause")
    r"[ \t]*,[ \t]*(?:made|manufactured|produced|marketed"
    r"|distributed|supplied)\s+by\s+",
    re.IGNORECASE,
)
MADE_BY_APPOSITION_END = rx.compile(r"[ \t]*(?:[,;)]|\s[-–—]\s)")
# "an Octapharma 10% product like Octagam 10%": an example of a kind, not the subject
NOUN_LIKE_BEFORE = rx.compile(
    r"\b(?:products?|brands?|solutions?|ones?|liquids?|preparations?|immunoglobulins?|IVIGs?)"
    r"\s+(?:just\s+)?like\s+(?:the\s+)?$",
    re.IGNORECASE,
)
NEITHER_NOR_BEFORE = rx.compile(
    r"\bneither\b[^.;]{0,50}\bnor\b[^.;]{0,40}\b(?:is|are)\s+[\"'“‘]?$", re.IGNORECASE
)
# A list under a lead that calls its items wrong or hearsay: "In one week I was told:", "On
# slide, each marked with a red cross and the correction:" (their quoted parts state nothing)
WRONG_LIST_LEAD = rx.compile(
    r"\b(?:(?:i|we)\s+(?:was|were|have\s+been|had\s+been|got)\s+told|(?:people|they|others"
    r"|someone)\s+(?:said|say|told|claim)|red\s+cross|crossed\s+out|myths?|misconceptions?"
    r"|wrong|incorrect|mistakes?|errors?|what\s+(?:you|people)\s+(?:may\s+)?hear|overheard)\b"
    r"[^.]*:\s*$",
    re.IGNORECASE,
)
# A reason or time clause after the main one: ", because one batch of Octagam 10% was held"
TRAILING_SUBORDINATE = rx.compile(
    r",\s+(?:because|since|as|while|whereas|although|though|when|after|until|unless)\s",
    re.IGNORECASE,
)
# A clause whose subject is no product at all: "Neither product contains maltose", "None of
# these products is IgA-free", "No other brand here contains sucrose"
GENERIC_NEGATIVE_SUBJECT = rx.compile(
    r"(?:^|(?<=[,;:])|\b(?:and|but|so|while)\b)\s*(?:neither|none|no(?=\s+(?:other\s+)?(?:products?|brands?"
    r"|IVIGs?|SCIGs?|immunoglobulins?|immune\s+globulins?|solutions?|preparations?)\b))\b",
    re.IGNORECASE,
)
# The words for products as a kind ("10% products", "the glycine-stabilised brands", "CSL
# Behring's two subcutaneous immunoglobulins"), shared by the patterns that tell a class of
# products from a named one: the plural (a class), either number, and the modifiers between.
_CLASS_NOUNS = r"(?:products|brands|solutions|liquids|preparations|IVIGs|SCIGs|immunoglobulins)"
_CLASS_NOUN = (
    r"(?:products?|brands?|solutions?|liquids?|preparations?|IVIGs?|SCIGs?|immunoglobulins?)"
)
# After a value, the name of the product it describes: "a 5% product called Octagam 5%"
CALLED_AFTER = rx.compile(
    rf"[\s-]*(?:[\w-]+\s+){{0,2}}?(?:{_CLASS_NOUN}|version|one)\s+(?:called|named|sold\s+as"
    r"|marketed\s+as|branded\s+as)\s+",
    re.IGNORECASE,
)
_PRODUCT_MODIFIER = (
    r"(?:IV|SC|subcutaneous|intravenous|liquid|human|immune\s+globulin|immunoglobulin|IVIG|SCIG"
    r"|IgG)"
)
# "10% products", "the 20% subcutaneous products": a class of products, named by a strength
PRODUCT_CLASS_AFTER = rx.compile(
    rf"\s*(?:{_PRODUCT_MODIFIER}\s+)*(?:{_CLASS_NOUNS}|ones)\b", re.IGNORECASE
)
# ... unless its members follow: "10% products such as Privigen", "10% products (Privigen, ...)"
PRODUCT_CLASS_NAMED = rx.compile(
    PRODUCT_CLASS_AFTER.pattern + r"\s*(?:,\s*)?(?:such\s+as|like|including|e\.g\.|\(|:)",
    re.IGNORECASE,
)
# "CSL Behring subcutaneous products" before a bracket that lists them
MAKER_NOUN_BEFORE_BRACKET = rx.compile(
    rf"(?:['’]s)?\s+(?:(?:{_PRODUCT_MODIFIER}|\d+(?:\.\d+)?\s*%)\s+){{0,3}}{_CLASS_NOUN}\b",
    re.IGNORECASE,
)
PERCENT_BEFORE = rx.compile(r"[\d.]+\s*%\s+$")
# ... after a preposition ("for 10% products", "than the 20% products"), not as a predicate
# ("Privigen and Gamunex-C are 10% products", "one of the 5% products")
CLASS_PREPOSITION_BEFORE = rx.compile(
    r"\b(?:for|with|than|to|from|between|among|unlike|on|in)\s+(?:the\s+|all\s+|most\s+|many\s+"
    r"|other\s+|both\s+)?$",
    re.IGNORECASE,
)
# "CSL Behring's two products share L-proline": a maker's products, none of them named
MAKER_PRODUCTS_AFTER = rx.compile(
    rf"['’]s?\s+(?:(?:two|three|four|both|other|own|newer|older|{_PRODUCT_MODIFIER})\s+)*"
    rf"{_CLASS_NOUNS}\b",
    re.IGNORECASE,
)
STABILIZER_NONE_AFTER = rx.compile(
    # (not a field's "Sucrose: None", which denies it of the field's product)
    r"\s*(?:→|->|=>|:|[-–—])\s*(?:none\s+of|no\s+products?|not\s+in\s+any)\b",
    re.IGNORECASE,
)
QUOTED_LINE = rx.compile(r"\n[\s*_]*(?=[\"“‘'])|^[^\"“\n.]{1,40}:\s*(?=[\"“‘])")
# A statement marked wrong: "❌ "2 g/kg/day for 5 days" -> wrong, that is 10 g/kg"
CROSS_MARK = rx.compile(r"[\s*_-]*[❌✗✘]")
# A fact-check's claim and its rating: "**Claim 2:** ..." / "**Rating: FALSE**"
CHECKED_CLAIM = rx.compile(
    r"[\s*_>#]*(?:the\s+)?(?:viral\s+|original\s+)?claim(?:\s+\d+|\s+[A-Z])?\s*[:.–—-]",
    re.IGNORECASE,
)
RATED_WRONG = rx.compile(
    r"[\s*_>#]*(?:our\s+)?(?:rating|verdict|rated|ruling)\s*[:–—-]?\s*[*_]*\s*(?:mostly\s+|largely\s+)?"
    r"(?:false|misleading|wrong|incorrect|untrue|inaccurate|half[\s-]true|unproven|unsupported"
    r"|exaggerated|missing\s+context|needs\s+context|out\s+of\s+context|pants\s+on\s+fire)\b",
    re.IGNORECASE,
)
QUOTED_SENTENCE = rx.compile(r"[\s*_]*[\"“‘']")
REBUTTAL_LEAD = rx.compile(
    r"[\s*_❌✗✘🚫]*(?:not\s+true|not\s+so|not\s+mine|not\s+for\s+me|wrong|false|incorrect"
    r"|untrue|myth|no|nope|that['’]s\s+"
    r"(?:a\s+myth|not\s+(?:true|right|so)))\b\s*[:.!,;–—-]",
    re.IGNORECASE,
)
# 'that the schedule exceeds "the usual interval of every 4-6 weeks". Neither reason is
# correct': the next sentence rejects what the quotes report
QUOTES_REJECTED_AFTER = rx.compile(
    r"[\s*_]*(?:(?:neither|none)\s+(?:of\s+(?:these|them|the\s+\w+)\s+)?(?:reason|claim|statement"
    r"|point|argument|assertion)?s?\s*(?:is|are|was|were|holds?)\s+(?:correct|right|true|accurate|up)"
    # "Neither reason fits Ms Duarte's case": an insurer's reasons, quoted to be rebutted
    r"|(?:neither|none\s+of\s+the)\s+(?:reasons?|claims?|statements?|points?|arguments?|grounds?)"
    r"\s+(?:fits?|applies|apply|stands?|survives?|match(?:es)?)"
    r"|(?:both|these|this|that|each|it)\s+(?:(?:reasons?|claims?|statements?|points?)\s+)?(?:is|are"
    r"|was|were)\s+(?:(?:simply|just|plainly|still)\s+)?(?:wrong|incorrect|untrue|false|mistaken"
    r"|not\s+(?:true|correct|right|accurate))"
    # 'told her that Privigen is "IgA-free". It is not.'
    r"|(?:it|that|this|they|she|he)\s*(?:is|was|are|were|does|did|can|could|will|would|['’]s)"
    r"(?:\s*not|n['’]t)(?=\s*[.!;:,—–-])|(?:it|that|this|they|she|he)\s+(?:cannot|can['’]t|won['’]t)"
    r"(?=\s*[.!;:,—–-])"
    # "Not my plan and not the label:", "Not in the label, which says every 4 weeks"
    r"|not\s+(?:my|our|the|his|her|their)\s+(?:plan|label|regimen|advice|schedule|dose|protocol)\b"
    r"|not\s+(?:in|on)\s+(?:the|any|our)\s+(?:label|leaflet|guideline|SmPC|PI)\b"
    # "That interval is not in the Octagam 10% label", "I'm afraid this is wrong"
    r"|(?:that|this)\s+(?:interval|dose|figure|phrase|wording|number|rate|claim|schedule)\s+is"
    r"\s+not\s+(?:in|on|what|true|right|correct)\b"
    r"|i['’]m\s+afraid\s+(?:this|that|it)(?:\s+is|['’]s)\s+(?:wrong|not\s+(?:true|right|correct))"
    # '... says she is on "Gamunex-C 5%". Is that a thing?': the quote is questioned
    r"|is\s+(?:that|this|it)\s+(?:even\s+)?(?:a\s+(?:thing|real\s+thing|mistake|typo)|right|true"
    r"|correct|possible|real)\b"
    # "This was an error.", "That is not what the label says."
    r"|(?:it|that|this)\s+(?:is|was)\s+(?:an?\s+)?(?:error|mistake|typo|misprint)"
    r"|(?:it|that|this)(?:\s+is|\s+was|['’]s)\s+not\s+what\b"
    # a verdict right after the quote: '"Octagam is sugar-free." ❌ Wrong.'
    r"|[❌✗✘🚫\s]*(?:wrong|false|not\s+true|not\s+so|incorrect|untrue|nope)(?=\s*[.!:,;])"
    # a wiki talk page: '"Flebogamma DIF contains sucrose." —User (talk) 22:19, 28 February'
    # / ":: Oppose: ...": the rest of the line (a signature), then a vote against it
    r"|[^\n]{0,160}\n[:*#\s]*(?:oppose|strong\s+oppose|reject(?:ed)?|not\s+so|wrong|incorrect)"
    r")\b",
    re.IGNORECASE,
)
QUOTED_PHRASE = rx.compile(r"\"[^\"]{1,200}\"|“[^”]{1,200}”")  # (across a line break too)
# A quoted wording denied in its own sentence: '"Every 4-6 weeks" is not in the label',
# '"every 4-6 weeks" appears nowhere in it'
QUOTE_DENIED_AFTER = rx.compile(
    # ('"usual interval of every 6 weeks" quoted in your letter does not appear in the label')
    r"[\s,]*(?:(?:quoted|cited|given|used|mentioned|written)\s+(?:in|by|on)\s+[\w\s'’]{1,30}?\s+)?"
    # ('"Every 4-6 weeks" is not the labelled interval', '"2 g/kg/day for 5 days" would be 10
    # g/kg, five times the dose')
    r"(?:would\s+(?:be|mean|give|come\s+to|amount\s+to)"
    r"|(?:is|was|are|were)\s+(?:not\s+(?:in|on|from|part\s+of|what|true|correct|right"
    r"|accurate|the|a|an)|nowhere\s+in|wrong|incorrect|false|a\s+myth|an?\s+(?:error|mistake))"
    r"|(?:appears?|is\s+found|occurs?)\s+nowhere|(?:does|do)\s+not\s+appear|(?:isn['’]t|aren['’]t)"
    r"\s+(?:in|on|true|right|correct))\b",
    re.IGNORECASE,
)
# ... or struck out: 'Removing "every 4-6 weeks" brought every course into line'
QUOTE_REMOVED_BEFORE = rx.compile(
    r"\b(?:remov|delet|drop|strik|struck|scrap|retir|replac)\w*\s+(?:the\s+(?:phrase|wording"
    r"|words?|text|line|entry)\s+)?$",
    re.IGNORECASE,
)
# Where a reported belief's stretch ends: the correction that follows it.
BELIEF_END = rx.compile(
    r"[,;:–—]\s*(?:but|however|yet|in\s+(?:fact|reality)|actually)\b|;|\.\s|[\"”](?=\W|$)",
    re.IGNORECASE,
)
# The words of REPORTED_LABEL ("Myth:", "False:"): only a unit holding one is tried.
LABEL_WORDS = (
    *("myth", "misconception", "fiction", "false", "wrong", "true", "incorrect", "we wrote"),
    *("we said", "we printed", "we stated", "we published", "error", "mistake", "erratum"),
    *("previously", "originally"),
)
# What every REPORTED_BELIEF match holds (lower-cased), tested first with plain substring
# searches: a word of its own ("myth", "wrongly"), "you" with a verb of reading, or a verb of
# saying with "some people", "another page" or a quotation mark. Most units hold none and
# never run the regex (which cost 4% of a run when a looser test let most units through).
BELIEF_WORDS = (
    *("myth", "concep", "misbelief", "mistaken", "true", "false", "wrong", "incorrect"),
    *("stop posting", "stop saying", "quit posting", "posting that", "post that", "believe anyone"),
    *("not believe", "n't believe", "not trust", "hers is", "hers was", "his is", "his was"),
    *("theirs is", "theirs was", "theirs are", "tells you", "tell you", "told you", "if you read"),
    *("if you hear", "cousin", "i heard", "read online", "read somewhere", "neighbo", "sister"),
    *("misleading", "a mistake to", "stop claiming", "stop repeating", "keep posting"),
    *("next to me", "next to us", "beside me", "opposite me", "next chair", "other chair"),
    *("next bed", "other bed", "next bay"),
    *('such as "', "such as “", 'like "', "like “", "corrected", "amended", "withdr", "fixed"),
    # corrections of the article's own earlier text
    *("we wrote", "we said", "we stated", "we printed", "we reported", "we claimed"),
    *("we published", "i wrote", "version", "our article", "our post", "our leaflet"),
    *("our newsletter", "our story", "our page", "our issue", "error", "erratum"),
    *("previously", "originally"),
    *("phrase", "wording", "words", "expression"),
    *("we listed", "we gave", "we called", "we described", "we quoted", "we put", "we labe"),
    *("our intro", "our table", "our section", "our glossary", "our summary", "our text"),
    *("our entry", "our explainer", "our faq", "our guide", "our website", "our site"),
    *("our fact", "our dosing", "hears ", "heard ", "hear that"),
    # "One nurse believed that ...", "Two parents thought ..."
    *(" believed", " thought", " assumed", " convinced", "read on ", "read in "),
    *("automatic fail", "instant fail", "fail:", "fail (", "fail -"),
    *("they told", "they had told", "manuscript", "the authors", "submission", "the draft"),
    *("asks if", "asked if", "asks whether", "asked whether", "asking if", "asking whether"),
    *(" draft ", " edition ", " printing ", "lady at", "woman at", "man at", "friend at"),
    *(' read "', " read “", ' reads "', " reads “"),
    *("old wording", "older wording", "previous wording", "original wording", "old phrase"),
    *("wonder", "asks us if", "asked us if", "asks me if", "asked me if"),
    *("table 1", "table 2", "table 3"),
    *(" of this sheet", " of this table", " of this page", " of this leaflet", " of the sheet"),
    *("rev.", "revision ", " gave the", " listed the", " printed", " showed the", "cited"),
    *("v1:", "v2:", "v1 :", "v2 :", "relabel", "pencil", "scribbl", "scrawl"),
)
READ_WORDS = (" read ", " hear ", " heard ", "come across", " see ", " seen ", " find ", " notice")
SAY_WORDS = (
    " say", " said", " claim", " stated", " states", " wrote", " writes", " suggest", " believ",
    " told", " swore", " swear", " insist", " reckon",
    " think", " assum", " call", " describ", " list", " label",
)  # fmt: skip
SOURCE_PHRASES = (
    "some of you", "many of you", "a few of you", "someone", "forum post", "facebook",
    "social media", "somebody", "friend", "neighbo",
    "relative", "mum", "mom", "dad",
    *(
        f"{quantifier} {noun}"
        for quantifier in ("some", "many", "other", "another", "one", "a")
        for noun in (
            "people", "patients", "parents", "web", "site", "source", "forum", "post", "article",
            "blog", "page", "leaflet", "brochure", "video", "reader", "glossary", "entry",
        )
    ),
    *(
        f"{quantifier} {noun}"
        for quantifier in ("older", "old", "outdated", "online")
        for noun in ("article", "forum", "post", "site", "web", "leaflet", "guide", "page", "blog")
    ),
    '"',
    "“",
)  # fmt: skip
BELIEF_GATE = Literals([*BELIEF_WORDS, *READ_WORDS, *SAY_WORDS])  # any cue needs one of these
NEGATION_BEFORE = rx.compile(
    r"\b(?:no|not|without|never|nor|neither|free\s+(?:of|from)|lacks?|lacking|"
    r"(?:does|do|did|is|are|was|were|wo|ca|should|must|could|would|need|has|have|had)n['’]t|"
    # (up to a figure between: "not a 20% subcutaneous product")
    r"cannot|zero|absence\s+of|non)\b[\w\s%-]{0,24}$",
    re.IGNORECASE,
)
# "it is not a product you could give yourself under the skin": denied by the noun phrase
NOT_A_PRODUCT_FOR = rx.compile(
    r"\bnot\s+(?:a|an|the)\s+(?:product|medicine|brand|one|treatment|solution|preparation)\s+"
    # "not a medicine that can be given under the skin"
    r"(?:that\s+|which\s+)?(?:you|we|patients|people|anyone|they|(?:can|could|may|should|is|are)"
    r"\s+(?:be\s+|not\s+)?)\b[\w\s'’-]{0,40}$",
    re.IGNORECASE,
)
# "Do not infuse X or Y ...", "never give X and Y ...": the giving of the products denied
_DENIED_GIVING = (
    r"\b(?:not|never|n['’]t)\s+(?:be\s+)?(?:infus|giv|gave|us|administ|inject|put|push)\w*\s+"
)
DENIED_GIVING_BEFORE = rx.compile(_DENIED_GIVING + "$", re.IGNORECASE)
# anywhere in a clause: "..., and we do not give Privigen, Panzyga or Octagam 10% under ..."
DENIED_GIVING = rx.compile(_DENIED_GIVING, re.IGNORECASE)
# "..., and neither product is", "none of them is", "no product is": denied for every one
NONE_IS_BEFORE = rx.compile(
    r"\b(?:neither|none|no)\b(?:\s+[\w-]+){0,2}\s+(?:is|are)\s+[\"'“‘]?$", re.IGNORECASE
)
NONE_LEAD = rx.compile(r"\W*none\s+of\b", re.IGNORECASE)
STABILIZER_TOPIC_AFTER = rx.compile(
    r"\s+(?:issues?|problems?|questions?|warnings?|interference|effects?|concerns?|cautions?"
    # "Found the orange maltose sticker on 3 Panzyga cartons": a shelf label, not an ingredient
    r"|precautions?|alerts?|risks?|stickers?|flags?|tags?|signs?)\b",
    re.IGNORECASE,
)
WHICH_GAP = rx.compile(r"[®™]?\s*,?\s*(?:which|that)\s+(?:the\s+company\s+)?", re.IGNORECASE)
MAKES_AFTER = rx.compile(
    r"\s+(?:also\s+)?(?:makes|make|made|manufactures|manufactured|produces|produced)\b",
    re.IGNORECASE,
)
ROUTE_ONE_AFTER = rx.compile(r"(?:[\s-]+only)?\s+(?:one|ones)\b", re.IGNORECASE)
GENERIC_ROUTE_NOUN_BEFORE = rx.compile(
    r"\b(?:treatment|therapy|infusions?|immunoglobulin|options?|care)\s+$", re.IGNORECASE
)
# where a coordinate clause starts: ", and ...", ", but ...", "; ..."
CLAUSE_JOIN = rx.compile(r",\s+(?:and|but|while|whereas|so)\s+|;\s+", re.IGNORECASE)
# "a meter that is not affected by maltose": the substance named as what interferes with
# something else, not as what the product contains (or lacks)
# A field that denies: "**Sucrose:** None", "Maltose: no", "Sucrose - not present"
FIELD_NONE_AFTER = rx.compile(
    r"(?:\s*:|\s+[–—-])\s*(?:none|no|nil|not\s+(?:present|added|contained|included)|absent|free"
    r"|0\s*(?:mg|%)?)"
    r"[ \t]*(?:[.;,\n]|$)",
    re.IGNORECASE,
)
STABILIZER_AS_INTERFERENCE = rx.compile(
    r"\b(?:affected|fooled|confused|misled|falsely\s+raised)\s+by\s+$|\binterfer\w*\s+with\s+$|"
    r"\bsensitive\s+to\s+$|\bmistak\w*\s+for\s+$|\bread\s+as\s+$"
    # "some glucose meters cannot tell maltose from glucose", "strips that do not detect it"
    r"|\b(?:meters?|monitors?|strips?|tests?|devices?|readers?|GDH[\w-]*)\b[^.;]{0,60}?"
    r"\b(?:tell|detect|distinguish|measure|read|recogni[sz]e|separate|differentiate)\s+$"
    # "the glucose-meter warning about maltose does not apply to it": the warning's topic
    r"|\b(?:warnings?|alerts?|caveats?|cautions?|flags?|problems?|issues?|questions?|precautions?)"
    r"\s+(?:about|on|regarding|over|with|for)\s+$",
    re.IGNORECASE,
)
DENIED_RELATIVE_AFTER = rx.compile(
    r"[\w-]*(?:\s+[\w-]+){0,2},?\s+(?:which|that)\s+[A-Z][\w-]*(?:\s+[\w%-]+)?\s+"
    r"(?:is|does|has|contains)\s*(?:not\b|n['’]t\b)"
)
STABILIZER_CLASS_AFTER = rx.compile(r"-based\s+(?:products?|brands?|IVIGs?|immunoglobulins?)\b")
OTHER_BEFORE = rx.compile(r"\b(?:other|stocks?|also)\b", re.IGNORECASE)
STABILIZED_CLASS_AFTER = rx.compile(
    rf"[\s-]*(?:stabili[sz]ed|based|containing)\s+(?:{_CLASS_NOUNS}|ones)\b", re.IGNORECASE
)
GENERIC_PRODUCT_WITH_BEFORE = rx.compile(
    rf"\b(?:an?|any|another|other|some)\s+(?:[\w-]+\s+)?{_CLASS_NOUN}\s+(?:without|with\s+no"
    r"|free\s+(?:of|from)"
    r"|containing|that\s+(?:contains?|uses?|has)|with|stabili[sz]ed\s+(?:with|by))\s+$",
    re.IGNORECASE,
)
# "It is a common misconception that ...", "It is important to ...": no antecedent
EXPLETIVE_IT = rx.compile(
    r"\W*it\s+(?:is|was|['’]s|seems|appears|may\s+be|can\s+be)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:that|to|whether|how|why|when|if)\b",
    re.IGNORECASE,
)
CLASS_APPOSITION_GAP = rx.compile(
    rf"\s+{_CLASS_NOUN}\s*[,:(]?\s*(?:such\s+as\s+|like\s+|including\s+|namely\s+)?",
    re.IGNORECASE,
)
TITLE_GLOSS_END = rx.compile(r"\s*\([^()]{1,40}\)$")
# After a route: the product noun it describes ("a subcutaneous product", "another IV one")
A_PRODUCT_AFTER = rx.compile(
    rf"\s*(?:{_PRODUCT_MODIFIER}\s+)*(?:{_CLASS_NOUN}|ones?)\b", re.IGNORECASE
)
# A clause about nobody: "no patient could have received Privigen subcutaneously"
NO_ONE_BEFORE = rx.compile(
    r"\b(?:no|not\s+a\s+single)\s+(?:patients?|one|child(?:ren)?|adults?|people|person|nurses?)"
    r"\s+(?:could|can|should|would|may|might|will|ever|has|have|had|is|was)\b[^.;,]*$",
    re.IGNORECASE,
)
# Before "a subcutaneous product" as an object (not "Hizentra, a subcutaneous product"):
# another product than the subject
OBJECT_LEAD_BEFORE = rx.compile(
    r"\b(?:for|to|with|from|than|like|of|about|between|into|choose|chose|prefer|need|want|try"
    r"|consider|offer|recommend|suggest)\s+$",
    re.IGNORECASE,
)
INDEFINITE_BEFORE = rx.compile(r"\b(?:a|an|any|another|other)\s+$", re.IGNORECASE)
COPULA_BEFORE = rx.compile(r"\b(?:is|are|was|were|['’]s|be|being|remains?)\s+$", re.IGNORECASE)
CLASS_MEMBERS_AFTER = rx.compile(r"\s*(?:\(|:|,?\s*(?:such\s+as|like|including|namely)\b)", re.I)
THE_CLASS_BEFORE = rx.compile(
    # "the glycine-stabilised products", "patients who should avoid maltose-containing products"
    r"\b(?:the|all|any|most|many|some|avoid(?:s|ed|ing)?|allergic\s+to|intolerant\s+of)\s+$",
    re.IGNORECASE,
)
NEGATION_AFTER = rx.compile(r"^\s?-?\s?free\b", re.IGNORECASE)
RESPECTIVELY = rx.compile(r"\brespectively\b", re.IGNORECASE)
PRONOUN_LEAD = rx.compile(
    # "Q: Who makes Privigen? A: It is made by ...", "No, it is ..."
    # "A: It ...", "MedAssist: Its ..." (a speaker's turn)
    r"\W*(?:(?:A|Answer)\s*[:.)-]\s*|[A-Z][\w-]{1,20}(?:\s+[\w-]{1,12}){0,2}:\s+)?"
    # "3.1.1 It is manufactured by ...": a report's numbered paragraph
    r"(?:\d{1,2}(?:\.\d{1,2})+\.?\s+)?"
    r"(?:(?:yes|no)\s*[,.]\s*)?"
    # "The nurse explained that it uses ...": said of the product named before
    r"(?:(?:the|my|our|your|his|her)\s+(?:[\w-]+\s+){0,2}?(?:said|says|explained|explains|told\s+"
    r"(?:me|us|him|her|them)|mentioned|added|noted|confirmed)\s+(?:that\s+)?"
    # "Explained that it can be self-infused ...": a counselling record's verb, no subject
    r"|(?:explained|confirmed|advised|reminded\s+(?:him|her|them)|told\s+(?:him|her|them))\s+that\s+"
    r"(?=it\b|its\b))?"
    # "Because it is stabilised with glycine, ...": a subordinate clause opening on "it"
    r"(?:(?:because|since|as|although|though|while|so)\s+(?=it\b|its\b|th(?:e|is)\s+product\b))?"
    # "Once a Baxter product, it ...", "Today it ...": a fronted phrase of time before "it"
    r"(?:(?:once|formerly|originally|previously|today|now|since\s+\d{4}|in\s+\d{4})\b[^,.;]{0,40},?"
    r"\s+(?=it\b))?"
    # "That one is stabilised with maltose as well" (the one product just named)
    # "Q: ... Privigen ... What is it?" / "A: That's Grifols' ten per cent liquid"
    r"(?:it|its|it's|(?:that|this)\s+one\b|that(?:['’]s|\s+is)\s+(?=\w+['’]s?\s|an?\s)|this\s+(?:\d+(?:\.\d+)?\s*%\s+)?(?:product|formulation|preparation|"
    r"solution|medicine|medication|"
    r"immunoglobulin|ivig|scig|brand)|the\s+(?:product|formulation|preparation|solution|medicine|"
    r"medication|latter)"
    # "Privigen is made by CSL Behring. The concentration is 10%.": the attribute of the
    # product just named (not "The concentration of most products is ...")
    r"|the\s+(?:(?:average|mean|typical|maximum|usual)\s+)?(?:concentration|strength|stabili[sz]er"
    r"|manufacturer|maker|IgA\s+(?:content|concentration|level)|content\s+of\s+IgA)\s+(?:is|was)\b"
    # a note after the product's line: "Gamunex-C 10%, glycine-stabilized. IgA average 0.046
    # mg/mL."
    r"|IgA(?:\s+(?:content|level))?\s*(?::|(?:is\s+)?(?:an?\s+)?(?:average|avg|mean|typically"
    r"|about|approximately|around|below|under|less\s+than|<|≤))"
    # a leaflet's "The other ingredients (of this medicine) are glycine and water"
    r"|the\s+other\s+(?:ingredients|components|excipients|constituents)"
    r"(?:\s+of\s+this\s+(?:medicine|product|preparation))?\s+(?:are|is|include)\b"
    # "Her cousin gets Privigen. The company that makes it is Octapharma."
    r"|the\s+(?:company|firm|manufacturer)\s+(?:that|which|who)\s+(?:makes|made|produces"
    r"|manufactures)\s+it)\b",
    re.IGNORECASE,
)
# A sentence that opens on its topic: "In juvenile dermatomyositis (JDM) ...", "For adults with
# CIDP, ...", "Q: JDM with persistent rash ...".
SCOPE_LEAD = rx.compile(
    r"\W*(?:Q\s*[:.)-]\s*)?(?:(?:in|for)\s+(?:(?:children|adults|patients|people|kids)"
    r"\s+with\s+)?)?",
    re.IGNORECASE,
)
# A value and the condition it is given for: "2 g/kg for dermatomyositis", "1 g/kg in ITP".
VALUE_FOR_CONDITION_GAP = rx.compile(
    # (not across a conjunction: "every 4 weeks, and in primary immunodeficiency ..." starts
    # another condition's clause)
    r"[\s,]*(?:(?!(?:and|or|but|while|whereas)\b)[\w-]+\s+){0,2}?(?:for|in)\s+"
    r"(?:(?:adults?|children|patients|people)\s+with\s+)?"
    r"(?:the\s+)?",
    re.IGNORECASE,
)
# Products listed together share what the clause says of them: "X and Y", "neither X nor Y",
# "X, like Y, is ...".
COORDINATION_GAP = rx.compile(
    r"^[\s,]*(?:(?:and|or|nor|&|as\s+well\s+as|plus|like)\s*)?[\s,]*$", re.IGNORECASE
)

# Around a percentage: what makes it a product concentration, and what rules that out.
CONCENTRATION_CUE = rx.compile(
    r"\b(?:concentrat\w*|solutions?|liquids?|formulations?|preparations?|products?|strengths?|"
    r"ivigs?|scigs?|igiv|igg|immunoglobulins?|immune\s+globulins?|proteins?|options?|versions?|"
    r"presentations?|"
    r"available|supplied|comes?|offered|sold|marketed)\b",
    re.IGNORECASE,
)
NOT_CONCENTRATION_AFTER = rx.compile(
    r"^\s*(?:of\b|in\b|to\b|or\s+more\s+of|(?:dextrose|glucose|saline|sodium|nacl|albumin|sucrose|maltose|"
    r"sorbitol|glycine|proline|polysorbate|alcohol|ethanol|lidocaine|w/v\s+)?(?:dextrose|glucose|saline|"
    r"sodium|nacl|albumin|sucrose|maltose|sorbitol|glycine|proline|polysorbate|alcohol|ethanol|lidocaine)\b"
    r"(?![-‐](?:stabili[sz]ed|based|containing|free)\b)|"
    r"ci\b|confidence|percentage\s+points?|(?:of\s+)?(?:patients|people|children|adults|cases|"
    r"participants|subjects|infusions|recipients|users)\b|(?:higher|lower|more|less|fewer|"
    r"increase|decrease|reduction|improvement|chance|risk|probability|likely|response|rate|discount)"
    # "79% on IVIG improved versus 44% on placebo": a share of a trial's arm
    r"|on\s+(?:ivig|igiv|scig|placebo|treatment|the\s+(?:drug|treatment|product|placebo))\b"
    r"|(?:improved|responded|recovered|relapsed|reported|had|got|achieved|met)\b)",
    re.IGNORECASE,
)
# After the percentage, whatever precedes it: a share of something else, never the product's
# protein concentration ("Octagam 5% is 10% maltose", "40% had headache", "a 30% share",
# "73% bioavailable", "60% IgG1", "80% water", "covers Privigen at 80%").
NEVER_CONCENTRATION_AFTER = rx.compile(
    r"\s*(?:(?:w/v\s+)?(?:dextrose|glucose|saline|sodium|nacl|albumin|sucrose|maltose|sorbitol|"
    # "5% glucose", not "a 5% glycine-stabilised product"
    r"glycine|proline|polysorbate|alcohol|ethanol|lidocaine|water|sugar|carbohydrates?)\b"
    r"(?![-‐](?:stabili[sz]ed|based|containing|free)\b)|"
    r"IgG\s*[1-4]\b|(?:market\s+)?share\b|of\s+(?:the\s+)?market\b|bioavailab\w*|absorbed\b|"
    r"(?:had|have|has|experienced|reported|developed|responded|improved|needed|achieved|got|"
    r"were|was|did|saw|showed|stopped|discontinued)\b|responders?\b|respon(?:se|ded)\b|"
    r"headaches?\b|nausea\b|fever\b|chills\b|rash\b|(?:adverse|side)\b|reactions?\b|"
    # "79% ... improved, against 44% on placebo": a trial arm's share
    r"(?:on|with|in|taking|given|receiving)\s+(?:the\s+)?(?:placebo|sham|dummy)\b|"
    r"remission\b|coverage\b|covered\b|copay\w*|coinsurance\b)",
    re.IGNORECASE,
)
NEVER_CONCENTRATION_BEFORE = rx.compile(
    r"\b(?:covers?|covered|reimburses?|reimbursed|pays?|paid|AUC|bioavailability)\b[^.;%]{0,30}$",
    re.IGNORECASE,
)
# "10% for Privigen", "and glycine in Gamunex-C, Gammagard Liquid and Cuvitru"
FOR_GAP = rx.compile(r"\s+(?:(?:is\s+)?for|(?:is\s+)?(?:used\s+)?in)\s+(?:the\s+)?")
# "glycine (Gamunex-C, Panzyga), L-proline (Privigen)": products listed in brackets right
# after a value are that value's; what may stand between the names in such a list.
# What may come before a list item's leading product: emphasis, a task box ("- [ ] **X**")
ITEM_LEAD = rx.compile(r"[ \t*_]*(?:\[[ xX]\][ \t*_]*)?")
FORMER_LATTER = rx.compile(r"\bthe\s+(former|latter)\b", re.IGNORECASE)
# A sentence that sets its own scope ("In autoimmune and inflammatory disease it is given at
# 2 g/kg") does not take the condition of the sentence before.
OWN_SCOPE = rx.compile(
    r"\W*(?:in|for)\s+(?:[\w-]+,?\s+){0,4}?(?:diseases?|disorders?|conditions?|illness(?:es)?)\b"
    # "At high doses, commonly 2 g/kg ...", "As an immunomodulatory treatment, ...": the
    # high-dose use in general, not the article's condition
    r"|\W*(?:at\s+)?(?:high|higher|immunomodulatory)\s+dos(?:e|es|ing)\b"
    r"|\W*as\s+an?\s+immunomodulat\w*",
    re.IGNORECASE,
)
REPLACEMENT = rx.compile(r"\breplacement\b", re.IGNORECASE)
# A product named as what another is compared with ("more IgA than X", "the IgA of X")
COMPARED_OBJECT = rx.compile(
    r"\b(?:than|as|versus|vs\.?|against|(?:IgA|strength|concentration)\s+(?:of|in))\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# An amount of a stabilizer: "100 mg of maltose", "0.25 M glycine", "9 g sorbitol".
STABILIZER_AMOUNT_BEFORE = rx.compile(
    r"\d(?:[\d.,]*\d)?\s*(?:mg|g|grams?|milligrams?|mmol|mol|M)\s+(?:of\s+)?$", re.IGNORECASE
)
# The one product named is what the subject is compared with: "more IgA than Privigen"
# (not "such as Privigen (10%)", which gives Privigen's own figure).
# The object of a comparison, "as concentrated as X", "than X", "compared with X" (wider than
# COMPARED_TO, which targets() uses for a bracketed value's product: "more IgA than X (46)")
COMPARED_WITH_BEFORE = rx.compile(
    r"\b(?:as\s+(?:[\w-]+\s+){1,2}as|than|compared\s+(?:with|to)|versus|vs\.?)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
COMPARED_TO = rx.compile(
    r"\b(?:more|less|fewer|higher|lower|stronger|weaker|greater|smaller|other)[*_]*\s+(?:[\w-]+[*_]*\s+)?"
    r"(?:than|to)\s+(?:the\s+)?$|\b(?:versus|vs\.?|against)\s+(?:the\s+)?$"
    # "twice as concentrated as Octagam 10%", "as strong as Privigen", "the same strength as"
    r"|\bas\s+(?:concentrated|strong|weak|dilute|potent|thick)\s+as\s+(?:the\s+)?$"
    r"|\bsame\s+(?:strength|concentration)\s+as\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# Between "IgA" and its figure: "IgA of 37 mg/mL", "IgA content: 37 mg/mL", "IgA ~37 mg/mL"
IGA_VALUE_GAP = rx.compile(
    # (and "IgA (average 1.06 mg/mL per the PI)", "IgA content: trace, average 1.06 mg/mL")
    r"(?:\s+(?:content|level|concentration))?\s*,?\s*\(?\s*(?:of|is|was|:|=|at)?\s*"
    r"(?:(?:trace(?:\s+amounts?)?|low|very\s+low)\s*[,;]\s*)?"
    r"(?:(?:about|approximately|around|roughly|~|≈|(?:an?\s+|on\s+)?average(?:\s+of)?|mean)\s*)?",
    re.IGNORECASE,
)
IGA_BEFORE_VALUE = rx.compile(r"\bIgA" + IGA_VALUE_GAP.pattern + "$", re.IGNORECASE)
PAREN_OPEN = rx.compile(r"[ \t]{0,2}\(")
# "**Panzyga** (Octapharma, 5%)": a product, its bracket, a maker and the value in it
BRACKET_LEAD_GAP = rx.compile(r"[\s*_®™]{0,4}")
BRACKET_SEP = rx.compile(r"[\s,;/]*")
BRACKET_VALUE_END = rx.compile(r"\s*[),;]")
PAREN_LIST_GAP = rx.compile(
    r"(?:[\s,;/&®™]|\b(?:and|or|both|e\.g\.|eg|i\.e\.|such\s+as|for\s+example|including)\b)*",
    re.IGNORECASE,
)
# Between a product and a percentage: a list of strengths ("Octagam 5% & 10%"), not a claim.
LIST_GAP = rx.compile(r"&|\band\b|\bor\b|/|,", re.IGNORECASE)
ARTICLE_END = rx.compile(r"\b(?:the|a)\s+$", re.IGNORECASE)
PERCENT_ONE_AFTER = rx.compile(r"\s+(?:one|kind|type|version|sort)s?\b(?![-‐‑])", re.IGNORECASE)
# A product, then its value after "at": "Gamunex-C and Privigen, at 10% and 5%".
SHARE_BRACKET_BEFORE = rx.compile(
    r"(?:\b\d+\s+(?:of|out\s+of)\s+(?:the\s+)?\d+|\bin\s+\d+)\s*\(\s*$", re.IGNORECASE
)
# Words that make a figure a strength whatever its size (see concentration)
STRENGTH_WORDS = rx.compile(
    r"concentrat|strength|\bconc\b|solution|liquid|formulation|preparation", re.IGNORECASE
)
# "My son is on Gammagard Liquid for his immune deficiency - it's twenty percent and he ...":
# the bare figure of "it's" (not "it's 80% effective", "it's 20% cheaper")
IT_IS_BEFORE = rx.compile(r"\bit(?:['’]s|\s+is)\s+(?:only\s+|just\s+)?$", re.IGNORECASE)
BARE_VALUE_END = rx.compile(r"\s*(?:[,.;:)!]|\s(?:and|but|so|not)\b|$)", re.IGNORECASE)
AT_VALUE_GAP = rx.compile(r"[®™]?\s*,\s*at\s+")
VALUE_LIST_GAP = rx.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|/\s*)", re.IGNORECASE)
# "Privigen is less concentrated than Hizentra (10% vs 20%)": values in the products' order.
VS_PAIR = rx.compile(
    r"\(\s*(\d+(?:\.\d+)?\s*%)\s*(?:vs\.?|versus|v\.|and|/|to)\s*(\d+(?:\.\d+)?\s*%)\s*\)",
    re.IGNORECASE,
)
VERSUS = rx.compile(r"\b(?:vs\.?|versus|v\.)", re.IGNORECASE)
NOT_CONCENTRATION_BEFORE = rx.compile(
    r"(?:\bby|\bthan|\bin|\bup\s+to|\babout|\bincidence\s+of|\brate\s+of|\brisk\s+of|\b(?:with|plus)\s+"
    r"(?:a\s+)?|\bdiluted\s+(?:in|with)(?:\s+a)?|\bcontains?|\bpercentage\s+of|\bsaw|\bhad|\bto)\s*$",
    re.IGNORECASE,
)
PROTEIN_AFTER = rx.compile(
    r"\s*(?:of\s+)?(?:total\s+)?(?:protein|immunoglobulins?|immune\s+globulins?|IgG|"
    r"antibod(?:y|ies))\b",
    re.IGNORECASE,
)
PROTEIN_AFTER_LIST = rx.compile(
    r"(?:\s*(?:,|and|or|&)\s*(?:[≤<>~≈]\s*)?\d[\d.,]*\s*(?:%|[mµμ]?g\s*(?:/|per\s+)\s*(?:m[lL]|[dD]?[lL])\b)){1,3}"
    r"\s*(?:of\s+)?(?:total\s+)?(?:protein|immunoglobulins?|immune\s+globulins?|IgG)\b",
    re.IGNORECASE,
)
PROTEIN_IN = rx.compile(r"\b(?:protein|IgG|immunoglobulin|immune\s+globulin)", re.IGNORECASE)
# "more than 98% IgG", "98% pure", "IgG purity of 98%": the share of the protein that is IgG
# (purity), not how much protein the liquid holds. A share of IgG is read so only above half:
# "contains 10% immunoglobulin G" still states a concentration.
PURITY_AFTER = rx.compile(r"\s*(?:pure|purity)\b", re.IGNORECASE)
PURITY_BEFORE = rx.compile(r"\bpurity\b[^.;]{0,20}$", re.IGNORECASE)
IGG_AFTER = rx.compile(
    r"\s*(?:(?:is|are)\s+)?(?:IgG|immunoglobulin\s+G|gamma\s+globulin|monomers?|monomeric)\b",
    re.IGNORECASE,
)
CONCENTRATION_OF = rx.compile(
    r"\bconcentrations?\s+(?:of\s+)?(?:either\s+)?$|\b(?:is|are|as)\s+(?:an?\s+)?$"
    r"|\bin\s+(?:both\s+)?$",
    re.IGNORECASE,
)
COMPARISON_BEFORE = rx.compile(
    r"(?:\b(?:of|than|to|with|versus|vs\.?|like|from|over|into|for)\s+"
    r"(?:an?|other|most|many|some|all|older|standard|typical|conventional)\s+"
    r"|\bas\s+\w+(?:\s+[\w-]+){0,4}\s+as\s+(?:an?\s+|the\s+)?(?:(?:two|both|other|three)\s+)?"
    # "twice the volume of the 20% ones"
    r"|\b(?:volume|amount)\s+of\s+(?:an?\s+|the\s+)?(?:(?:two|both|other)\s+)?"
    # "twice the strength of the 10% drips"
    r"|\b(?:strength|concentration)\s+of\s+(?:an?\s+|the\s+)(?:(?:two|both|other|usual)\s+)?"
    # "more concentrated than the 10% products" (not "one of the 10% products": a claim)
    r"|\b(?:than|versus|vs\.?|like|unlike)\s+the\s+"
    r"|\b(?:other|most|many|older|standard|typical|conventional)\s+)$",
    re.IGNORECASE,
)
NEGATED_COPULA = rx.compile(
    r"\b(?:not|never|isn't|aren't|wasn't|no\s+longer)\s+(?:an?\s+|the\s+|available\s+(?:as|in)\s+(?:an?\s+)?)?"
    r"(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
IGA_WORD = rx.compile(r"\bIgA\b")
# "Privigen says no more than 25 micrograms per mL, Gamunex-C averages 46 and Panzyga about
# 100": a bare figure right after a product (a verb and "about" between at most), ending its
# list item, in a sentence whose IgA figures have one unit
BARE_IGA_AFTER_PRODUCT = rx.compile(
    r"[\s®™]*,?\s*(?:(?:averages?|has|have|contains?|is|at|with|says?|lists?|gives?|states?)"
    r"\s+)?(?:(?:about|around|approximately|approx\.|roughly|~|an\s+average\s+of|on\s+average"
    r"|typically)\s*)?(?P<n>\d{1,4}(?:\.\d+)?)(?=\s*(?:[,;]|\.(?!\d)|\band\b|\bor\b|\)|$))"
)
_WRITTEN_UNIT = rx.compile(
    r"(?i)\d\s*(?P<unit>(?:µg|μg|ug|mcg|micrograms?|mg|milligrams?)\s*(?:/|per)\s*"
    r"(?:mL|millilit(?:re|er)))\b"
)
IGA_NOT_CONTENT = rx.compile(
    r"^\s*[-\s]?(?:deficien\w*|antibod\w*|nephropathy|vasculitis|myeloma|class|isotype)",
    re.IGNORECASE,
)
IGA_OF_PATIENT_BEFORE = rx.compile(
    r"\b(?:your|his|her|their|patient['’]s|serum|blood|measured)\s+(?:\w+\s+)?$", re.IGNORECASE
)
IGA_CUE_AFTER = rx.compile(
    r"^\s*[-\s]?(?:content|levels?|amounts?|concentrations?|free|depleted|reduced|\(|:|of\b|is\b|at\b|"
    r"≤|<|below|under|less|not\s+more|average|typical|contains?)",
    re.IGNORECASE,
)
# "trace IgA", "low levels of IgA", "high amounts of IgA": a quality word, then optionally what
# is measured and "of", right before "IgA".
_IGA_MEASURE = r"(?:\s+(?:amounts?|levels?|quantities|concentrations?))?(?:\s+of)?"
IGA_QUALITY_BEFORE = rx.compile(
    r"(?P<free>\bno|\bzero|\bfree\s+of)\s+(?:detectable\s+)?$"
    r"|(?P<trace>(?:\btrace|\blow|\bvery\s+low|\bminimal|\breduced|\blow-level|\blimited)"
    + _IGA_MEASURE
    + r")\s+$|(?P<high>(?:\bhigh|\bhigher|\belevated|\bsignificant|\bconsiderable|\bsubstantial)"
    + _IGA_MEASURE
    + r"|\blarge\s+amounts?\s+of|\blots\s+of)\s+$",
    re.IGNORECASE,
)
IGA_QUALITY_AFTER = rx.compile(
    r"^\s?-?\s?(?P<free>free\b)|^\s*(?:content|levels?)\s+(?:is\s+|are\s+)?(?:(?P<trace>low|minimal|trace|"
    r"very\s+low)|(?P<high>high|elevated|considerable))\b",
    re.IGNORECASE,
)
SUGAR = rx.compile(
    r"\b(?P<free>(?:sugar|carbohydrate)[\s-]?free|"
    r"(?:no|without|free\s+of|contains\s+no|zero)\s+(?:added\s+)?(?:sugars?|carbohydrates?)|"
    r"(?:doesn't|does\s+not|do\s+not)\s+contain\s+(?:any\s+)?(?:added\s+)?sugars?)\b",
    re.IGNORECASE,
)
# "a sugar-free diet" is the patient's (see stabilizers() for "not"/"a sugar-free ...").
SUGAR_FREE_NOT_CLAIMED_AFTER = rx.compile(r"\s+(?:diets?|foods?|drinks?|meals?)\b", re.IGNORECASE)
SUGAR_WORD = rx.compile(r"sugar|carbohydrate", re.IGNORECASE)
# "Neither Octagam nor Privigen contains sugar": a positive wording under "neither".
SUGAR_CONTAINED = rx.compile(r"\bcontains?\s+(?:any\s+)?(?:added\s+)?sugars?\b", re.IGNORECASE)
NEITHER = rx.compile(r"\W*neither\b", re.IGNORECASE)
DISTRIBUTIVE = rx.compile(r"\b(?:both|each|all)\b", re.IGNORECASE)
LIKE = rx.compile(r"\blike\b", re.IGNORECASE)
MODAL = rx.compile(r"\b(?:can|may|could)\b", re.IGNORECASE)
OR_WORD = rx.compile(r"\bor\b|/", re.IGNORECASE)
AND_WORD = rx.compile(r"\band\b|&", re.IGNORECASE)
# A section of examples: "A worked example", "Case study", "Example 2: a 30 kg child"
EXAMPLE_HEADING = rx.compile(
    r"\b(?:(?:worked|sample)\s+examples?|examples?\s*\d*\s*[:.]|case\s+(?:study|studies|example)"
    r"|scenarios?|^\W*(?:an?\s+)?examples?\W*$)",
    re.IGNORECASE,
)
# Before a condition: the article saying whom it is for
AUDIENCE_BEFORE = rx.compile(
    r"\b(?:this|the|our)\s+(?:information\s+)?(?:sheet|leaflet|article|page|guide|handout|booklet"
    r"|factsheet|fact\s+sheet|post|pamphlet|brochure|resource)\s+(?:is\s+)?(?:(?:written|meant"
    r"|intended|designed)\s+)?(?:for|about)\s+(?:(?:people|patients|adults|children|families"
    r"|parents|anyone|those|you)\s+(?:with|who\s+have|living\s+with|affected\s+by)\s+)?"
    r"(?:(?:a|an|the)\s+)?$",
    re.IGNORECASE,
)
# Before a denied dose or schedule: "not every 4-6 weeks", "is not given at 1 g/kg", "never
# repeated every 6 weeks", "isn't 1 g/kg"
DENIED_VALUE_BEFORE = rx.compile(
    r"\b(?:not|never|isn['’]t|aren['’]t|wasn['’]t|no\s+longer)\s+(?:(?:be|been|being)\s+)?"
    r"(?:(?:usually|normally|routinely|typically)\s+)?"
    r"(?:(?:given|infused|administered|repeated|scheduled|dosed|used|prescribed|spaced)\s+)?"
    r"(?:(?:at|as|in|on|over|out\s+to|to)\s+)?(?:an?\s+|the\s+)?$",
    re.IGNORECASE,
)
# A label's product line ("PRODUCT NAME: GAMUNEX-C", "Brand: Privigen") and its other fields
PRODUCT_LABEL = rx.compile(
    r"\W*(?:product(?:\s+name)?|brand(?:\s+name)?|trade\s+name|medicine|medication|drug)"
    r"(?:\s*:|[ \t]*\.{3,})\s*",  # "Product: ...", "Product ........ Hizentra"
    re.IGNORECASE,
)
LABEL_FIELD = rx.compile(r"[ \t]*[A-Z][A-Za-z/ ]{1,30}(?::|[ \t]*\.{3,})[ \t]+\S")
# "(Immune Globulin Subcutaneous (Human), 20% Liquid)" after a label's product name
LABEL_GLOSS = rx.compile(r"\((?:[^()]|\([^()]*\))*\)")
ROUTE_OWNER_BEFORE = rx.compile(
    r"\b(?:your|my|his|her|their|our)\s+(?:(?:current|usual|own|regular|present)\s+)?$",
    re.IGNORECASE,
)
SHARED_UNIT_BEFORE = rx.compile(r"\b\d+(?:[.,]\d+)?\s*(?:,\s*|\s+(?:and|or|&|to)\s+)$")
# "Every week I talk with people who ...": the writer's routine, not a schedule
ROUTINE_AFTER = rx.compile(
    r"\s*,?\s*(?:I|we)\s+(?:talk|speak|see|meet|answer|hear|help|visit|call|chat|write|post"
    r"|get\s+(?:calls|questions|emails)|run|hold|teach)\b"
)
# "your weekly volume", "the total you receive each month": an amount per period, not how
# often doses are given
AMOUNT_PER_PERIOD_AFTER = rx.compile(
    r"\s+(?:volume|total|amount|grams|allowance|budget|spend|cost)s?\b", re.IGNORECASE
)
AMOUNT_PER_PERIOD_BEFORE = rx.compile(
    r"\b(?:total(?:\s+number)?|number\s+of\s+grams|grams|amount|volume)\b[^.;:,]{0,30}?"
    r"\b(?:receive|get|need|use|take|infuse)d?s?\s+$",
    re.IGNORECASE,
)
# "0.8 g/kg, less than half of the 2 g/kg course": a figure measured against another
MEASURED_AGAINST_AFTER = rx.compile(
    r"\s*,?\s*(?:(?:well|far|much|only|just)\s+)?(?:(?:less|more|lower|higher|fewer|smaller|larger"
    r"|greater)\s+than|(?:about\s+|roughly\s+)?(?:half|twice|double|a\s+third|a\s+quarter|"
    r"(?:two|three|four|five|ten)\s+times)\s+(?:of|as|the))\b",
    re.IGNORECASE,
)
# "he gets 40 grams every day", "400 millilitres of Panzyga each day": a day's share of a
# course, not the interval between courses
DAILY_AMOUNT_BEFORE = rx.compile(
    r"\b\d[\d,.]*\s*(?:g|grams?|ml|millilit(?:re|er)s?)(?:\s+of\s+\S+(?:\s+\S+){0,2}?)?\s+$",
    re.IGNORECASE,
)
# Regimen attributes, whose statements differ by route for a product given both ways
ROUTED_ATTRIBUTES = frozenset(
    ("dose", "max_dose", "division", "interval", "max_rate", "initial_rate", "rate")
)
BOTH_POPULATIONS = rx.compile(
    r"\badults?\s+(?:and|or|&|vs\.?|versus)\s+children|\bchildren\s+(?:and|or|&|vs\.?|versus)\s+"
    r"adults?",
    re.IGNORECASE,
)
MAX_DOSE_HEADER = rx.compile(
    r"\b(?:max(?:imum)?\.?\s+(?:single\s+|total\s+)?dose|dose\s+(?:cap|limit|ceiling)|cap(?:ped)?)\b",
    re.IGNORECASE,
)
# A value named as the first phase's: never the maintenance that a later clause mentions
LOADING_BEFORE = rx.compile(
    r"\b(?:loading|initial|starting|induction|first)\s+(?:dose|course|infusion)s?\s+(?:of|is|was|=|:)"
    r"\s*(?:about\s+|around\s+)?$",
    re.IGNORECASE,
)
# A table column that says what each row is for: "indication", "condition", "diagnosis", "dx"
INDICATION_HEADER = rx.compile(
    r"(?i)\s*(?:indications?|conditions?|diagnos[ie]s|disease|dx|use|used\s+for)\s*"
)
LOADING_AFTER = rx.compile(
    r"\s*(?:as\s+(?:a|an|the)\s+)?(?:loading|induction)(?:\s+(?:dose|course|infusion)s?)?\b",
    re.IGNORECASE,
)
MANUFACTURE_VERB = rx.compile(
    r"\b(?:produc(?:e|es|ed|ing)|manufactur(?:e|es|ed|ing)|makes?|made|offers?|offered|markets?|"
    r"marketed|provides?|provided|fabricat\w*|"
    r"develop\w*|distribut\w*|sells?|sold|supplies|supplied|owns?|owned|brand|'s|sponsor\w*|"
    # "It comes from a company called Grifols" (not "comes from donated plasma": no maker)
    # ("comes from the Spanish plasma company Grifols")
    r"comes?\s+from\s+(?:a|the)\s+(?:[\w-]+\s+){0,3}?(?:company|firm|manufacturer|maker))\b"
    # "made from plasma", "produced from donated blood": what it is made of, not by whom
    r"(?!\s+(?:from|of|out\s+of)\b)|[’']s\b"
    # "The manufacturer of Privigen is ...", "Grifols, the maker of Gamunex-C"
    r"|\b(?:manufacturers?|makers?|producers?|suppliers?|owners?|marketers?"
    # a leaflet's "Marketing authorisation holder and manufacturer: Instituto Grifols, S.A."
    r"|marketing\s+authori[sz]ation\s+holders?)\b"
    # "Privigen is Grifols' IVIG": a possessive of a name ending in s
    r"|(?<=s)['’](?=\s)"
    # "Privigen is a product of CSL Behring", "is a registered trademark of CSL Behring" (not
    # "like other products of CSL Behring")
    r"|\b(?:is|are|was)\s+(?:an?|one\s+of\s+the)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:products?|brands?|trademarks?)\s+of\b",
    re.IGNORECASE,
)
# "Cuvitru, a 20% product from Takeda," names the maker; "moved from Grifols products" does not.
# "Panzyga, from Octapharma, ...", "Panzyga, by Octapharma, ...": a maker in apposition ("run
# by Grifols for ..." is not).
COMES_FROM_BEFORE = rx.compile(
    r"\b(?:comes?|came)\s+from\s+(?:the\s+)?(?:company\s+|firm\s+)?$", re.IGNORECASE
)
FROM_BEFORE = rx.compile(r"(?:\bfrom|,\s*by)\s+$", re.IGNORECASE)
FROM_AFTER = rx.compile(r"\s*(?:[,;.)]|$|(?:is|are|was|and|which|that|in|for)\b)", re.IGNORECASE)
# What may stand between the products of a maker's line: separators and "and"/"or".
PRODUCT_LIST_GAPS = rx.compile(r"(?:[\s,;/&.]|\band\b|\bor\b)*", re.IGNORECASE)
LABEL_DASH = rx.compile(r"\s*(?:[-–—:]|\()")
# "Takeda's Gammagard Liquid", "Grifols' IVIG, Privigen,", "CSL Behring's 20% SCIG Hizentra".
POSSESSIVE_GAP = rx.compile(
    r"(?:'s|’s|'|’)\s+(?:own\s+|new\s+)?(?:(?:\d+(?:\.\d+)?\s*%\s+)?(?:liquid\s+)?"
    r"(?:IVIG|SCIG|product|brand|immunoglobulin|immune\s+globulin)s?\s*,?\s+)?",
    re.IGNORECASE,
)
# "Privigen by Grifols", "Privigen® by Grifols": the maker straight after the name.
BY_GAP = rx.compile(r"[®™]?\s+by\s+")
MADE_BY_GAP = rx.compile(
    r"[®™]?\s+(?:is|was|are|were)\s+(?:also\s+|now\s+|still\s+)?(?:made|manufactured|produced"
    r"|marketed|supplied|distributed|developed)\s+by\s+(?:the\s+)?(?:company\s+|firm\s+)?"
    r"|[®™]?\s+(?:comes?|came)\s+from\s+(?:the\s+)?(?:company\s+|firm\s+)?",
    re.IGNORECASE,
)
PAREN_BY_GAP = rx.compile(
    r"[®™]?\s*\(\s*(?:(?:made|manufactured|produced|marketed|supplied)\s+)?(?:by|from)\s+",
    re.IGNORECASE,
)
# "Hizentra, which is made by Grifols, ...": a relative clause on the name just before it;
# "Hizentra (the one by Grifols)", "Cuvitru, that one's from CSL Behring too" (spoken).
WHICH_BY_GAP = rx.compile(
    # "Octagam 10%, a product of Grifols"
    r"[®™]?\s*,\s*(?:also\s+)?(?:an?|the|another)\s+(?:[\w-]+\s+)?(?:product|brand|medicine)\s+"
    r"(?:of|from)\s+(?:the\s+)?|"
    r"[®™]?\s*(?:\(\s*|,\s*)(?:the|that)\s+one(?:\s+(?:is|was)|['’]s)?\s+(?:made\s+)?(?:by|from)\s+"
    r"(?:the\s+)?|"
    r"[®™]?\s*,?\s*(?:which|that)\s+(?:is|was|are|were|has\s+been|have\s+been)\s+"
    r"(?:also\s+|now\s+|still\s+|currently\s+|originally\s+)?"
    r"(?:made|manufactured|produced|developed|marketed|supplied|distributed|sold)\s+"
    r"(?:in\s+the\s+\w+\s+)?by\s+(?:the\s+)?(?:company\s+|firm\s+|manufacturer\s+)?|"
    # "Gammagard Liquid, which is from Grifols as well"
    r"[®™]?\s*,?\s*(?:which|that)\s+(?:is|was|are|were)\s+(?:also\s+)?from\s+(?:the\s+)?"
    r"(?:company\s+|firm\s+)?",
    re.IGNORECASE,
)
# Before a maker: the product is one of its products ("The Grifols product Privigen").
MAKER_NOUN_GAP = rx.compile(r"\s+(?:products?|brands?|IVIG|SCIG)\s+", re.IGNORECASE)
LIST_SEP = rx.compile(r"[®™]?\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|\s*&\s*)")
# "Grifols, who make Cuvitru", "Takeda, which manufactures Gammagard Liquid": the maker first
ALSO_MAKES = rx.compile(
    r"\b(?:who|which|that)\s+also\s+(?:make|made|manufactur|produc)", re.IGNORECASE
)
MAKER_WHO_MAKES_GAP = rx.compile(
    r"\s*,?\s*(?:who|which|that)\s+(?:also\s+)?(?:make|makes|made|manufactures?|manufactured"
    r"|produces?|produced)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?",  # "the home-infusion product X"
    re.IGNORECASE,
)
ACRONYM = rx.compile(r"^[A-Z]{2,5}$")
ROUTE_BLOCK_BEFORE = rx.compile(
    r"(?:\bfrom|\bthan|\bto|\bversus)\s+(?:an?\s+|the\s+)?$"
    # "far larger than what can be given under the skin", "too large to give under the skin"
    r"|\bthan\s+(?:what|that|is)\s+(?:[\w-]+\s+){0,3}$|\btoo\s+[\w-]+\s+to\s+(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
ROUTE_APPOSITION_GAP = rx.compile(
    r"^[\s,]*(?:(?:is|was|remains|,)\s+)?(?:an?|the)\s+(?:[\w%.-]+\s+){0,3}$", re.IGNORECASE
)
# A route that is not the product's: what a patient had before, needs no longer, or avoids
# ("Hizentra avoids the need for intravenous access", "people who used intravenous products").
ROUTE_OTHER_BEFORE = rx.compile(
    r"\b(?:need\s+for|needing|avoid\w*|spar\w*|instead\s+of|after|before|previous(?:ly)?|"
    r"prior|former(?:ly)?|had|were\s+(?:treated|given|on)|switch\w*|who(?:\s+\w+){1,2})"
    r"\s+(?:an?\s+|the\s+|their\s+)?$",
    re.IGNORECASE,
)
ROUTE_OTHER_AFTER = rx.compile(
    r"\s+(?:access|lines?|catheters?|ports?|needles?|cannula\w*|induction|loading|"
    r"antibiotics?|fluids?|drugs?|medications?|medicines?|steroids?|iron|hydration|saline|"
    r"contrast|nutrition|antivirals?|chemotherapy)\b",
    re.IGNORECASE,
)
ROUTE_DOSE_AFTER = rx.compile(r"\s+(?:doses?|dosing|equivalent)\b", re.IGNORECASE)
DETERMINER_BEFORE = rx.compile(
    r"\b(?:the|your|their|his|her|its|this|that|previous|prior|monthly|weekly|total)\s+$",
    re.IGNORECASE,
)
# A relative clause about a condition or a setting, with a subject of its own
WHERE_CLAUSE = rx.compile(r",\s*where\s+(?!it\b|they\b|this\b)", re.IGNORECASE)
# "far larger than what can comfortably be given under the skin": a route in the standard of a
# comparison is what could be done, not what the product is given by
THAN_WHAT = rx.compile(
    r"\bthan\s+(?:what|anything\s+that|could|can|would|is\s+(?:possible|practical))\b",
    re.IGNORECASE,
)
# "can be given IV or SC": after a verb of giving, the acronyms IV and SC are routes.
COLUMN_GAP = rx.compile(r"[ \t]*\.{2,}[ \t]*|[ \t]{3,}")
PERCENT_SLOT = rx.compile(
    r"\s*\d+(?:\.\d+)?\s*%(?:\s*(?:or|and|&|/)\s*\d+(?:\.\d+)?\s*%)*\s*[.]?\s*", re.IGNORECASE
)
ROUTE_SLOT = rx.compile(
    r"\s*(?:IV|SC|SQ)(?:\s*(?:or|and|&|\+|/)\s*(?:IV|SC|SQ))*(?:\s+only)?\s*[.]?\s*", re.IGNORECASE
)
# "IV only", "intravenously only", "IV-only"; "can only be given into a vein", "only by vein"
# (not "under the skin only for primary immunodeficiency": "only" limits the use, not the route)
ROUTE_ONLY_AFTER = rx.compile(
    r"[ \t]*-?[ \t]*only\b(?!\s+(?:for|in|when|if|to|with|after|at|during|as|by|under|where)\b)",
    re.IGNORECASE,
)
ROUTE_ONLY_BEFORE = rx.compile(
    r"\bonly\s+(?:(?:be\s+)?(?:given|administered|infused|used|injected)\s+|(?:go|goes|run|runs"
    r"|be\s+run|be\s+put)\s+(?:(?:in)?to\s+)?)?"  # "can only go into a vein"
    r"(?:(?:as|by|via|through)\s+(?:an?\s+)?)?$",
    re.IGNORECASE,
)
ROUTE_VERB_BEFORE = rx.compile(
    r"\b(?:(?:given|administered|infused|delivered|injected|used)\s+"
    r"(?:(?:as|by|via|through)\s+(?:an?\s+)?)?"
    # "she gets Cuvitru through an IV", "which he now receives by IV"
    r"|(?:gets?|getting|got|receives?|receiving|received)\s+(?:[\w-]+\s+)?"
    r"(?:as|by|via|through)\s+(?:an?\s+)?)"
    r"(?:(?:IV|SC)\s*(?:or|and|/)\s*)?$",
    re.IGNORECASE,
)
# "by IV infusion", "an SC injection": the acronym naming how something is given.
ROUTE_ACRONYM_AFTER = rx.compile(
    r"\s*(?:infusions?|injections?|drips?|administration|route)\b", re.I
)
# "Hizentra (IV)": an acronym in parentheses straight after the name.
ROUTE_PAREN_GAP = rx.compile(r"[®™]?\s*\(\s*")
# "Privigen is a CSL Behring product", "Privigen, a CSL Behring brand, ...".
MAKER_APPOSITION_GAP = rx.compile(
    # ", a CSL Behring product", " – a CSL Behring product –", " is a CSL Behring product"
    r"[®™]?\s*(?:(?:,|\s[–—-])\s*(?:also\s+)?(?:an?|the|another)\s+|\s(?:is|was|are|were)\s+"
    r"(?:(?:also|likewise|too)\s+)?(?:(?:an?|the|both|another)\s+)?)"
)
MAKER_APPOSITION_AFTER = rx.compile(
    r"(?:['’]s?)?\s+(?:\d+(?:\.\d+)?\s*%\s+)?"
    # "a Grifols subcutaneous product"
    r"(?:(?:subcutaneous|intravenous|IV|SC|liquid|plasma|immunoglobulin)\s+)?"
    r"(?:products?|brands?|medicines?|medications?|"
    r"immunoglobulins?|immune\s+globulins?|IVIGs?|SCIGs?)\b",
    re.IGNORECASE,
)
# A unit shaped as a field of a product page: an attribute label or a making/giving verb first.
FIELD_LEAD = rx.compile(
    r"\W*(?:(?:protein\s+)?concentration|strength|manufacturer|maker|company|made\s+by|"
    r"manufactured\s+by|produced\s+by|stabili[sz]ers?|stabili[sz]ed\s+with|contains|route|"
    r"administration|administered|given|infused|IgA(?:\s+content)?|sugar|"
    r"dose|dosing|formulation|"
    # a card's "How it is given  Into a vein"
    r"(?:how|the\s+way)\s+(?:it\s+is|it['’]s|to\s+be)\s+(?:given|infused|administered)|"
    # a leaflet's "What X contains": "- The other ingredients are ...", "- The content of IgA"
    r"(?:the\s+)?(?:other|active)\s+(?:ingredients?|components?|excipients?|constituents?"
    r"|substances?)|(?:the\s+)?content\s+of\s+IgA)\b",
    re.IGNORECASE,
)
FINITE_VERB = rx.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|can|may|might|should|must|will|would|do|does|"
    r"did|need|needs|make|makes|contain|contains|include|includes|use|uses|get|gets|cause|"
    r"causes|help|helps|work|works|mean|means)\b|[?]",
    re.IGNORECASE,
)
# A heading about something other than the product it names, and a bullet comparing it with
# others ("- Half the volume of 5% products", "- 79% vs 44% response"): no fields of it.
HEADING_NOT_ABOUT = rx.compile(
    r"\b(?:alternatives?|shortages?|vs\.?|versus|compar\w*|switch\w*|instead|other|replac\w*|"
    r"substitut\w*|like|unlike|similar)\b",
    re.IGNORECASE,
)
FRAGMENT_NOT_FIELD = rx.compile(
    r"\b(?:from|than|vs\.?|versus|volume|alternatives?|instead|compared|response|responders?|"
    r"like|unlike|other|placebo)\b",
    re.IGNORECASE,
)
# "- Ask about 5% options": advice to the reader, not a field of the product above.
IMPERATIVE_START = rx.compile(
    r"\W*(?:ask|talk|tell|see|call|check|discuss|consider|avoid|choose|compare|read|learn|find|"
    r"keep|store|take|give|use|get|speak|contact|visit|follow|let|make|try|look|note|remember)\b",
    re.IGNORECASE,
)
MAKER_FIELD = rx.compile(r"\W*(?:manufacturer|maker|company)\s*:", re.IGNORECASE)
TITLE_PUNCTUATION = " \t*_:;,.()[]-–—"
# "2,800 mL of the 5% product" (an amount of the product the strength names; not "two bags of
# the 20% Privigen", which says Privigen is 20%)
AMOUNT_OF_BEFORE = rx.compile(
    r"\b(?:ml|millilit(?:er|re)s?|lit(?:er|re)s?|vials?|bottles?|bags?|grams?|g)\s+of\s+"
    r"(?:an?\s+|the\s+)?$",
    re.IGNORECASE,
)
GENERIC_PRODUCT_AFTER = rx.compile(
    r"\s*(?:products?|solutions?|ones?|preparations?|formulations?|versions?|strengths?|liquids?)\b",
    re.IGNORECASE,
)
# Before a condition that a figure is compared with: "a faster rate than in dermatomyositis"
COMPARED_CONDITION_BEFORE = rx.compile(
    r"(?:\bthan\s+(?:it\s+is\s+|they\s+are\s+)?(?:(?:in|for|with)\s+)?(?:(?:adults?|people|patients"
    r"|children)\s+with\s+)?(?:(?:adult|juvenile)\s+)?"
    # "about five times the replacement dose", "3× the DM ceiling"
    r"|(?:\btimes|\d\s?[×x])\s+(?:the|a)\s+"
    # "up to 12 mg/kg/min, NOT the DM max"
    r"|\bnot\s+(?:the|for|in)\s+)$",
    re.IGNORECASE,
)
# A quiz's prompt ("2. True or false: Gamunex-C is a 5% solution.") and its answer options
# ("a) maltose  b) glycine  c) L-proline"): asked, not stated
QUIZ = rx.compile(
    # ("**7. TRAINER:** True or false: ...": a drill's numbered speaker first)
    r"^\W*(?:(?:q(?:uestion)?\s*)?\d+[.):]\s*)?(?:[a-z][\w-]{1,20}\s*:\W*)?"
    r"(?:true\s+or\s+false|t\s*/\s*f)\b"
    r"|(?:^|\s)\(?a[).]\s.*?\s\(?b[).]\s",
    re.IGNORECASE,
)
# A sentence that asks ("Is Privigen a 5% solution?") states nothing.
# The lead-in of a quoted piece of hearsay: "Someone in another group wrote:", "A friend told
# me:", "I read on Facebook:" (not a clinician's or a label's words, which stay statements)
HEARSAY_QUOTE_LEAD = rx.compile(
    r"\b(?:some(?:one|body)|a\s+(?:friend|neighbou?r|relative|mum|mom|dad|parent|member|poster)"
    r"|(?:another|other)\s+(?:parents?|mums?|moms?|members?|patients?|people|group)|people"
    r"|facebook|a\s+(?:forum|post|website|blog|group))\b[^.!?\n]{0,60}"
    r"\b(?:wrote|posted|said|says|told\s+(?:me|us|her|him)|claimed|commented)\s*:\s*$",
    re.IGNORECASE,
)
# "Is that right?", "Is this true?" right after what someone or something says
IS_THAT_RIGHT = rx.compile(
    r"[\s*_\"“]*(?:(?:is|was)\s+(?:that|this|it|s?he)|are\s+they)\s+(?:really\s+)?"
    r"(?:right|true|correct|accurate|so)"
    r"\s*\?",
    re.IGNORECASE,
)
REPORTING_VERB = rx.compile(
    r"\b(?:says|said|states|stated|claims|claimed|wrote|writes|reads|suggests|mentions"
    r"|mentioned|told\s+(?:me|us|her|him))\b",
    re.IGNORECASE,
)
# Any "Label: value" line of a card (see _Extractor.field_title)
ANY_FIELD = rx.compile(r"[\W_]*[A-Za-z][\w ()/&-]{0,30}:[ \t]*\S")
WITH_BEFORE = rx.compile(r"\b(?:with|than)\s+$", re.IGNORECASE)
# What may stand before an answer's first word: "A:", "Answer -", markup
ANSWER_LABEL = rx.compile(r"[\s*_]*(?:(?:A|Answer)[ \t]*[:.)–-][\s*_]*)?")
QUESTION_END = rx.compile(r"\?[\"'”’)\]*_]*(?:\[[^\]]*\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)*[*_]*\s*$")
# "the next course starts six weeks later": a duration after the next course's mention is the
# interval between courses ("your next infusion is in 6 weeks" is an appointment).
NEXT_COURSE = rx.compile(
    r"\b(?:next|following)\s+(?:(?:ivig|scig|immunoglobulin|ig)\s+)?"
    r"(?:course|infusion|dose|cycle|treatment|round)\b",
    re.IGNORECASE,
)
LATER_AFTER = rx.compile(
    r"\s*(?:later\b|after\s+(?:the|that|this|your)\s+(?:first|last|previous|one|start|course|"
    r"infusion|dose|cycle)\b)",
    re.IGNORECASE,
)
# "given over one day or several": the figure is one end of an open choice, not a regimen
VAGUE_ALTERNATIVE = rx.compile(
    r"\s*,?\s*or\s+(?:several|more|longer|many|a\s+few|a\s+number)\b", re.IGNORECASE
)
# An answer's opening word: "Yes, in the sense that ... It is a 20% solution."
ANSWER_LEAD = rx.compile(
    r"\W*(?:yes|no|yep|nope|not\s+really|correct)\b\s*[,.;:!—–-]", re.IGNORECASE
)
# A product as the object of giving: "she infuses it", "we give it", "they run it"
OBJECT_IT = rx.compile(
    r"\b(?:gives?|giving|gave|infus(?:es|ed|e|ing)|injects?|injected|injecting|administers?"
    r"|administered|runs?|ran|running|puts?|putting)\s+it\b",
    re.IGNORECASE,
)
# "(Hizentra or Cuvitru, both CSL Behring)": the maker of the products listed right before
BOTH_MAKER_APPOSITION = rx.compile(
    r",\s*both\s+(?:(?:made|manufactured|produced)\s+by\s+|from\s+)?$", re.IGNORECASE
)
# "...; both are made by CSL Behring": the maker of the two products named before
BOTH_MADE_BY = rx.compile(
    r"\bboth(?:\s+of\s+them|\s+products|\s+brands)?\s+(?:are|were|come|came)\s+(?:(?:made|manufactured"
    r"|produced|supplied|marketed)\s+by|from)\s+(?:the\s+same\s+company,?\s+)?$",
    re.IGNORECASE,
)
LIKE_BEFORE = rx.compile(
    r"\b(?:like|unlike|as\s+with|similar\s+to|as\s+does|as\s+is)\s+(?:the\s+|its\s+sister\s+)?$",
    re.IGNORECASE,
)
# After a comma, a clause with a subject of its own: "..., the Octagams use maltose"
NEW_SUBJECT_AFTER_COMMA = rx.compile(
    r"\s*(?:and\s+)?(?:the|a|an|their|its|our|most|some|both|all|other)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:use|uses|contain|contains|is|are|has|have|come|comes|carry|carries)\s",
    re.IGNORECASE,
)
WORKING_COLUMN = rx.compile(
    r"\b(?:working|calculation|sum|result|example|you|your|patient)\b", re.IGNORECASE
)
LABEL_SAYS = rx.compile(r"\blabel(?:l?ed)?\b|\bprescribing\s+information\b", re.IGNORECASE)
UNIT_EQUIVALENT_AFTER = rx.compile(
    r"\s*(?:is\s+(?:the\s+same\s+as|equivalent\s+to|equal\s+to)|equals|=)\s*[\d.,]+\s*(?:mg|g)\s*/\s*kg",
    re.IGNORECASE,
)
# "A figure of 1 g/kg does appear on the label, but for another condition": a number talked
# about, not a dose given
FIGURE_OF_BEFORE = rx.compile(
    r"\b(?:a|the|that|this)\s+(?:figure|number|value)\s+(?:of\s+)?$", re.IGNORECASE
)
# "1 g/kg is half the labelled course": a value measured against another, not a regimen
COMPARED_VALUE_AFTER = rx.compile(
    r"\s+(?:is|was|would\s+be)\s+(?:only\s+|just\s+|about\s+|roughly\s+)?(?:half|twice|double"
    r"|a\s+(?:third|quarter|fraction)\s+of|(?:much\s+|far\s+)?(?:less|more|lower|higher|smaller"
    r"|larger)\s+than)\s+(?:the|a|an|your|what)\b",
    re.IGNORECASE,
)
UNIT_EQUIVALENT_BEFORE = rx.compile(
    r"(?:mg|g)\s*/\s*kg\s*(?:is\s+(?:the\s+same\s+as|equivalent\s+to|equal\s+to)|equals|=)\s*$",
    re.IGNORECASE,
)
IF_CLAUSE = rx.compile(r"\W*if\s", re.IGNORECASE)
MG_DOSE_BEFORE = rx.compile(
    r"\b\d+(?:\.\d+)?\s*(?:mg|micrograms?|mcg)\b(?!\s*/)[\s,]*$"
    # "8 tablets (20 mg) by mouth ONCE A WEEK": a drug taken by mouth
    r"|\b(?:tablets?|capsules?|pills?)\b[^.;]{0,25}?\b(?:by\s+mouth|orally)[\s,]*$",
    re.IGNORECASE,
)
TITLE_WORD_BEFORE = rx.compile(r"(?-i:[A-Z])[\w'’-]*\s+(?:&\s+(?-i:[A-Z])[\w'’-]*\s+)?$")
WHAT_CONTAINS = rx.compile(
    r"\W*(?:\d+(?:\.\d+)*\.?\s*)?what\s+[^.?!\n]{2,60}?\s+contains?\W*", re.IGNORECASE
)
# A quiz's verdict on an option: "**Wrong:** ...", "(incorrect)", "- False.", "Correct."
WRONG_VERDICT = rx.compile(
    r"[\s*_(\[]*(?:wrong|incorrect|false|not\s+correct)\b[\s*_)\]]*[:.!–—-]", re.IGNORECASE
)
ANY_VERDICT = rx.compile(
    r"[\s*_(\[]*(?:wrong|incorrect|false|not\s+correct|correct|right|true)\b[\s*_)\]]*[:.!–—-]",
    re.IGNORECASE,
)
# An answer sheet's lettered option ("A. 1 g/kg every 4 weeks ✘"), its cross and its tick
LETTER_OPTION = rx.compile(r"(?:^|(?<=[\s>?:.!✘✗❌✔✓✅)]))\(?(?P<letter>[A-Ea-e])[.)]\s")
CROSS_IN_OPTION = rx.compile(r"[✘✗❌]")
OPTION_VERDICT = rx.compile(r"[✘✗❌✔✓✅]")
STRUCK_OUT = rx.compile(r"~~(?=\S)[^~]{1,2000}?~~")  # Markdown strikethrough
CROSS_REASON = rx.compile(r"\s*\([^()]*\)")
TICK = rx.compile(r"[✔✓✅]")
# An option's letter anywhere in a unit: "? a) ...", "(b) ..."
OPTION_MARK = rx.compile(r"(?<![\w(])\(?[a-eA-E]\)\s")
# A quiz's answer option ("- a) 0.4 g/kg", "(b) every 2 weeks"): offered, not stated.
QUIZ_OPTION = rx.compile(r"^\W*\(?[a-eA-E][).]\s")
# A question about a made-up case ("If my dose is 2 g/kg every 4 weeks, what would that be
# weekly?"): its answer is arithmetic, not a regimen or a product's attribute.
HYPOTHETICAL_QUESTION = rx.compile(r"\b(?:if|suppose|imagine|were|would|could)\b", re.IGNORECASE)
# What a question asks about, per attribute: its answer's bare value ("How concentrated is
# Gamunex-C?" / "A 5% solution.") is then the asked product's (see _Extractor.asked_product).
_ASKED_STABILIZER = rx.compile(
    r"\b(?:stabili[sz]\w*|sugars?|ingredients?|contains?|made\s+with|excipients?)\b", re.IGNORECASE
)
ASKED = {
    "concentration": rx.compile(
        r"\b(?:concentrat\w*|strengths?|strong|percent(?:age)?)\b|%", re.IGNORECASE
    ),
    "stabilizer": _ASKED_STABILIZER,
    "sugar": _ASKED_STABILIZER,
    "route": rx.compile(
        r"\b(?:given|taken|administered|infused|routes?|veins?|skin|inject\w*)\b", re.IGNORECASE
    ),
    "iga": IGA_WORD,
    "manufacturer": rx.compile(
        r"\bwho\s+(?:makes|made|manufactures|produces)\b|\bmade\s+by\b|\bmanufactur\w*"
        r"|\bmakers?\b|\bcompany\b",
        re.IGNORECASE,
    ),
}
# An indirect question up to the value ("ask whether Privigen is a 5% solution") states nothing
# either; "Privigen, whether given at home or in hospital, is ..." still does.
WHETHER = rx.compile(r"\bwhether\b", re.IGNORECASE)
DASH_BREAK = rx.compile(r"\s[–—-]\s")
# "a 5% product", "any 10% solution", "other 5% products": a kind of product, not one.
GENERIC_BEFORE = rx.compile(r"(?:^|\W)(?:an?|any|other|some|every|each)\s+$", re.IGNORECASE)
# "A 10% solution, Privigen ...": the product right after the phrase, in apposition.
APPOSITION_GAP = rx.compile(r"(?:\s+[\w-]+){0,3}\s*[,:–—-]\s*(?:the\s+)?")
TABLE_HEADERS = {
    # "%" alone heads a concentration column; "Headache (%)" or "Response rate (%)" does not
    "concentration": rx.compile(
        r"concentrat|strength|\bconc(?:\b|_)|^\W*(?:%|percent|per\s+cent)\W*$", re.IGNORECASE
    ),
    "stabilizer": rx.compile(r"stabili[sz]", re.IGNORECASE),
    "manufacturer": rx.compile(
        r"manufactur|maker|company|supplier|made\s+by|producer", re.IGNORECASE
    ),
    "route": rx.compile(r"route|administ|given", re.IGNORECASE),
    "iga": rx.compile(r"\bIgA\b", re.IGNORECASE),
}

REGIMEN_CUE = rx.compile(
    r"\b(?:dos(?:e|ed|es|ing|age|ages)|infus(?:ed|e|es|ing)|treated|cycles?|courses?|given|prescribed|split|"
    r"divided|labell?ed\s+intervals?|"
    # not as a word for people or places: "infusion professionals who care for people with
    # dermatomyositis every day", "the therapy team meets every week"
    # (a place for infusions still is: "split over six days at the infusion suite")
    r"(?:infusions?|treatments?|therap(?:y|ies))(?!\s+(?:nurses?|professionals?|staff|teams?|"
    r"specialists?|providers?|pharmacists?|compan(?:y|ies))\b)|"
    r"administered|repeated|scheduled|receives?|gives?|giving|ivig|igiv|scig|immunoglobulins?|induction|maintenance|regimens?|"
    r"protocols?|schedules?"
    # a prescription in a clinical note: "Rx 1 g/kg/day x 4 days"
    r"|(?-i:Rx))\b",
    re.IGNORECASE,
)
# Before a dose: it is one day's share of a course ("each daily infusion is 0.4 g/kg", "split
# into 5 daily infusions of 0.4 g/kg", "the daily dose should not exceed 1 g/kg").
DAILY_SHARE_BEFORE = rx.compile(
    r"(?:\b(?P<days>\d{1,2}|two|three|four|five|six|seven)\s+(?:daily\s+|consecutive\s+daily\s+|"
    r"equal\s+|separate\s+)?(?:infusions|doses)\s+of|\b(?:each|per|a|the|one)\s+"
    r"(?:daily\s+(?:infusion|dose)|infusion\s+day|day['’]s\s+(?:infusion|dose)|single\s+day)|"
    r"\bdaily\s+doses?(?:\s+of)?|\beach\s+day\s*:|\bon\s+day\s+\d|"
    r"\bon\s+(?:any|a|one)\s+(?:single\s+)?day)\b[^.;]{0,30}?$",
    re.IGNORECASE,
)
# "as two 1 g/kg doses": the count before the dose, "doses" after it
COUNT_BEFORE_DOSE = rx.compile(r"\b(?P<days>\d|two|three|four|five)\s+$", re.IGNORECASE)
DOSES_AFTER = rx.compile(r"\s+(?:daily\s+)?(?:doses|infusions)\b", re.IGNORECASE)
# "1 g/kg is given on two consecutive days": the course, or each day's share (as the quantity
# grammar's "1 g/kg on two consecutive days")
GIVEN_ON_DAYS_AFTER = rx.compile(
    r"\s+(?:is|are)\s+(?:given|infused|administered)\s+(?:on|for)\s+"
    r"(?P<days>\d|two|three|four|five)\s+(?:consecutive\s+)?days\b",
    re.IGNORECASE,
)
# "1 g/kg (10 mL/kg) on each of two consecutive days": a day's share, past a bracketed gloss
EACH_DAY_AFTER = rx.compile(
    # (a bracket, and a worked total: "1 g/kg (10 mL/kg) = 70 g (700 mL), day 1 of 2 ...")
    r"(?:\s*\([^()]{1,30}\))?(?:\s*=\s*[^,;=]{1,30}?,)?"
    r"\s+(?:on\s+each\s+of|each\s+day\s+for|daily\s+for|a\s+day\s+for"
    r"|per\s+day\s+for"
    # "1 g/kg (10 mL/kg) day 1 of 2 consecutive days" (a handover note's day count)
    r"|(?:on\s+)?day\s+\d\s+of)\s+(?:(?:the|her|his|their|your|my)\s+)?(?P<days>\d|two|three|four|five)"
    # ("on each of her four infusion days")
    r"\s+(?:(?:consecutive|infusion|treatment|dosing)\s+)?days\b",
    re.IGNORECASE,
)
SUBCUTANEOUS_WORDS = rx.compile(
    r"\b(?:SCIG|subcutaneous(?:ly)?|under\s+the\s+skin|sub-?Q"
    # where SCIG goes in: "into the tummy or thigh with a small pump"
    r"|into\s+(?:the|your|their|his|her)\s+(?:tummy|belly|abdomen|thigh)s?)\b",
    re.IGNORECASE,
)
INTRAVENOUS_TITLE = rx.compile(r"\b(?:IVIG|IV|intravenous(?:ly)?|into\s+a\s+vein)\b", re.IGNORECASE)
# "1.2 g/kg of protein a day", "1.8 g/kg of maltose": a dose of something else
DOSE_OF_OTHER = rx.compile(
    r"\s+of\s+(?!(?:IVIG|SCIG|IgG|immuno|immune|the\s+(?:product|medicine|drug)|it\b|body\b))"
    r"[a-z]",
    re.IGNORECASE,
)
REGIMEN_HEADER = rx.compile(
    r"\b(?:dos(?:e|es|ing|age)|intervals?|frequency|schedule|regimens?|how\s+often)\b",
    re.IGNORECASE,
)
# A trial's dose, a hypothetical or an example is not a recommendation the article makes.
NOT_A_REGIMEN = rx.compile(
    # ("Hizentra, for example, is infused once a month" picks an example product: a claim)
    r"\b(?:trials?|placebo|randomi[sz]ed|participants|enrolled|cohort|hypothetical(?:ly)?|"
    # "The protocol was a 2 g/kg loading dose ...": a trial's design, in the past
    r"(?:the|its|their|trial|study)\s+protocol\s+(?:was|were|used|called\s+for)|"
    # "Over a year ... a 3-weekly 1 g/kg plan adds up to about 17 g/kg": a year's total (a
    # course "adds up to 2 g/kg" still states the course)
    r"over\s+a\s+(?:whole\s+)?year|"
    # "That would be 10 g/kg per course": the arithmetic of a wrong reading
    r"(?:that|this|which|it)\s+would\s+(?:be|mean|give|come\s+to|make|amount\s+to|total)|"
    # "the attending deliberately prescribed 1 g/kg to a patient who ...": one patient's order
    r"(?:prescribed|gave|ordered)\s+(?:[\w/.-]+\s+){1,3}to\s+(?:a|one|that|this)\s+patient|"
    r"(?<![\w%)®™],\s)for\s+example|"
    r"e\.g\.|suppose|imagine|worked(?!\s+out)|would\s+(?:receive|get|need)|were\s+given|received|investigators?|"
    # ("Dose check: ..." is a label, not monitoring)
    r"(?:re-?)?assess\w*|monitor\w*|check\w*(?!\s*:)|review\w*|(?:re-?)?evaluat\w*|measur\w*|"
    r"test(?:s|ed|ing)?|visits?|extension|stud(?:y|ies)|could\s+receive|raises?|"
    r"physiotherap\w*|physical\s+therap\w*|occupational\s+therap\w*|speech\s+therap\w*|"
    r"pharmac(?:y|ies|ist)|deliver\w*|prescriptions?|renew\w*|donat\w*|donors?|"
    r"supplies|when\s+(?:more|less|higher|lower|over|above|under)|"
    r"follow-ups?|scans?|blood\s*work|appointments?|exams?|examinations?|"
    # "weekly dose = 1.37 x the previous IV dose / weeks between doses": a conversion
    r"convert\w*|conversion|previous\s+(?:iv|intravenous|ivig)\s+doses?|1\.37|"
    # one patient's dose changed over time: "Dr Patel reduced Graham's dose to 1 g/kg", "his
    # dose was later reduced to", "He now receives 1 g/kg" (a dose stated as someone's, "her
    # dose is 1 g/kg", is still read: readers take it as the dose)
    r"(?:reduc|lower|increas|chang|cut|adjust|taper|dropp|decreas|rais)\w*\s+(?:\w+['’]s|his|her"
    r"|my|our|their)\s+doses?|"
    r"doses?\s+(?:was|were|has\s+been|had\s+been)\s+(?:later\s+|then\s+|gradually\s+|slowly\s+)?"
    r"(?:reduced|lowered|tapered|cut|dropped|decreased|increased|raised)|"
    r"(?:he|she|i)\s+now\s+(?:receives?|gets?|takes?|has))\b"
    # "If the dose were ...": hypothetical; "If you take Octagam 10%, ..." addresses the reader
    r"|^\s*if\b(?!\s+you\s+(?:take|are\s+(?:on|taking|given|prescribed|using)|get|receive|use"
    r"|have\s+been\s+(?:prescribed|given))\b"
    # "If your neurologist prescribes Gamunex-C for CIDP, the dose is ..."
    r"|\s+your\s+\w+\s+(?:prescribes|recommends|chooses|orders|starts)\b)",
    re.IGNORECASE,
)
# Advice that follows a statement: "..., so please check the refill dates"
ADVICE_AFTER = rx.compile(
    r",?\s+(?:so|and)\s+(?:please\s+)?(?:check|ask|remember|make\s+sure|call|book|plan|keep|"
    r"note|tell|let)\b"
    # another subject's clause: "..., and your consultant reviews the plan every few months"
    r"|,\s+and\s+(?:your|the|a|an|our|their|his|her)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:reviews?|checks?|monitors?|assess(?:es)?|measures?|tests?|sees?|will)\b"
    # a note's tail: "..., check with paeds re: echo before d/c"
    r"|[,;]\s+(?:please\s+)?(?:check|confirm|ask|call)\s+(?:with|the|your|if|whether)\b"
    # a comment on the schedule: "..., which keeps each visit short"
    r"|,\s+which\s+(?:keeps|makes|means|helps|lets|gives|saves|shortens|spreads)\b",
    re.IGNORECASE,
)
# Other treatments of the same patients: a dose, schedule or price of one of these is not
# IVIG's ("methotrexate once a week", "prednisone 1 mg/kg per day", premedication).
OTHER_THERAPY_WORDS = (
    *("prednisone", "prednisolone", "methylprednisolone", "dexamethasone", "hydrocortisone"),
    *("steroid", "steroids", "corticosteroid", "corticosteroids", "glucocorticoid"),
    *("glucocorticoids", "methotrexate", "mtx", "mycophenolate", "mmf", "azathioprine"),
    *("cyclophosphamide", "cyclosporine", "ciclosporin", "tacrolimus", "sirolimus", "rituximab"),
    *("hydroxychloroquine", "leflunomide", "tofacitinib", "baricitinib", "ruxolitinib"),
    *("abatacept", "infliximab", "etanercept", "adalimumab", "acetaminophen", "paracetamol"),
    *("ibuprofen", "diphenhydramine", "cetirizine", "antihistamine", "antihistamines"),
    *("epinephrine", "adrenaline", "aspirin", "heparin", "furosemide", "salbutamol"),
    *("heparin", "saline", "ondansetron", "zofran", "ketorolac", "famotidine", "ranitidine"),
    *("enoxaparin", "tylenol", "benadryl", "advil", "motrin", "aspirin", "loratadine"),
    *("montelukast", "fexofenadine"),
    # a care home's other regular medicines: "Weekly alendronic acid given this morning"
    *("alendronic", "alendronate", "risedronate", "bisphosphonate", "insulin", "metformin"),
    *("omeprazole", "lansoprazole", "folic", "colecalciferol", "cholecalciferol"),
)
# A table header naming another treatment (its column's or row's figures are not IVIG's)
OTHER_THERAPY_HEADER = rx.compile(
    r"\b(?:" + "|".join(re.escape(w) for w in OTHER_THERAPY_WORDS) + r"|plasma\s+exchange"
    r"|plasmapheresis|PLEX|steroids?)\b",
    re.IGNORECASE,
)
# Found as whole words by one Aho-Corasick scan of the lower-cased unit, once per unit.
_OTHER_THERAPY = Literals(OTHER_THERAPY_WORDS)
OTHER_THERAPY_AFTER = rx.compile(
    r"\s*(?:(?:per|a|/)\s*day\s+)?(?:of\s+)?(?:oral\s+|intravenous\s+|IV\s+)?(?=\w)", re.IGNORECASE
)
IVIG_WORD = rx.compile(
    r"\b(?:ivig|igiv|scig|immuno-?globulins?|immune\s+globulins?|gamma\s*globulins?)\b",
    re.IGNORECASE,
)
INCIDENCE_CUE = rx.compile(
    r"\b(?:affects?|affecting|affected|incidence|occurs?|occurring|cases?|diagnosed|develops?|annual(?:ly)?|"
    r"each\s+year|per\s+year|a\s+year|every\s+year|rate)\b",
    re.IGNORECASE,
)
# A table column of incidence figures: "Yearly incidence", "New cases per year" (not "How
# many people it may affect": a side effect's frequency)
INCIDENCE_HEADER = rx.compile(
    r"\b(?:incidence|new\s+cases|(?:cases|diagnos[a-z]*)\s+(?:per|a|each)\s+year)\b", re.IGNORECASE
)
PREVALENCE_CUE = rx.compile(
    r"\b(?:prevalence|prevalent|living\s+with|currently\s+(?:have|live))\b", re.IGNORECASE
)
# The words that call a figure an incidence outright (INCIDENCE_CUE also takes "affects")
INCIDENCE_WORD = rx.compile(
    r"\b(?:incidence|new\s+cases|newly\s+diagnosed|new\s+diagnos[ie]s|onset)\b", re.IGNORECASE
)
REGIMEN_KINDS = {"dose", "max_dose", "division", "interval", "infusion_rate"}
# A rate in a trial or an example is no claim (see NOT_A_REGIMEN, which is wider for doses)
RATE_NOT_CLAIMED = rx.compile(
    r"\b(?:trials?|placebo|randomi[sz]ed|participants|enrolled|cohort|hypothetical(?:ly)?|"
    r"for\s+example|e\.g\.|suppose|imagine)\b",
    re.IGNORECASE,
)
MAX_RATE_BEFORE = rx.compile(
    r"\b(?:max(?:imum)?|fastest|highest|top|up\s+to|(?:not|never)\s+(?:to\s+)?exceed\w*|"
    r"cap(?:ped|s)?\s+(?:it\s+|the\s+(?:infusion\s+|pump\s+)?rate\s+)?at|limit(?:ed|s)?\s+"
    r"(?:(?:it|the\s+(?:infusion\s+|pump\s+)?rate)\s+)?(?:of|to)|ceiling\s+(?:of|at)|"
    # "the label ceiling for dermatomyositis is 6", "never pushed past 4.8 mL/kg per hour"
    r"(?:label|labelled|recommended|upper)\s+ceiling\b[^.;\d]{0,40}?\b(?:is|at)|"
    r"(?:not|never|no)\b[\w\s]{0,20}?\b(?:past|beyond)|"
    r"as\s+(?:far|high|fast)\s+as|"
    r"(?:no|never|not)\s+(?:any\s+)?(?:faster|more|higher|greater|quicker)\s+than)\b",
    re.IGNORECASE,
)
# Denied just before a rate said as "above / faster than / higher than X": a ceiling.
NEGATED_ABOVE = rx.compile(r"\b(?:not|never|no|n['’]t)(?:\s+[\w-]+){0,3}\s*$", re.IGNORECASE)
# Before a rate that is a titration step or the rate it runs at: a verb of giving or changing.
STEP_RATE_BEFORE = rx.compile(
    r"\b(?:increas\w*|rais\w*|titrat\w*|step(?:s|ped|ping)?|advanc\w*|escalat\w*|then|after|"
    r"run(?:s|ning)?|ran|infus\w*|giv\w*|given|gave|set|move\w*|go(?:es)?|went|bump\w*|"
    r"speed\w*|turn\w*|double\w*|continu\w*)\b",
    re.IGNORECASE,
)
MAX_RATE_AFTER = rx.compile(
    # "the 4 mg/kg/min label maximum", "0.05 mL/kg/min is the top speed we allow"
    # ("4.0 mL per kg per hour: the top speed of your drip", a poster's caption)
    r"\s*(?:[:–—-]\s*)?(?:(?:is|was)\s+)?(?:the\s+|our\s+)?(?:label\s+|labelled\s+|absolute\s+)?"
    r"(?:max(?:imum)?|top\s+(?:speed|rate)|ceiling|upper\s+limit)\b",
    re.IGNORECASE,
)
EQUIVALENT_GAP = rx.compile(
    r"\s*[(\[/=]\s*(?:or\s+|i\.e\.,?\s+)?|\s+or\s+"
    # "0.04 mL/kg/min, which is 4 mg/kg/min", ", that is", ", equivalent to"
    r"|\s*,\s*(?:which\s+is|that\s+is|i\.e\.,?|equivalent\s+to|which\s+equals|or)\s+"
    r"(?:about\s+|roughly\s+|around\s+)?"
)
INITIAL_RATE_BEFORE = rx.compile(
    r"\b(?:start(?:s|ed|ing)?|initial(?:ly)?|commenc\w*"
    # not "begin raising the rate", "the first increase"
    r"|begin(?:s|ning)?(?!\s+(?:raising|increasing|to\s+(?:raise|increase)))"
    r"|first(?!\s+(?:\d|(?:increases?|steps?|rises?|changes?|titrations?"
    r"|courses?|cycles?|doses?|days?|infusions?|treatments?|times?|months?"
    r"|years?|hours?|minutes?|half)\b)))\b",
    re.IGNORECASE,
)
# How a sentence that names no condition can still be about the article's: "It affects ...",
# "About 10 new cases per million are diagnosed ...", "The incidence is ...".
UNNAMED_RATE_LEAD = rx.compile(
    r"\W*(?:it|this\s+(?:condition|disease|illness|disorder)|the\s+(?:condition|disease|illness|"
    r"disorder)|about|around|roughly|approximately|nearly|almost|an\s+estimated|estimates|each\s+"
    r"year|every\s+year|annually|yearly|in\s+the\s+(?:us|usa|united|uk)|its\s+incidence|the\s+"
    r"(?:annual\s+)?incidence|incidence|\d)\b",
    re.IGNORECASE,
)
# A sentence whose subject is a named disease the facts do not know: "Type 1 diabetes affects",
# "Psoriasis is diagnosed in" (not "A population-based study found an incidence of ...").
OTHER_DISEASE_SUBJECT = rx.compile(
    r"\W*[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,3}\s+(?:affects?|is\s+diagnosed|occurs?|develops?|"
    r"has\s+an?\s+(?:annual\s+)?incidence)\b"
)
REFERS_BACK = rx.compile(
    r"\b(?:it|this\s+(?:condition|disease)|the\s+(?:condition|disease|illness|disorder))\b",
    re.IGNORECASE,
)
# A rate of side effects or of something among people who have the condition is no incidence.
ADVERSE_WORDS = rx.compile(
    r"\b(?:thrombo\w*|anaphyla\w*|meningitis|ha?emoly\w*|side\s+effects?|adverse|reactions?|"
    r"hospitali[sz]\w*|infections?|admitted|deaths?|die|dies|died|"
    r"complications?|calcinosis|kidney\s+(?:injury|failure|problems?)|renal\s+failure|"
    r"infusion[-\s]related)\b",
    re.IGNORECASE,
)
WITH_CONDITION_BEFORE = rx.compile(
    r"\b(?:people|patients|children|adults|those|persons|individuals|cases)\s+(?:with|who\s+have)"
    r"\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
PER_TREATMENT_AFTER = rx.compile(
    r"\s*(?:IVIG\s+|SCIG\s+)?(?:infusions|doses|treatments|courses|administrations|vials)\b",
    re.IGNORECASE,
)
# A later, usually lighter phase: "maintenance doses of 1 g/kg", "tapered to 1 g/kg every 6
# weeks once stable". Its doses and intervals are claims of their own ("maintenance dose"): held
# to the canonical regimen like any dose (checks.regimens), but compared for consistency only
# with other maintenance doses, not with the loading dose ("2 g/kg, then 1 g/kg maintenance").
MAINTENANCE = rx.compile(
    r"\b(?:maintenance|maint\b\.?|taper(?:ed|ing|s)?|wean(?:ed|ing)?|step(?:ped)?\s+down|"
    r"reduced\s+(?:to|doses?)|lower\s+doses?|once\s+(?:stable|in\s+remission)|"
    # "After the loading course, most patients continue on 1 g/kg every six weeks"
    r"after\s+(?:the|a|an)\s+(?:initial\s+)?(?:loading|induction)\s+(?:dose|course)s?|"
    r"continu(?:e|es|ed|ing)\s+(?:on|with))\b",
    re.IGNORECASE,
)
MAINTENANCE_KINDS = {"dose", "interval"}
# "a loading dose of 2 g/kg", "Loading: 2 g/kg": a dose of its own kind (Extractor._loading);
# "initial" and "starting" only before a maintenance phase
LOADING_WORD_BEFORE = rx.compile(
    r"\b(?P<word>(?:loading|induction)(?:\s+(?:dose|course|infusion)s?)?|(?:initial|starting)\s+"
    r"(?:dose|course|infusion)s?)\s*(?:of|is|:|=|-|–)?\s*(?:about\s+|around\s+)?$",
    re.IGNORECASE,
)
SEQUENCE = rx.compile(
    r"\b(?:then|followed\s+by|later|after(?:wards)?|subsequently|initially)\b", re.IGNORECASE
)


def document_condition(
    doc: Document, mentions: list[tuple[Unit, Mention]], facts: Facts | None = None
) -> str:
    """The condition an article is about: the one its title names, else the one it names most."""
    conditions = [(u, m) for u, m in mentions if m.kind == "condition"]
    if not conditions and not doc.title:
        return ""
    title = next((u for u in doc.units if u.kind == "heading"), None)
    in_title = {m.id for u, m in conditions if u is title}
    if not in_title and doc.title and facts is not None:
        # no heading names one: the page title (front matter, <title>) may
        index = memoised(_TERM_INDEXES, facts, (), lambda: TermIndex(facts))
        in_title = {cid for cid, _, _, _ in index.conditions_in(doc.title)}
    if len(in_title) == 1:
        return next(iter(in_title))
    # "This sheet is for people with primary immunodeficiency": the article says whom it is
    # for, whatever else it names more often ("If you have dermatomyositis, ...")
    audience = {m.id for u, m in conditions if _for_audience(u.text, m.start)}
    if len(audience) == 1:
        return next(iter(audience))
    counts: dict[str, int] = {}
    for _, m in conditions:
        counts[m.id] = counts.get(m.id, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return ""
    return ranked[0][0]


@functools.lru_cache(maxsize=PARAGRAPH_MEMO)
def _for_audience(text: str, start: int) -> bool:
    """Whether the words before ``start`` say whom the article is for ("This sheet is for
    people with ..."); kept by text and place (an archive repeats its paragraphs)."""
    return AUDIENCE_BEFORE.search(text, max(0, start - 90), start) is not None


@dataclass(frozen=True, slots=True)
class LightEnt:
    """A term match found without spaCy (see :class:`LightDoc`)."""

    label_: str
    kb_id_: str
    start_char: int
    end_char: int
    text: str


@dataclass(slots=True)
class LightDoc:
    """Stands in for a spaCy ``Doc`` for a unit that cannot make a claim.

    A unit with no product name and no quantity makes no claim, so the engine
    does not send it through spaCy; it still needs its condition mentions
    (which condition the article is about) and its sentences (citation checks).
    """

    ents: list[LightEnt] = field(default_factory=list)
    user_data: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Mention:
    """A term or quantity found in a unit's text (offsets are unit-text offsets)."""

    kind: str
    id: str
    start: int
    end: int
    text: str
    quantity: Quantity | None = None


@dataclass(slots=True)
class Sentence:
    """A sentence of a prose unit, kept for the citation checks and for reports."""

    unit: Unit
    start: int
    end: int
    text: str
    mentions: list[Mention] = field(default_factory=list)
    # The product an opening "It" stands for, when the sentence compares it with a product it
    # names ("It has less IgA than Gamunex-C"): for checks.comparison, which reads names only.
    antecedent: Mention | None = None
    # Mapped on first use: every claim of the sentence records it.
    _span: tuple[int, int] | None = field(default=None, repr=False, compare=False)

    def source_span(self) -> tuple[int, int]:
        span = self._span
        if span is None:
            span = self._span = self.unit.source_span(self.start, self.end)
        return span


@dataclass(slots=True)
class Ambiguity:
    """Coordinated products and values without *respectively*: who has which value is unclear."""

    unit: Unit
    start: int
    end: int
    products: list[str]
    product_names: list[str]
    attribute: str
    values: list[str]
    group: str


@dataclass(slots=True)
class Analysis:
    """Everything the checks need to know about one document."""

    document: Document
    claims: list[Claim] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    ambiguities: list[Ambiguity] = field(default_factory=list)
    condition: str = ""
    # The article is about subcutaneous therapy (its title says so, and not IVIG): its general
    # dosing statements ("Most people infuse once a week") are SCIG's, not the IV regimen's.
    subcutaneous: bool = False
    # Every product the article names is given under the skin only (a travel letter for
    # Hizentra): its schedules for a condition the facts give no regimen for are SCIG's.
    scig_only: bool = False
    # The one product the article names, if it names one only (a consent form for Octagam 10%):
    # what "the product" means in a sentence far from any name.
    sole_product: Mention | None = None
    # Source spans of the beliefs reported to be corrected ("**What we wrote:** "Octagam 10%
    # has less IgA than Gamunex-C.""), in units naming two products or more: the comparison
    # rule reads sentences, not claims, and must not take them for statements either.
    reported: list[tuple[int, int]] = field(default_factory=list)
    # section heading -> the conditions it names (asked once per section while extracting)
    heading_conditions: dict[str, set[str]] = field(default_factory=dict, repr=False, compare=False)

    def reports(self, pos: int) -> bool:
        """Whether source offset ``pos`` lies in a belief reported to be corrected."""
        return any(lo <= pos < hi for lo, hi in self.reported)


IGA_DISPLAY = {"free": "IgA-free", "trace": "low/trace IgA", "high": "high IgA"}


def _iga_value(q: Quantity) -> Value:
    """An IgA content as claims compare it: comparator and µg/mL."""
    comparator = q.comparator
    shown = {"<=": "≤", ">=": "≥"}.get(comparator, comparator)  # as format_quantity shows it
    display = f"{'' if comparator in ('=', '~') else shown}{q.low:g} µg/mL"
    return Value("iga", ("iga", comparator, round(q.low, 3)), display)


# "Gammagard Liquid ERC", "Gammagard S/D": a name followed by a variant code is another
# product (with other facts), not the one the facts describe.
_VARIANT_CODE = rx.compile(r"[ \t]+(?:[A-Z]{2,5}|[A-Z]/[A-Z])\b(?![-%])")
_NOT_VARIANT = frozenset(
    {"IV", "SC", "IVIG", "SCIG", "IGIV", "PI", "DM", "JDM", "ITP", "CIDP", "MMN", "US", "USA",
     "EU", "UK", "FDA", "EMA", "AND", "OR", "IS", "HAS", "IN"}
)  # fmt: skip


def _variant_after(text: str, end: int) -> bool:
    m = _VARIANT_CODE.match(text, end)
    return m is not None and m.group(0).strip() not in _NOT_VARIANT


_TERM_INDEXES: dict[tuple[Any, ...], tuple[object, Any]] = {}  # facts -> TermIndex
_JUVENILE_FORMS: dict[tuple[Any, ...], tuple[object, Any]] = {}
ADULT_WORDS = rx.compile(r"\badults?\b", re.IGNORECASE)
_CHILD_STEMS = ("child", "kid", "ediatric", "juvenile", "adolescent", "infant")
_MAINTENANCE_STEMS = (
    "maint", "taper", "wean", "step", "reduced", "lower", "once ", "loading", "induction",
    "continu",
)  # fmt: skip
# Children as the population a sentence is about ("In children, ...", "affects 3 children",
# "## Children"), not a passing mention ("10 people per million, including children").
CHILD_POPULATION = rx.compile(
    r"(?<!including\s)(?<!and\s)\b(?:children|child|kids|p(?:a)?ediatric|juvenile|adolescents?|"
    r"infants?)\b(?!\s+(?:and|or)\s+adults)",
    re.IGNORECASE,
)


def _juvenile_forms(facts: Facts) -> dict[str, str]:
    """Condition id -> the id of its juvenile form ("dermatomyositis" -> "juvenile-...")."""
    by_name = {term.name.lower(): cid for cid, term in facts.conditions.items()}
    return {
        by_name[name.removeprefix("juvenile ")]: cid
        for name, cid in by_name.items()
        if name.startswith("juvenile ") and name.removeprefix("juvenile ") in by_name
    }


def percent_value(value: float) -> Value:
    shown = f"{value:g}%"
    return Value("percent", ("percent", round(value, 4)), shown)


def term_value(kind: str, term_id: str, display: str) -> Value:
    return Value(kind, (kind, term_id), display)


def _contrast_cues(text: str) -> Iterator[re.Match[str]]:
    """CONTRAST matches that start a word, as ``\bCONTRAST`` with IGNORECASE finds them."""
    low = lower_same_length(text)
    if not _CONTRAST_WORDS.finditer(low):
        return
    m = CONTRAST.search(low)
    while m is not None:
        s = m.start()
        if s and (text[s - 1].isalnum() or text[s - 1] == "_"):
            m = CONTRAST.search(low, s + 1)
            continue
        yield m
        m = CONTRAST.search(low, m.end())


_PRODUCT_NAMES: dict[tuple[Any, ...], tuple[object, Any]] = {}


def _product_names(facts: Facts) -> dict[str, str]:
    """Lower-cased surface form -> product id (the first product listing a form wins)."""
    names: dict[str, str] = {}
    for term in facts.products.values():
        for form in term.surface_forms():
            names.setdefault(form.lower(), term.id)
    return names


# Reference markers glued to a word ("solution¹", HTML "solution<sup>1</sup>" read as
# "solution1", "glycine[^1]") hide the word boundary every cue regex needs: claims are read
# from a copy of the text with such markers blanked out, one space per character, so that
# offsets are unchanged.
_MARKER_CHARS = rx.compile(r"[¹²³⁴⁵⁶⁷⁸⁹⁰\[]")
# Superscript digits, and the bracket markers the readers recognise ("[1]", "[2-4]", "[^1]").
_GLUED_MARKER = rx.compile(rf"[¹²³⁴⁵⁶⁷⁸⁹⁰]+|{TEXT_MARKER.pattern}")
_DIGIT = rx.compile(r"\d")
_CITATION_MARKER = rx.compile(r"[\s\d,–\-\[\]()*†‡§a-z]{1,12}")


# What a table header may add to a product's name: numbering, trademark marks, emphasis.
_HEADER_EXTRAS = rx.compile(r"^\s*\d{1,2}[.)]\s+|[®™*†‡]|\((?:r|tm)\)|\s+", re.IGNORECASE)
# ... and after it: a percentage or a parenthesis ("Privigen 10%", "Privigen (IVIG)"), taken off
# only when what is left is a name by itself (so "Octagam 10%" stays Octagam 10%).
_HEADER_TAIL = rx.compile(r"(?:\s+\d+(?:\.\d+)?\s*%|\s*\([^()]*\))+$")
# A table whose header carries the unit: "Concentration (%)" over cells "5", "10".
_PERCENT_HEADER = rx.compile(r"\(\s*(?:%|percent)\s*\)|^\W*%\W*$|\bin\s+%", re.IGNORECASE)
_IGA_UNIT_HEADER = rx.compile(r"\bIgA\b.*?(?:µg|μg|ug|mcg|micrograms?)\s*(?:/|per\s)\s*ml\b", re.I)
_RATE_UNIT_HEADER = rx.compile(
    r"^\W*(?:(?:rate|speed)\s*[(,:]?\s*)?((?:mg|mL)/kg/(?:min(?:ute)?|h(?:ou)?r?)|(?:mg|mL)/kg\s+per\s+"
    r"(?:min(?:ute)?|hour))\W*$",
    re.IGNORECASE,
)
_IGA_MG_HEADER = rx.compile(r"\bIgA\b.*?(?:mg|milligrams?)\s*(?:/|per\s)\s*ml\b", re.I)
# "conc_pct", "strength_percent": a data export's column in percent
_PCT_FIELD_HEADER = rx.compile(r"^\w*?_(?:pct|percent)$", re.I)
# "average 0.46", "maximum 0.025" in a cell: the figure's kind said before it
_CELL_FIGURE_WORD = rx.compile(
    r"\s*(?:(?P<max>max(?:imum)?\.?|up\s+to)|avg\.?|average|mean|typical(?:ly)?)\s+", re.I
)
_BARE_NUMBER = rx.compile(
    r"\s*((?:[≤<≥>~≈]|<=|>=)?\s*\d{1,3}(?:\.\d+)?(?:\s*[-–]\s*\d{1,3}(?:\.\d+)?)?)\s*"
    # "46 (avg)", "37 average", "≈ 16 (mean)"
    r"(?:\(?\s*(?:avg|average|mean|typical|typ)\.?\s*\)?\s*)?"
    r"(?:[a-e*†‡§]\s*)?"  # a footnote mark: "460 (average)<sup>b</sup>"
)
# A header that names the IgA content itself ("IgA", "IgA content (µg/mL)", "Max. IgA"), not
# something about IgA ("Notes on IgA deficiency").
IGA_COLUMN = rx.compile(
    r"\W*(?:(?:max(?:imum)?\.?|average|mean|typical)\s+)?IgA(?:\s+(?:content|levels?|"
    r"concentration|amount))?\s*(?:\([^)]*\))?"
    # "IgA (mg/mL), label average or maximum"
    r"(?:\s*,\s*(?:label\s+)?(?:average|mean|typical|max(?:imum)?)(?:\s+or\s+(?:average|mean|"
    r"typical|max(?:imum)?))?(?:\s*\([^)]*\))?)?\W*",  # "IgA, maximum (mg/mL)"
    re.IGNORECASE,
)
# A table cell under an IgA column that says how much without a figure ("None", "Trace").
IGA_CELL = rx.compile(
    r"\W*(?:(?P<free>none|nil|zero|free|iga[\s-]free|not\s+detect(?:ed|able)|absent)|"
    r"(?P<trace>trace(?:\s+amounts?)?|traces|(?:very\s+)?low|minimal)|(?P<high>high|elevated))\W*",
    re.IGNORECASE,
)


def _capped_cell(unit: Unit, text: str) -> list[Quantity]:
    """ "| Maximum dose | 100 g per infusion |": an amount under a maximum-dose header is a cap."""
    if not any(h and MAX_DOSE_HEADER.search(h) for h in (unit.row_header, unit.column_header)):
        return []
    lead = len(text) - len(text.lstrip())
    found = find_quantities("maximum " + text[lead:])
    if not found or found[0].kind != "max_dose" or found[0].start != 0:
        return []
    q = found[0]
    return [
        dataclasses.replace(q, start=lead, end=lead + q.end - 8, text=text[lead : lead + q.end - 8])
    ]


def header_quantities(unit: Unit, text: str) -> list[Quantity]:
    """A bare number in a table cell whose header gives the unit, as that quantity.

    Only percentages: "| Privigen | 5 |" under "Concentration (%)" is a 5% concentration.
    """
    if unit.kind != "table_cell":
        return []
    word = _CELL_FIGURE_WORD.match(text)
    number = _BARE_NUMBER.fullmatch(text, word.end() if word else 0)
    if number is None:
        return _capped_cell(unit, text)
    figure = number.group(1)
    if word is not None and word.group("max") and figure[:1].isdigit():
        figure = "≤" + figure  # "maximum 0.025": at most
    for header in (unit.column_header, unit.row_header):
        if not header:
            continue
        if _PERCENT_HEADER.search(header) or _PCT_FIELD_HEADER.match(header):
            q = parse_quantity(figure + "%")
            kind = "percent"
        elif _IGA_UNIT_HEADER.search(header):
            q = parse_quantity(figure + " µg/mL")  # "IgA (µg/mL)" over "≤25"
            kind = "iga"
        elif _IGA_MG_HEADER.search(header):
            q = parse_quantity(figure + " mg/mL of IgA")  # "IgA (mg/mL)" over "0.046"
            kind = "iga"
        elif rate := _RATE_UNIT_HEADER.search(header):
            # a pump table's "mg/kg/min | mL/kg/min | mL/kg/hour" columns over bare figures
            q = parse_quantity(f"{figure} {rate.group(1)}")
            kind = "infusion_rate"
        else:
            continue
        if q is not None and q.kind == kind:
            s, e = (word.start() if word else number.start(1)), number.end(1)
            return [dataclasses.replace(q, start=s, end=e, text=text[s:e])]
    return []


def claim_text(unit: Unit) -> str:
    """``unit.text`` with its citation markers blanked (same length): what claims are read from."""
    text = unit.text
    # (isascii is O(1): an ASCII text can hold a bracket marker only, found by a plain scan)
    glued = "[" in text if text.isascii() else _MARKER_CHARS.search(text) is not None
    if not unit.markers and not glued:
        return text  # most units
    spans = [
        (s, e)
        for s, e in unit.markers
        if _CITATION_MARKER.fullmatch(text, s, e) and _DIGIT.search(text, s, e)
    ]
    if glued:
        spans.extend(m.span() for m in _GLUED_MARKER.finditer(text))
    if not spans:
        return text
    parts = []
    pos = 0
    for s, e in sorted(spans):
        s = max(s, pos)
        if e <= s:
            continue
        parts.append(text[pos:s])
        parts.append(" " * (e - s))
        pos = e
    parts.append(text[pos:])
    return "".join(parts)


def _split_at(
    text: str, spans: Sequence[tuple[int, int]], breaks: Sequence[int]
) -> list[tuple[int, int]]:
    """``spans`` (sentences of ``text``) split further at each offset of ``breaks``."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        for b in breaks:
            if start < b < end:
                head = len(text[start:b].rstrip())
                tail = len(text[b:end]) - len(text[b:end].lstrip())
                if head and b + tail < end:
                    out.append((start, start + head))
                    start = b + tail
        out.append((start, end))
    return out


def _split_at_options(text: str, spans: Sequence[tuple[int, int]]) -> Sequence[tuple[int, int]]:
    """Sentences cut before each lettered option of an answer sheet that marks its options
    ("... ✘ B. It comes only as ... ✘ C. It contains sorbitol ✔"): each option says its own
    thing, and its "It" is the question's subject, not the product of the option before."""
    cuts = sorted(
        m.start()
        for m in LETTER_OPTION.finditer(text)
        if m.start() and text[: m.start()].rstrip()[-1:] in "✘✗❌✔✓✅)"
    )
    if not cuts:
        return spans
    out: list[tuple[int, int]] = []
    for start, end in spans:
        pos = start
        for cut in cuts:
            if pos < cut < end:
                piece_end = cut
                while piece_end > pos and text[piece_end - 1] in " \t\n":
                    piece_end -= 1
                if piece_end > pos:
                    out.append((pos, piece_end))
                pos = cut
        out.append((pos, end))
    return out


@functools.lru_cache(maxsize=4096)
def _heading_tests(heading: str) -> tuple[bool, ...]:
    """The pattern tests extraction makes on a section heading (see ``section_key``)."""
    return (
        MYTH_HEADING.search(heading) is not None,
        BOTH_POPULATIONS.search(heading) is not None,
        CHILD_POPULATION.search(heading) is not None,
        ADULT_WORDS.search(heading) is not None,
        EXAMPLE_HEADING.search(heading) is not None,
    )


class Shape:
    """Stands for what one stand-in doc and one set of sentence breaks fix, in the extraction
    memo's key: the unit's text and claim text, kind, nesting, headers, breaks and mentions.

    The engine shares a stand-in doc only between units alike in all of those (its key in
    ``lint.Engine.analyse``), so two units with one shape extract alike as far as these go;
    compared by identity, it keys a unit in one step where comparing its texts and mentions
    took many. Kept in the stand-in doc's ``user_data``, so it lasts as long as the engine
    keeps the doc.
    """

    __slots__ = ()


# Where a stand-in doc keeps its shapes (one per sentence breaks), in its user_data
_SHAPES_KEY = "medlint_shapes"

# Each stand-in doc's mentions and sentence spans (see _Extractor.__init__), by its id, with
# the doc kept beside them so that a recycled id never answers for another. Bounded.
_STATIC: dict[int, tuple[Any, ...]] = {}
_STATIC_LIMIT = 4096

_P = ParamSpec("_P")
_T = TypeVar("_T")


def context_query(
    method: Callable[Concatenate[_Extractor, _P], _T],
) -> Callable[Concatenate[_Extractor, _P], _T]:
    """Mark a method that reads the units around this one and answers with a plain value.

    The extraction memo (``medlint.extraction_memo``) keeps a unit's claims only when its run
    read nothing of the neighbouring units, or read them only through such queries: it records
    each query's answer, and replays the claims for another unit of the same text and context
    only when every recorded query answers alike there. A query's arguments may be the unit's
    own sentences (recorded by position) and plain values; its answer must compare by value.
    """
    name = method.__name__

    def query(self: _Extractor, /, *args: _P.args, **kwargs: _P.kwargs) -> _T:
        record = self.queries
        if record is None or self.in_query:
            return method(self, *args, **kwargs)
        self.in_query = True  # its own reads of the neighbours are what the answer records
        reads = self.queried_reads
        try:
            answer = method(self, *args, **kwargs)
        finally:
            self.in_query = False
        if self.queried_reads == reads:
            return answer  # it read no neighbour: its answer follows from the key alone
        refs = tuple(self.sentence_ref(a) for a in args)
        if kwargs or any(ref is None for ref in refs):
            self.read_neighbours = True  # an argument it cannot record: not memoised
        else:
            record.append((name, refs, answer))
        return answer

    functools.update_wrapper(query, method)
    return query


class _Neighbour:
    """A link to a neighbouring unit's extractor, every read of which is noted.

    For the extraction memo: a read inside a context query counts as that query's (its answer
    is recorded), any other marks the run as one that read its neighbours (not memoised).
    Stored in the instance attribute of the same name with a leading underscore.
    """

    def __set_name__(self, owner: type[Any], name: str) -> None:
        self.slot = "_" + name

    @overload
    def __get__(self, ex: None, owner: type[Any]) -> _Neighbour: ...

    @overload
    def __get__(self, ex: _Extractor, owner: type[Any]) -> _Extractor | None: ...

    def __get__(self, ex: _Extractor | None, owner: type[Any]) -> _Neighbour | _Extractor | None:
        if ex is None:
            return self
        if ex.in_query:
            ex.queried_reads += 1
        else:
            ex.read_neighbours = True
        found: _Extractor | None = getattr(ex, self.slot)
        return found

    def __set__(self, ex: _Extractor, value: _Extractor | None) -> None:
        setattr(ex, self.slot, value)


class _Extractor:
    """Extracts the claims of one unit; one instance per unit keeps the state explicit."""

    def __init__(
        self,
        facts: Facts,
        doc: Document,
        unit: Unit,
        sdoc: Any,
        analysis: Analysis,
        text: str | None = None,
    ) -> None:
        self.facts = facts
        self.doc = doc
        self.unit = unit
        self.text = claim_text(unit) if text is None else text
        self.analysis = analysis
        # A unit's mentions and sentences follow from its stand-in doc (shared by the units
        # of one text and kind, see lint.Engine.analyse) and its sentence breaks: made once.
        # The mentions are shared (never changed in place; a sentence's list of them is its
        # own).
        found = _STATIC.get(id(sdoc))
        if found is None or found[0] is not sdoc or found[1] != unit.breaks:
            # (the shape lives with the stand-in doc, as long as the engine keeps it)
            shapes = sdoc.user_data.setdefault(_SHAPES_KEY, {})
            shape = shapes.get(unit.breaks) or shapes.setdefault(unit.breaks, Shape())
            found = (sdoc, unit.breaks, *self._static(sdoc), shape)
            if len(_STATIC) >= _STATIC_LIMIT:
                _STATIC.clear()
            _STATIC[id(sdoc)] = found
        _, _, mentions, spans, products, product_starts, self.shape = found
        self.mentions: list[Mention] = list(mentions)
        # Sentences as written (the citation rule reads their markers).
        self.sentences = [
            Sentence(unit, start, end, unit.text[start:end], list(mentions[lo:hi]))
            for start, end, lo, hi in spans
        ]
        self.products: list[Mention] = list(products)
        self.product_starts: list[int] = list(product_starts)
        # Built on first use: most units make no claim and never ask (a third of a run's
        # extraction time went to these for units that needed neither).
        self._sentence_index: dict[int, int] | None = None
        # The paragraph just before, in the same section (set by analyse): "It" at the start
        # of a paragraph refers back to it.
        self._paragraph_before: _Extractor | None = None
        self._paragraph_after: _Extractor | None = None  # the next one, likewise
        # The unit just before, of any kind (set by analyse): a question there is what this
        # unit's first sentence may answer (see question_before).
        self._unit_before: _Extractor | None = None
        # For the extraction memo (medlint.extraction_memo), while a run is recorded: whether
        # it read a neighbour other than through a context query, the queries' answers, each
        # claim's unit-text span and sentence, and the mentions it re-read as intervals.
        self.read_neighbours = False
        self.in_query = False
        self.queried_reads = 0  # reads of a neighbour made inside a context query
        self.queries: list[tuple[str, tuple[Any, ...], Any]] | None = None
        self.emitted: list[tuple[int, int, Sentence]] | None = None
        self.replaced: list[tuple[Sentence, int, Mention]] = []
        self._contrast: list[tuple[int, int]] | None = None
        self._contrast_starts: list[int] = []
        self._described: list[tuple[int, int, Mention]] = []  # see _contrast_ranges
        self._described_starts: list[int] = []
        self._other_therapies: list[tuple[int, int]] | None = None  # see other_therapies
        self._other_starts: list[int] = []
        self._breaks: dict[int, list[tuple[int, int]]] = {}  # sentence start -> clause breaks
        self._beliefs: list[tuple[int, int]] | None = None  # reported beliefs, found once
        self.list_parents: list[str] = []  # texts of the list items this one is nested in
        self.row_indication = ""  # a table row's indication cell (see _row_indications)
        # The header that names a table cell's attribute (see _lead).
        self.attribute_header = unit.column_header or ""
        self.lead_product, self.lead_manufacturer = self._lead()
        # How a lead product was found: its own list item or table row, or inherited from
        # the item above or the product a heading names (see inherit_leads).
        self.lead_how = "table" if unit.kind == "table_cell" else "list-item"
        self.counter = 0

    def _static(
        self, sdoc: Any
    ) -> tuple[
        tuple[Mention, ...],
        tuple[tuple[int, int, int, int], ...],
        tuple[Mention, ...],
        tuple[int, ...],
    ]:
        """The unit's mentions, its sentences as (start, end, first, last mention + 1), its
        product mentions and where they start."""
        unit = self.unit
        mentions = self._mentions(sdoc)
        spans: Sequence[tuple[int, int]] = split_sentences(unit.text)
        if OPTION_VERDICT.search(unit.text):  # one scan for the marks of an answer sheet
            spans = _split_at_options(unit.text, spans)
        if unit.breaks:  # a bold title line over more text ends its sentence
            spans = _split_at(unit.text, spans, unit.breaks)
        # Each sentence's mentions: a run of the sorted mentions (one that starts between two
        # sentences belongs to neither). By bisection: a paragraph with thousands of claims
        # must stay linear, not quadratic.
        starts = [m.start for m in mentions]
        out = []
        for start, end in spans:
            lo = bisect.bisect_left(starts, start)
            hi = bisect.bisect_left(starts, end, lo)
            out.append((start, end, lo, hi))
        products = tuple(m for m in mentions if m.kind == "product")
        return tuple(mentions), tuple(out), products, tuple(m.start for m in products)

    # -- the units around this one: every read is noted, for the extraction memo -----------
    paragraph_before = _Neighbour()
    paragraph_after = _Neighbour()
    unit_before = _Neighbour()

    def section_key(self) -> tuple[Any, ...]:
        """What extraction reads of the unit's own section heading, for the extraction memo.

        Every test the extractor makes on ``self.unit.section`` is here (its comparisons with
        a neighbour's section are neighbour reads): a unit under "IVIG article 000123" and
        the same unit under "IVIG article 000124" extract alike. ``tests/test_extraction_memo``
        counts the reads of ``.section`` in this module, so a new one is not missed here.
        """
        heading = self.unit.section
        if not heading:
            return ()
        return (*_heading_tests(heading), frozenset(self._named_in(heading)))

    def sentence_ref(self, arg: object) -> object:
        """A context query's argument as the memo records it: a sentence by its position.

        None for a sentence of another unit (which the memo cannot record).
        """
        if isinstance(arg, Sentence):
            if self._sentence_index is None:
                self._sentence_index = {id(s): k for k, s in enumerate(self.sentences)}
            k = self._sentence_index.get(id(arg))
            return None if k is None else ("sentence", k)
        return arg

    # -- mentions -------------------------------------------------------------------------
    def _mentions(self, sdoc: Any) -> list[Mention]:
        out: list[Mention] = []
        user_data = getattr(sdoc, "user_data", None) or {}
        terms = user_data.get("medlint_terms")
        if terms is not None:  # the pipeline's plain record of its entities
            text = self.text
            out.extend(
                Mention(kind, tid, s, e, text[s:e])
                for kind, tid, s, e in terms
                if kind != "product" or not _variant_after(text, e)
            )
        else:
            for ent in sdoc.ents:
                kind = ent.label_.lower()
                out.append(Mention(kind, ent.kb_id_, ent.start_char, ent.end_char, ent.text))
        product_spans = sorted((m.start, m.end) for m in out if m.kind == "product")
        span_starts = [s for s, _ in product_spans]
        quantities = user_data.get("medlint_quantities")
        if quantities is None:
            quantities = find_quantities(self.text) or header_quantities(self.unit, self.text)
        for q in quantities:
            k = bisect.bisect_right(span_starts, q.start) - 1
            if k >= 0 and q.end <= product_spans[k][1]:
                continue  # "Octagam 10%" is a name, not a claim
            out.append(Mention("quantity", q.kind, q.start, q.end, q.text, q))
        out.sort(key=lambda m: (m.start, m.end))
        return out

    def _contrast_ranges(self) -> list[tuple[int, int]]:
        """Spans a contrast cue takes out of attribution ("Unlike Privigen, Hizentra is ...").

        Also records, in ``self._described``, the parts of a span that still describe the
        contrasted product, when it is one product: a parenthesis right after it and a
        relative clause ("Unlike Privigen (CSL Behring), which is a 10% solution, ..."). A
        wrong figure there is a claim about that product, not noise to skip.
        """
        ranges = []
        described: list[tuple[int, int, Mention]] = []
        text = self.text
        for m in _contrast_cues(text):
            parts: list[tuple[int, int]] = []
            head_end = -1
            end_match = _CONTRAST_END.search(text, m.end())
            while end_match is not None and end_match.group(0) == "(":
                # "switching from Privigen (CSL Behring) to ...": the parenthesis belongs to it
                # (and a second one straight after it, not one after the next product)
                close = text.find(")", end_match.end())
                if close < 0 or (parts and text[parts[-1][1] + 1 : end_match.start()].strip()):
                    break
                if head_end < 0:
                    head_end = end_match.start()
                parts.append((end_match.end(), close))
                end_match = _CONTRAST_END.search(text, close + 1)
            end = end_match.start() if end_match else len(text)
            if head_end < 0:
                head_end = end
            # "Unlike Hizentra, which is given under the skin, ..." : the relative clause
            # still describes the contrasted product.
            rel = _RELATIVE.match(text, end)
            if rel:
                nxt = text.find(",", rel.end())
                end = nxt if nxt >= 0 else len(text)
                parts.append((rel.end(), end))
            elif app := (
                _CONTRAST_APPOSITION.match(text, end) or _CONTRAST_APPOSITION_REL.match(text, end)
            ):
                # "Unlike Privigen, a 10% product, Hizentra ...": the apposition too
                parts.append((app.start(1), app.end(1)))
                end = app.end(1)
            # Do not run past the sentence.
            for sent in self.sentences:
                if sent.start <= m.start() < sent.end:
                    end = min(end, sent.end)
            ranges.append((m.start(), end))
            head = self.products[
                bisect.bisect_left(self.product_starts, m.end()) : bisect.bisect_left(
                    self.product_starts, head_end
                )
            ]
            if parts and head and len({p.id for p in head}) == 1:
                described.extend((s, min(e, end), head[0]) for s, e in parts if s < end)
        described.sort(key=lambda d: (d[0], d[1]))
        self._described = described
        self._described_starts = [d[0] for d in described]
        return ranges

    @property
    def contrast(self) -> list[tuple[int, int]]:
        if self._contrast is None:
            self._contrast = sorted(self._contrast_ranges())
            self._contrast_starts = [s for s, _ in self._contrast]
        return self._contrast

    def in_contrast(self, start: int) -> bool:
        contrast = self._contrast
        if contrast is None:
            contrast = self.contrast
        if not contrast:
            return False
        k = bisect.bisect_right(self._contrast_starts, start) - 1
        return any(s <= start < e for s, e in contrast[max(0, k - 8) : k + 1])

    def described_at(self, start: int) -> tuple[int, int, Mention] | None:
        """(start, end, product) of the contrast parenthesis or relative clause at ``start``."""
        if not self.contrast or not self._described:
            return None
        # Sorted by start and (nearly) disjoint: a bisection, as for the contrast spans.
        k = bisect.bisect_right(self._described_starts, start) - 1
        for found in self._described[max(0, k - 8) : k + 1]:
            if found[0] <= start < found[1]:
                return found
        return None

    def contrast_subject(self, start: int) -> Mention | None:
        """The contrasted product that a parenthesis or relative clause at ``start`` describes."""
        found = self.described_at(start)
        return None if found is None else found[2]

    def skipped(self, start: int) -> bool:
        """A value at ``start`` inside a contrast, unless it describes the contrasted product."""
        return self.in_contrast(start) and self.contrast_subject(start) is None

    def _product_named(self, header: str | None) -> Mention | None:
        """The product a table header names exactly, if any."""
        if not header:
            return None
        names = memoised(_PRODUCT_NAMES, self.facts, (), lambda: _product_names(self.facts))
        key = header.strip().lower()
        product_id = names.get(key)
        if product_id is None:
            # "Privigen®", "1. Privigen", "Privigen 10%", "Privigen (IVIG)": the name and
            # what a header adds to it (numbering, marks, a figure or a parenthesis).
            bare = _HEADER_EXTRAS.sub(" ", key).strip()
            product_id = names.get(bare)
            if product_id is None:
                name = _HEADER_TAIL.sub("", bare).strip()
                product_id = names.get(name) if name != bare else None
        return None if product_id is None else Mention("product", product_id, 0, 0, header)

    def _lead(self) -> tuple[Mention | None, Mention | None]:
        """The product (or manufacturer) that leads a list item or a table row."""
        unit = self.unit
        if unit.kind == "table_cell":
            # A product per row (its attribute in the column header), or, in a transposed
            # table, a product per column (its attribute in the row header).
            for header, attribute in (
                (unit.row_header, unit.column_header),
                (unit.column_header, unit.row_header),
            ):
                product = self._product_named(header)
                if product is not None:
                    self.attribute_header = attribute or ""
                    return product, None
            return None, None
        if unit.kind != "list_item" or not self.mentions:
            return None, None
        first = self.mentions[0]
        prefix = self.text[: first.start]
        if not ITEM_LEAD.fullmatch(prefix) or first.kind not in ("product", "manufacturer"):
            return None, None
        if first.kind == "product":
            return first, None
        return None, first

    # -- helpers --------------------------------------------------------------------------
    def clause_breaks(self, sent: Sentence) -> list[tuple[int, int]]:
        """Spans of the clause breaks in ``sent``, found once per sentence."""
        found = self._breaks.get(sent.start)
        if found is None:
            # Not inside a name: "immune globulin intravenous, human - ifas" is one product.
            names = [(m.start, m.end) for m in sent.mentions if m.quantity is None]
            found = [
                m.span()
                for m in CLAUSE_BREAK.finditer(self.text, sent.start, sent.end)
                if not any(s <= m.start() and m.end() <= e for s, e in names)
            ]
            self._breaks[sent.start] = found = self._without_dashed_apposition(sent, found)
        return found

    def reported(self, sent: Sentence, pos: int) -> bool:
        """Whether ``pos`` lies in a belief the sentence reports to correct ("Myth: ...")."""
        spans = self._beliefs
        if spans is None:
            spans = self.beliefs
        return bool(spans) and any(lo <= pos < hi for lo, hi in spans)

    @property
    def beliefs(self) -> list[tuple[int, int]]:
        """The unit's reported beliefs and wrong quiz options, worked out once."""
        spans = self._beliefs
        if spans is None:
            spans = self._belief_spans() + self._wrong_options()
            if "~~" in self.text:
                # "~~Courses are repeated every 4-6 weeks~~": struck out, no longer said
                spans += [m.span() for m in STRUCK_OUT.finditer(self.text)]
            if (
                self.unit.kind == "list_item"
                and any(q in self.text for q in '"“')
                and (lead := self.list_lead()) is not None
                and WRONG_LIST_LEAD.search(lead.text)
            ):
                # "In one week I was told:" / '- that "Octagam is sugar-free, so ..."'
                spans += [q.span() for q in QUOTED_PHRASE.finditer(self.text)]
            self._beliefs = spans
        return spans

    def resolve_compared_pronouns(self) -> None:
        """Set ``Sentence.antecedent`` where an opening "It" is compared with a named product:
        "Octagam 10% is our first-line product. It has less IgA than Gamunex-C."."""
        for sent in self.sentences:
            named = {m.id for m in sent.mentions if m.kind == "product"}
            if len(named) != 1 or not any(w in sent.text for w in COMPARISON_WORDS):
                continue
            lead = PRONOUN_LEAD.match(sent.text)
            if lead is None:
                continue
            pronouns = list(IT_WORD.finditer(sent.text, 0, lead.end()))
            if not pronouns:
                continue
            pronoun = pronouns[-1]  # "Yes, it ...": the last "it" of the lead
            subject = self.previous_subject(sent)
            if subject is None or subject.id in named:
                continue
            start = sent.start + pronoun.start()
            sent.antecedent = Mention("product", subject.id, start, start + 2, subject.text)

    def record_beliefs(self) -> None:
        """Add this unit's reported beliefs to ``Analysis.reported``, in source offsets."""
        for lo, hi in self.beliefs:
            self.analysis.reported.append(self.unit.source_span(lo, hi))

    def _belief_spans(self) -> list[tuple[int, int]]:
        """Each reported belief of the unit, from its cue to the end of its clause.

        A counterfactual ("If Privigen were a 5% product, ...") states nothing either.
        """
        if self.unit.kind == "table_cell" and BELIEF_COLUMN.search(self.unit.column_header or ""):
            return [(0, len(self.text))]  # a cell under "Myth" or "What you may hear"
        myths = bool(self.unit.section and MYTH_HEADING.search(self.unit.section))
        if myths and self.unit.quoted:
            return [(0, len(self.text))]  # a myth set off as a quote under a heading of myths
        reply = self.paragraph_after if self.unit.quoted else None  # (read only if needed)
        if reply is not None and not reply.unit.quoted and QUOTE_REBUTTED_LEAD.match(reply.text):
            return [(0, len(self.text))]  # a forum post quoted, then rebutted by the reply
        if (
            reply is not None
            and not reply.unit.quoted
            and QUESTION_END.search(reply.text)
            and (lead := self.paragraph_before) is not None
            and HEARSAY_QUOTE_LEAD.search(lead.text)
        ):
            # "Someone in another group wrote:" / "> Privigen is 5%" / "Does that mean ...?":
            # hearsay the poster asks about, not a statement (a doctor's words stay one)
            return [(0, len(self.text))]
        if "laim" in self.text[:40] and CHECKED_CLAIM.match(self.text):
            if self.unit.kind == "heading":
                return [(0, len(self.text))]  # '## Claim 5: "..."': the claim to be checked
            # a fact-check's "Claim 2: ..." over "Rating: FALSE": the claim checked, not made
            rated = RATED_WRONG.search(self.text)
            if rated is None and reply is not None:
                rated = RATED_WRONG.match(reply.text)
            if rated is not None:
                return [(0, rated.start() if rated.string is self.text else len(self.text))]
        low = self.text.lower()
        found: list[re.Match[str]] = []
        if (" were " in low or "had " in low or "suppos" in low or "imagin" in low) and (
            "if" in low or "had " in low or "suppos" in low or "imagin" in low
        ):
            found = list(COUNTERFACTUAL.finditer(self.text))
        if ('"' in self.text or "“" in self.text) and any(
            w in low
            for w in (
                "neither",
                "none",
                "wrong",
                "incorrect",
                "untrue",
                "false",
                "not",
                "n't",
                "error",
                "mistake",
                "typo",
                "misprint",
                "is that",
                "oppose",
                "not so",
                "is this",
                "is it",
                "nowhere",
                "remov",
                "delet",
                "replac",
                "drop",
                "would",
            )
        ):
            found += (
                q
                for q in QUOTED_PHRASE.finditer(self.text)
                if QUOTE_DENIED_AFTER.match(self.text, q.end())
                or QUOTE_REMOVED_BEFORE.search(self.text, max(0, q.start() - 40), q.start())
            )
            for quoting, rejecting in itertools.pairwise(self.sentences):
                if QUOTES_REJECTED_AFTER.match(rejecting.text):
                    found += QUOTED_PHRASE.finditer(self.text, quoting.start, quoting.end)
            # 'said: "Flebogamma DIF contain glycine." This was an error.' (one sentence to the
            # splitter: the full stop is inside the quotes)
            found += (
                q
                for q in QUOTED_PHRASE.finditer(self.text)
                if q.group(0)[-2:-1] in ".!" and QUOTES_REJECTED_AFTER.match(self.text, q.end())
            )
        if "?" in self.text and ("right" in low or "true" in low or "correct" in low):
            # "My insurance letter says Hizentra is made by Takeda. Is that right?": what a
            # source says, asked about in the next sentence, is a belief in question
            for k, asking in enumerate(self.sentences):
                if not k or not IS_THAT_RIGHT.match(asking.text):
                    continue
                # back over the run of sentences reporting what was said ("She told me that
                # ... She also said ... Is she right?")
                for told in reversed(self.sentences[:k]):
                    verb = REPORTING_VERB.search(self.text, told.start, told.end)
                    if verb is None:
                        break
                    found.append(verb)
        if myths and any(q in self.text for q in '"“‘'):
            pass  # a quoted belief under a heading about myths (below)
        elif not BELIEF_GATE.finditer(low) or not (
            any(w in low for w in BELIEF_WORDS)
            or ("you" in low and any(w in low for w in READ_WORDS))
            or (any(w in low for w in SAY_WORDS) and any(w in low for w in SOURCE_PHRASES))
        ):
            # one Aho-Corasick scan, then substring tests: no word any cue needs (most units)
            spans = self._stretches(found)
            if any(q in self.text for q in '"“‘❌✗✘'):
                spans += self._rebutted_quotes(myths)
            return spans
        found += REPORTED_BELIEF.finditer(self.text)
        if any(w in low for w in LABEL_WORDS):
            before: Sentence | None = None
            for sent in self.sentences:
                m = REPORTED_LABEL.match(self.text, sent.start, sent.end)
                if m is not None and not self._rebuttal(m, before):
                    found.append(m)
                before = sent
        return self._stretches(found) + self._rebutted_quotes(myths)

    def _rebutted_quotes(self, myths: bool) -> list[tuple[int, int]]:
        """Quoted sentences the next one rebuts ('"Octagam is sugar-free." Not true: it contains
        maltose.'), or any under a heading about myths ("## Myths we hear in the group"), and
        sentences marked wrong with a cross ("❌ "2 g/kg/day for 5 days" -> wrong").
        """
        spans = []
        for quoted, after in itertools.pairwise([*self.sentences, None]):
            if quoted is None:
                continue
            if CROSS_MARK.match(quoted.text):
                spans.append((quoted.start, quoted.end))
                continue
            if not (myths or (after is not None and REBUTTAL_LEAD.match(after.text))):
                continue
            if QUOTED_SENTENCE.match(quoted.text):
                spans.append((quoted.start, quoted.end))
            elif (line := QUOTED_LINE.search(quoted.text)) is not None:
                # "Myth corner 🚫" / '"IVIG for DM is every 4-6 weeks." Nope, ...': a label
                # line without a full stop, then the quoted belief; or a label before it on the
                # same line ('Myth I see weekly: "Octagam is sugar-free." ❌ Wrong.')
                spans.append((quoted.start + line.end(), quoted.end))
        return spans

    def _wrong_options(self) -> list[tuple[int, int]]:
        """Quiz options the quiz marks wrong, from their letter to their verdict.

        "c) 2 g/kg every 6 weeks from the start. **Wrong:** the interval is not in the plan."
        An option runs to the next option's letter; its verdict is the first one after it.
        """
        if "✘" in self.text or "✗" in self.text or "❌" in self.text:
            marked = self._crossed_options()
            if marked:
                return marked
        low = self.text.lower()
        if not ("wrong" in low or "incorrect" in low or "false" in low) or ")" not in low:
            return []
        marks = list(OPTION_MARK.finditer(self.text))
        spans = []
        for k, mark in enumerate(marks):
            end = marks[k + 1].start() if k + 1 < len(marks) else len(self.text)
            verdict = ANY_VERDICT.search(self.text, mark.end(), end)
            if verdict is not None and WRONG_VERDICT.match(self.text, verdict.start()):
                spans.append((mark.start(), verdict.start()))
        return spans

    def _crossed_options(self) -> list[tuple[int, int]]:
        """Options an answer sheet crosses out: "A. 1 g/kg every 4 weeks ✘ (half the course)
        B. 2 g/kg ... ✔": lettered in order from A (or a), each running to the next letter;
        one with a cross and no tick is wrong, from its letter to its cross."""
        marks = list(LETTER_OPTION.finditer(self.text))
        # the letters must run in order from the first ("A. ... B. ..."): not "Dr. A. Smith"
        run: list[re.Match[str]] = []
        for mark in marks:
            letter = mark.group("letter").lower()
            if not run and letter == "a":
                run = [mark]
            elif run and ord(letter) == ord(run[-1].group("letter").lower()) + 1:
                run.append(mark)
        if len(run) < 2:
            return []
        spans = []
        for k, mark in enumerate(run):
            end = run[k + 1].start() if k + 1 < len(run) else len(self.text)
            option = self.text[mark.end() : end]
            cross = CROSS_IN_OPTION.search(option)
            if cross is not None and not TICK.search(option):
                # with the reason in brackets after the cross: "✘ (that adds up to 10 g/kg)"
                # works the wrong option through, and states nothing of its own
                reason = CROSS_REASON.match(option, cross.end())
                stop = reason.end() if reason is not None else cross.end()
                spans.append((mark.start(), mark.end() + stop))
        return spans

    def _rebuttal(self, label: re.Match[str], before: Sentence | None) -> bool:
        """Whether a verdict label ("Not true -", "False:") answers a belief just quoted, so that
        what follows it is the correction: '"Subcutaneous products are weaker." Not true -
        Cuvitru is a 20% solution', or a cell under a "Fact" column beside the myth."""
        if not VERDICT_LABEL.match(label.group(0)):
            return False  # "Myth:", "We wrote:" announce the belief itself
        if before is not None:
            return QUOTED_SENTENCE.match(before.text) is not None
        header = (self.unit.column_header or "") if self.unit.kind == "table_cell" else ""
        return bool(header) and FACT_HEADER.search(header) is not None

    def _stretches(self, found: list[re.Match[str]]) -> list[tuple[int, int]]:
        """Each cue's stretch: from the cue to the end of its clause (see BELIEF_END)."""
        spans = []
        for m in found:
            if m.group(0)[:1] in '"“' and m.group(0)[-1:] in '"”':
                spans.append(m.span())  # a quoted belief: the quote itself
                continue
            sent_end = next((s.end for s in self.sentences if s.start <= m.start() < s.end), 0)
            if not sent_end:
                continue
            end = BELIEF_END.search(self.text, m.end(), sent_end)
            spans.append((m.start(), end.start() if end is not None else sent_end))
        return spans

    def _without_dashed_apposition(
        self, sent: Sentence, breaks: list[tuple[int, int]]
    ) -> list[tuple[int, int]]:
        """Drop the dashes around an apposition: "Privigen – a 10% product – is ...".

        A dash right after a product name opens a description of that product, not a new
        clause; so does the closing dash, when the sentence has one.
        """
        if not breaks:
            return breaks
        dashes = [b for b in breaks if DASH_BREAK.fullmatch(self.text, b[0], b[1])]
        if not dashes:
            return breaks
        ends = {m.end for m in sent.mentions if m.kind == "product"}
        first = dashes[0]
        if len(self.text[sent.start : first[0]].rstrip()) + sent.start not in ends:
            return breaks
        dropped = {first, dashes[1]} if len(dashes) >= 2 else {first}
        return [b for b in breaks if b not in dropped]

    def clause_bounds(self, sent: Sentence, pos: int) -> tuple[int, int]:
        start, end = sent.start, sent.end
        for b_start, b_end in self.clause_breaks(sent):
            if b_end <= pos:
                start = b_end
            elif b_start >= pos:
                end = b_start
                break
        return start, end

    def products_in(self, start: int, end: int) -> list[Mention]:
        lo = bisect.bisect_left(self.product_starts, start)
        hi = bisect.bisect_left(self.product_starts, end)
        if lo == hi:
            return []
        contrast = self._contrast
        if contrast is None:
            contrast = self.contrast
        if not contrast:
            return self.products[lo:hi]  # (most units: no contrast phrase to leave out)
        return [m for m in self.products[lo:hi] if not self.in_contrast(m.start)]

    def negated(self, start: int, end: int, clause_start: int) -> bool:
        before = bool(
            NEGATION_BEFORE.search(self.text[max(clause_start, start - 40) : start])
            # "None of the products listed above contains sucrose"
            or NONE_LEAD.match(self.text, clause_start, start)
            or (
                "not " in (window := self.text[max(clause_start, start - 90) : start])
                and NOT_A_PRODUCT_FOR.search(window) is not None
            )
        )
        after = bool(NEGATION_AFTER.match(self.text[end : end + 8]))
        return before != after  # "not maltose-free" contains maltose

    def coordinated(self, products: list[Mention]) -> bool:
        return len(products) >= 2 and all(
            COORDINATION_GAP.match(self.text[a.end : b.start])
            for a, b in itertools.pairwise(products)
        )

    def index_of(self, sent: Sentence) -> int:
        """The position of ``sent`` among the unit's sentences (the index is built once)."""
        if self._sentence_index is None:
            self._sentence_index = {id(s): k for k, s in enumerate(self.sentences)}
        return self._sentence_index[id(sent)]

    @context_query
    def previous_subject(self, sent: Sentence, depth: int = 0) -> Mention | None:
        """The one product the sentence before names, when this one continues it.

        "It ..." / "The concentration is ..." refers back to the sentence before, which for
        a paragraph's first sentence is the last sentence of the paragraph before it (same
        section).
        """
        if not PRONOUN_LEAD.match(sent.text) and not (depth and ANSWER_LEAD.match(sent.text)):
            # (a "Yes, ..." answer between a question and "It ..." passes its subject on)
            return None
        return self.subject_before(sent, depth)

    @context_query
    def subject_before(self, sent: Sentence, depth: int = 0) -> Mention | None:
        """The one product the sentence before ``sent`` names (see :meth:`previous_subject`)."""
        idx = self.index_of(sent)
        if idx == 0:
            if (asked := self.question_before(sent)) is not None:
                # "<summary>Is Hizentra stronger ...?</summary>" / "Yes, ... It is a 20% ..."
                owner, question = asked
                prods = owner.products_in(question.start, question.end)
                if not prods:
                    # "Q: Some members have had Privigen. What is it?": the question's one
                    # product, named in the sentence before it
                    prods = owner.products
                return prods[0] if len({p.id for p in prods}) == 1 else None
            before = self.paragraph_before
            found = (
                before.last_sentence_subject() if before is not None and before.sentences else None
            )
            if found is None:
                # "ABOUT YOUR MEDICINE: OCTAGAM 10%" / "- It is a 10% solution": the list's lead
                found = self.lead_list_product()
            if found is None and DEFINITE_PRODUCT_LEAD.match(sent.text):
                return self.analysis.sole_product  # "the product" of a one-product article
            return found
        prev = self.sentences[idx - 1]
        prods = self.products_in(prev.start, prev.end)
        if prods and ("✘" in prev.text or "✗" in prev.text or "❌" in prev.text):
            # "A. It contains glycine, like Gamunex-C ✘ ... C. It contains sorbitol ✔": a
            # crossed-out option's product is not what the next option's "It" is
            crossed = self.beliefs
            prods = [p for p in prods if not any(lo <= p.start < hi for lo, hi in crossed)]
        ids = {p.id for p in prods}
        if len(ids) == 1 and depth < 3 and (liked := self.like_lead(prev, prods)) is not None:
            return liked  # "Like Privigen, it is a 10% liquid. It contains ...": not Privigen
        if not ids and depth < 3:
            # "Octagam 10% is ... It is a 10% solution. It contains ...": a chain of "It"
            chained = self.previous_subject(prev, depth + 1)
            if chained is None and depth == 0:
                # "Her medicine is Privigen. [...] Amira weighs 27 kg. Because it is a five per
                # cent liquid, ...": past sentences that name no product and talk of none
                return self.last_named_product(idx)
            return chained
        if len(ids) >= 2 and (main := self.main_clause_product(prev)) is not None:
            return main
        if len(ids) >= 2 and (breaks := self.clause_breaks(prev)):
            # "She had Privigen in August ...; this course is Octagam 10%. It does not contain
            # maltose": the last clause's one product
            # ("...; the letter mixed it up with Cuvitru": a product after "with" is not it)
            last = [
                p
                for p in self.products_in(breaks[-1][1], prev.end)
                if not WITH_BEFORE.search(self.text, max(prev.start, p.start - 8), p.start)
            ]
            if len({p.id for p in last}) == 1:
                return last[0]
        if len(ids) == 2:
            # "Panzyga is an Octapharma product, like the Octagam range. It comes as ...";
            # "Hizentra is a 20% product, twice as concentrated as Octagam 10%. It is ...": the
            # product compared with is not the subject
            compared = {
                p.id
                for p in prods
                if LIKE_BEFORE.search(self.text, max(prev.start, p.start - 20), p.start)
                or COMPARED_TO.search(self.text, max(prev.start, p.start - 30), p.start)
            }
            subjects = [p for p in prods if p.id not in compared]
            if len(compared) == 1 and len({p.id for p in subjects}) == 1:
                return subjects[0]
            # "the pharmacy had issued Panzyga, because one batch of Octagam 10% was held in
            # quarantine. Like Octagam 10%, it ...": a product in a trailing reason or time
            # clause is not what the sentence is about
            trailing = TRAILING_SUBORDINATE.search(self.text, prev.start, prev.end)
            if trailing is not None:
                before_clause = [p for p in prods if p.start < trailing.start()]
                if len({p.id for p in before_clause}) == 1 and len(before_clause) < len(prods):
                    return before_clause[0]
        return prods[0] if len(ids) == 1 else None

    @context_query
    def lead_list_product(self) -> Mention | None:
        """The one product the paragraph opening this list names, when no item since has
        named one: "ABOUT YOUR MEDICINE: OCTAGAM 10%" / "- It is a 10% solution ..."."""
        if self.unit.kind != "list_item":
            return None
        before = self.unit_before
        while before is not None and before.unit.kind == "list_item":
            if before.products:
                return None
            before = before.unit_before
        if (
            before is None
            or before.unit.kind != "paragraph"
            or before.unit.section != self.unit.section
            or len({p.id for p in before.products}) != 1
        ):
            return None
        return before.products[-1]

    @context_query
    def continues_product(self) -> bool:
        """Whether the unit opens by continuing the paragraph before's one product ("It ...")."""
        if (
            self.unit.kind == "list_item"
            and self.sentences
            and PRONOUN_LEAD.match(self.sentences[0].text) is not None
            and self.lead_list_product() is not None
        ):
            return True
        if (
            not self.sentences
            or not (
                PRONOUN_LEAD.match(self.sentences[0].text) is not None
                # "I weigh 75 kg ... The product itself has only a trace of IgA": a definite
                # reference further on reaches back too (see last_named_product)
                or (
                    any(w in self.text for w in DEFINITE_PRODUCT_WORDS)
                    and any(DEFINITE_PRODUCT_LEAD.match(s.text) for s in self.sentences[1:])
                )
            )
        ):
            return False  # (the unit's own words first: then no neighbour is read)
        before = self.paragraph_before
        return (
            before is not None
            and bool(before.sentences)
            and before.last_sentence_subject() is not None
        )

    def last_sentence_subject(self) -> Mention | None:
        """The one product this unit's last sentence names, if it names exactly one."""
        last = self.sentences[-1]
        prods = self.products_in(last.start, last.end)
        if not prods and len(self.sentences) > 1:
            # "Octagam 10% is made by Octapharma. It does not contain sugars." / "It contains
            # only a trace of IgA": the chain of "It" goes on across the paragraphs
            chained = self.previous_subject(last)
            if chained is not None:
                return chained
            # "Octagam 10% contains maltose, a sugar. Maltose can make some meters ..." / "The
            # product contains only trace amounts of IgA": the paragraph's one product
            named = {p.id: p for p in self.products}
            return next(iter(named.values())) if len(named) == 1 else None
        if len({p.id for p in prods}) == 1:
            return prods[0]
        return self.main_clause_product(last) if prods else None

    @context_query
    def last_named_product(self, idx: int) -> Mention | None:
        """The product last named before sentence ``idx`` (in this unit, else at the end of
        the paragraph before), when no other product and no talk of products in general came
        between: "... put me on Octagam 10%." / "I weigh 75 kg ... The product itself has only
        a trace of IgA" (see DEFINITE_PRODUCT_LEAD), and likewise for "it" within a paragraph
        ("Her medicine is Privigen. Amira weighs 27 kg. Because it is a five per cent liquid")."""
        for k in range(idx - 1, -1, -1):
            sent = self.sentences[k]
            prods = self.products_in(sent.start, sent.end)
            if prods:
                return prods[0] if len({p.id for p in prods}) == 1 else None
            if GENERIC_PRODUCT_WORD.search(sent.text):
                return None  # "Doctors choose a product with little IgA. The product ..."
            index = memoised(_TERM_INDEXES, self.facts, (), lambda: TermIndex(self.facts))
            if index.names_product(sent.text):
                # "You may see Gammagard S/D in older material. It is a different ...": a
                # product the facts do not describe (a name's first word, but no name)
                return None
        before = self.paragraph_before
        found = before.last_sentence_subject() if before is not None and before.sentences else None
        return found if found is not None else self.analysis.sole_product

    def main_clause_product(self, sent: Sentence) -> Mention | None:
        """The one product of a sentence's main clause, after a subordinate one: "When
        Octagam 10% is short, the pharmacy sends us Gamunex-C instead." (Gamunex-C)."""
        lead = SUBORDINATE_LEAD.match(sent.text)
        if lead is None:
            return None
        main = self.products_in(sent.start + lead.end(), sent.end)
        return main[0] if len({p.id for p in main}) == 1 else None

    def targets(
        self, sent: Sentence, pos: int, end: int | None = None
    ) -> tuple[list[Mention], str]:
        """Which product(s) a value at ``pos`` (ending at ``end``) belongs to, and how."""
        if (
            end is not None
            and (after := self.products_in(end, end + 3))
            and not self.text[end : after[0].start].strip()
            and "\n" not in self.text[end : after[0].start]
        ):
            return [after[0]], "direct"  # "away from the 10% Gammagard Liquid": its strength
        if (
            end is not None
            and any(w in self.text for w in CALLED_WORDS)
            and (called := CALLED_AFTER.match(self.text, end)) is not None
        ):
            named = self.products_in(called.end(), called.end() + 1)
            if named:
                # "also makes a 5% product called Octagam 5%": the product the phrase names
                return [named[0]], "direct"
        described = self.contrast_subject(pos)
        if described is not None:
            return [described], "apposition"  # "Unlike Privigen, which is a 5% solution, ..."
        if end is not None and (listed := self.bracketed_products(sent, end)):
            if len(listed) == 1 and COMPARED_TO.search(
                self.text, max(sent.start, listed[0].start - 30), listed[0].start
            ):
                return self._subject_compared_with(sent, listed[0], sent.start)
            return listed, "direct" if len(listed) == 1 else "coordinated"
        if (referred := self.former_latter(sent, pos)) is not None:
            return [referred], "coreference"  # "...; the latter is a 20% solution"
        cstart, cend = self.clause_bounds(sent, pos)
        cprods = self.products_in(cstart, cend)
        if len({p.id for p in cprods}) > 1 and "like" in self.text:
            # "Panzyga, an Octapharma 10% product like Octagam 10%, is stabilised with
            # glycine": the product compared with is not the subject
            # (not "Gamunex-C, like Privigen, is a 5% solution": both are)
            unlike = [
                p
                for p in cprods
                if not NOUN_LIKE_BEFORE.search(self.text, max(cstart, p.start - 30), p.start)
            ]
            if unlike and len(unlike) < len(cprods):
                cprods = unlike
        if end is not None and len({p.id for p in cprods}) > 1:
            for k, p in enumerate(cprods):
                if p.start >= end and FOR_GAP.fullmatch(self.text, end, p.start):
                    # "10% for Privigen and 20% for Hizentra"; "and glycine in Gamunex-C,
                    # Gammagard Liquid and Cuvitru": the products listed after it
                    listed = [p]
                    for q in cprods[k + 1 :]:
                        if not self.coordinated([listed[-1], q]):
                            break
                        listed.append(q)
                    return listed, "direct" if len(listed) == 1 else "coordinated"
        if not cprods:
            sprods = self.products_in(sent.start, sent.end)
            if len({p.id for p in sprods}) == 1 and not self.clause_breaks(sent):
                return sprods[:1], "direct"
            lead = self.lead_product
            if lead is not None and {p.id for p in sprods} == {lead.id} and lead.end <= cstart:
                # "- **Gamunex-C**: glycine-stabilized; IgA ~0.46 mg/mL": the item's product
                return [lead], self.lead_how
            if len({p.id for p in sprods}) == 1 and PRONOUN_LEAD.match(self.text, cstart, cend):
                if sprods[0].end <= cstart:
                    if (
                        cstart > sent.start
                        and PRONOUN_LEAD.match(sent.text)
                        and not EXPLETIVE_IT.match(sent.text)
                        and not self.products_in(sent.start, sent.start + 4)
                        and (prev := self.previous_subject(sent)) is not None
                    ):
                        # "It is made by the company that makes Privigen, but it is twice as
                        # concentrated": both pronouns are the sentence before's product
                        return [prev], "coreference"
                    # "Gamunex-C is approved for CIDP; it is a 10% solution."
                    return sprods[:1], "coreference"
                # "It is given under the skin, while Privigen is given into a vein.": the
                # pronoun comes first, so it is the sentence before's product
                prev = self.previous_subject(sent) if cstart == sent.start else None
                return ([prev], "coreference") if prev is not None else ([], "")
            if not sprods and self.lead_product is not None:
                return [self.lead_product], self.lead_how
            if not sprods and (titled := self.field_title(sent)) is not None:
                return [titled], "inherited"
            if not sprods:
                prev = self.previous_subject(sent)
                if prev is None and OBJECT_IT.search(self.text, cstart, pos):
                    # "... to give Hizentra herself. She infuses it into a vein ...": the
                    # object "it" is the product the sentence before names
                    prev = self.subject_before(sent)
                if prev is not None:
                    return [prev], "coreference"
            return [], ""
        if (compared := self.like_lead(sent, cprods)) is not None:
            return [compared], "coreference"  # "Like Privigen, it uses L-proline, and ..."
        if (
            cstart == sent.start
            and end is not None
            and all(p.start >= end for p in cprods)
            and 0 <= end <= self.text.find(",", cstart, cend)  # in the opening clause
            and PRONOUN_LEAD.match(self.text, cstart, cend)
            and (prev := self.previous_subject(sent)) is not None
        ):
            # "Because it contains no sugar, it does not interfere ... the way products such as
            # Octagam 10% can": "it" is the product before; the one named later is compared
            return [prev], "coreference"
        if len({p.id for p in cprods}) == 1:
            only = cprods[0]
            if COMPARED_TO.search(self.text, max(cstart, only.start - 30), only.start):
                return self._subject_compared_with(sent, only, cstart)
            return cprods[:1], "direct"
        if self.coordinated(cprods):
            return cprods, "coordinated"
        # Several uncoordinated products: the nearest one before the value, in its comma segment.
        before = [p for p in cprods if p.end <= pos]
        if (
            len(before) >= 2
            and self.coordinated(before)
            and pos - before[-1].end <= 30
            # (not in a bracket after the last one: "Flebogamma DIF (5% and 10%)" is its own)
            and not any(c in self.text[before[-1].end : pos] for c in ";([")
        ):
            # "Gammagard Liquid and Cuvitru, at 10% and 20%, ... already use Gammagard Liquid":
            # the products listed just before the values, whatever the clause names later
            return before, "coordinated"
        if before:
            nearest = before[-1]
            if COMPARED_OBJECT.search(self.text, max(0, nearest.start - 30), nearest.start):
                return [], ""  # "twice the IgA of Gamunex-C: an average of 106": not clear whose
            gap = self.text[nearest.end : pos]
            if ";" not in gap and gap.count(",") <= 1:
                if "," in gap and NEW_SUBJECT_AFTER_COMMA.match(gap, gap.rindex(",") + 1):
                    return [], ""  # "Privigen uses L-proline, the Octagams use maltose"
                return [nearest], "apposition" if "," in gap else "direct"
        return [], ""

    def _subject_compared_with(
        self, sent: Sentence, only: Mention, cstart: int
    ) -> tuple[list[Mention], str]:
        """Whose figure it is when the one product named is the compared one.

        "A little more IgA than Privigen (an average of 46 µg/mL)": the subject's, not
        Privigen's: the item's product, the one "It" refers to, or nobody's.
        """
        if self.lead_product is not None and self.lead_product.id != only.id:
            return [self.lead_product], self.lead_how
        prev = self.previous_subject(sent) if cstart == sent.start else None
        if prev is not None and prev.id != only.id:
            return [prev], "coreference"
        return [], ""

    def like_lead(self, sent: Sentence, cprods: list[Mention]) -> Mention | None:
        """The pronoun's product in "Like Privigen, it ...": the compared product is not the
        subject, so the sentence's values are the product the sentence before was about."""
        if not sent.text.lstrip(" *_\"'(").lower().startswith("like "):
            return None
        comma = self.text.find(",", sent.start, sent.end)
        if (
            comma >= 0
            and all(p.start < comma for p in cprods)
            and PRONOUN_LEAD.match(self.text, comma + 1, sent.end)
        ):
            return self.subject_before(sent)
        # no comma: "Like Privigen it is a 10% liquid" (the pronoun right after the name)
        for p in cprods:
            if self.text[p.end : p.end + 1] in (" ", "\t") and PRONOUN_LEAD.match(
                self.text, p.end, sent.end
            ):
                return self.subject_before(sent)
        return None

    def field_title(self, sent: Sentence) -> Mention | None:
        """For a field line ("Route: Intravenous only"), the product an earlier line of the
        unit's fields is titled by ("Product name: Gamunex-C", or the name alone).

        A card in Markdown keeps its "**Label:** value" lines in one paragraph, one sentence
        each; in plain text the same lines are units of their own, which inherit the product
        the same way (see inherit_leads).
        """
        if not FIELD_LEAD.match(sent.text):
            return None
        for prev in reversed(self.sentences[: self.index_of(sent)]):
            prods = self.products_in(prev.start, prev.end)
            if not prods:
                if ANY_FIELD.match(prev.text):
                    continue  # only across the card's other fields ("Type: solution")
                return None
            if len({p.id for p in prods}) != 1:
                return None
            label = PRODUCT_LABEL.match(prev.text)
            rest = prev.text[label.end() if label else 0 :]
            if rest.strip(TITLE_PUNCTUATION + " ") == prods[0].text:
                return prods[0]
            return None
        return None

    def former_latter(self, sent: Sentence, pos: int) -> Mention | None:
        """The product "the former" or "the latter" before ``pos`` refers to, if any.

        Of the two products named before the phrase (in its sentence, else the sentence
        before): "Privigen and Gamunex-C are 10% products; the former is made by CSL Behring
        and the latter by Grifols". A product named between the phrase and ``pos`` wins over it.
        """
        if "former" not in sent.text and "latter" not in sent.text:
            return None
        cues = list(FORMER_LATTER.finditer(self.text, sent.start, pos))
        cue = cues[-1] if cues else None
        if cue is None or self.products_in(cue.end(), pos):
            return None
        named: dict[str, Mention] = {}
        for p in self.products_in(sent.start, cue.start()):
            named.setdefault(p.id, p)
        if len(named) < 2:
            k = self.sentences.index(sent)
            if k == 0:
                return None
            before = self.sentences[k - 1]
            for p in self.products_in(before.start, before.end):
                named.setdefault(p.id, p)
        if len(named) != 2:
            return None  # "the latter" of three products, or of one: not clear
        first, second = named.values()
        return first if cue.group(1).lower() == "former" else second

    def bracketed_products(self, sent: Sentence, end: int) -> list[Mention]:
        """The products a bracket right after a value lists: "L-proline (Privigen, Hizentra)".

        Only a bracket that holds nothing but product names and list words counts; "glycine
        (an amino acid) ..." or "10% (see Privigen below)" name no list of products.
        """
        opened = PAREN_OPEN.match(self.text, end, sent.end)
        if opened is None:
            return []
        close = self.text.find(")", opened.end(), sent.end)
        if close < 0:
            return []
        inside = self.products_in(opened.end(), close)
        if not inside:
            return []
        pos = opened.end()
        for p in inside:
            if p.start < pos or not PAREN_LIST_GAP.fullmatch(self.text, pos, p.start):
                return []
            pos = p.end
        return inside if PAREN_LIST_GAP.fullmatch(self.text, pos, close) else []

    def generic_before_product(self, sent: Sentence, m: Mention, cstart: int, cend: int) -> bool:
        """A value in an indefinite phrase before the clause's product: any such product.

        "A 5% product needs twice the volume of Privigen" says nothing of Privigen's own
        figure; "A 10% solution, Privigen is ..." (an apposition) does.
        """
        starts = self.product_starts
        k = bisect.bisect_left(starts, cstart)
        if k == len(starts) or starts[k] < m.start or starts[k] >= cend:
            return False  # a product before the value ("Privigen is a 5% solution"), or none
        if not GENERIC_BEFORE.search(self.text, max(cstart, m.start - 12), m.start):
            return False
        if self.products_in(cstart, m.start):
            return False
        later = self.products_in(m.end, cend)
        return bool(later) and not APPOSITION_GAP.fullmatch(self.text, m.end, later[0].start)

    def distributive(self, prods: list[Mention], items: list[tuple[Mention, Value]]) -> bool:
        """Each product has every value: "X and Y both come in 5% and 10%", "X, like Y, ..."."""
        last_product = max(p.end for p in prods)
        first_value = min(w.start for w, _ in items)
        first_product = min(p.start for p in prods)
        if last_product > first_value and all(
            w.end <= first_product
            and CLASS_APPOSITION_GAP.fullmatch(self.text, w.end, first_product) is not None
            for w, _ in items
            if w.start < first_product
        ):
            # "Two intravenous products, Gammagard Liquid and Gamunex-C, may also be given
            # subcutaneously": the class before the list describes every product in it
            return True
        if last_product > first_value:
            return False
        shared = DISTRIBUTIVE.search(self.text, last_product, first_value)
        if shared is not None and "," not in self.text[shared.end() : first_value]:
            # (not "X and Y, both 10% products, use glycine and L-proline": "both" describes
            # them in an apposition that a comma closes)
            return True
        # "X and Y can be given IV or SC": options open to each, not values to share out
        last_value = max(w.end for w, _ in items)
        if (
            MODAL.search(self.text, last_product, first_value)
            and OR_WORD.search(self.text, first_value, last_value)
            and not AND_WORD.search(self.text, first_value, last_value)
        ):
            return True
        return any(LIKE.search(self.text, a.end, b.start) for a, b in itertools.pairwise(prods))

    def asks_whether(self, sent: Sentence, pos: int) -> bool:
        """Whether the clause asks, up to ``pos``: "ask whether Privigen is a 5% solution"."""
        if "hether" not in sent.text:
            return False
        cstart, _ = self.clause_bounds(sent, pos)
        found = WHETHER.search(self.text, cstart, pos)
        if found is None:
            return False
        # A comma ends the question ("whether given at home or in hospital, is ..."), but not
        # one inside a name ("Immune Globulin Subcutaneous (Human), 20% Liquid").
        names = [(m.start, m.end) for m in sent.mentions if m.quantity is None]
        return not any(
            c in ",;" and not any(s <= i < e for s, e in names)
            for i, c in enumerate(self.text[found.end() : pos], found.end())
        )

    def other_therapy(self, sent: Sentence, m: Mention) -> bool:
        """Whether a dose, schedule or price belongs to another drug, not to IVIG.

        The drug named last before the figure decides ("IVIG 2 g/kg every 4 weeks, and
        prednisone 1 mg/kg daily"), or one named right after it ("1 mg/kg of prednisone").
        A sentence that names no treatment and starts with a pronoun continues the previous
        one ("Methotrexate is a first treatment. It is given once a week.").
        """
        others = self.other_therapies
        if not others:
            return False
        after = OTHER_THERAPY_AFTER.match(self.text, m.end)
        if after is not None:
            k = bisect.bisect_left(self._other_starts, after.end())
            if k < len(others) and others[k][0] == after.end():
                return True
        verdict = self._last_therapy(sent, m.start)
        if verdict is None and PRONOUN_LEAD.match(sent.text):
            k = self.index_of(sent)
            if k:
                prev = self.sentences[k - 1]
                verdict = self._last_therapy(prev, prev.end)
        return verdict == "other"

    def _last_therapy(self, sent: Sentence, end: int) -> str | None:
        """Which kind of treatment ``sent`` names last before ``end``: "other", "ivig" or None."""
        others = self.other_therapies
        last_other = -1
        # The last one inside [sent.start, end): a bisection, so that a paragraph naming
        # many drugs beside many figures stays linear.
        k = bisect.bisect_left(self._other_starts, end) - 1
        while k >= 0 and others[k][0] >= sent.start:
            if others[k][1] <= end:
                last_other = others[k][1]
                break
            k -= 1
        if last_other < 0:
            return "ivig" if self._names_ivig(sent, end) else None
        last_ivig = -1
        for found in IVIG_WORD.finditer(self.text, last_other, end):
            last_ivig = found.end()
        for p in sent.mentions:
            if p.kind == "product" and last_other <= p.start and p.end <= end:
                last_ivig = p.end
        return "other" if last_ivig < 0 else "ivig"

    @property
    def other_therapies(self) -> list[tuple[int, int]]:
        """Spans of the other treatments the unit names (whole words), found once."""
        if self._other_therapies is None:
            text = self.text
            low = lower_same_length(text)
            self._other_therapies = [
                (s, e)
                for s, e in _OTHER_THERAPY.finditer(low)
                if not (s and (text[s - 1].isalnum() or text[s - 1] == "_"))
                and not (e < len(text) and (text[e].isalnum() or text[e] == "_"))
            ]
            self._other_starts = [s for s, _ in self._other_therapies]
        return self._other_therapies

    def _names_ivig(self, sent: Sentence, end: int) -> bool:
        if IVIG_WORD.search(self.text, sent.start, end):
            return True
        return any(p.kind == "product" and p.end <= end for p in sent.mentions)

    def new_group(self) -> str:
        self.counter += 1
        return f"{self.doc.path}#{self.unit.index}.{self.counter}"

    def emit(
        self,
        product: Mention,
        attribute: str,
        value: Value,
        where: Mention,
        sent: Sentence,
        how: str,
        group: str,
        polarity: bool = True,
        condition: str = "",
    ) -> None:
        if self.reported(sent, where.start):
            return  # "Myth: Privigen is a 5% product."
        if product.kind == "condition":
            cterm = self.facts.conditions.get(product.id)
            subject = f"conditions.{product.id}"
            name = cterm.name if cterm else product.text
            if attribute != "incidence":  # a dose or schedule is IVIG's in the condition
                name = f"IVIG in {name}"
        elif product.kind == "therapy":
            subject, name = "therapy.ivig", "IVIG"
        else:
            term = self.facts.products.get(product.id)
            subject, name = f"products.{product.id}", term.name if term else product.text
        start, end = self.unit.source_span(where.start, where.end)
        s_start, s_end = sent.source_span()
        route = ""
        if attribute.removeprefix("maintenance ") in ROUTED_ATTRIBUTES:
            route = "+".join(sorted({m.id for m in sent.mentions if m.kind == "route"}))
            if not route and self.analysis.subcutaneous:
                route = "subcutaneous"
            elif (
                not route
                and product.kind == "condition"
                and product.id not in _regimen_conditions(self.facts)
                and (self.analysis.scig_only or self.beside_scig_only())
            ):
                # "she receives replacement therapy at home once a week" in a letter about
                # Hizentra: SCIG's schedule (a condition the facts give a regimen for is still
                # compared with it: the facts say which route that regimen is)
                route = "subcutaneous"
        self.analysis.claims.append(
            Claim(
                subject=subject,
                subject_name=name,
                attribute=attribute,
                value=value,
                path=self.doc.path,
                start=start,
                end=end,
                text=self.text[where.start : where.end],
                sentence_start=s_start,
                sentence_end=s_end,
                polarity=polarity,
                attribution=how,
                group=group,
                condition=condition,
                quantity=where.quantity,
                route=route,
            )
        )
        if self.emitted is not None:
            self.emitted.append((where.start, where.end, sent))

    def attribute_values(
        self,
        sent: Sentence,
        attribute: str,
        values: list[tuple[Mention, Value]],
        polarity: bool = True,
    ) -> None:
        """Attribute a sentence's values of one attribute to products, finding ambiguity."""
        if not values:
            return
        sprods = self.products_in(sent.start, sent.end)
        if RESPECTIVELY.search(sent.text) and len(sprods) >= 2:
            if len(sprods) != len(values):
                # "37 and 80 µg/mL IgA, respectively": the pairs are meant, but not every value
                # was read as one; any pairing guessed here could be wrong.
                return
            group = self.new_group()
            for prod, (where, value) in zip(sprods, values, strict=True):
                self.emit(prod, attribute, value, where, sent, "respectively", group, polarity)
            return
        buckets: dict[tuple[Any, ...], list[tuple[Mention, Value]]] = {}
        targets_of: dict[tuple[Any, ...], tuple[list[Mention], str]] = {}
        low = sent.text.lower()
        generic_subject = (
            "neither" in low or "none" in low or "no " in low or "'s " in low or "’s " in low
        )
        for where, value in values:
            if self.asks_whether(sent, where.start) or self.reported(sent, where.start):
                continue
            shared = SHARED_UNIT_BEFORE.search(
                self.text, max(sent.start, where.start - 24), where.start
            )
            if shared is not None and not any(
                shared.start() <= w.start < where.start for w, _ in values
            ):
                # "averaging 46 and 37 µg/mL" when the quantity grammar did not give the first
                # figure its unit: the last of a list whose figures are not all read; whose
                # figure is which is unclear
                continue
            if generic_subject and self.generic_subject_of(sent, where.start):
                # "Neither product contains maltose, so the warning that applies to Octagam 10%
                # does not apply": said of unnamed products, not of the one named after it
                continue
            prods, how = self.targets(sent, where.start, where.end)
            if not prods and not self.products_in(sent.start, sent.end):
                asked = self.asked_product(sent, attribute)
                if asked is not None:
                    prods, how = [asked], "answer"
            if not prods:
                continue
            key = (how, tuple((p.id, p.start) for p in prods))
            buckets.setdefault(key, []).append((where, value))
            targets_of[key] = (prods, how)
        for key, items in buckets.items():
            prods, how = targets_of[key]
            group = self.new_group()
            distinct = {v.key for _, v in items}
            if how == "coordinated" and len(distinct) >= 2 and not self.distributive(prods, items):
                first = min(p.start for p in prods)
                last = max(w.end for w, _ in items)
                names = []
                for p in prods:
                    t = self.facts.products.get(p.id)
                    names.append(t.name if t else p.text)
                self.analysis.ambiguities.append(
                    Ambiguity(
                        unit=self.unit,
                        start=first,
                        end=last,
                        products=[f"products.{p.id}" for p in prods],
                        product_names=names,
                        attribute=attribute,
                        values=[v.display for _, v in items],
                        group=group,
                    )
                )
                how = "ambiguous"
            for prod in prods:
                for where, value in items:
                    self.emit(prod, attribute, value, where, sent, how, group, polarity)

    # -- attributes -----------------------------------------------------------------------
    def concentration(self, sent: Sentence) -> None:
        values: list[tuple[Mention, Value]] = []
        header_says = self.headed and bool(
            TABLE_HEADERS["concentration"].search(self.attribute_header)
        )
        paired = self.versus_pair(sent)
        for m in sent.mentions:
            q = m.quantity
            if q is None or q.kind != "percent" or self.skipped(m.start) or m.start in paired:
                continue
            if dict(q.extra).get("ci"):
                continue
            cstart, cend = self.clause_bounds(sent, m.start)
            if q.low > 30 and not STRENGTH_WORDS.search(
                self.attribute_header if self.headed else self.text[cstart:cend]
            ):
                # No immunoglobulin comes stronger than 20%: "Octagam 10% (IVIG)  37 of 47  79%"
                # (a results row) or a cell under "Percent" is a share of patients; only a
                # strength said to be one ("a 50% solution") is still read as one.
                continue
            after = self.text[m.end : min(cend, m.end + 40)]
            before = self.text[max(cstart, m.start - 40) : m.start]
            if (
                PURITY_AFTER.match(after)
                or PURITY_BEFORE.search(before)
                or (q.low > 50 and IGG_AFTER.match(after))
            ):
                continue  # "at least 98% IgG", "98% pure": purity
            if "IgA" in before and IGA_BEFORE_VALUE.search(before):
                continue  # "IgA of 37 mg/mL": IgA's figure (see iga_as_mass_per_volume)
            if "ypothetic" in before and HYPOTHETICAL_BEFORE.search(before):
                continue  # "Octagam 10% and a hypothetical 5% solution": no product's strength
            if "%" not in q.text and self.stabilizer_led(sent, m, cstart):
                continue  # "- Maltose (Octagam 5%): 100 mg per mL": the sugar's amount
            if "%" not in q.text and any(
                s.kind == "stabilizer"
                and 0 <= m.start - s.end <= 14
                and "(" in self.text[s.end : m.start]
                for s in sent.mentions
            ):
                continue  # "stabilized with maltose (about 90 mg/mL, ...)": the sugar's amount
            if (
                "%" not in q.text
                and PROTEIN_IN.search(q.text) is None
                and self.stabilizer_amounts(sent)
            ):
                # "Octagam 5% contains about 100 mg of maltose in every mL and Octagam 10%
                # about 90 mg per mL": the second figure is the sugar's too
                continue
            if SHARE_BRACKET_BEFORE.search(before):
                continue  # "the two Octagam strengths in 7 of the 12 (58%)": a share
            if (
                PRODUCT_CLASS_AFTER.match(self.text, m.end)
                and CLASS_PREPOSITION_BEFORE.search(before)
                and not PRODUCT_CLASS_NAMED.match(self.text, m.end)
            ):
                continue  # "10 mL per gram for 10% products": a class, not a named product
            if NEVER_CONCENTRATION_AFTER.match(after) or NEVER_CONCENTRATION_BEFORE.search(before):
                continue  # "is 10% maltose", "40% had headache", "covers Privigen at 80%"
            # "contains 10% protein", "50 mg/mL of protein", "10 g of protein per 100 mL": the
            # product's own concentration
            protein = (
                PROTEIN_AFTER.match(after) is not None
                or PROTEIN_IN.search(q.text) is not None
                # "100 mg/mL and 200 mg/mL of protein, respectively": said of every value listed
                or (
                    "rotein" in after
                    and PROTEIN_AFTER_LIST.match(self.text, m.end, min(cend, m.end + 80))
                    is not None
                )
            )
            if not protein and after.lstrip()[:3].lower() == "of ":
                continue  # "73% of that of IVIG", "10% of the dose": a share of something
            concentration_of = protein or CONCENTRATION_OF.search(before) is not None
            if NOT_CONCENTRATION_AFTER.match(after) and not concentration_of:
                continue
            if NOT_CONCENTRATION_BEFORE.search(before) and not concentration_of:
                continue
            if COMPARISON_BEFORE.search(self.text[max(cstart, m.start - 80) : m.start]):
                continue  # "as concentrated as 10% products", "the volume of a 10% product"
            if AMOUNT_OF_BEFORE.search(before) and GENERIC_PRODUCT_AFTER.match(after):
                continue  # "140 g is 2,800 mL of the 5% product": the product it names
            if NEGATED_COPULA.search(before) or self.negated(m.start, m.end, cstart):
                continue  # "Privigen is not a 5% solution", "does not come as a 5% solution"
            window = self.text[max(cstart, m.start - 45) : min(cend, m.end + 45)]
            near_product = any(
                p.kind == "product"
                and (
                    (0 <= m.start - p.end <= 4 and not LIST_GAP.search(self.text, p.end, m.start))
                    # ("20% Hizentra", not a table line's last value before the next line's
                    # product: "... 20 g/200 mL, 40 g/400 mL\nGamunex-C (10%) ....")
                    or (0 <= p.start - m.end <= 2 and "\n" not in self.text[m.end : p.start])
                    # "Gamunex-C and Privigen, at 10% and 5%, ..."
                    or AT_VALUE_GAP.fullmatch(self.text, p.end, m.start) is not None
                    # "- Gamunex-C (Grifols): 5%, glycine, IV or SC."
                    or BRACKET_LABEL_GAP.fullmatch(self.text, p.end, m.start) is not None
                )
                for p in sent.mentions
            )
            if not near_product and values:
                # the next value of a list the first one opened: "at 10% and 5%"
                near_product = (
                    VALUE_LIST_GAP.fullmatch(self.text, values[-1][0].end, m.start) is not None
                )
            if not (
                header_says
                or near_product
                or CONCENTRATION_CUE.search(window)
                or self.in_product_bracket(sent, m)
                or self.percent_slot(sent, m)
                # "Gamunex-C is the 5 percent one", "the 10% kind"
                or (ARTICLE_END.search(before) and PERCENT_ONE_AFTER.match(after))
                or (
                    q.low <= 30  # no strength is higher ("honestly it's 100%": a feeling)
                    and IT_IS_BEFORE.search(before)
                    and BARE_VALUE_END.match(after)
                    and self.products_in(sent.start, m.start)
                )
            ):
                continue
            if q.low != q.high:
                continue  # "5-10%" is not one product's concentration
            if self.generic_before_product(sent, m, cstart, cend):
                continue  # "A 5% product needs twice the volume of Privigen."
            values.append((m, percent_value(q.low)))
        self.attribute_values(sent, "concentration", values)

    def stabilizer_amounts(self, sent: Sentence) -> bool:
        """Whether the sentence gives a stabilizer's amount ("100 mg of maltose per mL")."""
        return any(
            x.kind == "stabilizer"
            and STABILIZER_AMOUNT_BEFORE.search(self.text, max(sent.start, x.start - 30), x.start)
            for x in sent.mentions
        )

    def stabilizer_led(self, sent: Sentence, m: Mention, cstart: int) -> bool:
        """Whether the clause of value ``m`` opens with a stabilizer, as a field label does."""
        for x in sent.mentions:
            if x.start >= cstart:
                return x.kind == "stabilizer" and x.start < m.start
        return False

    def in_product_bracket(self, sent: Sentence, m: Mention) -> bool:
        """A value in a product's bracket with its maker: "Panzyga (Octapharma, 5%)"."""
        opened = self.text.rfind("(", max(sent.start, m.start - 60), m.start)
        if opened < 0 or ")" in self.text[opened : m.start]:
            return False
        if not BRACKET_VALUE_END.match(self.text, m.end):
            return False
        product = [p for p in sent.mentions if p.kind == "product" and p.end <= opened]
        if not product or not BRACKET_LEAD_GAP.fullmatch(self.text, product[-1].end, opened):
            return False
        pos = opened + 1
        for maker in (x for x in sent.mentions if opened < x.start < m.start):
            if maker.kind != "manufacturer" or not BRACKET_SEP.fullmatch(
                self.text, pos, maker.start
            ):
                return False
            pos = maker.end
        return BRACKET_SEP.fullmatch(self.text, pos, m.start) is not None

    def versus_pair(self, sent: Sentence) -> set[int]:
        """ "Privigen is less concentrated than Hizentra (10% vs 20%)": each in order.

        Emits the two concentrations, paired with the sentence's two products in the order
        they were named, and returns the values' offsets (left out of the other readings).
        """
        if "%" not in sent.text or "(" not in sent.text:
            return set()
        pair = VS_PAIR.search(sent.text)
        if pair is None:
            return set()
        first, second = sent.start + pair.start(1), sent.start + pair.start(2)
        opened = sent.start + pair.start()
        named = [p for p in sent.mentions if p.kind == "product" and p.end <= opened]
        if (
            named
            and BRACKET_LEAD_GAP.fullmatch(self.text, named[-1].end, opened)
            and not VERSUS.search(pair.group(0))
        ):
            # "Privigen, Flebogamma DIF (5% and 10%), Octagam 5%": the strengths of the
            # product the bracket follows, not a pair across the sentence's products
            return set()
        products: list[Mention] = []
        # the bracket's own clause first: "Privigen is IV only; Hizentra is twice as
        # concentrated as Privigen (20% vs 10%)" pairs Hizentra and Privigen, in that order
        cstart, _ = self.clause_bounds(sent, opened)
        for lo in (cstart, sent.start) if cstart > sent.start else (sent.start,):
            products = []
            for p in self.products_in(lo, opened):
                if all(p.id != q.id for q in products):
                    products.append(p)
            if len(products) == 2:
                break
        found = [m for m in sent.mentions if m.quantity is not None and m.start in (first, second)]
        if len(products) != 2 or len(found) != 2:
            return set()
        group = self.new_group()
        for product, m in zip(products, found, strict=True):
            assert m.quantity is not None
            value = percent_value(m.quantity.low)
            self.emit(product, "concentration", value, m, sent, "respectively", group)
        return {first, second}

    def stabilizers(self, sent: Sentence) -> None:
        positive: list[tuple[Mention, Value]] = []
        negative: list[tuple[Mention, Value]] = []
        for m in sent.mentions:
            if m.kind != "stabilizer" or self.skipped(m.start):
                continue
            if STABILIZER_AS_INTERFERENCE.search(self.text, max(sent.start, m.start - 90), m.start):
                continue  # "use a glucose meter that is not affected by maltose"
            if STABILIZER_NONE_AFTER.match(self.text, m.end):
                continue  # "Sucrose → none of these (Gamunex-C label says so)": no product's
            if STABILIZER_TOPIC_AFTER.match(self.text, m.end):
                continue  # "the maltose issue no longer applies": a topic, not an ingredient
            if STABILIZER_CLASS_AFTER.match(self.text, m.end) and OTHER_BEFORE.search(
                self.text, max(sent.start, m.start - 30), m.start
            ):
                continue  # "centers that also stock other glycine-based products": a class
            generic = GENERIC_PRODUCT_WITH_BEFORE.search(
                self.text, max(sent.start, m.start - 40), m.start
            )
            if generic is not None and not COPULA_BEFORE.search(
                self.text, max(sent.start, generic.start() - 12), generic.start()
            ):
                # "moves from Octagam 10% to a product without maltose": another product (not
                # "Octagam 10% is a product with maltose")
                continue
            if (
                (cls := STABILIZED_CLASS_AFTER.match(self.text, m.end)) is not None
                and THE_CLASS_BEFORE.search(self.text, max(sent.start, m.start - 12), m.start)
                # (not "the maltose-containing IVIGs (Octagam 5%, Octagam 10% or Panzyga)")
                and not CLASS_MEMBERS_AFTER.match(self.text, cls.end())
            ):
                continue  # "Privigen ... and the glycine-stabilised products do not ...": a class
            term = self.facts.stabilizers.get(m.id)
            value = term_value("stabilizer", m.id, term.name if term else m.text)
            cstart, _ = self.clause_bounds(sent, m.start)
            if DENIED_RELATIVE_AFTER.match(self.text, m.end, min(sent.end, m.end + 80)):
                # "sucrose-containing products, which Privigen is not": said of a class and
                # denied of the product in the relative clause; whose stabilizer it is, unclear
                continue
            denied = self.negated(m.start, m.end, cstart) or bool(
                FIELD_NONE_AFTER.match(self.text, m.end)  # "Sucrose: None"
            )
            (negative if denied else positive).append((m, value))
        self.attribute_values(sent, "stabilizer", positive)
        self.attribute_values(sent, "stabilizer", negative, polarity=False)
        sugar: list[tuple[Mention, Value]] = []
        found = list(SUGAR.finditer(self.text, sent.start, sent.end))
        for sm in SUGAR_CONTAINED.finditer(self.text, sent.start, sent.end):
            cstart, _ = self.clause_bounds(sent, sm.start())
            if NEITHER.match(self.text, cstart):
                found.append(sm)
        for sm in found:
            if self.skipped(sm.start()):
                continue
            before = self.text[max(sent.start, sm.start() - 30) : sm.start()]
            if (
                NEGATED_COPULA.search(before)  # "is not sugar-free"
                or NONE_IS_BEFORE.search(before)  # "neither Octagam product is sugar-free"
                # "Neither Octagam 10% nor the 5% version is sugar-free"
                or NEITHER_NOR_BEFORE.search(
                    self.text, max(sent.start, sm.start() - 80), sm.start()
                )
                or GENERIC_BEFORE.search(before)  # "a sugar-free product": a kind, not this one
                or SUGAR_FREE_NOT_CLAIMED_AFTER.match(self.text, sm.end())  # "a sugar-free diet"
            ):
                continue
            mention = Mention("sugar", "sugar", sm.start(), sm.end(), sm.group(0))
            sugar.append((mention, Value("sugar", ("sugar", False), "sugar-free")))
        self.attribute_values(sent, "sugar", sugar)

    def routes(self, sent: Sentence) -> None:
        values: list[tuple[Mention, Value]] = []
        for m in sent.mentions:
            if m.kind != "route" or self.skipped(m.start):
                continue
            cstart, cend = self.clause_bounds(sent, m.start)
            if self.negated(m.start, m.end, cstart):
                continue
            if NO_ONE_BEFORE.search(self.text, max(cstart, m.start - 80), m.start):
                continue  # "no patient could have received Privigen subcutaneously"
            if (
                PRODUCT_CLASS_AFTER.match(self.text, m.end)
                and (pct := PERCENT_BEFORE.search(self.text, max(cstart, m.start - 12), m.start))
                and CLASS_PREPOSITION_BEFORE.search(
                    self.text, max(cstart, pct.start() - 30), pct.start()
                )
            ):
                continue  # "for the 20% subcutaneous products": a class of products
            if (
                (noun := A_PRODUCT_AFTER.match(self.text, m.end)) is not None
                and (art := INDEFINITE_BEFORE.search(self.text, max(cstart, m.start - 12), m.start))
                and OBJECT_LEAD_BEFORE.search(self.text, max(cstart, art.start() - 14), art.start())
                and not CLASS_MEMBERS_AFTER.match(self.text, noun.end())
            ):
                continue  # "not a like-for-like swap for a subcutaneous product": another one
            listed = self.products_in(cstart, m.start)
            if (
                len(listed) >= 2
                and self.coordinated(listed)
                and DENIED_GIVING_BEFORE.search(self.text, cstart, listed[0].start)
            ):
                continue  # "Do not infuse Hizentra or Cuvitru intravenously."
            denials = list(DENIED_GIVING.finditer(self.text, cstart, m.start))
            if denials:
                # "..., and we do not give Privigen, Panzyga or Octagam 10% under the skin"
                denied = self.products_in(denials[-1].end(), m.start)
                if denied and (len(denied) == 1 or self.coordinated(denied)):
                    continue
            before = self.text[max(cstart, m.start - 30) : m.start]
            if (
                ROUTE_BLOCK_BEFORE.search(before)
                or ROUTE_OTHER_BEFORE.search(before)
                # "not a swap for your subcutaneous one": the reader's own product's route
                or ROUTE_OWNER_BEFORE.search(before)
            ):
                continue  # "from a vein", "avoids the need for intravenous access"
            if ROUTE_OTHER_AFTER.match(self.text, m.end):
                continue  # "intravenous lines", "after intravenous induction"
            if ROUTE_DOSE_AFTER.match(self.text, m.end) and DETERMINER_BEFORE.search(before):
                continue  # "the intravenous dose is multiplied by 1.37": the old IV regimen
            if WHERE_CLAUSE.search(self.text, cstart, m.start):
                continue  # "... for dermatomyositis, where immunoglobulin is given into a vein"
            if THAN_WHAT.search(self.text, cstart, m.start):
                continue  # "larger than what can be given under the skin in a week"
            if ROUTE_ONE_AFTER.match(self.text, m.end) and DETERMINER_BEFORE.search(before):
                continue  # "the SubQ-only one I see most, Hizentra, ...": named after it
            if GENERIC_ROUTE_NOUN_BEFORE.search(before) and (
                (lead := self.products_in(cstart, m.start))
                and CLAUSE_JOIN.search(self.text, lead[-1].end, m.start)
            ):
                # "Privigen ... is given every 4 weeks at the clinic, and the plan would now
                # rather cover treatment under the skin at home": the treatment's route
                continue
            route_column = (
                self.headed
                and self.lead_product is not None
                and bool(TABLE_HEADERS["route"].search(self.attribute_header))
            )
            if (
                self.unit.kind == "table_cell"
                and not route_column
                and not self.products_in(sent.start, sent.end)
            ):
                continue  # "intravenous immunoglobulin" under "Previous treatment"
            given = (
                m.text.upper() in ("IV", "SC")
                and bool(
                    ROUTE_VERB_BEFORE.search(before)
                    or ROUTE_ONLY_AFTER.match(self.text, m.end)  # "Gamunex-C: IV only"
                    or self.route_slot(sent, m)  # "Flebogamma DIF: Grifols / 5% / IV or SC / ..."
                    or (
                        ROUTE_ACRONYM_AFTER.match(self.text, m.end)
                        and self.products_in(sent.start, sent.end)
                    )
                    or any(
                        ROUTE_PAREN_GAP.fullmatch(self.text, p.end, m.start)
                        and self.text[m.end : m.end + 1] == ")"
                        for p in self.products_in(cstart, m.start)
                    )
                )
            )
            if ACRONYM.match(m.text) and not route_column and not given:
                # "IVIG" names the therapy class: only "Privigen, a 10% IVIG" is a route claim
                # (or "IV" in a table's route column).
                prods = self.products_in(cstart, m.start)
                if not prods or not ROUTE_APPOSITION_GAP.match(self.text[prods[-1].end : m.start]):
                    continue
            term = self.facts.routes.get(m.id)
            name = term.name if term else m.text
            if (
                ROUTE_ONLY_AFTER.match(self.text, m.end) or ROUTE_ONLY_BEFORE.search(before)
            ) and not any(
                # in this clause: "Gamunex-C may be given subcutaneously for primary
                # immunodeficiency; Gammagard Liquid is given only into a vein"
                c.kind == "condition" and cstart <= c.start < cend
                for c in sent.mentions
                if c.id in self._conditions_named(sent)
            ):
                # "IV only", "can only be given into a vein": no other route, a claim of its own
                # (not "for ITP, only into a vein": the label limits the route in one condition)
                values.append((m, Value("route", ("route", m.id, "only"), f"{name} only")))
                continue
            values.append((m, term_value("route", m.id, name)))
        # Several mentions of the same route are one statement.
        seen: set[object] = set()
        unique = []
        for where, value in values:
            if value.key not in seen:
                seen.add(value.key)
                unique.append((where, value))
        self.attribute_values(sent, "route", unique)

    @property
    def headed(self) -> bool:
        """A value whose header names its attribute: a table cell, or a definition under its
        term ("<dt>Concentration</dt><dd>10%</dd>")."""
        return self.unit.kind == "table_cell" or (
            self.unit.definition and bool(self.attribute_header)
        )

    @property
    def iga_column(self) -> bool:
        """A table cell of a product's row (or column) under an IgA header (or a <dd>)."""
        return (
            self.headed
            and self.lead_product is not None
            and IGA_COLUMN.fullmatch(self.attribute_header) is not None
        )

    def iga_cell(self, sent: Sentence) -> None:
        """ "| Gamunex-C | 46 µg/mL |" or "| Privigen | Trace |" under an IgA column."""
        values: list[tuple[Mention, Value]] = []
        for m in sent.mentions:
            q = m.quantity
            if q is not None and q.kind == "iga":
                values.append((m, _iga_value(q)))
        if not values and (cell := IGA_CELL.fullmatch(self.text, sent.start, sent.end)):
            quality = next(k for k in ("free", "trace", "high") if cell.group(k))
            s, e = cell.span(quality)
            mention = Mention("iga", quality, s, e, self.text[s:e])
            values.append((mention, Value("iga", ("iga-level", quality), IGA_DISPLAY[quality])))
        self.attribute_values(sent, "iga", values)

    def iga(self, sent: Sentence) -> None:
        values: list[tuple[Mention, Value]] = []
        used: set[int] = set()
        content = False  # whether the sentence speaks of products' IgA content at all
        for im in IGA_WORD.finditer(self.text, sent.start, sent.end):
            if self.skipped(im.start()):
                continue
            after = self.text[im.end() : im.end() + 40]
            before = self.text[max(sent.start, im.start() - 40) : im.start()]
            if IGA_NOT_CONTENT.match(after) or before.rstrip().lower().endswith("anti-"):
                continue
            if IGA_OF_PATIENT_BEFORE.search(before):
                continue  # "Your IgA was 5 mg/dL": the patient's level, not the product's
            content = True
            # The figure nearest after the word, else the nearest before it; each figure is
            # read once ("trace amounts of IgA (25 µg/mL), while the IgA content of Octagam
            # 10% averages 160 µg/mL" has two).
            numeric = None
            best = 46
            for m in sent.mentions:
                q = m.quantity
                if q is None or q.kind != "iga" or m.start in used:
                    continue
                if m.start <= im.start() < m.end:
                    distance = 0  # the figure's own words name IgA: "1 mg/mL of IgA"
                elif m.start >= im.end():
                    distance = m.start - im.end()
                else:
                    distance = im.start() - m.end + 1
                if 0 <= distance < best:
                    numeric, best = (m, q), distance
            if numeric is None:
                numeric = self.iga_as_mass_per_volume(sent, im.end())
            if numeric is not None and "dl" in numeric[1].text.lower():
                continue  # per decilitre: a serum level ("IgA below 7 mg/dL")
            if numeric is not None:
                used.add(numeric[0].start)
                values.append((numeric[0], _iga_value(numeric[1])))
                continue
            quality = None
            qb = IGA_QUALITY_BEFORE.search(before)
            qa = IGA_QUALITY_AFTER.match(after)
            match = qa or qb
            if (
                qa is not None
                and qa.group("free")
                and (
                    NEGATED_COPULA.search(before.rstrip("\"'“”‘’")) or NONE_IS_BEFORE.search(before)
                )
            ):
                continue  # 'Privigen is not "IgA-free"', "neither product is IgA-free"
            if match is not None:
                quality = next(k for k in ("free", "trace", "high") if match.group(k))
                if qa is not None:
                    span = (im.start(), im.end() + qa.end())
                else:
                    assert qb is not None
                    span = (im.start() - len(before) + qb.start(), im.end())
            else:
                cstart, _ = self.clause_bounds(sent, im.start())
                if self.negated(im.start(), im.end(), cstart) and IGA_CUE_AFTER.match(after):
                    quality, span = "free", (im.start(), im.end())
            if quality is None:
                continue
            mention = Mention("iga", quality, span[0], span[1], self.text[span[0] : span[1]])
            value = Value("iga", ("iga-level", quality), IGA_DISPLAY[quality])
            if any(v.key == value.key for _, v in values):
                continue  # "virtually no IgA at all, so it is IgA-free": one statement
            values.append((mention, value))
        if content:
            # "Labels give IgA as an average or a maximum: Privigen contains no more than 25
            # µg/mL, Gamunex-C averages 46 µg/mL, ...": micrograms per mL in a sentence about
            # IgA content are IgA contents, each its own clause's product's
            values.extend(self.iga_figures(sent, used))
            values.sort(key=lambda item: item[0].start)
        self.attribute_values(sent, "iga", values)

    def iga_figures(self, sent: Sentence, used: set[int]) -> list[tuple[Mention, Value]]:
        """The sentence's IgA figures not in ``used`` (serum levels per dL left out), with the
        bare ones after products (:meth:`bare_iga_figures`); ``used`` takes their offsets."""
        out: list[tuple[Mention, Value]] = []
        for m in sent.mentions:
            q = m.quantity
            if q is None or q.kind != "iga" or m.start in used or "dl" in q.text.lower():
                continue
            if self.skipped(m.start):
                continue
            used.add(m.start)
            out.append((m, _iga_value(q)))
        out.extend(self.bare_iga_figures(sent, used))
        return out

    def iga_said_before(self, sent: Sentence) -> bool:
        """Whether a sentence before ``sent`` in this unit speaks of IgA."""
        for other in self.sentences:
            if other is sent:
                return False
            if "IgA" in other.text:
                return True
        return False

    def iga_list_lead(self) -> bool:
        """Whether this list item's list opens on a sentence about IgA ("... how much IgA a
        product contains. The amounts are small but not zero:" / "- Privigen: no more than 25
        micrograms per mL")."""
        if self.unit.kind != "list_item":
            return False
        lead = self.list_lead()
        return lead is not None and "IgA" in lead.text[-300:]

    def iga_continued(self, sent: Sentence) -> None:
        """ "No product is IgA-free. Label figures: Privigen no more than 25 µg/mL; Gamunex-C
        average 46 µg/mL; ...": micrograms per mL after a sentence about IgA are IgA contents
        (each its own clause's product's), as they are in a sentence that names IgA."""
        values = self.iga_figures(sent, set())
        values.sort(key=lambda item: item[0].start)
        self.attribute_values(sent, "iga", values)

    def bare_iga_figures(self, sent: Sentence, used: set[int]) -> list[tuple[Mention, Value]]:
        """IgA figures written without their unit after a product, in a list whose unit is
        written once ("Privigen says no more than 25 micrograms per mL, Gamunex-C averages
        46, Octagam 10% about 106 and Panzyga about 200"); none when the sentence's IgA
        figures are written in more than one unit."""
        units = set()
        for m in sent.mentions:
            q = m.quantity
            if q is not None and q.kind == "iga":
                written = _WRITTEN_UNIT.search(q.text)
                if written is None:
                    return []
                units.add(" ".join(written.group("unit").lower().split()))
        if len(units) != 1:
            return []
        unit = units.pop()
        out: list[tuple[Mention, Value]] = []
        for prod in self.products_in(sent.start, sent.end):
            bare = BARE_IGA_AFTER_PRODUCT.match(self.text, prod.end, sent.end)
            if bare is None or bare.start("n") in used or self.skipped(bare.start("n")):
                continue
            strength = f"{prod.text} {bare.group('n')}%".lower()
            if any(t.name.lower().startswith(strength) for t in self.facts.products.values()):
                continue  # "Gamunex-C, Octagam 10, Privigen": a strength in a product's name
            q = parse_quantity(f"{bare.group('n')} {unit}")
            if q is None or q.kind != "iga":
                continue
            s, e = bare.span("n")
            q = dataclasses.replace(q, start=s, end=e, text=self.text[s:e])
            used.add(s)
            out.append((Mention("quantity", "iga", s, e, self.text[s:e], q), _iga_value(q)))
        return out

    def next_course_interval(self, sent: Sentence) -> bool:
        """Read "the next course starts six weeks later" as an interval of six weeks.

        The duration must follow the next course's mention in its clause and be "later" or
        "after the first/last ...": "the next infusion takes three hours" is a duration, and
        "your next infusion is in 6 weeks" an appointment. Returns whether a duration became
        an interval.
        """
        found = False
        for course in NEXT_COURSE.finditer(self.text, sent.start, sent.end):
            for k, m in enumerate(sent.mentions):
                q = m.quantity
                if q is None or q.kind != "duration" or m.start < course.end():
                    continue
                if q.unit not in ("days", "weeks", "months") or q.low != q.high:
                    continue
                if self.clause_bounds(sent, m.start) != self.clause_bounds(sent, course.start()):
                    continue
                if not LATER_AFTER.match(self.text, m.end):
                    continue
                interval = dataclasses.replace(q, kind="interval")
                self.reread(sent, k, dataclasses.replace(m, quantity=interval))
                found = True
        return found

    def reread(self, sent: Sentence, k: int, mention: Mention) -> None:
        """Put ``mention`` in place of the sentence's ``k``-th (a duration read as an interval).

        Kept in ``replaced`` too: the sentences outlive the run (the checks read their
        mentions), so a memoised run must change them alike.
        """
        sent.mentions[k] = mention
        self.replaced.append((sent, k, mention))

    def interval_named(self, sent: Sentence) -> bool:
        """Read "the labelled interval for adult dermatomyositis is six weeks" as an interval
        (a duration the sentence calls one). Returns whether a duration became an interval."""
        found = False
        for k, m in enumerate(sent.mentions):
            q = m.quantity
            if q is None or q.kind != "duration" or q.unit not in ("days", "weeks", "months"):
                continue
            cstart, _ = self.clause_bounds(sent, m.start)
            if INTERVAL_IS_BEFORE.search(self.text, max(cstart, m.start - 80), m.start):
                interval = dataclasses.replace(q, kind="interval")
                self.reread(sent, k, dataclasses.replace(m, quantity=interval))
                found = True
        return found

    def question_before(self, sent: Sentence) -> tuple[_Extractor, Sentence] | None:
        """The question ``sent`` answers: the sentence just before it, if that asks.

        For a unit's first sentence, the last sentence of the unit before (a FAQ's question
        heading, ``<summary>``, "Q:" paragraph or list item).
        """
        idx = self.index_of(sent)
        if idx:
            owner, prev = self, self.sentences[idx - 1]
        else:
            before = self.unit_before
            if before is None or not before.sentences:
                return None
            owner, prev = before, before.sentences[-1]
        if "?" not in prev.text or QUESTION_END.search(prev.text) is None:
            return None
        if HYPOTHETICAL_QUESTION.search(prev.text) or QUIZ_OPTION.match(sent.text):
            return None  # a made-up case, or an option offered by a quiz
        return owner, prev

    @context_query
    def asked_product(self, sent: Sentence, attribute: str) -> Mention | None:
        """The one product the question just before ``sent`` asks ``attribute`` of, if any.

        "How concentrated is Gamunex-C?" / "A 5% solution.": the answer's value is Gamunex-C's.
        The question must ask about the attribute ("Is Privigen right for me?" / "Your doctor
        may prefer a 5% product." is not Privigen's strength) and name one product.
        """
        cue = ASKED.get(attribute)
        asked = self.question_before(sent) if cue is not None else None
        if asked is None or cue is None:
            return None
        owner, question = asked
        if cue.search(question.text) is None:
            return None
        prods = owner.products_in(question.start, question.end)
        return prods[0] if len({p.id for p in prods}) == 1 else None

    @context_query
    def answers_regimen_question(self, sent: Sentence) -> bool:
        """ "What is the dose for dermatomyositis?" / "2 g/kg every 4 weeks.": the question
        names the treatment, so its answer's figures are a regimen's."""
        asked = self.question_before(sent)
        return asked is not None and REGIMEN_CUE.search(asked[1].text) is not None

    @context_query
    def answers_product_question(self) -> bool:
        """Whether the unit opens by answering a question about one product (see above)."""
        before = self.unit_before
        if before is None or not before.sentences or not self.sentences:
            return False
        last = before.sentences[-1]
        if "?" not in last.text:
            return False  # (what question_before asks first, without indexing the sentences)
        return (
            self.question_before(self.sentences[0]) is not None
            and len({p.id for p in before.products_in(last.start, last.end)}) == 1
        )

    def _iga_continues(self, k: int) -> bool:
        """Whether sentence ``k`` states a product's IgA content (a figure beside the word),
        so that the next sentence's bare figures continue its list."""
        before = self.sentences[k]
        return any(
            m.quantity is not None and m.quantity.kind == "iga" and m.kind == "quantity"
            for m in before.mentions
        ) and bool(self.products_in(before.start, before.end))

    def iga_answer(self, sent: Sentence) -> None:
        """ "How much IgA does Privigen contain?" / "About 25 µg/mL.": the asked product's IgA.

        The answer names neither IgA nor a product; the question names both, and only one
        product. Figures per decilitre are a patient's serum level, not a product's content.
        """
        if self.products_in(sent.start, sent.end):
            # "Privigen contains no more than 25 µg/mL of IgA. Gammagard Liquid averages 0.37
            # mg/mL, ...": figures in a list of IgA contents that names its products
            k = self.index_of(sent)
            if k and IGA_WORD.search(self.sentences[k - 1].text) and self._iga_continues(k - 1):
                values = [
                    (m, _iga_value(m.quantity))
                    for m in sent.mentions
                    if m.quantity is not None
                    and m.quantity.kind == "iga"
                    and "dl" not in m.quantity.text.lower()
                ]
                self.attribute_values(sent, "iga", values)
            return
        product = self.asked_product(sent, "iga")
        if product is None:
            return
        group = self.new_group()
        for m in sent.mentions:
            q = m.quantity
            if q is None or q.kind != "iga" or "dl" in q.text.lower():
                continue
            if self.asks_whether(sent, m.start) or self.reported(sent, m.start):
                continue
            self.emit(product, "iga", _iga_value(q), m, sent, "answer", group)

    def route_slot(self, sent: Sentence, m: Mention) -> bool:
        """An acronym that fills a slot of its own in a product's list of attributes.

        "- Flebogamma DIF: Grifols / 5% & 10% / IV or SC / D-sorbitol": between separators
        (slashes, bars, semicolons, colons, dashes, commas), with nothing but routes, "IV" names
        the route (elsewhere it may be anything: "Phase IV", "IV immunoglobulin").
        """
        # also dashes and commas: "- Cuvitru (Takeda) — 20% — glycine — IV/SC"
        return self._fills_slot(sent, m, ROUTE_SLOT, "/|;:—–,", "/|;—–,")

    def percent_slot(self, sent: Sentence, m: Mention) -> bool:
        """A percentage alone between a product's field separators: "Cuvitru — 20% — SC".

        Slashes do not separate here ("5%/10%" is one slot), nor colons ("Headache: 50%"
        under a product's heading is a side effect's share); the product must be named in the
        sentence, before the value.
        """
        if not self.products_in(sent.start, m.start):
            return False
        return self._fills_slot(sent, m, PERCENT_SLOT, "|;—–,", "|;—–,")

    def _fills_slot(
        self, sent: Sentence, m: Mention, slot: re.Pattern[str], before: str, after: str
    ) -> bool:
        if self.lead_product is None and not self.products_in(sent.start, m.start):
            return False
        lo = max(sent.start, m.start - 30)
        cut = max(self.text.rfind(c, lo, m.start) for c in before)
        # a plain-text table's columns: dot leaders or wide spaces ("CSL Behring ... 10% .. IV")
        runs = [r for r in COLUMN_GAP.finditer(self.text, lo, m.start) if r.end() <= m.start]
        if runs:
            cut = max(cut, runs[-1].end() - 1)
        if cut < 0:
            return False
        ends = [i for c in after if (i := self.text.find(c, m.end, sent.end)) >= 0]
        if (gap := COLUMN_GAP.search(self.text, m.end, sent.end)) is not None:
            ends.append(gap.start())
        end = min(ends) if ends else sent.end
        return slot.fullmatch(self.text, cut + 1, end) is not None

    def iga_as_mass_per_volume(self, sent: Sentence, after: int) -> tuple[Mention, Quantity] | None:
        """ "an average IgA of 37 mg/mL": a protein-sized figure that is IgA's, slip and all.

        The quantity grammar reads milligrams per mL without a substance as the protein
        (3.7%); right after "IgA (content) of" it is the IgA content, 37,000 µg/mL, which the
        IgA rule can then report as the unit slip it is.
        """
        for m in sent.mentions:
            q = m.quantity
            if q is None or q.kind != "percent" or m.start < after or "%" in q.text:
                continue
            if "per" not in q.text and "/" not in q.text:
                return None
            if not IGA_VALUE_GAP.fullmatch(self.text, after, m.start):
                return None
            ug = q.low * 10_000.0  # 1% = 10 mg/mL = 10,000 µg/mL
            return m, dataclasses.replace(
                q, kind="iga", low=ug, high=q.high * 10_000.0, unit="ug/mL"
            )
        return None

    def manufacturers(self, sent: Sentence) -> None:
        self.contrast_manufacturers(sent)
        self.also_makes(sent)
        prods = self.products_in(sent.start, sent.end)
        header = self.attribute_header
        if (
            not prods
            and self.headed
            and self.lead_product is not None
            and TABLE_HEADERS["manufacturer"].search(header)
        ):
            cell = [m for m in sent.mentions if m.kind == "manufacturer"]
            ids = {m.id for m in cell}
            if len(ids) == 1:
                term = self.facts.manufacturers.get(cell[0].id)
                value = term_value("manufacturer", cell[0].id, term.name if term else cell[0].text)
                self.emit(
                    self.lead_product,
                    "manufacturer",
                    value,
                    cell[0],
                    sent,
                    "table" if self.unit.kind == "table_cell" else self.lead_how,
                    self.new_group(),
                )
            return
        mans = [
            m
            for m in sent.mentions
            if m.kind == "manufacturer"
            and not self.in_contrast(m.start)
            # "CSL Behring's two products share L-proline": the maker of products not named
            and not (
                MAKER_PRODUCTS_AFTER.match(self.text, m.end)
                and not self.products_in(m.end, self.clause_bounds(sent, m.start)[1])
            )
        ]
        if not prods and self.lead_product is not None and self.lead_how == "inherited":
            if mans and (asked := self.asked_product(sent, "manufacturer")) is not None:
                self.maker_of(asked, sent, mans, "answer")  # under "## Who makes Privigen?"
            else:
                self.inherited_manufacturer(sent, mans)
            return
        if not prods:
            # "Gamunex-C is a 10% solution. It is made by Grifols." / "The maker is Grifols."
            previous = self.previous_subject(sent) if mans else None
            if previous is not None:
                self.maker_of(previous, sent, mans, "coreference")
            elif mans and (asked := self.asked_product(sent, "manufacturer")) is not None:
                # "Q: Who makes Privigen?" / "A: Octapharma.": the asked product's maker
                self.maker_of(asked, sent, mans, "answer")
            elif mans and (titled := self.field_title(sent)) is not None:
                self.maker_of(titled, sent, mans, "inherited")  # a card's "Manufacturer:" line
            return
        lead = self.lead_manufacturer
        if not mans and lead is not None and sent is self.sentences[0]:
            mans = [lead]
        if (
            lead is None
            and mans
            and not self.text[sent.start : mans[0].start].strip()
            and (LABEL_DASH.match(self.text, mans[0].end))
        ):
            lead = mans[0]  # "Takeda - Offers Gammagard Liquid and Cuvitru." as a paragraph
        if not mans:
            return
        group = self.new_group()
        # "Gamunex-C, made by Takeda, is the first substitute for Privigen": an apposition
        # names the maker of the product it follows, whatever else the sentence names
        apposed = [
            (m, before[-1])
            for m in mans
            if (before := self.products_in(sent.start, m.start))
            and MADE_BY_APPOSITION_GAP.fullmatch(self.text, before[-1].end, m.start)
            and MADE_BY_APPOSITION_END.match(self.text, m.end)
        ]
        for maker, product in apposed:
            term = self.facts.manufacturers.get(maker.id)
            value = term_value("manufacturer", maker.id, term.name if term else maker.text)
            self.emit(product, "manufacturer", value, maker, sent, "direct", group)
        if apposed:
            mans = [m for m in mans if all(m is not a for a, _ in apposed)]
            if not mans:
                return
        # "...; the former is a CSL Behring product and the latter is made by Takeda"
        referred = [(m, p) for m in mans if (p := self.former_latter(sent, m.start)) is not None]
        for maker, product in referred:
            term = self.facts.manufacturers.get(maker.id)
            value = term_value("manufacturer", maker.id, term.name if term else maker.text)
            self.emit(product, "manufacturer", value, maker, sent, "coreference", group)
        if referred:
            mans = [m for m in mans if all(m is not r for r, _ in referred)]
            if not mans:
                return
        if len(mans) == 1 and (both := BOTH_MADE_BY.search(self.text, sent.start, mans[0].start)):
            named = self.products_in(sent.start, both.start())
            if len({p.id for p in named}) == 2 and not self.products_in(both.end(), sent.end):
                # "Cuvitru, like Hizentra, is a 20% product; both are made by CSL Behring"
                term = self.facts.manufacturers.get(mans[0].id)
                value = term_value("manufacturer", mans[0].id, term.name if term else mans[0].text)
                for prod in {p.id: p for p in named}.values():
                    self.emit(prod, "manufacturer", value, mans[0], sent, "coordinated", group)
                return
        if len(mans) == 1 and (
            both := BOTH_MAKER_APPOSITION.search(
                self.text, max(sent.start, mans[0].start - 25), mans[0].start
            )
        ):
            # "(Hizentra or Cuvitru, both CSL Behring)", "Hizentra and Cuvitru, both CSL Behring
            # products, ...": the coordinated products right before it share the maker
            listed = self.products_in(sent.start, both.start())
            if listed and not self.text[listed[-1].end : both.start()].strip(" ®™"):
                run = [listed[-1]]
                for previous in reversed(listed[:-1]):
                    if not LIST_SEP.fullmatch(self.text, previous.end, run[0].start):
                        break
                    run.insert(0, previous)
                if len({p.id for p in run}) >= 2:
                    term = self.facts.manufacturers.get(mans[0].id)
                    value = term_value(
                        "manufacturer", mans[0].id, term.name if term else mans[0].text
                    )
                    for prod in {p.id: p for p in run}.values():
                        self.emit(prod, "manufacturer", value, mans[0], sent, "coordinated", group)
                    return
        pairs = self.paired_makers(sent, mans) if len({m.id for m in mans}) > 1 else {}
        if not pairs and self.coordinated_makers(sent, prods, mans, group):
            return
        # "Grifols (Gamunex-C, Flebogamma DIF), CSL Behring (Privigen)": a maker's bracket
        bracketed = {p.start: m for m in mans for p in self.bracketed_products(sent, m.end)}
        for m in mans:
            # "the two CSL Behring subcutaneous products (Hizentra and Cuvitru)"
            noun = MAKER_NOUN_BEFORE_BRACKET.match(self.text, m.end)
            if noun is not None:
                for p in self.bracketed_products(sent, noun.end()):
                    bracketed.setdefault(p.start, m)
        # "Takeda, which makes Gammagard Liquid, Cuvitru and Flebogamma DIF": the whole list
        for maker in mans:
            listed = [p for p in prods if p.start >= maker.end]
            if not listed or not MAKER_WHO_MAKES_GAP.fullmatch(
                self.text, maker.end, listed[0].start
            ):
                continue
            for previous, following in itertools.pairwise(listed):
                if not LIST_SEP.fullmatch(self.text, previous.end, following.start):
                    break
                bracketed.setdefault(following.start, maker)
        for prod in prods:
            chosen: Mention | None = None
            how = "direct"
            after = self.text[prod.end : prod.end + 5]
            paren = [
                m
                for m in mans
                if (after.lstrip(" ®™").startswith("(") and 0 < m.start - prod.end <= 5)
                # "Privigen (made by Grifols) or Gamunex-C (made by Grifols)"
                or PAREN_BY_GAP.fullmatch(self.text, prod.end, m.start)
            ]
            possessive = [
                m
                for m in mans
                if POSSESSIVE_GAP.fullmatch(self.text[m.end : prod.start])
                or MAKER_NOUN_GAP.fullmatch(self.text, m.end, prod.start)
                or MAKER_WHO_MAKES_GAP.fullmatch(self.text, m.end, prod.start)
            ]
            by = [
                m
                for m in mans
                if BY_GAP.fullmatch(self.text, prod.end, m.start)
                # "Octagam 10% comes from Grifols, the same company that makes Gamunex-C" (the
                # sentence's one maker, right after "is made by" / "comes from")
                or (len(mans) == 1 and MADE_BY_GAP.fullmatch(self.text, prod.end, m.start))
            ]
            which_by = [
                m
                for m in mans
                if WHICH_BY_GAP.fullmatch(self.text, prod.end, m.start)
                # "Privigen, which Grifols makes in a 10% strength"
                or (
                    WHICH_GAP.fullmatch(self.text, prod.end, m.start)
                    and MAKES_AFTER.match(self.text, m.end)
                )
            ]
            cstart, cend = self.clause_bounds(sent, prod.start)
            in_clause = [m for m in mans if cstart <= m.start < cend] or (
                [lead] if lead is not None and lead in mans else []
            )
            ids = {m.id for m in in_clause}
            clause_products = self.products_in(cstart, cend)
            # Several products take one company only when they are listed together
            # ("Takeda - Offers Gammagard Liquid and Cuvitru"), never "X differs from Y".
            together = len({p.id for p in clause_products}) == 1 or self.coordinated(
                clause_products
            )
            listed_with = [p for p in clause_products if p.end > prod.end]
            if paren:
                chosen, how = paren[0], "parenthetical"
            elif prod.start in bracketed:
                chosen, how = bracketed[prod.start], "parenthetical"
            elif possessive:
                chosen, how = possessive[0], "possessive"
            elif by:
                chosen = by[0]  # "Privigen by Grifols is given monthly"
            elif which_by:
                chosen, how = which_by[0], "relative-clause"
            elif prod.start in pairs:
                chosen = pairs[prod.start]
                how = "respectively" if RESPECTIVELY.search(sent.text) else "direct"
            elif described := self.maker_in_apposition(prod, mans):
                chosen, how = described, "apposition"
            elif (
                listed_with
                and self.coordinated(clause_products)
                and (
                    described := self.maker_in_apposition(
                        prod, mans, max(p.end for p in listed_with)
                    )
                )
            ):
                chosen, how = described, "apposition"  # "X and Y are CSL Behring products"
            elif (
                len(ids) == 1
                and together
                # "It's a 20% product from CSL Behring, so it is twice as concentrated as
                # Octagam 10%": the product compared with is not the one described
                and not COMPARED_WITH_BEFORE.search(
                    self.text, max(cstart, prod.start - 40), prod.start
                )
                and (
                    MANUFACTURE_VERB.search(self.text[cstart:cend])
                    or (
                        FROM_BEFORE.search(self.text[cstart : in_clause[0].start])
                        and FROM_AFTER.match(self.text, in_clause[0].end)
                        # "Privigen, like Gamunex-C from Grifols, ...": Gamunex-C's maker
                        and self._nearest_product_before(in_clause[0].start, cstart) is prod
                    )
                    or (in_clause[0] is lead and self.only_products_after(lead, sent))
                )
            ):
                chosen = in_clause[0]
                how = "manufacturer-line" if chosen is lead else "direct"
            if chosen is None:
                continue
            if chosen.end <= prod.start:
                lo, hi = chosen.end, prod.start
            else:
                lo, hi = prod.end, chosen.start
            if how == "direct" and _RELATIVE.search(self.text, lo, hi):
                continue  # "Grifols also makes Xembify, which competes with Hizentra"
            # Denied before whichever comes second: "Cuvitru is not made by Grifols",
            # "Grifols does not make Cuvitru".
            second = chosen if chosen.start >= prod.start else prod
            if self.negated(second.start, second.end, cstart) and chosen is not lead:
                continue
            if self.asks_whether(sent, second.start):
                continue  # "Patients ask whether Grifols makes Privigen."
            term = self.facts.manufacturers.get(chosen.id)
            value = term_value("manufacturer", chosen.id, term.name if term else chosen.text)
            self.emit(
                prod,
                "manufacturer",
                value,
                chosen if chosen is not lead else prod,
                sent,
                how,
                group,
            )

    def also_makes(self, sent: Sentence) -> None:
        """ "CSL Behring, which also makes Cuvitru, supplies our clinic": the contrast takes
        Cuvitru out of the sentence's other claims (the maker's other product is not the
        subject), but the relative clause still names its maker, and so does a list after it
        ("which also makes Gammagard Liquid and Cuvitru")."""
        if " also " not in sent.text or not ALSO_MAKES.search(sent.text):
            return
        for maker in sent.mentions:
            if maker.kind != "manufacturer" or self.in_contrast(maker.start):
                continue
            following = [
                p
                for p in self.products
                if maker.end <= p.start < sent.end and self.in_contrast(p.start)
            ]
            if not following:
                continue
            gap = MAKER_WHO_MAKES_GAP.fullmatch(self.text, maker.end, following[0].start)
            if gap is None or "also" not in gap.group(0).lower():
                continue
            listed = [following[0]]
            for previous, nxt in itertools.pairwise(following):
                if not LIST_SEP.fullmatch(self.text, previous.end, nxt.start):
                    break
                listed.append(nxt)
            term = self.facts.manufacturers.get(maker.id)
            value = term_value("manufacturer", maker.id, term.name if term else maker.text)
            group = self.new_group()
            for prod in {p.id: p for p in listed}.values():
                self.emit(prod, "manufacturer", value, maker, sent, "relative-clause", group)

    @context_query
    def beside_scig_only(self) -> bool:
        """Whether the nearest paragraph naming a product (this one, else the one before, else
        the one after, in the same section) names only products given under the skin alone.

        "She receives replacement therapy at home once a week." before "Her medicine is
        Hizentra ..." is SCIG's schedule, even in a letter that later recalls the IV product
        she used before (so the article as a whole is not ``scig_only``).
        """
        for ex in (self, self.paragraph_before, self.paragraph_after):
            if ex is not None and ex.products:
                return _all_scig({p.id for p in ex.products}, self.facts)
        return False

    def generic_subject_of(self, sent: Sentence, pos: int) -> bool:
        """Whether the value at ``pos`` is said of no named product: its clause's subject is
        "Neither product", "none of the products" or "no other brand", with no product named
        between it and the value."""
        cstart, _ = self.clause_bounds(sent, pos)
        generic = [g.end() for g in GENERIC_NEGATIVE_SUBJECT.finditer(self.text, cstart, pos)]
        generic.extend(self.makers_products(sent, cstart, pos))
        return bool(generic) and not self.products_in(max(generic), pos)

    def makers_products(self, sent: Sentence, start: int, end: int) -> list[int]:
        """Ends of "<maker>'s (two) products" between ``start`` and ``end``: a subject that
        names no product ("CSL Behring's two products share L-proline")."""
        return [
            found.end()
            for m in sent.mentions
            if m.kind == "manufacturer"
            and start <= m.start < end
            and (found := MAKER_PRODUCTS_AFTER.match(self.text, m.end)) is not None
        ]

    def coordinated_makers(
        self, sent: Sentence, prods: list[Mention], mans: list[Mention], group: str
    ) -> bool:
        """ "Privigen and Panzyga are made by Octapharma and CSL Behring": coordinated products
        and coordinated makers in one clause, without *respectively*, are ambiguous. Every
        product gets every maker, as for coordinated values (see attribute_values), and the
        ambiguity is reported; the contradiction rule checks the reading in order."""
        if len({m.id for m in mans}) < 2:
            return False
        cstart, cend = self.clause_bounds(sent, prods[0].start)
        listed = [p for p in self.products_in(cstart, cend) if not self.in_contrast(p.start)]
        makers = [m for m in mans if cstart <= m.start < cend]
        if (
            len({p.id for p in listed}) < 2
            or len({m.id for m in makers}) < 2
            or not self.coordinated(listed)
            or not self.coordinated(makers)
            or not (
                MANUFACTURE_VERB.search(self.text, cstart, cend)
                or re.search(r"\b(?:by|from)\b", self.text[cstart:cend])
            )
        ):
            return False
        names = []
        for p in listed:
            t = self.facts.products.get(p.id)
            names.append(t.name if t else p.text)
        values = []
        for m in makers:
            term = self.facts.manufacturers.get(m.id)
            values.append((m, term_value("manufacturer", m.id, term.name if term else m.text)))
        self.analysis.ambiguities.append(
            Ambiguity(
                unit=self.unit,
                start=min(listed[0].start, makers[0].start),
                end=max(listed[-1].end, makers[-1].end),
                products=[f"products.{p.id}" for p in listed],
                product_names=names,
                attribute="manufacturer",
                values=[v.display for _, v in values],
                group=group,
            )
        )
        for prod in listed:
            for maker, value in values:
                self.emit(prod, "manufacturer", value, maker, sent, "ambiguous", group)
        return True

    def _nearest_product_before(self, pos: int, start: int) -> Mention | None:
        before = [p for p in self.products_in(start, pos) if p.end <= pos]
        return before[-1] if before else None

    def maker_in_apposition(
        self, prod: Mention, mans: list[Mention], after: int | None = None
    ) -> Mention | None:
        """ "Privigen, a CSL Behring product, ..." / "Privigen is a CSL Behring product" /
        "Privigen is Grifols' IVIG" / "Privigen and Hizentra are CSL Behring products".

        ``after``: where the gap starts (the end of the last product listed with ``prod``).
        """
        start = prod.end if after is None else after
        for m in mans:
            if (
                m.start > start
                and MAKER_APPOSITION_GAP.fullmatch(self.text, start, m.start)
                and MAKER_APPOSITION_AFTER.match(self.text, m.end)
            ):
                return m
        return None

    def paired_makers(self, sent: Sentence, mans: list[Mention]) -> dict[int, Mention]:
        """Products and makers named in turn: product start -> its maker.

        "Privigen is made by CSL Behring, and Hizentra by Takeda", "CSL Behring makes Privigen
        and Takeda makes Hizentra", or in order with "respectively". Only when the sentence
        has a making verb and each product has exactly one maker next to it.
        """
        prods = [p for p in self.products_in(sent.start, sent.end) if not self.in_contrast(p.start)]
        if len(prods) < 2 or len(prods) != len(mans) or len({m.id for m in mans}) < 2:
            return {}
        respectively = RESPECTIVELY.search(sent.text) is not None
        if not (
            MANUFACTURE_VERB.search(sent.text)
            or " by " in sent.text
            # "Hizentra and Cuvitru, from CSL Behring and Takeda respectively, ..."
            or (respectively and " from " in sent.text)
        ):
            return {}
        if respectively:
            first_products = max(p.end for p in prods) < min(m.start for m in mans)
            if first_products or max(m.end for m in mans) < min(p.start for p in prods):
                return {p.start: m for p, m in zip(prods, mans, strict=True)}
            return {}
        order = sorted([*prods, *mans], key=lambda x: x.start)
        kinds = [x.kind for x in order]
        if any(a == b for a, b in itertools.pairwise(kinds)):
            return {}  # not in turn
        pairs = zip(order[::2], order[1::2], strict=True)
        return {
            (a if a.kind == "product" else b).start: (b if a.kind == "product" else a)
            for a, b in pairs
        }

    def only_products_after(self, lead: Mention, sent: Sentence) -> bool:
        """ "Grifols: Gamunex-C, Flebogamma DIF.": after the maker's label, only its products."""
        label = LABEL_DASH.match(self.text, lead.end)
        if label is None or ":" not in label.group(0):
            return False
        rest = self.text[label.end() : sent.end]
        for p in reversed(self.products_in(label.end(), sent.end)):
            offset = p.start - label.end()
            rest = rest[:offset] + rest[offset + (p.end - p.start) :]
        return PRODUCT_LIST_GAPS.fullmatch(rest) is not None

    def inherited_manufacturer(self, sent: Sentence, mans: list[Mention]) -> None:
        """A maker in a field under a product: "- Made by Grifols" under "- **Privigen**"."""
        assert self.lead_product is not None
        self.maker_of(self.lead_product, sent, mans, "inherited")

    def maker_of(self, product: Mention, sent: Sentence, mans: list[Mention], how: str) -> None:
        """The one maker a sentence without a product names, for the product it is about.

        Stated with a making verb or as a field ("Manufacturer: Grifols"), not denied or
        asked about.
        """
        if len({m.id for m in mans}) != 1:
            return
        maker = mans[0]
        if not (
            MANUFACTURE_VERB.search(sent.text)
            # "It comes from Grifols, and the support line ... is theirs"
            or COMES_FROM_BEFORE.search(self.text, max(sent.start, maker.start - 30), maker.start)
            or MAKER_FIELD.match(self.text)
            # "- Grifols product" under "## Privigen"
            or (how == "inherited" and MAKER_APPOSITION_AFTER.match(self.text, maker.end))
            # "Q: Who makes Privigen?" / "A: Octapharma.": the question has the verb
            or (how == "answer" and ANSWER_LABEL.fullmatch(self.text, sent.start, maker.start))
        ):
            return
        if self.negated(maker.start, maker.end, sent.start) or self.asks_whether(sent, maker.start):
            return
        term = self.facts.manufacturers.get(maker.id)
        value = term_value("manufacturer", maker.id, term.name if term else maker.text)
        self.emit(product, "manufacturer", value, maker, sent, how, self.new_group())

    def contrast_manufacturers(self, sent: Sentence) -> None:
        """Makers named where a contrast describes its product.

        "Unlike Privigen (Grifols), ..." and "Switching from Privigen, which is made by
        Grifols, ..." state Privigen's maker even though Privigen is not the subject.
        """
        for m in sent.mentions:
            if m.kind != "manufacturer" or not self.in_contrast(m.start):
                continue
            found = self.described_at(m.start)
            if found is None:
                continue
            start, end, product = found
            part = self.text[start:end]
            if self.text[start - 1] == "(":
                if part.strip() != m.text:
                    continue  # only "(Grifols)", not "(unlike Grifols' products)"
                how = "parenthetical"
            elif MANUFACTURE_VERB.search(part) and not self.negated(m.start, m.end, start):
                how = "direct"
            else:
                continue
            term = self.facts.manufacturers.get(m.id)
            value = term_value("manufacturer", m.id, term.name if term else m.text)
            self.emit(product, "manufacturer", value, m, sent, how, self.new_group())

    def sentence_condition(self, sent: Sentence, hand_on: bool = False) -> str:
        """The condition a sentence is about: the one it names, else the one the sentence
        before names ("IVIG is also used for CIDP. The dose is ..."), else the one its section
        heading names ("## CIDP"), else the article's; for children or adults, its juvenile or
        adult form when the facts have both ("In children, dermatomyositis affects ...")."""
        condition = self._sentence_condition(sent, hand_on)
        return self._population_form(condition, sent) if condition else condition

    def _population_form(
        self, condition: str, sent: Sentence | None, children: bool | None = None
    ) -> str:
        """``condition``'s juvenile or adult form, for the population ``sent`` (or
        ``children``, when given) is about."""
        if children is not None:
            adults = not children
        else:
            assert sent is not None
            low = sent.text.lower()
            # cheap substring gates first: most sentences name no population
            children = (
                any(w in low for w in _CHILD_STEMS) and bool(CHILD_POPULATION.search(low))
            ) or "carra" in low  # the Childhood Arthritis and Rheumatology Research Alliance's
            adults = "adult" in low and bool(ADULT_WORDS.search(low))
            if not children and not adults and self.unit.kind == "table_cell":
                # "| Children | 3 per million |", a "Children (JDM)" column: its population
                for header in (self.unit.row_header, self.unit.column_header):
                    if header and not (children or adults):
                        children = CHILD_POPULATION.search(header) is not None
                        adults = ADULT_WORDS.search(header) is not None
            heading = self.unit.section or ""
            if (
                not children
                and not adults
                and heading
                and self.unit.kind != "heading"
                and not BOTH_POPULATIONS.search(heading)  # "Dosing in adults and children"
                # a juvenile form named below the heading stays one: "CHAIR 1 - adult DM" over
                # "CHAIR 6 - Jake M., 17M, JDM" / "- dose 3 of the q2w x3 loading"
                and condition not in self._juvenile_ids()
            ):
                # "## Treatment in children" over "Infusions are given every 2 weeks at first."
                children = CHILD_POPULATION.search(heading) is not None
                adults = ADULT_WORDS.search(heading) is not None
        if children == adults:
            return condition
        forms = memoised(_JUVENILE_FORMS, self.facts, (), lambda: _juvenile_forms(self.facts))
        if children:
            return forms.get(condition, condition)
        adult = {juvenile: plain for plain, juvenile in forms.items()}
        return adult.get(condition, condition)

    def _juvenile_ids(self) -> frozenset[str]:
        """The conditions that are the juvenile form of another."""
        return memoised(
            _JUVENILE_IDS, self.facts, (), lambda: frozenset(_juvenile_forms(self.facts).values())
        )

    def _sentence_condition(self, sent: Sentence, hand_on: bool = False) -> str:
        """See :meth:`sentence_condition`; ``hand_on``: any sentence before hands on its
        condition ("Dermatomyositis is rare. A study found an incidence of ..."), not only
        one about treatment."""
        ids = self._conditions_named(sent)
        if len(ids) == 1:
            return next(iter(ids))
        if ids:
            return ""
        if (elaborated := self._contrasted_then_elaborated(sent)) is not None:
            return elaborated
        k = self.index_of(sent)
        if OWN_SCOPE.match(sent.text) or (
            "eplacement" in sent.text and REPLACEMENT.search(sent.text)
        ):
            # "In autoimmune disease it is given at 2 g/kg": a scope of its own; "(why
            # replacement is q3-4w)": IgG replacement, whatever the article is about
            return ""
        if k and LETTER_OPTION.match(sent.text) and any(c in sent.text for c in "✘✗❌✔✓✅"):
            # "A 45 kg girl with juvenile dermatomyositis ... Which order is right? A. 90 g ...
            # ✘ B. 70 g every 2 weeks ... ✔": an answer sheet's option is about the question's
            # case, however many options stand between
            for previous in reversed(self.sentences[:k]):
                named = self._conditions_named(previous)
                if len(named) == 1:
                    return next(iter(named))
                if named:
                    break
        if k:
            # "IVIG is also used for CIDP. The dose is ...": only a sentence about treatment
            # ("JDM is the childhood form of the disease." hands nothing on)
            previous = self.sentences[k - 1]
            before = self._conditions_named(previous)
            if len(before) == 1 and (
                hand_on
                or REGIMEN_CUE.search(previous.text)
                # "In juvenile dermatomyositis (JDM) no product carries a label. The CARRA
                # plan adds IVIG at 2 g/kg ...": a sentence that opens on its condition sets
                # the topic; a question's condition is its answer's ("Q: JDM with rash? A: ...")
                or self._opens_on_condition(previous)
                or QUESTION_END.search(previous.text)
                # "Across from us sat Bernadette, who had chronic ITP. Her bottles said Octagam
                # 10%, ... her pump was allowed up to 0.12 mL/kg/min": that person's regimen
                or (self._person_with(previous) and POSSESSIVE.search(sent.text))
                # "The label also covers chronic ITP. That regimen is 2 g/kg ...": referred to
                or REGIMEN_REFERRED.match(sent.text)
            ):
                return next(iter(before))
            if hand_on and not before:
                # "Incidence ... of dermatomyositis: a cohort study. Arthritis Care Res. 2023.
                # Same county: incidence 1.1 per 100,000": an annotated entry's figure is its
                # title's, however many sentences naming nothing stand between
                for earlier in reversed(self.sentences[: k - 1]):
                    named = self._conditions_named(earlier)
                    if named:
                        if len(named) == 1:
                            return next(iter(named))
                        break
        elif (asked := self.question_condition()) is not None:
            return asked
        for parent in reversed(self.list_parents):
            named = self._named_in(parent)  # "- Children with JDM:" above this item
            if len(named) == 1:
                return next(iter(named))
            if named:
                break
        if self.unit.kind == "list_item" and (opened := self.list_lead_condition()) is not None:
            return opened
        if self.unit.kind == "table_cell":
            if self.row_indication:
                # the row's indication cell: "cITP", which the facts may not know, is still
                # not the article's condition (its figures are compared with its own)
                named = self._named_in(self.row_indication)
                if len(named) == 1:
                    return next(iter(named))
                return "other:" + " ".join(self.row_indication.lower().split())
            # "| Kawasaki disease | 2 g/kg |": the row's (or column's) condition
            for header in (self.unit.row_header, self.unit.column_header):
                named = self._named_in(header) if header else set()
                if len(named) == 1:
                    return next(iter(named))
        heading = self.unit.section
        if heading and self.unit.kind != "heading":
            named = self._named_in(heading)
            if len(named) == 1:
                return next(iter(named))
        return self.analysis.condition

    @context_query
    def question_condition(self) -> str | None:
        """The one condition the paragraph before asks about, when it ends in a question.

        "Q: JDM with persistent rash: CARRA plan A?" / "A: Add IVIg 2 g/kg q2w x 3 ...": an
        answer's condition is its question's.
        """
        before = self.paragraph_before
        if before is None or not before.sentences:
            return None
        asked = before.sentences[-1]
        named = before._conditions_named(asked)
        if len(named) == 1 and QUESTION_END.search(asked.text):
            return next(iter(named))
        return None

    @context_query
    def list_lead_condition(self) -> str | None:
        """The one condition the paragraph opening this list names, if it names one.

        "RM 212 - L.P., 29F - PIDD - Hizentra 20% SC" / "- Weekly dose 10 g = 50 mL.": the
        list's figures are for the condition its lead paragraph names.
        """
        lead = self.list_lead()
        if lead is None:
            return None
        named = lead._named_in(lead.text)
        return next(iter(named)) if len(named) == 1 else None

    def list_lead(self) -> _Extractor | None:
        """The paragraph just before the list this item belongs to, in the same section."""
        before = self.unit_before
        while before is not None and before.unit.kind == "list_item":
            before = before.unit_before
        if (
            before is None
            or before.unit.kind != "paragraph"
            or before.unit.section != self.unit.section
        ):
            return None
        return before

    def _opens_on_condition(self, sent: Sentence) -> bool:
        """Whether ``sent`` starts with the condition it names ("In JDM ...", "Q: JDM ...")."""
        lead = SCOPE_LEAD.match(sent.text)
        first = next((m for m in sent.mentions if m.kind == "condition"), None)
        return lead is not None and first is not None and first.start == sent.start + lead.end()

    def _named_in(self, header: str) -> set[str]:
        """The conditions a heading or table header names (asked once per text)."""
        named = self.analysis.heading_conditions.get(header)
        if named is None:
            index = memoised(_TERM_INDEXES, self.facts, (), lambda: TermIndex(self.facts))
            named = {cid for cid, _, _, _ in index.conditions_in(header)}
            self.analysis.heading_conditions[header] = named
        return named

    def _person_with(self, sent: Sentence) -> bool:
        """Whether ``sent`` names its condition as a person's ("Bernadette, who had chronic
        ITP", "a man with CIDP")."""
        return any(
            m.kind == "condition"
            and PERSON_WITH_BEFORE.search(self.text, max(sent.start, m.start - 40), m.start)
            for m in sent.mentions
        )

    def _contrasted_then_elaborated(self, sent: Sentence) -> str | None:
        """The one condition of a contrast that a colon goes on to describe: "Not to be
        confused with the same product's chronic ITP regimen: 2 g/kg given as ..." (ITP's)."""
        contrasted = {
            m.id for m in sent.mentions if m.kind == "condition" and self.in_contrast(m.start)
        }
        if len(contrasted) != 1:
            return None
        for start, end in self.contrast:
            if start >= sent.start and end < sent.end and self.text[end : end + 1] == ":":
                return next(iter(contrasted))
        return None

    def _conditions_named(self, sent: Sentence) -> set[str]:
        return {
            m.id
            for m in sent.mentions
            if m.kind == "condition"
            and not self.in_contrast(m.start)
            # "allows a faster rate than in dermatomyositis": the condition compared with
            and not (
                (
                    "than" in (near := self.text[max(sent.start, m.start - 40) : m.start])
                    or "times" in near
                    or "×" in near
                    or "x the" in near
                    or "not " in near.lower()
                )
                and COMPARED_CONDITION_BEFORE.search(
                    self.text, max(sent.start, m.start - 40), m.start
                )
            )
        }

    def regimen(self, sent: Sentence) -> None:
        """Doses, divisions, intervals, maximum doses: of a product, or of IVIG in a condition."""
        items = [
            m
            for m in sent.mentions
            if m.quantity is not None
            and m.quantity.kind in REGIMEN_KINDS
            and not self.in_contrast(m.start)
        ]
        if not items:
            return
        # An infusion rate ("up to 4 mg/kg/min") needs no cue word, and "monitor carefully
        # and do not exceed ..." is the label's own wording: only trials and examples are out.
        rates = [m for m in items if m.quantity is not None and m.quantity.kind == "infusion_rate"]
        if rates:
            items = [m for m in items if m not in rates]
            if RATE_NOT_CLAIMED.search(sent.text):
                rates = []
        items = [
            m
            for m in items
            if not ROUTINE_AFTER.match(self.text, m.end)
            and not VAGUE_ALTERNATIVE.match(self.text, m.end)
            # "If weekly sticks are wearing you down, ask about ...": a situation, not a regimen
            and not (
                m.quantity is not None
                and m.quantity.kind == "interval"
                and IF_CLAUSE.match(self.text, sent.start) is not None
                and m.end <= self.text.find(",", sent.start, sent.end)
            )
            # "Your dose (15 mg once a week)": a schedule beside a dose in milligrams is another
            # drug's
            and not MG_DOSE_BEFORE.search(self.text, max(sent.start, m.start - 25), m.start)
            # "Muscle & Skin Quarterly", "Myositis Monthly": a title, not a schedule
            and not (
                m.text[:1].isupper()
                and m.quantity is not None
                and m.quantity.kind == "interval"
                and TITLE_WORD_BEFORE.search(self.text, max(sent.start, m.start - 40), m.start)
            )
            # "max 40 mg per dose", "30 mg/kg/day (maximum 1 g)": a cap of a few grams at most
            # is another drug's (a methylprednisolone pulse), never IVIG's
            and not (
                m.quantity is not None and m.quantity.kind == "max_dose" and m.quantity.high < 10
            )
            and not (
                m.quantity is not None
                and m.quantity.kind == "interval"
                and (
                    AMOUNT_PER_PERIOD_AFTER.match(self.text, m.end)
                    or AMOUNT_PER_PERIOD_BEFORE.search(
                        self.text, max(sent.start, m.start - 60), m.start
                    )
                    or (
                        m.quantity.high < 1  # days, in weeks
                        and DAILY_AMOUNT_BEFORE.search(
                            self.text, max(sent.start, m.start - 50), m.start
                        )
                        is not None
                    )
                )
            )
            # "Over four weeks that is 0.8 g/kg, less than half of the 2 g/kg dermatomyositis
            # course": a figure measured against the condition's, not given for it
            and not (
                m.quantity is not None
                and m.quantity.kind == "dose"
                and MEASURED_AGAINST_AFTER.match(self.text, m.end)
            )
        ]
        if (
            items
            and self.unit.section
            and EXAMPLE_HEADING.search(self.unit.section)
            and not LABEL_SAYS.search(sent.text)
        ):
            # under "### A worked example": one (made-up) patient's figures (but "On the
            # Octagam 10% label, the dose is ..." states the label's regimen, example or not)
            items = []
        # "1 g/kg is the same as 1,000 mg/kg": a unit explained, not a dose
        items = [
            m
            for m in items
            if not UNIT_EQUIVALENT_AFTER.match(self.text, m.end)
            and not COMPARED_VALUE_AFTER.match(self.text, m.end)
            and not FIGURE_OF_BEFORE.search(self.text, max(sent.start, m.start - 20), m.start)
            and not UNIT_EQUIVALENT_BEFORE.search(self.text, max(sent.start, m.start - 40), m.start)
        ]
        if (items or rates) and self.unit.kind == "table_cell" and self.other_therapy_header():
            items = rates = []  # "| Rituximab | 1000 mg, two doses two weeks apart |"
        if ("not" in sent.text or "never" in sent.text or "n't" in sent.text) and (items or rates):
            # "every 4 weeks, not every 4-6 weeks", "is not given at 1 g/kg": the value is
            # denied ("do not give more than 2 g/kg" is a cap: its comparator says so)
            items = [m for m in items if not self.denied_value(sent, m)]
            rates = [m for m in rates if not self.denied_value(sent, m)]
        if items and NOT_A_REGIMEN.search(sent.text):
            # Only in the value's own clause: "courses are repeated every 35 days while it
            # works, and your consultant will review you every three months" states the first.
            items = [m for m in items if not self.not_a_regimen(sent, m.start)]
        if (
            items
            and not REGIMEN_CUE.search(sent.text)
            and not self.answers_regimen_question(sent)
            and not (
                # a product's dose per body weight says what it is ("Octagam 10%: 1 g/kg every 4
                # weeks"); without a product it may be protein or another drug's
                (
                    (self.lead_product is not None or self.products_in(sent.start, sent.end))
                    and any(m.quantity is not None and m.quantity.kind == "dose" for m in items)
                )
                # "For juvenile dermatomyositis they use 2 g/kg, and there is a cap of 100 g":
                # a dose per body weight and its cap, for a condition the sentence names
                or (
                    any(
                        m.quantity is not None
                        and m.quantity.kind == "dose"
                        and m.quantity.unit == "g/kg"
                        for m in items
                    )
                    and any(m.quantity is not None and m.quantity.kind == "max_dose" for m in items)
                    and bool(self._conditions_named(sent))
                )
                # "| Octagam 10% | 1 g/kg | every 4 weeks |" under "Dose" and "Interval"
                or (
                    self.unit.kind == "table_cell"
                    and self.lead_product is not None
                    and REGIMEN_HEADER.search(self.attribute_header)
                )
                # "| How often | Every 6 weeks |" in a two-column table of a regimen (the
                # condition from the heading or the article)
                or (
                    self.unit.kind == "table_cell"
                    and self.lead_product is None
                    and self.unit.row_header is not None
                    and REGIMEN_HEADER.search(self.unit.row_header) is not None
                    and not self.other_therapy_header()
                    # not a column of one route in an "IVIG | SCIG" comparison, nor a worked
                    # calculation's "Working" column
                    and not (
                        (column := self.unit.column_header or "")
                        and (
                            SUBCUTANEOUS_WORDS.search(column)
                            or INTRAVENOUS_TITLE.search(column)
                            or WORKING_COLUMN.search(column)
                        )
                    )
                )
                # "| Interval | every 4 weeks | every 8 weeks |" under "Adults" and "Children
                # (JDM)": a regimen row of a table by condition
                or (
                    self.unit.kind == "table_cell"
                    and self.lead_product is None
                    and any(
                        h and REGIMEN_HEADER.search(h)
                        for h in (self.unit.row_header, self.unit.column_header)
                    )
                    and any(
                        h and self._named_in(h)
                        for h in (self.unit.row_header, self.unit.column_header)
                    )
                )
            )
        ):
            items = []
        items = [
            m
            for m in sorted(items + rates, key=lambda m: m.start)
            if not self.other_therapy(sent, m)
            and not DOSE_OF_OTHER.match(self.text, m.end)
            and not self.asks_whether(sent, m.start)  # "asked us whether the dose was ..."
        ]
        if not items:
            return
        if len(self._conditions_named(sent)) > 1:
            # "In Kawasaki disease ... 2 g/kg; in Guillain-Barré syndrome, 0.4 g/kg daily for
            # five days ...": each value goes with the one condition its clause names; a value
            # whose clause names none (or several) is nobody's, not IVIG's in general.
            by_condition: dict[str, list[Mention]] = {}
            for m in items:
                named_here = self._value_condition(sent, m)
                if named_here is not None:
                    by_condition.setdefault(named_here, []).append(m)
            # Each condition's stretch has its own product, if any ("Privigen maintenance for
            # CIDP is every 4 weeks, and in primary immunodeficiency Hizentra is given weekly"):
            # from the end of the values before to where the next condition is named.
            groups = sorted(by_condition.items(), key=lambda kv: kv[1][0].start)
            starts = []
            for named_condition, group_items in groups:
                named_at = [
                    m.start
                    for m in sent.mentions
                    if m.kind == "condition"
                    and m.id == named_condition
                    and m.start < group_items[0].start
                ]
                starts.append(named_at[-1] if named_at else group_items[0].start)
            for k, (named_condition, group_items) in enumerate(groups):
                cstart, cend = self.clause_bounds(sent, group_items[0].start)
                lo = groups[k - 1][1][-1].end if k else sent.start
                hi = starts[k + 1] if k + 1 < len(groups) else sent.end
                self._regimen_values(
                    sent,
                    group_items,
                    self._population_form(named_condition, sent),
                    (max(lo, cstart), min(hi, cend)),
                )
            return
        self._regimen_values(sent, items, self.sentence_condition(sent))

    def _value_condition(self, sent: Sentence, value: Mention) -> str | None:
        """The one condition a value goes with, in a sentence that names several.

        The only one its clause names; else the one it is given for ("2 g/kg for
        dermatomyositis"); else the nearest before it when each condition has its own values
        ("ITP (1 g/kg on 2 days) and dermatomyositis (2 g/kg over 2-5 days)"), not when the
        conditions are listed together ("For ITP and dermatomyositis, 2 g/kg"). None: unclear.
        """
        cstart, cend = self.clause_bounds(sent, value.start)
        conds = [
            m
            for m in sent.mentions
            if m.kind == "condition" and cstart <= m.start < cend and not self.in_contrast(m.start)
        ]
        ids = list(dict.fromkeys(c.id for c in conds))
        if len(ids) <= 1:
            return ids[0] if ids else None
        for c in conds:
            if c.start >= value.end and VALUE_FOR_CONDITION_GAP.fullmatch(
                self.text, value.end, c.start
            ):
                return c.id
        before = [c for c in conds if c.end <= value.start]
        if not before:
            return None
        nearest = before[-1]
        k = conds.index(nearest)
        if k > 0 and not any(
            m.quantity is not None and conds[k - 1].end <= m.start < nearest.start
            for m in sent.mentions
        ):
            return None  # "ITP and dermatomyositis" listed together before their values
        if any(
            c.start >= value.end and VALUE_FOR_CONDITION_GAP.fullmatch(self.text, m.end, c.start)
            for c in conds
            for m in sent.mentions
            if m.quantity is not None and nearest.end <= m.start < value.start
        ):
            return None  # "2 g/kg for ITP, given over 2 days, and 2 g/kg for DM": given after
        return nearest.id

    def _regimen_values(
        self,
        sent: Sentence,
        items: list[Mention],
        condition: str,
        scope: tuple[int, int] | None = None,
    ) -> None:
        """Emit the regimen claims of ``items``: a sentence's, or a clause's with ``condition``.

        ``scope``: the clause whose products the values can belong to (default: the sentence).
        """
        lo, hi = scope if scope is not None else (sent.start, sent.end)
        # the clause's own product; else the sentence's ("Octagam 10% is approved for ITP (1
        # g/kg on 2 days) and dermatomyositis (2 g/kg ...)": each condition's is Octagam's)
        products = {p.id: p for p in self.products_in(lo, hi)} or {
            p.id: p for p in self.products_in(sent.start, sent.end)
        }
        if len(products) > 1:
            return  # which product gets which dose is not clear: stay quiet
        if products:
            subject = next(iter(products.values()))
            how = "direct"
        elif self.lead_product is not None:
            subject, how = self.lead_product, self.lead_how
        elif (previous := self.previous_subject(sent)) is not None:
            subject, how = previous, "coreference"  # "Hizentra is a 20% SCIG. It is ..."
        elif condition:
            subject = Mention("condition", condition, 0, 0, condition)
            how = "indication"
        else:
            subject = Mention("therapy", "ivig", 0, 0, "IVIG")
            how = "general"
        if how in ("indication", "general") and (
            self.analysis.subcutaneous
            or (
                any(
                    w in sent.text.lower()
                    for w in (
                        "scig",
                        "subcut",
                        "skin",
                        "sub",
                        "sq",
                        "tummy",
                        "belly",
                        "abdomen",
                        "thigh",
                    )
                )
                and SUBCUTANEOUS_WORDS.search(sent.text)
            )
            or self._continues_scig(sent)
        ):
            return  # "SCIG is given weekly at 0.1 to 0.2 g/kg": not the IV regimen
        group = self.new_group()
        phase = [at for at in self._maintenance_starts(sent) if lo <= at < hi]
        header_maintenance = self.unit.kind == "table_cell" and any(
            h and MAINTENANCE.search(h) for h in (self.unit.row_header, self.unit.column_header)
        )
        previous_end, previous_rate = sent.start, ""
        # "two grams per kilogram a day, given on two to five consecutive days": a day's dose
        # whose days are the sentence's division (so that its course can be judged)
        divisions = [
            d.quantity
            for d in items
            if d.quantity is not None
            and d.quantity.kind == "division"
            and d.quantity.unit == "days"
        ]
        for m in items:
            q = m.quantity
            assert q is not None
            if q.kind == "dose" and q.unit == "g/kg":
                q = self._daily_share(sent, m, q)
                m = dataclasses.replace(m, quantity=q)
            if (
                q.kind == "dose"
                and q.unit == "g/kg/day"
                and q.get("days") is None
                and len(divisions) == 1
            ):
                days = divisions[0]
                extra: tuple[tuple[str, object], ...] = (("days", int(days.low)),)
                if days.high != days.low:
                    extra += (("days_most", int(days.high)),)
                q = dataclasses.replace(q, extra=q.extra + extra)
                m = dataclasses.replace(m, quantity=q)
            attribute = q.kind
            if q.kind == "infusion_rate":
                # which rate: "start at 1 mg/kg/min" (the first), "up to 4 mg/kg/min" (the
                # fastest); read back to the value before it only, so that "start at 1 and
                # increase to 2 mg/kg/min" makes 2 no starting rate. Any other rate is a step.
                cstart, _ = self.clause_bounds(sent, m.start)
                before = self.text[max(cstart, previous_end, m.start - 50) : m.start]
                if self.unit.kind == "table_cell" and not before.strip():
                    # "| Maximum, if tolerated | 4.0 mL/kg/min |": the row or column says
                    before = f"{self.unit.row_header or ''} {self.unit.column_header or ''}"
                previous_end = m.end
                if previous_rate and EQUIVALENT_GAP.fullmatch(before):
                    attribute = previous_rate  # "1.0 mg/kg/min (0.01 mL/kg/min)"
                elif (
                    q.comparator in ("<=", "<")
                    or MAX_RATE_BEFORE.search(before)
                    or MAX_RATE_AFTER.match(self.text, m.end)  # "the 4 mg/kg/min label maximum"
                    # "will not be set above 0.08 mL/kg/min", "never faster than ..."
                    or (q.comparator in (">", ">=") and NEGATED_ABOVE.search(before))
                ):
                    attribute = "max_rate"
                    if q.comparator in (">", ">="):  # "not above X" is "at most X"
                        q = dataclasses.replace(q, comparator="<=")
                elif INITIAL_RATE_BEFORE.search(before):
                    attribute = "initial_rate"
                elif q.comparator not in (">", ">=") and STEP_RATE_BEFORE.search(before):
                    # A step ("increase to 2 mg/kg/min", "titrate to 6 mg/kg/min") or the rate
                    # it runs at ("then run at 3 mg/kg/min"): only the maximum can judge it.
                    attribute = "rate"
                else:
                    # "rates above 4 mg/kg/min raise the risk" names a rate and gives none;
                    # "that ceiling is 9 mg/kg/min for a ten percent product, more than double
                    # the ceiling for Octagam 10%" is some other product's: no verb of giving
                    previous_rate = ""
                    continue
                previous_rate = attribute
            else:
                previous_end, previous_rate = m.end, ""
            if q.kind in MAINTENANCE_KINDS and (
                (phase and any(self._in_phase(sent, m, at) for at in phase))
                or header_maintenance  # a cell in the "CIDP (maintenance)" row
            ):
                attribute = f"maintenance {q.kind}"
            elif q.kind == "dose" and self._loading(sent, m, phase):
                attribute = "loading dose"
            self.emit(subject, attribute, q.to_value(), m, sent, how, group, condition=condition)

    def _loading(self, sent: Sentence, m: Mention, phase: list[int]) -> bool:
        """Whether dose ``m`` is a loading dose: "a loading dose of 2 g/kg", "Loading: 2 g/kg",
        "2 g/kg as a loading dose"; an "initial" or "starting" dose only before a maintenance
        phase ("an initial dose of 2 g/kg, then 1 g/kg maintenance every 3 weeks")."""
        if "oading" not in sent.text and "nduction" not in sent.text and not phase:
            return False
        before = LOADING_WORD_BEFORE.search(self.text, max(sent.start, m.start - 40), m.start)
        if before is not None:
            word = before.group("word").lower()
            return word.startswith(("loading", "induction")) or bool(phase and m.start < min(phase))
        return LOADING_AFTER.match(self.text, m.end) is not None

    @context_query
    def _continues_scig(self, sent: Sentence) -> bool:
        """ "SCIG is mainly used as replacement therapy ... It is usually given at home, once a
        week": "It" continues the sentence before, which speaks of SCIG."""
        if not PRONOUN_LEAD.match(sent.text):
            return False
        k = self.index_of(sent)
        if k:
            previous = self.sentences[k - 1].text
        elif self.paragraph_before is not None and self.paragraph_before.sentences:
            previous = self.paragraph_before.sentences[-1].text
        else:
            return False
        return bool(SUBCUTANEOUS_WORDS.search(previous)) and not INTRAVENOUS_TITLE.search(previous)

    def other_therapy_header(self) -> bool:
        """Whether a table cell's column or row header names another therapy ("Rituximab",
        "Plasma exchange"): its doses and schedules are not IVIG's."""
        for header in (self.unit.column_header, self.unit.row_header):
            if header and OTHER_THERAPY_HEADER.search(header):
                return True
        return False

    def denied_value(self, sent: Sentence, m: Mention) -> bool:
        """Whether a dose or schedule is denied: "not every 4-6 weeks", "is never given at
        1 g/kg", "(not every 6 weeks)"; a bound ("not more than 70 g") is not denied."""
        q = m.quantity
        if q is not None and q.comparator != "=":
            return False
        before = self.text[max(sent.start, m.start - 45) : m.start]
        return DENIED_VALUE_BEFORE.search(before) is not None

    def not_a_regimen(self, sent: Sentence, pos: int) -> bool:
        """Whether the clause at ``pos`` describes a trial, an example or monitoring."""
        if self.clause_breaks(sent):
            cstart, cend = self.clause_bounds(sent, pos)
        else:
            cstart, cend = sent.start, sent.end
        # Advice to the reader after the statement is a clause of its own: "... is scheduled
        # every 6 weeks, so please check the refill dates" states the schedule.
        for m in ADVICE_AFTER.finditer(self.text, cstart, cend):
            if m.start() >= pos:
                cend = m.start()
                break
            # a value after it is in its clause, verb and all: "..., and her rheumatologist
            # reviews the plan every 3 months"
            cstart = m.start()
        return NOT_A_REGIMEN.search(self.text, cstart, cend) is not None

    def _in_phase(self, sent: Sentence, m: Mention, at: int) -> bool:
        """Whether the maintenance wording at ``at`` governs the value ``m``.

        Values after it do ("tapered to 1 g/kg"); a value before it only in the same clause
        and not in an earlier step ("1 g/kg as maintenance", not "2 g/kg initially, then
        tapered to 1 g/kg").
        """
        if at < m.start:
            return True
        if LOADING_BEFORE.search(self.text, max(sent.start, m.start - 30), m.start):
            return False  # "a loading dose of 1 g/kg, and the maintenance dose is then ..."
        cend = self.clause_bounds(sent, m.start)[1]
        return at < cend and not SEQUENCE.search(self.text, m.end, at)

    def _daily_share(self, sent: Sentence, m: Mention, q: Quantity) -> Quantity:
        """ "Each daily infusion is 0.4 g/kg", "5 daily infusions of 0.4 g/kg": a day's dose.

        Read as a dose per day (with its days when counted), which is compared with a course
        only as the total it adds up to (checks.regimens.course_dose).
        """
        before = self.text[max(sent.start, m.start - 45) : m.start]
        share = DAILY_SHARE_BEFORE.search(before)
        if share is None and DOSES_AFTER.match(self.text, m.end):
            share = COUNT_BEFORE_DOSE.search(before)  # "as two 1 g/kg doses"
        if share is None and (each := EACH_DAY_AFTER.match(self.text, m.end)) is not None:
            each_days = (("days", count_of(each.group("days"))),)
            return dataclasses.replace(q, unit="g/kg/day", extra=each_days)
        if share is None:
            given = GIVEN_ON_DAYS_AFTER.match(self.text, m.end)
            if given is not None and not q.get("either_days"):
                n = given.group("days")
                count = count_of(n)
                return dataclasses.replace(q, extra=(("either_days", (count, count)),))
            return q
        days = share.group("days")
        extra: tuple[tuple[str, object], ...] = ()
        if days is not None:
            extra = (("days", count_of(days)),)
        return dataclasses.replace(q, unit="g/kg/day", extra=extra)

    def _maintenance_starts(self, sent: Sentence) -> list[int]:
        """Unit offsets of the maintenance wording in ``sent`` (see MAINTENANCE)."""
        low = sent.text.lower()
        if not any(w in low for w in _MAINTENANCE_STEMS):
            return []
        return [sent.start + m.start() for m in MAINTENANCE.finditer(sent.text)]

    def incidence(self, sent: Sentence) -> None:
        rates = [m for m in sent.mentions if m.quantity is not None and m.quantity.kind == "rate"]
        if not rates:
            return
        if PREVALENCE_CUE.search(sent.text):
            # "put the incidence at 1.1 per 10,000 person-years, with a prevalence of 13 per
            # 100,000": each figure is what the nearest cue before it calls it
            ends = [m.start for m in rates[1:]] + [sent.end]
            rates = [
                m
                for m, end in zip(rates, ends, strict=True)
                if self._incidence_nearer(sent, m, end)
            ]
            if not rates:
                return
        # "| US children (juvenile DM) | 3.2 per 100,000 children |" under "Yearly incidence":
        # a cell's column header says what its figure is
        header = self.unit.column_header if self.unit.kind == "table_cell" else ""
        if header and PREVALENCE_CUE.search(header):
            return
        if not (INCIDENCE_CUE.search(sent.text) or (header and INCIDENCE_HEADER.search(header))):
            return
        if ADVERSE_WORDS.search(sent.text):
            return  # "Thrombosis occurs in 1 in 1,000 infusions": a side effect's frequency
        if not (
            self._conditions_named(sent)
            or UNNAMED_RATE_LEAD.match(sent.text)
            or REFERS_BACK.search(sent.text)  # "One estimate puts it at about 3 in 100,000"
        ) and OTHER_DISEASE_SUBJECT.match(sent.text):
            # "Type 1 diabetes affects about 20 per 100,000 children": another disease's rate
            # (one the facts do not know), not the article's condition's
            return
        condition = self.sentence_condition(sent, hand_on=True)
        if not condition:
            return
        if any(
            m.kind == "condition"
            and WITH_CONDITION_BEFORE.search(self.text, max(sent.start, m.start - 40), m.start)
            for m in sent.mentions
        ):
            return  # "1 in 1,000 people with dermatomyositis develops calcinosis"
        base = self._sentence_condition(sent, hand_on=True)
        for m in rates:
            assert m.quantity is not None
            if self.in_contrast(m.start) or PER_TREATMENT_AFTER.match(self.text, m.end):
                continue  # "compared with 50 per million for systemic sclerosis"
            # the rate's own population decides first: "10 per million people ..., and 3 per
            # million children" gives each form its figure
            per = m.quantity.per or ""
            rate_condition = condition
            if CHILD_POPULATION.fullmatch(per):
                rate_condition = self._population_form(base, None, children=True)
            elif per in ("people", "persons", "adults", "individuals", "population"):
                rate_condition = self._population_form(base, None, children=False)
            subject = Mention("condition", rate_condition, 0, 0, rate_condition)
            self.emit(
                subject,
                "incidence",
                m.quantity.to_value(),
                m,
                sent,
                "indication",
                self.new_group(),
                condition=rate_condition,
            )

    def _incidence_nearer(self, sent: Sentence, rate: Mention, limit: int) -> bool:
        """Whether ``rate`` is called an incidence rather than a prevalence in ``sent``.

        "about 13 per 100,000 residents were living with the condition": a prevalence cue
        after the figure (before the next one) decides; else the nearest cue before it ("the
        incidence at 1.1 per 10,000 ..., with a prevalence of 13 per 100,000").
        """
        after = PREVALENCE_CUE.search(self.text, rate.end, min(limit, rate.end + 80))
        if (
            after is not None
            and not INCIDENCE_WORD.search(self.text, rate.end, after.start())
            # (", with a prevalence of 13 per 100,000" introduces the next figure)
            and not any(c in self.text[rate.end : after.start()] for c in ",;:(")
        ):
            return False
        pos = rate.start
        last_prevalence = max(
            (m.start() for m in PREVALENCE_CUE.finditer(self.text, sent.start, pos)), default=-1
        )
        last_incidence = max(
            (m.start() for m in INCIDENCE_WORD.finditer(self.text, sent.start, pos)), default=-1
        )
        return last_incidence > last_prevalence

    def cost(self, sent: Sentence) -> None:
        for m in sent.mentions:
            q = m.quantity
            if q is None or q.kind != "money" or not q.per or self.in_contrast(m.start):
                continue
            if self.other_therapy(sent, m):
                continue  # "Rituximab costs about $5,000 per infusion."
            named = {p.id: p for p in self.products_in(sent.start, sent.end)}
            if len(named) > 1:
                continue  # whose price it is stays unclear
            # "Gammagard Liquid costs about $95 per gram": that product's price, not IVIG's
            subject, how = (
                (next(iter(named.values())), "direct")
                if named
                else (Mention("therapy", "ivig", 0, 0, "IVIG"), "general")
            )
            self.emit(subject, f"cost per {q.per}", q.to_value(), m, sent, how, self.new_group())

    def run(self) -> None:
        # Every product attribute is attributed to a product named in this unit (or leading
        # its list item or table row): without one, only regimen, incidence and cost remain.
        product_claims = (
            bool(self.products)
            or self.lead_product is not None
            or self.continues_product()
            or self.answers_product_question()
            or (
                self.analysis.sole_product is not None
                and any(w in self.text for w in DEFINITE_PRODUCT_WORDS)
                and any(DEFINITE_PRODUCT_LEAD.match(s.text) for s in self.sentences)
            )
        )
        self.analysis.sentences.extend(self.sentences)
        if self.unit.kind in ("heading", "table_header") or not (
            self.mentions
            or self.iga_column
            # "- IgA-free", "- Sugar-free" under "## Gamunex-C": words, not mentions
            or (product_claims and ("IgA" in self.text or SUGAR_WORD.search(self.text)))
        ):
            # Every attribute below starts from a mention (a product, term or quantity) or,
            # for sugar and IgA wording, needs a product: a unit with none makes no claim
            # (but "None" under an IgA column is a claim of its row's product).
            return
        # Each attribute starts from its own kind of mention (or, for sugar and IgA wording, a
        # word the sentence must contain): a sentence skips the attributes it has nothing for.
        low = self.text.lower()
        sugar = "sugar" in low or "carbohydrate" in low
        iga = "IgA" in self.text
        for sent in self.sentences:
            if "?" in sent.text and QUESTION_END.search(sent.text):
                continue  # "Is Privigen a 5% solution?" asks; it states nothing
            if ("a)" in sent.text or "a." in sent.text or "alse" in sent.text) and QUIZ.search(
                sent.text
            ):
                continue  # "True or false: ...", "a) maltose  b) glycine": a quiz asks
            kinds = {m.kind for m in sent.mentions}
            qkinds = {m.quantity.kind for m in sent.mentions if m.quantity is not None}
            if "duration" in qkinds and "ext" in sent.text and self.next_course_interval(sent):
                qkinds.add("interval")
            if "duration" in qkinds and "nterval" in sent.text and self.interval_named(sent):
                qkinds.add("interval")
            if product_claims:
                if "percent" in qkinds:
                    self.concentration(sent)
                if "stabilizer" in kinds or (sugar and SUGAR_WORD.search(sent.text)):
                    self.stabilizers(sent)
                if "route" in kinds:
                    self.routes(sent)
                if iga and "IgA" in sent.text:
                    self.iga(sent)
                elif self.iga_column:
                    self.iga_cell(sent)
                if "manufacturer" in kinds or (
                    # "Takeda - Offers Gammagard Liquid": the item's maker, first sentence only
                    self.lead_manufacturer is not None
                    and sent is self.sentences[0]
                    and "product" in kinds
                ):
                    self.manufacturers(sent)
            if "iga" in qkinds and "IgA" not in sent.text and not self.iga_column:
                if product_claims and (
                    (iga and self.iga_said_before(sent)) or self.iga_list_lead()
                ):
                    self.iga_continued(sent)
                else:
                    self.iga_answer(sent)
            if not qkinds.isdisjoint(REGIMEN_KINDS):
                self.regimen(sent)
            if "rate" in qkinds:
                self.incidence(sent)
            if "money" in qkinds:
                self.cost(sent)


def analyse(
    facts: Facts,
    doc: Document,
    sdocs: list[Any],
    texts: list[str] | None = None,
    memo: extraction_memo.Memo | None = None,
    quiet: list[bool] | None = None,
) -> Analysis:
    """Extract every claim of a document; ``sdocs`` are the spaCy docs of its units, in order.

    ``texts``: each unit's :func:`claim_text`, and ``quiet``: whether each makes no claims
    (``makes_no_claims``), when the caller has them already. ``memo``: the engine's recorded
    runs (``medlint.extraction_memo``, for these ``facts`` only); None runs every unit.
    """
    analysis = Analysis(document=doc)
    references = doc.references
    extractors = []
    if texts is None:
        texts = [claim_text(unit) for unit in doc.units]
    if quiet is None:
        quiet = [makes_no_claims(references, unit) for unit in doc.units]
    for unit, sdoc, text, silent in zip(doc.units, sdocs, texts, quiet, strict=True):
        if silent:
            continue  # reference entries make no claims
        extractors.append(_Extractor(facts, doc, unit, sdoc, analysis, text))
    analysis.condition = document_condition(
        doc, [(e.unit, m) for e in extractors for m in e.mentions], facts
    )
    title = next((u.text for u in doc.units if u.kind == "heading"), "") or doc.title
    titles = [title]
    if doc.units and doc.units[0].kind != "heading" and len(doc.units[0].text) <= 160:
        # a first line read as a field or a paragraph ("VIDEO TRANSCRIPT: Your first
        # subcutaneous immunoglobulin infusion at home") is a title too
        titles.append(doc.units[0].text)
    analysis.subcutaneous = any(
        t and SUBCUTANEOUS_WORDS.search(t) and not INTRAVENOUS_TITLE.search(t) for t in titles
    ) or _titled_by_scig(extractors, facts)
    analysis.scig_only = _only_scig_products(extractors, facts)
    named = {p.id: p for ex in extractors for p in ex.products}
    if len(named) == 1:
        analysis.sole_product = next(iter(named.values()))
    for before, after in itertools.pairwise(extractors):
        # (set behind the _Neighbour links, which are there to note reads)
        after._unit_before = before
        if (
            before.unit.kind == after.unit.kind == "paragraph"
            and before.unit.section == after.unit.section
        ):
            after._paragraph_before = before
            before._paragraph_after = after
    _row_leads(extractors)
    if any(ex.unit.kind == "table_cell" for ex in extractors):
        _row_indications(extractors)
    inherit_leads(extractors)
    _link_list_parents(extractors)
    for extractor in extractors:
        if memo is None:
            extractor.run()
        else:
            memo.run(extractor)
        if extractor.products and any(w in extractor.text for w in COMPARISON_WORDS):
            if len(extractor.products) >= 2:
                extractor.record_beliefs()  # for the comparison rule (checks.comparison)
            extractor.resolve_compared_pronouns()
    for extractor in extractors:
        # The links both ways make each pair a reference cycle: broken here, the extractors go
        # with the last reference to them instead of waiting for the garbage collector (which
        # then ran more often over more objects: 5% of a run).
        extractor._paragraph_after = None
    return analysis


def _titled_by_scig(extractors: list[_Extractor], facts: Facts) -> bool:
    """Whether the article's first heading names only products given under the skin alone.

    "# Frequently asked questions about Hizentra": its "once a week" is Hizentra's, not the
    IV regimen of the condition a paragraph names.
    """
    heading = next((ex for ex in extractors if ex.unit.kind == "heading"), None)
    if heading is None or not heading.products:
        return False
    for p in heading.products:
        blocks = facts.expected(p.id, "route")
        if not blocks or any(set(b.values) != {"sc"} for b in blocks):
            return False
    return True


def _only_scig_products(extractors: list[_Extractor], facts: Facts) -> bool:
    """Whether the article names a product, and every product it names is given under the
    skin only (see ``Analysis.scig_only``)."""
    return _all_scig({p.id for ex in extractors for p in ex.products}, facts)


def _all_scig(ids: set[str], facts: Facts) -> bool:
    """Whether ``ids`` holds a product, and the facts give each one under the skin alone."""
    if not ids:
        return False
    for pid in ids:
        blocks = facts.expected(pid, "route")
        if not blocks or any(set(b.values) != {"sc"} for b in blocks):
            return False
    return True


_REGIMEN_CONDITIONS: dict[tuple[Any, ...], tuple[object, Any]] = {}
_JUVENILE_IDS: dict[tuple[Any, ...], tuple[object, Any]] = {}


def _regimen_conditions(facts: Facts) -> frozenset[str]:
    """The conditions the facts give a regimen for."""
    return memoised(
        _REGIMEN_CONDITIONS,
        facts,
        (),
        lambda: frozenset(str(b.data.get("condition", "")) for b in facts.regimens.values()),
    )


def _row_leads(extractors: list[_Extractor]) -> None:
    """Give a table row's cells the product one of its cells names.

    "| Grifols | Gamunex-C | 10% | IV or SC |" under "Manufacturer | Product | Strength |
    Route": the row is keyed by its second column, so the first column names no product and
    the cells would be nobody's. A cell that is nothing but one product's name keys the row,
    when no other cell of the row names another product.
    """
    rows: dict[int, list[_Extractor]] = {}
    for ex in extractors:
        if ex.unit.kind == "table_cell" and ex.unit.row >= 0:
            rows.setdefault(ex.unit.row, []).append(ex)
    for cells in rows.values():
        if all(ex.lead_product is not None for ex in cells):
            continue  # keyed by its first column, as most tables are
        named = {p.id: p for ex in cells for p in ex.products}
        keys = [key for ex in cells if (key := _title_product(ex)) is not None]
        if len(named) != 1 or not keys:
            continue
        key = keys[0]
        for ex in cells:
            if ex.lead_product is None and not ex.products:
                ex.lead_product = Mention("product", key.id, 0, 0, key.text)
                ex.lead_how = "table"


def _row_indications(extractors: list[_Extractor]) -> None:
    """Give a table row's cells the text of its indication cell, if the table has one.

    "date|pt|indication|product|regimen" over "...|cITP|Privigen|1 g/kg/d x 2 d": each row's
    figures are for the condition of its own indication column, not the article's.
    """
    rows: dict[int, list[_Extractor]] = {}
    for ex in extractors:
        if ex.unit.kind == "table_cell" and ex.unit.row >= 0:
            rows.setdefault(ex.unit.row, []).append(ex)
    for cells in rows.values():
        indication = next(
            (
                ex.text.strip()
                for ex in cells
                if ex.unit.column_header and INDICATION_HEADER.fullmatch(ex.unit.column_header)
            ),
            "",
        )
        if indication:
            for ex in cells:
                ex.row_indication = indication


def _link_list_parents(extractors: list[_Extractor]) -> None:
    """Give each nested list item the texts of the items it sits under, nearest last.

    "- Children with JDM:" / "  - every 2 weeks for 3 doses, then monthly": the parent item
    names the condition the nested one is about.
    """
    if not any(ex.unit.list_depth >= 2 for ex in extractors):
        return
    open_items: dict[int, str] = {}
    for ex in extractors:
        unit = ex.unit
        if unit.kind != "list_item":
            open_items.clear()
            continue
        for depth in [d for d in open_items if d >= unit.list_depth]:
            del open_items[depth]
        ex.list_parents = [open_items[d] for d in sorted(open_items)]
        open_items[unit.list_depth] = unit.text


def _title_product(ex: _Extractor) -> Mention | None:
    """The product a unit consists of ("Privigen", "**Privigen** (CSL Behring):"), if any.

    A heading needs only to name one product and no other ("### 1. Privigen", "### About
    Hizentra", "### Who makes Privigen?"): what sits under it is about that product.
    """
    if not ex.products or len({p.id for p in ex.products}) != 1:
        return None
    if ex.unit.kind == "heading":
        first = ex.products[0]
        if ex.in_contrast(first.start) or HEADING_NOT_ABOUT.search(ex.text):
            return None  # "## Privigen alternatives", "## Switching from Privigen"
        return first
    rest = ex.text
    if WHAT_CONTAINS.fullmatch(rest):
        return ex.products[0]  # a leaflet's "**What Panzyga contains**" over its fields
    if label := PRODUCT_LABEL.match(rest):
        rest = " " * label.end() + rest[label.end() :]  # "PRODUCT NAME: GAMUNEX-C"
        # its proper name in brackets: "Product ..... Hizentra (Immune Globulin ... (Human))"
        rest = LABEL_GLOSS.sub(lambda g: " " * len(g.group(0)), rest)
    for m in reversed(ex.mentions):
        # a card's head may carry the maker and route badges: "Privigen IV", "Gamunex-C IV / SC"
        if m.kind in ("product", "manufacturer") or (m.kind == "route" and ACRONYM.match(m.text)):
            rest = rest[: m.start] + rest[m.end :]
    rest = TITLE_GLOSS_END.sub("", rest.rstrip())  # "Privigen (alternative brand)" as a caption
    return ex.products[0] if not rest.strip(TITLE_PUNCTUATION + "/") else None


def _names_attribute(header: str) -> bool:
    """Whether a row header names a product attribute ("Concentration", "Made by", "IgA")."""
    return FIELD_LEAD.match(header) is not None or any(
        pattern.search(header) for pattern in TABLE_HEADERS.values()
    )


def _same_product(facts: Facts, a: str, b: str) -> bool:
    """Whether ids ``a`` and ``b`` name one product, or one is a member of the other family."""
    if a == b:
        return True
    for x, y in ((a, b), (b, a)):
        family = facts.products.get(x)
        if family is not None and y in family.members:
            return True
    return False


def may_inherit(unit: Unit) -> bool:
    """Whether a unit may be about a product it does not name.

    A field under a product (:func:`inherit_leads`), or a paragraph that opens by referring
    back ("It is a 10% solution.", see ``_Extractor.previous_subject``).
    """
    if (unit.kind == "list_item" and unit.list_depth >= 2) or unit.definition:
        return True  # a nested field, or a <dd> under its <dt>
    if unit.kind not in ("list_item", "paragraph"):
        return False
    return _may_inherit(unit.kind, unit.text)


@functools.lru_cache(maxsize=PARAGRAPH_MEMO)
def _may_inherit(kind: str, text: str) -> bool:
    """``may_inherit`` for a paragraph or list item, by its text (asked twice per unit)."""
    if kind == "paragraph" and PRONOUN_LEAD.match(text) is not None:
        return True
    # A field ("Concentration: 5%") or a fragment without a verb ("- 10% solution",
    # "- Sugar-free", "A 5% solution.")
    return FIELD_LEAD.match(text) is not None or _fragment(text)


def _fragment(text: str) -> bool:
    """A short phrase with no verb: a product page's bullet, not a sentence about products."""
    if len(text) > 80:  # eight words or fewer (most units are long: no split needed)
        return False
    words = text.split()
    return (
        0 < len(words) <= 8
        and FINITE_VERB.search(text) is None
        and IMPERATIVE_START.match(text) is None
        and FRAGMENT_NOT_FIELD.search(text) is None
    )


def inherit_leads(extractors: list[_Extractor]) -> None:
    """Give label-like units the product they sit under.

    Product pages are often laid out as fields: a nested list under "- **Privigen**", a
    "## Privigen" heading or a definition term followed by "Concentration: 5%", "Made by
    Grifols". Such a unit names no product, so without this its figure would be nobody's
    and a wrong one would pass. Only units shaped as fields inherit (a nested list item, or
    a unit starting with an attribute label or a making/giving verb): prose under a product
    heading ("Most products are 5% solutions") stays unattributed, and ends the product's
    reach. One forward pass: a list of thousands of fields stays linear.
    """
    for ex in extractors:
        if (
            not ex.products
            and ex.lead_product is None
            and (
                may_inherit(ex.unit)
                or (ex.unit.kind == "table_cell" and ex.unit.row_header is not None)
            )
        ):
            break
    else:
        return  # no field to give a product to (most articles): nothing to track
    section: object = object()
    title: Mention | None = None  # the product the fields so far sit under
    heading_title: Mention | None = None  # the product the section's heading names
    from_heading = False  # whether ``title`` is a heading (only a heading leads fragments)
    parents: dict[int, Mention | None] = {}  # list depth -> lead of the latest item there
    for ex in extractors:
        unit = ex.unit
        if unit.section != section:
            section, title, heading_title = unit.section, None, None
        if unit.kind in ("table_cell", "table_header"):
            owner = title if title is not None else heading_title
            # "## Octagam 10%" over "| Attribute | Value |" / "| Concentration | 10% |": a
            # value whose row header names an attribute is the title's product's
            if ex.products:
                if owner is not None and not all(
                    _same_product(ex.facts, p.id, owner.id) for p in ex.products
                ):
                    title = heading_title = None  # a table of several products: their rows
            elif (
                # (a heading, even with prose between, or a line that is only the name:
                # "<caption>Gamunex-C</caption>", "**Privigen**" above the table)
                owner is not None
                and ex.lead_product is None
                and unit.kind == "table_cell"
                and unit.row_header
                and _names_attribute(unit.row_header)
            ):
                ex.lead_product = Mention("product", owner.id, 0, 0, owner.text)
                ex.lead_how = "inherited"
                ex.attribute_header = unit.row_header
            continue
        nested = unit.kind == "list_item" and unit.list_depth >= 2
        if not ex.products and ex.lead_product is None and may_inherit(unit):
            lead = parents.get(unit.list_depth - 1) if nested else title
            if (
                lead is not None
                and not nested
                and not from_heading
                and not unit.definition
                and not (FIELD_LEAD.match(unit.text) or PRONOUN_LEAD.match(unit.text))
            ):
                lead = None  # "- Privigen" then "- Xembify (20% SCIG)": a list, not fields
            if lead is not None:
                ex.lead_product = Mention("product", lead.id, 0, 0, lead.text)
                ex.lead_how = "inherited"
        if unit.kind == "list_item":
            for depth in [d for d in parents if d > unit.list_depth]:
                del parents[depth]
            parents[unit.list_depth] = ex.lead_product
        else:
            parents.clear()
        named = _title_product(ex)
        if named is not None:
            title, from_heading = named, unit.kind == "heading"
            if from_heading:
                heading_title = named
        elif (
            ex.products
            # an item that names the heading's product again keeps it: "What Flebogamma DIF
            # contains" / "- Flebogamma DIF 100 mg/ml contains ..." / "- The other ..." (prose
            # naming it still ends the reach: what follows may be about anything)
            and not (
                title is not None
                and (
                    (from_heading and unit.kind == "list_item")
                    # a label's "PROPER NAME: Immune Globulin Injection (Human), 10% ..."
                    or (not from_heading and LABEL_FIELD.match(ex.text) is not None)
                )
                and (
                    all(_same_product(ex.facts, p.id, title.id) for p in ex.products)
                    # a card's other field naming another product ("Status: stopped (switched
                    # to Octagam 10% ...)") does not end the card of "Medication: Privigen"
                    or (
                        not from_heading
                        and LABEL_FIELD.match(ex.text) is not None
                        and PRODUCT_LABEL.match(ex.text) is None
                        and not ex.products[0].start < ex.text.find(":")
                    )
                )
            )
        ) or (
            not ex.products
            and not (
                nested
                or FIELD_LEAD.match(ex.text)
                or ex.lead_how == "inherited"
                # another field of a label ("PROPER NAME: ...", "PACK SIZE: ...")
                or (title is not None and not from_heading and LABEL_FIELD.match(ex.text))
            )
        ):
            title = None
