"""Claim extraction and attribution: the value belongs to the right product, or to none.

Each case lists every claim medlint must extract from one sentence or list item, as
(subject id, attribute, value, how it was attributed). An empty set means the text must
make no claim at all: these are the traps that would become false alarms.
"""

from __future__ import annotations

import pytest

from medlint.claims import Analysis
from medlint.documents import read_document
from medlint.lint import Engine, lint_text

ENGINE = Engine()


def analyse(text: str, path: str = "x.txt") -> Analysis:
    return ENGINE.analyse(read_document(path, text))


def claims_of(text: str, path: str = "x.txt") -> set[tuple[str, str, str, str]]:
    return {
        (
            c.subject.split(".", 1)[1],
            c.attribute,
            c.value.display if c.polarity else "not " + c.value.display,
            c.attribution,
        )
        for c in analyse(text, path).claims
    }


CASES: list[tuple[str, set[tuple[str, str, str, str]]]] = [
    # list items led by a product
    (
        "  • Gamunex-C (Grifols): 10% concentration, low IgA content, glycine-stabilized\n",
        {
            ("gamunex-c", "concentration", "10%", "direct"),
            ("gamunex-c", "manufacturer", "Grifols", "parenthetical"),
            ("gamunex-c", "iga", "low/trace IgA", "direct"),
            ("gamunex-c", "stabilizer", "glycine", "direct"),
        },
    ),
    (
        "- Octagam (Octapharma): 5% or 10% options, maltose-stabilized\n",
        {
            ("octagam", "concentration", "5%", "direct"),
            ("octagam", "concentration", "10%", "direct"),
            ("octagam", "manufacturer", "Octapharma", "parenthetical"),
            ("octagam", "stabilizer", "maltose", "direct"),
        },
    ),
    # one product in a sentence, in many phrasings
    ("The concentration of Gamunex-C is 5%.\n", {("gamunex-c", "concentration", "5%", "direct")}),
    (
        "With a concentration of 10%, Panzyga is widely used.\n",
        {("panzyga", "concentration", "10%", "direct")},
    ),
    (
        "Privigen (10%) is made by CSL Behring.\n",
        {
            ("privigen", "concentration", "10%", "direct"),
            ("privigen", "manufacturer", "CSL Behring", "direct"),
        },
    ),
    (
        "Privigen is a ready-to-use 10% liquid that doesn't need reconstitution.\n",
        {("privigen", "concentration", "10%", "direct")},
    ),
    (
        "The 10% formulation of Octagam is approved for dermatomyositis.\n",
        {("octagam", "concentration", "10%", "direct")},
    ),
    # appositions
    (
        "Cuvitru, a 20% subcutaneous immunoglobulin from Takeda, is given under the skin.\n",
        {
            ("cuvitru", "concentration", "20%", "direct"),
            ("cuvitru", "route", "subcutaneous", "direct"),
            ("cuvitru", "manufacturer", "Takeda", "direct"),
        },
    ),
    (
        "Gamunex-C, a liquid 10% IVIG preparation, contains low IgA levels.\n",
        {
            ("gamunex-c", "concentration", "10%", "direct"),
            ("gamunex-c", "route", "intravenous", "direct"),
            ("gamunex-c", "iga", "low/trace IgA", "direct"),
        },
    ),
    # respectively
    (
        "Privigen and Hizentra are 10% and 20% products respectively.\n",
        {
            ("privigen", "concentration", "10%", "respectively"),
            ("hizentra", "concentration", "20%", "respectively"),
        },
    ),
    # coordinated products, one value: each gets it
    (
        "Both Privigen and Hizentra contain L-proline.\n",
        {
            ("privigen", "stabilizer", "L-proline", "coordinated"),
            ("hizentra", "stabilizer", "L-proline", "coordinated"),
        },
    ),
    # coordinated products and values without "respectively": ambiguous
    (
        "Grifols - Produces Gamunex-C and Flebogamma, with concentrations of 5% and 10%.\n",
        {
            ("gamunex-c", "concentration", "5%", "ambiguous"),
            ("gamunex-c", "concentration", "10%", "ambiguous"),
            ("flebogamma-dif", "concentration", "5%", "ambiguous"),
            ("flebogamma-dif", "concentration", "10%", "ambiguous"),
            ("gamunex-c", "manufacturer", "Grifols", "manufacturer-line"),
            ("flebogamma-dif", "manufacturer", "Grifols", "manufacturer-line"),
        },
    ),
    # manufacturer lines and possessives
    (
        "Takeda - Offers Gammagard Liquid and Cuvitru.\n",
        {
            ("gammagard-liquid", "manufacturer", "Takeda", "manufacturer-line"),
            ("cuvitru", "manufacturer", "Takeda", "manufacturer-line"),
        },
    ),
    (
        "Takeda (formerly Shire) manufactures Gammagard Liquid, a 10% solution.\n",
        {
            ("gammagard-liquid", "manufacturer", "Takeda", "manufacturer-line"),
            ("gammagard-liquid", "concentration", "10%", "direct"),
        },
    ),
    ("Grifols produces Gamunex-C.\n", {("gamunex-c", "manufacturer", "Grifols", "direct")}),
    # The maker in the parenthesis is Privigen's (the contrasted product), never Gamunex-C's.
    (
        "Patients switching from Privigen (CSL Behring) to Gamunex-C are monitored.\n",
        {("privigen", "manufacturer", "CSL Behring", "parenthetical")},
    ),
    # A contrast's parenthesis or relative clause still describes the contrasted product.
    (
        "Unlike Privigen, which is a 20% solution, Hizentra is given under the skin.\n",
        {
            ("privigen", "concentration", "20%", "apposition"),
            ("hizentra", "route", "subcutaneous", "direct"),
        },
    ),
    (
        "Unlike Privigen (5%), Hizentra (20%) is given under the skin.\n",
        {
            ("privigen", "concentration", "5%", "apposition"),
            ("hizentra", "concentration", "20%", "direct"),
            ("hizentra", "route", "subcutaneous", "direct"),
        },
    ),
    (
        "Switching from Privigen, which is made by Grifols, to Gamunex-C is common.\n",
        {("privigen", "manufacturer", "Grifols", "direct")},
    ),
    ("Switching from Privigen, which is not made by Grifols, to Gamunex-C is common.\n", set()),
    # "as much antibody per mL as a 10% product": the compared class's figure
    (
        "A 20% product (Hizentra, Cuvitru) carries twice as much antibody per mL as a 10%"
        " product.\n",
        set(),  # nor is the class figure before the bracket read as theirs (conservative)
    ),
    ("Octagam 5% contains half as much antibody in each mL as a 10% product.\n", set()),
    # "at" after a product gives its value; the values listed after it go with it
    (
        "Privigen, at 10%, is one of the stronger products.\n",
        {("privigen", "concentration", "10%", "direct")},
    ),
    # A product's fields between dashes or commas: the route acronyms and a bare percentage
    (
        "- Cuvitru (Takeda) — 10% — glycine — IV/SC\n",
        {
            ("cuvitru", "manufacturer", "Takeda", "parenthetical"),
            ("cuvitru", "concentration", "10%", "direct"),
            ("cuvitru", "stabilizer", "glycine", "list-item"),
            ("cuvitru", "route", "intravenous", "list-item"),
            ("cuvitru", "route", "subcutaneous", "list-item"),
        },
    ),
    ("Privigen, in a Phase IV study, was well tolerated.\n", set()),
    # ... but a share after a colon under a product's heading is a side effect's
    ("## Octagam 10% side effects\n\n- Headache: 50%\n", set()),
    (
        "Flebogamma DIF 100 mg/ml contains 50 mg of human protein in each ml.\n",
        {("flebogamma-10-dif", "concentration", "5%", "direct")},
    ),
    # "Like X it ..." (no comma): "it" is the product before, in every clause and after
    (
        "Gamunex-C is made by Grifols. Like Privigen it is a 10% liquid, and it is stabilized"
        " with glycine. It contains only trace amounts of IgA (an average of 46 micrograms per"
        " mL).\n",
        {
            ("gamunex-c", "manufacturer", "Grifols", "direct"),
            ("gamunex-c", "concentration", "10%", "coreference"),
            ("gamunex-c", "stabilizer", "glycine", "coreference"),
            ("gamunex-c", "iga", "46 µg/mL", "coreference"),
        },
    ),
    # a pronoun in reported speech refers back too
    (
        "Mia gets Privigen. Her doctor told us it is a 5% solution.\n",
        {("privigen", "concentration", "5%", "coreference")},
    ),
    # "only" limited to one condition is no route claim of its own
    (
        "Gamunex-C must not be given under the skin for ITP, only into a vein.\n",
        {("gamunex-c", "route", "intravenous", "direct")},
    ),
    # the one product named is the compared one: the figure is the subject's
    (
        "Gamunex-C is stored in the fridge. It has more IgA than Privigen (an average of 46"
        " µg/mL).\n",
        {("gamunex-c", "iga", "46 µg/mL", "coreference")},
    ),
    ("A little more IgA than Privigen, at an average of 46 µg/mL.\n", set()),
    # a quoted belief rebutted by the next sentence, or listed under a heading about myths
    (
        '- "Octagam 10% is a 5% product." Not true: it is a 10% product.\n',
        # the belief states nothing; the verdict's "it" is the product the belief named
        {("octagam-10", "concentration", "10%", "coreference")},
    ),
    (
        '- "Octagam 10% is a 10% product." Not true: it is a 5% product.\n',
        {("octagam-10", "concentration", "5%", "coreference")},  # a wrong correction is read
    ),
    (
        '## Myths we hear\n\n- "Privigen is a 5% product." It is a 10% product.\n',
        {("privigen", "concentration", "10%", "coreference")},
    ),
    # a trial arm's share is no strength
    ("In ProDERM, 79% of patients on Octagam 10% improved, against 44% on placebo.\n", set()),
    # two products whose giving is denied: no route claim
    ("Do not infuse Hizentra or Cuvitru intravenously.\n", set()),
    # A class compared with ("the 10% products") is not the subject's own figure ...
    (
        "Hizentra and Cuvitru are twice as concentrated as the 10% products, so the same dose"
        " takes half the volume.\n",
        set(),
    ),
    ("Hizentra is more concentrated than the 10% products.\n", set()),
    # ... but one of a class is
    ("Privigen is one of the 5% products.\n", {("privigen", "concentration", "5%", "direct")}),
    # A relative clause straight after the name says who makes it.
    (
        "Hizentra, which is made by Grifols, is a 20% product.\n",
        {
            ("hizentra", "manufacturer", "Grifols", "relative-clause"),
            ("hizentra", "concentration", "20%", "direct"),
        },
    ),
    (
        "Gamunex-C, which is made by Takeda, and Privigen, which was developed by CSL Behring,"
        " are both liquids.\n",
        {
            ("gamunex-c", "manufacturer", "Takeda", "relative-clause"),
            ("privigen", "manufacturer", "CSL Behring", "relative-clause"),
        },
    ),
    ("Grifols also makes Xembify, which competes with Hizentra.\n", set()),
    (
        "Unlike Grifols' products, Privigen is 10%.\n",
        {("privigen", "concentration", "10%", "direct")},
    ),
    # Two products in the contrast: whose figure it is stays unsaid, so nothing is claimed.
    (
        "Unlike Privigen or Octagam (5%), Hizentra is given under the skin.\n",
        {("hizentra", "route", "subcutaneous", "direct")},
    ),
    # A parenthesis that is not just a maker names none.
    (
        "Unlike Privigen (not a Grifols product), Hizentra is given under the skin.\n",
        {("hizentra", "route", "subcutaneous", "direct")},
    ),
    ("Many patients moved from Grifols products to Panzyga.\n", set()),
    # A maker's line: "Maker: its products."
    (
        "Grifols: Gamunex-C, Privigen.\n",
        {
            ("gamunex-c", "manufacturer", "Grifols", "manufacturer-line"),
            ("privigen", "manufacturer", "Grifols", "manufacturer-line"),
        },
    ),
    ("Grifols: a Spanish company whose products include Gamunex-C.\n", set()),
    # "X, like Y, is ...", "neither X nor Y": both products take the clause's value.
    (
        "Gamunex-C, like Privigen, is a 5% solution.\n",
        {
            ("gamunex-c", "concentration", "5%", "coordinated"),
            ("privigen", "concentration", "5%", "coordinated"),
        },
    ),
    (
        "Neither Octagam nor Privigen contains sugar.\n",
        {
            ("octagam", "sugar", "sugar-free", "coordinated"),
            ("privigen", "sugar", "sugar-free", "coordinated"),
        },
    ),
    ("Octagam contains sugar.\n", set()),
    # "both"/"each"/"like": every product has every value, so nothing is ambiguous
    (
        "Octagam and Flebogamma DIF both come in 5% and 10% strengths.\n",
        {
            ("octagam", "concentration", "5%", "coordinated"),
            ("octagam", "concentration", "10%", "coordinated"),
            ("flebogamma-dif", "concentration", "5%", "coordinated"),
            ("flebogamma-dif", "concentration", "10%", "coordinated"),
        },
    ),
    # A value in an indefinite phrase before the product is any such product's ...
    ("A 5% product needs twice the volume of Privigen.\n", set()),
    ("Any 5% product, including older ones, takes longer to infuse than Privigen.\n", set()),
    # ... unless the product stands in apposition to it.
    (
        "A 5% solution, Privigen is given monthly.\n",
        {("privigen", "concentration", "5%", "direct")},
    ),
    # The next sentence about the product just named: a pronoun or "The <attribute> is".
    (
        "Gamunex-C is a 10% solution. It is made by Takeda.\n",
        {
            ("gamunex-c", "concentration", "10%", "direct"),
            ("gamunex-c", "manufacturer", "Takeda", "coreference"),
        },
    ),
    (
        "Privigen is made by CSL Behring. The concentration is 5%.\n",
        {
            ("privigen", "manufacturer", "CSL Behring", "direct"),
            ("privigen", "concentration", "5%", "coreference"),
        },
    ),
    (
        "Privigen is made by CSL Behring. The concentration of most other products is 5%.\n",
        {("privigen", "manufacturer", "CSL Behring", "direct")},
    ),
    (
        "Gamunex-C and Privigen are 10% solutions. It is made by Takeda.\n",
        {
            ("gamunex-c", "concentration", "10%", "coordinated"),
            ("privigen", "concentration", "10%", "coordinated"),
        },
    ),
    # A protein content is the product's concentration; an excipient's is not.
    ("Hizentra contains 20% protein.\n", {("hizentra", "concentration", "20%", "direct")}),
    (
        "Privigen contains 50 mg/mL of protein.\n",
        {("privigen", "concentration", "5%", "direct")},
    ),
    (
        "Octagam 5% contains 100 mg/mL maltose.\n",
        {("octagam-5", "stabilizer", "maltose", "direct")},
    ),
    # A maker in apposition: "a <maker> product", "by <maker>".
    (
        "Privigen, a CSL Behring product, is given monthly.\n",
        {("privigen", "manufacturer", "CSL Behring", "apposition")},
    ),
    ("Privigen is not a Grifols product.\n", set()),
    ("Privigen, like other CSL Behring products, is made from plasma.\n", set()),
    (
        "Panzyga, by Octapharma, is widely used.\n",
        {("panzyga", "manufacturer", "Octapharma", "direct")},
    ),
    ("The program is run by Grifols for Gamunex-C patients.\n", set()),
    (
        "Privigen is a product of Grifols.\n",
        {("privigen", "manufacturer", "Grifols", "direct")},
    ),
    (
        "Privigen is a registered trademark of CSL Behring.\n",
        {("privigen", "manufacturer", "CSL Behring", "direct")},
    ),
    ("Privigen, like other products of Grifols, is made from plasma.\n", set()),
    ("Gamunex-C is a product of human plasma.\n", set()),
    # Purity (the share of the protein that is IgG) is not the concentration.
    ("Privigen contains more than 98% IgG.\n", set()),
    ("Hizentra is at least 98% IgG.\n", set()),
    ("Privigen has an IgG purity of at least 98%.\n", set()),
    ("Octagam contains ≥ 95% monomeric IgG.\n", set()),
    (
        "Privigen contains 10% protein, of which at least 98% is IgG.\n",
        {("privigen", "concentration", "10%", "direct")},
    ),
    ("Privigen contains 5% IgG.\n", {("privigen", "concentration", "5%", "direct")}),
    ("Privigen is a 98% solution.\n", {("privigen", "concentration", "98%", "direct")}),
    ("Privigen, like other Grifols products, is made from plasma.\n", set()),
    (
        "Gamunex-C is manufactured in Spain by Grifols.\n",
        {("gamunex-c", "manufacturer", "Grifols", "direct")},
    ),
    # A contrasted product's apposition describes it, not the main clause's product.
    (
        "Unlike Privigen, a 10% product, Hizentra is given under the skin.\n",
        {
            ("privigen", "concentration", "10%", "apposition"),
            ("hizentra", "route", "subcutaneous", "direct"),
        },
    ),
    (
        "Privigen is different from Flebogamma 5% DIF, a 5% product. It is older.\n",
        {("flebogamma-5-dif", "concentration", "5%", "apposition")},
    ),
    ("Unlike Privigen, a 5% solution needs more volume.\n", set()),
    (
        "Privigen (not to be confused with the 5% Flebogamma) is a 10% liquid.\n",
        {("privigen", "concentration", "10%", "direct")},
    ),
    # Shares of something else: outcomes, excipients, coverage, market, bioavailability.
    ("With Privigen, 40% had headache.\n", set()),
    ("Gamunex-C: 9% headache.\n", set()),
    ("Octagam 10%, 79% responders.\n", set()),
    ("Medicare covers Privigen at 80%.\n", set()),
    ("Privigen holds a 30% share of the US IVIG market.\n", set()),
    ("Hizentra is about 73% bioavailable.\n", set()),
    ("Hizentra's AUC is about 73% of that of IVIG.\n", set()),
    ("Cuvitru's IgG subclass distribution is about 60% IgG1, 30% IgG2.\n", set()),
    ("Octagam 5% is 10% maltose.\n", {("octagam-5", "stabilizer", "maltose", "direct")}),
    (
        "Hizentra is 20% IgG and 80% water.\n",
        {("hizentra", "concentration", "20%", "direct")},
    ),
    (
        "Octagam 5% & 10% contain maltose.\n",
        {("octagam-5", "stabilizer", "maltose", "direct")},
    ),
    # "(a vs b)" after two products: in the order they were named.
    (
        "Privigen is less concentrated than Hizentra (10% vs 20%).\n",
        {
            ("privigen", "concentration", "10%", "respectively"),
            ("hizentra", "concentration", "20%", "respectively"),
        },
    ),
    # A route the product spares or follows is not its own.
    ("Hizentra avoids the need for intravenous access.\n", set()),
    ("Hizentra is for people who used intravenous products.\n", set()),
    ("In CIDP, Hizentra is used as maintenance after intravenous induction.\n", set()),
    (
        "Before starting Hizentra, most patients were treated intravenously.\n",
        set(),
    ),
    ("Hizentra is used intravenously.\n", {("hizentra", "route", "intravenous", "direct")}),
    # Denied, generic or the patient's: no sugar or IgA claim of the product.
    ("Octagam 10% is not sugar-free.\n", set()),
    ("A sugar-free product may be preferred over Octagam 10%.\n", set()),
    ("Privigen is not IgA-free.\n", set()),
    ("Your IgA was 5 mg/dL, so you got Privigen.\n", set()),
    # the first figure shares the unit written after the last (quantities)
    (
        "Gammagard Liquid and Cuvitru have 37 and 80 µg/mL IgA, respectively.\n",
        {
            ("gammagard-liquid", "iga", "37 µg/mL", "respectively"),
            ("cuvitru", "iga", "80 µg/mL", "respectively"),
        },
    ),
    # a loading dose before a maintenance phase is a dose of its own kind
    (
        "In CIDP, the Gamunex-C label gives a loading dose of 2 g/kg, then maintenance doses of"
        " 1 g/kg every three weeks.\n",
        {
            ("gamunex-c", "loading dose", "2 g/kg", "direct"),
            ("gamunex-c", "maintenance dose", "1 g/kg", "direct"),
            ("gamunex-c", "maintenance interval", "every 3 weeks", "direct"),
        },
    ),
    (
        "For CIDP, the Privigen label gives a 2 g/kg loading dose, then 1 g/kg every 3 weeks as"
        " maintenance.\n",
        {
            ("privigen", "loading dose", "2 g/kg", "direct"),
            ("privigen", "maintenance dose", "1 g/kg", "direct"),
            ("privigen", "maintenance interval", "every 3 weeks", "direct"),
        },
    ),
    # a maker's unnamed products are the subject, not the product of the clause before
    (
        "Panzyga uses glycine even though the company's Octagam products use maltose, and CSL"
        " Behring's two products share L-proline.\n",
        {
            ("panzyga", "stabilizer", "glycine", "direct"),
            ("octagam", "stabilizer", "maltose", "direct"),
        },
    ),
    # a quoted claim that the next sentence calls wrong
    (
        'We still see "Octagam is sugar-free" in online groups every few weeks. It is wrong for'
        " both strengths.\n",
        set(),
    ),
    # a warning's topic is no ingredient
    (
        "Gamunex-C is glycine-stabilized, and the glucose-meter warning about maltose does not"
        " apply to it.\n",
        {("gamunex-c", "stabilizer", "glycine", "direct")},
    ),
    # a class of products named by a strength, after a preposition, is no named product
    (
        "It is 10 mL per gram for 10% products, 20 mL per gram for Octagam 5%, and 5 mL per gram"
        " for the 20% subcutaneous products.\n",
        set(),
    ),
    ("Gamunex-C is one of the 5% products.\n", {("gamunex-c", "concentration", "5%", "direct")}),
    # a maker's products, listed in a bracket after a noun phrase
    (
        "Motion 2: add the two CSL Behring subcutaneous products (Hizentra and Cuvitru) to the"
        " formulary.\n",
        {
            ("hizentra", "route", "subcutaneous", "coordinated"),
            ("cuvitru", "route", "subcutaneous", "coordinated"),
            ("hizentra", "manufacturer", "CSL Behring", "parenthetical"),
            ("cuvitru", "manufacturer", "CSL Behring", "parenthetical"),
        },
    ),
    (
        "The pump entry for Octagam 10% in dermatomyositis shall cap the rate at 6 mL/kg per"
        " hour.\n",
        {("octagam-10", "max_rate", "0.1 mL/kg/min", "direct")},
    ),
    (
        "Hizentra and Cuvitru are both 20% solutions, twice the strength of the 10% drips.\n",
        {
            ("hizentra", "concentration", "20%", "coordinated"),
            ("cuvitru", "concentration", "20%", "coordinated"),
        },
    ),
    # the comparison's object is not the subject of "Both are 20% solutions"
    (
        "Such as Hizentra or Cuvitru. Both are 20% solutions, twice as concentrated as Octagam"
        " 10%.\n",
        set(),
    ),
    # another product, "a product without maltose"; but "is a product with maltose" is said
    ("When a patient moves from Octagam 10% to a product without maltose, readings drop.\n", set()),
    (
        "Octagam 10% is a product with maltose.\n",
        {("octagam-10", "stabilizer", "maltose", "direct")},
    ),
    # "It ..., but it ...": both the sentence before's product, not the one in a relative clause
    (
        "Hizentra is mentioned so families know the name. It is made by the same company that"
        " makes Privigen, but it is twice as concentrated and goes under the skin.\n",
        {("hizentra", "route", "subcutaneous", "coreference")},
    ),
    # a precaution's topic is no ingredient
    (
        "Privigen is stabilized with L-proline, so the glucose-meter precaution for maltose does"
        " not apply.\n",
        {("privigen", "stabilizer", "L-proline", "direct")},
    ),
    # a class named by its stabiliser, with its members in a bracket, says it of each
    (
        "Their product is one of the maltose-containing IVIGs (Octagam 5%, Octagam 10% or"
        " Panzyga).\n",
        {
            ("octagam-5", "stabilizer", "maltose", "coordinated"),
            ("octagam-10", "stabilizer", "maltose", "coordinated"),
            ("panzyga", "stabilizer", "maltose", "coordinated"),
        },
    ),
    # a class before the list describes each product in it: not ambiguous
    (
        "Two intravenous products, Gammagard Liquid and Gamunex-C, may also be given"
        " subcutaneously.\n",
        {
            ("gammagard-liquid", "route", "intravenous", "coordinated"),
            ("gammagard-liquid", "route", "subcutaneous", "coordinated"),
            ("gamunex-c", "route", "intravenous", "coordinated"),
            ("gamunex-c", "route", "subcutaneous", "coordinated"),
        },
    ),
    # "it" after a fronted phrase of time refers back too
    (
        "Gamunex-C is a 10% product. Today it is made by Grifols.\n",
        {
            ("gamunex-c", "concentration", "10%", "direct"),
            ("gamunex-c", "manufacturer", "Grifols", "coreference"),
        },
    ),
    # a report's numbered paragraph: "It" after the number is the product named before
    (
        "3.1 The product given was Octagam 10%; the batch number is on page 14. 3.1.1 It is"
        " manufactured by Grifols.\n",
        {("octagam-10", "manufacturer", "Grifols", "coreference")},
    ),
    # figures in µg/mL after a sentence about IgA are IgA contents
    (
        "No product is IgA-free. Label figures: Privigen no more than 25 µg/mL; Gamunex-C"
        " average 64 µg/mL.\n",
        {
            ("privigen", "iga", "≤25 µg/mL", "direct"),
            ("gamunex-c", "iga", "64 µg/mL", "direct"),
        },
    ),
    (
        "Gammagard Liquid can only go into a vein.\n",
        {("gammagard-liquid", "route", "intravenous only", "direct")},
    ),
    # a list whose IgA unit is written once: the bare figures after the other products
    (
        "The IgA labels differ: Privigen says no more than 25 micrograms per mL, Gamunex-C"
        " averages 46, Octagam 10% about 106 and Panzyga about 200.\n",
        {
            ("privigen", "iga", "≤25 µg/mL", "direct"),
            ("gamunex-c", "iga", "46 µg/mL", "direct"),
            ("octagam-10", "iga", "106 µg/mL", "direct"),
            ("panzyga", "iga", "200 µg/mL", "direct"),
        },
    ),
    # ... but not a strength that belongs to a product's name, nor a count
    ("Low in IgA (under 50 µg/mL): Gamunex-C, Octagam 10, Privigen.\n", set()),
    (
        "Gamunex-C has 46 µg/mL of IgA, and Privigen 10 vials.\n",
        {("gamunex-c", "iga", "46 µg/mL", "direct")},
    ),
    (
        "Privigen and Hizentra are 10 and 20% solutions, respectively.\n",
        {
            ("privigen", "concentration", "10%", "respectively"),
            ("hizentra", "concentration", "20%", "respectively"),
        },
    ),
    ("Gammagard Liquid ERC has ≤2 µg/mL IgA.\n", set()),  # another product
    ("Octagam 10% is sugar-free.\n", {("octagam-10", "sugar", "sugar-free", "direct")}),
    ("Octagam 10% is carbohydrate-free.\n", {("octagam-10", "sugar", "sugar-free", "direct")}),
    # A second product's parenthesis after "to" is its own, not the contrasted product's.
    (
        "Switch from Privigen (CSL Behring) to Gamunex-C (Grifols).\n",
        {
            ("privigen", "manufacturer", "CSL Behring", "parenthetical"),
            ("gamunex-c", "manufacturer", "Grifols", "parenthetical"),
        },
    ),
    # Options open to each product ("can ... IV or SC") are not values to share out.
    (
        "Gamunex-C and Gammagard Liquid can be given IV or SC.\n",
        {
            ("gamunex-c", "route", "intravenous", "coordinated"),
            ("gamunex-c", "route", "subcutaneous", "coordinated"),
            ("gammagard-liquid", "route", "intravenous", "coordinated"),
            ("gammagard-liquid", "route", "subcutaneous", "coordinated"),
        },
    ),
    # More ways to name a maker.
    (
        "The manufacturer of Privigen is Grifols.\n",
        {("privigen", "manufacturer", "Grifols", "direct")},
    ),
    ("Privigen is Grifols' IVIG.\n", {("privigen", "manufacturer", "Grifols", "apposition")}),
    (
        "Grifols' IVIG, Privigen, is used.\n",
        {("privigen", "manufacturer", "Grifols", "possessive")},
    ),
    ("Privigen by Grifols is given.\n", {("privigen", "manufacturer", "Grifols", "direct")}),
    ("Privigen is supplied by Grifols.\n", {("privigen", "manufacturer", "Grifols", "direct")}),
    (
        "The Grifols product Privigen is popular.\n",
        {("privigen", "manufacturer", "Grifols", "possessive")},
    ),
    (
        "Privigen® (Grifols) is used.\n",
        {("privigen", "manufacturer", "Grifols", "parenthetical")},
    ),
    (
        "Privigen and Gamunex-C are Takeda products.\n",
        {
            ("privigen", "manufacturer", "Takeda", "apposition"),
            ("gamunex-c", "manufacturer", "Takeda", "apposition"),
        },
    ),
    # Several products and makers named in turn, or in order with "respectively".
    (
        "Privigen is made by CSL Behring, and Hizentra is made by Takeda.\n",
        {
            ("privigen", "manufacturer", "CSL Behring", "direct"),
            ("hizentra", "manufacturer", "Takeda", "direct"),
        },
    ),
    (
        "CSL Behring makes Privigen and Takeda makes Hizentra.\n",
        {
            ("privigen", "manufacturer", "CSL Behring", "direct"),
            ("hizentra", "manufacturer", "Takeda", "direct"),
        },
    ),
    (
        "Privigen and Gamunex-C are made by CSL Behring and Takeda, respectively.\n",
        {
            ("privigen", "manufacturer", "CSL Behring", "respectively"),
            ("gamunex-c", "manufacturer", "Takeda", "respectively"),
        },
    ),
    (
        "Privigen is made by CSL Behring, not Grifols.\n",
        set(),  # two makers for one product: which is stated stays unsaid
    ),
    # Route acronyms and abbreviations.
    ("Hizentra is given as an IV infusion.\n", {("hizentra", "route", "intravenous", "direct")}),
    ("Hizentra (IV) is infused monthly.\n", {("hizentra", "route", "intravenous", "direct")}),
    ("Privigen is given s.c. weekly.\n", {("privigen", "route", "subcutaneous", "direct")}),
    ("Privigen is given sub-Q.\n", {("privigen", "route", "subcutaneous", "direct")}),
    ("Stage IV cancer is not treated with Privigen.\n", set()),
    # IgA and protein with their substance; plural product kinds; "This 5% solution".
    ("Privigen contains 1 mg/mL of IgA.\n", {("privigen", "iga", "1000 µg/mL", "direct")}),
    ("Privigen contains 100 µg IgA per mL.\n", {("privigen", "iga", "100 µg/mL", "direct")}),
    (
        "Hizentra contains 10 g of protein per 100 mL.\n",
        {("hizentra", "concentration", "10%", "direct")},
    ),
    (
        "Hizentra and Cuvitru are both 10% SCIGs.\n",
        {
            ("hizentra", "concentration", "10%", "coordinated"),
            ("cuvitru", "concentration", "10%", "coordinated"),
        },
    ),
    (
        "Your doctor may prescribe Privigen. This 5% solution is given into a vein.\n",
        {
            ("privigen", "concentration", "5%", "coreference"),
            ("privigen", "route", "intravenous", "coreference"),
        },
    ),
    # A pronoun clause before the sentence's product refers to the sentence before.
    (
        "Hizentra is a 20% product. It is given under the skin, while Privigen is given into a "
        "vein.\n",
        {
            ("hizentra", "concentration", "20%", "direct"),
            ("hizentra", "route", "subcutaneous", "coreference"),
            ("privigen", "route", "intravenous", "direct"),
        },
    ),
    # What belongs to another product or thing stays with it.
    (
        "Privigen is made by CSL Behring, which also makes a 20% product for use under the skin.\n",
        {("privigen", "manufacturer", "CSL Behring", "direct")},
    ),
    (
        "Privigen, like Gamunex-C from Grifols, is a 10% IVIG.\n",
        {
            ("gamunex-c", "manufacturer", "Grifols", "direct"),
            ("privigen", "concentration", "10%", "coordinated"),
            ("gamunex-c", "concentration", "10%", "coordinated"),
        },
    ),
    ("Grifols also makes Xembify, which competes with Hizentra.\n", set()),
    ("Hizentra patients may be given IV antibiotics.\n", set()),
    (
        "The strengths are 10% for Privigen and 20% for Hizentra.\n",
        {
            ("privigen", "concentration", "10%", "direct"),
            ("hizentra", "concentration", "20%", "direct"),
        },
    ),
    # A stabilizer named as what interferes with a test, and "None of ..." denying it.
    (
        "Octagam 10% contains maltose, so use a glucose meter that is not affected by maltose.\n",
        {("octagam-10", "stabilizer", "maltose", "direct")},
    ),
    (
        "None of the products above contains sucrose, and Gamunex-C does not contain sucrose.\n",
        {("gamunex-c", "stabilizer", "not sucrose", "direct")},
    ),
    # A chain of "It" sentences stays with the product named before them.
    (
        "Octagam 10% is made by Octapharma. It is stabilized with maltose. It contains about "
        "25 µg/mL of IgA.\n",
        {
            ("octagam-10", "manufacturer", "Octapharma", "direct"),
            ("octagam-10", "stabilizer", "maltose", "coreference"),
            ("octagam-10", "iga", "25 µg/mL", "coreference"),
        },
    ),
    # Questions, direct and indirect, state nothing.
    (
        "Is Privigen a 5% solution? Privigen is a 10% solution.\n",
        {("privigen", "concentration", "10%", "direct")},
    ),
    ("Patients ask whether Grifols makes Privigen.\n", set()),
    ("Some ask whether Privigen is stabilized with glycine.\n", set()),
    (
        "Privigen, whether given at home or in hospital, is a 10% solution.\n",
        {("privigen", "concentration", "10%", "direct")},
    ),
    # Dashes around a description of the product just named do not end its clause.
    (
        "Privigen – made by CSL Behring – is a 10% solution.\n",
        {
            ("privigen", "manufacturer", "CSL Behring", "direct"),
            ("privigen", "concentration", "10%", "direct"),
        },
    ),
    ("Privigen - a 5% product.\n", {("privigen", "concentration", "5%", "direct")}),
    # IV and SC after a verb of giving are routes; IVIG there names the therapy.
    (
        "Gamunex-C can be given IV or SC.\n",
        {
            ("gamunex-c", "route", "intravenous", "direct"),
            ("gamunex-c", "route", "subcutaneous", "direct"),
        },
    ),
    ("Patients previously given IVIG may switch to Hizentra.\n", set()),
    (
        "Grifols' Gamunex-C differs from Privigen in its stabilizer.\n",
        {("gamunex-c", "manufacturer", "Grifols", "possessive")},
    ),
    (
        "Gammagard Liquid is manufactured by Takeda, while Privigen is made by CSL Behring.\n",
        {
            ("gammagard-liquid", "manufacturer", "Takeda", "direct"),
            ("privigen", "manufacturer", "CSL Behring", "direct"),
        },
    ),
    # clauses and pronouns
    (
        "Cuvitru is administered subcutaneously, and Gamunex-C can be given intravenously.\n",
        {
            ("cuvitru", "route", "subcutaneous", "direct"),
            ("gamunex-c", "route", "intravenous", "direct"),
        },
    ),
    (
        "Gamunex-C is approved for CIDP; it is a 10% solution.\n",
        {("gamunex-c", "concentration", "10%", "coreference")},
    ),
    (
        "Privigen is used in several conditions. It is stabilized with L-proline.\n",
        {("privigen", "stabilizer", "L-proline", "coreference")},
    ),
    # negation and contrast make no positive claim
    ("Privigen is not a 5% solution.\n", set()),
    (
        "Unlike Flebogamma 5% DIF, Privigen is 10%.\n",
        {("privigen", "concentration", "10%", "direct")},
    ),
    (
        "Unlike Hizentra, which is given under the skin, Privigen is infused into a vein.\n",
        {
            ("privigen", "route", "intravenous", "direct"),
            ("hizentra", "route", "subcutaneous", "apposition"),
        },
    ),
    (
        "Privigen is stabilized with L-proline and contains no sugar.\n",
        {
            ("privigen", "stabilizer", "L-proline", "direct"),
            ("privigen", "sugar", "sugar-free", "direct"),
        },
    ),
    ("Hizentra should never be given into a vein.\n", set()),
    ("Octagam 10% is not maltose-free.\n", {("octagam-10", "stabilizer", "maltose", "direct")}),
    ("Privigen contains no maltose.\n", {("privigen", "stabilizer", "not maltose", "direct")}),
    # percentages that are not concentrations
    ("Privigen may be diluted with 5% dextrose before infusion.\n", set()),
    ("Headache occurred in 10% of patients treated with Privigen.\n", set()),
    ("Privigen reduced relapses by 20% in one cohort.\n", set()),
    ("Hizentra is twice as concentrated as 10% IVIG products.\n", set()),
    ("Hizentra needs half the volume of a 10% product.\n", set()),
    (
        "Privigen is a 10% liquid, like other 10% products.\n",
        {("privigen", "concentration", "10%", "direct")},
    ),
    ("IVIG may not be suitable for patients with IgA deficiency.\n", set()),
    ("Patients with IgA deficiency and anti-IgA antibodies should avoid Gamunex-C.\n", set()),
    ("Some patients switch from intravenous treatment to Hizentra at home.\n", set()),
    # IgA figures
    ("IgA content of Privigen is below 25 mcg/mL.\n", {("privigen", "iga", "<25 µg/mL", "direct")}),
    ("Gamunex-C contains 0.046 mg/mL of IgA.\n", {("gamunex-c", "iga", "46 µg/mL", "direct")}),
    ("Privigen is IgA-free.\n", {("privigen", "iga", "IgA-free", "direct")}),
    # products listed in brackets after a value are that value's
    (
        "Common stabilizers are glycine (Gamunex-C, Panzyga), L-proline (Privigen, Hizentra) and"
        " maltose (Octagam 10%) [1].\n",
        {
            ("gamunex-c", "stabilizer", "glycine", "coordinated"),
            ("panzyga", "stabilizer", "glycine", "coordinated"),
            ("privigen", "stabilizer", "L-proline", "coordinated"),
            ("hizentra", "stabilizer", "L-proline", "coordinated"),
            ("octagam-10", "stabilizer", "maltose", "direct"),
        },
    ),
    (
        "Products come as 10% (Privigen) or 20% (Hizentra, Cuvitru) solutions.\n",
        {
            ("privigen", "concentration", "10%", "direct"),
            ("hizentra", "concentration", "20%", "coordinated"),
            ("cuvitru", "concentration", "20%", "coordinated"),
        },
    ),
    (
        "The makers are Grifols (Gamunex-C, Flebogamma DIF) and CSL Behring (Privigen).\n",
        {
            ("gamunex-c", "manufacturer", "Grifols", "parenthetical"),
            ("flebogamma-dif", "manufacturer", "Grifols", "parenthetical"),
            ("privigen", "manufacturer", "CSL Behring", "parenthetical"),
        },
    ),
    (
        "Glycine (an amino acid, unlike sugars) stabilizes Gamunex-C.\n",
        {("gamunex-c", "stabilizer", "glycine", "direct")},
    ),
    # a product's bracket holding its maker and strength; a task-list item's product
    (
        "- Panzyga (Octapharma, 5%): glycine\n",
        {
            ("panzyga", "manufacturer", "Octapharma", "parenthetical"),
            ("panzyga", "concentration", "5%", "direct"),
            ("panzyga", "stabilizer", "glycine", "direct"),
        },
    ),
    (
        "Panzyga (Octapharma) reduced relapses (by 5%).\n",
        {("panzyga", "manufacturer", "Octapharma", "parenthetical")},
    ),
    (
        "- [ ] Gamunex-C: glycine-stabilized; IgA ~0.46 mg/mL.\n",
        {
            ("gamunex-c", "stabilizer", "glycine", "direct"),
            ("gamunex-c", "iga", "460 µg/mL", "list-item"),
        },
    ),
    # each IgA figure read once, for the IgA word nearest it
    (
        "Privigen contains trace amounts of IgA (25 µg/mL or less), while the IgA content of"
        " Octagam 10% averages 160 µg/mL.\n",
        {
            ("privigen", "iga", "25 µg/mL", "direct"),
            ("octagam-10", "iga", "160 µg/mL", "direct"),
        },
    ),
    (
        "Octagam 10% contains a moderate amount of IgA, around 1 mg/mL.\n",
        {("octagam-10", "iga", "1000 µg/mL", "direct")},
    ),
    # "the former" and "the latter" of two products named before
    (
        "Privigen and Gamunex-C are made in the US; the former is a CSL Behring product and the"
        " latter is made by Takeda.\n",
        {
            ("privigen", "manufacturer", "CSL Behring", "coreference"),
            ("gamunex-c", "manufacturer", "Takeda", "coreference"),
        },
    ),
    (
        "Privigen and Hizentra come from one company. The former is a 10% solution, the latter"
        " a 20% one.\n",
        {
            ("privigen", "concentration", "10%", "coreference"),
            ("hizentra", "concentration", "20%", "coreference"),
        },
    ),
    ("Privigen, Hizentra and Cuvitru are liquids; the latter is a 20% solution.\n", set()),
    # claims quoted from elsewhere in order to be corrected
    ('A patient leaflet we were sent said "Privigen is made by Grifols". It is wrong.\n', set()),
    (
        'Another page claimed that "Octagam 10% is stabilized with glycine"; in fact Octagam 10%'
        " contains maltose.\n",
        {("octagam-10", "stabilizer", "maltose", "direct")},
    ),
    (
        'A leaflet said "Privigen is made by Grifols", and Gamunex-C is made by Takeda.\n',
        {("gamunex-c", "manufacturer", "Takeda", "direct")},
    ),
    # a field led by a stabilizer gives the stabilizer's amount
    (
        "- Maltose (Octagam 5%): 100 mg per mL.\n",
        {("octagam-5", "stabilizer", "maltose", "direct")},
    ),
    (
        "- Octagam 5%: maltose, 10% solution.\n",
        {
            ("octagam-5", "stabilizer", "maltose", "direct"),
            ("octagam-5", "concentration", "10%", "direct"),
        },
    ),
    # "of protein" after the last of a list of values is said of each
    (
        "Privigen and Hizentra contain 100 mg/mL and 200 mg/mL of protein, respectively.\n",
        {
            ("privigen", "concentration", "10%", "respectively"),
            ("hizentra", "concentration", "20%", "respectively"),
        },
    ),
    # "only" a route denies the others
    (
        "Gammagard Liquid can only be given into a vein.\n",
        {("gammagard-liquid", "route", "intravenous only", "direct")},
    ),
    ("Gamunex-C: IV only.\n", {("gamunex-c", "route", "intravenous only", "direct")}),
    (
        "Hizentra is given subcutaneously only.\n",
        {("hizentra", "route", "subcutaneous only", "direct")},
    ),
    (
        "Gamunex-C can be given under the skin only for primary immunodeficiency.\n",
        {("gamunex-c", "route", "subcutaneous", "direct")},
    ),
    # an acronym alone in a slot of a product's attribute list
    (
        "- Privigen | CSL Behring | 10% | IV | L-proline\n",
        {
            ("privigen", "concentration", "10%", "direct"),  # a percentage alone in its slot
            ("privigen", "route", "intravenous", "direct"),
            ("privigen", "stabilizer", "L-proline", "direct"),
        },
    ),
    (
        "- Hizentra: under the skin; see the IV section.\n",
        {("hizentra", "route", "subcutaneous", "direct")},
    ),
    (
        "Gamunex-C is given intravenously, and only rarely under the skin.\n",
        {
            ("gamunex-c", "route", "intravenous", "direct"),
            ("gamunex-c", "route", "subcutaneous", "direct"),
        },
    ),
    # a field that denies; a maker "a product comes from"; an adjective after the strength
    (
        "Octagam 10% is a 10% product. It comes from a company called Grifols.\n",
        {
            ("octagam-10", "concentration", "10%", "direct"),
            ("octagam-10", "manufacturer", "Grifols", "coreference"),
        },
    ),
    ("IVIG comes from donated plasma.\n", set()),
    (
        "Our alternative would be Panzyga, a 5% glycine-stabilised product.\n",
        {
            ("panzyga", "concentration", "5%", "direct"),
            ("panzyga", "stabilizer", "glycine", "direct"),
        },
    ),
    ("Privigen may be diluted in 5% glucose.\n", set()),
    # a speaker's turn: "MedAssist: Its ..." continues the product of the turn before
    (
        "Q: What about Cuvitru?\n\nMedAssist: Its average IgA content is around 800 µg/mL.\n",
        {("cuvitru", "iga", "800 µg/mL", "inherited")},
    ),
    # the figure after a compared product is not clearly that product's
    (
        "Octagam 10% contains roughly twice the IgA of Gamunex-C: an average of 106 µg/mL.\n",
        set(),
    ),
    # "The company that makes it" refers back like "It"
    (
        "Her cousin gets Privigen. The company that makes it is Octapharma.\n",
        {("privigen", "manufacturer", "Octapharma", "coreference")},
    ),
    # "Like X, it ...": the values are the earlier product's, not the compared one's
    (
        "Hizentra is made by CSL Behring. Like Privigen, it uses L-proline, and it also contains"
        " polysorbate 80.\n",
        {
            ("hizentra", "manufacturer", "CSL Behring", "direct"),
            ("hizentra", "stabilizer", "L-proline", "coreference"),
            ("hizentra", "stabilizer", "polysorbate 80", "coreference"),
        },
    ),
    # a sentence with its own scope does not take the condition of the one before
    # (tested through regimens in test_regimen_context)
    # one statement made twice in a sentence is one claim
    (
        "Privigen contains virtually no IgA at all, so it is IgA-free.\n",
        {("privigen", "iga", "IgA-free", "direct")},
    ),
    # milligrams per mL right after "IgA": IgA's figure (a unit slip), not the protein's
    (
        "Gammagard Liquid has an average IgA of 37 mg/mL.\n",
        {("gammagard-liquid", "iga", "37000 µg/mL", "direct")},
    ),
    (
        "Gammagard Liquid is 100 mg/mL and low in IgA.\n",
        {("gammagard-liquid", "concentration", "10%", "direct")},
    ),
    # a route word that is no route of the product's
    ("For Hizentra, the intravenous dose is multiplied by 1.37 and divided by 4.\n", set()),
    (
        "Neither Hizentra nor Cuvitru is approved for dermatomyositis, where IVIG is given into a"
        " vein.\n",
        set(),
    ),
    ("Hizentra is an intravenous treatment.\n", {("hizentra", "route", "intravenous", "direct")}),
    (
        "Hizentra is given at home, where it is infused into a vein.\n",
        {("hizentra", "route", "intravenous", "direct")},
    ),
    ("Some sites call Privigen 5%.\n", set()),
    ('Some of you have said Privigen is "a 5% product", but it is not.\n', set()),
    # an apposition with its own relative clause still describes the contrasted product
    (
        "Unlike CSL Behring's Privigen, a 20 percent product that is not approved for"
        " dermatomyositis, Octagam 10% carries a label for adults.\n",
        {("privigen", "concentration", "20%", "apposition")},
    ),
    # a belief reported to be corrected states nothing; the correction does
    ("Myth: Privigen is a 5% product.\n", set()),
    ("Myth #2: Octagam is sugar-free.\n", set()),
    (
        "Privigen is a 10% product. Myth: Privigen is a 5% product.\n",
        {("privigen", "concentration", "10%", "direct")},
    ),
    ("It is a common misconception that Hizentra can be given intravenously.\n", set()),
    ("You may read online that Panzyga contains maltose.\n", set()),
    ("Hizentra is often wrongly described as a 10% product.\n", set()),
    (
        "Some people believe that Privigen is a 5% product, but Privigen is a 10% product.\n",
        {("privigen", "concentration", "10%", "direct")},
    ),
    (
        "Some sites say Privigen is a 5% product; in fact Privigen is a 10% product.\n",
        {("privigen", "concentration", "10%", "direct")},
    ),
    (
        "Myth: Privigen is a 5% product. Fact: Privigen is a 10% product.\n",
        {("privigen", "concentration", "10%", "direct")},
    ),
    (
        "Contrary to popular belief, Privigen is a 5% product.\n",
        {("privigen", "concentration", "5%", "direct")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:50] for c in CASES])
