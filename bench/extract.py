"""Extraction speed: model load time, words per second cold and warm, peak memory.

    .venv/bin/python bench/extract.py [SEEDS_DIR] [--repeat N]

Cold is the first pass over the articles in a fresh process (model loaded, first parse);
warm is the best of N further passes. Extraction runs on one core (spaCy's default here).
"""

from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

from generator.files.articles import article_paths, read_article
from generator.extract import combine, extract_articles, load_model


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("seeds", nargs="?", type=Path, default=Path(__file__).parent.parent / "seeds")
    parser.add_argument("--repeat", type=int, default=5)
    options = parser.parse_args()

    articles = [article for path in article_paths(options.seeds)
                for article in [read_article(path)[0]] if article is not None]
    words = sum(article.words for article in articles)

    started = time.perf_counter()
    nlp = load_model()
    load_seconds = time.perf_counter() - started

    def one_pass() -> float:
        began = time.perf_counter()
        combine(extract_articles(nlp, articles))   # one batched parse, as `explainer extract` does
        return time.perf_counter() - began

    cold = one_pass()
    warm = min(one_pass() for _ in range(options.repeat))
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(f"articles            {len(articles)}")
    print(f"words               {words}")
    print(f"model load          {load_seconds:.2f} s")
    print(f"cold pass           {cold:.3f} s  {words / cold:,.0f} words/s")
    print(f"warm pass (best/{options.repeat}) {warm:.3f} s  {words / warm:,.0f} words/s")
    print(f"warm / cold         {cold / warm:.2f}x faster")
    print(f"target 5,000 w/s    {words / warm / 5000:.2f}x of target")
    print(f"peak memory         {peak_mib:.0f} MiB")


if __name__ == "__main__":
    main()
