#!/usr/bin/env python3
"""Write a deterministic benchmark corpus of IVIG articles.

    make_corpus.py N OUTDIR [--seed S] [--formats txt,md,html]

Articles are built from the paragraphs of the seed articles, shuffled and
perturbed (product names, concentrations, doses and intervals swapped), so
that a linter finds a realistic mix of correct and contradictory claims.
The same N and seed always give byte-identical files.
"""
import argparse
import html
import pathlib
import random
import re

SEEDS = pathlib.Path(__file__).resolve().parent.parent / "fixtures" / "seeds"
PRODUCTS = ["Gamunex-C", "Privigen", "Gammagard Liquid", "Octagam", "Panzyga",
            "Flebogamma DIF", "Hizentra", "Cuvitru"]
PERCENTS = ["5%", "10%", "20%"]
DOSES = ["1 g/kg", "2 g/kg", "2g/kg", "0.4 g/kg", "1-2 g/kg", "400 mg/kg"]
INTERVALS = ["every 4 weeks", "every 4-6 weeks", "monthly", "every 3 weeks"]


def paragraphs() -> list[str]:
    paras = []
    for seed in sorted(SEEDS.glob("*.txt")):
        for line in seed.read_text(encoding="utf-8").splitlines():
            if len(line.split()) > 8:
                paras.append(line.strip(" \u2022"))
    return paras


def perturb(text: str, rng: random.Random) -> str:
    text = re.sub(r"\b(5|10|20)%", lambda m: rng.choice(PERCENTS) if rng.random() < 0.2 else m.group(0), text)
    text = re.sub(r"\b\d(?:-\d)? ?g/kg", lambda m: rng.choice(DOSES) if rng.random() < 0.2 else m.group(0), text)
    text = re.sub(r"every \d-\d weeks|monthly", lambda m: rng.choice(INTERVALS) if rng.random() < 0.2 else m.group(0), text)
    for name in PRODUCTS:
        if name in text and rng.random() < 0.1:
            text = text.replace(name, rng.choice(PRODUCTS), 1)
    return text


def render(fmt: str, title: str, body: list[str]) -> str:
    if fmt == "md":
        return f"---\ntitle: {title}\n---\n\n# {title}\n\n" + "\n\n".join(body) + "\n\n## References\n\n1. Product prescribing information.\n"
    if fmt == "html":
        ps = "\n".join(f"<p>{html.escape(p)}</p>" for p in body)
        return f"<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>{html.escape(title)}</title></head>\n<body><article>\n<h1>{html.escape(title)}</h1>\n{ps}\n<h2>References</h2>\n<ol><li>Product prescribing information.</li></ol>\n</article></body></html>\n"
    return f"{title}\n\n" + "\n\n".join(body) + "\n\nCitations\n"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int)
    ap.add_argument("outdir", type=pathlib.Path)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--formats", default="txt,md,html")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    formats = args.formats.split(",")
    paras = paragraphs()
    args.outdir.mkdir(parents=True, exist_ok=True)
    total = 0
    for i in range(args.n):
        fmt = formats[i % len(formats)]
        body = [perturb(p, rng) for p in rng.sample(paras, k=min(len(paras), rng.randint(8, 16)))]
        text = render(fmt, f"IVIG article {i:06d}", body)
        (args.outdir / f"article-{i:06d}.{fmt}").write_text(text, encoding="utf-8")
        total += len(text.encode())
    print(f"{args.n} articles, {total / 1e6:.1f} MB in {args.outdir}")


if __name__ == "__main__":
    main()
