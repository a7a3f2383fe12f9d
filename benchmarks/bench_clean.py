"""Throughput of `clean_text` on about 20 MB of realistic plain text, on one core.

The corpus is built from the two sample documents, varied so that no two documents are
identical: the essay as exported from PDF (wrapped lines, a blank line after each, page
numbers and running headers behind form feeds), the same essay as blank-line paragraphs
and hard-wrapped at 72 columns, and the story card with its mojibake and site chrome.

A baseline is timed in the same run over the same documents: one `re.sub` collapsing
blanks plus a `splitlines`/`strip`/`join` pass, the least any cleaner has to do. Figures are
the best of several rounds, in MB of UTF-8 per second of this process's CPU time (the work
is single-threaded, so that is one core, and it does not count time lost to other processes
on a busy machine); wall-clock figures are printed beside them.

Run: `.venv/bin/python benchmarks/bench_clean.py [--mb 20] [--rounds 3]`
"""

from __future__ import annotations

import argparse
import random
import re
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

from kinolog.text.clean import clean_text

SAMPLES = Path(__file__).resolve().parent.parent / "examples" / "cranes"
_YEAR = re.compile(r"\b19[0-9]{2}\b")
_BLANKS = re.compile(r"[ \t]+")


def _paragraphs(essay: str) -> list[str]:
    """The essay's paragraphs as single lines (from its cleaned form)."""
    return clean_text(essay).clean.split("\n\n")


def _vary(paragraphs: list[str], rng: random.Random) -> list[str]:
    shift = rng.randrange(len(paragraphs))
    rotated = paragraphs[shift:] + paragraphs[:shift]
    year = str(rng.randrange(1920, 1990))
    return [_YEAR.sub(year, p) if rng.random() < 0.3 else p for p in rotated]


def pdf_export(paragraphs: list[str], rng: random.Random, title: str) -> str:
    """Wrapped at ~90 columns, a blank line after every line, furniture at page ends."""
    out: list[str] = []
    page = 1
    lines_on_page = 0
    for paragraph in paragraphs:
        for k, line in enumerate(textwrap.wrap(paragraph, rng.randrange(84, 96))):
            out.append((" " if k == 0 else "") + line + " ")
            out.append("")
            lines_on_page += 1
            if lines_on_page == 24:
                out.extend([str(page), "", f"\f{title}", ""])
                page += 1
                lines_on_page = 0
        out.append("")
    return "\n".join(out)


def hard_wrapped(paragraphs: list[str], rng: random.Random) -> str:
    width = rng.randrange(66, 80)
    return "\n\n".join(textwrap.fill(p, width) for p in paragraphs) + "\n"


def build_corpus(megabytes: float, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    essay = (SAMPLES / "essay.txt").read_text(encoding="utf-8")
    card = (SAMPLES / "card.txt").read_text(encoding="utf-8")
    paragraphs = _paragraphs(essay)
    card_lines = card.split("\n")
    documents: list[str] = []
    size = 0
    target = megabytes * 1_000_000
    n = 0
    while size < target:
        varied = _vary(paragraphs, rng)
        style = n % 4
        if style == 0:
            doc = essay if n == 0 else pdf_export(varied, rng, f"Film Studies {n} — Cranes")
        elif style == 1:
            doc = "\n\n".join(varied) + "\n"
        elif style == 2:
            doc = hard_wrapped(varied, rng)
        else:
            doc = "\n".join([*card_lines[:14], varied[0], "", *card_lines[14:]])
        documents.append(doc)
        size += len(doc.encode("utf-8"))
        n += 1
    return documents


def best_rates(
    documents: list[str], work: Callable[[str], object], rounds: int
) -> tuple[float, float]:
    """Best MB/s over `rounds`: (CPU time of this process, wall clock)."""
    megabytes = sum(len(d.encode("utf-8")) for d in documents) / 1_000_000
    cpu = wall = float("inf")
    for _ in range(rounds):
        start_cpu, start_wall = time.process_time(), time.perf_counter()
        for doc in documents:
            work(doc)
        cpu = min(cpu, time.process_time() - start_cpu)
        wall = min(wall, time.perf_counter() - start_wall)
    return megabytes / cpu, megabytes / wall


def baseline(doc: str) -> str:
    return "\n".join(line.strip() for line in _BLANKS.sub(" ", doc).splitlines())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=20.0, help="corpus size in MB")
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds (best is kept)")
    args = parser.parse_args()

    documents = build_corpus(args.mb)
    megabytes = sum(len(d.encode("utf-8")) for d in documents) / 1_000_000
    clean_text(documents[0])  # load the word list once, as a long-running process has
    print(f"corpus: {len(documents)} documents, {megabytes:.1f} MB")

    ours = best_rates(documents, clean_text, args.rounds)
    base = best_rates(documents, baseline, args.rounds)
    whole = best_rates(["\n\n".join(documents)], clean_text, 1)
    print(f"{'MB/s (best of rounds)':34} {'cpu':>8} {'wall':>8}")
    print(f"{'clean_text, document by document':34} {ours[0]:8.2f} {ours[1]:8.2f}")
    print(f"{'clean_text, one text of all':34} {whole[0]:8.2f} {whole[1]:8.2f}")
    print(f"{'baseline (re.sub + splitlines)':34} {base[0]:8.2f} {base[1]:8.2f}")
    print(f"{'ratio baseline / clean_text':34} {base[0] / ours[0]:7.1f}x {base[1] / ours[1]:7.1f}x")


if __name__ == "__main__":
    main()