def test_claims(text: str, expected: set[tuple[str, str, str, str]]) -> None:
    got = {c for c in claims_of(text) if c[1] not in ("dose", "interval", "division", "incidence")}
    assert got == expected


def test_ambiguity_is_recorded_with_its_span() -> None:
    text = "Grifols - Produces Gamunex-C and Flebogamma, with concentrations of 5% and 10%.\n"
    analysis = analyse(text)
    (amb,) = analysis.ambiguities
    start, end = amb.unit.source_span(amb.start, amb.end)
    assert text[start:end] == "Gamunex-C and Flebogamma, with concentrations of 5% and 10%"
    assert amb.values == ["5%", "10%"]


def test_markdown_table_cells_are_attributed_by_row_and_column() -> None:
    md = (
        "| Product | Manufacturer | Concentration |\n| --- | --- | --- |\n"
        "| Hizentra | CSL Behring | 20% |\n"
    )
    assert claims_of(md, "t.md") == {
        ("hizentra", "manufacturer", "CSL Behring", "table"),
        ("hizentra", "concentration", "20%", "table"),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Octagam 10% is dosed at 1 g/kg.\n", {("octagam-10", "dose", "1 g/kg", "direct")}),
        (
            "- Octagam 10%: 1 g/kg every 4 weeks\n",
            {
                ("octagam-10", "dose", "1 g/kg", "direct"),
                ("octagam-10", "interval", "every 4 weeks", "direct"),
            },
        ),
        (
            "Octagam 10% is given at 6-week intervals.\n",
            {("octagam-10", "interval", "every 6 weeks", "direct")},
        ),
        (
            "Octagam 10% infusions are given 6 weeks apart.\n",
            {("octagam-10", "interval", "every 6 weeks", "direct")},
        ),
        # "every day" / "each day" after a dose: a day's share, not the course
        (
            "Octagam 10% is given at 1 g/kg every day for 2 consecutive days, every 4 weeks.\n",
            {
                ("octagam-10", "dose", "1 g/kg/day for 2 days", "direct"),
                ("octagam-10", "interval", "every 4 weeks", "direct"),
            },
        ),
        (
            "Octagam 10% is given at 0.4 g/kg each day for 5 days.\n",
            {("octagam-10", "dose", "0.4 g/kg/day for 5 days", "direct")},
        ),
        ("Blood counts are checked at 6-week intervals.\n", set()),
        # "infusion" naming people, not a dosing: no interval
        (
            '"We built this from the feedback of infusion professionals who care for people'
            ' with dermatomyositis every day," said the director.\n',
            set(),
        ),
        # monitoring in another clause leaves the dosing clause a claim
        (
            "Octagam 10% courses are repeated every 35 days while it works, and your consultant"
            " will review you every three months.\n",
            {("octagam-10", "interval", "every 5 weeks", "direct")},
        ),
    ],
)
def test_regimen_wordings(text: str, expected: set[tuple[str, str, str, str]]) -> None:
    """A dose per body weight is a regimen claim without a cue word; spacing is an interval."""
    assert claims_of(text) == expected


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("x.md", "---\ntitle: IVIG for dermatomyositis\n---\n\nIVIG is given at 2 g/kg.\n"),
        (
            "x.html",
            "<html><head><title>IVIG for dermatomyositis</title></head>"
            "<body><p>IVIG is given at 2 g/kg.</p></body></html>",
        ),
    ],
)
def test_a_page_title_names_the_subject_when_no_heading_does(path: str, text: str) -> None:
    got = claims_of(text, path)
    assert ("dermatomyositis", "dose", "2 g/kg", "indication") in got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Octagam 10% is started at 1.0 mg/kg/min (0.01 mL/kg/min) and can go up to 4.0"
            " mg/kg/min.\n",
            {
                ("octagam-10", "initial_rate", "1 mg/kg/min", "direct"),
                ("octagam-10", "initial_rate", "0.01 mL/kg/min", "direct"),
                ("octagam-10", "max_rate", "≤4 mg/kg/min", "direct"),
            },
        ),
        (
            "In dermatomyositis, infusions start at 1 mg/kg/min and increase to 2 mg/kg/min"
            " after 30 minutes.\n",
            {
                ("dermatomyositis", "initial_rate", "1 mg/kg/min", "indication"),
                ("dermatomyositis", "rate", "2 mg/kg/min", "indication"),  # a step
            },
        ),
        (
            "In dermatomyositis, monitor carefully and do not exceed 0.04 mL/kg/min.\n",
            {("dermatomyositis", "max_rate", "≤0.04 mL/kg/min", "indication")},
        ),
        # neither end: a step, or the rate it runs at (only the maximum judges it) ...
        (
            "In dermatomyositis, the nurse then runs it at 2 mg/kg/min.\n",
            {("dermatomyositis", "rate", "2 mg/kg/min", "indication")},
        ),
        # ... said with a verb of giving or changing: a rate with none may be another's
        ("In dermatomyositis, the rate is 2 mg/kg/min.\n", set()),
        (
            "For MMN, Gammagard allows 5.4 mL/kg/h. In milligrams that ceiling is 9 mg/kg/min,"
            " more than double the dermatomyositis ceiling for Octagam 10%.\n",
            set(),
        ),
        ('We saw a forum post claiming the limit is "0.4 mL/kg/min" for dermatomyositis.\n', set()),
        # a rate named as a threshold, none given
        ("For dermatomyositis, rates above 4 mg/kg/min raise the risk of clots.\n", set()),
        # denied above: a ceiling
        (
            "For dermatomyositis, the pump will not be set above 0.08 mL per kg per minute.\n",
            {("dermatomyositis", "max_rate", "≤0.08 mL/kg/min", "indication")},
        ),
        (
            "For dermatomyositis, the rate should be no higher than 0.04 mL/kg/min.\n",
            {("dermatomyositis", "max_rate", "≤0.04 mL/kg/min", "indication")},
        ),
        (
            "For dermatomyositis we stay below 3 mg/kg/min on the first course, and reach the"
            " 4 mg/kg/min label maximum later.\n",
            {
                ("dermatomyositis", "max_rate", "<3 mg/kg/min", "indication"),
                ("dermatomyositis", "max_rate", "4 mg/kg/min", "indication"),
            },
        ),
        (
            "In dermatomyositis, give 0.01 mL/kg/min for the first 30 minutes, then 0.02"
            " mL/kg/min for 30 minutes.\n",
            # "for the first 30 minutes" after a rate is no start cue for the next one
            {
                ("dermatomyositis", "rate", "0.01 mL/kg/min", "indication"),
                ("dermatomyositis", "rate", "0.02 mL/kg/min", "indication"),
            },
        ),
        (
            "In dermatomyositis, the label lets the nurse go as far as ten milligrams per kilo a"
            " minute.\n",
            {("dermatomyositis", "max_rate", "10 mg/kg/min", "indication")},
        ),
        (
            "In dermatomyositis, start at 1 mg/kg/min. The first increase is to 2 mg/kg/min, and"
            " the nurse may begin raising the rate to 3 mg/kg/min.\n",
            {
                ("dermatomyositis", "initial_rate", "1 mg/kg/min", "indication"),
                ("dermatomyositis", "rate", "2 mg/kg/min", "indication"),
                ("dermatomyositis", "rate", "3 mg/kg/min", "indication"),
            },
        ),
        (
            "For dermatomyositis, cap at 0.3 mL/kg/min.\n",
            {("dermatomyositis", "max_rate", "0.3 mL/kg/min", "indication")},
        ),
        ("In the trial, infusions ran at up to 8 mg/kg/min.\n", set()),
    ],
)
def test_infusion_rates_are_a_start_or_a_ceiling(
    text: str, expected: set[tuple[str, str, str, str]]
) -> None:
    assert claims_of(text) == expected


