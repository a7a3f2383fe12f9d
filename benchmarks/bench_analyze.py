"""End-to-end speed and memory of `analyze` against spaCy's own pipeline, measured in one run.

Prints:
- warm: time of analyze() (read, clean, extract, assemble) on the sample essay, and the time the
  bare trained spaCy pipeline takes on the same cleaned text, with their ratio (goal ≤ 1.5×);
- cold: wall time of a fresh `kinolog analyze` process on the essay (goal < 3 s on 2 cores);
- memory: peak resident memory of a fresh process analysing a 50,000-word document (goal < 600 MB).
"""

from __future__ import annotations

import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ESSAY = ROOT / "examples" / "cranes" / "essay.txt"


def _best(fn, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def warm() -> tuple[float, float]:
    import spacy

    from kinolog.analysis import analyze
    from kinolog.config import load_settings
    from kinolog.engine.pipeline import load_pipeline, resolve_model_name
    from kinolog.text import read_document

    settings = load_settings()
    load_pipeline(settings)
    bare = spacy.load(resolve_model_name(settings.spacy_model))
    clean = read_document(ESSAY).clean
    analyze([ESSAY])
    bare(clean)
    ours = _best(lambda: analyze([ESSAY]))
    theirs = _best(lambda: bare(clean))
    return ours, theirs


def _median_run(command: list[str]) -> float:
    runs = []
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def cold() -> tuple[float, float]:
    """A fresh `kinolog analyze`, and a fresh bare spaCy process parsing the same file."""
    from kinolog.config import load_settings
    from kinolog.engine.pipeline import resolve_model_name

    model = resolve_model_name(load_settings().spacy_model)
    kinolog = Path(sys.executable).with_name("kinolog")
    ours = _median_run(
        [str(kinolog), "analyze", str(ESSAY), "--format", "json", "--out", "/dev/null"]
    )
    bare = (
        f"import spacy; nlp = spacy.load({model!r}); "
        f"nlp(open({str(ESSAY)!r}, encoding='utf-8').read())"
    )
    return ours, _median_run([sys.executable, "-c", bare])


def memory(words: int = 50_000) -> tuple[int, float]:
    text = ESSAY.read_text(encoding="utf-8")
    per_copy = len(text.split())
    with tempfile.TemporaryDirectory() as folder:
        big = Path(folder) / "big.txt"
        big.write_text("\n\n".join([text] * (words // per_copy + 1)), encoding="utf-8")
        code = (
            "import resource, sys; from kinolog.analysis import analyze;"
            f"analyze([{str(big)!r}]);"
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
        )
        start = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
        elapsed = time.perf_counter() - start
        actual = len(big.read_text(encoding="utf-8").split())
    return actual, int(out.stdout.split()[-1]) / 1024, elapsed  # type: ignore[return-value]


def main() -> None:
    ours, theirs = warm()
    print(f"warm analyze(essay)        {ours * 1000:8.1f} ms")
    print(f"warm bare spaCy(essay)     {theirs * 1000:8.1f} ms")
    print(f"ratio analyze / spaCy      {ours / theirs:8.2f}x   (goal <= 1.5x)")
    ours_cold, bare_cold = cold()
    print(f"cold `kinolog analyze`     {ours_cold:8.2f} s    (goal < 3 s)")
    print(f"cold bare spaCy process    {bare_cold:8.2f} s    (ratio {ours_cold / bare_cold:.2f}x)")
    words, peak_mb, elapsed = memory()
    print(f"peak RSS, {words} words   {peak_mb:8.0f} MB   (goal < 600 MB; {elapsed:.1f} s)")
    own_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"this process peak RSS      {own_peak:8.0f} MB")


if __name__ == "__main__":
    main()
