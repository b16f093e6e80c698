"""Benchmarks: our extractor vs. peer table extractors on the sample corpus."""