def test_a_definition_is_about_its_term() -> None:
    """<dd> prose under <dt>Cuvitru</dt> is Cuvitru's; its nested fields are too."""
    html = (
        "<dl><dt>Cuvitru</dt><dd>A 20% solution made by CSL Behring.</dd>"
        "<dt>Gammagard Liquid</dt><dd>Takeda's product, given into a vein."
        "<ul><li>Strength: 20% solution</li></ul></dd>"
        "<dt>IVIG</dt><dd>Immune globulin given into a vein, often as a 5% solution.</dd></dl>"
    )
    assert claims_of(html, "a.html") == {
        ("cuvitru", "concentration", "20%", "inherited"),
        ("cuvitru", "manufacturer", "CSL Behring", "inherited"),
        ("gammagard-liquid", "manufacturer", "Takeda", "inherited"),
        ("gammagard-liquid", "route", "intravenous", "inherited"),
        ("gammagard-liquid", "concentration", "20%", "inherited"),
    }


def test_a_card_of_bold_labels_is_read_field_by_field() -> None:
    """Under a product heading, each "**Label:** value" line is its own statement; "None"
    denies; a strength in brackets after a family's figure does not move it to one member."""
    card = (
        "## Gamunex-C\n\n**Stabilizer:** Glycine\n**Sucrose:** None\n**IgA:** average 46 µg/mL\n\n"
        "## Flebogamma DIF\n\n**Strengths:** 5% (Flebogamma 5% DIF) and 10% (Flebogamma 10% DIF)\n"
        "**IgA:** Maximum 50 µg/mL (5%); less than 100 µg/mL (10%)\n"
    )
    assert {c for c in claims_of(card, "a.md") if c[0] == "gamunex-c"} == {
        ("gamunex-c", "stabilizer", "glycine", "inherited"),
        ("gamunex-c", "stabilizer", "not sucrose", "inherited"),
        ("gamunex-c", "iga", "46 µg/mL", "inherited"),
    }
    assert not [f for f in lint_text(card, "a.md") if f.category == "contradiction"]


def test_one_statement_made_twice_in_a_sentence_is_one_claim() -> None:
    text = "Privigen contains virtually no IgA at all, so it is IgA-free.\n"
    assert len(analyse(text).claims) == 1


def test_table_cells_take_their_meaning_from_the_headers() -> None:
    """An IgA figure marked as an average, a rate under a row that says which rate it is."""
    table = (
        "| Property | Octagam 10% | Gammagard Liquid |\n| --- | --- | --- |\n"
        "| IgA (µg/mL) | ≈ 16 (avg) | 37 average |\n"
    )
    assert claims_of(table, "a.md") == {
        ("octagam-10", "iga", "16 µg/mL", "table"),
        ("gammagard-liquid", "iga", "37 µg/mL", "table"),
    }
    rates = (
        "## Rate (dermatomyositis)\n\n| Step | Rate |\n| --- | --- |\n"
        "| Start | 1.0 mg/kg/min |\n| Maximum, if tolerated | 4.0 mL/kg/min |\n"
        "| After 30 minutes | 2 mg/kg/min |\n"
    )
    assert {c[1:3] for c in claims_of(rates, "a.md")} == {
        ("initial_rate", "1 mg/kg/min"),
        ("max_rate", "4 mL/kg/min"),
        ("rate", "2 mg/kg/min"),  # a step
    }


def test_a_pump_table_s_unit_columns() -> None:
    """ "Step | mg/kg/min | mL/kg/min | mL/kg/hour" over bare figures: each column's unit, and
    the row says which rate."""
    table = (
        "## Octagam 10% in dermatomyositis\n\n"
        "| Step | mg/kg/min | mL/kg/hour |\n| --- | --- | --- |\n"
        "| Initial rate | 1.0 | 0.6 |\n| Maximum rate, if tolerated | 4.0 | 3.6 |\n"
    )
    got = {c[1:3] for c in claims_of(table, "a.md")}
    assert ("max_rate", "0.06 mL/kg/min") in got  # 3.6 mL/kg/h: faster than the label's 0.04
    assert ("initial_rate", "1 mg/kg/min") in got


def test_an_iga_column_in_milligrams_with_the_figure_s_kind_before_it() -> None:
    """ "IgA (mg/mL), label average or maximum" over "average 0.046" and "maximum 0.025": the
    unit comes from the header, the comparator from the word."""
    table = (
        "| Product | IgA (mg/mL), label average or maximum |\n| --- | --- |\n"
        "| Gamunex-C | average 0.46 |\n| Privigen | maximum 0.025 |\n"
    )
    assert claims_of(table, "a.md") == {
        ("gamunex-c", "iga", "460 µg/mL", "table"),
        ("privigen", "iga", "≤25 µg/mL", "table"),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a nested list item is about the condition its parent item names
        (
            "- Adults with dermatomyositis:\n  - repeated every 4 weeks\n- Children with JDM:\n"
            "  - CARRA plan:\n    - every 2 weeks for 3 doses, then monthly\n",
            {
                ("dermatomyositis", "interval", "every 4 weeks", "indication"),
                (
                    "juvenile-dermatomyositis",
                    "interval",
                    "every 2 weeks for 3 doses, then monthly",
                    "indication",
                ),
            },
        ),
        # "If you take ..." addresses the reader; "If the dose were ..." is hypothetical
        (
            "If you take Octagam 10% for dermatomyositis, courses come every five weeks.\n",
            {("octagam-10", "interval", "every 5 weeks", "direct")},
        ),
        ("If the dose of Octagam 10% were 1 g/kg, it would not work.\n", set()),
        (
            "For immunodeficiency, IVIG is given at 0.4 g/kg. In autoimmune disease it is given"
            " at 2 g/kg.\n",
            {
                ("immunodeficiency", "dose", "0.4 g/kg", "indication"),
                ("ivig", "dose", "2 g/kg", "general"),
            },
        ),
        (
            "If your neurologist prescribes Gamunex-C for CIDP, the maintenance dose is 1 g/kg.\n",
            {("gamunex-c", "maintenance dose", "1 g/kg", "direct")},
        ),
        # an indirect question states nothing; a daily cap is a dose per day
        ("A reader asked whether the dose for dermatomyositis was two grams per pound.\n", set()),
        (
            "For dermatomyositis, IVIG is given at no more than 1 g/kg on a single day.\n",
            {("dermatomyositis", "dose", "≤1 g/kg/day", "indication")},
        ),
    ],
)
def test_regimen_context(text: str, expected: set[tuple[str, str, str, str]]) -> None:
    assert claims_of(text, "a.md") == expected


@pytest.mark.parametrize(
    ("title", "claims"),
    [
        ("# Giving subcutaneous immunoglobulin at home", 0),  # SCIG's own weekly schedule
        ("# IVIG and SCIG for immunodeficiency", 1),  # both: the statement is checked
        ("# Frequently asked questions about Hizentra", 0),  # a product given under the skin only
        ("# Frequently asked questions about Gamunex-C", 1),  # given both ways
        # a first line that is no heading still titles the article
        ('VIDEO TRANSCRIPT: "Your first subcutaneous immunoglobulin infusion at home"', 0),
    ],
)
def test_an_article_about_scig_is_not_held_to_the_iv_regimens(title: str, claims: int) -> None:
    text = f"{title}\n\nFor immunodeficiency, infusions are given once a week.\n"
    assert len([c for c in analyse(text, "a.md").claims if c.attribute == "interval"]) == claims


def test_regimen_subjects() -> None:
    dm = "Dermatomyositis and IVIG\n\nIn dermatomyositis, IVIG is given as 2 g/kg every 4 weeks.\n"
    got = claims_of(dm)
    assert ("dermatomyositis", "dose", "2 g/kg", "indication") in got
    assert ("dermatomyositis", "interval", "every 4 weeks", "indication") in got
    product = claims_of("Octagam 10% is given at 1 g/kg every 4 weeks.\n")
    assert ("octagam-10", "dose", "1 g/kg", "direct") in product
    assert not claims_of("In the ProDERM trial, participants received 2 g/kg every 4 weeks.\n")
    assert not claims_of("For example, a 70 kg adult would receive 140 g per course.\n")


def test_table_route_column_accepts_abbreviations() -> None:
    html = (
        "<table><tr><th>Brand</th><th>Route</th></tr>"
        "<tr><td>Gamunex-C</td><td>IV or SC</td></tr><tr><td>Hizentra</td><td>IV</td></tr></table>"
    )
    assert claims_of(html, "t.html") == {
        ("gamunex-c", "route", "intravenous", "table"),
        ("gamunex-c", "route", "subcutaneous", "table"),
        ("hizentra", "route", "intravenous", "table"),
    }


def test_reference_markers_glued_to_words_do_not_hide_terms() -> None:
    text = "Gammagard Liquid is stabilized with glycine.[^1] Octagam 10% uses sucrose[2].\n"
    assert claims_of(text, "x.md") == {
        ("gammagard-liquid", "stabilizer", "glycine", "direct"),
        ("octagam-10", "stabilizer", "sucrose", "direct"),
    }


def test_incidence_and_cost_claims() -> None:
    got = claims_of("JDM affects approximately 3 in 1 million children annually.\n")
    assert got == {
        (
            "juvenile-dermatomyositis",
            "incidence",
            "about 3 per million children per year",
            "indication",
        )
    }
    costs = claims_of(
        "IVIG costs $5,000 to $10,000 per treatment course and thousands of dollars per infusion.\n"
    )
    assert {c[1] for c in costs} == {"cost per course", "cost per infusion"}


def test_every_contrast_cue_contains_a_prefilter_word() -> None:
    """A paragraph without a `_CONTRAST_WORDS` word skips CONTRAST: each alternative needs one."""
    from medlint.claims import _CONTRAST_WORDS, CONTRAST

    source = CONTRAST.pattern
    body = source[source.index("(?:") + 3 : source.rindex(")")]
    parts, depth, current = [], 0, ""
    for ch in body:
        depth += (ch == "(") - (ch == ")")
        if ch == "|" and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += ch
    parts.append(current)
    assert len(parts) >= 10
    for part in parts:
        assert any(word in part for word in _CONTRAST_WORDS.words), part


def test_a_leaflets_contents_section_is_about_its_product() -> None:
    """ "What X contains": items naming X again, "The other ingredients are ...", "The content
    of IgA is ..." all speak of X; prose after a product sentence refers back to it too."""
    leaflet = (
        "## What Flebogamma DIF contains\n\n"
        "- The active substance is human normal immunoglobulin.\n"
        "- Flebogamma DIF 100 mg/ml contains 100 mg of human protein in each ml.\n"
        "- The other components of this medicine are glycine and water for injections.\n"
        "- The content of IgA is about 300 micrograms in every ml.\n"
    )
    assert claims_of(leaflet, "a.md") == {
        ("flebogamma-10-dif", "concentration", "10%", "direct"),
        ("flebogamma-dif", "stabilizer", "glycine", "inherited"),
        ("flebogamma-dif", "iga", "300 µg/mL", "inherited"),
    }
    prose = (
        "Privigen is a 10% solution. The other ingredients of this medicine are L-proline"
        " and water. The content of IgA is at most 25 micrograms per mL.\n"
    )
    assert claims_of(prose) == {
        ("privigen", "concentration", "10%", "direct"),
        ("privigen", "stabilizer", "L-proline", "coreference"),
        ("privigen", "iga", "≤25 µg/mL", "coreference"),
    }


def test_every_field_of_a_long_product_page_inherits_its_product() -> None:
    """Thousands of nested fields under one product: each is Privigen's (one forward pass)."""
    fields = "".join(f"  - Concentration: {5 + i % 2 * 5}%\n" for i in range(3000))
    text = "# Page\n\n- **Privigen**\n" + fields + "\n## Hizentra\n\n- Concentration: 20%\n"
    analysis = ENGINE.analyse(read_document("page.md", text, "markdown"))
    concentrations = [c for c in analysis.claims if c.attribute == "concentration"]
    assert len(concentrations) == 3001
    assert {c.subject for c in concentrations[:3000]} == {"products.privigen"}
    assert concentrations[-1].subject == "products.hizentra"
    assert {c.attribution for c in concentrations} == {"inherited"}


@pytest.mark.parametrize(
    "text",
    [
        # prose under a product heading ends its reach: the field after it is nobody's
        "## Privigen\n\nMost products are sold in several strengths.\n\n- Concentration: 5%\n",
        # a heading that names no product
        "## Comparing products\n\n- Concentration: 5% to 20%\n",
        # a nested item under an item that is not led by a product
        "- Older products\n  - Concentration: 5%\n",
    ],
)
def test_fields_not_under_a_product_inherit_nothing(text: str) -> None:
    analysis = ENGINE.analyse(read_document("page.md", text, "markdown"))
    assert [c for c in analysis.claims if c.attribute == "concentration"] == []


@pytest.mark.parametrize(
    ("text", "ivig_regimen_claims"),
    [
        ("In dermatomyositis, MTX is given once weekly.\n", 0),
        ("In dermatomyositis, methotrexate is given once a week.\n", 0),
        ("For dermatomyositis, give 15 mg/kg of acetaminophen before each infusion.\n", 0),
        # the drug named last before the figure decides
        ("In dermatomyositis, IVIG is given at 2 g/kg after prednisone is tapered.\n", 1),
        ("In dermatomyositis, steroid-sparing IVIG is given at 2 g/kg every 4 weeks.\n", 2),
        ("In dermatomyositis, IVIG can lower the prednisone dose to 0.5 mg/kg per day.\n", 0),
        # a pronoun continues the previous sentence's drug
        ("Methotrexate comes first in dermatomyositis. It is given once a week.\n", 0),
        ("IVIG comes second in dermatomyositis. It is given every 4 weeks.\n", 1),
        # part of a longer word is not the drug ("salines" is not "saline")
        ("In dermatomyositis, IVIG in salinesque bags is given every 4 weeks.\n", 1),
    ],
)
def test_regimens_of_other_treatments_are_not_ivigs(text: str, ivig_regimen_claims: int) -> None:
    analysis = ENGINE.analyse(read_document("x.txt", text, "text"))
    regimen = [c for c in analysis.claims if c.attribute in ("dose", "interval", "division")]
    assert len(regimen) == ivig_regimen_claims, [(c.attribute, c.text) for c in regimen]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "It" opening a paragraph continues the one product the paragraph before ended on
        (
            "Privigen is made by CSL Behring.\n\nIt is a 5% solution.\n",
            {("privigen", "concentration", "5%", "coreference")},
        ),
        (
            "Gamunex-C and Privigen are common.\n\nIt is a 5% solution.\n",
            set(),  # two products before: whose figure it is stays unsaid
        ),
        (
            "Privigen is made by CSL Behring.\n\n## Costs\n\nIt is a 5% solution.\n",
            set(),  # another section
        ),
        (
            "Privigen is made by CSL Behring.\n\nIt is important to drink water. It is 5%.\n",
            set(),  # only the paragraph's first sentence refers back
        ),
    ],
)
def test_a_paragraph_opening_with_it_continues_the_one_before(
    text: str, expected: set[tuple[str, str, str, str]]
) -> None:
    analysis = ENGINE.analyse(read_document("x.md", text, "markdown"))
    got = {
        (c.subject.split(".", 1)[1], c.attribute, c.value.display, c.attribution)
        for c in analysis.claims
        if c.attribute == "concentration"
    }
    assert got == expected


@pytest.mark.parametrize(
    ("text", "path", "expected"),
    [
        ("Privigen is a 5% solution¹.", "x.txt", "Privigen is a 5% solution ."),
        ("Privigen is a 5% solution[1].", "x.txt", "Privigen is a 5% solution   ."),
        ("Privigen is a 5% solution[^1].", "x.md", "Privigen is a 5% solution    ."),
        ("<p>Privigen is a 5% solution<sup>1</sup>.</p>", "x.html", "Privigen is a 5% solution ."),
        # trademark marks and links are not citation markers: kept
        (
            "<p>Privigen<sup>&reg;</sup> is <a href='x'>a 10% solution</a>.</p>",
            "x.html",
            "Privigen® is a 10% solution.",
        ),
    ],
)
def test_claims_read_text_with_citation_markers_blanked(
    text: str, path: str, expected: str
) -> None:
    from medlint.claims import claim_text

    unit = read_document(path, text).units[0]
    blanked = claim_text(unit)
    assert blanked == expected
    assert len(blanked) == len(unit.text)


@pytest.mark.parametrize(
    ("header", "cell", "expected"),
    [
        ("Concentration (%)", "5", ["5%"]),
        ("%", "10", ["10%"]),
        ("Strength in %", "20", ["20%"]),
        ("Concentration (%)", "5-10", ["5-10%"]),
        ("Vial size (mL)", "50", []),  # not a percentage header
        ("Concentration (%)", "about 5", []),  # not a bare number
    ],
)
def test_a_header_with_the_unit_makes_a_bare_number_a_percentage(
    header: str, cell: str, expected: list[str]
) -> None:
    from medlint.claims import header_quantities

    text = f"| Product | {header} |\n| --- | --- |\n| Privigen | {cell} |\n"
    unit = next(u for u in read_document("t.md", text).units if u.text == cell)
    found = header_quantities(unit, unit.text)
    assert [q.to_value().display for q in found] == expected
    assert all(unit.text[q.start : q.end] == q.text for q in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "For dermatomyositis, the maintenance dose is 1 g/kg every 4 weeks.\n",
            {("maintenance dose", "1 g/kg"), ("maintenance interval", "every 4 weeks")},
        ),
        # values after the wording are the phase's; values of an earlier step are not
        (
            "For dermatomyositis, IVIG is given at 2 g/kg initially, then tapered to 1 g/kg "
            "every 6 weeks.\n",
            {
                ("dose", "2 g/kg"),
                ("maintenance dose", "1 g/kg"),
                ("maintenance interval", "every 6 weeks"),
            },
        ),
        (
            "For dermatomyositis, 1 g/kg every 6 weeks is used as maintenance.\n",
            {("maintenance dose", "1 g/kg"), ("maintenance interval", "every 6 weeks")},
        ),
        (
            "In dermatomyositis, IVIG is given at 2 g/kg every 4 weeks.\n",
            {("dose", "2 g/kg"), ("interval", "every 4 weeks")},
        ),
    ],
)
def test_a_maintenance_phase_has_claims_of_its_own(
    text: str, expected: set[tuple[str, str]]
) -> None:
    analysis = ENGINE.analyse(read_document("x.txt", text, "text"))
    assert {(c.attribute, c.value.display) for c in analysis.claims} == expected


@pytest.mark.parametrize(
    "text",
    [
        "Blood tests are repeated every 3 months.\n",
        "Lab tests are checked every 4 weeks during treatment.\n",
        "Follow-up appointments are scheduled every 6 weeks.\n",
    ],
)
def test_schedules_of_tests_and_visits_are_no_regimen(text: str) -> None:
    analysis = ENGINE.analyse(read_document("x.txt", "In dermatomyositis, " + text, "text"))
    assert not [c for c in analysis.claims if c.attribute.endswith(("interval", "dose"))]


@pytest.mark.parametrize(
    ("sentence", "condition"),
    [
        ("For CIDP, a loading dose of 2 g/kg is followed by 1 g/kg every 3 weeks.", "cidp"),
        ("For immune deficiency, IVIG is given at 0.4 to 0.6 g/kg every 3 to 4 weeks.",
         "immunodeficiency"),
        ("In primary immunodeficiency, 400 mg/kg is given every 3-4 weeks.", "immunodeficiency"),
        ("In Kawasaki disease, a single dose of 2 g/kg is given.", "kawasaki-disease"),
        ("In multifocal motor neuropathy, IVIG is given at 2 g/kg.", "mmn"),
    ],
)  # fmt: skip
def test_a_dose_for_another_condition_is_that_conditions(sentence: str, condition: str) -> None:
    """In an article about dermatomyositis, other indications' doses are not its doses."""
    text = f"# IVIG in dermatomyositis\n\nIVIG helps dermatomyositis.\n\n{sentence}\n"
    analysis = ENGINE.analyse(read_document("x.md", text, "markdown"))
    regimen = [c for c in analysis.claims if c.attribute in ("dose", "interval")]
    assert regimen
    assert {c.condition for c in regimen} == {condition}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # each clause names its own condition
        (
            "In Kawasaki disease it is given as a single 2 g/kg infusion; in Guillain-Barre"
            " syndrome, 0.4 g/kg daily for five days proved as effective as plasma exchange.\n",
            {
                ("conditions.kawasaki-disease", "dose", "2 g/kg", "kawasaki-disease"),
                (
                    "conditions.guillain-barre-syndrome",
                    "dose",
                    "0.4 g/kg/day for 5 days",
                    "guillain-barre-syndrome",
                ),
            },
        ),
        # "condition (values)" and "values for condition" in one clause
        (
            "Octagam 10% is approved for ITP (1 g/kg on 2 days) and dermatomyositis (2 g/kg over"
            " 2-5 days).\n",
            {
                ("products.octagam-10", "dose", "1 g/kg", "itp"),
                ("products.octagam-10", "dose", "2 g/kg", "dermatomyositis"),
                ("products.octagam-10", "division", "divided over 2-5 days", "dermatomyositis"),
            },
        ),
        (
            "Octagam 10% has two doses: 2 g/kg for ITP, given over 2 days, and 2 g/kg for"
            " dermatomyositis, given over 2-5 days every 4 weeks.\n",
            {
                ("products.octagam-10", "dose", "2 g/kg", "itp"),
                ("products.octagam-10", "division", "divided over 2 days", "itp"),
                ("products.octagam-10", "dose", "2 g/kg", "dermatomyositis"),
                ("products.octagam-10", "division", "divided over 2-5 days", "dermatomyositis"),
                ("products.octagam-10", "interval", "every 4 weeks", "dermatomyositis"),
            },
        ),
        # conditions listed together: whose value it is stays unclear, and it is not IVIG's
        # in general either
        ("For ITP and dermatomyositis, the dose is 2 g/kg.\n", set()),
        # each condition's clause with its own product
        (
            "Privigen maintenance for CIDP is every 4 weeks, and in primary immunodeficiency"
            " Hizentra is given weekly.\n",
            {
                ("products.privigen", "maintenance interval", "every 4 weeks", "cidp"),
                ("products.hizentra", "interval", "every week", "immunodeficiency"),
            },
        ),
    ],
)
def test_a_sentence_naming_several_conditions_gives_each_value_its_own(
    text: str, expected: set[tuple[str, str, str, str]]
) -> None:
    got = {(c.subject, c.attribute, c.value.display, c.condition) for c in analyse(text).claims}
    assert got == expected


@pytest.mark.parametrize(
    ("path", "table"),
    [
        (
            "a.md",
            "| Manufacturer | Product | Strength | Route |\n| --- | --- | --- | --- |\n"
            "| Grifols | Gamunex-C | 5% | IV or SC |\n| CSL Behring | Hizentra | 20% | SC |\n",
        ),
        (
            "a.html",
            "<table><tr><th>Manufacturer</th><th>Product</th><th>Strength</th><th>Route</th></tr>"
            '<tr><td rowspan="2">Grifols</td><td>Gamunex-C</td><td>5%</td><td>IV or SC</td></tr>'
            "<tr><td>Flebogamma 10% DIF</td><td>10%</td><td>IV</td></tr>"
            "<tr><td>CSL Behring</td><td>Hizentra</td><td>20%</td><td>SC</td></tr></table>",
        ),
    ],
)
def test_a_row_keyed_by_a_later_column_describes_that_columns_product(
    path: str, table: str
) -> None:
    got = {c for c in claims_of(table, path) if c[0] in ("gamunex-c", "hizentra")}
    assert {
        ("gamunex-c", "manufacturer", "Grifols", "table"),
        ("gamunex-c", "concentration", "5%", "table"),
        ("gamunex-c", "route", "intravenous", "table"),
        ("gamunex-c", "route", "subcutaneous", "table"),
        ("hizentra", "manufacturer", "CSL Behring", "table"),
        ("hizentra", "concentration", "20%", "table"),
        ("hizentra", "route", "subcutaneous", "table"),
    } == got
    if path == "a.html":  # the row under a carried maker cell is its own product's
        assert ("flebogamma-10-dif", "concentration", "10%", "table") in claims_of(table, path)


def test_a_products_price_is_that_products() -> None:
    claims = analyse("Gammagard Liquid costs about $95 per gram.\n").claims
    assert [(c.subject, c.attribute) for c in claims] == [
        ("products.gammagard-liquid", "cost per gram")
    ]
    assert [c.subject for c in analyse("IVIG costs about $95 per gram.\n").claims] == [
        "therapy.ivig"
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a sentence opening on its condition sets the next one's
        "In juvenile dermatomyositis (JDM) no product carries a label. The CARRA plan adds IVIG"
        " at 2 g/kg every 2 weeks for three doses, then monthly.\n",
        # an answer's condition is its question's
        "Q: JDM with persistent rash: CARRA plan A?\n\nA: Add IVIg 2 g/kg q2w x 3 doses, then"
        " monthly.\n",
    ],
)
def test_the_condition_carries_from_a_topic_sentence_or_a_question(text: str) -> None:
    conditions = {c.condition for c in analyse(text).claims if c.attribute == "interval"}
    assert conditions == {"juvenile-dermatomyositis"}


def test_the_article_says_whom_it_is_for() -> None:
    """ "This sheet is for people with primary immunodeficiency" decides the article's
    condition, though dermatomyositis is named more often (only to set it aside)."""
    text = (
        "This sheet is for people with primary immunodeficiency who are moving to SCIG. If you"
        " have dermatomyositis, ask your rheumatologist: no SC product is approved for"
        " dermatomyositis, and dermatomyositis doses differ.\n\n"
        "- With some products, doses are given every other week.\n"
    )
    assert analyse(text).condition == "immunodeficiency"
    assert [c.condition for c in analyse(text).claims if c.attribute == "interval"] == [
        "immunodeficiency"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the sugar's amount, said twice: the second figure is maltose's too
        (
            "Octagam 5% contains about 100 mg of maltose in every mL and Octagam 10% about 90 mg"
            " per mL.\n",
            set(),
        ),
        # SCIG's sites: "into the tummy or thigh with a small pump"
        (
            "People give them into the tummy or thigh with a small pump, usually once a week,"
            " instead of a big infusion every few weeks.\n",
            set(),
        ),
        (
            "His weekly dose was worked out as the label describes: 30 g divided by 3 weeks,"
            " multiplied by 1.37, comes to 13.7 g a week.\n",
            set(),
        ),
        # a conversion formula is no weekly regimen
        (
            "The label converts the old IV dose: weekly dose in grams = 1.37 x the previous IV"
            " dose in grams divided by the weeks between IV doses.\n",
            set(),
        ),
        # one patient's dose changed over time is history, not the regimen ...
        ("Dr Patel reduced Graham's dose to 1 g/kg, still every four weeks.\n", set()),
        ("His dose was later reduced to 1 g/kg.\n", set()),
        # ... but a dose stated as someone's is read: readers take it as the dose
        (
            "Her dose is 1 g/kg every four weeks.\n",
            {("dose", "1 g/kg"), ("interval", "every 4 weeks")},
        ),
        # IgG replacement and the high-dose use in general are not the article's condition
        (
            "- t1/2 of infused IgG ~3-4 wk (why replacement is q3-4w)\n",
            {("interval", "every 3-4 weeks")},
        ),
    ],
)
def test_values_that_are_not_the_articles_regimen(
    text: str, expected: set[tuple[str, str]]
) -> None:
    claims = analyse("# IVIG in dermatomyositis\n\n" + text, "a.md").claims
    got = {(c.attribute, c.value.display) for c in claims if c.condition == "dermatomyositis"}
    assert got == expected - {("interval", "every 3-4 weeks")}
    if ("interval", "every 3-4 weeks") in expected:
        assert [c.condition for c in claims] == [""]


def test_a_definition_list_of_fields_under_a_product_heading() -> None:
    """ "<dt>Concentration</dt><dd>10%</dd>" under "<h3>Hizentra</h3>": the term names the field,
    as a column header does; a term that is a product still leads its definition."""
    fields = (
        "<h3>Hizentra</h3><dl><dt>Concentration</dt><dd>10%</dd><dt>Made by</dt><dd>Grifols</dd>"
        "<dt>Route</dt><dd>IV</dd><dt>IgA</dt><dd>up to 500 µg/mL</dd></dl>"
    )
    assert claims_of(fields, "a.html") == {
        ("hizentra", "concentration", "10%", "inherited"),
        ("hizentra", "manufacturer", "Grifols", "inherited"),
        ("hizentra", "route", "intravenous", "inherited"),
        ("hizentra", "iga", "≤500 µg/mL", "inherited"),
    }
    terms = "<dl><dt>Cuvitru</dt><dd>A 20% solution made by Takeda.</dd></dl>"
    assert claims_of(terms, "a.html") == {
        ("cuvitru", "concentration", "20%", "inherited"),
        ("cuvitru", "manufacturer", "Takeda", "inherited"),
    }


@pytest.mark.parametrize(
    ("path", "quote"),
    [
        ("t.md", '> "Privigen is a 20% product"'),
        ("t.html", '<blockquote><p>"Privigen is a 20% product"</p></blockquote>'),
    ],
)
@pytest.mark.parametrize(
    ("reply", "quoted_claims"),
    [
        ("That one is off: it is a 10% liquid, made by CSL Behring.", 0),  # rebutted
        ("Not legit, sorry! Check the label.", 0),
        ("Yes, and it is made by CSL Behring.", 1),  # agreed with: still a claim
    ],
)
def test_a_quoted_post_the_reply_rebuts_states_nothing(
    path: str, quote: str, reply: str, quoted_claims: int
) -> None:
    """A forum reply quotes the post it answers ("> ..." or <blockquote>) and rebuts it."""
    text = f"{quote}\n\n{reply_form(path, reply)}\n"
    found = [c for c in analyse(text, path).claims if c.value.display == "20%"]
    assert len(found) == quoted_claims


@pytest.mark.parametrize(
    ("path", "quote"),
    [
        ("t.md", "> Privigen is 5%"),
        ("t.html", "<blockquote><p>Privigen is 5%</p></blockquote>"),
    ],
)
@pytest.mark.parametrize(
    ("lead", "after", "quoted_claims"),
    [
        ("Someone in another group wrote:", "Does that mean she needs more liquid?", 0),
        ("A friend told me:", "Is that right?", 0),
        ("Someone in another group wrote:", "So she will need more liquid.", 1),  # not asked
        ("Her doctor told us:", "Is that about right?", 1),  # a clinician's words
    ],
)
def test_quoted_hearsay_the_poster_asks_about_states_nothing(
    path: str, quote: str, lead: str, after: str, quoted_claims: int
) -> None:
    """A post quotes what someone wrote and asks whether it is true: a belief asked about."""
    text = f"{reply_form(path, lead)}\n\n{quote}\n\n{reply_form(path, after)}\n"
    found = [c for c in analyse(text, path).claims if c.value.display == "5%"]
    assert len(found) == quoted_claims


@pytest.mark.parametrize(
    ("heading", "quoted_claims"),
    [("## Myths", 0), ("## Common misconceptions", 0), ("## What patients tell us", 1)],
)
def test_a_myth_set_off_as_a_quote_under_a_heading_of_myths_states_nothing(
    heading: str, quoted_claims: int
) -> None:
    text = f"{heading}\n\n> Privigen is 5%\n\n**Fact:** Privigen is made by CSL Behring.\n"
    found = [c for c in analyse(text, "t.md").claims if c.value.display == "5%"]
    assert len(found) == quoted_claims


@pytest.mark.parametrize(
    ("text", "claimed"),
    [
        ("My insurance letter says Hizentra is made by Takeda. Is that right?", 0),
        ("A friend told me Privigen is a 5% solution. Is that true?", 0),
        ("My insurance letter says Hizentra is made by Takeda. I will call them.", 1),
        ("Hizentra is made by Takeda. Is that right for a 20% product?", 1),  # no source
        # a run of reported sentences before the question
        ("She told me Hizentra is made by Takeda. She also said Privigen is 5%. Is she right?", 0),
    ],
)
def test_what_a_source_says_asked_about_next_states_nothing(text: str, claimed: int) -> None:
    found = [
        c for c in analyse(text, "t.md").claims if c.attribute in ("manufacturer", "concentration")
    ]
    assert len(found) == claimed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Q: Who makes Privigen?\n\nA: Octapharma.\n", {("privigen", "Octapharma")}),
        ("## Who makes Privigen?\n\nOctapharma.\n", {("privigen", "Octapharma")}),
        ("## Who makes Privigen?\n\nCSL Behring.\n", {("privigen", "CSL Behring")}),
        ("Q: Who distributes Privigen?\n\nA: Octapharma.\n", set()),  # not asked who makes it
        ("Q: Who makes Privigen?\n\nA: Not Octapharma.\n", set()),
        ("Q: Is Privigen right for me?\n\nA: Ask your doctor; Octapharma makes others.\n", set()),
    ],
)
def test_a_bare_maker_answers_who_makes_the_product_asked_about(
    text: str, expected: set[tuple[str, str]]
) -> None:
    claims = analyse(text, "t.md").claims
    found = {
        (c.subject.partition(".")[2], c.value.display)
        for c in claims
        if c.attribute == "manufacturer"
    }
    assert found == expected


def test_bold_field_lines_opening_with_a_figure_are_fields_of_their_own() -> None:
    text = (
        "**A 10% product that can be given IV or SC:** Gammagard Liquid (Takeda), stabilized"
        " with glycine\n**20% subcutaneous products:** Hizentra (CSL Behring) and Cuvitru\n"
    )
    claims = analyse(text, "t.md").claims
    assert not [c for c in claims if c.subject.endswith("gammagard-liquid") and "20" in c.text]


@pytest.mark.parametrize(
    ("heading", "found"),
    [
        ('## Claim 5: "Cuvitru is half as concentrated as Gammagard Liquid."', 0),
        ("## Cuvitru is half as concentrated as Gammagard Liquid", 1),  # a heading that says so
    ],
)
def test_a_fact_checks_claim_heading_states_nothing(heading: str, found: int) -> None:
    from medlint.lint import lint_text

    text = f"{heading}\n\nVerdict: false. Cuvitru is the 20% one [1].\n"
    rules = [f.rule for f in lint_text(text, "t.md") if f.rule == "comparison-contradiction"]
    assert len(rules) == found


@pytest.mark.parametrize(
    ("card", "expected"),
    [
        (
            "**Product name:** Gamunex-C\n**Manufacturer:** Takeda\n**Route:** Intravenous only\n",
            {("gamunex-c", "manufacturer", "Takeda"), ("gamunex-c", "route", "intravenous only")},
        ),
        (
            "**Gamunex-C**\n**Type:** Immunoglobulin solution\n**Stabilizer:** L-proline\n",
            {("gamunex-c", "stabilizer", "L-proline")},
        ),
        # a line that is not a field breaks the card: nothing to inherit
        ("**Product name:** Gamunex-C\nAsk your nurse.\n**Route:** Intravenous only\n", set()),
    ],
)
def test_a_cards_field_lines_in_one_paragraph_are_its_products(
    card: str, expected: set[tuple[str, str, str]]
) -> None:
    found = {
        (c.subject.partition(".")[2], c.attribute, c.value.display)
        for c in analyse(card, "t.md").claims
    }
    assert found == expected


def reply_form(path: str, reply: str) -> str:
    return f"<p>{reply}</p>" if path.endswith(".html") else reply


@pytest.mark.parametrize(
    ("products", "found"),
    [
        ("Your team has chosen Octagam 10% for you.", 1),  # the article's one product
        ("Your team has chosen Octagam 10% for you; Hizentra is an alternative.", 0),  # two
    ],
)
def test_the_product_of_a_one_product_article(products: str, found: int) -> None:
    """A consent form far from the product's name: "the product" is the one it names."""
    text = (
        f"# Consent to treatment\n\n{products}\n\n## Risks\n\n- Headache is common.\n"
        "- Blood sugar testing: because the product contains no sugar, meters stay reliable.\n"
    )
    sugar = [c for c in analyse(text, "a.md").claims if c.attribute == "sugar"]
    assert len(sugar) == found


def test_a_table_line_s_last_value_is_not_the_next_line_s_product() -> None:
    """Dot-leader lines of vial sizes under a line of prose (one paragraph): each line's last
    value is its own product's, not the next line's."""
    text = (
        'The vial shows grams and volume, for example "5 g / 50 mL". Divide one by the'
        " other to check the\n"
        "strength: 5 g in 50 mL is 10%. A 50 mL vial of a 5% product holds 2.5 g, and 10 g"
        " of a 20% product\n"
        "fits in 50 mL. Sizes we stock [1-8]:\n"
        "  Privigen (10%) ........ 5 g/50 mL, 10 g/100 mL, 20 g/200 mL, 40 g/400 mL\n"
        "  Octagam 10% ........... 2 g/20 mL, 5 g/50 mL, 10 g/100 mL, 20 g/200 mL, 30 g/300 mL\n"
        "  Octagam 5% ............ 2.5 g/50 mL, 5 g/100 mL, 10 g/200 mL, 25 g/500 mL\n"
        "  Flebogamma 5% DIF ..... 2.5 g/50 mL, 5 g/100 mL, 10 g/200 mL\n"
        "  Hizentra (20%) ........ 1 g/5 mL, 2 g/10 mL, 4 g/20 mL, 10 g/50 mL\n"
    )
    wrong = {
        (subject, value)
        for subject, attribute, value, _ in claims_of(text)
        if attribute == "concentration"
    } - {
        *(("privigen", "10%"), ("octagam-10", "10%"), ("octagam-5", "5%")),
        *(("flebogamma-5-dif", "5%"), ("hizentra", "20%")),
    }
    assert not wrong


def test_an_answer_s_that_is_the_product_the_question_named() -> None:
    """An interview: the question names Privigen, then asks "What is it?"; the answer's
    "That's Grifols' ten per cent liquid" is about Privigen."""
    text = (
        "<p><strong>Q:</strong> Some of our members have had Privigen. What is it?</p>\n"
        "<p><strong>A:</strong> That's Grifols' ten per cent liquid.</p>\n"
    )
    assert ("privigen", "manufacturer", "Grifols", "coreference") in claims_of(text, "a.html")


def test_a_talk_page_proposal_opposed_on_the_next_line_states_nothing() -> None:
    """A wiki talk page: the quoted proposal, its signature, then an "Oppose" vote."""
    text = (
        ': Edit 2 by 203.0.113.47: "Flebogamma DIF contains sucrose." —User (talk) 22:19\n'
        ":: Oppose: Flebogamma DIF contains D-sorbitol.[9] —Other (talk) 09:30\n"
    )
    assert claims_of(text) == {("flebogamma-dif", "stabilizer", "D-sorbitol", "direct")}


@pytest.mark.parametrize(
    ("between", "found"),
    [
        ("Amira weighs 27 kg, so each dose is 54 g.", True),  # about no product
        ("Some hospitals use other products.", False),  # products in general: "it" is unclear
        ("Her friend gets Gamunex-C.", False),  # another product named since
    ],
)
def test_it_reaches_back_past_sentences_about_no_product(between: str, found: bool) -> None:
    text = (
        f"Her medicine is called Privigen. {between} Because it is a five per cent liquid,"
        " the drip is slow.\n"
    )
    got = ("privigen", "concentration", "5%", "coreference") in claims_of(text)
    assert got == found


@pytest.mark.parametrize(
    ("path", "text", "rule"),
    [
        # a registry record's keyword field names an authority without invoking it
        (
            "a.txt",
            "Brief Summary: IVIG for juvenile dermatomyositis [1].\n"
            "Conditions: Juvenile Dermatomyositis | Keywords: JDM; IVIG; CARRA consensus"
            " treatment plan; calcinosis\n\nReferences\n\n1. Huber AM. J Rheumatol. 2017.\n",
            "citation-needed",
        ),
        # a cross-marked wrong wording and the arithmetic that shows it wrong
        (
            "a.md",
            "## Octagam 10% in dermatomyositis\n\n- Label regimen: 2 g/kg per course, q4w [1]\n"
            '  - ❌ "2 g/kg/day for 5 days" -> wrong, that is 10 g/kg, five times the course\n',
            "dose-contradiction",
        ),
        # "3× the DM ceiling": the value is chronic ITP's, under its heading
        (
            "a.md",
            "## Octagam 10%: chronic ITP\n\n- Same 2 g/kg total, as 1 g/kg on each of 2 days [1]\n"
            "- Max rate 12 mg/kg/min (0.12 mL/kg/min) → 3× the DM ceiling [1]\n",
            "infusion-rate-contradiction",
        ),
        # "Sucrose → none of these": no product's stabilizer
        (
            "a.md",
            "## Stabilizers\n\n- **Glycine** → Gamunex-C, Gammagard Liquid, Panzyga [1]\n"
            "- Sucrose → none of these (the Gamunex-C label says so explicitly) [1]\n",
            "stabilizer-contradiction",
        ),
        # hearsay with words between "heard" and "that", asked about, then answered
        (
            "a.md",
            'Q: A reader heard at a support meeting that Privigen is "IgA-free". Is it?\n\n'
            "A: It isn't: Privigen contains trace amounts of IgA, no more than 25 µg/mL [1].\n",
            "iga-contradiction",
        ),
    ],
)
def test_correct_wordings_from_the_probe_rounds_raise_nothing(
    path: str, text: str, rule: str
) -> None:
    assert not [f for f in lint_text(text, path) if f.rule == rule]


def test_a_day_s_share_of_a_course_is_no_interval() -> None:
    """ "he gets 40 grams every day, that is 400 millilitres of Panzyga each day": the daily
    share of a course divided over days, not courses every day."""
    text = (
        "For CIDP, if the course is divided over 4 days, he gets 40 grams every day, that is 400"
        " millilitres of Panzyga each day.\n"
    )
    assert claims_of(text) == {("panzyga", "division", "divided over 4 days", "direct")}


@pytest.mark.parametrize(
    "text",
    [
        'Forum post: "IVIG for DM is every 4-6 weeks." Not my plan and not the label: the label'
        " says every 4 weeks [1].",
        'Removing "every 4-6 weeks" from the order set brought every course into line with the'
        " Octagam 10% label [1].",
        'Yes. "Every 4-6 weeks" is not in the label; Octagam 10% for dermatomyositis is 2 g/kg'
        " over 2 to 5 consecutive days every 4 weeks [1].",
        'The label interval is every 4 weeks, and "every 4-6 weeks" appears nowhere in it [1].',
        '"Hizentra can go into a vein if you run it slowly." It cannot. Hizentra is for'
        " subcutaneous use only [1].",
        "If an old leaflet tells you Gamunex-C is a 5% product, the leaflet is wrong [1].",
        # struck out: no longer said
        "~~Octagam 10% is sugar-free, and courses are every 4-6 weeks.~~ Octagam 10% contains"
        " maltose [1].",
        # another patient's schedule
        'For dermatomyositis: "I thought I was on the wrong dose because the man next to me goes'
        ' every three weeks." [1]',
        # a fact-check's claim, rated false
        '> **Claim 2:** "The dose is 2 g per kg a day, for five days in a row."\n>\n'
        "> **Rating: FALSE**",
        '**Claim 3:** "Octagam is sugar-free." **Rating: MISLEADING** [1]',
        # a figure measured against the condition's dose, and a class of products
        "In CIDP the weekly dose is 0.2 g/kg [1]. Over four weeks that is 0.8 g/kg, less than"
        " half of the 2 g/kg dermatomyositis course [1].",
        "Privigen, stabilised with L-proline, and the glycine-stabilised products do not carry"
        " the maltose warning [1].",
    ],
)
def test_a_wording_quoted_to_be_rejected_is_no_claim(text: str) -> None:
    """A quote denied in its own sentence or the next ("is not in the label", "appears nowhere
    in it", "It cannot.", "Not my plan"), struck out ("Removing ..."), or what an old leaflet
    may tell you: offered to be rejected, not stated (found in probe articles of new genres)."""
    source = f"# IVIG in dermatomyositis\n\n{text}\n\n## References\n\n1. Octagam 10% label.\n"
    assert [f.rule for f in lint_text(source, "a.md") if f.category != "style"] == []


def test_an_infobox_captioned_with_a_gloss_after_the_name() -> None:
    """ "<caption>Privigen (alternative brand)</caption>" over attribute rows: its product's,
    and "IgA, maximum (mg/mL)" over "0.25" is 250 µg/mL."""
    page = (
        '<h1>Brand substitution</h1>\n<table class="infobox">\n'
        "<caption>Privigen (alternative brand)</caption>\n"
        "<tr><th>Manufacturer</th><td>CSL Behring</td></tr>\n"
        "<tr><th>IgA, maximum (mg/mL)</th><td>0.25</td></tr>\n</table>\n"
    )
    got = {c[:3] for c in claims_of(page, "a.html")}
    assert ("privigen", "manufacturer", "CSL Behring") in got
    assert ("privigen", "iga", "250 µg/mL") in got


def test_a_list_under_a_sentence_about_iga_gives_iga_contents() -> None:
    """ "... how much IgA a product contains. The amounts are small:" over "- Panzyga averages
    0.01 mg per mL": IgA contents, as in a sentence that names IgA."""
    text = (
        "# IgA\n\nThe risk depends on how much IgA a product contains. The amounts are small:\n\n"
        "- Privigen: no more than 25 micrograms per mL\n- Panzyga averages 0.01 mg per mL\n"
    )
    got = {c[:3] for c in claims_of(text, "a.md")}
    assert ("privigen", "iga", "≤25 µg/mL") in got
    assert ("panzyga", "iga", "10 µg/mL") in got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the product compared with is not what the next sentence's "It" is
        (
            "Hizentra (CSL Behring) is a 20% product, twice as concentrated as Octagam 10%,"
            " licensed for CIDP [3]. It is given into a vein at home.",
            ("hizentra", "route", "intravenous", "coreference"),
        ),
        # a product in a trailing reason clause is not what the sentence is about
        (
            "On day 1 the pharmacy had issued Panzyga, because one batch of Octagam 10% was held"
            " in quarantine. Like Octagam 10%, it is stabilised with maltose.",
            ("panzyga", "stabilizer", "maltose", "coreference"),
        ),
    ],
)
def test_it_is_the_subject_not_the_product_compared_or_explained(
    text: str, expected: tuple[str, str, str, str]
) -> None:
    assert expected in claims_of(text + "\n")


@pytest.mark.parametrize(
    "text",
    [
        # a class to avoid, not the subject's stabilizer
        "Privigen (CSL Behring) is kept for patients who should avoid maltose-containing"
        " products; it is stabilised with L-proline.",
        # a belief reported of a person, and a mark scheme's wrong answer
        'One nurse believed that "Octagam is sugar-free because it is a protein solution".',
        "One nurse believed that Octagam is sugar-free.",
        "Automatic fail (record on sheet): tells patient Octagam 10% is sugar-free, OR advises"
        " her to use her own meter during infusions.",
    ],
)
def test_what_is_avoided_believed_or_marked_wrong_is_not_claimed(text: str) -> None:
    claims = claims_of(text + "\n")
    assert not {c for c in claims if c[1] in ("stabilizer", "sugar") and c[2] != "L-proline"}


def test_a_nurse_who_thought_about_it_reports_no_belief() -> None:
    assert ("privigen", "concentration", "10%", "direct") in claims_of(
        "The nurse thought about it: Privigen is a 10% product.\n"
    )


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        # each figure is what the nearest cue calls it
        (
            "Dermatomyositis is rare: a study put the incidence at 1.1 per 10,000 person-years,"
            " with a prevalence of 13 per 100,000 [3].",
            {"110 per million person-years"},
        ),
        # a prevalence cue right after the figure ("were living with")
        (
            "A study of dermatomyositis found an incidence of 1.1 per 100,000 person-years, and"
            " about 13 per 100,000 residents were living with the condition [5].",
            {"11 per million person-years"},
        ),
        ("The prevalence of dermatomyositis is about 13 per 100,000.", set()),
    ],
)
def test_incidence_and_prevalence_in_one_sentence(text: str, figures: set[str]) -> None:
    got = {c[2] for c in claims_of(text + "\n") if c[1] == "incidence"}
    assert got == figures


def test_a_search_strategy_lists_sources_without_invoking_them() -> None:
    text = (
        "IVIG in juvenile dermatomyositis: an enquiry answer\n\nSEARCH STRATEGY\n"
        "---------------\nUS PIs and UK SmPCs for the three products; CARRA consensus plans;"
        " Ontario IVIG guideline; Medline 2015-2025.\n\nANSWER\n------\nThe CARRA consensus"
        " plans add IVIG for persistent rash.\n\nREFERENCES\n\n1. Huber AM. 2017.\n"
    )
    found = [(f.line, f.rule) for f in lint_text(text, "a.txt") if f.rule == "citation-needed"]
    assert found == [(9, "citation-needed")]  # the answer invokes them; the search does not


def test_a_contrasted_regimen_a_colon_goes_on_to_describe_is_that_conditions() -> None:
    text = (
        "## What the label says (Octagam 10%, adult dermatomyositis)\n\n- Not to be confused"
        " with the same product's chronic ITP regimen: 2 g/kg given as 1 g/kg on each of two"
        " consecutive days, at up to 12 mg/kg/min [2].\n"
    )
    assert {(c[0], c[2]) for c in claims_of(text, "a.md") if c[1] == "max_rate"} == {
        ("itp", "≤12 mg/kg/min")
    }


def test_hearsay_read_on_social_media_states_nothing() -> None:
    text = (
        'Somebody had read on Facebook that "Octagam is sugar-free". Karen said that is simply'
        " wrong: both Octagam 5% and Octagam 10% contain maltose.\n"
    )
    assert not [c for c in claims_of(text) if c[1] == "sugar"]
    assert ("octagam-10", "stabilizer", "maltose", "coordinated") in claims_of(text)


def test_it_in_a_list_is_the_product_its_lead_line_names() -> None:
    text = (
        "ABOUT YOUR MEDICINE: OCTAGAM 10%\n - It is a 5% solution given into a vein.\n"
        " - Keep the boxes in the fridge.\n"
    )
    assert ("octagam-10", "concentration", "5%", "coreference") in claims_of(text)
    # an item naming another product since takes the "It" of the items after it
    other = (
        "ABOUT YOUR MEDICINE: OCTAGAM 10%\n - Gamunex-C is the back-up.\n - It is a 10% solution.\n"
    )
    assert not [c for c in claims_of(other) if c[0] == "octagam-10" and c[1] == "concentration"]


def test_not_a_medicine_that_can_be_given_under_the_skin_is_no_route() -> None:
    text = (
        "Octagam 10% is given into a vein. It is not a medicine that can be given under the skin.\n"
    )
    assert not [c for c in claims_of(text) if c[2] == "subcutaneous"]


def test_it_after_a_product_the_facts_do_not_describe_is_not_an_earlier_product() -> None:
    text = (
        "Privigen's label gives a maximum of 25 µg/mL of IgA [3]. You may see Gammagard S/D in"
        " older material. It is a different, freeze-dried product with less than 1 µg/mL of IgA"
        " in a 5% solution, not the same product as Gammagard Liquid, which averages 37 µg/mL.\n"
    )
    claims = claims_of(text)
    assert not [c for c in claims if c[2] in ("<1 µg/mL", "5%")]
    assert ("gammagard-liquid", "iga", "37 µg/mL", "apposition") in claims


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Hizentra and Cuvitru, from CSL Behring and Takeda respectively, are both 20%"
            " solutions given under the skin.",
            {("hizentra", "CSL Behring"), ("cuvitru", "Takeda")},
        ),
    ],
)
def test_makers_from_in_order_with_respectively(text: str, expected: set[tuple[str, str]]) -> None:
    assert {(c[0], c[2]) for c in claims_of(text + "\n") if c[1] == "manufacturer"} == expected


def test_a_value_before_called_belongs_to_the_product_named() -> None:
    text = (
        "Octapharma, the company that makes Octagam 10%, also makes a 5% product called"
        " Octagam 5% [3].\n"
    )
    assert {(c[0], c[2]) for c in claims_of(text) if c[1] == "concentration"} == {
        ("octagam-5", "5%")
    }


def test_a_days_dose_with_its_worked_total_before_the_day_count() -> None:
    """ "1 g/kg (10 mL/kg) = 70 g (700 mL), day 1 of 2 consecutive days": 1 g/kg a day."""
    text = (
        "For chronic ITP, Octagam 10% 1 g/kg (10 mL/kg) = 70 g (700 mL), day 1 of 2 consecutive"
        " days.\n"
    )
    doses = {c[2] for c in claims_of(text) if c[1] == "dose"}
    assert doses == {"1 g/kg/day for 2 days"}


def test_a_persons_regimen_is_for_the_condition_the_sentence_before_gave_them() -> None:
    text = (
        "Across from us sat Bernadette, who had chronic ITP, a blood disorder that kept her"
        " platelets low. Her bottles said Octagam 10%, like mine, but her whole course went in"
        " over two days, and her pump was allowed up to 0.12 mL per kilogram per minute.\n"
    )
    rates = [c for c in analyse(text, "a.txt").claims if c.attribute == "max_rate"]
    assert [c.condition for c in rates] == ["itp"]


@pytest.mark.parametrize(
    "text",
    [
        # read out from a screen, then denied on the next line of the script
        '**KIERAN:** Hang on. It says here, "IVIG for dermatomyositis is given every four to six'
        ' weeks."\n\n**ADE:** Well, it is not what the label says: every four weeks [1].\n',
        # a table caption's hypothetical strength beside a real product
        "Table 4.2. Course volume by body weight: Octagam 10% and a hypothetical 5% solution\n",
    ],
)
def test_read_out_and_hypothetical_values_are_not_claimed(text: str) -> None:
    claims = claims_of(text, "a.md")
    assert not [c for c in claims if c[2] in ("every 4-6 weeks", "5%")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an IgA figure in a bracket after "IgA", in mg/mL: the slip is reported as IgA's
        (
            "Octagam 10% carries only trace amounts of IgA (average 1.06 mg/mL per the PI).",
            ("octagam-10", "iga", "1060 µg/mL", "direct"),
        ),
        # a duration the sentence calls the interval
        (
            "The labelled interval for adult dermatomyositis is six weeks.",
            ("dermatomyositis", "interval", "every 6 weeks", "indication"),
        ),
    ],
)
def test_figures_named_by_what_comes_before_them(
    text: str, expected: tuple[str, str, str, str]
) -> None:
    assert expected in claims_of(text + "\n")


def test_the_duration_of_an_infusion_is_no_interval() -> None:
    assert not [c for c in claims_of("The infusion takes six hours.\n") if c[1] == "interval"]


@pytest.mark.parametrize(
    ("text", "routes"),
    [
        # another product, named by its route as an object
        (
            "Privigen, a 10% product given into a vein, is not a like-for-like swap for a"
            " subcutaneous product [6].",
            {("privigen", "intravenous")},
        ),
        # ... but an apposition or an elliptical predicate is the subject's
        ("Hizentra, a subcutaneous product, is given weekly.", {("hizentra", "subcutaneous")}),
        (
            "Privigen is an intravenous product and Hizentra a subcutaneous one.",
            {("privigen", "intravenous"), ("hizentra", "subcutaneous")},
        ),
    ],
)
def test_a_route_naming_another_product(text: str, routes: set[tuple[str, str]]) -> None:
    assert {(c[0], c[2]) for c in claims_of(text + "\n") if c[1] == "route"} == routes


def test_what_they_told_us_is_hearsay() -> None:
    text = "When she was diagnosed they told us dermatomyositis was one in a million.\n"
    assert not claims_of(text)


@pytest.mark.parametrize(
    "text",
    [
        # a reviewed manuscript, an order and a text quoted to be corrected
        'Table 1 also lists "Privigen 20%". Privigen is a 10% IVIG given into a vein.',
        'In cycle 1 an order read "Gamunex-C 5%", and a pharmacist corrected it.',
        'The manuscript gives the Olmsted County incidence of dermatomyositis as "9.63 per'
        ' 100,000". Bendewald et al. report 9.63 per million per year [2].',
        'The text says the monthly IVIG dose was "divided into four equal weekly doses".',
        # the arithmetic of a wrong reading, a trial's protocol, one patient's order
        'A common slip: "2 g/kg a day for five days." That would be 10 g/kg per course.',
        "The protocol was a 2 g/kg loading dose followed by two maintenance doses of 1 g/kg at"
        " 3-week intervals.",
        "In 3 courses the attending deliberately prescribed 1 g/kg to a patient who had been"
        " stable for more than a year.",
        # a sugar's amount in a bracket after it; a route nobody could have had
        "Octagam 10% is stabilized with maltose (about 90 mg/mL, according to a product sheet).",
        "I assume the authors meant Hizentra, since no patient could have received Privigen"
        " subcutaneously.",
        # quoted wordings denied after the quote
        '"Every 4-6 weeks" is not the labelled interval for dermatomyositis.',
        'The "usual interval of every 6 weeks" quoted in your letter does not appear in the'
        " label for dermatomyositis.",
    ],
)
def test_quoted_computed_designed_and_nobodys_values_are_not_claims(text: str) -> None:
    wrong = {"20%", "5%", "9.6 per million per year", "10 g/kg", "1 g/kg", "9%"}
    claims = claims_of(text + "\n")
    assert not [
        c
        for c in claims
        if c[2] in wrong or c[1] in ("interval", "division") or c[2] == "subcutaneous"
    ]


def test_explained_that_it_refers_back_to_the_product_before() -> None:
    text = (
        "Mrs. H. asked whether she could go back to Privigen and give it herself at home."
        " Explained that it can be self-infused under the skin after training.\n"
    )
    assert ("privigen", "route", "subcutaneous", "coreference") in claims_of(text)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # "It" compared with a product the sentence names: the comparison rule reads "It"
        (
            "Octagam 10% is our first-line product. It has less IgA than Gamunex-C, which matters.",
            ["comparison-contradiction"],
        ),
        ("Privigen is a 10% product. It is half as concentrated as Hizentra [1].", []),
    ],
)
def test_a_comparison_whose_subject_is_it(text: str, found: list[str]) -> None:
    rules = [f.rule for f in lint_text(text + "\n\nReferences\n\n1. x\n", "a.txt")]
    assert rules == found


def test_a_sheets_own_earlier_version_is_no_claim() -> None:
    text = (
        "Cell C2 note: v5 of this sheet showed Gamunex-C as 5%. That was a copy-paste error."
        " Gamunex-C exists only as a 10% product.\n"
    )
    assert {c[2] for c in claims_of(text) if c[1] == "concentration"} == {"10%"}


def test_a_dose_on_each_of_her_infusion_days_is_a_days_dose() -> None:
    text = (
        "For dermatomyositis, the dose is two grams per kilogram on each of her four infusion"
        " days.\n"
    )
    assert ("dermatomyositis", "dose", "2 g/kg/day for 4 days", "indication") in claims_of(text)


def test_a_medication_card_of_key_value_lines() -> None:
    """ "Medication: X" heads its card: the fields below are X's, even after a field that
    names another product ("Status: stopped (switched to Octagam 10% ...)")."""
    text = (
        "Medication: Privigen\nStatus: stopped 2021-10 (switched to Octagam 10% in 2021)\n"
        "Manufacturer: Grifols\nIgA content: trace, average 1.06 mg/mL\n"
    )
    claims = claims_of(text)
    assert ("privigen", "manufacturer", "Grifols", "inherited") in claims
    assert ("privigen", "iga", "1060 µg/mL", "inherited") in claims


@pytest.mark.parametrize(
    "text",
    [
        "Dose: 8 tablets (20 mg) by mouth ONCE A WEEK, Saturdays.",
        "Weekly alendronic acid given this morning.",
        "Courses repeat every 4 weeks, and her rheumatologist reviews the plan every 3 months.",
    ],
)
def test_other_medicines_and_reviews_are_no_ivig_schedule(text: str) -> None:
    intervals = {c[2] for c in claims_of(text + "\n") if c[1] == "interval"}
    assert intervals <= {"every 4 weeks"}


@pytest.mark.parametrize(
    "text",
    [
        "Chart 1. New cases per million per year. The 1995-2019 study reported its rate per"
        " 100,000, and we multiplied by ten. Sources: Mendez et al. 2003 [1]; Kronzer et al."
        " 2023 [2].",
        "Sam is 12 and weighs 36 kg. He has juvenile dermatomyositis with a rash that has"
        " persisted despite steroids and methotrexate.\n\n**C1. His team follows CARRA consensus"
        " plan A. What does it say about IVIG?**",
    ],
)
def test_sources_lines_and_one_persons_care_need_no_marker(text: str) -> None:
    found = lint_text(text + "\n\n## References\n\n1. x\n2. y\n", "a.md")
    assert not [f for f in found if f.rule == "citation-needed"]


def test_that_regimen_is_the_condition_the_sentence_before_named() -> None:
    text = (
        "# Octagam 10% in dermatomyositis\n\nOctagam 10% is labelled for adult dermatomyositis"
        " at 2 g/kg every 4 weeks [1].\n\n## 4. Do not mix up the orders\n\n"
        "The Octagam 10% label also covers chronic ITP in adults. That regimen is 2 g/kg given"
        " as 1 g/kg on each of two consecutive days, with a maximum rate of 12 mg/kg/min.\n"
    )
    rates = [c for c in analyse(text, "a.md").claims if c.attribute == "max_rate"]
    assert [c.condition for c in rates] == ["itp"]


@pytest.mark.parametrize(
    "text",
    [
        # a drill's true-or-false question behind a numbered speaker
        "**7. TRAINER:** True or false: Octagam 10% can be given under the skin at home.",
        # a question reported, and a quoted wrong dose worked through
        'A patient with IgA deficiency asks if Privigen is "IgA-free." What is true?',
        'Dangerous one. 2 g/kg is the TOTAL for the course. "2 g/kg/day for 5 days" would be'
        " 10 g/kg, five times the dose.",
    ],
)
def test_questions_and_worked_wrong_doses_are_not_claims(text: str) -> None:
    claims = claims_of(text + "\n", "a.md")
    assert not [c for c in claims if c[1] in ("route", "iga") or "5 days" in c[2]]


@pytest.mark.parametrize(
    "text",
    [
        # a bilingual card's verdict label, a revision's and an old factsheet's wording
        'FALSE / FALSO: "IVIG for DM is every 4-6 weeks." The label says every 4 weeks [1].',
        'Rev. 3 printed "IV only" for Gammagard Liquid. It may also be given SC for primary'
        " immunodeficiency [5]. Corrected.",
        '**Factsheet 9 (2022 edition)** gave the dermatomyositis course as "2 g/kg a day for'
        ' five days". The labelled course is 2 g/kg in total [1].',
        # a year's total, not a course
        "Your wife's 2 g/kg every 4 weeks is the dermatomyositis regimen [1]. Over a year the"
        " gap is smaller: a 3-weekly 1 g/kg maintenance plan adds up to about 17 g/kg.",
    ],
)
def test_older_wordings_verdicts_and_yearly_totals_are_not_claims(text: str) -> None:
    claims = claims_of(text + "\n", "a.md")
    assert not [
        c
        for c in claims
        if c[2] in ("every 4-6 weeks", "intravenous only", "2 g/kg/day for 5 days", "about 17 g/kg")
    ]


def test_a_course_that_adds_up_to_a_dose_still_states_it() -> None:
    text = "For adult dermatomyositis the whole course adds up to one gram for each kilogram.\n"
    assert ("dermatomyositis", "dose", "1 g/kg", "indication") in claims_of(text)


def test_a_value_after_a_products_bracket_and_colon_is_its() -> None:
    text = "- Gamunex-C (Grifols): 5%, glycine, IV or SC.\n"
    assert ("gamunex-c", "concentration", "5%", "direct") in claims_of(text, "a.md")


@pytest.mark.parametrize(
    "text",
    [
        'Two denials in the last quarter cited "every 4-6 weeks" as the usual interval; that'
        " phrase is not in the Octagam 10% label for dermatomyositis.",
        '| 15 | You will have a course every 4 weeks. | v1: "You will receive a cycle every 4 to'
        ' 6 weeks." v2: "You will receive a cycle every 4 weeks." | **Fixed.** |',
    ],
)
def test_cited_and_versioned_wordings_are_not_claims(text: str) -> None:
    assert not [c for c in claims_of(text + "\n", "a.md") if c[2] == "every 4-6 weeks"]


@pytest.mark.parametrize(
    "text",
    [
        # a shelf sticker, a relabelling forbidden, a pencilled note, a belief not mine
        "Found the orange maltose sticker on 3 Panzyga cartons; removed.",
        'GAMMAGARD LIQUID: the PI clinic also uses it subcutaneously. Do not relabel it "IV only".',
        'RATE CARD: someone had pencilled "DM max 0.4 mL/kg/min". That is ten times the label.',
        '"IVIG is every 4 to 6 weeks." Not mine. My plan, like the label, is every 4 weeks [1].',
    ],
)
def test_stickers_relabels_pencil_notes_and_disowned_quotes(text: str) -> None:
    claims = claims_of(text + "\n")
    wrong = {"maltose", "intravenous only", "≤0.4 mL/kg/min", "every 4-6 weeks"}
    assert not [c for c in claims if c[2] in wrong]


def test_a_strength_before_a_product_is_that_products() -> None:
    text = (
        "Moved Cuvitru off the top shelf of F2, away from the 10% Gammagard Liquid: same maker,"
        " similar carton, different concentration.\n"
    )
    assert {(c[0], c[2]) for c in claims_of(text) if c[1] == "concentration"} == {
        ("gammagard-liquid", "10%")
    }


def test_a_maker_in_an_apposition_is_its_products_whatever_else_is_named() -> None:
    text = "Gamunex-C, made by Takeda, is the first substitute for Privigen.\n"
    assert ("gamunex-c", "manufacturer", "Takeda", "direct") in claims_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "Correction. The February draft of this matrix listed Panzyga as maltose-stabilised.",
        "For JDM, the methylprednisolone pulse dose is 30 mg/kg/day (maximum 1 g).",
    ],
)
def test_an_old_draft_and_a_steroid_cap_are_not_claims(text: str) -> None:
    claims = claims_of(text + "\n")
    assert not [c for c in claims if c[1] in ("stabilizer", "max_dose")]


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        # hearsay listed under "I was told:", a slide's crossed-out wordings
        (
            "In one week I was told:\n\n"
            '- that "Octagam is sugar-free, so it\'s fine for diabetics";\n'
            '- that "IVIG for DM is every 4-6 weeks".\n',
            {"sugar-free", "every 4-6 weeks"},
        ),
        (
            "**On slide**, each marked with a red cross and the correction:\n\n"
            '- "Gamunex-C 5%". Gamunex-C exists only as a 10% product [4].\n',
            {"5%"},
        ),
        # quotes rejected after them
        (
            '"Dermatomyositis courses are every 4-6 weeks." That interval is not in the Octagam'
            " 10% label, which says every 4 weeks [9].\n",
            {"every 4-6 weeks"},
        ),
        ('**"Octagam is sugar-free."** I\'m afraid this is wrong.\n', {"sugar-free"}),
        ("RUTH: Neither Octagam 10% nor the 5% version is sugar-free.\n", {"sugar-free"}),
        (
            'The old wording "courses are repeated every 4-6 weeks" is replaced by "courses are'
            ' repeated every 4 weeks" [1].\n',
            {"every 4-6 weeks"},
        ),
        # another person's drip; a product compared with; a product changed from
        (
            "A lady at our church has her own drip every three weeks for a nerve condition.\n",
            {"every 3 weeks"},
        ),
        (
            "Panzyga, an Octapharma 10% product like Octagam 10%, is stabilised with glycine.\n",
            {"glycine"},
        ),
    ],
)
def test_fa50_wordings_are_not_claims(text: str, wrong: set[str]) -> None:
    claims = claims_of(text, "a.md")
    assert not [c for c in claims if c[2] in wrong and c[0] != "panzyga"]


def test_a_product_changed_from_keeps_its_bracket() -> None:
    text = (
        "Product named in the leaflet changed from Privigen (CSL Behring; 10%; stabilised with"
        " L-proline [7]) to Octagam 10% (Octapharma; 10%; stabilised with maltose [1]).\n"
    )
    stabilizers = {(c[0], c[2]) for c in claims_of(text) if c[1] == "stabilizer"}
    assert ("octagam-10", "L-proline") not in stabilizers


def test_an_old_sheets_quoted_wording_is_no_claim() -> None:
    text = (
        'A 2024 handover sheet still in one pod read "DM max 0.08 mL/kg/min". That figure is a'
        " step in the chronic ITP titration table.\n"
    )
    assert not [c for c in claims_of(text) if c[1] == "max_rate"]
